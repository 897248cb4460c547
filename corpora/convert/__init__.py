"""Converters between the ANNOTATION.md document format and other annotation formats.

Each module has `to_<format>(docs)` and `from_<format>(data)`. What a format cannot hold is said
in its docstring; everything else round-trips exactly.
"""

FORMATS = ("conll", "doccano", "labelstudio", "spacy")
