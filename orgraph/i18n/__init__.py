"""Swedish first, English too: orgraph's message catalogs for the page and the command line.

The catalogs are gettext ``.po`` files under ``orgraph/i18n/locale/<lang>/LC_MESSAGES/orgraph.po``,
managed with Babel; the compiled ``.mo`` beside each is what is read at run time (by the standard
library, so Babel is needed only to extract and compile).  ``tests/test_i18n.py`` compiles every ``.po``
with Babel and fails when a ``.mo`` is stale or a catalog lacks a message.  Message ids are the English
texts; JSON keys and ids are never translated.

>>> gettext("sv")("Search")
'Sök'
>>> gettext("en")("Search")
'Search'
>>> language(None, "en"), language("sv", "en"), language(None, None)
('en', 'sv', 'sv')
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Callable
from contextvars import ContextVar
from functools import cache
from typing import TYPE_CHECKING, Any

from orgraph.errors import UsageError

#: The languages orgraph speaks, Swedish first.
LANGUAGES: tuple[str, ...] = ("sv", "en")
#: The language when neither the user nor the model says: Swedish (everyone who reads this does).
DEFAULT = "sv"
#: The gettext domain and where its catalogs are.
DOMAIN = "orgraph"
#: ``LOCALE_DIR``, the directory of the catalogs, is a :class:`~pathlib.Path` made on first use (below):
#: every command imports this module, ``orgraph --help`` too, and pathlib is a tenth of its start-up.


def __getattr__(name: str) -> Any:
    if name == "LOCALE_DIR":
        return _locale_dir()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@cache
def _locale_dir() -> Path:
    from pathlib import Path

    return Path(__file__).resolve().parent / "locale"


if TYPE_CHECKING:
    from pathlib import Path

_current: ContextVar[str] = ContextVar("orgraph_language", default=DEFAULT)


def check_language(lang: str) -> str:
    """``lang`` when orgraph speaks it, else a :class:`~orgraph.errors.UsageError` naming the choices."""
    if lang not in LANGUAGES:
        raise UsageError(f"unknown language {lang!r}: choose one of {', '.join(LANGUAGES)}")
    return lang


def language(chosen: str | None, declared: str | None) -> str:
    """The language to speak: the user's choice (``--lang``), else the model's declared one, else Swedish."""
    return check_language(chosen or declared or DEFAULT)


@cache
def translations(lang: str) -> _gettext.GNUTranslations:
    """The compiled catalog of ``lang``."""
    check_language(lang)
    path = _locale_dir() / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    with path.open("rb") as handle:
        return _gettext.GNUTranslations(handle)


def gettext(lang: str) -> Callable[[str], str]:
    """The translating function of ``lang``: a message id (English) to its text in ``lang``."""
    return translations(lang).gettext


def messages(lang: str, ids: list[str] | tuple[str, ...]) -> dict[str, str]:
    """``{id: text}`` for these message ids in ``lang`` (what the page embeds)."""
    translate = gettext(lang)
    return {message: translate(message) for message in ids}


def use(lang: str) -> None:
    """Speak ``lang`` from now on in this context (what ``_`` translates to)."""
    _current.set(check_language(lang))


def current() -> str:
    """The language ``_`` translates to."""
    return _current.get()


def _(message: str) -> str:
    """``message`` in the current language (see :func:`use`).

    >>> use("sv"); _("Relations")
    'Relationer'
    """
    return gettext(_current.get())(message)


def N_(message: str) -> str:  # noqa: N802 - gettext's name for "mark for extraction, translate later"
    """Mark a message for extraction without translating it now."""
    return message


__all__ = ["DEFAULT", "DOMAIN", "LANGUAGES", "LOCALE_DIR", "N_", "_", "check_language", "current", "gettext",
           "language", "messages", "translations", "use"]
