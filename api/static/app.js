// The article page: send the text or the file (with its date and the labels wanted), then draw the
// entities and the records. Labels, their colours and the filter come from GET /v1/labels.
"use strict";
const $ = (id) => document.getElementById(id);
let lastDocument = null;
let labels = [];

function headers() {
  return $("key").value ? { "X-API-Key": $("key").value } : {};
}

function chosenLabels() {
  return [...document.querySelectorAll("#label-filter input:checked")].map((box) => box.value);
}

async function setUpLabels() {
  try {
    labels = await loadLabels(headers());
  } catch (error) {
    $("status").textContent = "Lỗi: " + error.message;
    $("status").className = "error";
    return;
  }
  $("label-filter").innerHTML = labels.map((l) =>
    `<label title="${escapeHtml(l.description)}"><input type="checkbox" value="${l.label}" checked> ` +
    `<span class="swatch" data-label="${l.label}">${escapeHtml(VI_LABELS[l.label] || l.label)}</span></label>`).join("");
  $("label-filter").addEventListener("change", () => { if (lastDocument) show(lastDocument); });
}

// The entity a record points at: its evidence span when the record has one, else the n-th
// entity of that label with that text (records and entities come in text order).
function locate(entities, label, text, used, span) {
  if (span) {
    const k = entities.findIndex((e) => e.label === label && e.start === span[0] && e.end === span[1]);
    if (k >= 0) return k;
  }
  const candidates = entities.map((e, i) => [e, i]).filter(([e]) => e.label === label && e.text === text);
  const fresh = candidates.find(([, i]) => !used.has(i)) || candidates[0];
  if (!fresh) return -1;
  used.add(fresh[1]);
  return fresh[1];
}

function spanOf(record, part) {
  const ev = record.evidence;
  const spans = ev && ev[part];                 // [[start, end], ...]: every mention the record was read from
  return Array.isArray(spans) && spans.length ? spans[0] : null;
}

function scrollTo(index) {
  const mark = index >= 0 ? document.getElementById(`ent-${index}`) : null;
  if (!mark) return;
  mark.scrollIntoView({ block: "center" });
  mark.classList.add("flash");
  setTimeout(() => mark.classList.remove("flash"), 1500);
}

function linked(table, rows, targets) {
  fillTable($(table), rows, "Không có").forEach((tr, i) => {
    tr.dataset.target = targets[i];
    tr.addEventListener("click", () => scrollTo(targets[i]));
  });
}

function show(doc) {
  lastDocument = doc;
  const wanted = new Set(chosenLabels());
  const all = doc.entities;
  $("legend").innerHTML = labels.filter((l) => wanted.has(l.label))
    .map((l) => `<span data-label="${l.label}" title="${escapeHtml(l.description)}">${escapeHtml(VI_LABELS[l.label] || l.label)}</span>`).join("");
  // marks keep their index in doc.entities (filtered ones are moved out of the text), so rows find them
  const shown = all.map((e) => (wanted.has(e.label) ? e : { ...e, start: -1, end: -1 }));
  $("rendered").innerHTML = renderMarks(doc.text, shown);
  const records = doc.records || [];
  const used = new Set();
  // Evidence offsets point into doc.text: the first sentence a record was read from is quoted.
  const quote = (r) => { const s = ((r.evidence || {}).sentences || [])[0]; return s ? doc.text.slice(s[0], s[1]) : ""; };
  const position = (p) => [p.role, p.organisation, p.province && `(${p.province}${p.unit_2025 && p.unit_2025 !== p.province ? " → " + p.unit_2025 : ""})`,
    p.current === false ? "[nguyên]" : ""].filter(Boolean).join(" ");
  const officials = records.filter((r) => r.type === "official");
  linked("officials", officials.map((r) => [r.person, r.titles.join("; "), (r.positions || []).map(position).join("; "), quote(r)]),
    officials.map((r) => locate(all, "PERSON", r.person, used, spanOf(r, "person"))));
  const awards = records.filter((r) => r.type === "award");
  linked("awards", awards.map((r) => [r.award, (r.attrs || {}).type, VI_CLASS[(r.attrs || {}).class] || "",
    r.recipients.join("; "), (r.recipient_details || []).map((d) => (VI_KIND[d.kind] || d.kind) + (d.province ? ` (${d.province})` : "")).join("; "),
    r.issuer, r.issuer_office, VI_STATUS[r.status] || r.status,
    r.date && `${r.date}${r.date_source === "document" ? " (ngày bài)" : ""}`, (r.decision || {}).text, quote(r)]),
    awards.map((r) => locate(all, "AWARD", r.award, used, spanOf(r, "award"))));
  const percentages = records.filter((r) => r.type === "percentage");
  linked("percentages", percentages.map((r) => [r.percent, r.subject, r.province]),
    percentages.map((r) => locate(all, "PERCENT", r.percent, used, spanOf(r, "percent"))));
  const seen = new Map();
  all.forEach((e, i) => { if (e.label === "PROVINCE" && !seen.has(e.attrs.name)) seen.set(e.attrs.name, [e, i]); });
  const provinces = [...seen.values()];
  linked("provinces", provinces.map(([e]) => [e.attrs.name, e.attrs.code, e.attrs.unit_2025]), provinces.map(([, i]) => i));
  $("json").textContent = JSON.stringify(doc, null, 2);
  $("output").hidden = false;
}

async function run() {
  const requestHeaders = headers();
  const file = $("file").files[0];
  const date = $("date").value;
  const wanted = chosenLabels();
  let response;
  $("status").textContent = "Đang xử lý…";
  $("status").className = "";
  try {
    if (file) {
      const form = new FormData();
      form.append("file", file);
      if (date) form.append("date", date);
      form.append("labels", wanted.join(","));
      response = await fetch("/v1/extract/file", { method: "POST", body: form, headers: requestHeaders });
    } else {
      requestHeaders["Content-Type"] = "application/json";
      const meta = date ? { date } : {};
      response = await fetch("/v1/extract", { method: "POST", headers: requestHeaders,
                                               body: JSON.stringify({ text: $("text").value, meta, labels: wanted }) });
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
setUpLabels();
