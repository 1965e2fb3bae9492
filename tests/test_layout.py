"""The package's house rules that a reader checks by eye, checked by a test: module size, ``__all__``, ``py.typed``."""

from __future__ import annotations

from pathlib import Path

import pytest

import orgraph

PACKAGE = Path(orgraph.__file__).resolve().parent
LIMIT = 400  # lines: one module, one room


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_is_over_the_limit(path: Path) -> None:
    assert lines(path) <= LIMIT, f"orgraph/{path.relative_to(PACKAGE)} has {lines(path)} lines (limit {LIMIT}): split it"


def test_the_limit_is_measured_as_wc_counts(tmp_path: Path) -> None:
    big = tmp_path / "big.py"
    big.write_text("x = 1\n" * (LIMIT + 1), encoding="utf-8")
    assert lines(big) == LIMIT + 1 > LIMIT
