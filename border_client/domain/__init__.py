"""Pure-Python rules: MRZ parsing, check digits, countries, stay rules, watchlist matching.

Nothing here imports Qt, SQL, HTTP or OpenCV (tests/client/domain/test_purity.py keeps it so).
"""
