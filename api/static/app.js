// The vnextract page: send the text or the file, then draw entities (displaCy style) and records.
"use strict";
const LABELS = ["PROVINCE", "PERSON", "ORGANIZATION", "PERCENT", "AWARD", "DATE", "LEGAL_REF"];
const $ = (id) => document.getElementById(id);
let lastDocument = null;

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));
}

// Nested marks: outer spans open first; a span that would cross an open one is left out.
function render(text, entities) {
  const sorted = [...entities].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = [];
  const open = [];
  for (const e of sorted) {
    while (open.length && open[open.length - 1].end <= e.start) open.pop();
    if (open.length && e.end > open[open.length - 1].end) continue;
    kept.push(e);
    open.push(e);
  }
  const events = [];
  kept.forEach((e, i) => { events.push([e.start, 1, -e.end, i, e]); events.push([e.end, 0, -e.start, i, e]); });
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  let html = "", position = 0;
  for (const [at, opening, , , e] of events) {
    html += escapeHtml(text.slice(position, at));
    position = at;
    html += opening ? `<mark class="${e.label}" data-label="${e.label}" title="${escapeHtml(JSON.stringify(e.attrs || {}))}">`
                    : `<span class="tag">${e.label}</span></mark>`;
  }
  return html + escapeHtml(text.slice(position));
}

function fill(tableId, rows) {
  const body = $(tableId).querySelector("tbody");
  body.innerHTML = rows.map((cells) => "<tr>" + cells.map((c) => `<td>${escapeHtml(String(c ?? ""))}</td>`).join("") + "</tr>").join("");
}

function show(doc) {
  lastDocument = doc;
  $("legend").innerHTML = LABELS.map((l) => `<span class="${l}">${l}</span>`).join("");
  $("rendered").innerHTML = render(doc.text, doc.entities);
  const records = doc.records || [];
  // Evidence offsets point into doc.text: the first sentence a record was read from is quoted.
  const quote = (r) => { const s = ((r.evidence || {}).sentences || [])[0]; return s ? doc.text.slice(s[0], s[1]) : ""; };
  const position = (p) => [p.role, p.organisation, p.province && `(${p.province}${p.unit_2025 && p.unit_2025 !== p.province ? " → " + p.unit_2025 : ""})`,
    p.current === false ? "[nguyên]" : ""].filter(Boolean).join(" ");
  fill("officials", records.filter((r) => r.type === "official").map((r) => [r.person, r.titles.join("; "),
    (r.positions || []).map(position).join("; "), quote(r)]));
  fill("awards", records.filter((r) => r.type === "award").map((r) => [r.award, r.recipients.join("; "), r.issuer, r.status,
    [(r.attrs || {}).type, (r.attrs || {}).class && `hạng ${r.attrs.class}`].filter(Boolean).join(" "),
    (r.recipient_details || []).map((d) => d.kind + (d.province ? ` (${d.province})` : "")).join("; "),
    r.issuer_office, r.date && `${r.date}${r.date_source === "document" ? " (ngày bài)" : ""}`, (r.decision || {}).text, quote(r)]));
  fill("percentages", records.filter((r) => r.type === "percentage").map((r) => [r.percent, r.subject, r.province]));
  const seen = new Set();
  const provinces = doc.entities.filter((e) => e.label === "PROVINCE" && !seen.has(e.attrs.name) && seen.add(e.attrs.name));
  fill("provinces", provinces.map((e) => [e.attrs.name, e.attrs.code, e.attrs.unit_2025]));
  $("json").textContent = JSON.stringify(doc, null, 2);
  $("output").hidden = false;
}

async function run() {
  const headers = {};
  if ($("key").value) headers["X-API-Key"] = $("key").value;
  const file = $("file").files[0];
  let response;
  $("status").textContent = "Đang xử lý…";
  $("status").className = "";
  try {
    if (file) {
      const form = new FormData();
      form.append("file", file);
      response = await fetch("/v1/extract/file", { method: "POST", body: form, headers });
    } else {
      headers["Content-Type"] = "application/json";
      const meta = $("date").value ? { date: $("date").value } : {};
      response = await fetch("/v1/extract", { method: "POST", headers, body: JSON.stringify({ text: $("text").value, meta }) });
    }
    const body = await response.json();
    if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
    show(body);
    $("status").textContent = `${body.entities.length} thực thể, ${(body.records || []).length} bản ghi`;
  } catch (error) {
    $("status").textContent = "Lỗi: " + error.message;
    $("status").className = "error";
  }
}

function download() {
  const blob = new Blob([JSON.stringify(lastDocument, null, 2)], { type: "application/json" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = (lastDocument.id || "vnextract") + ".json";
  link.click();
}

$("run").addEventListener("click", run);
$("download").addEventListener("click", download);
