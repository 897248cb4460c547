"""spaCy DocBin: one Doc per document on the shared token grid (exact white space kept), every
entity in `doc.spans["sc"]` (span groups allow the nesting that `doc.ents` forbids), `doc.ents`
set to the entities that do not overlap (the longest of nested ones, by spaCy's `filter_spans`),
so that the file trains a spaCy NER as it is, and id, meta, records and entity attributes in
`doc.user_data` (as JSON)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from vnextract.corpora.convert.tokens import tokenize

SPAN_KEY = "sc"


def to_docbin(docs: Iterable[dict[str, Any]], skipped: list[str] | None = None) -> bytes:
    import spacy
    from spacy.tokens import Doc, DocBin
    from spacy.util import filter_spans, get_words_and_spaces

    vocab = spacy.blank("xx").vocab
    docbin = DocBin(store_user_data=True)
    for doc in docs:
        text = doc["text"]
        words, spaces = get_words_and_spaces([text[s:e] for s, e in tokenize(text)], text)
        sdoc = Doc(vocab, words=words, spaces=spaces)
        spans, attrs = [], []
        for e in doc.get("entities") or []:
            span = sdoc.char_span(e["start"], e["end"], label=e["label"])
            if span is None:
                if skipped is not None:
                    skipped.append(f"{doc['id']}: {e['label']} {e['text']!r} at {e['start']} is not on token edges")
                continue
            spans.append(span)
            attrs.append(e.get("attrs"))
        sdoc.spans[SPAN_KEY] = spans
        sdoc.ents = filter_spans(spans)
        sdoc.user_data["vnextract"] = json.dumps({"id": doc["id"], "meta": doc.get("meta"),
                                                  "records": doc.get("records") or [], "attrs": attrs},
                                                 ensure_ascii=False)   # JSON: msgpack would turn lists into tuples
        docbin.add(sdoc)
    return docbin.to_bytes()


def from_docbin(data: bytes) -> list[dict[str, Any]]:
    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank("xx").vocab
    docs = []
    for sdoc in DocBin().from_bytes(data).get_docs(vocab):
        extra = json.loads(sdoc.user_data.get("vnextract", "{}"))
        entities = []
        for span, attrs in zip(sdoc.spans.get(SPAN_KEY, []), extra.get("attrs", []), strict=False):
            entity: dict[str, Any] = {"start": span.start_char, "end": span.end_char, "label": span.label_,
                                      "text": span.text}
            if attrs:
                entity["attrs"] = attrs
            entities.append(entity)
        doc: dict[str, Any] = {"id": extra.get("id"), "text": sdoc.text}
        if extra.get("meta"):
            doc["meta"] = extra["meta"]
        doc["entities"] = entities
        doc["records"] = extra.get("records", [])
        docs.append(doc)
    return docs
