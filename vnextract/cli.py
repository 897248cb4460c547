"""The `vnextract` command: the composition root. It reaches api/, evaluation/ and corpora/ lazily,
inside the subcommands, so that `vnextract extract` imports only the library."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from vnextract import __version__

log = logging.getLogger("vnextract")

CONVERT_FORMATS = ("documents", "conll", "doccano", "labelstudio", "spacy")


def _iter_inputs(paths: list[str]):
    """(name, RawDocument-or-error) for every input: files, '-' for stdin, or JSONL documents."""
    from vnextract.evaluation.io import DocumentFileError, iter_documents
    from vnextract.extractor.errors import ExtractorError
    from vnextract.extractor.read import read_bytes, read_path
    from vnextract.extractor.types import RawDocument

    for path in paths:
        try:
            if path == "-":
                yield "-", read_bytes(sys.stdin.buffer.read(), name="stdin.txt", id="stdin")
            elif path.endswith((".jsonl", ".jsonl.gz")):
                for doc in iter_documents(path):
                    yield path, RawDocument(text=doc["text"], meta=dict(doc.get("meta") or {}), id=str(doc["id"]))
            else:
                yield path, read_path(path)
        except (ExtractorError, DocumentFileError, OSError) as exc:
            yield path, exc


def _cmd_extract(args: argparse.Namespace) -> int:
    from vnextract.extractor import Extractor
    from vnextract.extractor.errors import ExtractorError

    labels = [label.strip() for label in args.labels.split(",")] if args.labels else None
    extractor = Extractor(labels=labels, records=[] if args.no_records else None, explain=args.explain,
                          model=args.model)
    fmt = args.format or ("json" if len(args.paths) == 1 and not args.paths[0].endswith((".jsonl", ".jsonl.gz"))
                          else "jsonl")
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout  # noqa: SIM115
    failures = 0
    try:
        for name, item in _iter_inputs(args.paths):
            if isinstance(item, Exception):
                failures += 1
                print(f"vnextract: {name}: {item}", file=sys.stderr)
                continue
            try:
                document = extractor.extract_raw(item).to_dict()
            except ExtractorError as exc:
                failures += 1
                print(f"vnextract: {name} ({item.id}): {exc}", file=sys.stderr)
                continue
            if fmt == "html":
                from vnextract.extractor.schema import Document
                from vnextract.extractor.spacy_doc import render_html

                out.write(render_html(Document.model_validate(document)) + "\n")
            elif fmt == "json":
                out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
            else:
                out.write(json.dumps(document, ensure_ascii=False) + "\n")
    finally:
        if args.out:
            out.close()
    return 1 if failures else 0


def _cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    config = uvicorn.Config("vnextract.api.main:create_app", factory=True, host=args.host, port=args.port,
                            workers=args.workers, log_level="info" if args.verbose else "warning")
    if args.workers <= 1:
        uvicorn.Server(config).run()
        return 0
    from uvicorn.supervisors import Multiprocess

    Multiprocess(config, sockets=[listening_socket(args.host, args.port)]).run()
    return 0


def listening_socket(host: str, port: int):
    """The socket the workers share. uvicorn's own is made with protocol 0, and asyncio then leaves
    TCP_NODELAY off on accepted connections: Nagle and delayed ACKs add ~40 ms to every response.
    Made with IPPROTO_TCP, accepted connections get TCP_NODELAY as a single worker's do."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


def _cmd_batch(args: argparse.Namespace) -> int:
    from vnextract.extractor.batch import run_batch

    summary = run_batch([Path(p) for p in args.inputs], Path(args.out), fmt=args.format, workers=args.workers,
                        engine=args.engine, scheduler=args.scheduler, resume=args.resume,
                        errors_path=Path(args.errors) if args.errors else None, progress=not args.quiet)
    print(json.dumps(summary.as_dict(), ensure_ascii=False), file=sys.stderr)
    return 0


def _cmd_stats(args: argparse.Namespace) -> int:
    from vnextract.extractor.batch.stats import run_stats

    print(run_stats(Path(args.out), args.sql))
    return 0


def _cmd_train_ner(args: argparse.Namespace) -> int:
    from vnextract.extractor.models.training import run_train

    info = run_train([Path(p) for p in args.data], Path(args.out), dev_fraction=args.dev_fraction, seed=args.seed,
                     iterations=args.iterations, peer=args.peer, train_model=not args.score_only, l1=args.l1,
                     l2=args.l2)
    print(json.dumps(info, ensure_ascii=False, indent=2))
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    from vnextract.extractor.schema import json_schema

    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from vnextract.evaluation.command import run_evaluate

    labels = [label.strip() for label in args.labels.split(",")] if args.labels else None
    print(run_evaluate(args.gold, pred_path=args.pred, output_format=args.format, errors=args.errors,
                       labels=labels, peers=args.peer, model=args.model))
    return 0


def _cmd_corpus_validate(args: argparse.Namespace) -> int:
    from vnextract.corpora.validate import validate_file

    status = 0
    for path in args.files:
        findings = validate_file(path)
        errors = [f for f in findings if f.level == "error"]
        for finding in findings:
            print(f"{path}: {finding}")
        print(f"{path}: {len(errors)} errors, {len(findings) - len(errors)} warnings")
        status = status or (1 if errors else 0)
    return status


def _cmd_corpus_convert(args: argparse.Namespace) -> int:
    from vnextract.corpora.convert.io import read_format, write_format

    docs = read_format(Path(args.input), args.source)
    skipped = write_format(Path(args.output), args.target, docs)
    for line in skipped:
        print(f"not written: {line}", file=sys.stderr)
    print(f"{len(docs)} documents: {args.input} ({args.source}) → {args.output} ({args.target})")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vnextract", description="Structured facts from Vietnamese government text.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    parser.add_argument("--version", action="version", version=f"vnextract {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

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
    ex.set_defaults(func=_cmd_extract)

    sv = sub.add_parser("serve", help="run the HTTP service (settings from VNEXTRACT_* environment variables)")
    sv.add_argument("--host", default="127.0.0.1")
    sv.add_argument("--port", type=int, default=8000)
    sv.add_argument("--workers", type=int, default=1, help="processes, each with its own extractor")
    sv.set_defaults(func=_cmd_serve)

    ba = sub.add_parser("batch", help="process folders, zip/tar archives and JSONL files into JSONL or Parquet")
    ba.add_argument("inputs", nargs="+", metavar="INPUT")
    ba.add_argument("--out", required=True, help="JSONL file, or a folder for --format parquet")
    ba.add_argument("--format", choices=("jsonl", "parquet"), default="jsonl")
    ba.add_argument("--workers", type=int, default=1)
    ba.add_argument("--engine", choices=("local", "dask"), default="local")
    ba.add_argument("--scheduler", help="tcp://host:8786 of an existing Dask cluster (default: a LocalCluster)")
    ba.add_argument("--resume", action="store_true", help="skip documents already in the output (by id and hash)")
    ba.add_argument("--errors", help="errors file (default: OUT.errors.jsonl, or OUT/errors.jsonl)")
    ba.add_argument("--quiet", action="store_true", help="no progress bar")
    ba.set_defaults(func=_cmd_batch)

    st = sub.add_parser("stats", help="summary tables over a batch output, with DuckDB")
    st.add_argument("out", help="a batch output: JSONL file or Parquet folder")
    st.add_argument("--sql", help="an ad-hoc query over the tables documents, entities, records")
    st.set_defaults(func=_cmd_stats)

    tr = sub.add_parser("train", help="train models").add_subparsers(dest="train_command", required=True)
    tn = tr.add_parser("ner", help="train the PERSON/ORGANIZATION CRF and score it on held-out documents")
    tn.add_argument("--data", action="append", required=True,
                    help="documents (JSONL); files named *vlsp* are split train/dev by a seeded hash")
    tn.add_argument("--out", required=True, help="model file (a .json card with the scores is written beside it)")
    tn.add_argument("--dev-fraction", type=float, default=0.15)
    tn.add_argument("--seed", type=int, default=13)
    tn.add_argument("--iterations", type=int, default=200)
    tn.add_argument("--peer", action="store_true", help="also score underthesea.ner on the dev documents")
    tn.add_argument("--l1", type=float, default=0.02, help="L1 penalty (sparsity)")
    tn.add_argument("--l2", type=float, default=0.01, help="L2 penalty")
    tn.add_argument("--score-only", action="store_true", help="score the existing model file; do not train")
    tn.set_defaults(func=_cmd_train_ner)

    sc = sub.add_parser("schema", help="print the JSON Schema of the output document")
    sc.set_defaults(func=_cmd_schema)

    ev = sub.add_parser("evaluate", help="score predictions (or the extractor) against a gold file")
    ev.add_argument("gold", help="gold documents (JSONL, ANNOTATION.md format)")
    ev.add_argument("--pred", help="predicted documents; without it the extractor runs on the gold texts")
    ev.add_argument("--format", choices=("table", "json", "markdown"), default="table")
    ev.add_argument("--errors", type=int, default=0, metavar="N", help="show N errors of each label")
    ev.add_argument("--labels", help="comma-separated labels to score (default: all)")
    ev.add_argument("--peer", action="append", choices=("underthesea",), help="also score a peer system")
    ev.add_argument("--model", default="auto", help="the extractor's PERSON/ORGANIZATION CRF: auto (default), off or a file")
    ev.set_defaults(func=_cmd_evaluate)

    corpus = sub.add_parser("corpus", help="gold corpus tools").add_subparsers(dest="corpus_command", required=True)
    val = corpus.add_parser("validate", help="check documents against every rule of ANNOTATION.md")
    val.add_argument("files", nargs="+")
    val.set_defaults(func=_cmd_corpus_validate)
    conv = corpus.add_parser("convert", help="convert between the document format and other formats")
    conv.add_argument("input")
    conv.add_argument("output")
    conv.add_argument("--from", dest="source", choices=CONVERT_FORMATS, default="documents")
    conv.add_argument("--to", dest="target", choices=CONVERT_FORMATS, default="documents")
    conv.set_defaults(func=_cmd_corpus_convert)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    from vnextract.evaluation.io import DocumentFileError
    from vnextract.extractor.errors import ExtractorError

    try:
        return args.func(args)
    except (ExtractorError, DocumentFileError, OSError, ValueError) as exc:
        print(f"vnextract: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
