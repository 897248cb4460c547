"""Trained models: the CRF for PERSON and ORGANIZATION (features, training, tagging)."""
