"""`vnextract train ner`: train the PERSON/ORGANIZATION model and score it on held-out documents;
`vnextract train records`: the learned scorers of record links, cross-validated against the rules."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
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
    tn.set_defaults(func=run_train_ner)
    trc = tr.add_parser("records", help="train the official/award link scorers; k-fold against the rules alone")
    trc.add_argument("--data", action="append", required=True, help="gold documents with records (JSONL)")
    trc.add_argument("--out", help="folder of the scorers (default: the shipped models/records/)")
    trc.add_argument("--folds", type=int, default=5)
    trc.add_argument("--score-only", action="store_true", help="cross-validate only; write nothing")
    trc.set_defaults(func=run_train_records)


def run_train_ner(args: argparse.Namespace) -> int:
    from vnextract.models.training import run_train

    info = run_train([Path(p) for p in args.data], Path(args.out), dev_fraction=args.dev_fraction, seed=args.seed,
                     iterations=args.iterations, peer=args.peer, train_model=not args.score_only, l1=args.l1,
                     l2=args.l2)
    print(json.dumps(info, ensure_ascii=False, indent=2))
    return 0


def run_train_records(args: argparse.Namespace) -> int:
    from vnextract.models.records_training import RECORDS_MODEL_DIR, run_train_records

    info = run_train_records([Path(p) for p in args.data], Path(args.out) if args.out else RECORDS_MODEL_DIR,
                             folds=args.folds, train_model=not args.score_only)
    print(json.dumps(info, ensure_ascii=False, indent=2))
    return 0
