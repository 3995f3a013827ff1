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
  function popup(p) {
    var box = el("div", "popup");
    box.appendChild(el("h4", null, p.t));
    box.appendChild(el("div", null, p.d + " · " + p.p));
    box.appendChild(el("div", null, p.v + " killed " + p.r + " · grade " + (p.g || "none")));
    var ul = el("ul");
    p.c.forEach(function (c) {
      ul.appendChild(el("li", null, c[0] + " " + c[2] + " " + c[1] + " — " + c[3]));
    });
    box.appendChild(ul);
    var a = el("a", null, "claims and sources");
    a.href = "#" + p.a;
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
      m.bindPopup(popup(p));
    });
  }

  // ------------------------------------------------------------------ table
  var table = document.getElementById("incidents");
  var rows = table ? Array.prototype.slice.call(table.tBodies[0].rows) : [];

  function sortBy(index, type, th) {
    var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    Array.prototype.forEach.call(th.parentNode.cells, function (c) { c.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    rows.sort(function (a, b) {
      var x = a.cells[index].getAttribute("data-sort"), y = b.cells[index].getAttribute("data-sort");
      if (type === "num") return dir * (parseFloat(x) - parseFloat(y));
      return dir * x.localeCompare(y);
    });
    var body = table.tBodies[0];
    rows.forEach(function (r) { body.appendChild(r); });
  }

  function applyFilters() {
    var q = document.getElementById("filter-text").value.trim().toLowerCase();
    var g = document.getElementById("filter-grade").value;
    var c = document.getElementById("filter-country").value;
    var shown = 0;
    rows.forEach(function (r) {
      var ok = (!q || r.textContent.toLowerCase().indexOf(q) >= 0) &&
               (!g || r.getAttribute("data-grade") === g) &&
               (!c || r.getAttribute("data-country") === c);
      r.hidden = !ok;
      if (ok) shown += 1;
    });
    document.getElementById("filter-count").textContent = shown + " of " + rows.length + " incidents";
  }

  if (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      th.querySelector("button").addEventListener("click", function () {
        sortBy(i, th.getAttribute("data-type"), th);
      });
    });
    ["filter-text", "filter-grade", "filter-country"].forEach(function (id) {
      var input = document.getElementById(id);
      input.addEventListener("input", applyFilters);
      input.addEventListener("change", applyFilters);
    });
  }

  try { drawMap(); } catch (e) { if (window.console) console.error("civcas map:", e); }
  document.documentElement.setAttribute("data-civcas-ready", "1");
})();
