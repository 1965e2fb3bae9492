"""Take the README's screenshots of the picture, in Swedish: the seed's overview, one council card and
the escalation explorer, as PNG files beside this script.

    python docs/img/screenshots.py [--as-of 2026-11-23] [--out docs/img]

Drawn by a headless Chromium (``$ORGRAPH_CHROMIUM``, else ``chromium`` on the PATH) through Playwright,
from pages written by ``orgraph.render.write_html`` on the seed, so the pictures are what a reader sees.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from orgraph.backends.memory import MemoryBackend
from orgraph.model.loader import load
from orgraph.render import write_html
from orgraph.render.export import CHROMIUM_ARGS, find_browser
from orgraph.resources import data_dir

HERE = Path(__file__).resolve().parent


def _ready(page) -> None:
    deadline = time.monotonic() + 30
    while not page.evaluate("() => Boolean(window.orgraphView && window.orgraphView.ready)"):
        if time.monotonic() > deadline:
            raise TimeoutError("the page was not drawn")
        page.wait_for_timeout(50)
    page.wait_for_timeout(300)


def take(out: Path, day: dt.date) -> list[Path]:
    """Write the three screenshots into ``out`` and return their paths."""
    from playwright.sync_api import sync_playwright

    model = load(data_dir("seed"))
    scratch = Path(tempfile.mkdtemp(prefix="orgraph-shots-"))
    region = write_html(MemoryBackend(model, day), scratch / "region.html", lang="sv")
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_browser(), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1500, "height": 900})
            page.goto(region.as_uri())
            _ready(page)
            written.append(out / "overview-sv.png")
            page.screenshot(path=str(written[-1]))

            page.evaluate("""() => {
                const v = window.orgraphView;
                const card = v.nodes.getIds().filter(id => id.startsWith('sr-ortopedi'));
                v.network.fit({ nodes: card, animation: false });
            }""")
            page.wait_for_timeout(300)
            written.append(out / "council-card-sv.png")
            page.screenshot(path=str(written[-1]))

            page.select_option("#esc-council", "sr-ortopedi")
            page.select_option("#esc-topic", "region-wide-decision")
            page.evaluate("() => window.orgraphView.network.fit({ animation: false })")
            page.wait_for_timeout(300)
            written.append(out / "escalation-sv.png")
            page.screenshot(path=str(written[-1]))
        finally:
            browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--as-of", default="2026-11-23", help="the seed's date (default 2026-11-23)")
    parser.add_argument("--out", type=Path, default=HERE, help="where to write the PNG files")
    args = parser.parse_args()
    for path in take(args.out, dt.date.fromisoformat(args.as_of)):
        sys.stdout.write(f"wrote {path}\n")


if __name__ == "__main__":
    main()
