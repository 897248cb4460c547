"""One index per document, built once, that record assembly queries instead of rescanning: the
sentence that holds a position, the mentions of some labels inside a span, the last person named
before a position, and the position titles. Every query is a bisection over sorted spans, so
assembly costs time linear in the text (plus what the queries return)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from vnextract.extractor.assemble.titles import Title, find_titles
from vnextract.extractor.types import Mention, SegmentedText

WINDOW = 400        # no query looks further than this from its anchor: a sentence of an annex can be very long


class DocumentIndex:
    """Sorted spans of a document's sentences, mentions (by label) and titles."""

    def __init__(self, doc: SegmentedText, mentions: Iterable[Mention]) -> None:
        self.doc = doc
        self.text = doc.text
        self._sentence_starts = [s for s, _ in doc.sentences]
        self._paragraph_starts = [s for s, _ in doc.paragraphs]
        self.by_label: dict[str, list[Mention]] = {}
        for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
            self.by_label.setdefault(m.label, []).append(m)
        self._starts = {label: [m.start for m in ms] for label, ms in self.by_label.items()}
        persons = [m for m in self.by_label.get("PERSON", []) if len(m.text.split()) >= 2]
        persons.sort(key=lambda m: m.end)
        self._full_persons, self._full_person_ends = persons, [m.end for m in persons]
        self._persons_by_end = sorted(self.by_label.get("PERSON", []), key=lambda m: m.end)
        self._person_ends = [m.end for m in self._persons_by_end]
        self._bodies_by_end = sorted(self.by_label.get("ORGANIZATION", []), key=lambda m: m.end)
        self._body_ends = [m.end for m in self._bodies_by_end]
        self._awards_by_end = sorted(self.by_label.get("AWARD", []), key=lambda m: m.end)
        self._award_ends = [m.end for m in self._awards_by_end]
        self.person_starts = frozenset(m.start for m in self.by_label.get("PERSON", []))
        self._sorted_person_starts = sorted(self.person_starts)
        self.titles: list[Title] = find_titles(self.text, self.by_label.get("ORGANIZATION", []), self.person_starts)
        self._title_starts = [t.start for t in self.titles]
        self._title_ends = [t.end for t in self.titles]

    def mentions(self, label: str) -> list[Mention]:
        return self.by_label.get(label, [])

    def sentence(self, position: int) -> tuple[int, int]:
        """The sentence that holds `position` (or a one-character span when none does)."""
        k = bisect_right(self._sentence_starts, position) - 1
        if k >= 0:
            start, end = self.doc.sentences[k]
            if start <= position < end:
                return start, end
        return position, position + 1

    def within(self, labels: Iterable[str], start: int, end: int) -> list[Mention]:
        """Mentions of these labels that lie inside [start, end), in text order."""
        found: list[Mention] = []
        for label in labels:
            ms, starts = self.by_label.get(label, []), self._starts.get(label, [])
            found += [m for m in ms[bisect_left(starts, start):bisect_left(starts, end)] if m.end <= end]
        found.sort(key=lambda m: (m.start, -m.end))
        return found

    def starting_at(self, label: str, start: int) -> Mention | None:
        """The longest mention of this label that starts at `start`."""
        ms, starts = self.by_label.get(label, []), self._starts.get(label, [])
        k = bisect_left(starts, start)
        return ms[k] if k < len(starts) and starts[k] == start else None

    def top_level(self, labels: Iterable[str], start: int, end: int) -> list[Mention]:
        """Mentions inside [start, end) that no longer one of these labels contains."""
        kept: list[Mention] = []
        reach = -1
        reach_span = (-1, -1)
        for m in self.within(labels, start, end):
            if m.end <= reach and (m.start, m.end) != reach_span:
                continue
            kept.append(m)
            if m.end > reach:
                reach, reach_span = m.end, (m.start, m.end)
        return kept

    def last_full_person(self, before: int) -> Mention | None:
        """The last person named with two or more words that ends at or before `before`."""
        k = bisect_right(self._full_person_ends, before) - 1
        return self._full_persons[k] if k >= 0 else None

    def last_person(self, before: int) -> Mention | None:
        """The person mention that ends last at or before `before`."""
        k = bisect_right(self._person_ends, before) - 1
        return self._persons_by_end[k] if k >= 0 else None

    def last_body(self, head: str, before: int) -> Mention | None:
        """The organisation named last, ending at or before `before` and within WINDOW of it, whose name begins with
        the word(s) `head` (case-folded): what 'công ty', 'bệnh viện' refer back to."""
        k = bisect_right(self._body_ends, before) - 1
        while k >= 0 and self._bodies_by_end[k].end >= before - WINDOW:
            m = self._bodies_by_end[k]
            if m.text.casefold().startswith(head + " "):
                return m
            k -= 1
        return None

    def last_award(self, before: int) -> Mention | None:
        """The award mention that ends last at or before `before`."""
        k = bisect_right(self._award_ends, before) - 1
        return self._awards_by_end[k] if k >= 0 else None

    def person_ends_between(self, start: int, end: int) -> bool:
        """A person mention ends in (start, end]."""
        return bisect_right(self._person_ends, end) > bisect_right(self._person_ends, start)

    def person_starts_between(self, start: int, end: int) -> bool:
        """A person mention starts in [start, end)."""
        return bisect_left(self._sorted_person_starts, end) > bisect_left(self._sorted_person_starts, start)

    def next_person_start(self, position: int) -> int | None:
        """Where the first person named after `position` starts."""
        k = bisect_right(self._sorted_person_starts, position)
        return self._sorted_person_starts[k] if k < len(self._sorted_person_starts) else None

    def next_sentence_end(self, position: int, count: int) -> int:
        """The end of the `count`-th sentence after the one holding `position`."""
        k = bisect_right(self._sentence_starts, position) - 1 + count
        return self.doc.sentences[min(k, len(self.doc.sentences) - 1)][1] if self.doc.sentences else position

    def next_sentence(self, position: int) -> tuple[int, int] | None:
        """The first sentence that starts at or after `position`."""
        k = bisect_left(self._sentence_starts, position)
        return self.doc.sentences[k] if k < len(self.doc.sentences) else None

    def titles_from(self, position: int) -> list[Title]:
        """Titles that start at or after `position`, nearest first, within the window."""
        k = bisect_left(self._title_starts, position)
        out = []
        while k < len(self.titles) and self.titles[k].start < position + WINDOW:
            out.append(self.titles[k])
            k += 1
        return out

    def titles_before(self, position: int) -> list[Title]:
        """Titles that end at or before `position`, nearest first, within the window."""
        k = bisect_right(self._title_ends, position) - 1
        out = []
        while k >= 0 and self.titles[k].end > position - WINDOW:
            out.append(self.titles[k])
            k -= 1
        return out

    def title_over(self, start: int, end: int) -> Title | None:
        """The title whose span holds [start, end) ('Ủy ban MTTQ tỉnh' in 'Phó Chủ tịch Ủy ban MTTQ tỉnh')."""
        k = bisect_right(self._title_starts, start) - 1
        return self.titles[k] if k >= 0 and self.titles[k].end >= end else None

    def paragraphs_from(self, position: int, limit: int) -> list[tuple[int, int]]:
        """The paragraphs that start after `position`, at most `limit` of them (lines of a list or a table)."""
        k = bisect_right(self._paragraph_starts, position)
        return list(self.doc.paragraphs[k:k + limit])

    def original_span(self, start: int, end: int) -> list[int]:
        """A shadow span as [start, end] in the original text."""
        a, b = self.doc.shadow.offsets.to_original(start, end)
        return [a, b]
