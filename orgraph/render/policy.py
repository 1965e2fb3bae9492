"""The page's security policy: one self-contained file, data only as escaped JSON, only our scripts run.

vis-network's standalone build is inlined from the installed pyvis package, so the file needs no
network at all.  Everything from the model reaches the page only as JSON inside
``<script type="application/json">`` (with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped) and is shown
with ``textContent``; the page's Content-Security-Policy forbids every network request and runs only
its own two scripts (by hash).

>>> script_json({"name": "</script>"})
'{"name":"\\\\u003c/script\\\\u003e"}'
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from pathlib import Path
from typing import Any

from orgraph.model.values import plain
from orgraph.resources import data_dir

_PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")
_DATA_SCRIPT = re.compile(r'<script type="application/json" id="orgraph-data">(.*?)</script>', re.S)


def script_json(value: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">``: ``<``, ``>``, ``&``, U+2028/9 escaped.

    >>> script_json({"name": "</script><img src=x>"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=plain)
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"),
                          ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def page_data(page: str) -> dict[str, Any]:
    """The data embedded in a rendered page (for tests and scripts)."""
    match = _DATA_SCRIPT.search(page)
    if match is None:
        raise ValueError("not an orgraph page: no embedded data")
    return json.loads(match.group(1))


def vis_network_files() -> tuple[Path, Path]:
    """vis-network's standalone build (JS, CSS) as shipped by the installed pyvis: the newest version there."""
    import pyvis

    lib = Path(pyvis.__file__).resolve().parent / "lib"
    found = sorted((d for d in lib.glob("vis-*") if (d / "vis-network.min.js").is_file()),
                   key=lambda d: tuple(int(p) for p in re.findall(r"\d+", d.name)))
    if not found:
        raise FileNotFoundError(f"pyvis ships no vis-network build under {lib}")
    return found[-1] / "vis-network.min.js", found[-1] / "vis-network.css"


def assemble(data: dict[str, Any], lang: str = "sv") -> str:
    """The page: ``visualize/template.html`` with its styles, scripts and ``data`` inlined."""
    assets = data_dir("visualize")
    vis_js, vis_css = vis_network_files()
    parts = {
        "LANG": html.escape(lang),
        "TITLE": html.escape(data["meta"]["title"]),
        "VIS_CSS": inline(vis_css.read_text(encoding="utf-8"), "style"),
        "STYLE": inline((assets / "style.css").read_text(encoding="utf-8"), "style"),
        "VIS_JS": inline(vis_js.read_text(encoding="utf-8"), "script"),
        "APP_JS": inline((assets / "app.js").read_text(encoding="utf-8"), "script"),
        "DATA": script_json(data),
    }
    # Only our two scripts may run (by hash): not even an inline event handler that slipped into the page.
    parts["SCRIPT_HASHES"] = " ".join(csp_hash(parts[name]) for name in ("VIS_JS", "APP_JS"))
    template = (assets / "template.html").read_text(encoding="utf-8")
    named = _PLACEHOLDER.findall(template)
    if sorted(set(named)) != sorted(parts):
        raise ValueError(f"visualize/template.html placeholders {sorted(named)} are not {sorted(parts)}")
    return _PLACEHOLDER.sub(lambda match: parts[match.group(1)], template)  # one pass: inserts are not rescanned


def csp_hash(code: str) -> str:
    """The Content-Security-Policy source that allows exactly this inline script.

    >>> csp_hash("")
    "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    """
    return f"'sha256-{base64.b64encode(hashlib.sha256(code.encode('utf-8')).digest()).decode('ascii')}'"


def inline(text: str, element: str) -> str:
    """Code safe to put between ``<element>`` and ``</element>``: no end tag, no comment opener inside
    (and line ends as the HTML parser will see them, so that a script's hash matches).

    >>> inline("a</script>b", "script")
    'a<\\\\/script>b'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(f"</({element})", r"<\\/\1", text, flags=re.I)
    if "<!--" in text or re.search(f"</{element}", text, re.I):
        raise ValueError(f"cannot inline code containing '<!--' or '</{element}'")
    return text


__all__ = ["assemble", "csp_hash", "inline", "page_data", "script_json", "vis_network_files"]
