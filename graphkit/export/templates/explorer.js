/* graphkit explorer. All graph text is untrusted: DOM is built with textContent/append
   only (never innerHTML), links are shown only for http(s) URLs. */
(function () {
  "use strict";

  var timings = { start: performance.now() };
  window.graphkitTimings = timings;
  var data = JSON.parse(document.getElementById("graphkit-data").textContent);
  window.graphkitData = data;
  timings.parsed = performance.now();

  var LARGE = data.nodes.length > 1500 || data.edges.length > 4000;
  var LIST_LIMIT = 100;
  var SVG_NS = "http://www.w3.org/2000/svg";

  // ---------- indexes ----------
  var nodeById = new Map();
  var edgeById = new Map();
  var outgoing = new Map();
  var incoming = new Map();
  data.nodes.forEach(function (n) { nodeById.set(n.id, n); outgoing.set(n.id, []); incoming.set(n.id, []); });
  data.edges.forEach(function (e) {
    edgeById.set(e.id, e);
    if (outgoing.has(e.from)) outgoing.get(e.from).push(e);
    if (incoming.has(e.to)) incoming.get(e.to).push(e);
  });

  // ---------- small DOM helpers (text only) ----------
  function el(tag, className) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) continue;
      node.append(child);              // strings become Text nodes
    }
    return node;
  }
  function svg(tag, attrs) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    return node;
  }
  function safeUrl(value) {
    if (typeof value !== "string" || !value) return null;
    try {
      var url = new URL(value);
      return (url.protocol === "http:" || url.protocol === "https:") ? url.href : null;
    } catch (err) {
      return null;
    }
  }
  function link(href, text) {
    var a = el("a", null, text);
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }
  function human(relation) { return String(relation).replace(/_/g, " "); }
  function confidenceOf(e) { return e.confidence == null ? 1 : e.confidence; }
  function normal(text) {
    return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }
  function shade(hex, amount) {
    var m = /^#([0-9a-f]{6})$/i.exec(hex);
    if (!m) return hex;
    var num = parseInt(m[1], 16);
    var parts = [num >> 16, (num >> 8) & 255, num & 255].map(function (c) {
      var v = amount < 0 ? c * (1 + amount) : c + (255 - c) * amount;
      return Math.max(0, Math.min(255, Math.round(v)));
    });
    return "#" + parts.map(function (c) { return c.toString(16).padStart(2, "0"); }).join("");
  }
  function shortLabel(text) { return text.length > 40 ? text.slice(0, 39) + "\u2026" : text; }

  // ---------- vis items ----------
  function visNode(n) {
    var style = data.entityStyles[n.type];
    return {
      id: n.id, label: shortLabel(n.label), x: n.x, y: n.y, size: n.size, shape: style.shape,
      color: {
        background: style.color, border: shade(style.color, -0.35),
        highlight: { background: shade(style.color, 0.3), border: "#111111" },
        hover: { background: shade(style.color, 0.2), border: shade(style.color, -0.5) }
      }
    };
  }
  function visEdge(e) {
    var color = data.relationColors[e.relation];
    var conf = confidenceOf(e);
    var item = {
      id: e.id, from: e.from, to: e.to,
      label: (e.negated ? "not " : "") + human(e.relation),
      color: { color: color, highlight: color, hover: color, opacity: 0.35 + 0.65 * conf },
      width: 1 + 1.5 * conf,
      dashes: e.negated ? [6, 5] : false
    };
    if (e.from === e.to) {
      item.selfReference = { size: 16 + 10 * (e.loop || 0), angle: Math.PI / 4 };
    } else if (e.curve) {
      item.smooth = { enabled: true, type: e.curve > 0 ? "curvedCW" : "curvedCCW", roundness: Math.abs(e.curve) };
    }
    return item;
  }

  // ---------- filters ----------
  var allTypes = Object.keys(data.entityStyles);
  var allRelations = Object.keys(data.relationColors);
  var state = {
    types: new Set(allTypes),
    relations: new Set(allRelations),
    minConfidence: 0,
    hideNegated: false,
    hideIsolated: false
  };
  var shownDegree = new Map();

  function typeShown(id) {
    var n = nodeById.get(id);
    return !!n && state.types.has(n.type);
  }
  function edgeShown(e) {
    return state.relations.has(e.relation) &&
      !(state.hideNegated && e.negated) &&
      confidenceOf(e) >= state.minConfidence - 1e-9 &&
      typeShown(e.from) && typeShown(e.to);
  }
  function nodeShown(n) {
    if (!state.types.has(n.type)) return false;
    return !state.hideIsolated || (shownDegree.get(n.id) || 0) > 0;
  }
  function countShownDegrees() {
    shownDegree = new Map();
    data.edges.forEach(function (e) {
      if (!edgeShown(e)) return;
      shownDegree.set(e.from, (shownDegree.get(e.from) || 0) + 1);
      shownDegree.set(e.to, (shownDegree.get(e.to) || 0) + 1);
    });
  }

  var nodeSet = new vis.DataSet(data.nodes.map(visNode));
  var edgeSet = new vis.DataSet(data.edges.map(visEdge));
  timings.datasets = performance.now();
  var nodeView = new vis.DataView(nodeSet, { filter: function (item) { return nodeShown(nodeById.get(item.id)); } });
  var edgeView = new vis.DataView(edgeSet, {
    filter: function (item) {
      var e = edgeById.get(item.id);
      return edgeShown(e) && nodeShown(nodeById.get(e.from)) && nodeShown(nodeById.get(e.to));
    }
  });

  function applyFilters() {
    countShownDegrees();
    nodeView.refresh();
    edgeView.refresh();
    updateStats();
    syncControls();
  }

  function isNodeShown(id) { return nodeView.get(id) !== null; }
  function isEdgeShown(id) { return edgeView.get(id) !== null; }

  // ---------- the network ----------
  var container = document.getElementById("gk-graph");
  var options = {
    autoResize: true,
    layout: { improvedLayout: false, randomSeed: 1 },
    physics: { enabled: false },
    interaction: {
      hover: !LARGE, hideEdgesOnDrag: LARGE, hideEdgesOnZoom: LARGE,
      multiselect: false, navigationButtons: false, keyboard: false, tooltipDelay: 300
    },
    nodes: {
      borderWidth: 1.5, borderWidthSelected: 3,
      font: { size: 16, face: "Liberation Sans, Arial, sans-serif", color: "#1d232b", strokeWidth: 3, strokeColor: "#ffffff" }
    },
    edges: {
      arrows: { to: { enabled: !LARGE, scaleFactor: 0.55 } },
      smooth: false,
      selectionWidth: 2, hoverWidth: 1,
      font: { size: 11, face: "Liberation Sans, Arial, sans-serif", color: "#39424e", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" }
    }
  };
  countShownDegrees();
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);
  window.network = network;
  timings.network = performance.now();
  network.once("afterDrawing", function () {
    timings.drawn = performance.now();
    window.graphkitReady = true;
    document.documentElement.setAttribute("data-ready", "true");
  });
  function fitView(animation) {
    network.fit({ animation: animation || false });
    if (network.getScale() > 1.2) network.moveTo({ scale: 1.2, animation: animation || false });
  }
  fitView();

  /* Arrow heads cost about half of each redraw; on large graphs draw them only when
     zoomed in far enough to see them (with some hysteresis). */
  var arrowsOn = !LARGE;
  function updateArrows() {
    if (!LARGE) return;
    var scale = network.getScale();
    var want = arrowsOn ? scale > 0.3 : scale > 0.4;
    if (want === arrowsOn) return;
    arrowsOn = want;
    network.setOptions({ edges: { arrows: { to: { enabled: want, scaleFactor: 0.55 } } } });
  }
  var zoomTimer = null;
  network.on("zoom", function () { clearTimeout(zoomTimer); zoomTimer = setTimeout(updateArrows, 250); });
  network.on("animationFinished", updateArrows);
  updateArrows();

  // ---------- panel ----------
  var panel = document.getElementById("gk-panel");
  var panelBody = document.getElementById("gk-panel-body");
  var current = null;

  function openPanel(kind, id, content) {
    panelBody.replaceChildren(content);
    panel.hidden = false;
    panel.setAttribute("data-kind", kind);
    panel.setAttribute("data-id", id);
    panel.scrollTop = 0;
    current = { kind: kind, id: id };
  }
  function hidePanel() {
    panel.hidden = true;
    panelBody.replaceChildren();
    panel.removeAttribute("data-kind");
    panel.removeAttribute("data-id");
    current = null;
  }
  function row(dl, term, value) {
    if (value === null || value === undefined || value === "") return;
    dl.append(el("dt", null, term), el("dd", null, value));
  }
  function typeBadge(type) {
    var badge = el("span", "gk-badge", type);
    badge.style.background = data.entityStyles[type] ? data.entityStyles[type].color : "#888";
    return badge;
  }
  function entityButton(id, fallback) {
    var n = nodeById.get(id);
    if (!n) return el("span", null, fallback || id || "?");
    var button = el("button", "gk-entity-link", n.label);
    button.type = "button";
    button.addEventListener("click", function () { focusNode(id); });
    return button;
  }
  function articleInfo(docId) {
    var meta = (docId && data.documents[docId]) || {};
    var dl = el("dl", "gk-article");
    var title = meta.title || docId || "unknown article";
    var url = safeUrl(meta.url);
    row(dl, "Article", url ? link(url, title) : title);
    row(dl, "Id", docId);
    row(dl, "Date", meta.date);
    if (meta.url && !url) row(dl, "URL", el("span", "gk-dim", meta.url + " (not a web link)"));
    row(dl, "Source", meta.source);
    return dl;
  }

  function showNodePanel(id) {
    var n = nodeById.get(id);
    if (!n) return false;
    var body = el("div", "gk-node");
    body.append(el("h2", "gk-name", n.label));
    body.append(el("p", null, typeBadge(n.type)));
    var dl = el("dl");
    row(dl, "Type", n.type);
    row(dl, "Id", el("code", null, n.id));
    row(dl, "Mentions", String(n.mentions));
    if (n.aliases.length) {
      var aliases = el("ul", "gk-aliases");
      n.aliases.forEach(function (a) { aliases.append(el("li", null, a)); });
      row(dl, "Aliases", aliases);
    }
    if (n.geonames) {
      var geo = /^[0-9]+$/.test(n.geonames)
        ? link("https://sws.geonames.org/" + n.geonames + "/", "https://sws.geonames.org/" + n.geonames + "/")
        : el("span", null, n.geonames);
      var dd = el("span", "gk-geonames", geo);
      row(dl, "GeoNames", dd);
    }
    body.append(dl);
    if (n.docs.length) {
      body.append(el("h3", null, "Articles (" + n.docs.length + ")"));
      var docs = el("ul", "gk-docs");
      n.docs.slice(0, LIST_LIMIT).forEach(function (d) {
        var meta = data.documents[d] || {};
        var url = safeUrl(meta.url);
        var text = meta.title || d;
        docs.append(el("li", null, url ? link(url, text) : text, meta.date ? el("span", "gk-dim", " " + meta.date) : null));
      });
      if (n.docs.length > LIST_LIMIT) docs.append(el("li", "gk-dim", "\u2026 and " + (n.docs.length - LIST_LIMIT) + " more"));
      body.append(docs);
    }
    body.append(relationList("Relations from " + n.label, outgoing.get(id), "out"));
    body.append(relationList("Relations to " + n.label, incoming.get(id), "in"));
    openPanel("node", id, body);
    return true;
  }

  function relationList(heading, edges, direction) {
    var box = el("section", "gk-rel-section gk-" + direction);
    box.append(el("h3", null, heading + " (" + edges.length + ")"));
    if (!edges.length) {
      box.append(el("p", "gk-dim", "none"));
      return box;
    }
    var list = el("ul", "gk-relations");
    var sorted = edges.slice().sort(function (a, b) {
      return a.relation < b.relation ? -1 : a.relation > b.relation ? 1 : confidenceOf(b) - confidenceOf(a);
    });
    sorted.slice(0, LIST_LIMIT).forEach(function (e) {
      var other = nodeById.get(direction === "out" ? e.to : e.from);
      var button = el("button", null,
        e.negated ? el("span", "gk-neg", "not ") : null,
        el("span", "gk-rel-name", human(e.relation)),
        direction === "out" ? " \u2192 " : " \u2190 ",
        other ? other.label : "?",
        el("span", "gk-dim", " (" + confidenceOf(e).toFixed(2) + ")"));
      button.type = "button";
      button.setAttribute("data-edge", e.id);
      button.addEventListener("click", function () { selectEdge(e.id); });
      list.append(el("li", isEdgeShown(e.id) ? null : "gk-dim", button));
    });
    if (edges.length > LIST_LIMIT) list.append(el("li", "gk-dim", "\u2026 and " + (edges.length - LIST_LIMIT) + " more"));
    box.append(list);
    return box;
  }

  function namesOf(id) {
    var n = nodeById.get(id);
    return n ? [n.label].concat(n.aliases) : [];
  }

  /* The evidence sentence as text nodes, with the trigger and the two actors marked. */
  function evidenceBlock(e) {
    var text = e.evidence || "";
    var quote = el("blockquote", "gk-evidence");
    var marks = [];
    function mark(term, cls) {
      if (!term || term.length < 2) return;
      var at = text.toLowerCase().indexOf(term.toLowerCase());
      if (at >= 0) marks.push({ start: at, end: at + term.length, cls: cls });
    }
    mark(e.trigger, "gk-trigger");
    namesOf(e.from).concat(namesOf(e.to)).forEach(function (name) { mark(name, "gk-actor"); });
    marks.sort(function (a, b) { return a.start - b.start || b.end - a.end; });
    var pos = 0;
    marks.forEach(function (m) {
      if (m.start < pos) return;
      quote.append(text.slice(pos, m.start), el("mark", m.cls, text.slice(m.start, m.end)));
      pos = m.end;
    });
    quote.append(text.slice(pos));
    return quote;
  }

  function statementDetails(e) {
    var box = el("div", "gk-statement-body");
    box.append(evidenceBlock(e));
    box.append(articleInfo(e.doc));
    var dl = el("dl", "gk-facts");
    if (e.reported_by || e.reported_by_id) {
      row(dl, "Reported by", e.reported_by_id && nodeById.has(e.reported_by_id)
        ? entityButton(e.reported_by_id, e.reported_by) : el("span", null, e.reported_by || e.reported_by_id));
    } else {
      row(dl, "Reported by", el("span", "gk-dim", "not stated"));
    }
    row(dl, "Confidence", e.confidence == null ? "unknown" : e.confidence.toFixed(2));
    row(dl, "Negated", e.negated ? "yes" : "no");
    row(dl, "Trigger", e.trigger);
    if (e.start != null && e.end != null) row(dl, "Offsets", e.start + "\u2013" + e.end);
    row(dl, "Statement", el("code", null, e.statement || e.id));
    box.append(dl);
    return box;
  }

  function showEdgePanel(id) {
    var e = edgeById.get(id);
    if (!e) return false;
    var body = el("div", "gk-edge");
    var title = el("h2", "gk-edge-title",
      entityButton(e.from), " ",
      e.negated ? el("span", "gk-neg", "not ") : null,
      el("span", "gk-rel-name", human(e.relation)), " ",
      entityButton(e.to));
    body.append(title);
    var badge = el("span", "gk-badge", human(e.relation));
    badge.style.background = data.relationColors[e.relation];
    var badges = el("p", null, badge);
    if (e.negated) badges.append(el("span", "gk-badge gk-negated", "negated"));
    body.append(badges);
    body.append(el("h3", null, "Evidence"));
    body.append(statementDetails(e));
    var siblings = (outgoing.get(e.from) || []).filter(function (o) {
      return o.id !== e.id && o.to === e.to && o.relation === e.relation;
    });
    if (siblings.length) {
      body.append(el("h3", null, "Other statements of this relation (" + siblings.length + ")"));
      siblings.slice(0, LIST_LIMIT).forEach(function (o) {
        var item = el("section", "gk-statement");
        if (o.negated) item.append(el("span", "gk-badge gk-negated", "negated"));
        item.append(statementDetails(o));
        body.append(item);
      });
    }
    openPanel("edge", id, body);
    return true;
  }

  // ---------- selection and focus ----------
  var notice = document.getElementById("gk-notice");
  function say(message) {
    notice.textContent = message || "";
    notice.hidden = !message;
  }

  function focusNode(id, opts) {
    var n = nodeById.get(id);
    if (!n) return false;
    say("");
    showNodePanel(id);
    if (isNodeShown(id)) {
      network.setSize("100%", "100%");          // the panel may just have narrowed the canvas
      network.selectNodes([id]);
      var animate = !(opts && opts.animate === false);
      network.focus(id, {
        scale: Math.max(network.getScale(), 1.0),
        animation: animate ? { duration: 450, easingFunction: "easeInOutQuad" } : false
      });
    } else {
      network.unselectAll();
      say("\u201c" + n.label + "\u201d is hidden by the current filters.");
    }
    return true;
  }

  function selectEdge(id) {
    if (!edgeById.has(id)) return false;
    if (isEdgeShown(id)) network.selectEdges([id]); else network.unselectAll();
    return showEdgePanel(id);
  }

  function handleClick(params) {
    if (params.nodes && params.nodes.length) showNodePanel(params.nodes[0]);
    else if (params.edges && params.edges.length) showEdgePanel(params.edges[0]);
    else hidePanel();
  }
  network.on("click", handleClick);

  // ---------- search ----------
  var searchIndex = data.nodes.map(function (n) {
    return { node: n, names: [n.label].concat(n.aliases).map(normal) };
  });

  function findMatches(query, limit) {
    var q = normal(query || "");
    if (!q) return [];
    var hits = [];
    searchIndex.forEach(function (entry) {
      var best = null;
      entry.names.forEach(function (name, i) {
        var rank = name === q ? 0 : name.startsWith(q) ? 2 : name.indexOf(q) >= 0 ? 4 : null;
        if (rank === null) return;
        if (i > 0) rank += 1;                      // an alias ranks just below the name
        if (best === null || rank < best.rank) best = { rank: rank, alias: i > 0 ? entry.node.aliases[i - 1] : null };
      });
      if (best) hits.push({ node: entry.node, rank: best.rank, alias: best.alias });
    });
    hits.sort(function (a, b) {
      return a.rank - b.rank || b.node.mentions - a.node.mentions || b.node.degree - a.node.degree ||
        (a.node.label < b.node.label ? -1 : 1);
    });
    return hits.slice(0, limit || 10);
  }

  var search = document.getElementById("gk-search");
  var suggestions = document.getElementById("gk-suggestions");
  var hits = [];
  var active = -1;

  function renderSuggestions() {
    hits = findMatches(search.value, 10);
    active = hits.length ? 0 : -1;
    suggestions.replaceChildren();
    hits.forEach(function (hit, i) {
      var meta = hit.node.type + (hit.alias ? " \u00b7 alias \u201c" + hit.alias + "\u201d" : "");
      var button = el("button", null, el("span", null, hit.node.label), el("span", "gk-suggestion-meta", meta));
      button.type = "button";
      button.tabIndex = -1;
      button.addEventListener("mousedown", function (ev) { ev.preventDefault(); });
      button.addEventListener("click", function () { choose(i); });
      var li = el("li", null, button);
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", i === active ? "true" : "false");
      suggestions.append(li);
    });
    if (search.value.trim() && !hits.length) suggestions.append(el("li", "gk-dim", "  no match"));
    var open = suggestions.childElementCount > 0;
    suggestions.hidden = !open;
    search.setAttribute("aria-expanded", open ? "true" : "false");
  }
  function moveActive(step) {
    if (!hits.length) return;
    active = (active + step + hits.length) % hits.length;
    Array.prototype.forEach.call(suggestions.children, function (li, i) {
      li.setAttribute("aria-selected", i === active ? "true" : "false");
    });
  }
  function closeSuggestions() {
    suggestions.hidden = true;
    search.setAttribute("aria-expanded", "false");
  }
  function choose(i) {
    var hit = hits[i];
    if (!hit) return false;
    closeSuggestions();
    search.value = hit.node.label;
    return focusNode(hit.node.id);
  }
  function searchAndFocus(query) {
    search.value = query;
    renderSuggestions();
    if (!hits.length) {
      closeSuggestions();
      say("No entity matches \u201c" + query + "\u201d.");
      return null;
    }
    var id = hits[0].node.id;
    choose(0);
    return id;
  }

  search.addEventListener("input", renderSuggestions);
  search.addEventListener("focus", function () { if (search.value.trim()) renderSuggestions(); });
  search.addEventListener("blur", closeSuggestions);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown") { moveActive(1); ev.preventDefault(); }
    else if (ev.key === "ArrowUp") { moveActive(-1); ev.preventDefault(); }
    else if (ev.key === "Enter") {
      ev.preventDefault();
      if (!hits.length) renderSuggestions();
      if (hits.length) choose(Math.max(active, 0));
      else if (search.value.trim()) say("No entity matches \u201c" + search.value + "\u201d.");
    } else if (ev.key === "Escape") { closeSuggestions(); }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "/" && document.activeElement !== search) { ev.preventDefault(); search.focus(); }
    else if (ev.key === "Escape" && document.activeElement !== search) { hidePanel(); network.unselectAll(); }
  });

  // ---------- legend + filter controls ----------
  function shapeIcon(shape, color) {
    var box = svg("svg", { "class": "gk-swatch", viewBox: "0 0 40 14", "aria-hidden": "true" });
    var stroke = shade(color, -0.35);
    var attrs = { fill: color, stroke: stroke, "stroke-width": 1 };
    var node;
    var polygons = {
      triangle: "20,1 27,13 13,13", triangleDown: "13,1 27,1 20,13", diamond: "20,0 27,7 20,14 13,7",
      star: "20,0 22,5 27,5 23,8.5 25,14 20,10.5 15,14 17,8.5 13,5 18,5",
      hexagon: "16,1 24,1 28,7 24,13 16,13 12,7"
    };
    if (shape === "square") node = svg("rect", Object.assign({ x: 14, y: 1, width: 12, height: 12 }, attrs));
    else if (polygons[shape]) node = svg("polygon", Object.assign({ points: polygons[shape] }, attrs));
    else node = svg("circle", Object.assign({ cx: 20, cy: 7, r: 6 }, attrs));
    box.append(node);
    return box;
  }
  function lineIcon(color) {
    var box = svg("svg", { "class": "gk-swatch", viewBox: "0 0 40 14", "aria-hidden": "true" });
    box.append(svg("line", { x1: 2, y1: 7, x2: 31, y2: 7, stroke: color, "stroke-width": 2.5 }));
    box.append(svg("polygon", { points: "30,3 38,7 30,11", fill: color }));
    return box;
  }
  function counts(list, key) {
    var out = new Map();
    list.forEach(function (item) { out.set(item[key], (out.get(item[key]) || 0) + 1); });
    return out;
  }
  function filterList(target, group, names, icon, label, tally) {
    var ul = document.getElementById(target);
    names.forEach(function (name) {
      var box = document.createElement("input");
      box.type = "checkbox";
      box.checked = true;
      box.value = name;
      box.setAttribute("data-group", group);
      box.addEventListener("change", function () {
        if (box.checked) state[group].add(name); else state[group].delete(name);
        applyFilters();
      });
      var labelEl = el("label", null, box, icon(name), el("span", "gk-legend-name", label(name)),
        el("span", "gk-count", String(tally.get(name) || 0)));
      var li = el("li", null, labelEl);
      li.setAttribute("data-name", name);
      ul.append(li);
    });
  }
  filterList("gk-types", "types", allTypes,
    function (t) { return shapeIcon(data.entityStyles[t].shape, data.entityStyles[t].color); },
    function (t) { return t; }, counts(data.nodes, "type"));
  filterList("gk-relations", "relations", allRelations,
    function (r) { return lineIcon(data.relationColors[r]); }, human, counts(data.edges, "relation"));

  Array.prototype.forEach.call(document.querySelectorAll(".gk-group-buttons button"), function (button) {
    button.addEventListener("click", function () {
      var group = button.getAttribute("data-group");
      var names = group === "types" ? allTypes : allRelations;
      state[group] = new Set(button.getAttribute("data-set") === "all" ? names : []);
      applyFilters();
    });
  });

  var confidence = document.getElementById("gk-confidence");
  var confidenceValue = document.getElementById("gk-confidence-value");
  var hideNegated = document.getElementById("gk-hide-negated");
  var hideIsolated = document.getElementById("gk-hide-isolated");
  var pending = null;
  function readConfidence() {
    state.minConfidence = parseFloat(confidence.value) || 0;
    confidenceValue.textContent = state.minConfidence.toFixed(2);
  }
  confidence.addEventListener("input", function () {
    readConfidence();
    clearTimeout(pending);
    pending = setTimeout(applyFilters, LARGE ? 200 : 30);
  });
  confidence.addEventListener("change", function () { clearTimeout(pending); readConfidence(); applyFilters(); });
  hideNegated.addEventListener("change", function () { state.hideNegated = hideNegated.checked; applyFilters(); });
  hideIsolated.addEventListener("change", function () { state.hideIsolated = hideIsolated.checked; applyFilters(); });
  document.getElementById("gk-reset").addEventListener("click", function () {
    state.types = new Set(allTypes);
    state.relations = new Set(allRelations);
    state.minConfidence = 0;
    state.hideNegated = false;
    state.hideIsolated = false;
    applyFilters();
  });
  document.getElementById("gk-fit").addEventListener("click", function () { fitView({ duration: 400 }); });
  document.getElementById("gk-close").addEventListener("click", function () { hidePanel(); network.unselectAll(); });

  function syncControls() {
    Array.prototype.forEach.call(document.querySelectorAll("#gk-controls input[data-group]"), function (box) {
      box.checked = state[box.getAttribute("data-group")].has(box.value);
    });
    confidence.value = String(state.minConfidence);
    confidenceValue.textContent = state.minConfidence.toFixed(2);
    hideNegated.checked = state.hideNegated;
    hideIsolated.checked = state.hideIsolated;
  }
  function updateStats() {
    document.getElementById("gk-stats").textContent =
      nodeView.length + " of " + data.nodes.length + " entities \u00b7 " +
      edgeView.length + " of " + data.edges.length + " relations";
  }

  document.getElementById("gk-title").textContent = data.title;
  if (data.generator) document.getElementById("gk-generator").textContent = "Made with " + data.generator;
  updateStats();

  window.graphkit = {
    state: state,
    applyFilters: applyFilters,
    focusNode: focusNode,
    selectEdge: selectEdge,
    showNode: showNodePanel,
    showEdge: showEdgePanel,
    hidePanel: hidePanel,
    handleClick: handleClick,
    findMatches: findMatches,
    search: searchAndFocus,
    isNodeShown: isNodeShown,
    isEdgeShown: isEdgeShown,
    current: function () { return current; }
  };
})();
