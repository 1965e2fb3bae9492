"""The library's own error for unusable input, so that library code never imports the command line.

>>> str(UsageError("unknown council 'x'"))
"unknown council 'x'"
"""

__all__ = ["UsageError"]


class UsageError(Exception):
    """Unusable input (an unknown id, a bad option, an unreachable server): the command line prints the
    message and exits with code 2."""
