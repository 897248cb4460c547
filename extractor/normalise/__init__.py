"""normalise: RawDocument → ShadowText."""

from vnextract.extractor.normalise.unicode import normalise, normalised

__all__ = ["normalise", "normalised"]
