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

  window.kgGraph = {
    network: network, nodes: nodes, edges: edges, config: config,
    showNode: showNode, showEdge: showEdge, hidePanel: hidePanel,
    find: find, select: select, setClassVisible: setClassVisible, setColourMode: setColourMode
  };

  edges.forEach(function (e) {
    (byNode[e.from] = byNode[e.from] || []).push(e.id);
    if (e.to !== e.from) { (byNode[e.to] = byNode[e.to] || []).push(e.id); }
  });
  nodes.forEach(function (n) {
    var size = Number(n.size) || 0;
    searchIndex.push({key: String(n.kgLabel).toLowerCase(), name: String(n.kgLabel), id: n.id, alt: false, size: size});
    (n.kgAlt || []).forEach(function (a) {
      searchIndex.push({key: String(a).toLowerCase(), name: String(a), id: n.id, alt: true, size: size});
    });
  });

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
    if (n.kgUndrawn) {
      parts.push(el("p", "kg-none kg-undrawn", "+ " + plural(n.kgUndrawn, "relation") + " not drawn on this page"));
    }
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
    if (params.nodes.length) { showNode(params.nodes[0]); }
    else if (params.edges.length) { showEdge(params.edges[0]); }
    else { hidePanel(); }
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

  function renderSuggestions() {
    shown = find(input.value, 10);
    active = shown.length ? 0 : -1;
    list.replaceChildren();
    if (!input.value.trim()) { list.hidden = true; return; }
    if (!shown.length) {
      list.appendChild(el("li", "kg-nomatch", "no entity matches"));
    }
    shown.forEach(function (s, i) {
      var n = nodes.get(s.id);
      var li = el("li", "kg-suggestion");
      li.setAttribute("role", "option");
      li.dataset.index = String(i);
      li.appendChild(swatch(n.kgClassColor));
      li.appendChild(el("span", "kg-suggestion-name", s.name));
      li.appendChild(el("span", "kg-suggestion-note", s.alt ? " = " + n.kgLabel : " " + n.kgClass));
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
    if (n.hidden) { setClassVisible(n.kgGroup, true); }
    network.selectNodes([id]);
    showNode(id);
    // Centre it in the part of the canvas that the panel leaves free.
    network.focus(id, {
      scale: Math.max(network.getScale(), 1.0), offset: {x: -panel.offsetWidth / 2, y: 0},
      animation: {duration: 300, easingFunction: "easeInOutQuad"}
    });
    return true;
  }

  // --- class toggles and colour mode --------------------------------------------------------
  var boxes = document.querySelectorAll("#kg-legend input[type=checkbox]");
  function setClassVisible(group, visible) {
    nodes.update(nodes.get({filter: function (n) { return n.kgGroup === group; }, fields: ["id"]}).map(function (n) {
      return {id: n.id, hidden: !visible};
    }));
    Array.prototype.forEach.call(boxes, function (b) {
      if (b.dataset.class === group) { b.checked = visible; }
    });
    if (!visible && panel.dataset.node && nodes.get(panel.dataset.node).hidden) {
      hidePanel();
      network.unselectAll();
    }
  }
  Array.prototype.forEach.call(boxes, function (b) {
    b.addEventListener("change", function () { setClassVisible(b.dataset.class, b.checked); });
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

  // --- the layout settles, then stops ------------------------------------------------------
  function ready() {
    if (config.focus.length && nodes.get(config.focus[0])) {
      network.selectNodes(config.focus.filter(function (id) { return nodes.get(id); }));
      showNode(config.focus[0]);
    }
    document.body.dataset.kgReady = "1";
  }
  function drawnThenReady() { network.once("afterDrawing", ready); network.redraw(); }
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
    drawnThenReady();
  }
})();
