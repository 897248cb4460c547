"""PERSON and ORGANIZATION from the statistical model (the CRF in extractor/models/), as a recogniser
that runs after the rules: it reads only around capitalised words they left unexplained, and keeps
a span only when it is shaped like what it claims (`plausible`)."""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

from vnextract.extractor.lexicon import NOT_PERSON_CONTEXT, ends_with_person, has_stopword, head_word_at, surnames
from vnextract.extractor.models import crf
from vnextract.extractor.types import Mention, SegmentedText

DEFAULT_MODEL = crf.DEFAULT_MODEL


def recognise(doc: SegmentedText, earlier: list[Mention], *, path: str = str(DEFAULT_MODEL)) -> list[Mention]:
    return crf.fill_gaps(doc, earlier, path=path)


def loaded(path: str | Path) -> partial[list[Mention]]:
    """`recognise` bound to the model at `path`, loaded now (a missing or corrupt file fails here,
    not on the first document)."""
    crf.load_tagger(str(path))
    return partial(recognise, path=str(path))


def plausible(mention: Mention, doc: SegmentedText) -> bool:
    """The model's span is shaped like what it claims: a person is a family name and capitalised
    syllables (or a foreign name) not in a street's or a place's name; an organisation begins with a
    known head word and holds no verb."""
    text = doc.text
    words = mention.text.split()
    before = text[max(0, mention.start - 30):mention.start].casefold()
    if mention.label == "PERSON":
        shaped = 2 <= len(words) <= 4 and all(w[0].isupper() and not w.isupper() for w in words)
        named = words[0] in surnames() or all(w.isascii() for w in words)
        return shaped and named and not NOT_PERSON_CONTEXT.search(before) and not _NAMED_AFTER.search(before)
    if len(words) < 3 or len(words) > 10 or words[-1].casefold() in _GENERIC_TAIL:
        return False                                   # "Công an", "Ủy ban nhân dân tỉnh": no name of its own
    if ends_with_person(text, mention.start, mention.end) or _ONE_WORD_PROVINCE.search(mention.text):
        return False                                   # "UBND thành phố Lê Thanh Hải", "UBND tỉnh Công" swallow a person
    if _LAW_NAME_BEFORE.search(before) or _CUT_AT_PHONG_CHONG.match(text, mention.end):
        return False                                   # "Luật Tổ chức Chính phủ"; "Ban Chỉ huy Phòng|, chống …"
    return head_word_at(text, mention.start) and not has_stopword(mention.text)


_ONE_WORD_PROVINCE = re.compile(r"(?<!\w)[Tt]ỉnh [^\W\d_]+\Z")   # a province has two syllables or more
_GENERIC_TAIL = {"tỉnh", "huyện", "xã", "phường", "quận", "phố", "trấn", "tp", "thông"}
_LAW_NAME_BEFORE = re.compile(r"\bluật(?:\s+\w+){0,3}\s+\Z")
_CUT_AT_PHONG_CHONG = re.compile(r",\s*chống\b")
_NAMED_AFTER = re.compile(r"(?:mang tên|đặt tên|tên là|phường|xã|quận|huyện|khu đô thị|quảng trường)\s*\Z")
