"""Evaluation harness: score documents in the ANNOTATION.md format against gold."""

from vnextract.evaluation.metrics import MISSION_LABELS, evaluate

__all__ = ["MISSION_LABELS", "evaluate"]
