"""segment: ShadowText → SegmentedText (paragraphs → sentences → words)."""

from vnextract.extractor.segment.sentences import segment

__all__ = ["segment"]
