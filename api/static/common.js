// Shared by the article page and the explorer: escaping, nested entity marks, Vietnamese names.
"use strict";
const VI_LABELS = { PROVINCE: "Tỉnh/thành", PERSON: "Người", ORGANIZATION: "Tổ chức", PERCENT: "Tỷ lệ",
                    AWARD: "Khen thưởng", DATE: "Ngày", LEGAL_REF: "Văn bản" };
const VI_STATUS = { granted: "đã tặng", proposed: "đề nghị", other: "khác" };
const VI_CLASS = { 1: "hạng Nhất", 2: "hạng Nhì", 3: "hạng Ba" };
const VI_KIND = { person: "cá nhân", collective: "tập thể" };

function escapeHtml(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));
}

// Entities as nested <mark>s over text[from:to]: outer spans open first; a span that would cross
// an open one, or the window's edges, is left out. Each mark gets data-index (its place in `entities`).
function renderMarks(text, entities, from = 0, to = text.length) {
  const order = entities.map((e, i) => [e, i]).filter(([e]) => e.start >= from && e.end <= to)
    .sort((a, b) => a[0].start - b[0].start || b[0].end - a[0].end);
  const kept = [];
  const open = [];
  for (const item of order) {
    const e = item[0];
    while (open.length && open[open.length - 1].end <= e.start) open.pop();
    if (open.length && e.end > open[open.length - 1].end) continue;
    kept.push(item);
    open.push(e);
  }
  const events = [];
  kept.forEach(([e, i]) => { events.push([e.start, 1, -e.end, i, e]); events.push([e.end, 0, -e.start, i, e]); });
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  let html = "", position = from;
  for (const [at, opening, , i, e] of events) {
    html += escapeHtml(text.slice(position, at));
    position = at;
    html += opening
      ? `<mark class="ent" id="ent-${i}" data-index="${i}" data-label="${e.label}" title="${escapeHtml(JSON.stringify(e.attrs || {}))}">`
      : `<span class="tag">${escapeHtml(VI_LABELS[e.label] || e.label)}</span></mark>`;
  }
  return html + escapeHtml(text.slice(position, to));
}

// Rows into a table body ({html} cells are trusted markup made here); an empty table says so.
function fillTable(table, rows, emptyText = "Không có dữ liệu") {
  const body = table.querySelector("tbody");
  const width = table.querySelectorAll("thead th").length || 1;
  if (!rows.length) {
    body.innerHTML = `<tr class="empty"><td colspan="${width}">${escapeHtml(emptyText)}</td></tr>`;
    return [];
  }
  const cell = (c) => `<td>${c && typeof c === "object" && "html" in c ? c.html : escapeHtml(c ?? "")}</td>`;
  body.innerHTML = rows.map((cells) => "<tr>" + cells.map(cell).join("") + "</tr>").join("");
  return [...body.querySelectorAll("tr")];
}

// The labels, their descriptions and colours come from the service (GET /v1/labels), not from this file.
async function loadLabels(headers = {}) {
  const response = await fetch("/v1/labels", { headers });
  if (!response.ok) throw new Error("không tải được danh sách nhãn");
  const body = await response.json();
  // A constructed style sheet, not a <style> element: the service's Content-Security-Policy allows
  // no inline styles ("style-src 'self'"), and constructed sheets are not inline.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(body.labels.map((l) => `[data-label="${l.label}"] { background: ${l.colour || "#ddd"}; }`).join("\n"));
  document.adoptedStyleSheets = [sheet];
  return body.labels;
}
