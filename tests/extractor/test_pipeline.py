"""The pipeline end to end: the offset invariant, the same entities whatever the input form,
records on fixture articles written in the genre's style, and the Python API."""

from __future__ import annotations

import unicodedata

import pytest

from tests.helpers.documents import make_docx, make_pdf, to_legacy
from vnextract.corpora import SAMPLE_ARTICLE
from vnextract.extractor import Extractor, FailedDocument
from vnextract.extractor.errors import EmptyInput
from vnextract.extractor.read import read_bytes

ARTICLE = SAMPLE_ARTICLE.read_text(encoding="utf-8")


def _entities(document) -> list[tuple[str, str]]:
    return [(e.label, unicodedata.normalize("NFC", e.text)) for e in document.entities]


def test_every_entity_points_at_its_span_whatever_the_input_form(extractor):
    clean = [(e.label, e.text) for e in extractor.extract(ARTICLE).entities]
    assert clean
    for text in (unicodedata.normalize("NFD", ARTICLE), ARTICLE.replace(" ", "\u00a0", 40)):
        pointed = [(e.label, unicodedata.normalize("NFC", text[e.start:e.end]).replace("\u00a0", " "))
                   for e in extractor.extract(text).entities]
        assert pointed == clean


def test_nfd_and_old_tone_placement_give_the_same_entities(extractor):
    clean = _entities(extractor.extract(ARTICLE))
    nfd = _entities(extractor.extract(unicodedata.normalize("NFD", ARTICLE)))
    assert nfd == clean
    old = ARTICLE.replace("Hòa", "Hoà").replace("hóa", "hoá")
    assert [(label, t.replace("Hoà", "Hòa")) for label, t in _entities(extractor.extract(old))] == clean


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_encoded_input_gives_the_same_entities(extractor, encoding):
    sentence = "Sáng 18/12, ông Phạm Quang Ngọc, Chủ tịch UBND tỉnh Ninh Bình, cho biết tỉnh đạt 96,5%."
    legacy = read_bytes(to_legacy(sentence, encoding), name=f"{encoding}.txt")
    assert legacy.text == sentence
    assert _entities(extractor.extract_raw(legacy)) == _entities(extractor.extract(sentence))


def test_html_docx_and_pdf_give_the_same_entities_as_the_text(extractor):
    paragraphs = [p for p in ARTICLE.split("\n") if p.strip()]
    clean = _entities(extractor.extract("\n".join(paragraphs)))
    html = "<html><body><nav>Trang chủ</nav><article>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>"
    for data, name in ((html.encode("utf-8"), "a.html"), (make_docx(paragraphs), "a.docx"), (make_pdf(paragraphs), "a.pdf")):
        assert _entities(extractor.extract_raw(read_bytes(data, name=name))) == clean, name


def test_fixture_article_records(extractor):
    document = extractor.extract(ARTICLE, {"date": "2024-12-18"})
    officials = {r.person: r.titles for r in document.records if r.type == "official"}
    assert officials["Phạm Quang Ngọc"] == ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh Ninh Bình",
                                            "Cụm trưởng Cụm thi đua số 4"]
    assert officials["Trần Anh Dũng"] == ["Giám đốc Sở Nội vụ tỉnh Hà Nam"]
    awards = [r for r in document.records if r.type == "award"]
    assert [(a.award, a.recipients, a.status) for a in awards] == [
        ("Cờ thi đua", ["UBND tỉnh Hưng Yên"], "proposed"),
        ("Bằng khen", ["Sở Nội vụ tỉnh Thái Bình", "Sở Nội vụ tỉnh Hà Nam"], "proposed"),
    ]
    percentages = {r.percent: r for r in document.records if r.type == "percentage"}
    assert percentages["96,5%"].province == "Nam Định" and percentages["100%"].qualifier == "gần"
    assert percentages["1,75%"].subject == "tỷ lệ hộ nghèo"


def test_apposition_and_title_before_name_merge_into_one_record(extractor):
    text = ("Giám đốc Sở Y tế tỉnh Quảng Trị Lê Văn Bình dự hội nghị. Ông Bình, Tỉnh ủy viên, "
            "cho biết ngành y tế đạt 95% chỉ tiêu.")
    (record,) = [r for r in extractor.extract(text).records if r.type == "official"]
    assert record.person == "Lê Văn Bình"
    assert record.titles == ["Giám đốc Sở Y tế tỉnh Quảng Trị", "Tỉnh ủy viên"]


def test_labels_and_record_types_can_be_switched_off():
    only = Extractor(labels=["PROVINCE", "PERCENT"], records=[])
    document = only.extract(ARTICLE)
    assert {e.label for e in document.entities} == {"PROVINCE", "PERCENT"}
    assert document.records == []
    with pytest.raises(ValueError, match="unknown labels"):
        Extractor(labels=["PLACE"])


def test_pipe_keeps_order_and_reports_bad_documents(extractor):
    items = [{"id": "a", "text": "Tỉnh Hà Nam đạt 98,4%."}, {"id": "b", "text": "   "}, "Sở Y tế TP.HCM."]
    results = list(extractor.pipe(items, on_error="report"))
    assert [type(r).__name__ for r in results] == ["Document", "FailedDocument", "Document"]
    assert results[0].id == "a" and isinstance(results[1], FailedDocument) and results[1].error == "EmptyInput"
    with pytest.raises(EmptyInput):
        list(extractor.pipe(items))


def test_warm_up_loads_what_a_first_document_would():
    """The service and batch workers warm up before taking work; with words segmented on demand,
    a plain extraction no longer loads the segmenter, so warm_up must (a fresh process shows it)."""
    import subprocess
    import sys

    code = ("from vnextract.extractor import Extractor; from vnextract.extractor.segment.words import _segmenter; "
            "e = Extractor(); before = _segmenter.cache_info().currsize; e.warm_up(); "
            "print(before, _segmenter.cache_info().currsize, len(e.extract('Sở Nội vụ họp.').entities))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["0", "1", "1"]


def _corrupted(monkeypatch, corrupt) -> None:
    """Make normalise return a shadow whose offset map `corrupt` has broken."""
    import dataclasses

    import vnextract.extractor.pipeline as pipeline

    real = pipeline.normalise

    def broken(raw):
        shadow = real(raw)
        return dataclasses.replace(shadow, offsets=corrupt(shadow.offsets))

    monkeypatch.setattr(pipeline, "normalise", broken)


def test_an_offset_map_shifted_by_one_fails_loudly(monkeypatch):
    from vnextract.extractor.errors import AlignmentError
    from vnextract.extractor.offsets import OffsetMap

    _corrupted(monkeypatch, lambda m: OffsetMap(tuple(s + 1 for s in m.starts), tuple(e + 1 for e in m.ends),
                                                m.original_length))
    with pytest.raises(AlignmentError, match="maps to"):
        Extractor(model="off").extract("Ông Nguyễn Văn An, Chủ tịch UBND tỉnh Hà Nam, cho biết tỉnh đạt 91,6%.")


def test_an_offset_map_that_drops_a_combining_mark_fails_loudly(monkeypatch):
    from vnextract.extractor.errors import AlignmentError
    from vnextract.extractor.offsets import OffsetMap

    text = unicodedata.normalize("NFD", "Tỉnh Hà Nam đạt 91,6%; ông Trần Văn Tú dự.")
    # each composed character maps back to its letter and marks; make every one end a mark short
    # (the person's name ends on one: "Tú")
    _corrupted(monkeypatch, lambda m: OffsetMap(m.starts, tuple(e - 1 if e - s > 1 else e
                                                                 for s, e in zip(m.starts, m.ends, strict=True)),
                                                m.original_length))
    with pytest.raises(AlignmentError):
        Extractor(model="off").extract(text)
    monkeypatch.undo()
    assert unicodedata.normalize("NFD", "Trần Văn Tú") in [e.text for e in Extractor(model="off").extract(text).entities]
