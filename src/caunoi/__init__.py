"""caunoi — the information system of a Vietnamese provincial Union of Friendship Organizations."""

__version__ = "0.1.0"
