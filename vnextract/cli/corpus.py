"""`vnextract corpus validate|convert`: gold corpus tools."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

CONVERT_FORMATS = ("documents", "conll", "doccano", "labelstudio", "spacy")


def register(sub: Any) -> None:
    corpus = sub.add_parser("corpus", help="gold corpus tools").add_subparsers(dest="corpus_command", required=True)
    val = corpus.add_parser("validate", help="check documents against every rule of ANNOTATION.md")
    val.add_argument("files", nargs="+")
    val.set_defaults(func=run_validate)
    conv = corpus.add_parser("convert", help="convert between the document format and other formats")
    conv.add_argument("input")
    conv.add_argument("output")
    conv.add_argument("--from", dest="source", choices=CONVERT_FORMATS, default="documents")
    conv.add_argument("--to", dest="target", choices=CONVERT_FORMATS, default="documents")
    conv.add_argument("--annotations", action="store_true",
                      help="labelstudio: write gold `annotations` (default: `predictions` to correct)")
    conv.set_defaults(func=run_convert)


def run_validate(args: argparse.Namespace) -> int:
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


def run_convert(args: argparse.Namespace) -> int:
    from vnextract.corpora.convert.io import read_format, write_format

    docs = read_format(Path(args.input), args.source)
    skipped = write_format(Path(args.output), args.target, docs, annotations=args.annotations)
    for line in skipped:
        print(f"not written: {line}", file=sys.stderr)
    print(f"{len(docs)} documents: {args.input} ({args.source}) → {args.output} ({args.target})")
    return 0
