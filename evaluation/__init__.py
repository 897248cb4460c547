"""Evaluation harness: score documents in the ANNOTATION.md format against gold."""

from vnextract.evaluation.metrics import LABELS, MISSION_LABELS, evaluate

__all__ = ["LABELS", "MISSION_LABELS", "evaluate"]
