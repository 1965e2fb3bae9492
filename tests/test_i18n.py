"""The message catalogs: complete in Swedish and English, compiled ``.mo`` never stale, the page's
texts all in the catalog, and the language chosen by ``--lang``, else the model, else Swedish."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from orgraph import i18n
from orgraph.errors import UsageError
from orgraph.i18n import catalogs
from orgraph.render.texts import MEANINGS, PAGE_MESSAGES
from orgraph.resources import data_dir

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def lacking(catalog, ids: set[str]) -> list[str]:
    """The ids a catalog does not translate (absent, empty or fuzzy)."""
    return sorted(i for i in ids if i not in catalog or not catalog[i].string or catalog[i].fuzzy)


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_message_is_translated(lang):
    catalog = catalogs.read(lang)
    wanted = catalogs.expected_ids()
    assert len(wanted) > 60
    assert lacking(catalog, wanted) == []
    assert sorted(m.id for m in catalog if m.id and m.id not in wanted) == []  # nothing obsolete


def test_a_missing_message_is_found(tmp_path):
    catalog = catalogs.read("sv")
    catalog.delete("Held by")
    assert lacking(catalog, catalogs.expected_ids()) == ["Held by"]
    catalog.add("Held by", "")
    assert lacking(catalog, catalogs.expected_ids()) == ["Held by"]


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_the_compiled_catalog_is_the_po_file_compiled_now(lang):
    mo = catalogs.po_path(lang).with_suffix(".mo")
    assert mo.read_bytes() == catalogs.compiled(lang), f"{mo} is stale: run python -m orgraph.i18n.catalogs"


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_translations_keep_their_placeholders(lang):
    for message in catalogs.read(lang):
        if message.id:
            assert sorted(PLACEHOLDER.findall(message.string)) == sorted(PLACEHOLDER.findall(message.id)), message.id


def test_swedish_is_swedish_and_english_is_english():
    sv, en = i18n.gettext("sv"), i18n.gettext("en")
    assert (sv("Held by"), en("Held by")) == ("Innehas av", "Held by")
    assert sv("a post belongs to a body") == "en befattning hör till ett organ"


def test_every_text_the_page_shows_is_a_page_message():
    assets = data_dir("visualize")
    script = (assets / "app.js").read_text(encoding="utf-8")
    template = (assets / "template.html").read_text(encoding="utf-8")
    used = set(re.findall(r'\bt(?:Parts)?\("((?:[^"\\]|\\.)*)"', script))
    used |= set(re.findall(r'data-i18n(?:-placeholder|-label)?="([^"]*)"', template))
    assert len(used) > 40
    assert sorted(used - set(PAGE_MESSAGES)) == []
    assert sorted(set(PAGE_MESSAGES) - used) == []  # and none is left over
    assert len(MEANINGS) == len(set(MEANINGS))


def test_the_language_is_chosen_then_declared_then_swedish():
    assert i18n.language("en", "sv") == "en"
    assert i18n.language(None, "en") == "en"
    assert i18n.language(None, None) == i18n.DEFAULT == "sv"
    with pytest.raises(UsageError, match="unknown language 'fr'"):
        i18n.language("fr", None)


def test_the_seed_declares_swedish(seed_model):
    from conftest import TODAY

    from orgraph.backends.memory import MemoryBackend
    from orgraph.render.page import declared_language

    assert declared_language(MemoryBackend(seed_model, TODAY)) == "sv"


def test_the_catalogs_ship_inside_the_package():
    assert Path(i18n.__file__).parent / "locale" == i18n.LOCALE_DIR
    assert all((i18n.LOCALE_DIR / lang / "LC_MESSAGES" / "orgraph.mo").is_file() for lang in i18n.LANGUAGES)
