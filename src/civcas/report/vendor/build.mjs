// Build the files civcas inlines into report.html, from the pinned npm packages.
// Run: npm ci && npm run build   (outputs in dist/, which is committed; runtime needs no npm)
import fs from "node:fs";
import path from "node:path";
import { feature } from "topojson-client";

const nm = (p) => path.join("node_modules", p);
const out = (p) => path.join("dist", p);
fs.mkdirSync("dist", { recursive: true });

// Leaflet: JS as is; CSS without its image urls (the report makes no request at all).
fs.copyFileSync(nm("leaflet/dist/leaflet.js"), out("leaflet.js"));
const css = fs.readFileSync(nm("leaflet/dist/leaflet.css"), "utf8")
  .replace(/url\([^)]*\)/g, "none");
fs.writeFileSync(out("leaflet.css"), css);

// Country outlines: Natural Earth 1:50m via world-atlas, as GeoJSON rounded to 0.01 degree
// with a bbox per country, so that the report embeds only the countries near its incidents.
const topo = JSON.parse(fs.readFileSync(nm("world-atlas/countries-50m.json"), "utf8"));
const fc = feature(topo, topo.objects.countries);
const r = (x) => Math.round(x * 100) / 100;
function ring(coords) {
  const res = [];
  for (const [x, y] of coords) {
    const p = [r(x), r(y)];
    const last = res[res.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) res.push(p);
  }
  return res.length >= 4 ? res : null;
}
function polys(geom) {
  const list = geom.type === "Polygon" ? [geom.coordinates] : geom.coordinates;
  return list.map((poly) => poly.map(ring).filter(Boolean)).filter((p) => p.length);
}
const countries = [];
for (const f of fc.features) {
  if (!f.geometry) continue;
  const p = polys(f.geometry);
  if (!p.length) continue;
  let [w, s, e, n] = [180, 90, -180, -90];
  for (const poly of p) for (const [x, y] of poly[0]) {
    w = Math.min(w, x); e = Math.max(e, x); s = Math.min(s, y); n = Math.max(n, y);
  }
  countries.push({ id: f.id ?? null, name: f.properties.name, bbox: [w, s, e, n], polygons: p });
}
fs.writeFileSync(out("countries.json"), JSON.stringify(countries));

const versions = {};
for (const pkg of ["leaflet", "topojson-client", "world-atlas"]) {
  versions[pkg] = JSON.parse(fs.readFileSync(nm(pkg + "/package.json"), "utf8")).version;
}
fs.writeFileSync(out("VERSIONS.json"), JSON.stringify(versions, null, 2) + "\n");
fs.copyFileSync(nm("leaflet/LICENSE"), out("LICENSE.leaflet"));
fs.copyFileSync(nm("world-atlas/LICENSE"), out("LICENSE.world-atlas"));
console.log("built", countries.length, "countries", versions);
