"""recognise: the registry of recognisers, the one place where they and their labels are declared.

Adding a label takes three touches: its recogniser's file, one entry here, one test table.
"""

from __future__ import annotations

from vnextract.extractor.recognise import award, date, legal_ref, model, organization, percent, person, province
from vnextract.extractor.registry import Label, Recogniser, Registry

_RULES = (
    Recogniser("PROVINCE", province.recognise, Label(
        "PROVINCE", "a province-level unit of any era, spanned without its type word", "#feca74")),
    Recogniser("PERSON", person.recognise, Label(
        "PERSON", "a person's name, without titles, honorifics, degrees or ranks", "#aa9cfc")),
    Recogniser("ORGANIZATION", organization.recognise, Label(
        "ORGANIZATION", "a named agency, body, unit or enterprise", "#7aecec")),
    Recogniser("PERCENT", percent.recognise, Label(
        "PERCENT", "a percentage, a range of percentages, or percentage points", "#e4e7d2")),
    Recogniser("AWARD", award.recognise, Label(
        "AWARD", "a form of commendation or an emulation title, with its class", "#ff9561")),
    Recogniser("DATE", date.recognise, Label(
        "DATE", "a calendar date with at least a day and month, or a month and year", "#bfe1d9")),
    Recogniser("LEGAL_REF", legal_ref.recognise, Label(
        "LEGAL_REF", "a legal or administrative document by number, or a law by name", "#c887fb")),
)

MODEL = "ner-model"           # the statistical PERSON/ORGANIZATION model (Extractor(model=...) configures it)

REGISTRY = Registry([
    *_RULES,
    Recogniser(MODEL, model.recognise, produces=frozenset(model.LABELS), after=tuple(r.name for r in _RULES)),
])

__all__ = ["MODEL", "REGISTRY", "Label", "Recogniser", "Registry"]
