"""No label, relationship type, role or topic id is spelled as text in the library outside the vocabulary.

A typo in such a string (``"HOLD"``) silently matches nothing, which for a rule is a missed finding; a
constant (``Rel.HOLDS``) fails at import.  This test walks the AST of every module of ``orgraph/`` and
fails on a string literal that equals a declared name.  Docstrings are prose and do not count.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from orgraph import vocabulary

PACKAGE = Path(vocabulary.__file__).resolve().parent
DECLARED = {str(name) for table in (vocabulary.LABELS, vocabulary.RELATIONSHIPS, vocabulary.ROLES,
                                    vocabulary.TOPICS) for name in table}
#: Modules that may spell names as text, and why: data generators write YAML, which is text.
ALLOWED = {
    "vocabulary.py": "the declarations themselves",
    "synth/region.py": "a data generator: it writes the YAML files a person would write",
    "synth/council.py": "a data generator: it writes the YAML files a person would write",
}


def docstrings(tree: ast.AST) -> set[int]:
    """The ids of the docstring nodes of a module, its classes and its functions."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def exported_names(tree: ast.AST) -> set[int]:
    """The ids of the strings in ``__all__``: they name Python objects (a class ``Clause``), not vocabulary."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            found |= {id(item) for item in ast.walk(node.value) if isinstance(item, ast.Constant)}
    return found


def spelled(source: str) -> list[tuple[int, str]]:
    """``(line, literal)`` for every string literal in ``source`` that spells a declared name.

    >>> spelled('x = "HOLDS"\\ny = "holds"\\n__all__ = ["Clause"]')
    [(1, 'HOLDS')]
    """
    tree = ast.parse(source)
    skip = docstrings(tree) | exported_names(tree)
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
            and node.value in DECLARED]


def library_modules() -> list[str]:
    return sorted(str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("module", [m for m in library_modules() if m not in ALLOWED])
def test_no_vocabulary_literal(module: str) -> None:
    found = spelled((PACKAGE / module).read_text(encoding="utf-8"))
    assert not found, f"orgraph/{module} spells vocabulary as text (use the constants): {found}"


def test_every_allowed_module_exists_and_still_needs_its_exception() -> None:
    for module in ALLOWED:
        assert (PACKAGE / module).is_file(), f"orgraph/{module} is allow-listed but does not exist"
        assert spelled((PACKAGE / module).read_text(encoding="utf-8")), f"orgraph/{module} needs no exception"


def test_a_planted_literal_is_found() -> None:
    source = (PACKAGE / "query" / "catalog.py").read_text(encoding="utf-8")
    assert spelled(source + '\nTYPO = "HOLDS"\n') == [(source.count("\n") + 2, "HOLDS")]
