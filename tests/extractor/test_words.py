"""Word segmentation: underthesea's model run by word_model.py gives underthesea's own words, on
spans of the text as given."""

from __future__ import annotations

import gzip
import itertools
import json
import unicodedata
from pathlib import Path

import pytest

from vnextract.extractor.errors import ModelError
from vnextract.extractor.segment.crfsuite_file import read_crfsuite
from vnextract.extractor.segment.words import _segmenter, word_tokens

PARAGRAPHS = [
    "Sáng 27/11, tại Hà Nội, Phó Thủ tướng Chính phủ Trần Hồng Hà chủ trì hội nghị tổng kết công tác "
    "thi đua, khen thưởng năm 2025 của Khối thi đua các tỉnh miền núi phía Bắc.",
    "UBND TP.HCM đề nghị tặng Bằng khen của Thủ tướng Chính phủ cho 12 tập thể và 35 cá nhân theo "
    "Nghị định số 98/2023/NĐ-CP; tỷ lệ hộ nghèo giảm còn 1,25%, thấp hơn 0,5 điểm % so với năm 2024.",
    "Ông Nguyễn Văn Bình (SN 1975, ngụ xã Tân Phú) cho biết tổng vốn đạt 2.147.483.648 đồng, tức "
    "khoảng 3000000000 đồng nếu tính cả lãi; nhiệt độ có lúc xuống -5°C.",
    "Liên hệ: phongtdkt@quangninh.gov.vn hoặc https://sonoivu.quangninh.gov.vn/tin-tuc, ĐT 0203-3835-123.",
    "“Đây là phần thưởng cao quý”, bà H’Hen Niê – Trưởng phòng Thi đua - Khen thưởng – nói... COVID-19, 5G.",
    "Hoà Bình và Hòa Bình; ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH; iPhone 17 Pro Max; ß ǅ 中国; x²; ½ kg.",
]


def _underthesea(paragraph: str) -> list[str]:
    from underthesea import word_tokenize

    return ["".join(w.split()) for w in word_tokenize(paragraph, use_token_normalize=False)]


def _ours(paragraph: str) -> list[str]:
    tokens = word_tokens(paragraph, (0, len(paragraph)))
    for token in tokens:
        assert paragraph[token.start:token.end] == token.text
    return ["".join(t.text.split()) for t in tokens]


@pytest.mark.parametrize("paragraph", PARAGRAPHS)
def test_words_are_underthesea_words(paragraph):
    assert _ours(paragraph) == _underthesea(paragraph)


def test_spans_are_offsets_into_the_whole_text():
    text = "Tiêu đề\n\nSáng 27/11, tại Hà Nội, Phó Thủ tướng Chính phủ Trần Hồng Hà chủ trì hội nghị"
    start = text.index("Sáng")
    tokens = word_tokens(text, (start, len(text)))
    assert [(t.start, t.text) for t in tokens][:2] == [(start, "Sáng"), (start + 5, "27/11")]
    assert [t.text for t in tokens[-6:]] == ["Phó", "Thủ tướng", "Chính phủ", "Trần Hồng Hà", "chủ trì", "hội nghị"]
    assert all(text[t.start:t.end] == t.text for t in tokens)


def test_tags_equal_underthesea_cores_featurizer_and_tagger():
    """The cached weights and the Viterbi give the labels of CRFFeaturizer + CRFTagger, also on the
    syllables whose features are odd (large and signed integers, title case of "ß", "ǅ", digits)."""
    import joblib
    from underthesea_core import CRFFeaturizer, CRFTagger

    syllable_pattern, tagger = _segmenter()
    directory = Path(__import__("underthesea.pipeline.word_tokenize", fromlist=["x"]).__file__).parent
    directory = directory / "models" / "ws_crf_vlsp2013_20230727"
    featurizer = CRFFeaturizer(joblib.load(directory / "features.bin"), joblib.load(directory / "dictionary.bin"))
    reference = CRFTagger()
    reference.load(str(directory / "models.bin"))
    odd = ["2147483647", "2147483648", "-5", "+7", "ß", "ǅa", "中", "Ⅻ", "x", "Ab", "."]
    for paragraph in PARAGRAPHS:
        syllables = [m.group(0) for m in syllable_pattern.finditer(paragraph)]
        for sequence in (syllables, odd + syllables[:6], syllables[:1]):
            expected = reference.tag(featurizer.process([[[s] for s in sequence]])[0])
            assert tagger.tag(sequence) == expected


def test_a_paragraph_that_is_not_nfc_fails_loudly():
    from vnextract.extractor.errors import AlignmentError

    decomposed = unicodedata.normalize("NFD", "Sở Nội vụ tỉnh")       # the shadow text is NFC; this is a bug's input
    with pytest.raises(AlignmentError, match="not the same length"):
        word_tokens(decomposed, (0, len(decomposed)))


def test_a_corrupt_model_file_is_a_model_error(tmp_path):
    broken = tmp_path / "models.bin"
    broken.write_bytes(b"lCRF\x00\x00")
    with pytest.raises(ModelError, match=r"models\.bin"):
        read_crfsuite(broken)
    (tmp_path / "other.bin").write_bytes(b"not a model at all, just bytes" * 4)
    with pytest.raises(ModelError, match="CRFsuite"):
        read_crfsuite(tmp_path / "other.bin")


def test_same_words_as_underthesea_on_real_news(shared_dir):
    """Every paragraph of the first 120 benchmark articles (~350 paragraphs)."""
    with gzip.open(shared_dir / "corpus" / "bench" / "baomoi-5k.jsonl.gz", "rt", encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in itertools.islice(lines, 120)]
    paragraphs = [unicodedata.normalize("NFC", p) for t in texts for p in t.split("\n") if p.strip()]
    differing = [p[:60] for p in paragraphs if _ours(p) != _underthesea(p)]
    assert differing == []


def test_paragraphs_are_segmented_once_and_only_when_asked():
    from vnextract.extractor.normalise import normalise
    from vnextract.extractor.segment import segment
    from vnextract.extractor.types import RawDocument

    asked: list[tuple[int, int]] = []

    def counting(text, paragraph):
        asked.append(paragraph)
        return word_tokens(text, paragraph)

    text = "Sở Nội vụ tỉnh Quảng Ninh tổ chức hội nghị.\n\nChủ tịch UBND tỉnh Cao Tường Huy phát biểu."
    doc = segment(normalise(RawDocument(text)), segmenter=counting)
    assert asked == []
    second = text.index("Chủ tịch")
    words = doc.paragraph_words(second + 3)
    assert asked == [(second, len(text))] and words[0].text == "Chủ tịch"
    doc.paragraph_words(second)
    assert len(asked) == 1                                   # cached
    across = doc.words_in(text.index("hội nghị"), second + len("Chủ tịch"))
    assert [t.text for t in across] == ["hội nghị", ".", "Chủ tịch"]
    assert segment(normalise(RawDocument(text)), segmenter=None).paragraph_words(0) == ()
