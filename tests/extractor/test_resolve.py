"""resolve: mentions of different labels nest but never cross (ANNOTATION.md), on sentences written
for these tests; the mentions are given as recognisers would give them, with their scores."""

from __future__ import annotations

from vnextract.extractor.resolve import resolve
from vnextract.extractor.types import MODEL_SCORE, Mention


def _mention(text: str, label: str, phrase: str, score: float) -> Mention:
    start = text.index(phrase)
    return Mention(label, start, start + len(phrase), phrase, score=score)


def _found(mentions: list[Mention]) -> list[tuple[str, str]]:
    return [(m.label, m.text) for m in resolve(mentions)]


def test_a_person_beginning_inside_an_organisation_loses_the_organisations_words():
    text = "Giám đốc Công ty TNHH Hải Triều Phạm Minh Khoa phát biểu."
    found = _found([_mention(text, "ORGANIZATION", "Công ty TNHH Hải Triều", 0.6),
                    _mention(text, "PERSON", "Triều Phạm Minh Khoa", 0.7)])
    assert found == [("ORGANIZATION", "Công ty TNHH Hải Triều"), ("PERSON", "Phạm Minh Khoa")]


def test_what_is_left_of_a_person_must_still_read_as_a_name():
    text = "Ông Smith, tư lệnh Bộ Chỉ huy Thái Bình Dương Mỹ, đến Hà Nội."
    found = _found([_mention(text, "ORGANIZATION", "Bộ Chỉ huy Thái Bình Dương", MODEL_SCORE),
                    _mention(text, "PERSON", "Dương Mỹ", 0.7)])
    assert found == [("ORGANIZATION", "Bộ Chỉ huy Thái Bình Dương")]      # "Mỹ" is a country, no name


def test_an_unsure_model_organisation_gives_way_to_a_rules_person_it_runs_out_of():
    text = "Tổng thống John F. Kennedy thăm London năm 1961."
    found = _found([_mention(text, "PERSON", "John F. Kennedy", 0.7),
                    _mention(text, "ORGANIZATION", "Kennedy thăm London", MODEL_SCORE)])
    assert found == [("PERSON", "John F. Kennedy")]


def test_an_organisation_crossing_two_awards_is_dropped():
    text = "Xã được tặng danh hiệu Anh hùng Lực lượng vũ trang nhân dân và Anh hùng Lao động."
    found = _found([_mention(text, "AWARD", "Anh hùng Lực lượng vũ trang nhân dân", 1.0),
                    _mention(text, "ORGANIZATION", "nhân dân và Anh hùng Lao", 0.7),
                    _mention(text, "AWARD", "Anh hùng Lao động", 1.0)])
    assert found == [("AWARD", "Anh hùng Lực lượng vũ trang nhân dân"), ("AWARD", "Anh hùng Lao động")]


def test_nested_mentions_of_different_labels_stay():
    text = "Sở Y tế tỉnh Nam Định tổ chức hội nghị."
    found = _found([_mention(text, "ORGANIZATION", "Sở Y tế tỉnh Nam Định", 0.95),
                    _mention(text, "PROVINCE", "Nam Định", 0.9)])
    assert found == [("ORGANIZATION", "Sở Y tế tỉnh Nam Định"), ("PROVINCE", "Nam Định")]
