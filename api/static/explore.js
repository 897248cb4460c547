// The explorer: filters → the awards ledger, the officials register and the percentages as tables,
// two charts, and the article behind any row with its evidence sentence highlighted.
"use strict";
const $ = (id) => document.getElementById(id);
const PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"];
const SVG = "http://www.w3.org/2000/svg";

function headers() {
  return $("key").value ? { "X-API-Key": $("key").value } : {};
}

async function getJson(path) {
  const response = await fetch(path, { headers: headers() });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

function filters() {
  const params = new URLSearchParams();
  const add = (name, id) => { const v = $(id).value.trim(); if (v) params.set(name, v); };
  add("province", "f-province"); add("award_type", "f-type"); add("status", "f-status");
  add("year_from", "f-from"); add("year_to", "f-to"); add("person", "f-person"); add("organisation", "f-organisation");
  return params;
}

function docLink(docId, start, end, count) {
  if (!docId) return "";
  const more = count > 1 ? ` (+${count - 1})` : "";
  const hash = `#doc=${encodeURIComponent(docId)}&start=${start ?? ""}&end=${end ?? ""}`;
  return { html: `<a href="${escapeHtml(hash)}">${escapeHtml(docId)}</a>${more}` };
}

function linkRows(trs, rows, pick) {
  trs.forEach((tr, i) => {
    const [docId, start, end] = pick(rows[i]);
    tr.dataset.doc = docId || "";
    tr.addEventListener("click", (event) => {
      if (event.target.tagName !== "A" && docId) location.hash = `doc=${encodeURIComponent(docId)}&start=${start ?? ""}&end=${end ?? ""}`;
    });
  });
}

function showLedger(rows) {
  const trs = fillTable($("ledger"), rows.map((r) => [r.year, r.award_type, VI_CLASS[r.award_class] || "", r.recipient,
    r.recipient_province, r.recipient_province_2025, r.issuer, VI_STATUS[r.status] || r.status,
    docLink(r.evidence_doc, r.evidence_start, r.evidence_end, r.n_documents)]), "Không có khen thưởng nào khớp bộ lọc");
  linkRows(trs, rows, (r) => [r.evidence_doc, r.evidence_start, r.evidence_end]);
}

function showRegister(rows) {
  const trs = fillTable($("register"), rows.map((r) => [r.name, r.title, r.organisation, r.province,
    r.current === false ? "nguyên" : "có", r.first_date, r.last_date,
    docLink(r.evidence_doc, r.evidence_start, r.evidence_end, r.n_documents)]), "Không có quan chức nào khớp bộ lọc");
  linkRows(trs, rows, (r) => [r.evidence_doc, r.evidence_start, r.evidence_end]);
}

function showPercentages(rows) {
  const trs = fillTable($("percentages"), rows.map((r) => [r.year, r.province, r.province_2025, r.subject, r.percent,
    docLink(r.doc_id, r.evidence_start, r.evidence_end, 1)]), "Không có tỷ lệ nào khớp bộ lọc");
  linkRows(trs, rows, (r) => [r.doc_id, r.evidence_start, r.evidence_end]);
}

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

// Stacked bars: one per year, one colour per award type (the seven most frequent, then the rest).
function drawYears(rows) {
  const box = $("chart-years");
  box.innerHTML = "";
  $("chart-years-legend").innerHTML = "";
  if (!rows.length) { box.textContent = "Không có dữ liệu"; return; }
  const totals = {};
  rows.forEach((r) => { totals[r.award_type] = (totals[r.award_type] || 0) + r.conferrals; });
  const types = Object.keys(totals).sort((a, b) => totals[b] - totals[a]);
  const shown = types.slice(0, 7);
  const typeOf = (t) => (shown.includes(t) ? t : "khác");
  const series = [...shown, ...(types.length > 7 ? ["khác"] : [])];
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const stack = Object.fromEntries(years.map((y) => [y, {}]));
  rows.forEach((r) => { const t = typeOf(r.award_type); stack[r.year][t] = (stack[r.year][t] || 0) + r.conferrals; });
  const max = Math.max(...years.map((y) => Object.values(stack[y]).reduce((a, b) => a + b, 0)));
  const width = Math.max(320, years.length * 34 + 50), height = 220, bottom = 24, left = 36;
  const chart = svg("svg", { width, height, role: "img", "aria-label": "Khen thưởng theo năm" });
  const scale = (height - bottom - 10) / max;
  chart.appendChild(svg("text", { x: 2, y: 12, class: "axis" }, String(max)));
  years.forEach((year, i) => {
    let y = height - bottom;
    const x = left + i * 34;
    series.forEach((t, k) => {
      const n = stack[year][t] || 0;
      if (!n) return;
      const h = n * scale;
      y -= h;
      const bar = svg("rect", { x, y, width: 26, height: h, fill: PALETTE[k % PALETTE.length], class: "bar", "data-year": year, "data-type": t });
      bar.appendChild(svg("title", {}, `${year} · ${t}: ${n}`));
      chart.appendChild(bar);
    });
    chart.appendChild(svg("text", { x: x + 13, y: height - 8, "text-anchor": "middle", class: "axis" }, String(year)));
  });
  box.appendChild(chart);
  $("chart-years-legend").innerHTML = series.map((t, k) => `<span><i style="background:${PALETTE[k % PALETTE.length]}"></i>${escapeHtml(t)}</span>`).join("");
}

// Horizontal bars, one per unit: the 34 from July 2025, or the 63 before.
function drawProvinces(body) {
  const box = $("chart-provinces");
  box.innerHTML = "";
  const rows = body.rows;
  const max = Math.max(1, ...rows.map((r) => r.conferrals));
  const rowHeight = 15, left = 150, width = 520;
  const chart = svg("svg", { width, height: rows.length * rowHeight + 6, role: "img", "aria-label": "Khen thưởng theo tỉnh/thành", "data-units": body.units });
  rows.forEach((r, i) => {
    const y = i * rowHeight + 2;
    chart.appendChild(svg("text", { x: left - 6, y: y + 11, "text-anchor": "end", class: "axis" }, r.province));
    const bar = svg("rect", { x: left, y, width: Math.max(0, (width - left - 40) * r.conferrals / max), height: rowHeight - 3, fill: "#1f3b57", class: "bar", "data-province": r.province });
    bar.appendChild(svg("title", {}, `${r.province}: ${r.conferrals}`));
    chart.appendChild(bar);
    if (r.conferrals) chart.appendChild(svg("text", { x: left + 4 + (width - left - 40) * r.conferrals / max, y: y + 11, class: "axis" }, String(r.conferrals)));
  });
  box.appendChild(chart);
}

async function refresh() {
  const params = filters();
  const subject = $("f-subject").value.trim();
  const pct = new URLSearchParams();
  for (const name of ["province", "year_from", "year_to"]) if (params.get(name)) pct.set(name, params.get(name));
  if (subject) pct.set("subject", subject);
  const people = new URLSearchParams();
  for (const [name, value] of [["person", params.get("person")], ["organisation", params.get("organisation")],
    ["province", params.get("province")], ["year_from", params.get("year_from")], ["year_to", params.get("year_to")]]) {
    if (value) people.set(name, value);
  }
  const units = $("units-63").checked ? "63" : "34";
  $("status").textContent = "Đang tải…";
  $("status").className = "";
  try {
    const [ledger, register, percentages, years, provinces] = await Promise.all([
      getJson(`/v1/archive/awards?${params}`), getJson(`/v1/archive/officials?${people}`),
      getJson(`/v1/archive/percentages?${pct}`), getJson(`/v1/archive/charts/awards-per-year?${params}`),
      getJson(`/v1/archive/charts/awards-by-province?units=${units}&${params}`)]);
    showLedger(ledger.rows);
    showRegister(register.rows);
    showPercentages(percentages.rows);
    drawYears(years.rows);
    drawProvinces(provinces);
    $("status").textContent = `${ledger.rows.length} khen thưởng, ${register.rows.length} chức vụ, ${percentages.rows.length} tỷ lệ`;
  } catch (error) {
    $("status").textContent = "Lỗi: " + error.message;
    $("status").className = "error";
  }
}

async function openArticle() {
  const hash = new URLSearchParams(location.hash.slice(1));
  const docId = hash.get("doc");
  if (!docId) return;
  const start = hash.get("start") === "" ? null : Number(hash.get("start"));
  const end = hash.get("end") === "" ? null : Number(hash.get("end"));
  try {
    const doc = await getJson(`/v1/archive/documents/${encodeURIComponent(docId)}`);
    const text = doc.text;
    let html;
    if (start !== null && end !== null && end > start) {
      html = renderMarks(text, doc.entities, 0, start) + `<mark class="evidence" id="evidence">` +
        renderMarks(text, doc.entities, start, end) + "</mark>" + renderMarks(text, doc.entities, end, text.length);
    } else {
      html = renderMarks(text, doc.entities);
    }
    $("article-id").textContent = doc.doc_id;
    $("article-meta").textContent = [doc.title, doc.date ? `Ngày ${doc.date}` : ""].filter(Boolean).join(" · ");
    $("article-text").innerHTML = html;
    $("article").hidden = false;
    ($("evidence") || $("article")).scrollIntoView({ block: "center" });
  } catch (error) {
    $("status").textContent = "Lỗi: " + error.message;
    $("status").className = "error";
  }
}

async function init() {
  try {
    await loadLabels(headers());
    const facets = await getJson("/v1/archive/facets");
    const names = [...new Set([...facets.provinces_2025, ...facets.provinces_63])].sort((a, b) => a.localeCompare(b, "vi"));
    $("province-names").innerHTML = names.map((n) => `<option value="${escapeHtml(n)}">`).join("");
    $("f-type").innerHTML += facets.award_types.map((t) => `<option value="${escapeHtml(t)}">${escapeHtml(t)}</option>`).join("");
    const c = facets.counts;
    $("counts").textContent = `${c.documents} văn bản · ${c.conferrals} khen thưởng · ${c.persons} người · ${c.percentages} tỷ lệ`;
  } catch (error) {
    $("status").textContent = "Lỗi: " + error.message;
    $("status").className = "error";
    return;
  }
  await refresh();
  await openArticle();
}

$("filters").addEventListener("submit", (event) => { event.preventDefault(); refresh(); });
$("units-63").addEventListener("change", refresh);
window.addEventListener("hashchange", openArticle);
init();
