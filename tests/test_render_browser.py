"""The rendered page in a real browser: Debian's Chromium, headless, driven by Playwright (sync API).

Every page is opened from a file:// URL with every request, console message, page error and dialog
recorded: the page must load nothing but itself, log no error, and run nothing from the data.
Set ORGRAPH_SCREENSHOT=docs/screenshot.png to refresh the README's picture.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import TODAY

from orgraph import vocabulary
from orgraph.backends.memory import MemoryBackend
from orgraph.model.loader import load
from orgraph.query.escalation import escalate
from orgraph.render import write_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
HOSTILE = "<img src=x onerror=alert(1)>"
VIEWPORT = {"width": 1400, "height": 900}
ADMINISTRATIONS = ("ftv", "hoh", "kk", "narhalsan", "nu", "regionhalsan", "sas", "siv", "skas", "su")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """One headless Chromium (fresh profile) for the module."""
    if CHROMIUM is None:
        pytest.skip("no Chromium (apt-get install chromium): browser tests skipped")
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright not installed: browser tests skipped")
    playwright = sync_api.sync_playwright().start()
    try:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM, headless=True,
            args=CHROMIUM_ARGS, viewport=VIEWPORT)
    except Exception as error:  # a Chromium that cannot start here is a skip, not a failure of the page
        playwright.stop()
        pytest.skip(f"Chromium did not start: {str(error).splitlines()[0]}")
    yield context
    context.close()
    playwright.stop()


class Opened:
    """A page opened from a file, with everything it did recorded."""

    def __init__(self, context, path: Path):
        self.url = path.resolve().as_uri()
        self.requests: list[str] = []
        self.console: list[tuple[str, str]] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page = context.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda message: self.console.append((message.type, message.text)))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("dialog", self._dialog)
        self.page.goto(self.url)
        self.wait_until("() => Boolean(window.orgraphView && window.orgraphView.ready === true)", 20.0)

    def wait_until(self, function: str, seconds: float = 5.0) -> None:
        """Poll ``function`` in the page until it returns true (Playwright's wait_for_function compiles
        its predicate with eval, which the page's Content-Security-Policy rightly refuses)."""
        deadline = time.monotonic() + seconds
        while not self.page.evaluate(function):
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {function}")
            self.page.wait_for_timeout(50)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def view(self, expression: str, *args):
        """Evaluate ``expression`` (a function of window.orgraphView and args) in the page."""
        return self.page.evaluate(f"([args]) => (({expression}))(window.orgraphView, ...args)", [list(args)])

    def assert_clean(self) -> None:
        assert self.requests == [self.url], f"requests beyond the file itself: {self.requests}"
        assert self.errors == [], self.errors
        assert [m for m in self.console if m[0] in ("error", "warning")] == []
        assert self.dialogs == []


@pytest.fixture
def open_page(browser):
    opened: list[Opened] = []

    def open_(path: Path) -> Opened:
        opened.append(Opened(browser, path))
        return opened[-1]

    yield open_
    for page in opened:
        page.page.close()


@pytest.fixture(scope="module")
def seed_file(tmp_path_factory, seed_model) -> Path:
    return write_html(MemoryBackend(seed_model, TODAY), tmp_path_factory.mktemp("render") / "seed.html")


def test_page_opens_offline_and_draws_every_node(open_page, seed_file, seed_model):
    page = open_page(seed_file)
    drawn = [n for n in MemoryBackend(seed_model, TODAY).nodes() if vocabulary.LABELS[n["kind"]].drawn]
    expected = len(drawn)  # every node of a drawn kind (clauses are citations, not boxes)
    assert 0 < expected < len(MemoryBackend(seed_model, TODAY).ids())
    assert page.view("v => v.nodeCount()") == expected
    hidden = sum(1 for n in drawn if n["kind"] in ("Document", "Topic"))
    assert hidden and page.view("v => v.visibleNodeCount()") == expected - hidden  # the org chart first
    assert page.page.locator("#network canvas").count() == 1
    assert page.page.locator("#legend li").count() == len(page.view("v => [...new Set(v.nodes.map(n => n.kind))]"))
    page.assert_clean()


def test_search_finds_a_node_and_shows_its_details(open_page, seed_file):
    page = open_page(seed_file)
    page.page.fill("#search", "halso- och sjukvardsdirektor")  # accents are not needed
    results = page.page.locator("#search-results button")
    assert results.count() == 1 and results.first.get_attribute("data-id") == "hs-direktor"
    page.page.press("#search", "Enter")
    details = page.page.locator("#details")
    assert details.is_visible()
    assert details.locator("h2").text_content() == "Hälso- och sjukvårdsdirektör"
    assert "Jonas Claesson" in details.text_content() and "2026-06-16" in details.text_content()
    assert "RS 2024-00784 (2026-06-16) § Datum för beslut" in details.text_content()
    assert page.view("v => v.network.getSelectedNodes()") == ["hs-direktor"]
    page.page.fill("#search", "lg-hs")
    assert page.page.locator("#search-results button").first.get_attribute("data-id") == "lg-hs"
    page.assert_clean()


def test_clicking_a_node_or_an_edge_shows_its_details(open_page, seed_file):
    page = open_page(seed_file)
    box = page.page.locator("#network canvas").bounding_box()

    def click(canvas_point: dict) -> None:
        dom = page.view("(v, p) => v.network.canvasToDOM(p)", canvas_point)
        page.page.mouse.click(box["x"] + dom["x"], box["y"] + dom["y"])

    positions = page.view("v => v.network.getPositions(['sr-ortopedi-ordforande', 'jonas-claesson', 'hs-direktor'])")
    click(positions["sr-ortopedi-ordforande"])
    details = page.page.locator("#details")
    assert details.locator("h2").text_content() == "Ordförande, samordningsråd ortopedi"
    assert "Vakant 2026-11-23" in details.text_content()  # the seed declares Swedish
    assert "Ledningsgrupp hälso- och sjukvård" in details.text_content()  # APPOINTS ←
    page.page.click("#details-close")  # the panel floats over the right of the picture
    assert not details.is_visible()
    post, person = (page.view("(v, id) => v.network.getBoundingBox(id)", n) for n in ("hs-direktor", "jonas-claesson"))
    assert positions["jonas-claesson"]["x"] == positions["hs-direktor"]["x"] and post["bottom"] < person["top"]
    click({"x": positions["hs-direktor"]["x"], "y": (post["bottom"] + person["top"]) / 2})  # the holding between them
    page.wait_until("() => document.querySelector('#details').textContent.includes('HOLDS')")
    text = details.text_content()
    assert "HOLDS" in text and "valid from2026-06-16" in text
    assert "RS 2024-00784 (2026-06-16) § Datum för beslut" in text
    details.locator("button.link", has_text="Hälso- och sjukvårdsdirektör").click()
    assert details.locator("h2").text_content() == "Hälso- och sjukvårdsdirektör"
    assert "Jonas Claesson" in details.text_content()
    page.assert_clean()


def test_escalation_explorer_highlights_the_route_hop_by_hop(open_page, seed_file, seed_model):
    page = open_page(seed_file)
    page.page.select_option("#esc-council", "sr-ortopedi")
    page.page.select_option("#esc-topic", "region-wide-decision")
    expected = [(hop.from_id, hop.to_id) for hop in
                escalate(MemoryBackend(seed_model, TODAY), "sr-ortopedi", "region-wide-decision").routes[0].hops]
    assert expected == [("sr-ortopedi-ordforande", "sr-ortopedi-kontaktperson"), ("sr-ortopedi-kontaktperson", "lg-hs")]
    highlighted = page.view("v => v.highlighted()")
    assert [(h["from"], h["to"]) for h in highlighted["hops"]] == expected
    assert highlighted["nodes"] == ["lg-hs", "sr-ortopedi-kontaktperson", "sr-ortopedi-ordforande"]
    drawn = page.view("(v, ids) => v.edges.get(ids).map(e => [e.from, e.to, e.type, e.width, e.label.trim()])",
                      [h["edge"] for h in highlighted["hops"]])
    assert drawn == [["sr-ortopedi-ordforande", "sr-ortopedi-kontaktperson", "ESCALATES_TO", 4, "1"],
                     ["sr-ortopedi-kontaktperson", "lg-hs", "ESCALATES_TO", 4, "2"]]
    hops = page.page.locator("#esc-result ol.hops > li")
    assert hops.count() == 2
    ends = [(hops.nth(i).get_attribute("data-from"), hops.nth(i).get_attribute("data-to")) for i in range(2)]
    assert ends == expected
    text = page.page.locator("#esc-result").text_content()
    assert "Ordförande kan lyfta behov av regiongemensamt beslutsfattande till samordningsrådets kontaktperson." in text
    assert "RS 2024-00784 (2024-05-21) § Beslutsfattande" in text
    colours = page.view("v => ['sr-bild-och-funktionsmedicin', 'lg-hs'].map(id => v.nodes.get(id).color.background)")
    council_colour = vocabulary.LABELS["Council"].colour
    assert colours[0] != council_colour and colours[0].startswith("#")  # off the route: paler
    assert colours[1] == vocabulary.LABELS["LeadershipGroup"].colour  # on the route: as it is
    page.page.select_option("#esc-topic", "organisation-and-working-conditions")  # the 2024 text is silent
    assert "anger ingen väg" in page.page.locator("#esc-result").text_content()
    assert page.view("v => v.highlighted().hops") == []
    page.assert_clean()


def test_the_default_view_is_the_hierarchy_and_a_layer_toggle_draws_escalations(open_page, seed_file):
    page = open_page(seed_file)
    drawn = set(page.view("v => v.drawnEdges()"))
    assert drawn and drawn <= {"DELEGATES_TO", "COMMISSIONS", "POST_OF", "HOLDS", "REPORTS_TO", "LEADS"}
    assert "COMMISSIONS" in drawn and "REPORTS_TO" in drawn and "HOLDS" in drawn
    page.page.check("#layer-escalation")
    drawn = page.view("v => v.drawnEdges()")
    every = page.view("v => v.edges.get().filter(e => e.type === 'ESCALATES_TO').length")
    assert drawn.count("ESCALATES_TO") == every > 0
    assert "APPOINTS" not in drawn
    page.page.uncheck("#layer-escalation")
    assert "ESCALATES_TO" not in page.view("v => v.drawnEdges()")
    page.view("(v, id) => v.select(id)", "sr-ortopedi-ordforande")  # selecting a node draws its own relations
    assert "APPOINTS" in page.view("v => v.drawnEdges()")
    page.page.check("#layer-other")
    assert "PART_OF" in page.view("v => v.drawnEdges()")
    page.assert_clean()


def test_the_list_view_finds_a_node_by_keyboard(open_page, seed_file):
    page = open_page(seed_file)
    page.page.focus("#show-list")
    page.page.keyboard.press("Enter")
    assert page.page.locator("#list").is_visible() and not page.page.locator("#network").is_visible()
    assert page.page.locator("#show-list").get_attribute("aria-pressed") == "true"
    rows = page.page.locator("#list-table tbody tr")
    assert rows.count() == page.view("v => v.nodeCount()")
    page.page.keyboard.press("Tab")  # the filter follows the switch in the tab order
    page.page.keyboard.type("hs-direktor")
    assert page.page.evaluate("() => document.activeElement.id") == "list-filter"
    assert rows.count() == 1 and rows.first.get_attribute("data-id") == "hs-direktor"
    assert "POST_OF" in rows.first.text_content()
    page.page.keyboard.press("Tab")
    assert page.page.evaluate("() => document.activeElement.dataset.id") == "hs-direktor"
    page.page.keyboard.press("Enter")
    assert page.page.locator("#details h2").text_content() == "Hälso- och sjukvårdsdirektör"
    page.assert_clean()


@pytest.mark.parametrize("show_list", [False, True, "overview"], ids=["drawing", "list", "overview"])
def test_axe_finds_no_serious_or_critical_violation(open_page, seed_file, show_list, seed_model, tmp_path):
    axe = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe-playwright-python not installed")
    if show_list == "overview":
        seed_file = write_html(MemoryBackend(seed_model, TODAY), tmp_path / "overview.html", overview=True)
        show_list = False
    page = open_page(seed_file)
    page.view("(v, id) => v.select(id)", "hs-direktor")  # the details panel open too
    if show_list:
        page.page.click("#show-list")
    results = axe.Axe().run(page.page)
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
           for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert bad == []
    assert results.response["passes"], "axe ran no check at all"
    page.page.evaluate("() => document.body.append(Object.assign(document.createElement('img'), {src: 'data:,'}))")
    planted = axe.Axe().run(page.page).response["violations"]
    assert ("image-alt", "critical") in [(v["id"], v["impact"]) for v in planted]  # the check can fail


def test_the_language_switch_changes_the_panel_text(open_page, seed_file):
    page = open_page(seed_file)
    assert page.page.locator("html").get_attribute("lang") == "sv"
    assert page.page.locator("label[for=search]").text_content() == "Sök"
    page.view("(v, id) => v.select(id)", "hs-direktor")
    details = page.page.locator("#details")
    assert "Innehas av" in details.text_content() and "Held by" not in details.text_content()
    page.page.select_option("#esc-council", "sr-ortopedi")
    page.page.select_option("#esc-topic", "region-wide-decision")
    assert "Väcks av" in page.page.locator("#esc-result").text_content()
    question = vocabulary.TOPICS["region-wide-decision"].question
    assert question not in page.page.locator("#esc-result").text_content()  # the topic's Swedish name instead
    page.page.select_option("#lang", "en")
    assert question in page.page.locator("#esc-result").text_content()
    assert page.page.locator("html").get_attribute("lang") == "en"
    assert page.page.locator("label[for=search]").text_content() == "Search"
    assert "Held by" in details.text_content() and "Innehas av" not in details.text_content()
    assert "Raised by" in page.page.locator("#esc-result").text_content()
    assert page.page.locator("#search").get_attribute("placeholder") == "Name or id …"
    assert page.view("v => v.highlighted().hops.length") == 2  # the route stays highlighted
    page.page.select_option("#lang", "sv")
    assert "Innehas av" in details.text_content()
    page.assert_clean()


def test_filters_hide_and_physics_moves(open_page, seed_file):
    page = open_page(seed_file)
    total = page.view("v => v.visibleNodeCount()")  # what the page opens with
    page.page.select_option("#council-filter", "sr-ortopedi")
    assert page.view("v => v.nodes.get('sr-bild-och-funktionsmedicin-ordforande').hidden") is True
    assert page.view("v => v.nodes.get('sr-ortopedi-ordforande').hidden") is False
    hidden_council = page.view("v => v.visibleNodeCount()")
    assert hidden_council < total
    page.page.locator('#legend input[data-kind="Administration"]').uncheck()
    assert page.view("v => v.visibleNodeCount()") == hidden_council - 10
    page.page.click("#reset")
    assert page.view("v => v.visibleNodeCount()") == total
    before = page.view("v => v.network.getPositions(['vgr'])['vgr']")
    page.page.locator("#physics").check()
    page.page.wait_for_timeout(600)
    after = page.view("v => v.network.getPositions(['vgr'])['vgr']")
    assert before != after
    page.assert_clean()


def test_hostile_names_show_as_text_and_run_nothing(open_page, data_copy, tmp_path):
    council_file = data_copy / "councils" / "ortopedi.yaml"
    text = council_file.read_text(encoding="utf-8")
    text = text.replace("    name: Samordningsråd ortopedi\n", f'    name: "{HOSTILE}"\n', 1)
    reason = "Ordförande kan lyfta behov av regiongemensamt beslutsfattande till samordningsrådets kontaktperson."
    assert reason in text
    text = text.replace(f'reason: "{reason}"', 'reason: "</script><svg onload=alert(2)>"', 1)
    council_file.write_text(text, encoding="utf-8")
    page = open_page(write_html(MemoryBackend(load(data_copy), TODAY), tmp_path / "hostile.html"))
    page.page.fill("#search", "<img")
    result = page.page.locator("#search-results button").first
    assert result.get_attribute("data-id") == "sr-ortopedi"
    assert result.locator("span").first.text_content() == HOSTILE
    result.click()
    assert page.page.locator("#details h2").text_content() == HOSTILE
    page.page.select_option("#esc-council", "sr-ortopedi")
    page.page.select_option("#esc-topic", "region-wide-decision")
    assert "</script><svg onload=alert(2)>" in page.page.locator("#esc-result").text_content()
    assert page.page.locator("#esc-council option[value='sr-ortopedi']").text_content() == HOSTILE
    page.page.wait_for_timeout(300)  # an injected image would fail to load and fire onerror by now
    assert page.page.evaluate("document.querySelectorAll('img, [onerror], [onload], iframe, object').length") == 0
    assert page.page.evaluate("document.querySelectorAll('script').length") == 3
    page.assert_clean()  # no dialog, no request for "x"


def test_the_page_policy_blocks_inline_handlers_even_if_one_were_injected(open_page, seed_file):
    page = open_page(seed_file)
    page.page.evaluate("""() => {
        const holder = document.createElement('div');
        holder.innerHTML = '<img src="data:," onerror="alert(1)">';  // what a bug would do
        document.body.appendChild(holder);
    }""")
    page.page.wait_for_timeout(300)
    assert page.dialogs == []
    assert any("Content Security Policy" in text for kind, text in page.console if kind == "error")


def test_council_and_path_views_open(open_page, tmp_path, seed_model, fictional_model):
    council = open_page(write_html(MemoryBackend(fictional_model, TODAY), tmp_path / "council.html",
                                   council="sr-ortopedi"))
    assert council.page.locator("#title").text_content() == "Samordningsråd ortopedi"
    assert "ingrid-malmvik" in council.view("v => v.nodes.getIds()")
    council.assert_clean()
    path = open_page(write_html(MemoryBackend(seed_model, TODAY), tmp_path / "path.html",
                                path=("regiondirektor", "lg-hs")))
    assert path.page.locator("#path-section").is_visible()
    assert path.page.locator("#path-result ol.hops > li").count() >= 2
    path.assert_clean()


def test_screenshot_of_the_seeded_region(open_page, seed_file, tmp_path):
    page = open_page(seed_file)
    page.page.select_option("#esc-council", "sr-ortopedi")
    page.page.select_option("#esc-topic", "region-wide-decision")
    page.page.wait_for_timeout(200)
    inked = page.page.evaluate("""() => {
        const canvas = document.querySelector('#network canvas');
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let inked = 0;
        for (let i = 0; i < pixels.length; i += 4) {
            if (pixels[i + 3] > 0 && pixels[i] + pixels[i + 1] + pixels[i + 2] < 600) inked++;
        }
        return inked / (pixels.length / 4);
    }""")
    assert inked > 0.01, "the network was not drawn"
    target = Path(os.environ.get("ORGRAPH_SCREENSHOT") or tmp_path / "screenshot.png")
    page.page.screenshot(path=str(target))
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    page.assert_clean()


def test_svg_and_png_export_produce_files(open_page, seed_file, tmp_path):
    page = open_page(seed_file)
    page.page.check("#layer-escalation")
    with page.page.expect_download() as svg_download:
        page.page.click("#export-svg")
    svg = tmp_path / "view.svg"
    svg_download.value.save_as(svg)
    assert svg_download.value.suggested_filename == f"orgraph-{TODAY.isoformat()}.svg"
    root = ElementTree.parse(svg).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    drawn = {g.get("data-id") for g in root.iter("{http://www.w3.org/2000/svg}g")}
    assert drawn == set(page.view("v => v.nodes.get({ filter: n => !n.hidden }).map(n => n.id)"))
    kinds = [line.get("data-type") for line in root.iter("{http://www.w3.org/2000/svg}line")]
    assert "ESCALATES_TO" in kinds and "HOLDS" in kinds  # the view as it is: the layer asked for is in it
    assert "Hälso- och" in "".join(root.itertext())
    with page.page.expect_download() as png_download:
        page.page.click("#export-png")
    png = tmp_path / "view.png"
    png_download.value.save_as(png)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    page.assert_clean()


def test_render_format_svg_and_png_from_the_command_line(browser, tmp_path):
    for fmt, magic in (("svg", b"<?xml"), ("png", b"\x89PNG\r\n\x1a\n")):
        target = tmp_path / f"region.{fmt}"
        done = subprocess.run([sys.executable, "-m", "orgraph", "render", "--format", fmt, "-o", str(target),
                               "--as-of", TODAY.isoformat()], capture_output=True, text=True, timeout=120,
                              env={**os.environ, "ORGRAPH_CHROMIUM": CHROMIUM})
        assert done.returncode == 0, done.stderr
        assert target.read_bytes().startswith(magic) and "skrev" in done.stderr
    missing = subprocess.run([sys.executable, "-m", "orgraph", "render", "--format", "png", "-o",
                              str(tmp_path / "none.png")], capture_output=True, text=True, timeout=60,
                             env={**os.environ, "ORGRAPH_CHROMIUM": str(tmp_path / "no-chromium")})
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    assert "needs a headless browser" in missing.stderr and not (tmp_path / "none.png").exists()


def test_a_large_model_opens_as_an_overview_that_expands_on_click(open_page, seed_model, tmp_path):
    page = open_page(write_html(MemoryBackend(seed_model, TODAY), tmp_path / "overview.html", overview=True))
    groups = page.view("v => v.groups()")
    [councils] = [g for g in groups if g["id"] == "councils:vgr"]
    assert {g["id"] for g in groups} - {"councils:vgr"} == {"staff:" + a for a in ADMINISTRATIONS}
    assert all(g["collapsed"] for g in groups)
    assert councils["label"] == "Samordningsråd, Västra Götalandsregionen: 2 råd (14 noder)"
    assert page.view("v => v.nodes.get('sr-ortopedi')") is None  # folded into its group
    assert page.view("v => v.drawnNodeCount()") < page.view("v => v.nodeCount()")
    box = page.page.locator("#network canvas").bounding_box()
    group = f"group:{councils['index']}"
    at = page.view("(v, id) => v.network.canvasToDOM(v.network.getPositions([id])[id])", group)
    page.page.mouse.click(box["x"] + at["x"], box["y"] + at["y"])
    page.wait_until("() => window.orgraphView.nodes.get('sr-ortopedi') !== null")
    assert page.view("(v, i) => v.groups()[i].collapsed", councils["index"]) is False
    assert "COMMISSIONS" in page.view("v => v.drawnEdges()")  # the director's line now reaches the council
    assert page.view("v => v.nodes.get('ftv') !== null")  # an administration stays drawn, its staff folded
    page.page.fill("#search", "Jonas Claesson")
    page.page.press("#search", "Enter")  # a node in a collapsed group: its group opens
    assert page.page.locator("#details h2").text_content() == "Jonas Claesson"
    page.assert_clean()


def test_the_date_picker_redraws_holders_from_the_embedded_validity(open_page, seed_model, tmp_path):
    page = open_page(write_html(MemoryBackend(seed_model, TODAY.replace(year=2025)), tmp_path / "2025.html"))
    assert page.page.locator("#as-of").input_value() == "2025-11-23"
    assert "per 2025-11-23" in page.page.locator("#as-of-note").text_content()
    assert page.view("(v, id) => v.label(id)", "hs-direktor") == "Hälso- och sjukvårdsdirektör"
    page.page.fill("#as-of", "2026-11-23")
    page.page.dispatch_event("#as-of", "change")
    assert page.view("(v, id) => v.label(id)", "hs-direktor") == "Hälso- och sjukvårdsdirektör\n(Jonas Claesson)"
    assert "Innehavare och namn per 2026-11-23" in page.page.locator("#as-of-note").text_content()
    assert page.view("v => v.drawDay('2025-11-23')") is True
    assert page.view("(v, id) => v.label(id)", "hs-direktor") == "Hälso- och sjukvårdsdirektör"
    today = open_page(write_html(MemoryBackend(seed_model, TODAY), tmp_path / "today.html"))
    assert today.view("v => v.drawDay('2026-01-01')") is True
    assert today.view("(v, id) => v.label(id)", "hs-direktor") == "Hälso- och sjukvårdsdirektör\n(vakant)"
    page.assert_clean()
    today.assert_clean()


def test_a_renamed_body_bears_the_name_of_the_day(open_page, seed_model, tmp_path):
    """The leadership group is koncernledning until the 2026 text (2026-06-16), ledningsgrupp from then on:
    on the page's own date and on another date chosen in the page, with both ends of a period inclusive."""
    old, new = "Koncernledning hälso- och sjukvård", "Ledningsgrupp hälso- och sjukvård"
    page = open_page(write_html(MemoryBackend(seed_model, TODAY.replace(year=2025)), tmp_path / "2025.html"))
    assert page.view("(v, id) => v.label(id)", "lg-hs") == old
    assert page.view("v => v.drawDay('2026-06-16')") is True
    assert page.view("(v, id) => v.label(id)", "lg-hs") == new
    assert "Innehavare och namn per 2026-06-16" in page.page.locator("#as-of-note").text_content()
    assert page.view("v => v.drawDay('2026-06-15')") is True
    assert page.view("(v, id) => v.label(id)", "lg-hs") == old
    page.page.fill("#search", "lg-hs")
    page.page.press("#search", "Enter")
    assert f"{old} ( … 2026-06-15), {new} (2026-06-16 … )" in page.page.locator("#details").text_content()
    today = open_page(write_html(MemoryBackend(seed_model, TODAY), tmp_path / "today.html"))
    assert today.view("(v, id) => v.label(id)", "lg-hs") == new
    assert today.view("v => v.drawDay('2025-01-01')") is True
    assert today.view("(v, id) => v.label(id)", "lg-hs") == old
    page.assert_clean()
    today.assert_clean()
