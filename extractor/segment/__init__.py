"""segment: ShadowText → SegmentedText (paragraphs → sentences → words)."""

from extractor.segment.sentences import segment

__all__ = ["segment"]
