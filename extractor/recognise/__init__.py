"""recognise: one recogniser per label, registered here and nowhere else."""

from __future__ import annotations

from vnextract.extractor.recognise import award, date, legal_ref, organization, percent, person, province
from vnextract.extractor.recognise.base import Recogniser

DEFAULT_RECOGNISERS: dict[str, Recogniser] = {
    "PROVINCE": province.recognise,
    "PERSON": person.recognise,
    "ORGANIZATION": organization.recognise,
    "PERCENT": percent.recognise,
    "AWARD": award.recognise,
    "DATE": date.recognise,
    "LEGAL_REF": legal_ref.recognise,
}

__all__ = ["DEFAULT_RECOGNISERS", "Recogniser"]
