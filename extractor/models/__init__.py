"""The PERSON/ORGANIZATION model at run time: features and tagging (training is in models/training.py)."""
