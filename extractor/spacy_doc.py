"""The output as spaCy objects: a Doc on the text's token grid with every entity in a span group
(span groups allow the nesting that doc.ents forbids), and displaCy's span rendering as HTML."""

from __future__ import annotations

from vnextract.extractor.recognise import REGISTRY
from vnextract.extractor.schema import Document

SPAN_KEY = "vnextract"


def to_spacy(document: Document, vocab=None):
    """A spaCy Doc whose span group `vnextract` holds the entities (offsets unchanged)."""
    import re

    import spacy
    from spacy.tokens import Doc
    from spacy.util import get_words_and_spaces

    vocab = vocab or spacy.blank("xx").vocab
    text = document.text
    words, spaces = get_words_and_spaces(re.findall(r"\w+|[^\w\s]", text), text)
    doc = Doc(vocab, words=words, spaces=spaces)
    spans = []
    for e in document.entities:
        span = doc.char_span(e.start, e.end, label=e.label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[SPAN_KEY] = spans
    return doc


def render_html(document: Document, *, page: bool = True) -> str:
    """displaCy's span view of the entities (works offline: the HTML is self-contained). Not minified:
    minifying drops the white space between displaCy's tags, and the words then run together."""
    from spacy import displacy

    return displacy.render(to_spacy(document), style="span", page=page, minify=False,
                           options={"spans_key": SPAN_KEY, "colors": REGISTRY.colours()})
