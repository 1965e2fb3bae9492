"""The read commands' JSON stays what it was before the package was restructured (issue 10).

The golden files were captured with ``python -m tests.golden.capture`` before the move; a change that
is meant to change an output regenerates them and says so in the CHANGELOG.
"""

from __future__ import annotations

import json

import pytest

from tests.golden.capture import DATES, MODELS, capture, golden_path


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("day", DATES)
def test_outputs_match_golden(model: str, day: str) -> None:
    expected = json.loads(golden_path(model, day).read_text(encoding="utf-8"))
    actual = json.loads(json.dumps(capture(model, day), ensure_ascii=False, sort_keys=True))
    assert actual.keys() == expected.keys()
    changed = [key for key in expected if actual[key] != expected[key]]
    assert not changed, f"{len(changed)} outputs changed, first: {changed[:5]}"
