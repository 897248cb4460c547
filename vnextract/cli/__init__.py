"""The `vnextract` command: the composition root. One module per group of subcommands; each
reaches the library, api/, evaluation/ or corpora/ lazily inside its handler, so that
`vnextract extract` imports only the library."""

from __future__ import annotations

import argparse
import logging
import sys

from vnextract import __version__
from vnextract.cli import archive, batch, corpus, evaluate, extract, serve, train
from vnextract.cli.extras import MissingExtra

COMMAND_GROUPS = (extract, serve, batch, archive, evaluate, corpus, train)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vnextract", description="Structured facts from Vietnamese government text.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    parser.add_argument("--version", action="version", version=f"vnextract {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for group in COMMAND_GROUPS:
        group.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    from vnextract.extractor.errors import ExtractorError

    try:
        return args.func(args)
    except MissingExtra as exc:
        print(f"vnextract: {exc}", file=sys.stderr)
        return 3
    except (ExtractorError, OSError, ValueError) as exc:
        print(f"vnextract: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
