"""Gold corpora in the ANNOTATION.md format: the shipped corpus, its validator and format converters."""

from pathlib import Path

CORPORA_DIR = Path(__file__).resolve().parent
GOLD_DIR = CORPORA_DIR / "gold"
SAMPLE_ARTICLE = CORPORA_DIR / "samples" / "cum-thi-dua-so-4.txt"
