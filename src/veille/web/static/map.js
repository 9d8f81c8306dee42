// The map: Natural Earth outlines drawn in SVG, events as points clustered on a screen grid.
"use strict";

const CLUSTER_CELL = 30; // pixels

function createMap(svg, handlers) {
  const base = svgEl("g", { class: "base" });
  const countries = svgEl("g", { class: "countries" });
  const admin1 = svgEl("g", { class: "admin1" });
  const points = svgEl("g", { class: "points" });
  base.append(countries, admin1);
  svg.append(base, points);
  const view = { lon: 38, lat: 34, scale: 60 }; // scale: pixels per degree of latitude
  let events = [];

  const size = () => ({ w: svg.clientWidth || 800, h: svg.clientHeight || 500 });
  const kx = () => Math.cos((view.lat * Math.PI) / 180);
  function project(lon, lat) {
    const { w, h } = size();
    return [w / 2 + (lon - view.lon) * view.scale * kx(), h / 2 - (lat - view.lat) * view.scale];
  }
  function unproject(x, y) {
    const { w, h } = size();
    return [view.lon + (x - w / 2) / (view.scale * kx()), view.lat - (y - h / 2) / view.scale];
  }

  // Outlines live in "world" units (lon*k, -lat) so zoom and pan are one transform.
  const worldK = kx();
  function ringPath(ring) {
    return "M" + ring.map(([lon, lat]) => `${(lon * worldK).toFixed(3)},${(-lat).toFixed(3)}`).join("L") + "Z";
  }
  function featurePath(feature) {
    return feature.geometry.coordinates.map((polygon) => polygon.map(ringPath).join("")).join("");
  }
  function drawOutlines(group, collection, className) {
    clear(group);
    for (const feature of collection.features) {
      const path = svgEl("path", { d: featurePath(feature), class: className, "vector-effect": "non-scaling-stroke" });
      const title = svgEl("title");
      title.textContent = feature.properties.name || feature.properties.iso3 || "";
      path.appendChild(title);
      group.appendChild(path);
    }
  }
  function placeBase() {
    const { w, h } = size();
    const sx = (view.scale * kx()) / worldK;
    const tx = w / 2 - view.lon * worldK * sx;
    const ty = h / 2 + view.lat * view.scale;
    base.setAttribute("transform", `matrix(${sx},0,0,${view.scale},${tx},${ty})`);
  }

  function clusters() {
    const cells = new Map();
    for (const feature of events) {
      const [lon, lat] = feature.geometry.coordinates;
      const [x, y] = project(lon, lat);
      const key = `${Math.floor(x / CLUSTER_CELL)}:${Math.floor(y / CLUSTER_CELL)}`;
      if (!cells.has(key)) cells.set(key, { x: 0, y: 0, items: [] });
      const cell = cells.get(key);
      cell.x += x; cell.y += y; cell.items.push(feature);
    }
    return [...cells.values()].map((c) => ({ x: c.x / c.items.length, y: c.y / c.items.length, items: c.items }));
  }

  function dominantType(items) {
    const counts = {};
    for (const f of items) counts[f.properties.event_type] = (counts[f.properties.event_type] || 0) + 1;
    return Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0];
  }

  function drawPoints() {
    clear(points);
    // Clusters first, single points after, so that a point is never hidden under a cluster.
    const all = clusters().sort((a, b) => b.items.length - a.items.length);
    for (const cluster of all) {
      const title = svgEl("title");
      if (cluster.items.length === 1) {
        const p = cluster.items[0].properties;
        const dot = svgEl("circle", { cx: cluster.x, cy: cluster.y, r: 6, class: "event-point",
          fill: typeColour(p.event_type), "data-id": p.id, "data-type": p.event_type });
        title.textContent = `${p.event_date || "undated"} · ${p.sub_event_type} · ${p.location || ""}`;
        dot.appendChild(title);
        dot.addEventListener("click", () => handlers.onSelect(p.id));
        points.appendChild(dot);
        continue;
      }
      const n = cluster.items.length;
      const group = svgEl("g", { class: "cluster", "data-count": n,
        transform: `translate(${cluster.x.toFixed(1)},${cluster.y.toFixed(1)})` });
      group.appendChild(svgEl("circle", { r: 9 + Math.min(16, Math.sqrt(n) * 2.5),
        fill: typeColour(dominantType(cluster.items)) }));
      const label = svgEl("text", { "text-anchor": "middle", dy: "0.35em" });
      label.textContent = String(n);
      title.textContent = `${n} events: click to zoom in or list them`;
      group.append(label, title);
      group.addEventListener("click", () => openCluster(cluster));
      points.appendChild(group);
    }
  }

  function openCluster(cluster) {
    const lons = cluster.items.map((f) => f.geometry.coordinates[0]);
    const lats = cluster.items.map((f) => f.geometry.coordinates[1]);
    const spread = Math.max(Math.max(...lons) - Math.min(...lons), Math.max(...lats) - Math.min(...lats));
    if (spread < 1e-3 || view.scale > 20000) {
      handlers.onSelectMany(cluster.items.map((f) => f.properties));
      return;
    }
    const [lon, lat] = unproject(cluster.x, cluster.y);
    Object.assign(view, { lon, lat, scale: view.scale * 2.5 });
    redraw();
  }

  function redraw() { placeBase(); drawPoints(); }

  function fit() {
    if (!events.length) { redraw(); return; }
    // Fit the middle 80% of the events so that a few far-off ones do not zoom out to the world.
    const lons = events.map((f) => f.geometry.coordinates[0]).sort((a, b) => a - b);
    const lats = events.map((f) => f.geometry.coordinates[1]).sort((a, b) => a - b);
    const at = (values, q) => values[Math.min(values.length - 1, Math.max(0, Math.round(q * (values.length - 1))))];
    const [w0, e0, s0, n0] = [at(lons, 0.1), at(lons, 0.9), at(lats, 0.1), at(lats, 0.9)];
    view.lon = (w0 + e0) / 2; view.lat = (s0 + n0) / 2;
    const { w, h } = size();
    const spanLon = Math.max(e0 - w0, 2) * kx(), spanLat = Math.max(n0 - s0, 2);
    view.scale = Math.min((w * 0.8) / spanLon, (h * 0.8) / spanLat, 400);
    redraw();
  }

  svg.addEventListener("wheel", (e) => {
    e.preventDefault();
    const rect = svg.getBoundingClientRect();
    const [lon, lat] = unproject(e.clientX - rect.left, e.clientY - rect.top);
    const factor = e.deltaY < 0 ? 1.25 : 0.8;
    view.scale = Math.min(50000, Math.max(2, view.scale * factor));
    const [x, y] = project(lon, lat);
    const [clon, clat] = unproject(size().w / 2 + (x - (e.clientX - rect.left)), size().h / 2 + (y - (e.clientY - rect.top)));
    view.lon = clon; view.lat = clat;
    redraw();
  }, { passive: false });

  let drag = null;
  svg.addEventListener("pointerdown", (e) => { drag = { x: e.clientX, y: e.clientY, lon: view.lon, lat: view.lat, moved: false }; });
  svg.addEventListener("pointermove", (e) => {
    if (!drag || (e.buttons & 1) === 0) return;
    if (!drag.moved && Math.hypot(e.clientX - drag.x, e.clientY - drag.y) < 4) return;
    drag.moved = true;
    view.lon = drag.lon - (e.clientX - drag.x) / (view.scale * kx());
    view.lat = drag.lat + (e.clientY - drag.y) / view.scale;
    placeBase();
    points.setAttribute("transform", `translate(${e.clientX - drag.x},${e.clientY - drag.y})`);
  });
  // Redraw only after a real drag: redrawing on a plain click would remove the clicked point.
  window.addEventListener("pointerup", () => {
    if (drag && drag.moved) { points.removeAttribute("transform"); drawPoints(); }
    drag = null;
  });
  window.addEventListener("resize", redraw);

  return {
    setCountries(collection) { drawOutlines(countries, collection, "country"); placeBase(); },
    setAdmin1(collection) { drawOutlines(admin1, collection, "admin1"); placeBase(); },
    setEvents(features, refit) { events = features; if (refit) fit(); else redraw(); },
    highlight(id) {
      for (const dot of points.querySelectorAll(".event-point")) dot.classList.toggle("selected", dot.dataset.id === id);
    },
    fit,
  };
}
