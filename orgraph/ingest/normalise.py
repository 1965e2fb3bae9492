"""Text as the matcher compares it: whitespace, soft hyphens, line-break hyphenation, quote marks and dashes
made equal, Markdown emphasis and links taken out.

The clause format (``/work/brief/CLAUSES.md``: whitespace-, soft-hyphen-, hyphenation- and quote-normalised)
fixes what counts as the same words; PDF and DOCX add line breaks, hyphenation and curly quotes of their own.

>>> normalise("Ordförande  kan\\nlyfta ”behov”\\u00ad")
'Ordförande kan lyfta "behov"'
>>> strip_markdown("Enligt [Rutin för grupper \\\\(vregion.se\\\\)](http://vregion.se).")
'Enligt Rutin för grupper (vregion.se).'
>>> join_lines(["sam-", "ordningsråd", "hälso-", "och sjukvård"])
'samordningsråd hälso- och sjukvård'
"""

from __future__ import annotations

import re
import unicodedata

from orgraph.model import sources

__all__ = ["normalise", "tidy", "strip_markdown", "join_lines", "slug", "words", "KEEP_HYPHEN_BEFORE"]

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "’": "'", "‘": "'", "«": '"', "»": '"',
                         "–": "-", "—": "-", "‑": "-", "\u00a0": " ", "\u2009": " ", "\u202f": " "})
_SOFT = re.compile("[\u00ad\u200b\u200c\u200d\ufeff]")
_SPACE = re.compile(r"\s+")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
#: Words after a line-final hyphen that keep it ("hälso- och sjukvård" is a suspended compound, not a break).
KEEP_HYPHEN_BEFORE = frozenset({"och", "eller", "samt", "till", "respektive", "resp", "som"})


def strip_markdown(text: str) -> str:
    """``text`` without Markdown's bold, heading marks, links and backslash escapes (the words stay)."""
    text = text.replace("****", " ").replace("**", "")
    text = re.sub(r"^#{1,6}\s+", "", text.strip())
    text = _LINK.sub(r"\1", text)
    return _ESCAPE.sub(r"\1", text)


def normalise(text: str) -> str:
    """``text`` as :func:`orgraph.model.sources.normalise` compares quotes (hyphenation, soft hyphens, quote
    marks, whitespace), with dashes, non-breaking spaces and zero-width characters made equal too (what a
    DOCX or PDF adds)."""
    return sources.normalise(_SOFT.sub("", unicodedata.normalize("NFC", text)).translate(_QUOTES))


def tidy(text: str) -> str:
    """``text`` as written, with soft hyphens gone and whitespace runs one space (what a Clause keeps).

    >>> tidy("Ordförande  kan\\n”lyfta”\u00ad")
    'Ordförande kan ”lyfta”'
    """
    return _SPACE.sub(" ", _SOFT.sub("", unicodedata.normalize("NFC", text).replace("\u00a0", " "))).strip()


def join_lines(lines: list[str]) -> str:
    """Lines of one paragraph as one line: a hyphen at a line's end joins the word, unless it is a
    suspended compound ("hälso-" + "och")."""
    out = ""
    for line in (part.strip() for part in lines):
        if not line:
            continue
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha():
            first = line.split(" ", 1)[0].strip(",.").lower()
            if line[0].islower() and first not in KEEP_HYPHEN_BEFORE:
                out = out[:-1] + line
                continue
        out = f"{out} {line}" if out else line
    return out


def slug(text: str) -> str:
    """An id part, as the clause ids of the model are made (:func:`orgraph.model.sources.slug`).

    >>> slug("Samband och gränsdragning till andra uppdrag/koncernövergripande grupper")
    'samband-och-gransdragning-till-andra-uppdrag-koncernovergripande-grupper'
    """
    return sources.slug(text)


def words(text: str) -> list[str]:
    """The words and punctuation of normalised ``text``, for word-level comparison.

    >>> words("ett begränsat antal, (RS 2019)")
    ['ett', 'begränsat', 'antal', ',', '(', 'RS', '2019', ')']
    """
    return re.findall(r"[\w:/.@-]+(?<![.:])|[^\w\s]", normalise(text))
