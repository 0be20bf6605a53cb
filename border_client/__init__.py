"""Border crossing registration: the post's desktop client."""

__version__ = "0.1.0"
