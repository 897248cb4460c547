"""Rendering an evaluation as a plain table, JSON or a Markdown report."""

from __future__ import annotations

import json
from typing import Any

PEER_NOTE = (
    "underthesea.ner is run paragraph by paragraph and its tokens are realigned to character offsets. "
    "Mapping: PER → PERSON, ORG → ORGANIZATION, LOC → PROVINCE when its text is a province name "
    "(vnextract's gazetteer), otherwise dropped; MISC dropped. Other labels are not predicted by the peer."
)


def _rows(report: dict[str, Any], kind: str) -> list[tuple[str, dict[str, Any]]]:
    return list(report[kind].items())


def _fmt(value: float) -> str:
    return f"{value:.4f}"


def render_json(report: dict[str, Any], *, errors: dict | None = None, peers: dict | None = None) -> str:
    out = dict(report)
    if errors is not None:
        out["errors"] = errors
    if peers:
        out["peers"] = {name: {"report": peer, "note": PEER_NOTE} for name, peer in peers.items()}
    return json.dumps(out, ensure_ascii=False, indent=2)


def render_table(report: dict[str, Any], *, errors: dict | None = None, peers: dict | None = None) -> str:
    lines = [f"documents: {report['docs']}   missing predictions: {report['missing_predictions']}"]
    if report.get("source"):
        lines.append(f"source: {report['source']}")
    lines.append("")
    peer_names = list(peers or {})
    header = f"{'label':<14}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'pred':>6}{'gold':>6}{'partF1':>8}{'attrs':>8}"
    header += "".join(f"{name[:12] + ' F1':>16}" for name in peer_names)
    lines.append(header)
    for label, s in _rows(report, "strict"):
        part = report["partial"][label]["f1"]
        attrs = report["attrs"].get(label)
        row = (f"{label:<14}{_fmt(s['p']):>8}{_fmt(s['r']):>8}{_fmt(s['f1']):>8}{s['tp']:>6}{s['pred']:>6}"
               f"{s['gold']:>6}{_fmt(part):>8}{(_fmt(attrs) if attrs is not None else '-'):>8}")
        for name in peer_names:
            peer_row = peers[name]["strict"].get(label)
            row += f"{(_fmt(peer_row['f1']) if peer_row and peer_row['pred'] else '-'):>16}"
        lines.append(row)
    if "mission_score" in report:                     # not for a gold set of PERSON/ORGANIZATION only (VLSP)
        lines += ["", f"mission score: {_fmt(report['mission_score'])}"]
        for name in peer_names:
            lines.append(f"mission score ({name}): {_fmt(peers[name]['mission_score'])}")
    if "records" in report:
        lines.append("")
        for kind, r in report["records"].items():
            lines.append(f"records {kind:<9} P {_fmt(r['p'])}  R {_fmt(r['r'])}  F1 {_fmt(r['f1'])}  "
                         f"(tp {r['tp']}, pred {r['pred']}, gold {r['gold']})")
        lines.append(_duplicates_line(report))
    if peers:
        lines += ["", PEER_NOTE]
    if errors:
        lines += ["", *_error_lines(errors, markdown=False)]
    return "\n".join(lines)


def _error_lines(errors: dict[str, Any], *, markdown: bool) -> list[str]:
    lines: list[str] = []
    bullet = "- " if markdown else "  "
    for label, items in errors["entities"].items():
        counts = ", ".join(f"{k} {v}" for k, v in sorted(errors["counts"].get(label, {}).items()))
        lines.append(f"{'### ' if markdown else ''}{label} errors ({counts})")
        for e in items:
            detail = ""
            if e["type"] in ("boundary", "wrong label"):
                detail = f" gold «{e['gold']['text']}» → pred «{e['pred']['text']}» ({e['pred']['label']})"
            ctx = f"`{e['context']}`" if markdown else e["context"]
            lines.append(f"{bullet}[{e['type']}] {e['doc']}:{detail} {ctx}")
        lines.append("")
    if errors["confusion"]:
        lines.append("### Label confusion (overlapping spans)" if markdown else "label confusion (gold → pred):")
        if markdown:
            lines += ["", "| gold | predicted | count |", "|---|---|---|"]
            lines += [f"| {c['gold']} | {c['pred']} | {c['count']} |" for c in errors["confusion"]]
        else:
            lines += [f"  {c['gold']:<14} → {c['pred']:<14} {c['count']}" for c in errors["confusion"]]
        lines.append("")
    for kind, section in errors["records"].items():
        for what in ("missed", "spurious"):
            items = section[what]
            if not items:
                continue
            lines.append(f"{'### ' if markdown else ''}{what} {kind} pairs ({len(items)})")
            limit = max(len(next(iter(errors["entities"].values()), [])), 10)
            for item in items[:limit]:
                lines.append(f"{bullet}{item['doc']}: {item['pair'][0]} — {item['pair'][1]}")
            lines.append("")
    return lines


def render_markdown(report: dict[str, Any], *, errors: dict | None = None, peers: dict | None = None) -> str:
    peer_names = list(peers or {})
    lines = ["# Extraction evaluation", "",
             f"{report['docs']} documents; {report['missing_predictions']} without a prediction.", ""]
    if report.get("source"):
        lines += [f"Source: {report['source']}.", ""]
    lines += ["## Entities", ""]
    head = "| label | P | R | F1 | tp | pred | gold | partial F1 | attrs |"
    sep = "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    for name in peer_names:
        head += f" {name} F1 |"
        sep += "---:|"
    lines += [head, sep]
    for label, s in _rows(report, "strict"):
        attrs = report["attrs"].get(label)
        row = (f"| {label} | {_fmt(s['p'])} | {_fmt(s['r'])} | **{_fmt(s['f1'])}** | {s['tp']} | {s['pred']} | "
               f"{s['gold']} | {_fmt(report['partial'][label]['f1'])} | {_fmt(attrs) if attrs is not None else '–'} |")
        for name in peer_names:
            peer_row = peers[name]["strict"].get(label)
            row += f" {_fmt(peer_row['f1']) if peer_row and peer_row['pred'] else '–'} |"
        lines.append(row)
    if "mission_score" in report:
        lines += ["", f"**Mission score** (mean strict F1 of PROVINCE, PERSON, PERCENT, AWARD): "
                  f"**{_fmt(report['mission_score'])}**"]
        for name in peer_names:
            lines.append(f"; {name}: {_fmt(peers[name]['mission_score'])}")
    if "records" in report:
        lines += ["", "## Records", "", "| record | P | R | F1 | tp | pred | gold |", "|---|---:|---:|---:|---:|---:|---:|"]
        for kind, r in report["records"].items():
            lines.append(f"| {kind} | {_fmt(r['p'])} | {_fmt(r['r'])} | **{_fmt(r['f1'])}** | {r['tp']} | {r['pred']} | "
                         f"{r['gold']} |")
        lines += ["", _duplicates_line(report)]
    if peers:
        lines += ["", "## Peer", "", PEER_NOTE]
    if errors:
        lines += ["", "## Errors", "", *_error_lines(errors, markdown=True)]
    return "\n".join(lines) + "\n"


def _duplicates_line(report: dict) -> str:
    d = report.get("duplicate_conferrals") or {"pred": 0, "pred_docs": 0, "gold": 0}
    return (f"duplicate conferrals: {d['pred']} predicted (award, recipient) pairs repeat an earlier record's "
            f"(in {d['pred_docs']} documents; gold: {d['gold']})")


RENDERERS = {"table": render_table, "json": render_json, "markdown": render_markdown}
