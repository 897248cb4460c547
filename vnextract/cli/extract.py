"""`vnextract extract` and `vnextract schema`: files, stdin or JSONL documents in, documents out,
through `Extractor.pipe` like every other way in."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import Any


def register(sub: Any) -> None:
    ex = sub.add_parser("extract", help="extract entities and records from files, stdin ('-') or JSONL documents")
    ex.add_argument("paths", nargs="+", metavar="PATH")
    ex.add_argument("--out", help="write here instead of standard output")
    ex.add_argument("--format", choices=("json", "jsonl", "html"),
                    help="default: json for one file, jsonl otherwise; html: displaCy's view of the entities")
    ex.add_argument("--labels", help="comma-separated labels to output (default: all)")
    ex.add_argument("--no-records", action="store_true", help="entities only")
    ex.add_argument("--explain", action="store_true", help="say why each entity was found")
    ex.add_argument("--model", default="auto", help="the PERSON/ORGANIZATION CRF: auto (default: the shipped "
                                                   "model), off, or a model file")
    ex.add_argument("--model-labels", help="comma-separated labels the model may add (default: PERSON,ORGANIZATION)")
    ex.set_defaults(func=run_extract)

    sc = sub.add_parser("schema", help="print the JSON Schema of the output document")
    sc.set_defaults(func=run_schema)


def _read_inputs(paths: list[str], failures: list[str]) -> Iterator[Any]:
    """RawDocuments for every input (files, '-' for stdin, JSONL documents); a file that cannot be
    read is reported on stderr and counted, and the rest go on."""
    from vnextract.extractor.errors import ExtractorError
    from vnextract.extractor.read import read_bytes, read_path
    from vnextract.extractor.read.documents import iter_documents
    from vnextract.extractor.types import RawDocument

    for path in paths:
        try:
            if path == "-":
                yield read_bytes(sys.stdin.buffer.read(), name="stdin.txt", id="stdin")
            elif path.endswith((".jsonl", ".jsonl.gz")):
                for doc in iter_documents(path):
                    yield RawDocument(text=doc["text"], meta=dict(doc.get("meta") or {}), id=str(doc["id"]))
            else:
                yield read_path(path)
        except (ExtractorError, OSError, ValueError) as exc:
            failures.append(path)
            print(f"vnextract: {path}: {exc}", file=sys.stderr)


def run_extract(args: argparse.Namespace) -> int:
    from vnextract.extractor import Extractor, FailedDocument

    labels = [label.strip() for label in args.labels.split(",")] if args.labels else None
    model_labels = [label.strip() for label in args.model_labels.split(",") if label.strip()] \
        if args.model_labels is not None else None
    extractor = Extractor(labels=labels, records=[] if args.no_records else None, explain=args.explain,
                          model=args.model, model_labels=model_labels)
    many = len(args.paths) > 1 or args.paths[0].endswith((".jsonl", ".jsonl.gz"))
    fmt = args.format or ("jsonl" if many else "json")
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout  # noqa: SIM115
    failures: list[str] = []
    written = 0
    try:
        results = extractor.pipe(_read_inputs(args.paths, failures), on_error="report")
        if many:
            from tqdm import tqdm

            # on a terminal only (disable=None): piped or redirected runs stay quiet
            results = tqdm(results, unit="doc", file=sys.stderr, disable=None, desc="extract")
        for result in results:
            if isinstance(result, FailedDocument):
                failures.append(result.id or "")
                print(f"vnextract: {result.id}: {result.reason}", file=sys.stderr)
                continue
            if fmt == "html":
                from vnextract.extractor.spacy_doc import render_html

                out.write(render_html(result) + "\n")
            elif fmt == "json" and many:                   # many documents: one JSON array
                out.write(("[\n" if not written else ",\n") + json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
            elif fmt == "json":
                out.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
            else:
                out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
            written += 1
        if fmt == "json" and many:
            out.write("\n]\n" if written else "[]\n")
    finally:
        if args.out:
            out.close()
    return 1 if failures else 0


def run_schema(args: argparse.Namespace) -> int:
    from vnextract.extractor.schema import json_schema

    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return 0
