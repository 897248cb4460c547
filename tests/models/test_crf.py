"""The PERSON/ORGANIZATION CRF: deterministic training, the shipped model tags realistic
sentences offline, a missing or corrupt model file is a clear error."""

from __future__ import annotations

import json

import pytest

from vnextract.corpora import GOLD_DIR
from vnextract.extractor import Extractor
from vnextract.extractor.errors import ModelError
from vnextract.extractor.models import crf
from vnextract.extractor.normalise import normalise
from vnextract.extractor.recognise import MODEL, REGISTRY
from vnextract.extractor.recognise import model as model_recogniser
from vnextract.extractor.segment import segment
from vnextract.extractor.types import MODEL_SCORE, OVERRIDE_SCORE, Mention, RawDocument
from vnextract.models import data, training


def _tiny_corpus() -> list[dict]:
    lines = (GOLD_DIR / "train.jsonl").read_text(encoding="utf-8").splitlines()[:6]
    return [json.loads(line) for line in lines]


def test_training_on_a_tiny_corpus_is_deterministic(tmp_path, capfd):
    first, second = tmp_path / "a.bin", tmp_path / "b.bin"
    info = training.train(_tiny_corpus(), first, iterations=15)
    training.train(_tiny_corpus(), second, iterations=15)
    capfd.readouterr()                                     # the trainer reports its iterations on stdout
    # the file's byte order follows a hash map, and sums in another order differ in the last bits;
    # what is learned is the same: the same tags with the same scores
    text = "Chủ tịch UBND tỉnh Bắc Ninh Vương Quốc Tuấn làm việc với Sở Y tế tỉnh Quảng Ninh."
    sylls = crf.syllables(text)
    words = training.word_spans(text, 0, len(text))
    spans_a, spans_b = (crf.load_model(str(p)).spans(text, sylls, words) for p in (first, second))
    assert [s[:3] for s in spans_a] == [s[:3] for s in spans_b]
    assert [s.p for s in spans_a] == pytest.approx([s.p for s in spans_b], rel=1e-9)
    assert info["labels"] == ["B-ORGANIZATION", "B-PERSON", "I-ORGANIZATION", "I-PERSON", "O"]


def test_the_split_is_fixed_by_seed():
    ids = [f"vlsp2018-{n}" for n in range(400)]
    dev = [i for i in ids if data.split_of(i, dev_fraction=0.15, seed=13) == "dev"]
    assert dev == [i for i in ids if data.split_of(i, dev_fraction=0.15, seed=13) == "dev"]
    assert 30 <= len(dev) <= 90
    assert dev != [i for i in ids if data.split_of(i, dev_fraction=0.15, seed=14) == "dev"]
    parts = [data.vlsp_part(i) for i in ids]
    assert [i for i, part in zip(ids, parts, strict=True) if part == "test"] == dev        # the first model's held-out documents
    assert 20 <= parts.count("validation") <= 60 and parts.count("train") > 250
    folds = [data.fold_of(i, 5) for i in ids]
    assert set(folds) == {0, 1, 2, 3, 4} and folds == [data.fold_of(i, 5) for i in ids]


@pytest.mark.skipif(not crf.DEFAULT_MODEL.is_file(), reason="the shipped model is not built yet")
@pytest.mark.parametrize("text, expected", [
    ("Bộ trưởng Bộ Y tế Đào Hồng Lan làm việc với UBND tỉnh Nghệ An.",
     [("PERSON", "Đào Hồng Lan"), ("ORGANIZATION", "Bộ Y tế"), ("ORGANIZATION", "UBND tỉnh Nghệ An")]),
    ("Ông Nguyễn Văn Bình cho biết Công ty Cổ phần Sữa Việt Nam đã hoàn thành kế hoạch.",
     [("PERSON", "Nguyễn Văn Bình"), ("ORGANIZATION", "Công ty Cổ phần Sữa Việt Nam")]),
])
def test_the_shipped_model_tags_realistic_sentences(text, expected):
    found = [(label, text[s:e]) for label, s, e in training.tag_text(text)]
    for item in expected:
        assert item in found


def test_a_missing_model_is_a_clear_error(tmp_path):
    with pytest.raises(ModelError, match="missing"):
        Extractor(model=str(tmp_path / "none.bin"))


def test_a_corrupt_model_is_a_clear_error(tmp_path):
    broken = tmp_path / "broken.bin"
    broken.write_bytes(b"not a CRF model at all")
    with pytest.raises(ModelError, match="cannot be loaded"):
        Extractor(model=str(broken))


def _names(extractor: Extractor) -> list[str]:
    return [r.name for r in extractor.recognisers]


def test_the_shipped_model_is_on_by_default_and_can_be_switched_off():
    assert MODEL not in _names(Extractor(model="off"))
    assert crf.DEFAULT_MODEL.is_file(), "the package ships its CRF"
    assert _names(Extractor())[-1] == MODEL              # it runs after the rules whose gaps it fills


def _segmented(text: str):
    from vnextract.extractor.normalise import normalise
    from vnextract.extractor.segment import segment
    from vnextract.extractor.types import RawDocument

    return segment(normalise(RawDocument(text=text)))


def test_the_model_reads_only_around_capitals_the_rules_left_unexplained(monkeypatch):
    text = ("Phó Chủ tịch Nguyễn Văn Nam làm việc với Sở Y tế tỉnh Bắc Ninh.\n"
            "Đoàn chuyên gia của Nhật Bản và Hàn Quốc cũng có mặt.\n"
            "Buổi làm việc bàn về việc đầu tư xây dựng nhà máy, đào tạo lao động tại chỗ, bảo đảm môi trường "
            "và an toàn giao thông trên các tuyến đường dẫn vào khu công nghiệp, với sự tham gia của hãng Toyota.")
    doc = _segmented(text)
    rules = [m for entry in REGISTRY if entry.name != MODEL for m in entry.run(doc, [])]
    asked: list[tuple[int, int]] = []
    real = crf.recognise

    def spy(doc, *, path, ranges):
        asked.extend(ranges)
        return real(doc, path=path, ranges=ranges)

    monkeypatch.setattr(crf, "recognise", spy)
    found = crf.fill_gaps(doc, rules, explaining=0.0)
    # titles, countries and the rules' own mentions explain the first two sentences
    assert len(asked) == 1
    start, end = asked[0]
    third = text.index("Buổi làm việc")
    assert third < start < text.index("Toyota") < end == len(text)     # a window, not the whole sentence
    assert all(start <= m.start < m.end <= end for m in found)


def test_a_span_scores_its_least_sure_tag_and_its_end():
    sylls = crf.syllables("Ông Lê Văn Bình đến")
    labels = ("O", "B-PERSON", "I-PERSON", "B-ORGANIZATION", "I-ORGANIZATION")
    tags = ["O", "B-PERSON", "I-PERSON", "I-PERSON", "O"]
    marginals = [[0.99, 0.01, 0, 0, 0], [0.05, 0.95, 0, 0, 0], [0.1, 0, 0.9, 0, 0], [0.2, 0, 0.8, 0, 0],
                 [0.7, 0, 0.3, 0, 0]]                    # "đến" might still continue the name: p = 1 − 0.3
    spans = crf.decode(sylls, tags, marginals, labels)
    assert [(s.label, s.start, s.end) for s in spans] == [("PERSON", 4, 15)]
    assert spans[0].p == pytest.approx(0.7)
    marginals[4] = [0.95, 0, 0.05, 0, 0]
    assert crf.decode(sylls, tags, marginals, labels)[0].p == pytest.approx(0.8)


def test_model_mentions_explain_themselves_with_their_probability():
    text = ("Sáng nay, đoàn công tác của Tập đoàn Hòa Phát do ông Trần Đình Long dẫn đầu đã làm việc với "
            "lãnh đạo địa phương về dự án mở rộng nhà máy thép.")
    doc = _segmented(text)
    lenient = crf.Combination(floor=0.0, override=1.01, reads="paragraphs")
    found = model_recogniser.recognise(doc, [], combination=lenient)
    assert found and all(m.label in ("PERSON", "ORGANIZATION") for m in found)
    for m in found:
        assert m.explanation.startswith("crf p=") and 0.0 <= float(m.explanation[6:]) <= 1.0
        assert m.score == MODEL_SCORE                        # override 1.01: never above a rule
    assert model_recogniser.recognise(doc, [], combination=crf.Combination(floor=1.01, reads="paragraphs")) == []
    eager = model_recogniser.recognise(doc, [], combination=crf.Combination(floor=0.0, override=0.0, reads="paragraphs"))
    assert all(m.score == OVERRIDE_SCORE for m in eager)
    persons_only = model_recogniser.recognise(doc, [], labels=["PERSON"], combination=lenient)
    assert persons_only == [m for m in found if m.label == "PERSON"]


def test_a_confident_model_outranks_an_open_pattern_but_not_a_lexicon_hit():
    from vnextract.extractor.resolve import resolve

    text = "Ông Lê Văn Bình gặp đại diện Công ty Cổ phần Sữa Việt Nam tại Bộ Tài chính sáng nay."

    def at(label, sub, score, why):
        start = text.index(sub)
        return Mention(label, start, start + len(sub), sub, score=score, explanation=why)

    open_pattern = at("ORGANIZATION", "Công ty Cổ phần Sữa", 0.6, "head word + name")
    lexicon = at("ORGANIZATION", "Bộ Tài chính", 0.95, "ministry or department")
    confident = at("ORGANIZATION", "Công ty Cổ phần Sữa Việt Nam", OVERRIDE_SCORE, "crf p=0.97")
    overreaching = at("ORGANIZATION", "Tài chính sáng nay", OVERRIDE_SCORE, "crf p=0.95")
    unsure = at("ORGANIZATION", "Cổ phần Sữa Việt Nam tại", MODEL_SCORE, "crf p=0.55")
    kept = {(m.text, m.explanation) for m in resolve([open_pattern, lexicon, confident, overreaching, unsure])}
    assert kept == {("Công ty Cổ phần Sữa Việt Nam", "crf p=0.97"), ("Bộ Tài chính", "ministry or department")}
    kept = {(m.text, m.explanation) for m in resolve([open_pattern, unsure])}
    assert kept == {("Công ty Cổ phần Sữa", "head word + name")}        # an unsure model only fills gaps


def test_the_model_can_be_limited_to_one_label():
    text = "Tại cuộc họp, ông Phạm Minh Hoàng cho biết Samsung sẽ mở rộng nhà máy ở Bắc Ninh trong năm tới."
    def model_organisations(extractor: Extractor) -> list[str]:
        return [e.text for e in extractor.extract(text).entities
                if e.label == "ORGANIZATION" and (e.explanation or "").startswith("crf")]

    assert model_organisations(Extractor(explain=True)) == ["Samsung"]          # no rule names a brand
    assert model_organisations(Extractor(model_labels=["PERSON"], explain=True)) == []
    assert MODEL not in _names(Extractor(model_labels=[]))
    with pytest.raises(ValueError, match="only PERSON, ORGANIZATION"):
        Extractor(model_labels=["AWARD"])


def test_a_model_person_after_a_place_word_is_not_output():
    text = "Đoàn đi qua đường Trần Phú rồi gặp ông Lê Minh Tâm tại cầu Nguyễn Văn Cừ."

    def span(sub, label="PERSON", p=0.95):
        start = text.index(sub)
        return crf.Span(label, start, start + len(sub), p)

    combination = crf.Combination(floor=0.5, override=0.9)
    found = model_recogniser.mentions(text, [span("Trần Phú"), span("Lê Minh Tâm"), span("Nguyễn Văn Cừ"),
                                             span("Lê Minh", p=0.3)], combination)
    assert [(m.text, m.score) for m in found] == [("Lê Minh Tâm", OVERRIDE_SCORE)]


@pytest.mark.parametrize("text, name, kept", [
    ("Lúa xuân ở Kiến Xương được mùa.", "Kiến Xương", False),            # a district's name
    ("Bà con Thái Bình ra đồng sớm.", "Thái Bình", False),               # a province's name
    ("Lúa xuân ở Hồng Ngự được mùa.", "Hồng Ngự", False),               # a name a district and a city share
    ("Ông Thái Bình phát biểu tại hội nghị.", "Thái Bình", True),        # … unless a cue makes it a man's
    ("Cửa hàng ở số 45 Lê Duẩn mở cửa.", "Lê Duẩn", False),              # after a house number: a street
    ("Tư lệnh Quân khu 9 Trần Văn Hải dự lễ.", "Trần Văn Hải", True),   # … but a unit's number is no house number
    ("Khảo sát ở các trường Quận Thanh Xuân cho thấy.", "Quận Thanh Xuân", False),  # a place's type word first
    ("Bị cáo trú tại xã Ia Blang, H.Chư Sê, đã bị bắt.", "H.Chư Sê", False),       # … also abbreviated
    ("Bà Tư ngụ phường Tân Định, quận 1.", "Tân Định", False),          # after a ward's type word: the ward
    ("Chủ tịch UBND huyện Lâm Văn Đoàn phát biểu.", "Lâm Văn Đoàn", True),  # … but a full name is the holder's
    ("Putin phát biểu tại hội nghị.", "Putin", True),                   # one syllable: the model's call
    ("Bộ trưởng Dũng cho biết như vậy.", "Dũng", True),                  # one syllable after a title
    ("Theo kế hoạch, Đoàn sẽ làm việc với ba sở.", "Đoàn", False),      # an organisation's type word: the delegation
    ("Trưởng đoàn gặp ông Đoàn tại trụ sở.", "Đoàn", True),              # … unless a cue makes it a man's
    ("Hội người cao tuổi gặp mặt đầu Xuân Giáp Thìn.", "Xuân", False),  # before a lunar year: the spring
    ("Các chuyến Lạng Sơn-Hà Nội đông khách dịp lễ.", "Lạng Sơn-Hà", False),  # a piece of a route, cutting "Hà Nội"
    ("Đường Lê Văn Hưu dài hơn một cây số.", "Đường Lê Văn Hưu", False),      # a street's word first
    ("Dự lễ có nguyên Phó Chủ nhiệm Ủy ban Kinh tế.", "Phó Chủ", False),     # a piece of a title
    ("Tỉnh gắn biển tên đường Trần Quang Khải mới.", "Quang Khải", False),    # a street's name, its family name cut off
    ("Lễ mít tinh ở quảng trường Hoàng Văn Thụ rất đông.", "Hoàng Văn Thụ", False),  # a square named after a person
    ("Bà Trần Quang Khải nhận quà của xã.", "Quang Khải", True),       # … but a family name after no place word
])
def test_a_model_person_the_rules_know_is_something_else_is_not_output(text, name, kept):
    start = text.index(name)
    found = model_recogniser.mentions(text, [crf.Span("PERSON", start, start + len(name), 0.95)],
                                      crf.Combination(floor=0.5, override=0.9))
    assert bool(found) is kept


def test_a_model_person_is_not_a_place_the_text_names_by_its_kind():
    text = "Xe hàng qua cửa khẩu Hoành Mô tăng mạnh; từ Hoành Mô (Quảng Ninh), hàng đi tiếp. Ông Hoành Mô chưa đến."
    combination = crf.Combination(floor=0.5, override=0.9)
    bare = text.index("Hoành Mô (")
    cued = text.rindex("Hoành Mô")
    found = model_recogniser.mentions(text, [crf.Span("PERSON", s, s + len("Hoành Mô"), 0.95) for s in (bare, cued)],
                                      combination)
    assert [m.start for m in found] == [cued]                         # a cue still makes it a man's


@pytest.mark.parametrize("text, name", [
    ("Anh ấy quay lại thi đấu cho Thái Lan.", "Thái Lan"),                  # a country is a place
    ("Tổng Liên đoàn Lao động (LĐLĐ) Việt Nam tổ chức.", "LĐLĐ) Việt Nam"),  # a piece across a bracket
    ("Việc mất Công ty chỉ là sớm hay muộn.", "Công ty"),                     # a bare type word
    ("Giá cổ phiếu HNF tăng trần hai phiên liền.", "HNF"),                    # a share's ticker
])
def test_a_model_organisation_that_is_a_country_a_broken_piece_or_a_bare_type_word_is_not_output(text, name):
    start = text.index(name)
    spans = [crf.Span("ORGANIZATION", start, start + len(name), 0.99)]
    assert model_recogniser.mentions(text, spans, crf.Combination(floor=0.5, override=0.9)) == []


@pytest.mark.parametrize("text, cut, whole", [
    ("Cựu điệp viên Seo Ok-ryol nay cho biết.", "Seo Ok", "Seo Ok-ryol"),          # a hyphened syllable
    ("Sau George W. Bush là Barack Obama.", "George W.", "George W. Bush"),        # an initial, then the name
])
def test_a_foreign_name_the_model_cut_at_a_syllable_split_is_whole(text, cut, whole):
    start = text.index(cut)
    found = model_recogniser.mentions(text, [crf.Span("PERSON", start, start + len(cut), 0.95)],
                                      crf.Combination(floor=0.5, override=0.9))
    assert [m.text for m in found] == [whole]


@pytest.mark.parametrize("text, tagged, name", [
    ("Danh sách các chức danh mà Ban Thường vụ Tỉnh ủy quản lý sẽ được rà soát lại.",
     "Ban Thường vụ Tỉnh ủy quản lý", "Ban Thường vụ Tỉnh ủy"),                  # a party committee
    ("Anh Tâm được chuyển tới Bệnh viện 115 cấp cứu.", "Bệnh viện 115 cấp cứu", "Bệnh viện 115"),   # a number
    ("Sản phụ đang được Bệnh viện Đa khoa huyện chăm sóc.",
     "Bệnh viện Đa khoa huyện chăm sóc", "Bệnh viện Đa khoa huyện"),              # a bare place word
    ("Trung tâm Y tế huyện Cao Lộc khám cho dân.", "Trung tâm Y tế huyện Cao Lộc", "Trung tâm Y tế huyện Cao Lộc"),
])
def test_a_model_organisation_ends_where_the_rules_end_a_name(text, tagged, name):
    start = text.index(tagged)
    found = model_recogniser.mentions(text, [crf.Span("ORGANIZATION", start, start + len(tagged), 0.95)],
                                      crf.Combination(floor=0.5, override=0.9))
    assert [m.text for m in found] == [name]


def test_a_model_organisation_that_runs_over_a_rules_person_is_not_output():
    text = "Bà Nguyễn Thị Hoa, Giám đốc Sở Tài chính; Chủ tịch UBND tỉnh Trần Văn Nam phát biểu."
    organisation = text.index("UBND tỉnh Trần Văn Nam")
    person = text.index("Trần Văn Nam")
    spans = [crf.Span("ORGANIZATION", organisation, person + len("Trần Văn Nam"), 0.9)]
    combination = crf.Combination(floor=0.5, override=0.9)
    rules_person = Mention("PERSON", person, person + len("Trần Văn Nam"), "Trần Văn Nam", score=0.7)
    assert model_recogniser.mentions(text, spans, combination, earlier=[rules_person]) == []
    assert len(model_recogniser.mentions(text, spans, combination)) == 1


def test_only_strong_rule_mentions_explain_a_capital_by_default():
    text = ("Buổi làm việc có sự tham gia của đại diện các sở, ngành và lãnh đạo xã cùng nhiều doanh nghiệp, "
            "trong đó có Công ty Minh Phát, đơn vị đã đầu tư vào khu công nghiệp của huyện.")
    doc = _segmented(text)
    start = text.index("Công ty Minh Phát")
    open_pattern = Mention("ORGANIZATION", start, start + 17, "Công ty Minh Phát", score=0.6)
    assert crf.fill_gaps(doc, [open_pattern], explaining=0.0) == []        # every rule mention explains
    asked: list[tuple[int, int]] = []
    real = crf.recognise

    def spy(doc, *, path, ranges):
        asked.extend(ranges)
        return real(doc, path=path, ranges=ranges)

    import unittest.mock

    with unittest.mock.patch.object(crf, "recognise", spy):
        crf.fill_gaps(doc, [open_pattern], explaining=0.9)                   # an open pattern does not
    assert asked and asked[0][0] <= start < asked[0][1]


def test_a_card_with_a_bad_combination_is_a_clear_error(tmp_path):
    model = tmp_path / "m.bin"
    model.write_bytes(crf.DEFAULT_MODEL.read_bytes())
    (tmp_path / "m.json").write_text(json.dumps({"combination": {"reads": "everything"}}), encoding="utf-8")
    with pytest.raises(ModelError, match="bad combination"):
        Extractor(model=str(model))


def _sure(text: str, name: str, label: str = "PERSON", p: float = 0.9) -> crf.Span:
    start = text.index(name)
    return crf.Span(label, start, start + len(name), p)


def test_a_name_the_model_is_sure_of_is_tagged_where_it_recurs():
    text = ("Tiền vệ Kante được HLV đánh giá cao. Trong hiệp hai, Kante đánh chặn liên tục; "
            "Kantele là một loại đàn.")
    repeat = crf.Combination(floor=0.5, override=0.9, repeat={"PERSON": 0.8})
    found = model_recogniser.mentions(text, [_sure(text, "Kante")], repeat)
    second = text.index("Kante", text.index("Kante") + 1)
    assert [(m.start, m.explanation) for m in found] == [
        (text.index("Kante"), "crf p=0.90"), (second, "crf p=0.90, as elsewhere in the text")]   # not "Kantele"
    assert len(model_recogniser.mentions(text, [_sure(text, "Kante", p=0.75)], repeat)) == 1        # below the floor
    assert len(model_recogniser.mentions(text, [_sure(text, "Kante")], crf.Combination())) == 1     # no repeat set


def test_a_repeat_never_overlaps_a_rule_mention_and_obeys_the_vetoes():
    text = "Bà Lan Anh phát biểu. Nhà hàng ở số 12 Lan Anh đông khách; cô Lan Anh Thư cũng đến."
    rule = Mention("PERSON", text.index("Lan Anh Thư"), text.index("Lan Anh Thư") + len("Lan Anh Thư"),
                   "Lan Anh Thư", score=0.9)
    repeat = crf.Combination(floor=0.5, override=0.9, repeat={"PERSON": 0.8})
    found = model_recogniser.mentions(text, [_sure(text, "Lan Anh")], repeat, earlier=[rule])
    assert [m.start for m in found] == [text.index("Lan Anh")]     # "số 12 Lan Anh" is a street; the rule holds the last


def test_a_repeat_does_not_cut_a_word_nor_take_an_organisations_type_word_for_a_name():
    text = ("Ông Sơn ra đón đoàn. Chuyến bay từ Vinh đến Tân Sơn Nhất lúc 9 giờ; Sơn cho biết chuyến bay đúng giờ. "
            "Đoàn đến thăm nhà máy. Chiều cùng ngày, Đoàn đại biểu làm việc với tỉnh.")
    doc = segment(normalise(RawDocument(text=text)))          # underthesea's words: "Tân Sơn Nhất" is one
    assert doc.text == text
    repeat = crf.Combination(floor=0.5, override=0.9, repeat={"PERSON": 0.8})
    spans = [_sure(text, "Sơn"), _sure(text, "Đoàn")]
    found = [m.start for m in model_recogniser.mentions(text, spans, repeat, doc=doc)]
    assert text.index("Sơn cho") in found and text.index("Sơn Nhất") not in found
    assert text.index("Đoàn đại") not in found
    without_words = [m.start for m in model_recogniser.mentions(text, spans, repeat)]
    assert text.index("Sơn Nhất") in without_words                                  # what the words prevent


def test_an_organisations_type_word_is_a_person_where_a_full_name_ends_with_it():
    text = "Bị cáo Lê Văn Đoàn khai rằng Đoàn không biết số tiền đó."
    full = text.index("Lê Văn Đoàn")
    rules = [Mention("PERSON", full, full + len("Lê Văn Đoàn"), "Lê Văn Đoàn", score=0.9)]
    start = text.index("Đoàn không")
    bare = [crf.Span("PERSON", start, start + len("Đoàn"), 0.9)]
    combination = crf.Combination(floor=0.5, override=0.9)
    assert [m.text for m in model_recogniser.mentions(text, bare, combination, earlier=rules)] == ["Đoàn"]
    assert model_recogniser.mentions(text, bare, combination) == []


def test_a_persons_last_word_alone_is_a_repeat_of_the_person():
    text = ("Vận động viên Văn Ngọc Tú giành huy chương vàng. Hiện tại, Tú chưa có đối thủ xứng tầm. "
            "Trong giờ nghỉ, em đọc thơ Tú Xương.")
    doc = segment(normalise(RawDocument(text=text)))
    repeat = crf.Combination(floor=0.5, override=0.9, repeat={"PERSON": 0.8})
    found = [m.text for m in model_recogniser.mentions(text, [_sure(text, "Văn Ngọc Tú")], repeat, doc=doc)]
    assert found == ["Văn Ngọc Tú", "Tú"]                   # not the "Tú" of another name, "Tú Xương"
    unsure = crf.Combination(floor=0.5, override=0.9, repeat={"PERSON": 0.99})
    assert [m.text for m in model_recogniser.mentions(text, [_sure(text, "Văn Ngọc Tú")], unsure, doc=doc)] == [
        "Văn Ngọc Tú"]
