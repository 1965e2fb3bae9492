"""Every console example in the README and in ``docs/`` runs, and prints what the page says it prints.

In a ```` ```console ```` block each line starting with ``$ `` is a command (only ``orgraph …``), and the
lines after it, up to the next command, are its expected output.  A comment on the command line that
says ``exit N`` declares its exit code (default 0).  An example with no output shown must still
succeed.  ``…`` in the expected output stands for any text (doctest's ellipsis); whitespace runs compare
equal.  The date is allowed to differ: where the output shows today's date, a date in the page that the
output does not show stands for "the day the example was run".  Commands run through the real
``orgraph`` command in a scratch directory that sees the repository's ``seed/`` and ``examples/``, so an
example that writes a file writes it there.  Other fences (```` ```sh ````) are illustrations and are
not run.
"""

from __future__ import annotations

import datetime as dt
import doctest
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
EXIT = re.compile(r"\bexits? (\d)\b")
DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def allowing_the_date(expected: str, shown: str, today: str) -> tuple[str, str]:
    """Both texts with "today" made equal: today's date in the output, an unshown date in the page.

    >>> allowing_the_date("as of 2026-11-23, from 2025-07-01", "as of 2026-12-01, from 2025-07-01", "2026-12-01")
    ('as of <today>, from 2025-07-01', 'as of <today>, from 2025-07-01')
    """
    if today not in shown:
        return expected, shown
    expected = DATE.sub(lambda m: m.group() if m.group() in shown else "<today>", expected)
    return expected, shown.replace(today, "<today>")


@dataclass(frozen=True)
class Example:
    page: Path
    line: int
    command: str
    expected: str
    exit_code: int

    def __str__(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}: {self.command}"


def examples(page: Path) -> list[Example]:
    """The console examples of one Markdown page, in order.

    >>> import tempfile
    >>> md = Path(tempfile.mkdtemp()) / "x.md"
    >>> _ = md.write_text("```console\\n$ orgraph list topics  # exits 0\\nid\\n```\\n", encoding="utf-8")
    >>> [(e.line, e.command, e.expected, e.exit_code) for e in examples(md)]
    [(2, 'orgraph list topics', 'id\\n', 0)]
    """
    found: list[Example] = []
    lines = page.read_text(encoding="utf-8").splitlines()
    in_console = False
    current: list = []

    def close() -> None:
        if current:
            number, command, code, output = current
            found.append(Example(page, number, command, "".join(line + "\n" for line in output), code))
            current.clear()

    for number, line in enumerate(lines, 1):
        if line.startswith("```"):
            if in_console:
                close()
            in_console = line.strip() == "```console"
            continue
        if not in_console:
            continue
        if line.startswith("$ "):
            close()
            command, _, comment = line[2:].partition("  #")
            code = EXIT.search(comment)
            current.extend([number, command.strip(), int(code.group(1)) if code else 0, []])
        elif current:
            current[3].append(line)
    return found


ALL = [example for page in PAGES for example in examples(page)]


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    """A working directory holding copies of the repository's models, for the examples that name them (copies,
    not links: a report names a file relative to the working directory only when the file is really below it)."""
    directory = tmp_path_factory.mktemp("docs")
    for name in ("seed", "examples"):
        shutil.copytree(ROOT / name, directory / name)
    return directory


def test_the_pages_have_examples() -> None:
    assert len(ALL) >= 10, [str(e) for e in ALL]


@pytest.mark.parametrize("example", ALL, ids=str)
def test_example(example: Example, scratch: Path) -> None:
    argv = shlex.split(example.command)
    assert argv[0] == "orgraph", f"{example}: console examples run orgraph only"
    orgraph = shutil.which("orgraph", path=str(Path(sys.executable).parent)) or "orgraph"
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
    env.pop("NEO4J_URI", None)
    result = subprocess.run([orgraph, *argv[1:]], cwd=scratch, capture_output=True, text=True, env=env,
                            timeout=120)
    shown = result.stdout + result.stderr
    assert result.returncode == example.exit_code, f"{example}: exit {result.returncode}\n{shown[-2000:]}"
    if example.expected.strip():
        checker = doctest.OutputChecker()
        flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
        expected, actual = allowing_the_date(example.expected.replace("…", "..."), shown, dt.date.today().isoformat())
        assert checker.check_output(expected, actual, flags), \
            f"{example}: output differs\n--- expected\n{example.expected}--- got\n{shown}"


def test_the_command_reference_names_every_command_and_option() -> None:
    from orgraph.cli.reference import with_reference

    page = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")
    assert with_reference(page) == page, "docs/commands.md is stale: python -m orgraph.cli.reference docs/commands.md"


def _every_command():
    import click

    from orgraph.cli import main

    def walk(group: click.Group, prefix: str):
        ctx = click.Context(group)
        for name in group.list_commands(ctx):
            command = group.get_command(ctx, name)
            yield f"{prefix} {name}", command
            if isinstance(command, click.Group):
                yield from walk(command, f"{prefix} {name}")

    return list(walk(main, "orgraph"))


def test_every_command_and_option_is_named_in_the_readme_or_the_docs() -> None:
    """Independent of the generated reference: each command's name and each option's long name is written
    somewhere a reader looks (README.md or docs/*.md), next to its command's heading or usage."""
    import click

    text = "\n".join(page.read_text(encoding="utf-8") for page in PAGES)
    missing = []
    for path, command in _every_command():
        if f"`{path}`" not in text and f"{path} " not in text:
            missing.append(path)
        for param in command.params:
            if isinstance(param, click.Option):
                for name in param.opts + param.secondary_opts:
                    if name.startswith("--") and name not in text:
                        missing.append(f"{path} {name}")
    assert not missing, f"not named in README.md or docs/: {missing}"
