"""The package's house rules that a reader checks by eye, checked by a test: module size, ``__all__``, ``py.typed``."""

from __future__ import annotations

import ast
import importlib
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


def declares_all(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "__all__" for t in node.targets)
               for node in tree.body)


def defines_public_names(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and not node.name.startswith("_"):
            return True
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and not t.id.startswith("_")
                                                for t in node.targets):
            return True
    return False


@pytest.mark.parametrize("path", [p for p in modules() if p.name != "__main__.py"],
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_module_with_public_names_declares_all(path: Path) -> None:
    assert declares_all(path) or not defines_public_names(path), \
        f"orgraph/{path.relative_to(PACKAGE)} defines public names but no __all__"
    if declares_all(path):
        module = importlib.import_module(".".join(("orgraph", *path.relative_to(PACKAGE).with_suffix("").parts))
                                         .removesuffix(".__init__"))
        missing = [name for name in module.__all__ if not hasattr(module, name)]
        assert not missing, f"orgraph/{path.relative_to(PACKAGE)}: __all__ names what it lacks: {missing}"


def test_the_all_check_sees_a_module_without_it(tmp_path: Path) -> None:
    bare = tmp_path / "bare.py"
    bare.write_text('"""A module."""\n\ndef public():\n    return 1\n', encoding="utf-8")
    assert defines_public_names(bare) and not declares_all(bare)


def test_the_package_is_typed() -> None:
    assert (PACKAGE / "py.typed").is_file()
