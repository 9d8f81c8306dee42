// The detail panel: the event's fields, its claim chain and hedges, the incident's other reports,
// and the article text with evidence spans highlighted. Article text is untrusted: it only ever
// becomes text nodes, never markup.
"use strict";

const FIELD_ROWS = [
  ["Date", (e) => e.event_date], ["Type", (e) => e.event_type], ["Sub-type", (e) => e.sub_event_type],
  ["PLOVER", (e) => [e.plover_type, e.plover_mode].filter(Boolean).join(" / ")],
  ["Actor 1", (e) => e.actor1 && e.actor1.name], ["Assoc. 1", (e) => e.assoc_actor_1 && e.assoc_actor_1.name],
  ["Actor 2", (e) => e.actor2 && e.actor2.name], ["Assoc. 2", (e) => e.assoc_actor_2 && e.assoc_actor_2.name],
  ["Interaction", (e) => e.interaction],
  ["Location", (e) => e.location && [e.location.name, e.location.admin1, e.location.country].filter(Boolean).join(", ")],
  ["Fatalities", (e) => e.fatalities], ["Injured", (e) => e.injured], ["Arrested", (e) => e.arrested],
  ["Modality", (e) => e.modality], ["Confidence", (e) => e.confidence],
];

// Split the text at every span boundary; each piece knows which evidence fields cover it.
function highlightedText(text, evidence) {
  const spans = Object.entries(evidence || {})
    .filter(([, s]) => s && s.start >= 0 && s.end <= text.length && s.start < s.end)
    .map(([field, s]) => ({ field, start: s.start, end: s.end }));
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const container = el("div", { class: "article-text" });
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const fields = spans.filter((s) => s.start <= a && s.end >= b).map((s) => s.field);
    if (!fields.length) { container.appendChild(document.createTextNode(piece)); continue; }
    const mark = el("mark", { class: "evidence f-" + fields[0].replace(/[^a-z0-9_]/gi, ""), title: fields.join(", "),
      "data-fields": fields.join(" ") }, piece);
    container.appendChild(mark);
  }
  return container;
}

function claimBlock(claim, outlet) {
  const block = el("div", { class: "claim" }, el("h3", { text: "Who says so" }));
  const chain = el("ol", { class: "chain" });
  for (const source of claim.chain || []) chain.appendChild(el("li", {}, source.name, el("small", {}, ` ${source.kind}`)));
  if (!(claim.chain || []).length) chain.appendChild(el("li", {}, outlet || "unknown outlet"));
  block.appendChild(chain);
  block.appendChild(el("p", {}, `Attribution: ${claim.attribution}`, claim.speaker ? ` · speaker: ${claim.speaker}` : ""));
  if (claim.hedged) {
    block.appendChild(el("p", { class: "hedge" }, "Hedged", claim.hedge ? ": “" : "",
      claim.hedge ? el("q", {}, claim.hedge.text) : null, claim.hedge ? "”" : ""));
  }
  return block;
}

async function incidentBlock(incidentId, eventId, onSelect) {
  const block = el("div", { class: "incident" }, el("h3", { text: "Other reports of this incident" }));
  try {
    const data = await getJSON(`/api/incidents/${encodeURIComponent(incidentId)}`);
    const list = el("ul");
    for (const r of data.reports.filter((r) => r.id !== eventId)) {
      list.appendChild(el("li", {}, el("a", { href: "#", onclick: (e) => { e.preventDefault(); onSelect(r.id); } },
        `${r.outlet || "?"}: ${r.title || r.sub_event_type}`), ` (${r.event_date || "undated"}, fatalities ${r.fatalities ?? "n/a"})`));
    }
    block.appendChild(list.children.length ? list : el("p", { text: "No other report." }));
  } catch (error) {
    block.appendChild(el("p", { class: "error", text: String(error) }));
  }
  return block;
}

async function showEventDetail(panel, eventId, onSelect) {
  clear(panel);
  panel.appendChild(el("p", { class: "hint", text: "Loading…" }));
  const detail = await getJSON(`/api/events/${encodeURIComponent(eventId)}`);
  const event = detail.event;
  const article = await getJSON(`/api/articles/${encodeURIComponent(event.article_id)}`);
  clear(panel);
  panel.dataset.eventId = eventId;
  panel.appendChild(el("h2", {}, el("span", { class: "swatch", "data-type": event.event_type }), event.sub_event_type));
  const swatch = panel.querySelector(".swatch");
  swatch.style.background = typeColour(event.event_type);
  const table = el("table", { class: "fields" });
  for (const [label, read] of FIELD_ROWS) {
    const value = read(event);
    if (value === null || value === undefined || value === "") continue;
    table.appendChild(el("tr", {}, el("th", { text: label }), el("td", { text: String(value) })));
  }
  panel.appendChild(table);
  panel.appendChild(claimBlock(event.claim || {}, detail.article.outlet));
  if (detail.incident_id) panel.appendChild(await incidentBlock(detail.incident_id, eventId, onSelect));
  const a = article.article;
  panel.appendChild(el("h3", {}, "Report: ", el("cite", { text: a.title || "(untitled)" })));
  panel.appendChild(el("p", { class: "meta", text: [a.outlet, a.published, a.language].filter(Boolean).join(" · ") }));
  panel.appendChild(highlightedText(a.text, event.evidence));
  const first = panel.querySelector("mark.evidence");
  // Scroll the panel only (scrollIntoView would scroll the whole page too).
  if (first) panel.scrollTop = Math.max(0, first.offsetTop - panel.offsetTop - panel.clientHeight / 3);
}

function showEventList(panel, items, onSelect) {
  clear(panel);
  panel.appendChild(el("h2", { text: `${items.length} events at this place` }));
  const list = el("ul", { class: "event-list" });
  for (const p of items) {
    list.appendChild(el("li", {}, el("a", { href: "#", "data-id": p.id, onclick: (e) => { e.preventDefault(); onSelect(p.id); } },
      `${p.event_date || "undated"} · ${p.sub_event_type} · ${p.location || ""}`)));
  }
  panel.appendChild(list);
}
