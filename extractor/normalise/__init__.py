"""normalise: RawDocument → ShadowText."""

from extractor.normalise.unicode import normalise

__all__ = ["normalise"]
