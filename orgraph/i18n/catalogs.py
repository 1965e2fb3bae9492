"""Keeping the catalogs with Babel: extract the message ids from the code, update the ``.po`` files,
compile the ``.mo`` files the program reads.

Run ``python -m orgraph.i18n.catalogs`` after changing a message: it adds new ids to every ``.po``
(untranslated, so that ``tests/test_i18n.py`` fails until someone translates them), drops ids no longer
used, and compiles every ``.mo``.

>>> "Held by" in expected_ids() and "a post belongs to a body" in expected_ids()
True
"""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from orgraph import vocabulary
from orgraph.i18n import DOMAIN, LANGUAGES, LOCALE_DIR

PACKAGE = Path(__file__).resolve().parent.parent
#: The functions whose string argument is a message id.
KEYWORDS = {"_": None, "N_": None}


def expected_ids() -> set[str]:
    """Every message id the program uses: marked with ``_``/``N_`` in ``orgraph/``, and the vocabulary's
    relationship meanings (which the page shows)."""
    found = {message for _, _, message, _, _ in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS) if isinstance(message, str)}
    return found | {r.meaning for r in vocabulary.RELATIONSHIPS.values()}


def po_path(lang: str) -> Path:
    """Where ``lang``'s ``.po`` catalog is (the ``.mo`` is beside it)."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read(lang: str) -> Catalog:
    """``lang``'s ``.po`` catalog."""
    with po_path(lang).open("rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN)


def compiled(lang: str) -> bytes:
    """``lang``'s ``.mo`` as Babel compiles it from the ``.po`` now."""
    out = io.BytesIO()
    write_mo(out, read(lang))
    return out.getvalue()


def update(lang: str, translations: dict[str, str] | None = None) -> Catalog:
    """Bring ``lang``'s ``.po`` to the ids in use (new ones untranslated unless given), and write it."""
    catalog = read(lang) if po_path(lang).exists() else Catalog(locale=lang, domain=DOMAIN, project="orgraph")
    catalog.project, catalog.version, catalog.fuzzy = "orgraph", "0.1.0", False
    catalog.copyright_holder, catalog.msgid_bugs_address = "the orgraph authors", ""
    catalog.last_translator = catalog.language_team = "the orgraph authors"
    wanted = expected_ids()
    for message in sorted(wanted):
        if message not in catalog:
            catalog.add(message, (translations or {}).get(message, ""))
        elif translations and message in translations and not catalog[message].string:
            catalog[message].string = translations[message]
    for obsolete in [m.id for m in catalog if m.id and m.id not in wanted]:
        catalog.delete(obsolete)
    po_path(lang).parent.mkdir(parents=True, exist_ok=True)
    with po_path(lang).open("wb") as handle:
        write_po(handle, catalog, width=120, sort_output=True, no_location=True)
    return catalog


def main() -> None:
    """Update every ``.po`` (English translates to itself) and compile every ``.mo``."""
    for lang in LANGUAGES:
        update(lang, {m: m for m in expected_ids()} if lang == "en" else None)
        (po_path(lang).with_suffix(".mo")).write_bytes(compiled(lang))


if __name__ == "__main__":
    main()


__all__ = ["KEYWORDS", "compiled", "expected_ids", "main", "po_path", "read", "update"]
