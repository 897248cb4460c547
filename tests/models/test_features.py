"""The CRF's document features: a capitalised name carries the contexts it has at its other
occurrences in the document, the same whether the model reads a paragraph or a window of it."""

from __future__ import annotations

from vnextract.extractor.models.features import featurise, syllables

TEXT = ("Chiếc xe điện đầu tiên của hãng Tesla vừa được bán tại Hà Nội.\n"
        "Sau đó, Tesla cho biết sẽ mở thêm hai cửa hàng trong năm tới.\n"
        "Người mua đầu tiên là ông Nguyễn Văn Bình; Bình cho biết xe chạy êm.")


def _row(text: str, word: str, occurrence: int, *, start: int = 0, end: int | None = None) -> list[str]:
    sylls = syllables(text, start, end)
    rows = featurise(text, sylls, [], document=True)
    positions = [k for k, s in enumerate(sylls) if s.text == word]
    return [f for f in rows[positions[occurrence]] if f.startswith("doc:")]


def test_a_name_carries_the_contexts_of_its_other_occurrences_not_its_own():
    second = _row(TEXT, "Tesla", 1)
    assert "doc:dl=hãng" in second and "doc:dl2=của hãng" in second and "doc:dr=vừa" in second
    assert "doc:dl=," not in second and "doc:dr=cho" not in second
    first = _row(TEXT, "Tesla", 0)
    assert "doc:dl=," in first and "doc:dr=cho" in first and "doc:dl=hãng" not in first


def test_a_given_name_learns_it_ends_a_full_name_elsewhere():
    alone = _row(TEXT, "Bình", 1)
    assert "doc:din=nguyễn" in alone and "doc:dl=ông" in alone
    assert "doc:din=nguyễn" not in _row(TEXT, "Nguyễn", 0)


def test_a_name_seen_once_or_a_lower_case_word_has_no_document_features():
    assert _row(TEXT, "Hà", 0) == []
    assert _row(TEXT, "hãng", 0) == []
    assert not any(f.startswith("doc:") for row in featurise(TEXT, syllables(TEXT), []) for f in row)


def test_a_window_sees_the_same_document_features_as_its_paragraph():
    second_line = TEXT.index("Sau đó")
    window_start = TEXT.index("Tesla cho")
    window_end = TEXT.index(" sẽ mở")
    assert _row(TEXT, "Tesla", 0, start=window_start, end=window_end) == _row(
        TEXT, "Tesla", 0, start=second_line, end=TEXT.index("\n", second_line))
