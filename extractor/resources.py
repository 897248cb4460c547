"""The one place that loads lexicons and models: from models/ and from vietnamadminunits' data files.

Everything is loaded lazily and cached; nothing is downloaded.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from vnextract.extractor.errors import ModelError
from vnextract.extractor.normalise.unicode import fold_tones

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
LEXICONS_DIR = MODELS_DIR / "lexicons"


def lexicon_path(name: str) -> Path:
    path = LEXICONS_DIR / name
    if not path.exists():
        raise ModelError(f"lexicon {name} is missing from {LEXICONS_DIR}")
    return path


def read_rows(name: str) -> list[list[str]]:
    """Rows of a tab-separated lexicon, without comments and blank lines."""
    with lexicon_path(name).open(encoding="utf-8") as handle:
        return [row for row in csv.reader(handle, delimiter="\t")
                if row and row[0].strip() and not row[0].startswith("#")]


def read_lines(name: str) -> list[str]:
    return [row[0].strip() for row in read_rows(name)]


_DASH_SPACES = re.compile(r"\s*[-‐‑–—]\s*")
_SPACES = re.compile(r"\s+")


def fold_key(text: str) -> str:
    """Matching key: first-vowel tone placement, casefolded, one form of dashes and spaces."""
    text = fold_tones(text).casefold()
    text = _DASH_SPACES.sub("-", text)
    return _SPACES.sub(" ", text).strip()


@dataclass(frozen=True)
class ProvinceUnit:
    name: str                       # canonical short name, as written in its own time
    code: str | None
    scheme: str                     # "legacy63", "y2025" or "historical"
    type: str                       # "tỉnh" or "thành phố trực thuộc trung ương"
    region: str | None = None
    unit_2025: str | None = None
    unit_2025_code: str | None = None
    merged_from: tuple[str, ...] = ()
    became: tuple[str, ...] = ()


@dataclass
class ProvinceGazetteer:
    legacy: dict[str, ProvinceUnit] = field(default_factory=dict)
    y2025: dict[str, ProvinceUnit] = field(default_factory=dict)
    historical: dict[str, ProvinceUnit] = field(default_factory=dict)
    aliases: dict[str, tuple[str, bool]] = field(default_factory=dict)   # fold_key(alias) → (name, needs cue)

    def unit(self, name: str, *, scheme: str = "legacy63") -> ProvinceUnit | None:
        """The unit a canonical name denotes in a scheme (dates.province_scheme decides it): codes were
        reused with another meaning from 1 July 2025."""
        if scheme == "y2025" and name in self.y2025:
            return self.y2025[name]
        return self.legacy.get(name) or self.y2025.get(name) or self.historical.get(name)

    def canonical(self, surface: str) -> tuple[str, bool] | None:
        return self.aliases.get(fold_key(surface))


def _adminunits_data(name: str) -> dict:
    spec = importlib.util.find_spec("vietnamadminunits")   # locate without importing (its import is slow)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError("vietnamadminunits is not installed; it provides the province codes and the 2025 mapping")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read {path}: {exc}") from exc


def _unit_type(full_name: str) -> str:
    return "thành phố trực thuộc trung ương" if full_name.startswith("Thành phố") else "tỉnh"


@cache
def province_gazetteer() -> ProvinceGazetteer:
    legacy_raw = _adminunits_data("parser_legacy.json")["DICT_PROVINCE"]
    new_raw = _adminunits_data("parser_from_2025.json")["DICT_PROVINCE"]
    merged = _adminunits_data("converter_2025.json")["DICT_PROVINCE"]
    regions = {code: region for code, region in read_rows("province_regions.tsv")}
    old_to_new = {old: new for new, olds in merged.items() for old in olds}

    g = ProvinceGazetteer()
    for key, data in new_raw.items():
        g.y2025[data["provinceShort"]] = ProvinceUnit(
            name=data["provinceShort"], code=data["provinceCode"], scheme="y2025",
            type=_unit_type(data["province"]), unit_2025=data["provinceShort"],
            unit_2025_code=data["provinceCode"],
            merged_from=tuple(legacy_raw[old]["provinceShort"] for old in merged.get(key, [])),
        )
    for key, data in legacy_raw.items():
        successor = new_raw[old_to_new[key]]
        name = data["provinceShort"]
        unit = ProvinceUnit(
            name=name, code=data["provinceCode"], scheme="legacy63", type=_unit_type(data["province"]),
            region=regions.get(data["provinceCode"]), unit_2025=successor["provinceShort"],
            unit_2025_code=successor["provinceCode"],
        )
        if name == "Huế":   # the data is the June 2025 snapshot; before 2025 the unit was tỉnh Thừa Thiên Huế
            g.legacy["Thừa Thiên Huế"] = ProvinceUnit(**{**unit.__dict__, "name": "Thừa Thiên Huế", "type": "tỉnh"})
        g.legacy[name] = unit
    for name, _years, became in read_rows("provinces_historical.tsv"):
        parts = tuple(became.split("|"))
        successors = {g.legacy[p].unit_2025 for p in parts if p in g.legacy}
        g.historical[name] = ProvinceUnit(
            name=name, code=None, scheme="historical", type="tỉnh", became=parts,
            unit_2025=successors.pop() if len(successors) == 1 else None,
        )
    for name in list(g.legacy) + list(g.y2025):
        g.aliases.setdefault(fold_key(name), (name, name == "Huế"))
    for name, alias, needs_cue in read_rows("province_aliases.tsv"):
        g.aliases[fold_key(alias)] = (name, needs_cue.strip() == "1")
    return g
