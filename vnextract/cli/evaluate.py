"""`vnextract evaluate`: score predictions, or the extractor, against a gold file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    ev = sub.add_parser("evaluate", help="score predictions (or the extractor) against a gold file")
    ev.add_argument("gold", help="gold documents (JSONL, ANNOTATION.md format)")
    ev.add_argument("--pred", help="predicted documents; without it the extractor runs on the gold texts")
    ev.add_argument("--format", choices=("table", "json", "markdown"), default="table")
    ev.add_argument("--errors", type=int, default=0, metavar="N", help="show N errors of each label")
    ev.add_argument("--labels", help="comma-separated labels to score (default: all)")
    ev.add_argument("--peer", action="append", choices=("underthesea",), help="also score a peer system")
    ev.add_argument("--model", default="auto", help="the extractor's PERSON/ORGANIZATION CRF: auto (default), off or a file")
    ev.add_argument("--cv", type=int, default=0, metavar="K",
                    help="cross-validate the model over the gold documents: K models, each trained without one fold "
                         "(on --train-data and the other folds), tag that fold")
    ev.add_argument("--train-data", action="append", default=[],
                    help="with --cv: other training documents (JSONL; a *vlsp* file contributes its train part)")
    ev.add_argument("--cv-dir", help="with --cv: where the fold models are kept (and reused); default a temporary folder")
    ev.add_argument("--vlsp-part", choices=("test", "validation", "train"),
                    help="the gold file is VLSP 2018 (standoff NER): score this part of the models' split, on its "
                         "outermost PERSON and ORGANIZATION spans")
    ev.set_defaults(func=run_evaluate_command)


def run_evaluate_command(args: argparse.Namespace) -> int:
    from vnextract.evaluation.command import run_evaluate

    labels = [label.strip() for label in args.labels.split(",")] if args.labels else None
    print(run_evaluate(args.gold, pred_path=args.pred, output_format=args.format, errors=args.errors,
                       labels=labels, peers=args.peer, model=args.model, folds=args.cv,
                       train_data=[Path(p) for p in args.train_data], cv_dir=Path(args.cv_dir) if args.cv_dir else None,
                       vlsp_part=args.vlsp_part))
    return 0
