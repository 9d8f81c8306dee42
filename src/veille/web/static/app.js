// The page: filter state, loading the map, timeline and table from the API, wiring them together.
"use strict";

const PAGE = 50;
const state = { types: new Set(), country: "", outlet: "", actor: "", q: "", range: null,
  sort: "event_date", order: "desc", offset: 0 };
const status = document.getElementById("status");
const detail = document.getElementById("detail");

const map = createMap(document.getElementById("map"), { onSelect: select, onSelectMany: (items) => showEventList(detail, items, select) });
const timeline = createTimeline(document.getElementById("timeline"), (range) => { state.range = range; state.offset = 0; refresh(false); });

function params(withDates) {
  const p = { event_type: [...state.types], country: state.country, outlet: state.outlet, actor: state.actor, q: state.q };
  if (withDates && state.range) { p.date_from = state.range[0]; p.date_to = state.range[1]; }
  return p;
}

async function select(id) {
  map.highlight(id);
  for (const row of document.querySelectorAll("#events tbody tr")) row.classList.toggle("selected", row.dataset.id === id);
  try { await showEventDetail(detail, id, select); } catch (error) { status.textContent = String(error); }
}

function fillTable(page) {
  const body = document.querySelector("#events tbody");
  clear(body);
  for (const e of page.items) {
    const row = el("tr", { "data-id": e.id, "data-type": e.event_type, onclick: () => select(e.id) },
      el("td", { text: e.event_date || "" }), el("td", {}, el("span", { class: "dot" }), e.event_type),
      el("td", { text: e.sub_event_type }), el("td", { text: e.actor1 || "" }), el("td", { text: e.actor2 || "" }),
      el("td", { text: e.location || "" }), el("td", { text: e.admin1 || "" }), el("td", { text: e.country || "" }),
      el("td", { class: "num", text: e.fatalities ?? "" }), el("td", { text: e.outlet || "" }));
    row.querySelector(".dot").style.background = typeColour(e.event_type);
    body.appendChild(row);
  }
  const last = Math.min(page.total, page.offset + page.items.length);
  document.getElementById("page-label").textContent = page.total ? `${page.offset + 1}–${last} of ${page.total}` : "no events";
  document.getElementById("prev").disabled = page.offset === 0;
  document.getElementById("next").disabled = last >= page.total;
}

let loaded = 0;
async function refresh(withTimeline) {
  const ticket = ++loaded;
  status.textContent = "Loading…";
  try {
    const [points, page, counts] = await Promise.all([
      getJSON("/api/geojson", params(true)),
      getJSON("/api/events", { ...params(true), sort: state.sort, order: state.order, limit: PAGE, offset: state.offset }),
      withTimeline ? getJSON("/api/counts/daily", params(false)) : null,
    ]);
    if (ticket !== loaded) return;
    map.setEvents(points.features, withTimeline);
    fillTable(page);
    if (counts) { timeline.draw(counts.rows); timeline.setRange(state.range); }
    const unplaced = page.total - points.total;
    document.getElementById("map-note").textContent =
      `${points.total} events on the map` + (unplaced > 0 ? `, ${unplaced} without coordinates` : "") +
      (points.truncated ? ` (showing the ${points.features.length} newest)` : "");
    const label = document.getElementById("brush-label");
    label.textContent = state.range ? `${state.range[0]} to ${state.range[1]}` : "(drag to select dates)";
    document.getElementById("clear-brush").hidden = !state.range;
    status.textContent = `${page.total} events`;
    document.body.dataset.ready = String(ticket);
  } catch (error) {
    status.textContent = `Error: ${error.message}`;
  }
}

async function loadFacets() {
  const facets = await getJSON("/api/facets");
  const box = document.getElementById("types");
  for (const { value, count } of facets.event_type) {
    const input = el("input", { type: "checkbox", value, name: "event_type" });
    input.addEventListener("change", () => {
      if (input.checked) state.types.add(value); else state.types.delete(value);
      state.offset = 0; refresh(true);
    });
    const swatch = el("span", { class: "dot" });
    swatch.style.background = typeColour(value);
    box.appendChild(el("label", { class: "type-option" }, input, swatch, `${value} (${count})`));
  }
  for (const [id, key] of [["f-country", "country"], ["f-outlet", "outlet"]]) {
    const select = document.getElementById(id);
    for (const { value, count } of facets[key]) select.appendChild(el("option", { value }, `${value} (${count})`));
  }
  const legend = document.getElementById("legend");
  for (const { value } of facets.event_type) {
    const dot = el("span", { class: "dot" });
    dot.style.background = typeColour(value);
    legend.appendChild(el("span", { class: "legend-item" }, dot, value));
  }
  return facets;
}

async function loadBasemap(facets) {
  try {
    map.setCountries(await getJSON("/api/basemap/countries"));
    const codes = facets.iso3.map((f) => f.value).slice(0, 12);
    if (codes.length) map.setAdmin1(await getJSON("/api/basemap/admin1", { iso3: codes.join(",") }));
  } catch (error) {
    document.getElementById("map-note").textContent = `Base map unavailable (${error.message}); run \`veille basemap install\`.`;
  }
}

function wire() {
  const debounce = (fn) => { let t; return () => { clearTimeout(t); t = setTimeout(fn, 300); }; };
  for (const [id, key, event] of [["f-country", "country", "change"], ["f-outlet", "outlet", "change"],
    ["f-actor", "actor", "input"], ["f-q", "q", "input"]]) {
    const input = document.getElementById(id);
    const apply = () => { state[key] = input.value.trim(); state.offset = 0; refresh(true); };
    input.addEventListener(event, event === "input" ? debounce(apply) : apply);
  }
  document.getElementById("reset-filters").addEventListener("click", () => {
    document.getElementById("filters").reset();
    Object.assign(state, { types: new Set(), country: "", outlet: "", actor: "", q: "", range: null, offset: 0 });
    refresh(true);
  });
  document.getElementById("clear-brush").addEventListener("click", () => { state.range = null; state.offset = 0; refresh(false); timeline.setRange(null); });
  document.getElementById("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); refresh(false); });
  document.getElementById("next").addEventListener("click", () => { state.offset += PAGE; refresh(false); });
  for (const th of document.querySelectorAll("th[data-sort]")) {
    th.addEventListener("click", () => {
      const key = th.dataset.sort;
      state.order = state.sort === key && state.order === "desc" ? "asc" : "desc";
      state.sort = key; state.offset = 0; refresh(false);
    });
  }
}

(async function start() {
  wire();
  try {
    const facets = await loadFacets();
    await loadBasemap(facets);
    await refresh(true);
  } catch (error) {
    status.textContent = `Error: ${error.message}`;
  }
})();
