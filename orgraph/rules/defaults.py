"""The defaults of ``orgraph check``'s options, in a module light enough for the command line to import.

>>> DEFAULT_ADJUNCT_LIMIT, DEFAULT_MAX_MANDATE_AGE_YEARS
(5, 3)
"""

__all__ = ["DEFAULT_ADJUNCT_LIMIT", "DEFAULT_MAX_MANDATE_AGE_YEARS"]

#: Adjunct participants a council may have when its own ``adjunct_limit`` says nothing (``--adjunct-limit``).
DEFAULT_ADJUNCT_LIMIT = 5
#: A mandate older than this many years is reported (``--max-mandate-age-years``).
DEFAULT_MAX_MANDATE_AGE_YEARS = 3
