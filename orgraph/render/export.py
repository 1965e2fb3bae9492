"""The page's current view as an image, from the command line: the page is drawn by a headless
Chromium (Debian's ``chromium`` through Playwright's ``executable_path``; never Playwright's own
download), and its own exporters (``exportSvg``, ``exportPng`` in ``visualize/app.js``) write the picture,
so the file is what the page's SVG and PNG buttons give.

>>> FORMATS
('svg', 'png')
>>> try:
...     find_browser({"ORGRAPH_CHROMIUM": "/nonexistent/chromium"})
... except BrowserMissing as error:
...     print(error)
no browser at ORGRAPH_CHROMIUM=/nonexistent/chromium
"""

from __future__ import annotations

import base64
import os
import shutil
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

#: What ``orgraph render --format`` can write beside the page itself.
FORMATS = ("svg", "png")
#: Where Chromium is looked for, after ``$ORGRAPH_CHROMIUM``.
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
#: The window the view is drawn in (CSS pixels) and the PNG's pixel ratio.
WIDTH, HEIGHT = 1600, 1000
SCALE = 2


class BrowserMissing(RuntimeError):
    """No headless browser to draw the page with (or no Playwright to drive it)."""


def find_browser(environ: Mapping[str, str] | None = None) -> str:
    """The Chromium to draw with: ``$ORGRAPH_CHROMIUM``, else the first of :data:`BROWSERS` found."""
    environ = os.environ if environ is None else environ
    named = environ.get("ORGRAPH_CHROMIUM")
    if named:
        if not Path(named).is_file():
            raise BrowserMissing(f"no browser at ORGRAPH_CHROMIUM={named}")
        return named
    for name in BROWSERS:
        found = shutil.which(name) or (name if Path(name).is_file() else None)
        if found:
            return found
    raise BrowserMissing("no Chromium found (apt-get install chromium, or set ORGRAPH_CHROMIUM)")


def export_view(page: str, fmt: str, timeout_s: float = 60.0) -> bytes:
    """``page`` (an orgraph page's HTML) drawn in a headless Chromium and exported as ``fmt`` (svg, png)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; valid: {', '.join(FORMATS)}")
    browser_path = find_browser()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise BrowserMissing("Playwright is not installed (pip install 'orgraph[picture]')") from None
    with tempfile.TemporaryDirectory(prefix="orgraph-export-") as scratch:
        html_file = Path(scratch) / "view.html"
        html_file.write_text(page, encoding="utf-8")
        with sync_playwright() as playwright:
            try:
                browser = playwright.chromium.launch(executable_path=browser_path, headless=True, args=CHROMIUM_ARGS)
            except Exception as error:  # noqa: BLE001 - any launch failure means: no usable browser
                raise BrowserMissing(f"{browser_path} did not start: {str(error).splitlines()[0]}") from None
            try:
                tab = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT}, device_scale_factor=SCALE)
                tab.goto(html_file.as_uri())
                deadline = time.monotonic() + timeout_s
                while not tab.evaluate("() => Boolean(window.orgraphView && window.orgraphView.ready)"):
                    if time.monotonic() > deadline:
                        raise TimeoutError(f"the page was not drawn within {timeout_s:g} s")
                    tab.wait_for_timeout(50)
                tab.evaluate("() => window.orgraphView.network.fit({ animation: false })")
                tab.wait_for_timeout(100)
                if fmt == "svg":
                    return str(tab.evaluate("() => window.orgraphView.exportSvg()")).encode("utf-8")
                url = str(tab.evaluate("() => window.orgraphView.exportPng()"))
                return base64.b64decode(url.split(",", 1)[1])
            finally:
                browser.close()


__all__ = ["BROWSERS", "FORMATS", "BrowserMissing", "export_view", "find_browser"]
