"""Waivers: accepted exceptions to the integrity rules, read from a YAML file.

Some rules are main principles, not absolute ones (the chair and the contact
person *normally* come from different administrations), so an exception must
be possible, decided by someone, time-limited and visible.  A waiver file is a
YAML list; each entry names a rule, the exact focus of the finding it accepts
(the node ids ``orgraph check`` prints, in any order), why, who decided it, and
when it expires (inclusive)::

    - rule: chair-contact-different-administrations
      focus: [sr-ortopedi-ordforande, ingrid-malmvik, sr-ortopedi-kontaktperson, stefan-hallengren, su]
      reason: Ingen annan kandidat fanns under omorganisationen.
      decided_by: Ledningsgrupp hälso- och sjukvård, 2025-06-12
      expires: 2026-12-31

A malformed file is unusable input: :func:`load_waivers` raises
:class:`~orgraph.model.loader.ModelError` naming file, line and value for every error.

>>> w = Waiver("vacant-post", ("sr-ortopedi-ordforande",), "r", "d", dt.date(2026, 12, 31), "waivers.yaml", 1)
>>> w.expired(dt.date(2026, 12, 31)), w.expired(dt.date(2027, 1, 1))
(False, True)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from orgraph.model.loader import ModelError, Problem, read_yaml, validation_problems
from orgraph.model.schema import Slug, Text
from orgraph.names import did_you_mean

__all__ = ["DEFAULT_NAMES", "Waiver", "default_file", "load_waivers"]

#: The waiver file ``orgraph check`` reads from the data directory when no ``--waivers`` is given.
DEFAULT_NAMES = ("waivers.yaml", "waivers.yml")


@dataclass(frozen=True)
class Waiver:
    """One accepted exception: a rule, the exact focus it accepts, why, who decided, until when."""

    rule: str
    focus: tuple[str, ...]
    reason: str
    decided_by: str
    expires: dt.date
    file: str = ""
    line: int | None = None

    def expired(self, day: dt.date) -> bool:
        """True when ``day`` is after the expiry date (a waiver holds on its expiry date)."""
        return day > self.expires

    def matches(self, rule: str, focus: Iterable[str]) -> bool:
        """True when this waiver is for ``rule`` and exactly this focus (in any order)."""
        return rule == self.rule and sorted(self.focus) == sorted(focus)

    def to_json(self) -> dict[str, Any]:
        """The waiver as the report's JSON shows it (``waived_by``)."""
        return {"decided_by": self.decided_by, "reason": self.reason, "expires": self.expires.isoformat(),
                "file": self.file, "line": self.line}


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: Slug
    focus: tuple[Slug, ...]
    reason: Text
    decided_by: Text
    expires: dt.date


def default_file(data_dir: Path) -> Path | None:
    """The waiver file in a data directory, if there is one."""
    for name in DEFAULT_NAMES:
        if (data_dir / name).is_file():
            return data_dir / name
    return None


def load_waivers(path: str | Path, known_rules: Iterable[str]) -> tuple[Waiver, ...]:
    """Read and validate a waiver file; raise ModelError with every problem (file, line, value)."""
    path = Path(path)
    shown = str(path)
    value, lines = read_yaml(path)
    if value in (None, {}):
        return ()
    if not isinstance(value, list):
        raise ModelError([Problem(shown, lines.get(()), "a waiver file must be a list of waivers",
                                  type(value).__name__)])
    known = list(known_rules)
    problems: list[Problem] = []
    waivers: list[Waiver] = []
    seen: dict[tuple[str, tuple[str, ...]], int | None] = {}
    for index, item in enumerate(value):
        line = lines.get((index,))
        try:
            entry = _Entry.model_validate(item)
        except ValidationError as error:
            problems.extend(validation_problems(shown, error, value, lines, (index,)))
            continue
        if entry.rule not in known:
            hint = did_you_mean(entry.rule, known)
            problems.append(Problem(shown, lines.get((index, "rule"), line),
                                    f"unknown rule id ({hint or 'see orgraph list rules'})", entry.rule))
            continue
        key = (entry.rule, tuple(sorted(entry.focus)))
        if key in seen:
            problems.append(Problem(shown, line, f"the same waiver twice (first at line {seen[key]})", entry.rule))
            continue
        seen[key] = line
        waivers.append(Waiver(entry.rule, entry.focus, entry.reason, entry.decided_by, entry.expires, shown, line))
    if problems:
        raise ModelError(problems)
    return tuple(waivers)
