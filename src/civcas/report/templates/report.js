/* civcas report: the map (Leaflet over bundled outlines), table sorting and filtering.
 * Data come from the #civcas-data JSON block; article text is only ever set with
 * textContent, never as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("civcas-data").textContent);

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  // ------------------------------------------------------------------ map
  var incidents = [], claims = [], docs = [], byAnchor = {};

  // A big ledger's incidents, claims and documents come gzipped (base64) in "z": the
  // browser's own DecompressionStream opens them (no code of ours, no fetch).
  function unpack(d) {
    if (!d.z) return Promise.resolve(d);
    var raw = atob(d.z), bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(JSON.parse);
  }

  function setTable(t) {
    incidents = t.incidents || [];
    claims = t.claims || [];
    docs = t.docs || [];
    incidents.forEach(function (inc, n) { byAnchor[inc.n] = n; });
  }

  function popup(p) {
    var inc = incidents[p.i];
    var box = el("div", "popup");
    box.appendChild(el("h4", null, inc.t));
    box.appendChild(el("div", null, inc.d + " · " + inc.p));
    box.appendChild(el("div", null, (inc.k.v || "people") + " killed " + inc.k.r + " · grade " +
                                    (inc.g || "none")));
    var ul = el("ul");
    inc.cl.forEach(function (ci) {
      var c = claims[ci];
      ul.appendChild(el("li", null, c[1] + " " + c[2] + " " + c[3] + " — " + c[4]));
    });
    box.appendChild(ul);
    var a = el("a", null, "claims and sources");
    a.href = "#" + inc.n;
    box.appendChild(a);
    return box;
  }

  // Admin-1 regions (governorates, provinces): thin lines, a faint fill, the name on hover
  // and as a label from LABEL_ZOOM on. Names are set as text, never as HTML.
  var LABEL_ZOOM = 7;
  function drawRegions(map) {
    var regions = data.regions || [];
    if (!regions.length) return;
    var style = { color: "#b9b4a8", weight: 0.6, fillColor: "#f1eee4", fillOpacity: 0.55 };
    var layer = L.geoJSON({ type: "FeatureCollection", features: regions.map(function (r) {
      return { type: "Feature", properties: { name: r.n, country: r.c },
               geometry: { type: "MultiPolygon", coordinates: r.p } };
    }) }, {
      style: function (f) {
        return L.extend({ className: "civcas-region region-" + f.properties.country }, style);
      },
      bubblingMouseEvents: false,
      onEachFeature: function (f, l) {
        l.bindTooltip(el("span", null, f.properties.name + " (" + f.properties.country + ")"),
                      { sticky: true, className: "civcas-region-tip", direction: "top" });
        l.on("mouseover", function () { l.setStyle({ weight: 1.6, color: "#8c8577" }); });
        l.on("mouseout", function () { l.setStyle(style); });
      }
    }).addTo(map);
    var labels = L.layerGroup(regions.map(function (r) {
      return L.tooltip({ permanent: true, direction: "center", interactive: false,
                         className: "civcas-region-label" })
        .setLatLng(r.at).setContent(el("span", null, r.n));
    }));
    function toggleLabels() {
      if (map.getZoom() >= LABEL_ZOOM) { if (!map.hasLayer(labels)) labels.addTo(map); }
      else if (map.hasLayer(labels)) map.removeLayer(labels);
    }
    map.on("zoomend", toggleLabels);
    toggleLabels();
    return layer;
  }

  function drawMap() {
    var node = document.getElementById("map");
    if (!node || typeof L === "undefined") return;
    // thousands of SVG circles make the page slow: draw them on a canvas then
    var map = L.map(node, { zoomSnap: 0.25, attributionControl: false,
                            preferCanvas: data.points.length > 1500 });
    var bounds = data.points.map(function (p) { return [p.lat, p.lon]; });
    if (bounds.length) map.fitBounds(bounds, { padding: [40, 40], maxZoom: 7 });
    else map.setView([30, 40], 3);
    var outlines = { type: "FeatureCollection", features: data.outlines.map(function (c) {
      return { type: "Feature", properties: { name: c.name },
               geometry: { type: "MultiPolygon", coordinates: c.polygons } };
    }) };
    L.geoJSON(outlines, {
      interactive: false,
      style: { className: "civcas-outline", color: "#8a8a8a", weight: 1, fillColor: "#fbfbf8", fillOpacity: 1 }
    }).addTo(map);
    drawRegions(map);
    // the national borders again, above the regions' lines
    L.geoJSON(outlines, {
      interactive: false,
      style: { className: "civcas-border", color: "#8a8a8a", weight: 1, fill: false }
    }).addTo(map);
    data.points.slice().sort(function (a, b) { return b.b - a.b; }).forEach(function (p) {
      var colour = data.colours[p.g] || data.colours[""];
      var m = L.circleMarker([p.lat, p.lon], {
        radius: Math.min(4 + 2 * Math.sqrt(Math.max(p.b, 0)), 28), color: "#222", weight: 1,
        fillColor: colour, fillOpacity: 0.8, className: "civcas-marker grade-" + (p.g || "none")
      }).addTo(map);
      m.bindPopup(function () { return popup(p); });  // built when opened
    });
  }

  // ------------------------------------------------------------------ table
  // The rows are drawn a page at a time from the data (10,000 incidents stay quick).
  var PAGE = 100;
  var table = document.getElementById("incidents");
  var state = { key: null, type: "text", dir: 1, page: 0, shown: [] };

  function colourOf(g) { return data.colours[g] || data.colours[""]; }

  function gradeBadge(g) {
    var span = el("span", "grade", g || "ungraded");
    span.setAttribute("data-g", g || "");
    span.style.setProperty("--c", colourOf(g));
    return span;
  }

  function cell(text, sort, cls) {
    var td = el("td", cls || null, text);
    td.setAttribute("data-sort", sort === null || sort === undefined ? "" : String(sort));
    return td;
  }

  function place(inc) {
    return inc.p + (inc.a1 && inc.a1 !== inc.p ? ", " + inc.a1 : "") + (inc.c ? " (" + inc.c + ")" : "");
  }

  function row(n) {
    var inc = incidents[n];
    var tr = el("tr", "incident-row");
    tr.setAttribute("data-anchor", inc.n);
    tr.setAttribute("data-grade", inc.g);
    tr.setAttribute("data-country", inc.c);
    tr.appendChild(cell(inc.d, inc.ds));
    var title = cell(null, inc.t);
    title.setAttribute("dir", "auto");
    var a = el("a", null, inc.t);
    a.href = "#" + inc.n;
    title.appendChild(a);
    tr.appendChild(title);
    tr.appendChild(cell(place(inc), inc.p));
    tr.appendChild(cell(inc.pe, inc.pe));
    var g = cell(null, inc.g);
    g.appendChild(gradeBadge(inc.g));
    tr.appendChild(g);
    tr.appendChild(cell(inc.k.r, inc.ks, "n"));
    tr.appendChild(cell(inc.j.r, inc.js, "n"));
    tr.appendChild(cell(inc.s, inc.s, "n"));
    return tr;
  }

  function draw() {
    if (!table) return;
    var pages = Math.max(1, Math.ceil(state.shown.length / PAGE));
    state.page = Math.min(state.page, pages - 1);
    var body = document.createElement("tbody");
    state.shown.slice(state.page * PAGE, (state.page + 1) * PAGE).forEach(function (n) {
      body.appendChild(row(n));
    });
    table.replaceChild(body, table.tBodies[0]);
    document.getElementById("filter-count").textContent =
      state.shown.length + " of " + incidents.length + " incidents";
    document.getElementById("page-info").textContent = "page " + (state.page + 1) + " of " + pages;
    document.getElementById("page-prev").disabled = state.page === 0;
    document.getElementById("page-next").disabled = state.page >= pages - 1;
    document.getElementById("pager").hidden = pages < 2;
  }

  function searchText(inc) {
    if (inc._q === undefined) {
      var parts = [inc.d, inc.t, place(inc), inc.pe, inc.g, inc.k.r, inc.j.r, String(inc.s)];
      inc.cl.forEach(function (ci) { parts.push(claims[ci][4]); });
      inc._q = parts.join(" ").toLowerCase();
    }
    return inc._q;
  }

  function compare(a, b) {
    var x = incidents[a][state.key], y = incidents[b][state.key];
    var d = state.type === "num" ? (x - y) : String(x).localeCompare(String(y));
    return state.dir * d || a - b;
  }

  function apply() {
    var q = document.getElementById("filter-text").value.trim().toLowerCase();
    var g = document.getElementById("filter-grade").value;
    var c = document.getElementById("filter-country").value;
    var shown = [];
    incidents.forEach(function (inc, n) {
      if ((!q || searchText(inc).indexOf(q) >= 0) && (!g || inc.g === g) && (!c || inc.c === c)) shown.push(n);
    });
    if (state.key) shown.sort(compare);
    state.shown = shown;
    draw();
  }

  function sortBy(th) {
    var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    Array.prototype.forEach.call(th.parentNode.cells, function (c) { c.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    state.key = th.getAttribute("data-key");
    state.type = th.getAttribute("data-type");
    state.dir = dir;
    state.shown.sort(compare);
    state.page = 0;
    draw();
  }

  function initTable() {
    if (!table) return;
    state.shown = incidents.map(function (_, n) { return n; });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      th.querySelector("button").addEventListener("click", function () { sortBy(th); });
    });
    ["filter-text", "filter-grade", "filter-country"].forEach(function (id) {
      var input = document.getElementById(id);
      input.addEventListener("input", function () { state.page = 0; apply(); });
      input.addEventListener("change", function () { state.page = 0; apply(); });
    });
    document.getElementById("page-prev").addEventListener("click", function () { state.page -= 1; draw(); });
    document.getElementById("page-next").addEventListener("click", function () { state.page += 1; draw(); });
    draw();
  }

  // ------------------------------------------------------------------ an incident's claims
  function range(label, e) {
    var s = el("span");
    var strong = el("strong", null, label + ": " + e.r);
    s.appendChild(strong);
    var rest = (e.b !== null && e.b !== undefined ? " (best " + e.b + ")" : "") + (e.v ? " " + e.v : "");
    s.appendChild(document.createTextNode(rest));
    return s;
  }

  function claimBox(ci) {
    var c = claims[ci], d = docs[c[8]];
    var box = el("div", "claim");
    box.setAttribute("data-claim-id", c[0]);
    var head = el("div", "claim-head");
    head.appendChild(el("span", "figure", c[1]));
    head.appendChild(document.createTextNode(" " + c[2] + " " + c[3] + " "));
    head.appendChild(el("span", "by", "according to " + c[4]));
    box.appendChild(head);
    var q = el("blockquote", "sentence");
    q.setAttribute("dir", "auto");
    q.appendChild(document.createTextNode(c[5]));
    q.appendChild(el("mark", null, c[6]));
    q.appendChild(document.createTextNode(c[7]));
    box.appendChild(q);
    var doc = el("div", "doc");
    doc.setAttribute("dir", "auto");
    if (d[4]) {
      var a = el("a", null, d[1]);
      a.href = d[4];
      a.rel = "noopener noreferrer nofollow";
      a.target = "_blank";
      doc.appendChild(a);
    } else {
      doc.appendChild(document.createTextNode(d[1]));
    }
    var more = (d[2] ? " · " + d[2] : "") + (d[3] ? " · " + d[3] : "") + (c[9] ? " · event " + c[9] : "") +
               (c[10] ? " · blames " + c[10] : "");
    doc.appendChild(document.createTextNode(more));
    box.appendChild(doc);
    return box;
  }

  function details(n) {
    var inc = incidents[n];
    var art = el("article", "incident");
    art.id = inc.n;
    art.setAttribute("data-incident-id", inc.id);
    var h = el("h3", null, inc.t);
    h.setAttribute("dir", "auto");
    art.appendChild(h);
    var facts = el("p", "facts");
    facts.appendChild(gradeBadge(inc.g));
    facts.appendChild(document.createTextNode(" " + inc.d + (inc.dp !== "day" && inc.dp !== "unknown" ? " (" + inc.dp + ")" : "") +
      " · " + place(inc) + (inc.pr ? ", located to " + inc.pr : "") + " · perpetrator: " + inc.pe + " · "));
    facts.appendChild(el("code", null, inc.id));
    art.appendChild(facts);
    var est = el("p", "estimates");
    est.appendChild(range("Killed", inc.k));
    est.appendChild(document.createTextNode(", grade " + (inc.g || "none") + (inc.k.u ? " — " + inc.k.u : "") + ". "));
    est.appendChild(range("Injured", inc.j));
    est.appendChild(document.createTextNode((inc.j.u ? " — " + inc.j.u : "") + "."));
    art.appendChild(est);
    if (inc.rs.length) {
      art.appendChild(el("p", "reasons", "Why " + inc.g + ": " + inc.rs.join("; ") +
        (inc.o ? " (set by a reviewer, judgement " + inc.o + ")" : "") + "."));
    }
    if (inc.st.length) {
      art.appendChild(el("p", "stances", "Stances: " + inc.st.map(function (x) { return x[0] + ": " + x[1]; }).join("; ") + "."));
    }
    var list = el("div", "claims");
    inc.cl.forEach(function (ci) { list.appendChild(claimBox(ci)); });
    if (!inc.cl.length) list.appendChild(el("p", "empty", "No claims recorded."));
    art.appendChild(list);
    var more = el("details", "documents");
    more.appendChild(el("summary", null, inc.dc.length + " document" + (inc.dc.length !== 1 ? "s" : "")));
    var ul = el("ul");
    inc.dc.forEach(function (di) {
      var d = docs[di];
      var li = el("li");
      var t = el("span", null, d[1]);
      t.setAttribute("dir", "auto");
      li.appendChild(t);
      li.appendChild(document.createTextNode((d[2] ? " · " + d[2] : "") + (d[3] ? " · " + d[3] : "") +
        (d[5] ? " · " + d[5] : "") + (d[6] ? " · " + d[6] : "") + " · "));
      li.appendChild(el("code", null, d[0]));
      ul.appendChild(li);
    });
    more.appendChild(ul);
    art.appendChild(more);
    return art;
  }

  function openFromHash() {
    var anchor = decodeURIComponent((window.location.hash || "").slice(1));
    var n = byAnchor[anchor];
    if (n === undefined) return;
    var box = document.getElementById("details");
    box.replaceChildren(details(n));
    document.getElementById("details-hint").hidden = true;
    box.firstChild.scrollIntoView();
  }
  unpack(data).then(function (t) {
    setTable(t);
    initTable();
    window.addEventListener("hashchange", openFromHash);
    openFromHash();
    try { drawMap(); } catch (e) { if (window.console) console.error("civcas map:", e); }
    document.documentElement.setAttribute("data-civcas-ready", "1");
  });
})();
