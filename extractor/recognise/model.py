"""PERSON and ORGANIZATION from the statistical model (the CRF in extractor/models/), as a recogniser
that runs after the rules and is combined with them by its calibrated probability, not by the
shape of its spans.

The combination, stated once (its thresholds are chosen on held-out data and written in the
model's card, `Combination`):
- a span with p below `floor` is not output;
- a span with p at or above `override` scores OVERRIDE_SCORE: above an open-ended rule pattern
  (0.6–0.7: "head word + name", a name without a cue, a byline), below a lexicon or strong-pattern
  hit (0.9–1.0), so where they overlap resolution keeps it over the first and drops it for the
  second, unless it is longer and contains the rule's span (as any mention scoring at least 0.6
  may: a name the rule cut short);
- any other span scores MODEL_SCORE, below every rule: it only fills gaps.
Each label may have its own pair of thresholds (`Combination.per_label`). A name tagged with p at
or above its label's `Combination.repeat` is tagged wherever else the text has it and nothing covers
it, with the same p, and obeys the same vetoes.
Each mention says why: "crf p=0.93" ("crf p=0.93, as elsewhere in the text" for a repeat).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path

from vnextract.extractor.lexicon import (
    LOWER,
    NOT_PERSON_CONTEXT,
    UPPER,
    after_house_number,
    common_acronyms,
    country_names,
    cue_before,
    exam_before,
    generic_before,
    in_place_list,
    is_dateline,
    is_lunar_year,
    is_place_name,
    lower_case_acronyms,
    lunar_year_after,
    names_local_unit,
    not_person_names,
    organisation_lexicon,
    overlaps_title,
    party_years_before,
    places_named,
    province_at,
    surnames,
)
from vnextract.extractor.models import crf
from vnextract.extractor.types import MODEL_SCORE, OVERRIDE_SCORE, STRONG_RULE_SCORE, Mention, SegmentedText, Token

DEFAULT_MODEL = crf.DEFAULT_MODEL
LABELS = crf.LABELS


def recognise(doc: SegmentedText, earlier: list[Mention], *, path: str = str(DEFAULT_MODEL),
              labels: Iterable[str] = LABELS, combination: crf.Combination | None = None) -> list[Mention]:
    model = crf.load_model(path)
    chosen = combination or model.combination
    if chosen.reads == "paragraphs":
        spans = crf.recognise(doc, path=path)
    else:
        spans = crf.fill_gaps(doc, earlier, path=path, explaining=STRONG_RULE_SCORE if chosen.reads == "gaps" else 0.0)
    return mentions(doc.text, spans, chosen, labels, earlier=earlier, doc=doc)


def repeats(text: str, spans: Sequence[crf.Span], taken: Iterable[tuple[int, int]], floors: dict[str, float],
            words_in: Callable[[int, int], list[Token]] | None = None) -> list[crf.Span]:
    """The other occurrences of each name in `spans` with p at or above its label's floor, where
    nothing `taken` lies (the rules' mentions, the model's spans): "Vinamilk" tagged surely in one
    sentence is Vinamilk in the next. So is a sure person's last word alone, with no other capitalised
    word beside it: "Tú" after "Văn Ngọc Tú", "Jolie" after "Angelina Jolie" (the PERSON rules do the
    same for the full names they find). An occurrence must be whole words, for the word segmenter too
    (`words_in`: "Sơn" is no name inside "Tân Sơn Nhất", nor "Hà" in "Hà nội"). A name tagged with two
    labels keeps the surer."""
    sure: dict[str, crf.Span] = {}
    last_words: dict[str, crf.Span] = {}              # a person's last word, alone elsewhere: "Tú" after "Văn Ngọc Tú"
    for s in spans:
        if s.p >= floors.get(s.label, 2.0):
            name = text[s.start:s.end]
            if name not in sure or s.p > sure[name].p:
                sure[name] = s
            last = name.split()[-1]
            if s.label == "PERSON" and " " in name and len(last) > 1 and last[0].isupper() and last[1:].islower() and (
                    last not in last_words or s.p > last_words[last].p):
                last_words[last] = s
    if not sure:
        return []
    covered = bytearray(len(text) + 1)
    for start, end in taken:
        covered[start:end] = b"\x01" * (end - start)
    by_first_word: dict[str, list[str]] = defaultdict(list)
    for name in sure:
        first = _WORD.match(name)
        if first:
            by_first_word[first.group()].append(name)
    found = []
    for word in _WORD.finditer(text):
        for name in by_first_word.get(word.group(), ()):
            start, end = word.start(), word.start() + len(name)
            if (text.startswith(name, start) and not _WORD_CHAR.match(text, end)
                    and covered.find(1, start, end) == -1 and not _cuts_a_word(start, end, words_in)):
                found.append(sure[name]._replace(start=start, end=end, repeated=True))
                covered[start:end] = b"\x01" * (end - start)
        start, end = word.span()
        if (word.group() in last_words and covered.find(1, start, end) == -1 and not _cuts_a_word(start, end, words_in)
                and not _CAPITALISED_BEFORE.search(text, max(0, start - 30), start)
                and not _CAPITALISED_AFTER.match(text, end)):
            found.append(last_words[word.group()]._replace(start=start, end=end, repeated=True))
            covered[start:end] = b"\x01" * (end - start)
    return found


def _cuts_a_word(start: int, end: int, words_in: Callable[[int, int], list[Token]] | None) -> bool:
    if words_in is None:
        return False
    return any(w.start < edge < w.end for w in words_in(max(0, start - _LONGEST_WORD), end) for edge in (start, end))


_WORD = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")
_CAPITALISED_BEFORE = re.compile(rf"(?<!\w)[{UPPER}]\w*[ \t]\Z")      # a word alone, not one of a longer name's
_CAPITALISED_AFTER = re.compile(rf"[ \t]+[{UPPER}]")
_LONGEST_WORD = 60                  # characters: a segmenter's word that could cross an occurrence's start


def mentions(text: str, spans: Iterable[crf.Span], combination: crf.Combination,
             labels: Iterable[str] = LABELS, *, earlier: Sequence[Mention] = (),
             doc: SegmentedText | None = None) -> list[Mention]:
    """The model's spans, and the repeats of its surest names, as mentions by the combination's rule
    (`earlier`: the rules' mentions; `doc`, when given, has the words a repeat must not cut). A
    PERSON right after a word that makes a name something else's ("đường", "trường", "công ty":
    lexicon.NOT_PERSON_CONTEXT, the context the PERSON rules obey) is not output, nor a news
    dateline's place ("HÀ NỘI -"), nor an organisation after a quantifier or a count ("các Sở
    GD-ĐT", the ORGANIZATION rules' test) or one that is an acronym of a common noun, known ("HSSV",
    "GDP") or defined in the text for a lower-case phrase ("doanh nghiệp nhà nước (DNNN)"). A repeat
    obeys the same vetoes; a name a veto refused is not repeated."""
    thresholds = {label: combination.thresholds(label) for label in labels}
    person_ends = {m.end: m.start for m in earlier if m.label == "PERSON"}
    common_nouns = lower_case_acronyms(text) | common_acronyms() if "ORGANIZATION" in thresholds else frozenset()
    places = places_named(text) if "PERSON" in thresholds else frozenset()
    given = frozenset(name.split()[-1] for name in
                      [m.text for m in earlier if m.label == "PERSON"] + [text[s.start:s.end] for s in spans
                                                                           if s.label == "PERSON"]
                      if " " in name)

    def kept(s: crf.Span) -> crf.Span | None:
        """The span as output (a foreign PERSON made whole), or None when it is below its floor or vetoed."""
        if s.label not in thresholds or s.p < thresholds[s.label][0]:
            return None
        if s.label == "PERSON" and (NOT_PERSON_CONTEXT.search(text[max(0, s.start - 30):s.start].casefold())
                                    or _street_family_cut(text, s.start)
                                    or (in_place_list(text, s.start) and not cue_before(text, s.start))):
            return None                                # "đường Lê Lợi", "đường Lý Thường Kiệt, Nguyễn Chí Thanh",
                                                       # "đường Trần | Kim Xuyến"
        if is_dateline(text, s.start, s.end):
            return None                                # "HẢI CHÂU - Sáng 12/3, …": the place of a dateline
        if s.label == "PERSON":
            return None if _not_a_person(text, s, places, given) else s._replace(end=_whole_name_end(text, s.start, s.end))
        if _swallows_a_person(s, person_ends) or _ONE_SYLLABLE_PROVINCE.search(text, s.start, s.end):
            return None                                # "Chủ tịch UBND tỉnh Trần Văn Nam", "UBND tỉnh Công": the person
        if generic_before(text, s.start) or text[s.start:s.end] in common_nouns or party_years_before(text, s.start):
            return None                                # "các Sở GD-ĐT", "doanh nghiệp nhà nước (DNNN)": no one body
        if text[s.start:s.end].split()[0].isupper() and exam_before(text, s.start):
            return None                                # "kỳ thi THPT Quốc gia": an exam, as the rules know
        if (_unbalanced(text[s.start:s.end]) or country_names().fullmatch(text, s.start, s.end)
                or organisation_lexicon().is_head(text[s.start:s.end])
                or _TICKER_BEFORE.search(text, max(0, s.start - 20), s.start)):
            return None                                # "MTTQ) Việt Nam": a piece of a name; a country is a place;
                                                       # "Công ty" alone a bare type word; "cổ phiếu HNF" a share
        closed = _CLOSED_THEN_SMALL.search(text, s.start, s.end)
        return s._replace(end=closed.start(1)) if closed else s   # ends as the rules end a name

    spans = list(spans)
    out = [k for s in spans if (k := kept(s)) is not None]
    floors = {label: p for label, p in combination.repeat.items() if label in thresholds}
    if floors:
        taken = [(m.start, m.end) for m in earlier] + [(s.start, s.end) for s in spans + out]
        words_in = doc.words_in if doc is not None else None
        out += [k for r in repeats(text, out, taken, floors, words_in) if (k := kept(r)) is not None]
    return [Mention(s.label, s.start, s.end, text[s.start:s.end], score=score(s.p, thresholds[s.label]),
                    explanation=f"crf p={s.p:.2f}" + (", as elsewhere in the text" if s.repeated else ""))
            for s in out]


# A unit's number, a bare place word or a party committee, then small words to the span's end: the
# name ends before them ("Ban Thường vụ Tỉnh ủy | quản lý", "Bệnh viện 115 | cấp cứu"), as in
# organization.extend_name. The span's end is `search`'s endpos, where \Z matches.
_CLOSED_THEN_SMALL = re.compile(
    rf"(?:(?<!\w)(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng)[ \t]+(?:ủy|uỷ)|(?<=[\w.][ \t])\d+|(?<!\w)(?:tỉnh|huyện|quận|xã|phường))"
    rf"((?:[ \t]+(?!(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường)(?![{LOWER}]))[{LOWER}]+)+)\Z")
_PLACE_TYPE_FIRST = re.compile(r"(?:Quận|Huyện|Tỉnh|Thành phố|TP|Xã|Phường|Thị xã|Thị trấn|[HQ]\.|TX\.)(?:[ \t.]|(?<=\.))")
_TICKER_BEFORE = re.compile(r"(?<!\w)(?:cổ phiếu|mã chứng khoán|mã CK|mã)[ \t]+\Z")


_HYPHENED = re.compile(r"-[a-z]+(?![\w-])")                 # "Kim Jong-un", "Seo Ok-ryol", "Haider al-Abadi"
_INITIAL_THEN_NAME = re.compile(r"\.[ \t]?[A-Z][a-z]+(?!\w)")  # "George W. Bush", "John J. Martin"


def _whole_name_end(text: str, start: int, end: int) -> int:
    """The end of a foreign name the model cut where its syllables split: before the small part of a
    hyphened syllable, or after an initial before the last name."""
    if (hyphened := _HYPHENED.match(text, end)) and text[end - 1].isalpha():
        return hyphened.end()
    base = end - 1 if text[end - 1] == "." else end      # the model's span may hold the initial's full stop
    if base - start >= 3 and text[base - 1].isupper() and text[base - 2] == " " and (
            initial := _INITIAL_THEN_NAME.match(text, base)):
        return initial.end()
    return end


def _unbalanced(span: str) -> bool:
    return span.count("(") != span.count(")")


_ONE_SYLLABLE_PROVINCE = re.compile(r"(?<!\w)[Tt]ỉnh [^\W\d_]+\Z")   # a province's name has two syllables or more


def _not_a_person(text: str, span: crf.Span, places: frozenset[str], given: frozenset[str] = frozenset()) -> bool:
    """What the PERSON rules know, which the model does not: a place's whole name (a province or a
    district: "Kiến Xương", "Cẩm Xuyên", a country: "Hà Lan", or a place the text names by its kind
    elsewhere: "cửa khẩu Trà Lĩnh") or a lunar year ("Giáp Thân") is not a person's unless a cue says
    so ("ông Thái Bình"); a name after a house number is a street's ("số 12 Lê Duẩn"), one after a
    district's or a ward's type word is the unit's ("TP. Cao Lãnh", `lexicon.names_local_unit`), and so
    is one that begins with such a word ("Quận Thanh Xuân", "H.Chư Sê"). Nor is a phrase the rules
    know is no name ("Lạc Hồng", `lexicon.not_person_names`), unless a cue says so. Nor is one word that
    is an organisation's type word ("Đoàn sẽ làm việc với …": the delegation), unless a cue says so
    or a full name in the text ends with it (`given`: "bị cáo Lê Văn Đoàn" … "Đoàn khai").
    (One capitalised syllable without a cue stays the model's call: on held-out VLSP news, refusing
    it lost a hundred names, "Putin" and "Messi" among them, for a few "Đoàn"s.)"""
    if (after_house_number(text, span.start) or names_local_unit(text, span.start, span.end)
            or _PLACE_TYPE_FIRST.match(text, span.start, span.end)):
        return True                                    # "số 12 Lê Duẩn", "TP. Cao Lãnh", "Quận Thanh Xuân", "H.Chư Sê"
    if _cuts_a_province(text, span.start, span.end):
        return True                                    # "Lạng Sơn-Hà | Nội": a piece of a route between places
    if _STREET_FIRST.match(text, span.start, span.end) or overlaps_title(text, span.start, span.end):
        return True                                    # "Đường Lê Văn Hưu": a street; "nguyên Phó | Chủ nhiệm": a title
    name = text[span.start:span.end]
    if " " not in name and lunar_year_after(text, span.end):
        return True                                    # "đầu Xuân Giáp Thìn": the spring of a year
    if " " not in name and name not in given and organisation_lexicon().is_head(name):
        return not cue_before(text, span.start)
    return ((is_place_name(name) or is_lunar_year(name) or country_names().fullmatch(name) is not None
             or name in places or name in not_person_names()) and not cue_before(text, span.start))


def _street_family_cut(text: str, start: int) -> bool:
    """The span begins one word after a family name that a street's, a school's or a place's word
    comes before: the model cut the family name off the name of a thing named after a person
    ("đường Trần | Kim Xuyến"), which the context veto only sees whole."""
    family = _WORD_BEFORE.search(text, max(0, start - 12), start)
    return bool(family and family.group(1) in surnames()
                and NOT_PERSON_CONTEXT.search(text[max(0, family.start() - 30):family.start()].casefold()))


_WORD_BEFORE = re.compile(rf"(?<!\w)([{UPPER}][{LOWER}]*)[ \t]\Z")
_STREET_FIRST = re.compile(r"(?:Đường|Phố|Đại lộ|Ngõ|Hẻm)[ \t]")


def _cuts_a_province(text: str, start: int, end: int) -> bool:
    """A province's name begins inside the span and ends after it."""
    return any((stop := province_at(text, start + w.start())) is not None and stop > end
               for w in _WORD.finditer(text[start:end]))


def _swallows_a_person(span: crf.Span, person_ends: dict[int, int]) -> bool:
    """The span runs on over a person the PERSON rules found, to its end ("UBND tỉnh Trần Văn Nam",
    "Tổ chức Thương mại Thế giới Roberto Azevedo"): the rules' name (a family name and capitalised
    syllables, or a name after a cue) is the stronger evidence. `person_ends`: end → start."""
    start = person_ends.get(span.end)
    return start is not None and start > span.start


def score(p: float, thresholds: tuple[float, float]) -> float:
    """A model span's score in resolution, from its probability and its label's (floor, override)."""
    return OVERRIDE_SCORE if p >= thresholds[1] else MODEL_SCORE


def loaded(path: str | Path, *, labels: Iterable[str] = LABELS,
           combination: crf.Combination | None = None) -> partial[list[Mention]]:
    """`recognise` bound to the model at `path` (loaded now: a missing or corrupt file fails here,
    not on the first document), to the labels it may output and, when given, to a combination other
    than its card's."""
    crf.load_model(str(path))
    unknown = set(labels) - set(LABELS)
    if unknown:
        raise ValueError(f"the model outputs only {', '.join(LABELS)}, not {sorted(unknown)}")
    return partial(recognise, path=str(path), labels=tuple(labels), combination=combination)
