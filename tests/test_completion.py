"""Shell completion, driven through click's real protocol as bash calls it: ids, topics, rules, queries."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ORGRAPH = shutil.which("orgraph", path=str(Path(sys.executable).parent)) or "orgraph"


def complete(words: str, shell: str = "bash") -> list[str]:
    """What ``orgraph`` offers for the last word of ``words``, as bash's completion function asks."""
    parts = words.split(" ")
    env = {**os.environ, "_ORGRAPH_COMPLETE": f"{shell}_complete", "COMP_WORDS": words,
           "COMP_CWORD": str(len(parts) - 1)}
    result = subprocess.run([ORGRAPH], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return [line.split(",", 1)[1] for line in result.stdout.splitlines() if line.startswith("plain,")]


@pytest.mark.parametrize("words, expected", [
    ("orgraph escalate sr-o", ["sr-ortopedi"]),
    ("orgraph escalate sr-ortopedi --topic region-", ["region-wide-decision"]),
    ("orgraph show lg-", ["lg-hs"]),
    ("orgraph check --rule council-one-c", ["council-one-chair", "council-one-contact-person"]),
    ("orgraph query may-", ["may-decide"]),
    ("orgraph escalate sr-ortopedi --from sr-ortopedi-ko", ["sr-ortopedi-kontaktperson", "sr-ortopedi-koordinator"]),
])
def test_bash_completes_from_the_model(words, expected):
    assert complete(words) == expected


def test_completion_reads_the_model_named_by_data(tmp_path, seed_dir):
    shutil.copytree(seed_dir, tmp_path / "m")
    assert "sr-ortopedi-ordforande" in complete(f"orgraph show --data {tmp_path / 'm'} sr-ortopedi-o")
    assert complete(f"orgraph show --data {tmp_path / 'nowhere'} sr-") == []  # no model: nothing, no error


def test_the_shell_scripts_are_generated():
    for shell in ("bash", "zsh", "fish"):
        result = subprocess.run([ORGRAPH], env={**os.environ, "_ORGRAPH_COMPLETE": f"{shell}_source"},
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 0 and "_ORGRAPH_COMPLETE" in result.stdout
