"""The defaults of ``orgraph check``'s options, in a module light enough for the command line to import.

There is no default for the number of adjunct participants: neither text states one (``--max-adjuncts``
is a policy setting with no default).

>>> DEFAULT_MAX_MANDATE_AGE_YEARS
3
"""

__all__ = ["DEFAULT_MAX_MANDATE_AGE_YEARS"]

#: A mandate older than this many years is reported (``--max-mandate-age-years``).
DEFAULT_MAX_MANDATE_AGE_YEARS = 3
