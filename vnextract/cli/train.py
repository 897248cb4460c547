"""`vnextract train ner|neural|clusters|combination|records`: train the PERSON/ORGANIZATION model (a CRF or
a small neural tagger), its word clusters, and choose how it combines with the rules, all on
held-out data (models/data.py); and the record link scorers, cross-validated against the rules."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    tr = sub.add_parser("train", help="train models").add_subparsers(dest="train_command", required=True)
    tn = tr.add_parser("ner", help="train the PERSON/ORGANIZATION CRF and score it on held-out documents")
    tn.add_argument("--data", action="append", required=True,
                    help="documents (JSONL); files named *vlsp* are split train/validation/test by a seeded hash, "
                         "others (genre sets) are used whole")
    tn.add_argument("--out", required=True, help="model file (a .json card with the scores is written beside it)")
    tn.add_argument("--iterations", type=int, default=200)
    tn.add_argument("--l1", type=float, default=0.02, help="L1 penalty (sparsity)")
    tn.add_argument("--l2", type=float, default=0.01, help="L2 penalty")
    tn.add_argument("--clusters", help="a syllable → cluster-path table (`vnextract train clusters`) to use as features")
    tn.add_argument("--gazetteers", action="store_true", help="country and title gazetteer features")
    tn.add_argument("--document", action="store_true", help="features of a name's contexts elsewhere in its document")
    tn.add_argument("--final", action="store_true", help="train on the VLSP validation documents too (after selection)")
    tn.add_argument("--peer", action="store_true", help="also score underthesea.ner on the test documents")
    tn.add_argument("--word-cache", help="a file that keeps underthesea's words of the training texts between runs")
    tn.add_argument("--score-only", action="store_true", help="score the existing model file; do not train")
    tn.set_defaults(func=run_train_ner)
    trc = tr.add_parser("records", help="train the official/award link scorers; k-fold against the rules alone")
    trc.add_argument("--data", action="append", required=True, help="gold documents with records (JSONL)")
    trc.add_argument("--out", help="folder of the scorers (default: the shipped models/records/)")
    trc.add_argument("--folds", type=int, default=5)
    trc.add_argument("--score-only", action="store_true", help="cross-validate only; write nothing")
    trc.set_defaults(func=run_train_records)

    tc = tr.add_parser("clusters", help="word clusters for the CRF from raw texts (needs gensim, scikit-learn)")
    tc.add_argument("--text", action="append", required=True, help="raw documents (JSONL, gzip or not)")
    tc.add_argument("--exclude", action="append", default=[],
                    help="documents to keep unseen (JSONL; a *vlsp* file: its test documents)")
    tc.add_argument("--out", required=True, help="the table to write (syllable TAB path)")
    tc.set_defaults(func=run_train_clusters)

    tu = tr.add_parser("neural", help="train the small neural tagger (needs torch; exported to numpy weights)")
    tu.add_argument("--data", action="append", required=True, help="as for `train ner`")
    tu.add_argument("--out", required=True, help="the weights to write (.npz; a .json card beside it)")
    tu.add_argument("--clusters", help="a syllable → cluster-path table, embedded as features")
    tu.add_argument("--epochs", type=int, default=8)
    tu.add_argument("--seed", type=int, default=13)
    tu.add_argument("--threads", type=int, default=1, help="CPU threads for torch")
    tu.add_argument("--final", action="store_true", help="train on the VLSP validation documents too")
    tu.add_argument("--word-cache", help="as for `train ner`")
    tu.set_defaults(func=run_train_neural)

    tb = tr.add_parser("combination", help="choose the model's combination thresholds on held-out data")
    tb.add_argument("--data", action="append", required=True, help="as for `train ner`")
    tb.add_argument("--model", required=True, help="a model trained without the VLSP validation documents")
    tb.add_argument("--cv", type=int, default=0, metavar="K",
                    help="also cross-validate over --cv-gold: K models, each trained without one fold")
    tb.add_argument("--cv-gold", help="the genre file to cross-validate (its documents are not in --data)")
    tb.add_argument("--cv-dir", help="where the fold models are kept (and reused)")
    tb.add_argument("--report", help="write every combination's scores to this JSON file")
    tb.add_argument("--reads", default="gaps,rule-gaps,paragraphs",
                    help="the reading modes to consider (comma-separated; leave out those over the speed budget)")
    tb.add_argument("--word-cache", help="as for `train ner`")
    tb.add_argument("--write", help="write the chosen combination into this model's card")
    tb.set_defaults(func=run_train_combination)


def run_train_ner(args: argparse.Namespace) -> int:
    from vnextract.models.training import run_train

    info = run_train([Path(p) for p in args.data], Path(args.out), iterations=args.iterations, l1=args.l1, l2=args.l2,
                     clusters=Path(args.clusters) if args.clusters else None, gazetteers=args.gazetteers,
                     document=args.document, final=args.final, peer=args.peer, train_model=not args.score_only,
                     word_cache=Path(args.word_cache) if args.word_cache else None)
    print(json.dumps(info, ensure_ascii=False, indent=2))
    return 0


def run_train_records(args: argparse.Namespace) -> int:
    from vnextract.models.records_training import RECORDS_MODEL_DIR, run_train_records

    info = run_train_records([Path(p) for p in args.data], Path(args.out) if args.out else RECORDS_MODEL_DIR,
                             folds=args.folds, train_model=not args.score_only)
    print(json.dumps(info, ensure_ascii=False, indent=2))
    return 0


def run_train_clusters(args: argparse.Namespace) -> int:
    from vnextract.extractor.read.documents import iter_documents
    from vnextract.models import clusters, data

    exclude: list[dict] = []
    for name in args.exclude:
        path = Path(name)
        exclude += data.load([path])[0]["test"] if data.is_vlsp(path) else list(iter_documents(path))
    sentences = list(clusters.raw_sentences([Path(p) for p in args.text], exclude=exclude))
    info = clusters.train_clusters(sentences, Path(args.out))
    print(json.dumps(info, ensure_ascii=False, indent=2))
    return 0


def run_train_neural(args: argparse.Namespace) -> int:
    from vnextract.models.neural import train_neural

    info = train_neural([Path(p) for p in args.data], Path(args.out), clusters=Path(args.clusters) if args.clusters else None,
                        epochs=args.epochs, seed=args.seed, threads=args.threads, final=args.final,
                        word_cache=Path(args.word_cache) if args.word_cache else None)
    print(json.dumps({k: v for k, v in info.items() if k != "history"}, ensure_ascii=False, indent=2))
    return 0


def run_train_combination(args: argparse.Namespace) -> int:
    from vnextract.models.selection import run_selection

    info = run_selection([Path(p) for p in args.data], Path(args.model), folds=args.cv,
                         cv_gold=Path(args.cv_gold) if args.cv_gold else None,
                         word_cache=Path(args.word_cache) if args.word_cache else None,
                         write=Path(args.write) if args.write else None, cv_dir=Path(args.cv_dir) if args.cv_dir else None,
                         reads=[mode.strip() for mode in args.reads.split(",")])
    if args.report:
        Path(args.report).write_text(json.dumps(info, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps({k: v for k, v in info.items() if k != "all"}, ensure_ascii=False, indent=2))
    return 0
