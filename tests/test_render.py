"""`orgraph render` without a browser: the page is self-contained, its data is escaped, and it shows the model."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import TODAY

from orgraph import vocabulary
from orgraph.backends.memory import MemoryBackend
from orgraph.model.loader import load
from orgraph.model.values import plain
from orgraph.output.text import citation
from orgraph.query.escalation import escalate
from orgraph.render import page_data, render_html, script_json, vis_network_files
from orgraph.render.layout import measure as _measure
from orgraph.render.policy import csp_hash as _csp_hash
from orgraph.render.policy import inline as _inline

HOSTILE = "<img src=x onerror=alert(1)>"


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text of every <script> element."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def parse(page: str) -> _Tags:
    tags = _Tags()
    tags.feed(page)
    return tags


@pytest.fixture(scope="module")
def seed_page(seed_model) -> str:
    return render_html(MemoryBackend(seed_model, TODAY))


def test_page_loads_nothing_from_anywhere(seed_page):
    tags = parse(seed_page)
    names = [tag for tag, _ in tags.tags]
    assert names.count("script") == 3 and "link" not in names and "iframe" not in names and "img" not in names
    for tag, attrs in tags.tags:
        assert "src" not in attrs and "href" not in attrs, (tag, attrs)
    # inlined CSS may only use data: URLs, and nothing is imported
    assert not re.search(r"url\(\s*(?!['\"]?data:)", seed_page)
    assert "@import" not in seed_page
    [csp] = [attrs["content"] for tag, attrs in tags.tags if attrs.get("http-equiv") == "Content-Security-Policy"]
    policy = dict((part.split(" ", 1) + [""])[:2] for part in (p.strip() for p in csp.split(";")))
    assert policy["default-src"] == "'none'" and "connect-src" not in policy and "unsafe-eval" not in csp
    # only our two scripts run, by hash: not "unsafe-inline", so no inline event handler could
    code = [s for s in tags.scripts if not s.startswith('{"')]
    assert len(code) == 2 and policy["script-src"].split() == [_csp_hash(s) for s in code]


def test_vis_network_is_inlined_from_pyvis_with_its_licence(seed_page):
    js, css = vis_network_files()
    code = js.read_text(encoding="utf-8")
    assert "@version 9." in code[:400] and "Apache 2.0" in code[:1000] and "MIT" in code[:1000]
    assert code[:1000] in seed_page  # the licence header travels with the code
    assert css.read_text(encoding="utf-8")[:500] in seed_page


def test_inlined_code_cannot_close_its_element():
    assert _inline('var s = "</script><b>";', "script") == 'var s = "<\\/script><b>";'
    assert _inline("a { content: '</STYLE>' }", "style") == "a { content: '<\\/STYLE>' }"
    with pytest.raises(ValueError):
        _inline("var s = '<!--';", "script")


def test_script_json_escapes_what_could_end_the_script():
    tricky = {"a": "</script><script>alert(1)</script>", "b": "x & y", "c": "line\u2028para\u2029", "<k>": 1}
    text = script_json(tricky)
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in text
    assert json.loads(text) == tricky


def test_hostile_names_stay_data(data_copy):
    council_file = data_copy / "councils" / "ortopedi.yaml"
    text = council_file.read_text(encoding="utf-8")
    text = text.replace("    name: Samordningsråd ortopedi\n", f'    name: "{HOSTILE}"\n', 1)
    text = text.replace('name: "Koordinator, samordningsråd ortopedi"',
                        'name: "</script><script>alert(2)</script>\u2028"', 1)
    council_file.write_text(text, encoding="utf-8")
    page = render_html(MemoryBackend(load(data_copy), TODAY))
    assert HOSTILE not in page and "alert(2)</script>" not in page
    data = page_data(page)
    names = {n["id"]: n["name"] for n in data["network"]["nodes"]}
    assert names["sr-ortopedi"] == HOSTILE
    assert names["sr-ortopedi-koordinator"] == "</script><script>alert(2)</script>\u2028"
    [script] = [s for s in parse(page).scripts if s.startswith('{"councils"')]
    assert "<" not in script and "\u2028" not in script
    assert '"title"' not in json.dumps(data["network"])  # vis renders titles as HTML: none are set
    # the council's name is the page's title
    council_page = render_html(MemoryBackend(load(data_copy), TODAY), council="sr-ortopedi")
    assert "<title>&lt;img src=x onerror=alert(1)&gt; · 2026-11-23 · orgraph</title>" in council_page
    assert HOSTILE not in council_page


@pytest.mark.parametrize("which", ["seed", "fictional"])
def test_every_node_and_relation_of_the_day_is_drawn(which, seed_model, fictional_model):
    model = seed_model if which == "seed" else fictional_model
    backend = MemoryBackend(model, TODAY)
    data = page_data(render_html(MemoryBackend(model, TODAY)))
    nodes = data["network"]["nodes"]
    drawn = [i for i in backend.ids() if vocabulary.LABELS[backend.node(i)["kind"]].drawn]  # clauses are not
    assert len(drawn) < len(backend.ids())
    assert sorted(n["id"] for n in nodes) == drawn
    assert len(data["network"]["edges"]) == backend.graph.number_of_edges()
    assert set(data["details"]) <= set(drawn)
    assert sorted((e["from"], e["to"], e["type"]) for e in edges_of(data)) == sorted(
        (u, v, d["type"]) for u, v, d in backend.graph.edges(data=True))
    groups = data["network"]["options"]["groups"]  # colours and shapes once per kind, from the vocabulary
    assert set(groups) == {n["kind"] for n in nodes}
    for kind, style in groups.items():
        assert style["shape"] == vocabulary.LABELS[kind].shape
        assert style["color"]["background"] == vocabulary.LABELS[kind].colour
    assert [e["kind"] for e in data["legend"]] == [k for k in vocabulary.LABELS if any(n["kind"] == k for n in nodes)]
    assert sum(e["count"] for e in data["legend"]) == len(nodes)


def test_labels_are_swedish_names_and_posts_beside_their_body_drop_its_name(seed_page):
    nodes = {n["id"]: n for n in page_data(seed_page)["network"]["nodes"]}
    assert "label" not in nodes["lg-hs"] and nodes["lg-hs"]["name"] == "Ledningsgrupp hälso- och sjukvård"
    assert nodes["sr-ortopedi-ordforande"]["label"] == "Ordförande"  # a label only where it is not the name
    assert nodes["sr-ortopedi-ordforande"]["name"] == "Ordförande, samordningsråd ortopedi"
    assert nodes["hsu-direktor"].get("label", nodes["hsu-direktor"]["name"]) == "Hälso- och sjukvårdsutvecklingsdirektör"


@pytest.mark.parametrize("which", ["seed", "fictional"])
def test_layout_is_a_hierarchy_with_fixed_positions_and_no_overlaps(which, seed_model, fictional_model):
    model = seed_model if which == "seed" else fictional_model
    data = page_data(render_html(MemoryBackend(model, TODAY)))
    nodes = {n["id"]: n for n in data["network"]["nodes"]}
    assert data["network"]["options"]["physics"]["enabled"] is False
    y = {node_id: n["y"] for node_id, n in nodes.items()}
    assert y["vgr"] < y["lg-hs"] < y["sr-ortopedi"] < y["sr-ortopedi-ordforande"] < y["region-wide-decision"]
    assert y["region-wide-decision"] < y["uh-ortopedi-2024"]
    administrations = [n for n in nodes.values() if n["kind"] == "Administration"]
    others = [n for n in nodes.values() if n["kind"] in ("Region", "Council", "LeadershipGroup")]
    assert max(n["x"] for n in administrations) < min(n["x"] for n in others)  # aside, on the left
    boxes = {node_id: _measure(n.get("label", n["name"]), n["kind"]) for node_id, n in nodes.items()}
    placed = list(nodes)
    for i, a in enumerate(placed):
        for b in placed[i + 1:]:
            apart_x = abs(nodes[a]["x"] - nodes[b]["x"]) >= (boxes[a].width + boxes[b].width) / 2
            above, below = sorted((a, b), key=lambda n: nodes[n]["y"])
            apart_y = nodes[below]["y"] - boxes[below].above >= nodes[above]["y"] + boxes[above].below
            assert apart_x or apart_y, f"{a} and {b} overlap"


def test_physics_can_start_on(seed_model):
    data = page_data(render_html(MemoryBackend(seed_model, TODAY), physics=True))
    assert data["network"]["options"]["physics"]["enabled"] is True and data["meta"]["physics"] is True


def test_details_have_properties_holders_with_dates_and_sources(seed_model):
    data = page_data(render_html(MemoryBackend(seed_model, TODAY)))
    post = data["details"]["hs-direktor"]
    holders = [e for e in edges_of(data) if e["type"] == "HOLDS" and e["to"] == "hs-direktor"]
    assert holders == [{"from": "jonas-claesson", "to": "hs-direktor", "type": "HOLDS",  # the page lists these
                        "props": {"basis": "stated", "source_clauses": ["uh-bfm-2026-datum-for-beslut-2"],
                                  "valid_from": "2026-06-16"},
                        "source": "RS 2024-00784 (2026-06-16) § Datum för beslut"}]
    assert post["sources"] == ["RS 2024-00784 (2026-06-16) § Datum för beslut"]  # as the command line writes it
    council = data["details"]["sr-ortopedi"]
    assert council["properties"]["meetings_min"] == 4 and "purpose" in council["properties"]
    assert {"from": "sr-ortopedi", "to": "uh-ortopedi-2024", "type": "HAS_MANDATE"} in [
        {k: e[k] for k in ("from", "to", "type")} for e in edges_of(data)]
    earlier = page_data(render_html(MemoryBackend(seed_model, TODAY.replace(year=2025))))
    assert [e for e in edges_of(earlier) if e["type"] == "HOLDS" and e["to"] == "hs-direktor"] == []  # not yet held
    assert earlier["meta"]["day"] == "2025-11-23"


def test_relations_have_details_too(seed_model):
    data = page_data(render_html(MemoryBackend(seed_model, TODAY)))
    wanted = ("sr-ortopedi-ordforande", "sr-ortopedi-kontaktperson", "ESCALATES_TO")
    found = [d for d in edges_of(data) if (d["from"], d["to"], d["type"]) == wanted]
    [details] = found
    assert details["props"]["topic"] == "region-wide-decision"
    assert details["props"]["reason"].startswith("Ordförande kan lyfta behov")
    assert details["source"] == citation(seed_model.graph().edges[wanted[0], wanted[1], edge_key(seed_model, wanted)],
                                         MemoryBackend(seed_model, TODAY).node)
    assert details["source"] == "RS 2024-00784 (2024-05-21) § Beslutsfattande"
    assert data["relations"]["ESCALATES_TO"]["dashes"] == [6, 4] and data["relations"]["HOLDS"]["dashes"] is False


def edges_of(data):
    """The page's compact edges (``[from, to, type, {props, source, smooth}]``, ends as node indices) as dicts."""
    ids = [n["id"] for n in data["network"]["nodes"]]
    found = []
    for edge in data["network"]["edges"]:
        extra = {k: v for k, v in (edge[3] if len(edge) > 3 else {}).items() if k != "smooth"}
        found.append({"from": ids[edge[0]], "to": ids[edge[1]], "type": edge[2], **extra})
    return found


def edge_key(model, wanted):
    u, v, rel_type = wanted
    return next(k for k, d in model.graph().get_edge_data(u, v).items() if d["type"] == rel_type)


def cited(value):
    """The escalation JSON with each source object written as the command line's citation."""
    if isinstance(value, list):
        return [cited(v) for v in value]
    if not isinstance(value, dict):
        return value
    if {"document", "number", "date", "section"} <= set(value) <= {"document", "number", "date", "section", "clause",
                                                                   "quote"}:
        document = {"number": value["number"], "date": value["date"], "name": value["document"]}
        return citation({"source_document": value["document"], "source_section": value["section"]},
                        lambda _: document)
    return {k: cited(v) for k, v in value.items()}


def test_escalations_are_orgraphs_own_for_every_council_and_topic(seed_model):
    data = page_data(render_html(MemoryBackend(seed_model, TODAY)))
    backend = MemoryBackend(seed_model, TODAY)
    assert set(data["escalations"]) == {"sr-ortopedi", "sr-bild-och-funktionsmedicin"}
    for council, by_topic in data["escalations"].items():
        assert set(by_topic) == set(vocabulary.TOPICS)
        for topic, embedded in by_topic.items():
            assert embedded == cited(json.loads(json.dumps(plain(escalate(backend, council, topic)))))
    route = data["escalations"]["sr-ortopedi"]["region-wide-decision"]["routes"][0]
    assert [(h["from_id"], h["to_id"]) for h in route["hops"]] == [
        ("sr-ortopedi-ordforande", "sr-ortopedi-kontaktperson"), ("sr-ortopedi-kontaktperson", "lg-hs")]


def test_one_council(seed_model):
    data = page_data(render_html(MemoryBackend(seed_model, TODAY), council="sr-ortopedi"))
    ids = {n["id"] for n in data["network"]["nodes"]}
    assert {"sr-ortopedi", "sr-ortopedi-ordforande", "sr-ortopedi-kontaktperson", "lg-hs", "uh-ortopedi-2024"} <= ids
    assert not {i for i in ids if i.startswith("sr-bild")}
    assert set(data["escalations"]) == {"sr-ortopedi"}
    assert data["meta"]["view"] == {"kind": "council", "council": "sr-ortopedi"}
    with pytest.raises(KeyError):
        render_html(MemoryBackend(seed_model, TODAY), council="lg-hs")


def test_one_path(seed_model):
    backend = MemoryBackend(seed_model, TODAY)
    found = backend.paths("regiondirektor", "sr-ortopedi-ordforande", all_paths=True)
    data = page_data(render_html(MemoryBackend(seed_model, TODAY), path=("regiondirektor", "sr-ortopedi-ordforande")))
    assert {n["id"] for n in data["network"]["nodes"]} == {h for p in found for hop in p for h in (hop.start, hop.end)}
    assert [[(h["from_id"], h["to_id"], h["type"]) for h in p] for p in data["paths"]] == [
        [(hop.start, hop.end, hop.type) for hop in p] for p in found]
    assert len(data["network"]["edges"]) == len({(hop.source, hop.target, hop.type) for p in found for hop in p})


# ------------------------------------------------------------------------------------- the command line


def test_render_writes_one_file(cli, tmp_path):
    target = tmp_path / "out" / "region.html"
    target.parent.mkdir()
    result = cli("render", "-o", target, "--as-of", TODAY)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"skrev {target} (hela regionen, per ") and result.stdout == ""
    english = cli("render", "-o", target, "--as-of", TODAY, "--lang", "en")
    assert english.stderr == f"wrote {target} (the whole region, as of {TODAY})\n"
    assert len(page_data(target.read_text(encoding="utf-8"))["network"]["nodes"]) == 64
    assert [p.name for p in target.parent.iterdir()] == ["region.html"]  # no temporary file left


def test_render_to_stdout_and_of_the_fictional_model(cli):
    result = cli("render", "-o", "-", "--data", "fictional", "--council", "sr-ortopedi", "--as-of", TODAY)
    assert result.exit_code == 0, result.stderr
    data = page_data(result.stdout)
    assert "ingrid-malmvik" in data["details"] and "sr-bild-och-funktionsmedicin" not in data["details"]


def test_render_bad_directory_is_a_usage_error(cli, tmp_path):
    result = cli("render", "-o", tmp_path / "missing" / "x.html")
    assert result.exit_code == 2
    assert result.stderr.startswith("orgraph: error: no such directory") and "missing" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "missing").exists()


@pytest.mark.parametrize("args, message", [
    (["--council", "sr-ortoped"], "unknown council 'sr-ortoped'; did you mean sr-ortopedi?"),
    (["--council", "lg-hs"], "unknown council 'lg-hs'"),
    (["--path", "vgr", "nobody"], "unknown node 'nobody'"),
    (["--council", "sr-ortopedi", "--path", "vgr", "lg-hs"], "either --council or --path"),
    (["--data", "no-such-dir"], "no-such-dir"),
])
def test_render_bad_input(cli, tmp_path, args, message):
    result = cli("render", "-o", tmp_path / "x.html", *args)
    assert result.exit_code == 2, result.stdout
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.html").exists()


def test_render_no_path_is_a_finding_and_leaves_the_old_file(cli, data_copy, tmp_path):
    (data_copy / "alone.yaml").write_text("nodes:\n  - {id: ensam, kind: Subgroup, name: Ensam}\n", encoding="utf-8")
    target = tmp_path / "out" / "x.html"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    result = cli("render", "-o", target, "--data", data_copy, "--path", "vgr", "ensam")
    assert result.exit_code == 1
    assert "no path from vgr to ensam" in result.stderr
    assert target.read_text(encoding="utf-8") == "old" and [p.name for p in target.parent.iterdir()] == ["x.html"]


def test_render_path_and_physics(cli, tmp_path):
    target = tmp_path / "p.html"
    result = cli("render", "-o", target, "--path", "regiondirektor", "lg-hs", "--physics")
    assert result.exit_code == 0, result.stderr
    data = page_data(target.read_text(encoding="utf-8"))
    assert data["meta"]["view"] == {"kind": "path", "from": "regiondirektor", "to": "lg-hs"}
    assert data["meta"]["physics"] is True


def test_template_is_shipped_beside_the_code():
    from orgraph.resources import data_dir

    names = {p.name for p in data_dir("visualize").iterdir()}
    assert {"template.html", "app.js", "style.css"} <= names
    app = (data_dir("visualize") / "app.js").read_text(encoding="utf-8")
    assert "innerHTML" not in app and "insertAdjacentHTML" not in app and "document.write" not in app
    assert Path(data_dir("visualize") / "template.html").read_text(encoding="utf-8").count("{{DATA}}") == 1


def test_a_large_region_opens_as_an_overview_of_groups(seed_model):
    data = page_data(render_html(MemoryBackend(seed_model, TODAY), overview=True))
    assert data["meta"]["overview"] is True
    groups = {g["id"]: g for g in data["groups"]}
    assert groups["councils:vgr"]["councils"] == 2 and groups["councils:vgr"]["what"] == "councils"
    nodes = {n["id"]: n for n in data["network"]["nodes"]}
    assert data["groups"][nodes["sr-ortopedi-ordforande"]["bundle"]]["id"] == "councils:vgr"
    assert data["groups"][nodes["su-forvaltningschef"]["bundle"]]["id"] == "staff:su"  # a post of SU
    assert not {"su", "vgr", "jonas-claesson", "hs-direktor"} & {n for n in nodes if "bundle" in nodes[n]}  # drawn
    assert sum(g["count"] for g in data["groups"]) == sum(1 for n in nodes.values() if "bundle" in n)
    plain_page = page_data(render_html(MemoryBackend(seed_model, TODAY)))  # 64 nodes: no overview by default
    assert plain_page["meta"]["overview"] is False and plain_page["groups"] == []
    assert all("bundle" not in n for n in plain_page["network"]["nodes"])


def test_holdings_of_other_dates_are_embedded_for_the_date_picker(seed_model):
    earlier = page_data(render_html(MemoryBackend(seed_model, TODAY.replace(year=2025))))
    ids = [n["id"] for n in earlier["network"]["nodes"]]
    assert [[ids[h[0]], *h[1:]] for h in earlier["holdings"]] == [["hs-direktor", "Jonas Claesson", "2026-06-16", None]]
    today = page_data(render_html(MemoryBackend(seed_model, TODAY)))
    assert today["holdings"] == []  # today's holdings are on the page's HOLDS edges
