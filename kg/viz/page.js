/* kg's page script: runs after pyvis's drawGraph() has made `network`, `nodes`, `edges`.
 *
 * Document text (labels, other names, sentences, sources) reaches the page only as
 * data: from the vis DataSets and the JSON block #kg-config. It is put on the page
 * with textContent, createTextNode, .value or setAttribute, never as markup.
 */
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("kg-config").textContent);
  var byNode = {};  // node id -> ids of its edges (in and out)
  var searchIndex = [];  // {key, name, id, alt, size}: every name of every node
  var panel = document.getElementById("kg-panel");
  var panelBody = document.getElementById("kg-panel-body");
  var colourMode = "class";

  var served = false;  // opened from kg serve: /query answers, a click adds neighbours from it

  window.kgGraph = {
    network: network, nodes: nodes, edges: edges, config: config,
    showNode: showNode, showEdge: showEdge, hidePanel: hidePanel,
    find: find, select: select, setClassVisible: setClassVisible, setColourMode: setColourMode,
    setUnlinkedVisible: setUnlinkedVisible, expand: expand, labelled: labelled,
    isServed: function () { return served; }
  };

  function indexEdges(list) {
    list.forEach(function (e) {
      (byNode[e.from] = byNode[e.from] || []).push(e.id);
      if (e.to !== e.from) { (byNode[e.to] = byNode[e.to] || []).push(e.id); }
    });
  }
  function indexNodes(list) {
    list.forEach(function (n) {
      var size = Number(n.size) || 0;
      searchIndex.push({key: String(n.kgLabel).toLowerCase(), name: String(n.kgLabel), id: n.id, alt: false, size: size});
      (n.kgAlt || []).forEach(function (a) {
        searchIndex.push({key: String(a).toLowerCase(), name: String(a), id: n.id, alt: true, size: size});
      });
    });
  }
  indexEdges(edges.get());
  indexNodes(nodes.get());

  // --- small DOM helpers (text only) ---------------------------------------------------
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function swatch(colour) {
    var s = el("span", "kg-swatch");
    s.style.background = colour;
    return s;
  }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function nodeLink(id) {
    var n = nodes.get(id);
    var b = el("button", "kg-node-link", n ? n.kgLabel : id);
    b.type = "button";
    b.addEventListener("click", function () { select(id); });
    return b;
  }

  // --- tooltips (plain text) ----------------------------------------------------------
  var WRAP = 80, TOOLTIP_EVIDENCE = 5;
  function shorten(text, limit) {
    text = String(text).split(/\s+/).filter(Boolean).join(" ");
    return text.length <= limit ? text : text.slice(0, limit - 1).trimEnd() + "…";
  }
  function wrap(text, width, maxLines) {
    var lines = [], line = "";
    String(text).split(/\s+/).filter(Boolean).forEach(function (word) {
      if (line && line.length + 1 + word.length > width) { lines.push(line); line = word; }
      else { line = line ? line + " " + word : word; }
    });
    if (line) { lines.push(line); }
    if (maxLines && lines.length > maxLines) {
      lines = lines.slice(0, maxLines);
      lines[maxLines - 1] += " …";
    }
    return lines.join("\n");
  }
  function nodeTitle(n) {
    var lines = [shorten(n.kgLabel, 300), "Class: " + n.kgClass];
    if ((n.kgAlt || []).length) { lines.push(wrap("Also: " + n.kgAlt.join("; "), WRAP, 4)); }
    if (n.kgMentions) { lines.push("Mentioned in " + plural(n.kgMentions, "document")); }
    lines.push(String(n.id));
    return lines.join("\n");
  }
  function edgeTitle(e) {
    var lines = [
      shorten(labelOf[e.from], 60) + " — " + e.kgLabel + " → " + shorten(labelOf[e.to], 60),
      "confidence " + Number(e.kgConfidence).toFixed(2)
    ];
    var evidence = e.kgEvidence || [];
    evidence.slice(0, TOOLTIP_EVIDENCE).forEach(function (ev) {
      var how = [ev[3], ev[2] === null ? "" : Number(ev[2]).toFixed(2)].filter(Boolean).join(", ");
      var where = ev[1] || ev[4];
      lines.push("", wrap("“" + shorten(ev[0], 500) + "”", WRAP));
      if (where || how) { lines.push("  source: " + shorten(where, 120) + (how ? " (" + how + ")" : "")); }
    });
    var total = evidence.length + (e.kgEvidenceMore || 0);
    if (total > TOOLTIP_EVIDENCE) { lines.push("", "… and " + (total - TOOLTIP_EVIDENCE) + " more"); }
    return lines.join("\n");
  }

  // Tooltips are made here, from the data: pyvis never sees a title (it swaps in an
  // innerHTML popup when one contains "href"); vis-network shows string titles as text.
  var labelOf = {};
  nodes.forEach(function (n) { labelOf[n.id] = String(n.kgLabel); });
  nodes.update(nodes.get().map(function (n) { return {id: n.id, title: nodeTitle(n)}; }));
  edges.update(edges.get().map(function (e) { return {id: e.id, title: edgeTitle(e)}; }));

  // --- side panel ----------------------------------------------------------------------
  function openPanel(children) {
    panelBody.replaceChildren.apply(panelBody, children);
    panel.hidden = false;
    panel.scrollTop = 0;
  }
  function hidePanel() {
    panel.hidden = true;
    panelBody.replaceChildren();
  }

  function evidenceList(e) {
    var list = el("ul", "kg-evidence");
    (e.kgEvidence || []).forEach(function (ev) {
      // ev: [sentence, source, confidence, extractor, document]
      var li = el("li");
      li.appendChild(el("q", "kg-sentence", ev[0]));
      var how = [ev[3], ev[2] === null ? "" : Number(ev[2]).toFixed(2)].filter(Boolean).join(", ");
      var src = el("div", "kg-source");
      src.appendChild(document.createTextNode("source: "));
      src.appendChild(el("span", "kg-source-name", ev[1] || ev[4] || "unknown"));
      if (how) { src.appendChild(document.createTextNode(" (" + how + ")")); }
      if (ev[4]) { src.setAttribute("title", "document " + ev[4]); }  // an attribute: text
      li.appendChild(src);
      list.appendChild(li);
    });
    if (e.kgEvidenceMore) {
      list.appendChild(el("li", "kg-more", "… and " + plural(e.kgEvidenceMore, "more sentence")));
    }
    return list;
  }

  function relationItem(e, self) {
    var item = el("li", "kg-rel");
    item.dataset.edge = e.id;
    var line = el("div", "kg-triple");
    [e.from, e.to].forEach(function (end, i) {
      if (i === 1) {
        line.appendChild(document.createTextNode(" "));
        line.appendChild(el("span", "kg-pred", e.kgLabel));
        line.appendChild(document.createTextNode(" "));
      }
      line.appendChild(end === self ? el("strong", "kg-self", nodes.get(end).kgLabel) : nodeLink(end));
    });
    line.appendChild(el("span", "kg-conf", " " + Number(e.kgConfidence).toFixed(2)));
    item.appendChild(line);
    item.appendChild(evidenceList(e));
    return item;
  }

  function showNode(id) {
    var n = nodes.get(id);
    if (!n) { return false; }
    var out = [], inc = [];
    (byNode[id] || []).forEach(function (eid) {
      var e = edges.get(eid);
      (e.from === id ? out : inc).push(e);
    });
    var parts = [el("h2", "kg-panel-title", n.kgLabel)];
    var cls = el("div", "kg-panel-class");
    cls.appendChild(swatch(n.kgClassColor));
    cls.appendChild(document.createTextNode(" " + n.kgClass));
    parts.push(cls);
    var names = el("dl", "kg-names");
    names.appendChild(el("dt", null, "Name"));
    names.appendChild(el("dd", "kg-name", n.kgLabel));
    if ((n.kgAlt || []).length) {
      names.appendChild(el("dt", null, "Also"));
      names.appendChild(el("dd", "kg-alt", n.kgAlt.join("; ")));
    }
    if (n.kgMentions) {
      names.appendChild(el("dt", null, "Seen in"));
      names.appendChild(el("dd", null, plural(n.kgMentions, "document")));
    }
    names.appendChild(el("dt", null, "IRI"));
    names.appendChild(el("dd", "kg-iri", id));
    parts.push(names);
    [["Out", out], ["In", inc]].forEach(function (group) {
      if (!group[1].length) { return; }
      parts.push(el("h3", null, group[0] + " (" + group[1].length + ")"));
      var list = el("ul", "kg-rels kg-rels-" + group[0].toLowerCase());
      group[1].forEach(function (e) { list.appendChild(relationItem(e, id)); });
      parts.push(list);
    });
    if (!out.length && !inc.length) { parts.push(el("p", "kg-none", "No relations drawn.")); }
    if (served && expanding[id]) {
      parts.push(el("p", "kg-none kg-loading", "adding its neighbours from /query…"));
    } else if (served && expanded[id] !== undefined) {
      parts.push(el("p", "kg-none kg-expanded", expanded[id].note));
    } else if (n.kgUndrawn) {
      parts.push(el("p", "kg-none kg-undrawn", "+ " + plural(n.kgUndrawn, "relation") + " not drawn on this page"));
    }
    if (failed[id]) { parts.push(el("p", "kg-error", failed[id])); }
    openPanel(parts);
    panel.dataset.node = id;
    return true;
  }

  function showEdge(eid) {
    var e = edges.get(eid);
    if (!e) { return false; }
    var list = el("ul", "kg-rels");
    list.appendChild(relationItem(e, null));
    openPanel([el("h2", "kg-panel-title", "Relation"), list]);
    delete panel.dataset.node;
    return true;
  }

  document.getElementById("kg-panel-close").addEventListener("click", function () {
    hidePanel();
    network.unselectAll();
  });
  network.on("click", function (params) {
    if (params.nodes.length) { pinAround(params.nodes[0]); showNode(params.nodes[0]); expand(params.nodes[0]); }
    else if (params.edges.length) { showEdge(params.edges[0]); }
    else { hidePanel(); around = []; updateLabels(); }
  });

  // --- search ----------------------------------------------------------------------------
  var input = document.getElementById("kg-search-input");
  var list = document.getElementById("kg-suggestions");
  var shown = [], active = -1;

  function find(text, limit) {
    var q = String(text).trim().toLowerCase();
    if (!q) { return []; }
    var ranked = [[], [], []], seen = {};
    searchIndex.forEach(function (s) {
      var at = s.key.indexOf(q);
      if (at < 0) { return; }
      ranked[s.key === q ? 0 : at === 0 ? 1 : 2].push(s);
    });
    var found = [];
    ranked.forEach(function (group) {
      group.sort(function (a, b) {
        return (b.size - a.size) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
      });
      group.forEach(function (s) {
        if (!seen[s.id] && found.length < (limit || 10)) { seen[s.id] = true; found.push(s); }
      });
    });
    return found;
  }

  var remoteTimer = null, remoteText = "";
  function renderSuggestions() {
    shown = find(input.value, 10);
    active = shown.length ? 0 : -1;
    drawSuggestions();
    clearTimeout(remoteTimer);
    var text = input.value.trim();
    if (served && text.length >= 2 && shown.length < 10) {
      remoteTimer = setTimeout(function () {
        remoteText = text;
        remoteFind(text).then(function (found) {
          if (input.value.trim() !== text || remoteText !== text) { return; }
          var have = {};
          shown.forEach(function (x) { have[x.id] = true; });
          found.forEach(function (r) {
            if (!have[r.e] && shown.length < 10) {
              have[r.e] = true;
              shown.push({id: r.e, name: r.label, alt: false, size: 0, remote: r});
            }
          });
          if (active < 0 && shown.length) { active = 0; }
          drawSuggestions();
        }, function () { /* the local suggestions stand */ });
      }, 200);
    }
  }
  function drawSuggestions() {
    list.replaceChildren();
    if (!input.value.trim()) { list.hidden = true; return; }
    if (!shown.length) {
      list.appendChild(el("li", "kg-nomatch", served ? "no entity on the page matches; asking /query…" : "no entity matches"));
    }
    shown.forEach(function (s, i) {
      var n = nodes.get(s.id);
      var cls = n ? n.kgClass : local(s.remote.cls);
      var li = el("li", "kg-suggestion" + (n ? "" : " kg-remote"));
      li.setAttribute("role", "option");
      li.dataset.index = String(i);
      li.appendChild(swatch(n ? n.kgClassColor : (config.classes[cls] || "#9d9d9d")));
      li.appendChild(el("span", "kg-suggestion-name", s.name));
      li.appendChild(el("span", "kg-suggestion-note", s.alt ? " = " + n.kgLabel : " " + cls + (n ? "" : " · from /query")));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(i); });
      list.appendChild(li);
    });
    highlight();
    list.hidden = false;
  }
  function highlight() {
    Array.prototype.forEach.call(list.children, function (li, i) {
      li.classList.toggle("kg-active", i === active);
      li.setAttribute("aria-selected", i === active ? "true" : "false");
    });
  }
  function choose(i) {
    var s = shown[i];
    if (!s) { return; }
    list.hidden = true;
    if (s.remote && !nodes.get(s.id)) { addFound(s.remote); }
    input.value = nodes.get(s.id).kgLabel;
    select(s.id);
  }
  input.addEventListener("input", renderSuggestions);
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (!shown.length) { return; }
      active = (active + (ev.key === "ArrowDown" ? 1 : shown.length - 1)) % shown.length;
      highlight();
      ev.preventDefault();
    } else if (ev.key === "Enter") {
      if (list.hidden) { renderSuggestions(); }
      choose(Math.max(active, 0));
      ev.preventDefault();
    } else if (ev.key === "Escape") {
      list.hidden = true;
    }
  });
  input.addEventListener("blur", function () { list.hidden = true; });

  // Select a node: its class is shown again if it was hidden, the view centres on it
  // and the panel opens.
  function select(id) {
    var n = nodes.get(id);
    if (!n) { return false; }
    if (hiddenClasses[n.kgGroup]) { setClassVisible(n.kgGroup, true); }
    revealed[id] = true;
    refreshHidden([id]);
    network.selectNodes([id]);
    pinAround(id);
    showNode(id);
    expand(id);
    // Centre it in the part of the canvas that the panel leaves free.
    network.focus(id, {
      scale: Math.max(network.getScale(), 1.0), offset: {x: -panel.offsetWidth / 2, y: 0},
      animation: {duration: 300, easingFunction: "easeInOutQuad"}
    });
    return true;
  }

  // --- class toggles and colour mode --------------------------------------------------------
  // A node is hidden when its class is unticked, or when it has no relation drawn
  // and the unlinked entities are switched off (unless it was searched for).
  var boxes = document.querySelectorAll("#kg-legend input[type=checkbox]");
  var unlinkedBox = document.getElementById("kg-unlinked-input");
  var hiddenClasses = {}, revealed = {}, showUnlinked = !config.hideUnlinked;
  function linked(id) { return (byNode[id] || []).length > 0; }
  function refreshHidden(ids) {
    var changes = [];
    (ids ? nodes.get(ids) : nodes.get()).forEach(function (n) {
      if (!n) { return; }
      var hide = !!hiddenClasses[n.kgGroup] || (!showUnlinked && !linked(n.id) && !revealed[n.id]);
      if (!!n.hidden !== hide) { changes.push({id: n.id, hidden: hide}); }
    });
    if (changes.length) { nodes.update(changes); labelScale = null; }
    var open = panel.dataset.node && nodes.get(panel.dataset.node);
    if (open && open.hidden) {
      hidePanel();
      network.unselectAll();
    }
  }
  function setClassVisible(group, visible) {
    hiddenClasses[group] = !visible;
    Array.prototype.forEach.call(boxes, function (b) {
      if (b.dataset.class === group) { b.checked = visible; }
    });
    refreshHidden(nodes.getIds({filter: function (n) { return n.kgGroup === group; }}));
  }
  Array.prototype.forEach.call(boxes, function (b) {
    b.addEventListener("change", function () { setClassVisible(b.dataset.class, b.checked); });
  });
  function setUnlinkedVisible(visible) {
    showUnlinked = !!visible;
    if (unlinkedBox) { unlinkedBox.checked = showUnlinked; }
    refreshHidden(nodes.getIds({filter: function (n) { return !linked(n.id); }}));
  }
  if (unlinkedBox) {
    unlinkedBox.addEventListener("change", function () { setUnlinkedVisible(unlinkedBox.checked); network.fit(); });
  }

  // --- labels: the most important stay readable at every zoom ------------------------------
  // Every label is drawn to scale (and not at all when smaller than the threshold on
  // screen), except the top ones by importance and those around the selection: they
  // keep config.labelPixels on screen when zoomed out.
  var LABEL_FONT = 14;
  var byImportance = nodes.get({fields: ["id", "size", "kgLabel"]}).sort(function (a, b) {
    return (b.size - a.size) || (a.kgLabel < b.kgLabel ? -1 : a.kgLabel > b.kgLabel ? 1 : 0);
  }).map(function (n) { return n.id; });
  var around = [], fonted = {}, labelScale = null;
  function labelled() { return Object.keys(fonted); }
  // The config.topLabels most important entities whose labels fit beside those of
  // more important ones: a label that would cover another is left for a closer zoom.
  function topLabelled(scale) {
    var chosen = [], boxes = [], positions = network.getPositions();
    var h = 18 / scale;
    for (var i = 0; i < byImportance.length && chosen.length < config.topLabels; i++) {
      var n = nodes.get(byImportance[i]), at = positions[byImportance[i]];
      if (!n || n.hidden || !at) { continue; }
      var w = (7.5 * Math.min(String(n.label).length, 40) + 6) / scale, y = at.y + (n.size || 10) + 2 / scale;
      var box = [at.x - w / 2, y, at.x + w / 2, y + h];
      var free = boxes.every(function (b) { return box[2] < b[0] || box[0] > b[2] || box[3] < b[1] || box[1] > b[3]; });
      if (free) { chosen.push(n.id); boxes.push(box); }
    }
    return chosen;
  }
  function updateLabels() {
    var scale = network.getScale();
    labelScale = scale;
    var size = Math.max(LABEL_FONT, config.labelPixels / scale);
    var want = {}, changes = [];
    topLabelled(scale).concat(around).forEach(function (id) { if (nodes.get(id)) { want[id] = true; } });
    Object.keys(want).forEach(function (id) { changes.push({id: id, font: {size: size}}); });
    Object.keys(fonted).forEach(function (id) {
      if (!want[id] && nodes.get(id)) { changes.push({id: id, font: {size: LABEL_FONT}}); }
    });
    fonted = want;
    if (changes.length) { nodes.update(changes); }
  }
  function pinAround(id, extra) {
    var near = (byNode[id] || []).map(function (eid) { var e = edges.get(eid); return e.from === id ? e.to : e.from; });
    near = near.map(function (n) { return nodes.get(n); }).filter(Boolean)
      .sort(function (a, b) { return b.size - a.size; }).slice(0, 30).map(function (n) { return n.id; });
    around = [id].concat(near, extra || []);
    updateLabels();
  }
  network.on("afterDrawing", function () {
    var scale = network.getScale();
    if (labelScale === null || Math.abs(scale - labelScale) > 0.02 * labelScale) {
      labelScale = scale;
      setTimeout(updateLabels, 0);
    }
  });

  function colour(base) {
    return {background: base, border: "#333333",
            highlight: {background: base, border: "#000000"}, hover: {background: base, border: "#000000"}};
  }
  function setColourMode(mode) {
    colourMode = mode === "community" ? "community" : "class";
    var key = colourMode === "community" ? "kgCommunityColor" : "kgClassColor";
    nodes.update(nodes.get({fields: ["id", key]}).map(function (n) {
      return {id: n.id, color: colour(n[key])};
    }));
    document.body.dataset.colour = colourMode;
    document.getElementById("kg-communities").hidden = colourMode !== "community";
    Array.prototype.forEach.call(document.querySelectorAll("input[name=kg-colour]"), function (r) {
      r.checked = r.value === colourMode;
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("input[name=kg-colour]"), function (r) {
    r.addEventListener("change", function () { if (r.checked) { setColourMode(r.value); } });
  });

  // --- served: neighbours from the endpoint ---------------------------------------------------
  // Opened from kg serve, the page asks its own origin's /query (SPARQL 1.1 Protocol;
  // the CSP allows connect-src 'self' only). Every IRI comes from the page's data or
  // the endpoint's answers and is checked before it goes into a query; search text
  // goes in as an escaped string literal.
  var QUERY = "/query";
  var PREFIXES = "PREFIX kg: <" + config.ns + ">\nPREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n" +
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n";
  var expanded = {}, expanding = {}, failed = {}, remoteEdges = 0;
  var symmetric = {};
  (config.symmetric || []).forEach(function (p) { symmetric[p] = true; });
  function sparql(text) {
    return fetch(QUERY, {
      method: "POST", credentials: "same-origin", body: PREFIXES + text,
      headers: {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"}
    }).then(function (r) {
      if (!r.ok) {
        return r.text().then(function (t) { throw new Error("/query answered " + r.status + ": " + t.trim()); });
      }
      return r.json();
    });
  }
  function rows(json) {
    return ((json.results || {}).bindings || []).map(function (b) {
      var row = {};
      Object.keys(b).forEach(function (k) { row[k] = b[k].value; });
      return row;
    });
  }
  function iri(id) {
    if (!/^[a-z][a-z0-9+.-]*:[^<>"{}|^`\\\u0000-\u0020]*$/i.test(String(id))) { throw new Error("not an IRI a query can name: " + id); }
    return "<" + id + ">";
  }
  function local(term) { return String(term).slice(config.ns.length); }
  function terms(names) { return names.map(function (n) { return "kg:" + n; }).join(" "); }
  var CLASS_VALUES = "VALUES ?cls { " + terms(Object.keys(config.classes)) + " }";
  var PROPERTY_VALUES = "VALUES ?p { " + terms(Object.keys(config.properties)) + " }";

  function edgeKey(from, p, to) { return from + "\u0000" + p + "\u0000" + to; }
  var edgeKeys = {};
  edges.forEach(function (e) { edgeKeys[edgeKey(e.from, e.kgPredicate, e.to)] = e.id; });
  function findEdge(from, p, to) {
    return edgeKeys[edgeKey(from, p, to)] || (symmetric[p] ? edgeKeys[edgeKey(to, p, from)] : undefined);
  }

  function newNode(id, label, cls, at) {
    var base = config.classes[cls] || "#9d9d9d";
    var n = {
      id: id, shape: "dot", label: shorten(label, 40), size: 10, x: at.x, y: at.y,
      color: colour(colourMode === "community" ? "#9d9d9d" : base),
      kgClass: cls, kgGroup: config.classes[cls] ? cls : "other", kgLabel: label, kgAlt: [],
      kgMentions: 0, kgClassColor: base, kgCommunityColor: "#9d9d9d", kgUndrawn: 0, kgRemote: true
    };
    n.title = nodeTitle(n);
    labelOf[id] = label;
    return n;
  }

  // Add the relations of `id` (in and out) and the entities at their other end, placed
  // around it; then their evidence sentences. Resolves to the number of nodes added.
  function expand(id) {
    if (!served || !nodes.get(id)) { return Promise.resolve(0); }
    if (expanded[id] !== undefined) { return Promise.resolve(0); }
    if (expanding[id]) { return expanding[id]; }
    var node;
    try { node = iri(id); } catch (err) { failed[id] = err.message; return Promise.resolve(0); }
    delete failed[id];
    var q = "SELECT ?s ?p ?o ?n ?label ?cls WHERE {\n  " + PROPERTY_VALUES + "\n" +
      "  { " + node + " ?p ?n . BIND(" + node + " AS ?s) BIND(?n AS ?o) }\n" +
      "  UNION { ?n ?p " + node + " . BIND(?n AS ?s) BIND(" + node + " AS ?o) }\n" +
      "  ?n a ?cls ; rdfs:label ?label .\n  " + CLASS_VALUES + "\n} LIMIT 5000";
    var ev = "SELECT ?s ?p ?o ?sentence ?doc ?source ?confidence ?extractor WHERE {\n" +
      "  { ?ev rdf:subject " + node + " } UNION { ?ev rdf:object " + node + " }\n" +
      "  ?ev a kg:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:sentence ?sentence ; kg:document ?doc .\n" +
      "  OPTIONAL { ?ev kg:confidence ?confidence } OPTIONAL { ?ev kg:extractor ?extractor }\n" +
      "  OPTIONAL { ?doc kg:source ?source }\n} ORDER BY DESC(?confidence) LIMIT 5000";
    document.body.dataset.kgExpanding = "1";
    var job = Promise.all([sparql(q), sparql(ev)]).then(function (answers) {
      var added = addNeighbours(id, rows(answers[0]), rows(answers[1]));
      expanded[id] = added;
      return added.nodes;
    }, function (err) {
      failed[id] = "Could not add its neighbours: " + err.message;
      return 0;
    }).then(function (count) {
      delete expanding[id];
      document.body.dataset.kgExpanding = Object.keys(expanding).length ? "1" : "0";
      document.body.dataset.kgExpanded = String(Object.keys(expanded).length);
      if (panel.dataset.node === id) { showNode(id); }
      return count;
    });
    expanding[id] = job;
    if (panel.dataset.node === id) { showNode(id); }
    return job;
  }

  function addNeighbours(id, found, evidence) {
    var sentences = {};  // s p o -> evidence rows, best first
    evidence.forEach(function (r) {
      var key = edgeKey(r.s, local(r.p), r.o);
      var list = sentences[key] = sentences[key] || [];
      if (list.every(function (x) { return x[0] !== r.sentence; })) {
        list.push([r.sentence, r.source || "", r.confidence === undefined ? null : Number(r.confidence),
                   r.extractor || "", r.doc]);
      }
    });
    var centre = network.getPositions([id])[id];
    var newNodes = [], newEdges = [], seen = {}, more = 0, relations = 0;
    found.forEach(function (r) {
      var p = local(r.p);
      if (findEdge(r.s, p, r.o)) { return; }
      if (!nodes.get(r.n) && !seen[r.n]) {
        if (newNodes.length >= config.expandMax) { more += 1; return; }
        var k = newNodes.length, radius = 180 + 45 * Math.sqrt(k), angle = k * 2.399963;
        seen[r.n] = newNode(r.n, r.label, local(r.cls), {x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle)});
        newNodes.push(seen[r.n]);
      }
      var list = sentences[edgeKey(r.s, p, r.o)] || [];
      var confidence = list.reduce(function (m, x) { return Math.max(m, x[2] || 0); }, 0);
      var e = {
        id: "q" + (remoteEdges += 1), from: r.s, to: r.o, arrows: "to", label: shorten(config.properties[p] || p, 40),
        width: Math.round((1 + 2.5 * confidence) * 100) / 100, kgPredicate: p, kgLabel: config.properties[p] || p,
        kgConfidence: confidence, kgEvidence: list.slice(0, 20), kgEvidenceMore: Math.max(list.length - 20, 0), kgRemote: true
      };
      e.title = edgeTitle(e);
      edgeKeys[edgeKey(r.s, p, r.o)] = e.id;
      newEdges.push(e);
      relations += 1;
    });
    nodes.add(newNodes);
    edges.add(newEdges);
    indexNodes(newNodes);
    indexEdges(newEdges);
    var touched = {};
    newEdges.forEach(function (e) { touched[e.from] = touched[e.to] = true; });
    refreshHidden(Object.keys(touched));
    nodes.update([{id: id, kgUndrawn: 0}]);
    pinAround(id, newNodes.map(function (n) { return n.id; }));
    var note = found.length || relations ? plural(newNodes.length, "entity") + " and " + plural(relations, "relation") + " added from /query" : "no relation beyond those drawn";
    if (more) { note += "; " + plural(more, "more neighbour") + " not added (at most " + config.expandMax + " a click)"; }
    return {nodes: newNodes.length, relations: relations, note: note};
  }

  // Search in a served page also asks the endpoint for names not on the page.
  function remoteFind(text) {
    var q = String(text).trim().toLowerCase().replace(/[\u0000-\u001f]/g, " ");
    var literal = "\"" + q.replace(/\\/g, "\\\\").replace(/"/g, "\\\"") + "\"";
    return sparql("SELECT ?e ?label ?cls WHERE {\n  ?e a ?cls ; rdfs:label ?label .\n  " + CLASS_VALUES +
      "\n  FILTER(CONTAINS(LCASE(STR(?label)), " + literal + "))\n} ORDER BY STRLEN(?label) ?label LIMIT 10").then(rows);
  }
  function addFound(r) {
    if (!nodes.get(r.e)) {
      var view = network.getViewPosition();
      var n = newNode(r.e, r.label, local(r.cls), view);
      nodes.add([n]);
      indexNodes([n]);
    }
    return r.e;
  }

  function detect() {
    if (!/^https?:$/.test(location.protocol)) { return Promise.resolve(false); }
    return sparql("ASK { }").then(function (j) { return typeof j.boolean === "boolean"; }, function () { return false; });
  }

  // --- the layout settles, then stops ------------------------------------------------------
  function ready() {
    if (config.focus.length && nodes.get(config.focus[0])) {
      network.selectNodes(config.focus.filter(function (id) { return nodes.get(id); }));
      showNode(config.focus[0]);
    }
    updateLabels();
    detect().then(function (yes) {
      served = yes;
      document.body.dataset.kgServed = yes ? "1" : "0";
      document.getElementById("kg-live").hidden = !yes;
      document.body.dataset.kgReady = "1";
    });
  }
  function drawnThenReady() { network.once("afterDrawing", ready); network.redraw(); }
  if (config.hideUnlinked) { refreshHidden(); }
  var settled = false;
  function settle() {
    if (settled) { return; }
    settled = true;
    var bar = document.getElementById("loadingBar");  // pyvis's, above 100 nodes
    if (bar) { bar.style.display = "none"; }
    network.setOptions({physics: {enabled: false}});
    network.fit();
    drawnThenReady();
  }
  if (config.physics) {
    // A small graph can finish stabilising inside the Network constructor, before
    // this script runs: check for that, listen for the events, and stop moving
    // after 20 s whatever happens.
    network.once("stabilizationIterationsDone", settle);
    network.once("stabilized", settle);
    if (network.physics && network.physics.stabilized) { settle(); }
    setTimeout(settle, 20000);
  } else {
    if (config.hideUnlinked) { network.fit(); }
    drawnThenReady();
  }
})();
