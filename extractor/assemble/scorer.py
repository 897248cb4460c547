"""The learned scorer of candidate links: a logistic regression over named features, trained by
models/records_training.py with scikit-learn and shipped as JSON (feature → weight), so that running
it needs neither scikit-learn nor pickle: a dot product over the features a candidate has."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from vnextract.extractor.errors import ModelError
from vnextract.extractor.resources import MODELS_DIR

RECORDS_MODEL_DIR = MODELS_DIR / "records"


@dataclass(frozen=True)
class Scorer:
    """P(link is right) = sigmoid(bias + Σ weight × value); kept when at least `threshold`, or, with
    `keep_rules`, when the structured rules make the link (the scorer then only adds links)."""

    weights: dict[str, float]
    bias: float
    threshold: float
    keep_rules: bool = False

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def accepts(self, features: dict[str, float]) -> bool:
        return (self.keep_rules and features.get("rule", 0.0) > 0) or self.probability(features) >= self.threshold

    def to_json(self) -> dict:
        return {"bias": self.bias, "threshold": self.threshold, "keep_rules": self.keep_rules,
                "weights": dict(sorted(self.weights.items()))}

    @classmethod
    def from_json(cls, data: dict) -> Scorer:
        return cls({str(k): float(v) for k, v in data["weights"].items()}, float(data["bias"]), float(data["threshold"]),
                   bool(data.get("keep_rules", False)))


@cache
def shipped_scorer(kind: str, folder: str = str(RECORDS_MODEL_DIR)) -> Scorer | None:
    """The shipped scorer for 'official' or 'award' links; None (the rules decide) when there is no file."""
    path = Path(folder) / f"{kind}-links.json"
    if not path.is_file():
        return None
    try:
        return Scorer.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"the {kind} link scorer at {path} cannot be read: {exc}") from exc
