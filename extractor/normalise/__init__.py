"""normalise: RawDocument → ShadowText."""

from vnextract.extractor.normalise.unicode import normalise

__all__ = ["normalise"]
