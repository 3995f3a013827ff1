// civcas review: the map of the filtered incidents (Leaflet, offline outlines, no tiles).
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var node = document.getElementById("map");
    if (!node || typeof L === "undefined") return;
    fetch(node.getAttribute("data-src"), { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        var map = L.map(node, { zoomSnap: 0.25, attributionControl: false,
                                preferCanvas: data.points.length > 1500 });
        var bounds = data.points.map(function (p) { return [p.lat, p.lon]; });
        if (bounds.length) map.fitBounds(bounds, { padding: [40, 40], maxZoom: 7 });
        else map.setView([30, 40], 3);
        var shapes = function (items, name, rings) {
          return { type: "FeatureCollection", features: items.map(function (c) {
            return { type: "Feature", properties: { name: c[name] },
                     geometry: { type: "MultiPolygon", coordinates: c[rings] } };
          }) };
        };
        L.geoJSON(shapes(data.outlines.outlines, "name", "polygons"), { interactive: false,
          style: { color: "#8a8a8a", weight: 1, fillColor: "#fbfbf8", fillOpacity: 1 } }).addTo(map);
        L.geoJSON(shapes(data.outlines.regions, "n", "p"), { interactive: false,
          style: { color: "#c4c4c4", weight: 0.8, fill: false } }).addTo(map);
        data.points.slice().sort(function (a, b) { return b.b - a.b; }).forEach(function (p) {
          var m = L.circleMarker([p.lat, p.lon], {
            radius: Math.min(4 + 2 * Math.sqrt(Math.max(p.b, 0)), 28), color: "#222", weight: 1,
            fillColor: data.colours[p.g] || data.colours[""], fillOpacity: 0.8,
            className: "civcas-marker grade-" + (p.g || "none")
          }).addTo(map);
          var box = document.createElement("div");
          var link = document.createElement("a");
          link.href = "/incidents/" + encodeURIComponent(p.id);
          link.textContent = p.t;
          box.appendChild(link);
          box.appendChild(document.createElement("br"));
          box.appendChild(document.createTextNode((p.d || "date unknown") + " · civilians killed " + p.r));
          m.bindPopup(box);
        });
        node.setAttribute("data-ready", String(data.points.length));
      });
  });
})();
