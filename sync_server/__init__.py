"""Central office sync server and web console."""

__version__ = "0.1.0"
