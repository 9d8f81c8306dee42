// The timeline: a stacked histogram of events per day (or per bin of days) with a brush.
"use strict";

const TARGET_BINS = 120;

function createTimeline(svg, onBrush) {
  const margin = { left: 34, right: 10, top: 8, bottom: 20 };
  let state = { first: null, binDays: 1, bins: [], range: null };

  const size = () => ({ w: svg.clientWidth || 800, h: svg.clientHeight || 120 });

  function binIndex(iso) { return Math.floor(daysBetween(state.first, iso) / state.binDays); }

  function draw(rows) {
    clear(svg);
    if (!rows.length) { state.bins = []; return; }
    const dates = rows.map((r) => r.date).sort();
    state.first = dates[0];
    const span = daysBetween(dates[0], dates[dates.length - 1]) + 1;
    state.binDays = Math.max(1, Math.ceil(span / TARGET_BINS));
    const nBins = Math.ceil(span / state.binDays);
    state.bins = Array.from({ length: nBins }, () => ({ total: 0, byType: {} }));
    for (const row of rows) {
      const bin = state.bins[binIndex(row.date)];
      bin.total += row.count;
      bin.byType[row.key] = (bin.byType[row.key] || 0) + row.count;
    }
    const { w, h } = size();
    const max = Math.max(...state.bins.map((b) => b.total));
    const bw = (w - margin.left - margin.right) / nBins;
    const plotH = h - margin.top - margin.bottom;
    state.bins.forEach((bin, i) => {
      let y = h - margin.bottom;
      for (const [type, count] of Object.entries(bin.byType)) {
        const bh = (count / max) * plotH;
        y -= bh;
        const rect = svgEl("rect", { x: margin.left + i * bw + 0.5, y, width: Math.max(1, bw - 1), height: bh,
          fill: typeColour(type), class: "bar" });
        const title = svgEl("title");
        title.textContent = `${binLabel(i)}: ${count} ${type}`;
        rect.appendChild(title);
        svg.appendChild(rect);
      }
    });
    const axis = svgEl("text", { x: 2, y: margin.top + 8, class: "axis" });
    axis.textContent = String(max);
    svg.appendChild(axis);
    for (const i of [0, Math.floor(nBins / 2), nBins - 1]) {
      const label = svgEl("text", { x: margin.left + i * bw, y: h - 5, class: "axis" });
      label.textContent = addDays(state.first, i * state.binDays);
      svg.appendChild(label);
    }
    brushRect = svgEl("rect", { class: "brush", y: margin.top, height: plotH, x: 0, width: 0 });
    svg.appendChild(brushRect);
    showRange();
  }

  function binLabel(i) {
    const start = addDays(state.first, i * state.binDays);
    return state.binDays === 1 ? start : `${start} to ${addDays(start, state.binDays - 1)}`;
  }

  function xToDate(x) {
    const { w } = size();
    const nBins = state.bins.length;
    const bw = (w - margin.left - margin.right) / nBins;
    const i = Math.min(nBins - 1, Math.max(0, Math.floor((x - margin.left) / bw)));
    return { i, start: addDays(state.first, i * state.binDays), end: addDays(state.first, (i + 1) * state.binDays - 1) };
  }

  function dateToX(iso) {
    const { w } = size();
    const bw = (w - margin.left - margin.right) / state.bins.length;
    return margin.left + binIndex(iso) * bw;
  }

  let brushRect = null;
  function showRange() {
    if (!brushRect) return;
    if (!state.range || !state.bins.length) { brushRect.setAttribute("width", 0); return; }
    const { w } = size();
    const bw = (w - margin.left - margin.right) / state.bins.length;
    const x0 = dateToX(state.range[0]);
    const x1 = dateToX(state.range[1]) + bw;
    brushRect.setAttribute("x", x0);
    brushRect.setAttribute("width", Math.max(2, x1 - x0));
  }

  let dragStart = null;
  const localX = (e) => e.clientX - svg.getBoundingClientRect().left;
  svg.addEventListener("pointerdown", (e) => {
    if (!state.bins.length) return;
    dragStart = xToDate(localX(e));
    state.range = [dragStart.start, dragStart.end];
    showRange();
    svg.setPointerCapture(e.pointerId);
  });
  svg.addEventListener("pointermove", (e) => {
    if (!dragStart) return;
    const here = xToDate(localX(e));
    state.range = here.i >= dragStart.i ? [dragStart.start, here.end] : [here.start, dragStart.end];
    showRange();
  });
  svg.addEventListener("pointerup", () => {
    if (!dragStart) return;
    dragStart = null;
    onBrush(state.range);
  });

  return {
    draw,
    setRange(range) { state.range = range; showRange(); },
  };
}
