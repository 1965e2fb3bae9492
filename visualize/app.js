/* orgraph render: the page's behaviour.
 *
 * Everything from the model arrives as JSON in <script id="orgraph-data"> and is put on the page as
 * text only (textContent, text nodes, attribute values we name ourselves): never as HTML.  vis-network
 * draws labels on a canvas; no node or edge has a `title` (vis renders titles as HTML).
 * Escalation routes are computed by orgraph in Python and embedded; this file only shows them.
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("orgraph-data").textContent);
  var styles = data.network.options.groups;

  // The nodes and edges of the view, as records: each kind's and each relationship type's look comes
  // once (data.network.options.groups, data.relations); a node or edge carries only its own values.
  var byId = {};
  var records = data.network.nodes.map(function (n) {
    var style = styles[n.kind] || {};
    var record = Object.assign({}, n, { label: n.label || n.name, councils: n.councils || [],
      search: [n.id, n.name, n.name_en || ""].concat(n.aka || []).join(" "),
      color: style.color, font: style.font, borderWidth: 1.5 });
    byId[n.id] = record;
    return record;
  });
  var edgeRecords = data.network.edges.map(function (e, index) {
    var extra = e[3] || {};
    var style = data.relations[e[2]] || {};
    return { id: "e" + index, from: records[e[0]].id, to: records[e[1]].id, type: e[2], props: extra.props || {},
      topic: (extra.props || {}).topic, source: extra.source, layer: style.layer, smooth: extra.smooth || { enabled: false },
      color: { color: style.colour, highlight: "#111111", hover: "#111111", opacity: 0.85 }, width: style.width,
      dashes: style.dashes };
  });
  var edgeById = {};
  edgeRecords.forEach(function (e) { edgeById[e.id] = e; });

  /** Each node's relations (as the command line lists them: by type, direction, the other node's id). */
  var relationIndex = null;
  function relationsOf(id) {
    if (!relationIndex) {
      relationIndex = {};
      edgeRecords.forEach(function (e) {
        (relationIndex[e.from] = relationIndex[e.from] || []).push({ type: e.type, direction: "out", id: e.to, topic: e.topic, edge: e });
        (relationIndex[e.to] = relationIndex[e.to] || []).push({ type: e.type, direction: "in", id: e.from, topic: e.topic, edge: e });
      });
      Object.keys(relationIndex).forEach(function (key) {
        relationIndex[key].sort(function (a, b) {
          return a.type < b.type ? -1 : a.type > b.type ? 1 : a.direction < b.direction ? -1 : a.direction > b.direction ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
        });
      });
    }
    return (relationIndex[id] || []).map(function (r) { return Object.assign({ name: nameOf(r.id) }, r); });
  }

  /** What the details panel shows for a node: its record, properties, sources, holders (a post), relations. */
  function detailOf(id) {
    var n = byId[id];
    if (!n) return null;
    var extra = data.details[id] || {};
    var relations = relationsOf(id);
    var found = { id: id, kind: n.kind, name: n.name, properties: extra.properties || {}, sources: extra.sources || [],
      relations: relations };
    if (n.kind === "Post") {
      found.holders = relations.filter(function (r) { return r.type === "HOLDS" && r.direction === "in"; }).map(function (r) {
        return { id: r.id, name: r.name, from: r.edge.props.valid_from, to: r.edge.props.valid_to, source: r.edge.source };
      });
    }
    return found;
  }
  var ACCENT = "#d7263d";
  var FADED_TEXT = "#aab1b9";

  // ------------------------------------------------------------------------------------ DOM helpers

  /** An element with text-only content: props.text sets textContent, strings become text nodes. */
  function h(tag, props, children) {
    var element = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      var value = props[key];
      if (value === undefined || value === null) return;
      if (key === "text") element.textContent = String(value);
      else if (key === "class") element.className = value;
      else if (key === "data") Object.keys(value).forEach(function (k) { element.dataset[k] = String(value[k]); });
      else if (key.slice(0, 2) === "on") element.addEventListener(key.slice(2), value);
      else element.setAttribute(key, String(value));
    });
    [].concat(children === undefined ? [] : children).forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      element.append(typeof child === "string" || typeof child === "number" ? String(child) : child);
    });
    return element;
  }

  function clear(element) {
    while (element.firstChild) element.removeChild(element.firstChild);
    return element;
  }

  function $(id) { return document.getElementById(id); }

  function nameOf(id) { return byId[id] ? byId[id].name : id; }

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function formatValue(value) {
    if (value === null || value === undefined || value === "") return "—";
    if (Array.isArray(value)) return value.map(formatValue).join(", ");
    if (typeof value === "object" && typeof value.name === "string" && ("valid_from" in value || "valid_to" in value)) {
      return value.name + " (" + (value.valid_from || "") + " … " + (value.valid_to || "") + ")";  // a dated name
    }
    if (typeof value === "object") return JSON.stringify(value);
    return String(value);
  }

  var legendByKind = {};
  data.legend.forEach(function (entry) { legendByKind[entry.kind] = entry; });

  // ------------------------------------------------------------------------------------ language

  /** The page's texts in the chosen language: orgraph's message catalogs, embedded by Python. */
  var lang = data.meta.lang;
  function t(key, params) {
    var text = (data.strings[lang] || {})[key] || key;
    Object.keys(params || {}).forEach(function (name) { text = text.split("{" + name + "}").join(String(params[name])); });
    return text;
  }
  /** A translated sentence with elements (links) where its {placeholders} stand. */
  function tParts(key, parts) {
    var out = [];
    t(key).split(/(\{[a-z_]+\})/).forEach(function (piece) {
      var m = /^\{([a-z_]+)\}$/.exec(piece);
      if (m && parts[m[1]] !== undefined) out = out.concat(parts[m[1]]);
      else if (piece) out.push(piece);
    });
    return out;
  }
  function kindName(entry) { return lang === "sv" ? capitalise(entry.swedish) : entry.kind; }

  function capitalise(text) { return text.charAt(0).toUpperCase() + text.slice(1); }

  var SVG = "http://www.w3.org/2000/svg";
  /** A small picture of a node shape, drawn with SVG elements (no markup strings). */
  function shapeIcon(shape, colour) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 20 20");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    svg.setAttribute("aria-hidden", "true");
    var el;
    var poly = function (points) { el = document.createElementNS(SVG, "polygon"); el.setAttribute("points", points); };
    switch (shape) {
      case "star": poly("10,1 12.6,7.2 19,7.6 14,11.8 15.6,18.6 10,15 4.4,18.6 6,11.8 1,7.6 7.4,7.2"); break;
      case "diamond": poly("10,1 19,10 10,19 1,10"); break;
      case "hexagon": poly("5,2 15,2 19.5,10 15,18 5,18 0.5,10"); break;
      case "triangle": poly("10,2 19,18 1,18"); break;
      case "square":
      case "box":
        el = document.createElementNS(SVG, "rect");
        el.setAttribute("x", shape === "box" ? "1" : "3"); el.setAttribute("y", shape === "box" ? "4" : "3");
        el.setAttribute("width", shape === "box" ? "18" : "14"); el.setAttribute("height", shape === "box" ? "12" : "14");
        el.setAttribute("rx", shape === "box" ? "2" : "0");
        break;
      case "ellipse":
        el = document.createElementNS(SVG, "ellipse");
        el.setAttribute("cx", "10"); el.setAttribute("cy", "10"); el.setAttribute("rx", "9"); el.setAttribute("ry", "6");
        break;
      default:
        el = document.createElementNS(SVG, "circle");
        el.setAttribute("cx", "10"); el.setAttribute("cy", "10"); el.setAttribute("r", "7");
    }
    el.setAttribute("fill", colour);
    el.setAttribute("stroke", "rgba(0,0,0,0.45)");
    el.setAttribute("stroke-width", "1");
    svg.appendChild(el);
    return svg;
  }

  // ------------------------------------------------------------------------------------ the network

  // A large model opens as an overview: the councils grouped by region and each administration's staff
  // folded into one node per group, with its count; a click on a group draws what it holds.
  var collapsed = {};
  if (data.meta.overview) data.groups.forEach(function (g, index) { collapsed[index] = true; });
  var GROUP_COLOUR = { background: "#eef1f5", border: "#5f6b78", highlight: { background: "#eef1f5", border: "#111111" },
    hover: { background: "#eef1f5", border: "#111111" } };
  function groupLabel(g) {
    return g.what === "councils" ? t("Coordination councils, {name}: {count} councils ({nodes} nodes)", { name: g.name, count: g.councils, nodes: g.count })
      : t("Posts and staff, {name}: {count}", { name: g.name, count: g.count });
  }
  function drawnAs(record) {  // the id a node is drawn as: its own, or its collapsed group's
    return record.bundle !== undefined && collapsed[record.bundle] ? "group:" + record.bundle : record.id;
  }
  function visNode(r) {
    var node = { id: r.id, label: r.label, x: r.x, y: r.y, group: r.kind, kind: r.kind, councils: r.councils };
    if (r.wrap) node.widthConstraint = { maximum: r.wrap };
    return node;
  }
  function groupNodes() {
    var found = [];
    data.groups.forEach(function (g, index) {
      if (!collapsed[index]) return;
      found.push({ id: "group:" + index, label: groupLabel(g), x: g.x, y: g.y, shape: "box", kind: "Group", councils: [],
        color: GROUP_COLOUR, font: { size: 16, color: "#1d2733" }, borderWidth: 2, shapeProperties: { borderDashes: [6, 3] },
        margin: 12, widthConstraint: { maximum: 260 } });
    });
    return found;
  }
  /** The edges between what is drawn: a node's own, or (to a collapsed group) one per group, type and direction. */
  function visEdges() {
    var found = [];
    var seen = {};
    edgeRecords.forEach(function (e) {
      var from = drawnAs(byId[e.from]), to = drawnAs(byId[e.to]);
      if (from === e.from && to === e.to) { found.push(Object.assign({}, e)); return; }
      if (from === to) return;
      var id = "via:" + from + "|" + to + "|" + e.type;
      if (seen[id]) return;
      seen[id] = true;
      found.push({ id: id, from: from, to: to, type: e.type, layer: e.layer, color: e.color, width: e.width, dashes: e.dashes,
        smooth: { enabled: false } });
    });
    return found;
  }
  function drawnRecords() { return records.filter(function (r) { return drawnAs(r) === r.id; }); }

  var nodes = new vis.DataSet(drawnRecords().map(visNode).concat(groupNodes()));
  var edges = new vis.DataSet(visEdges());
  var original = { nodes: {}, edges: {} };
  records.forEach(function (n) { original.nodes[n.id] = { color: n.color, font: n.font, borderWidth: n.borderWidth }; });
  function originalEdge(e) {
    var record = edgeById[e.id] || e;
    return { id: e.id, color: record.color, width: record.width, dashes: record.dashes, label: "" };
  }
  var options = data.network.options;
  options.physics = Object.assign({}, options.physics, { enabled: Boolean(data.meta.physics) });
  var network = new vis.Network($("network"), { nodes: nodes, edges: edges }, options);
  // When the page is drawn and its main thread free (the benchmarks read this): the first drawing, then a turn.
  network.once("afterDrawing", function () { setTimeout(function () { window.orgraphInteractiveAt = performance.now(); }, 0); });

  /** Draw what a collapsed group holds (``index`` into data.groups). */
  function expand(index) {
    if (!collapsed[index]) return false;
    clearHighlight();
    delete collapsed[index];
    nodes.remove("group:" + index);
    nodes.add(records.filter(function (r) { return r.bundle === index; }).map(visNode));
    edges.clear();
    edges.add(visEdges());
    applyFilters();
    applyLayers();
    return true;
  }

  // ------------------------------------------------------------------------------------ the header

  $("title").textContent = data.meta.heading;
  function subtitle() {
    var viewText = { region: t("The whole region"), council: t("One council"), path: t("One path") }[data.meta.view.kind] || "";
    $("subtitle").textContent = t("{view} · as of {day} · {nodes} nodes, {edges} relations",
      { view: viewText, day: data.meta.day, nodes: records.length, edges: edgeRecords.length });
  }
  subtitle();

  // ------------------------------------------------------------------------------------ filters

  var kindShown = {};
  function initialKinds() {
    data.legend.forEach(function (entry) { kindShown[entry.kind] = data.meta.hidden_kinds.indexOf(entry.kind) < 0; });
  }
  initialKinds();
  var councilShown = "";

  var councilFilter = $("council-filter");
  councilFilter.append(h("option", { value: "", text: t("All councils") }));
  data.councils.forEach(function (c) { councilFilter.append(h("option", { value: c.id, text: c.name })); });
  councilFilter.disabled = data.councils.length < 2;
  councilFilter.addEventListener("change", function () { councilShown = councilFilter.value; applyFilters(); });

  var legend = $("legend");
  data.legend.forEach(function (entry) {
    var box = h("input", { type: "checkbox", data: { kind: entry.kind } });
    box.checked = kindShown[entry.kind];
    box.addEventListener("change", function () { kindShown[entry.kind] = box.checked; applyFilters(); });
    legend.append(h("li", {}, h("label", { class: "check", title: entry.meaning }, [
      box, shapeIcon(entry.shape, entry.colour),
      h("span", { class: "legend-name", data: { kind: entry.kind }, text: kindName(entry) }),
      h("span", { class: "legend-kind", text: entry.kind }),
      h("span", { class: "legend-count", text: String(entry.count) }),
    ])));
  });

  function isShown(node) {
    if (!kindShown[node.kind]) return false;
    if (councilShown && node.councils.length && node.councils.indexOf(councilShown) < 0) return false;
    return true;
  }

  function applyFilters() {
    nodes.update(drawnRecords().map(function (n) { return { id: n.id, hidden: !isShown(n) }; }));
    updateStatus();
  }

  // Layers: the org chart is drawn from the start; escalation and other relations when asked for, by a
  // toggle, by the escalation explorer (its route) or by selecting a node (its own relations).
  var layerShown = { structure: false, escalation: false, other: false };
  data.meta.layers.forEach(function (layer) { layerShown[layer] = true; });
  var revealed = { selection: {}, route: {} };
  function applyLayers() {
    edges.update(edges.get().map(function (e) {
      return { id: e.id, hidden: !(layerShown[e.layer] || revealed.selection[e.id] || revealed.route[e.id]) };
    }));
  }
  function reveal(which, ids) {
    revealed[which] = {};
    ids.forEach(function (id) { revealed[which][id] = true; });
    applyLayers();
  }
  Object.keys(layerShown).forEach(function (layer) {
    var box = $("layer-" + layer);
    box.checked = layerShown[layer];
    box.addEventListener("change", function () { layerShown[layer] = box.checked; applyLayers(); });
  });
  function drawnEdgeCount() {
    return edges.get({ filter: function (e) { return !e.hidden; } }).length;
  }

  // Each council's block is drawn as a card behind its posts and holders.
  var blocks = {};
  records.forEach(function (n) {
    if (n.block) (blocks[n.block] = blocks[n.block] || []).push(n.id);
  });
  function drawCards(context) {
    Object.keys(blocks).forEach(function (council) {
      var box = null;
      blocks[council].forEach(function (id) {
        var node = nodes.get(id);
        if (!node || node.hidden) return;
        var b = network.getBoundingBox(id);
        box = box ? { left: Math.min(box.left, b.left), top: Math.min(box.top, b.top), right: Math.max(box.right, b.right),
          bottom: Math.max(box.bottom, b.bottom) } : b;
      });
      if (!box) return;
      var pad = 14;
      context.save();
      context.beginPath();
      if (context.roundRect) context.roundRect(box.left - pad, box.top - pad, box.right - box.left + 2 * pad, box.bottom - box.top + 2 * pad, 12);
      else context.rect(box.left - pad, box.top - pad, box.right - box.left + 2 * pad, box.bottom - box.top + 2 * pad);
      context.fillStyle = "#f6f3ec";
      context.strokeStyle = "#cfc6b4";
      context.lineWidth = 1.5;
      context.fill();
      context.stroke();
      context.restore();
    });
  }

  function visibleNodeCount() {
    return nodes.get({ filter: function (n) { return !n.hidden && n.kind !== "Group"; } }).length;
  }

  function updateStatus() {
    var shown = visibleNodeCount();
    $("status").textContent = shown === records.length ? "" : t("Showing {shown} of {total} nodes", { shown: shown, total: records.length });
  }

  $("physics").checked = Boolean(data.meta.physics);
  $("physics").addEventListener("change", function () {
    network.setOptions({ physics: { enabled: $("physics").checked } });
  });
  $("fit").addEventListener("click", function () { network.fit({ animation: false }); });
  $("reset").addEventListener("click", function () {
    councilFilter.value = ""; councilShown = "";
    initialKinds();
    Array.prototype.forEach.call(legend.querySelectorAll("input"), function (box) { box.checked = kindShown[box.dataset.kind]; });
    applyFilters();
    escCouncil.value = ""; showEscalation();
    closeDetails();
    network.unselectAll();
    network.fit({ animation: false });
  });

  // ------------------------------------------------------------------------------------ search

  var searchIndex = records.map(function (n) { return { id: n.id, text: fold(n.search) }; });
  var searchInput = $("search");
  var searchResults = $("search-results");

  function search(query) {
    var q = fold(query.trim());
    clear(searchResults);
    if (!q) return [];
    var found = searchIndex.filter(function (entry) { return entry.text.indexOf(q) >= 0; }).map(function (e) { return e.id; });
    found.sort(function (a, b) {  // exact id or name first, then by name
      var ea = (a === query.trim() || fold(nameOf(a)) === q) ? 0 : 1, eb = (b === query.trim() || fold(nameOf(b)) === q) ? 0 : 1;
      return ea - eb || nameOf(a).localeCompare(nameOf(b), "sv");
    });
    found.slice(0, 12).forEach(function (id) {
      searchResults.append(h("li", {}, h("button", { type: "button", class: "link", data: { id: id }, onclick: function () { select(id); } }, [
        h("span", { text: nameOf(id) }), " ", h("span", { class: "muted small mono", text: id }),
      ])));
    });
    if (!found.length) searchResults.append(h("li", { class: "muted small", text: t("No match") }));
    else if (found.length > 12) searchResults.append(h("li", { class: "muted small", text: t("… and {count} more", { count: found.length - 12 }) }));
    return found;
  }

  searchInput.addEventListener("input", function () { search(searchInput.value); });
  searchInput.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var found = search(searchInput.value);
      if (found.length) select(found[0]);
    }
  });

  // ------------------------------------------------------------------------------------ details

  var panel = $("details");
  var panelBody = $("details-body");

  var shownInPanel = null;  // what the details panel shows: { node: id } or { edge: id }
  function closeDetails() { panel.hidden = true; clear(panelBody); shownInPanel = null; }
  $("details-close").addEventListener("click", function () { closeDetails(); network.unselectAll(); });

  function nodeLink(id) {
    return h("button", { type: "button", class: "link", data: { id: id }, onclick: function () { select(id); } }, nameOf(id));
  }

  function kindChip(kind) {
    var entry = legendByKind[kind];
    return h("p", { class: "chip" }, [entry ? shapeIcon(entry.shape, entry.colour) : null,
      h("span", { text: entry ? kindName(entry) + (lang === "sv" ? " · " + kind : "") : kind })]);
  }

  function propertyList(properties) {
    var keys = Object.keys(properties || {});
    if (!keys.length) return null;
    return h("dl", { class: "props" }, [].concat.apply([], keys.map(function (key) {
      return [h("dt", { text: key.replace(/_/g, " ") }), h("dd", { text: formatValue(properties[key]) })];
    })));
  }

  function showNode(id) {
    var d = detailOf(id);
    if (!d) return;
    shownInPanel = { node: id };
    clear(panelBody);
    panelBody.append(kindChip(d.kind), h("h2", { text: d.name }), h("p", { class: "mono muted small", text: d.id }));
    var props = propertyList(d.properties);
    if (props) panelBody.append(h("h3", { text: t("Properties") }), props);
    if (d.holders) {
      panelBody.append(h("h3", { text: t("Held by") }));
      if (!d.holders.length) panelBody.append(h("p", { class: "muted", text: t("Vacant on {day}", { day: data.meta.day }) }));
      else panelBody.append(h("ul", { class: "plain" }, d.holders.map(function (holder) {
        return h("li", {}, [nodeLink(holder.id), h("span", { class: "muted small",
          text: " " + (holder.from || "…") + " – " + (holder.to || "") }),
          holder.source ? h("div", { class: "small source", text: String(holder.source) }) : null]);
      })));
    }
    if (d.sources.length) {
      panelBody.append(h("h3", { text: t("Sources") }), h("ul", { class: "plain" }, d.sources.map(function (s) {
        return h("li", { class: "source", text: String(s) });
      })));
    }
    if (d.relations.length) {
      panelBody.append(h("h3", { text: t("Relations") }));
      var groups = {};
      var groupOrder = [];
      d.relations.forEach(function (r) {
        var key = r.direction === "out" ? r.type + " →" : "← " + r.type;
        if (!groups[key]) { groups[key] = []; groupOrder.push(key); }
        groups[key].push(r);
      });
      panelBody.append(h("dl", { class: "relations" }, [].concat.apply([], groupOrder.map(function (key) {
        return [h("dt", { class: "mono small", text: key }), h("dd", {}, groups[key].map(function (r) {
          return h("div", {}, [nodeLink(r.id), r.topic ? h("span", { class: "muted small", text: " (" + r.topic + ")" }) : null]);
        }))];
      }))));
    }
    panel.hidden = false;
    panel.scrollTop = 0;
  }

  function showEdge(id) {
    var e = edgeById[id];
    if (!e) return;
    var d = { type: e.type, meaning: data.relations[e.type].meaning, from: e.from, to: e.to, properties: e.props, source: e.source };
    shownInPanel = { edge: id };
    clear(panelBody);
    panelBody.append(h("p", { class: "chip mono", text: d.type }), h("h2", {}, [nodeLink(d.from), " → ", nodeLink(d.to)]),
      h("p", { class: "muted small", text: t(d.meaning) }));
    var props = propertyList(d.properties);
    if (props) panelBody.append(h("h3", { text: t("Properties") }), props);
    if (d.source) panelBody.append(h("h3", { text: t("Source") }), h("p", { class: "source", text: String(d.source) }));
    panel.hidden = false;
  }

  function select(id) {
    if (!byId[id]) return false;
    if (drawnAs(byId[id]) !== id) expand(byId[id].bundle);
    var node = nodes.get(id);
    if (node && node.hidden) {  // a search finds what the filters hide: show it again
      kindShown[node.kind] = true;
      var box = legend.querySelector('input[data-kind="' + CSS.escape(node.kind) + '"]');
      if (box) box.checked = true;
      if (councilShown && node.councils.length && node.councils.indexOf(councilShown) < 0) {
        councilShown = ""; councilFilter.value = "";
      }
      applyFilters();
    }
    unfade(id);
    network.selectNodes([id]);
    reveal("selection", network.getConnectedEdges(id));
    network.focus(id, { scale: Math.max(network.getScale(), 0.9), animation: false });
    showNode(id);
    return true;
  }

  /** A node picked while a route is highlighted is drawn in its own colours again. */
  function unfade(id) {
    if (highlight.nodes.length && highlight.nodes.indexOf(id) < 0 && original.nodes[id]) {
      nodes.update(Object.assign({ id: id }, original.nodes[id]));
    }
  }

  network.on("selectNode", function (params) {
    params.nodes.forEach(unfade);
    reveal("selection", network.getConnectedEdges(params.nodes[0]));
  });
  network.on("deselectNode", function () { reveal("selection", []); });
  network.on("beforeDrawing", drawCards);
  network.on("click", function (params) {
    if (params.nodes.length && String(params.nodes[0]).slice(0, 6) === "group:") expand(Number(String(params.nodes[0]).slice(6)));
    else if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });

  // ------------------------------------------------------------------------------------ routes

  var highlight = { nodes: [], hops: [], added: [] };

  function clearHighlight() {
    if (!highlight.nodes.length && !highlight.added.length) return;
    edges.remove(highlight.added);
    nodes.update(drawnRecords().map(function (n) { return Object.assign({ id: n.id }, original.nodes[n.id]); }));
    edges.update(edges.get().map(originalEdge));
    highlight = { nodes: [], hops: [], added: [] };
    reveal("route", []);
  }

  /** ``hex`` (#rrggbb) mixed with white: ``amount`` 0 keeps it, 1 is white. */
  function paler(hex, amount) {
    var channels = [1, 3, 5].map(function (i) { return parseInt(hex.slice(i, i + 2), 16); });
    return "#" + channels.map(function (c) {
      return ("0" + Math.round(c + (255 - c) * amount).toString(16)).slice(-2);
    }).join("");
  }

  function faded(color) {
    return { background: paler(color.background, 0.78), border: paler(color.border, 0.75), highlight: color.highlight,
      hover: color.hover };
  }

  /** The drawn edge for a hop: an edge from→to (the escalation edge of that topic first), else one against it. */
  function edgeFor(hop, topic) {
    var candidates = edges.get({ filter: function (e) {
      return (e.from === hop.from_id && e.to === hop.to_id) || (e.from === hop.to_id && e.to === hop.from_id);
    } });
    candidates.sort(function (a, b) {
      var score = function (e) {
        return (e.from === hop.from_id ? 0 : 4) + (hop.type && e.type === hop.type ? 0 : 2) + (topic && e.topic === topic ? 0 : 1);
      };
      return score(a) - score(b);
    });
    return candidates[0];
  }

  /** Highlight hops (objects with from_id, to_id): everything else fades, the hops are numbered. */
  function highlightHops(hops, topic, extraNodes) {
    (extraNodes || []).concat([].concat.apply([], hops.map(function (hop) { return [hop.from_id, hop.to_id]; }))).forEach(function (id) {
      if (byId[id] && drawnAs(byId[id]) !== id) expand(byId[id].bundle);  // a route into a collapsed group opens it
    });
    clearHighlight();
    var onRoute = {};
    (extraNodes || []).forEach(function (id) { if (byId[id]) onRoute[id] = true; });
    hops.forEach(function (hop) { onRoute[hop.from_id] = true; onRoute[hop.to_id] = true; });
    nodes.update(drawnRecords().filter(function (n) { return !onRoute[n.id]; }).map(function (n) {
      return { id: n.id, color: faded(n.color), font: Object.assign({}, n.font, { color: FADED_TEXT }) };
    }));
    nodes.update(drawnRecords().filter(function (n) { return onRoute[n.id]; }).map(function (n) {
      return { id: n.id, borderWidth: 3, color: Object.assign({}, n.color, { border: ACCENT }) };
    }));
    var used = {};
    var labels = {};
    var drawn = [];
    hops.forEach(function (hop, index) {
      var edge = edgeFor(hop, topic);
      if (edge) {
        used[edge.id] = true;
        labels[edge.id] = (labels[edge.id] ? labels[edge.id] + ", " : "") + (index + 1);
        drawn.push(edge.id);
      } else if (nodes.get(hop.from_id) && nodes.get(hop.to_id)) {
        var id = "hop-" + index;
        edges.add({ id: id, from: hop.from_id, to: hop.to_id, arrows: "to", dashes: [4, 4] });
        highlight.added.push(id);
        used[id] = true;
        labels[id] = String(index + 1);
        drawn.push(id);
      } else {
        drawn.push(null);
      }
    });
    edges.update(edges.get().map(function (e) {
      if (used[e.id]) {
        return { id: e.id, width: 4, color: { color: ACCENT, highlight: ACCENT, hover: ACCENT, opacity: 1 }, label: " " + labels[e.id] + " ",
          font: { size: 22, color: "#ffffff", background: ACCENT, strokeWidth: 0, align: "horizontal" } };
      }
      return { id: e.id, color: { color: "#e3e6e9", highlight: "#111111", hover: "#111111", opacity: 0.6 } };
    }));
    highlight.nodes = Object.keys(onRoute);
    reveal("route", Object.keys(used));
    highlight.hops = hops.map(function (hop, index) { return { from: hop.from_id, to: hop.to_id, edge: drawn[index] }; });
  }

  function hopList(hops) {
    return h("ol", { class: "hops" }, hops.map(function (hop) {
      var missing = !nodes.get(hop.from_id) || !nodes.get(hop.to_id);
      return h("li", { data: { from: hop.from_id, to: hop.to_id } }, [
        h("div", { class: "hop" }, [nodeLink(hop.from_id), h("div", {}, [h("span", { class: "arrow", text: "→ " }),
          nodeLink(hop.to_id), hop.to_kind ? h("span", { class: "muted small", text: staffing(hop.holder, hop.to_kind) }) : null])]),
        hop.reason ? h("div", { class: "reason", text: hop.reason }) : null,
        hop.source ? h("div", { class: "small source", text: String(hop.source) }) : null,
        missing ? h("div", { class: "small muted", text: t("(not drawn in this view)") }) : null,
      ]);
    }));
  }

  var escCouncil = $("esc-council");
  var escTopic = $("esc-topic");
  var escResult = $("esc-result");
  escCouncil.append(h("option", { value: "", text: t("— choose a council —") }));
  data.councils.forEach(function (c) { escCouncil.append(h("option", { value: c.id, text: c.name })); });
  data.topics.forEach(function (t) { escTopic.append(h("option", { value: t.id, text: t.name })); });
  /** The question a topic asks: the model's own (Swedish) name of the topic, or the vocabulary's English question. */
  function topicQuestion(id) {
    var topic = data.topics.filter(function (x) { return x.id === id; })[0];
    return !topic ? id : lang === "en" ? topic.question : topic.name;
  }
  if (!data.councils.length) $("escalation-section").hidden = true;

  function staffing(holder, kind) {
    if (holder) return " (" + holder.name + ")";
    return kind === "Post" ? " (" + t("vacant") + ")" : "";
  }

  function partyLine(label, party) {
    return h("p", { class: "party" }, [h("span", { class: "muted small", text: label + " " }), nodeLink(party.id),
      h("span", { class: "muted small", text: staffing(party.holder, party.kind) })]);
  }

  function documentText(doc) {
    return (doc.number || doc.name) + (doc.date ? " (" + doc.date + ")" : "") + (doc.decided ? "" : ", " + t("no decision date filled in"));
  }

  /** Show the embedded escalation for the chosen council and topic, and highlight its routes. */
  function showEscalation() {
    clear(escResult);
    clearHighlight();
    var council = escCouncil.value;
    var topic = escTopic.value;
    if (!council) return null;
    var escalation = (data.escalations[council] || {})[topic];
    if (!escalation) {
      escResult.append(h("p", { class: "muted", text: t("No escalation data for this council and topic.") }));
      return null;
    }
    escResult.append(h("p", { class: "small muted", text: topicQuestion(topic) }), partyLine(t("Raised by"), escalation.start));
    var routes = escalation.routes;
    if (!escalation.stated) {
      escResult.append(h("p", { class: "note", text: t("The text of {council} states no route for this topic",
        { council: escalation.council.name }) + (escalation.mandate_documents.length ? " (" +
        escalation.mandate_documents.map(documentText).join("; ") + ")." : ".") }));
      if (escalation.other_starts.length) {
        escResult.append(h("p", { class: "small" }, [t("A route is stated from:") + " "].concat(
          escalation.other_starts.map(function (ref, i) { return [i ? ", " : "", nodeLink(ref.id)]; }).flat())));
      }
      escalation.other_texts.forEach(function (other) {
        escResult.append(h("p", { class: "small" }, tParts("The text of {council} ({documents}) sends it to:",
          { council: nodeLink(other.council.id), documents: other.documents.map(documentText).join("; ") }).concat([" "]).concat(
          other.deciders.map(function (ref, i) { return [i ? ", " : "", nodeLink(ref.id)]; }).flat())));
      });
      highlightHops([], topic, [escalation.start.id]);
      return escalation;
    }
    var all = [].concat.apply([], routes.map(function (route) { return route.hops; }));
    var ends = [escalation.start.id];
    routes.forEach(function (route, index) {
      var title = routes.length > 1 ? t("Route {n} of {total}", { n: index + 1, total: routes.length }) : t("Route");
      var decider = route.decider;
      escResult.append(h("div", { class: "route", data: { route: index } }, [
        routes.length > 1
          ? h("button", { type: "button", class: "link route-title", title: t("Highlight only this route"),
              onclick: function () { highlightHops(route.hops, topic, [escalation.start.id]); } }, title)
          : h("p", { class: "route-title", text: title }),
        route.hops.length ? hopList(route.hops) : h("p", { class: "small", text: t("Decided where it is raised: no hop.") }),
        decider ? h("div", { class: "decider" }, [partyLine(t("Decides:"), decider),
          decider.reason ? h("div", { class: "reason", text: decider.reason }) : null,
          decider.source ? h("div", { class: "small source", text: String(decider.source) }) : null])
          : h("p", { class: "note", text: t("The route ends without anyone who holds the mandate.") }),
      ]));
      if (decider) ends.push(decider.id);
    });
    if (routes.length > 1) {
      escResult.append(h("button", { type: "button", class: "link small", onclick: function () { highlightHops(all, topic, ends); } },
        t("Highlight every route")));
    }
    highlightHops(all, topic, ends);
    return escalation;
  }
  escCouncil.addEventListener("change", showEscalation);
  escTopic.addEventListener("change", showEscalation);

  function showPaths() {
    if (!data.paths.length) return;
    $("path-section").hidden = false;
    var pathResult = clear($("path-result"));
    data.paths.forEach(function (hops, index) {
      pathResult.append(h("div", { class: "route" }, [
        h("p", { class: "route-title", text: data.paths.length > 1 ? t("Path {n} of {total}", { n: index + 1, total: data.paths.length }) : t("{count} hop(s)", { count: hops.length }) }),
        h("ol", { class: "hops" }, hops.map(function (hop) {
          return h("li", { data: { from: hop.from_id, to: hop.to_id } }, [
            h("div", { class: "hop" }, [nodeLink(hop.from_id),
              h("span", { class: "arrow mono small", text: hop.forward ? " —" + hop.type + "→ " : " ←" + hop.type + "— " }),
              nodeLink(hop.to_id)]),
            hop.reason ? h("div", { class: "reason", text: hop.reason }) : null,
            hop.source ? h("div", { class: "small source", text: String(hop.source) }) : null,
          ]);
        })),
      ]));
    });
  }

  showPaths();

  // ------------------------------------------------------------------------------------ the list view

  /** The same nodes and relations as a table: filtered as one types, each name a button that selects it. */
  var listSection = $("list");
  var listFilter = $("list-filter");
  var listBody = document.querySelector("#list-table tbody");
  var listButton = $("show-list");
  var LIST_ROWS = 400;  // rows drawn at once: the filter narrows a large model's list
  function relationText(r) {
    return (r.direction === "out" ? r.type + " → " : "← " + r.type + " ") + r.name;
  }
  function fillList() {
    var q = fold(listFilter.value.trim());
    clear(listBody);
    var shown = 0;
    records.forEach(function (n) {
      var relations = relationsOf(n.id).map(relationText);
      if (q && (fold(n.search) + " " + fold(relations.join(" "))).indexOf(q) < 0) return;
      shown++;
      if (shown > LIST_ROWS) return;
      var d = n;
      var entry = legendByKind[d.kind];
      listBody.append(h("tr", { data: { id: n.id } }, [
        h("th", { scope: "row" }, h("button", { type: "button", class: "link", data: { id: n.id },
          onclick: function () { select(n.id); } }, d.name)),
        h("td", { text: entry ? kindName(entry) : d.kind }),
        h("td", { class: "small" }, relations.length ? h("ul", { class: "plain" }, relations.map(function (r) {
          return h("li", { text: r });
        })) : "—"),
      ]));
    });
    $("list-count").textContent = t("Showing {shown} of {total} nodes", { shown: shown, total: records.length }) +
      (shown > LIST_ROWS ? " · " + t("the first {count} listed: type to narrow the list", { count: LIST_ROWS }) : "");
  }
  listFilter.addEventListener("input", fillList);
  function showList(on) {
    listSection.hidden = !on;
    $("network").hidden = on;
    listButton.setAttribute("aria-pressed", on ? "true" : "false");
    listButton.textContent = on ? t("Show as a drawing") : t("Show as a list");
    if (on) fillList();
  }
  listButton.addEventListener("click", function () { showList(listSection.hidden); });

  // ------------------------------------------------------------------------------------ the language switch

  /** Every text of the page in the current language: the static ones (data-i18n) and what is shown now. */
  function relabel() {
    document.documentElement.lang = lang;
    Array.prototype.forEach.call(document.querySelectorAll("[data-i18n]"), function (el) { el.textContent = t(el.dataset.i18n); });
    Array.prototype.forEach.call(document.querySelectorAll("[data-i18n-placeholder]"), function (el) {
      el.setAttribute("placeholder", t(el.dataset.i18nPlaceholder));
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-i18n-label]"), function (el) {
      el.setAttribute("aria-label", t(el.dataset.i18nLabel));
    });
    subtitle();
    nodes.update(groupNodes().map(function (g) { return { id: g.id, label: g.label }; }));
    councilFilter.options[0].textContent = t("All councils");
    escCouncil.options[0].textContent = t("— choose a council —");
    Array.prototype.forEach.call(legend.querySelectorAll(".legend-name"), function (el) {
      el.textContent = kindName(legendByKind[el.dataset.kind]);
    });
    updateStatus();
    if (searchInput.value) search(searchInput.value);
    if (shownInPanel && shownInPanel.node) showNode(shownInPanel.node);
    else if (shownInPanel && shownInPanel.edge) showEdge(shownInPanel.edge);
    if (escCouncil.value) showEscalation();
    showPaths();
    listButton.textContent = listSection.hidden ? t("Show as a list") : t("Show as a drawing");
    if (!listSection.hidden) fillList();
    if (typeof dayNote === "function" && asOf) dayNote();
  }

  var langSwitch = $("lang");
  langSwitch.value = lang;
  langSwitch.addEventListener("change", function () { setLanguage(langSwitch.value); });
  function setLanguage(value) {
    if (!data.strings[value]) return false;
    lang = value; langSwitch.value = value;
    relabel();
    return true;
  }
  relabel();

  // ------------------------------------------------------------------------------------ export

  function ring(count, start, radii) {
    var points = [];
    for (var i = 0; i < count; i++) {
      var angle = start + i * 2 * Math.PI / count, radius = radii[i % radii.length];
      points.push([Math.cos(angle) * radius, Math.sin(angle) * radius]);
    }
    return points;
  }
  var SHAPES = { diamond: ring(4, -Math.PI / 2, [1.15]), square: ring(4, -Math.PI / 4, [1.2]),
    triangle: ring(3, -Math.PI / 2, [1.3]), triangleDown: ring(3, Math.PI / 2, [1.3]), hexagon: ring(6, 0, [1.1]),
    star: ring(10, -Math.PI / 2, [1.3, 0.55]) };

  /** A label's lines as vis-network wraps it: at its own line breaks, and between words at ``width`` pixels
   * (estimated as the Python layout does: 0.53 of the font size a character). */
  function wrapLabel(label, width) {
    var out = [];
    label.split(/\n/).forEach(function (paragraph) {
      var line = "";
      paragraph.split(/\s+/).forEach(function (word) {
        if (line && (line.length + 1 + word.length) * 7.42 > width - 14) { out.push(line); line = word; }
        else line = line ? line + " " + word : word;
      });
      out.push(line);
    });
    return out;
  }

  /** The drawing as it is now (what is shown, highlighted and where) as an SVG document, built with DOM calls. */
  function exportSvg() {
    var shown = nodes.get({ filter: function (n) { return !n.hidden; } });
    if (!shown.length) return "";
    var boxes = {};
    var bounds = null;
    shown.forEach(function (n) {
      var b = network.getBoundingBox(n.id);
      boxes[n.id] = b;
      bounds = bounds ? { left: Math.min(bounds.left, b.left), top: Math.min(bounds.top, b.top),
        right: Math.max(bounds.right, b.right), bottom: Math.max(bounds.bottom, b.bottom) } : Object.assign({}, b);
    });
    var pad = 40;
    var width = Math.ceil(bounds.right - bounds.left + 2 * pad), height = Math.ceil(bounds.bottom - bounds.top + 2 * pad);
    var positions = network.getPositions(shown.map(function (n) { return n.id; }));
    var svg = document.createElementNS(SVG, "svg");
    var attrs = function (el, values) { Object.keys(values).forEach(function (k) { el.setAttribute(k, String(values[k])); }); return el; };
    var add = function (parent, tag, values, text) {
      var el = attrs(document.createElementNS(SVG, tag), values || {});
      if (text !== undefined) el.textContent = text;
      parent.appendChild(el);
      return el;
    };
    attrs(svg, { xmlns: SVG, width: width, height: height, viewBox: [bounds.left - pad, bounds.top - pad, width, height].join(" "),
      "font-family": "system-ui, 'Segoe UI', Roboto, sans-serif", "font-size": 14 });
    add(svg, "title", {}, data.meta.heading + " · " + t("as of {day}", { day: data.meta.day }));
    add(svg, "rect", { x: bounds.left - pad, y: bounds.top - pad, width: width, height: height, fill: "#ffffff" });
    Object.keys(blocks).forEach(function (council) {
      var box = null;
      blocks[council].forEach(function (id) {
        var b = boxes[id];
        if (!b) return;
        box = box ? { left: Math.min(box.left, b.left), top: Math.min(box.top, b.top), right: Math.max(box.right, b.right),
          bottom: Math.max(box.bottom, b.bottom) } : b;
      });
      if (box) add(svg, "rect", { x: box.left - 14, y: box.top - 14, width: box.right - box.left + 28, height: box.bottom - box.top + 28,
        rx: 12, fill: "#f6f3ec", stroke: "#cfc6b4", "stroke-width": 1.5 });
    });
    edges.get({ filter: function (e) { return !e.hidden && boxes[e.from] && boxes[e.to]; } }).forEach(function (e) {
      var a = positions[e.from], b = positions[e.to];
      var colour = (e.color && e.color.color) || "#8f9aa6";
      var line = add(svg, "line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: colour, "stroke-width": e.width || 1,
        "data-type": e.type });
      if (Array.isArray(e.dashes)) line.setAttribute("stroke-dasharray", e.dashes.join(" "));
      // the arrowhead, drawn where the line meets the target's box (no marker: the file refers to nothing)
      var box = boxes[e.to], dx = b.x - a.x, dy = b.y - a.y, length = Math.sqrt(dx * dx + dy * dy) || 1;
      var ux = dx / length, uy = dy / length;
      var reach = Math.min(Math.abs(ux) > 1e-6 ? (box.right - box.left) / 2 / Math.abs(ux) : Infinity,
        Math.abs(uy) > 1e-6 ? (box.bottom - box.top) / 2 / Math.abs(uy) : Infinity, length / 2);
      var tipX = b.x - ux * reach, tipY = b.y - uy * reach;
      add(svg, "polygon", { fill: colour, points: [[tipX, tipY], [tipX - ux * 9 - uy * 4, tipY - uy * 9 + ux * 4],
        [tipX - ux * 9 + uy * 4, tipY - uy * 9 - ux * 4]].map(function (p) { return p[0].toFixed(1) + "," + p[1].toFixed(1); }).join(" ") });
      if (e.label && e.label.trim()) add(svg, "text", { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, fill: ACCENT, "font-weight": 700,
        "text-anchor": "middle" }, e.label.trim());
    });
    shown.forEach(function (n) {
      var b = boxes[n.id], p = positions[n.id];
      var style = n.kind === "Group" ? { color: GROUP_COLOUR, shape: "box", font: { color: "#1d2733" } } : styles[n.kind] || {};
      var colour = n.color || style.color || {};
      var font = Object.assign({}, style.font, n.font || {});
      var group = add(svg, "g", { "data-id": n.id });
      var inside = ["box", "ellipse", "circle", "database", "text"].indexOf(style.shape) >= 0;
      var fill = colour.background || "#cccccc", stroke = colour.border || "#555555";
      var lines = wrapLabel(String(n.label || ""), byId[n.id] && byId[n.id].wrap || 140);
      if (inside) {
        if (style.shape === "ellipse" || style.shape === "circle") {
          add(group, "ellipse", { cx: p.x, cy: p.y, rx: (b.right - b.left) / 2, ry: (b.bottom - b.top) / 2, fill: fill, stroke: stroke });
        } else {
          add(group, "rect", { x: b.left, y: b.top, width: b.right - b.left, height: b.bottom - b.top, rx: 5, fill: fill, stroke: stroke });
        }
      } else if (SHAPES[style.shape]) {  // vis-network's shapes, as polygons of its size
        var r = style.size || 13;
        add(group, "polygon", { fill: fill, stroke: stroke, points: SHAPES[style.shape].map(function (q) {
          return (p.x + q[0] * r).toFixed(1) + "," + (p.y + q[1] * r).toFixed(1);
        }).join(" ") });
      } else {
        add(group, "circle", { cx: p.x, cy: p.y, r: style.size || 13, fill: fill, stroke: stroke });
      }
      var text = add(group, "text", { x: p.x, "text-anchor": "middle", fill: font.color || "#1d2733" });
      var top = inside ? p.y - (lines.length - 1) * 8.75 + 5 : p.y + (style.size || 13) + 16;
      lines.forEach(function (line, i) { add(text, "tspan", { x: p.x, y: top + i * 17.5 }, line); });
    });
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg);
  }

  /** The drawing as it is now as a PNG (a data: URL), on white. */
  function exportPng() {
    var canvas = $("network").querySelector("canvas");
    var out = document.createElement("canvas");
    out.width = canvas.width; out.height = canvas.height;
    var context = out.getContext("2d");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, out.width, out.height);
    context.drawImage(canvas, 0, 0);
    return out.toDataURL("image/png");
  }

  function download(name, href) {
    var link = h("a", { href: href, download: name });
    document.body.append(link);
    link.click();
    link.remove();
  }
  var fileStem = "orgraph-" + data.meta.day;
  $("export-svg").addEventListener("click", function () {
    var url = URL.createObjectURL(new Blob([exportSvg()], { type: "image/svg+xml" }));
    download(fileStem + ".svg", url);
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  });
  $("export-png").addEventListener("click", function () { download(fileStem + ".png", exportPng()); });

  // ------------------------------------------------------------------------------------ another date

  /** Holders and names on another date, from the validity embedded (holdings of the page's date on the
   * edges, the others in data.holdings; a node's dated names in its properties): post labels name the
   * holders, holdings not valid then are not drawn, a renamed body takes the name of the day.  Both ends
   * of a validity are inclusive, as in the model. */
  var asOf = $("as-of");
  asOf.value = data.meta.day;
  var shownDay = data.meta.day;
  function validOn(props, day) { return (!props.valid_from || props.valid_from <= day) && (!props.valid_to || day <= props.valid_to); }
  function holdersOn(postId, day) {
    var names = relationsOf(postId).filter(function (r) { return r.type === "HOLDS" && r.direction === "in" && validOn(r.edge.props, day); })
      .map(function (r) { return r.name; });
    (data.holdings || []).forEach(function (hold) {
      if (records[hold[0]].id === postId && validOn({ valid_from: hold[2], valid_to: hold[3] }, day)) names.push(hold[1]);
    });
    return names;
  }
  /** The name a node bears on ``day`` (its dated names, embedded as properties.names), or null: no dated name. */
  function nameOn(id, day) {
    var names = ((data.details[id] || {}).properties || {}).names;
    if (!Array.isArray(names)) return null;
    var found = names.filter(function (entry) { return validOn(entry, day); })[0];
    return found ? found.name : null;
  }
  function drawDay(day) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
    shownDay = day;
    var same = day === data.meta.day;
    nodes.update(drawnRecords().filter(function (r) { return nameOn(r.id, data.meta.day) === r.name; }).map(function (r) {
      return { id: r.id, label: same ? r.label : nameOn(r.id, day) || r.label };
    }));
    nodes.update(drawnRecords().filter(function (r) { return r.kind === "Post"; }).map(function (r) {
      if (same) return { id: r.id, label: r.label };
      var names = holdersOn(r.id, day);
      return { id: r.id, label: r.label + "\n(" + (names.length ? names.join(", ") : t("vacant")) + ")" };
    }));
    edges.update(edges.get({ filter: function (e) { return e.type === "HOLDS" && edgeById[e.id]; } }).map(function (e) {
      return { id: e.id, dashes: same || validOn(edgeById[e.id].props, day) ? false : [2, 6],
        color: same || validOn(edgeById[e.id].props, day) ? edgeById[e.id].color : { color: "#e3e6e9", opacity: 0.5 } };
    }));
    dayNote();
    return true;
  }
  function dayNote() {
    $("as-of-note").textContent = shownDay === data.meta.day ? t("as of {day}", { day: data.meta.day })
      : t("Holders and names as of {day}; the rest of the page as of {asof}", { day: shownDay, asof: data.meta.day });
  }
  asOf.addEventListener("change", function () { drawDay(asOf.value || data.meta.day); });

  // ------------------------------------------------------------------------------------ start

  applyFilters();
  applyLayers();
  network.fit({ animation: false });
  updateStatus();
  dayNote();

  window.orgraphView = {
    network: network,
    nodes: nodes,
    edges: edges,
    nodeCount: function () { return records.length; },
    edgeCount: function () { return edgeRecords.length; },
    drawnNodeCount: function () { return nodes.length; },
    expand: expand,
    groups: function () { return data.groups.map(function (g, index) { return { id: g.id, index: index, collapsed: Boolean(collapsed[index]), label: groupLabel(g) }; }); },
    visibleNodeCount: visibleNodeCount,
    drawnEdgeCount: drawnEdgeCount,
    drawnEdges: function () { return edges.get({ filter: function (e) { return !e.hidden; } }).map(function (e) { return e.type; }); },
    search: function (query) { searchInput.value = query; return search(query); },
    select: select,
    setLanguage: setLanguage,
    language: function () { return lang; },
    escalate: function (council, topic) {
      escCouncil.value = council; escTopic.value = topic;
      return showEscalation();
    },
    exportSvg: exportSvg,
    exportPng: exportPng,
    drawDay: function (day) { asOf.value = day; return drawDay(day); },
    label: function (id) { var n = nodes.get(id); return n ? n.label : null; },
    highlighted: function () { return JSON.parse(JSON.stringify({ nodes: highlight.nodes.slice().sort(), hops: highlight.hops })); },
    ready: true,
  };
})();
