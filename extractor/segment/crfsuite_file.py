"""Read a CRFsuite model file ("lCRF"/"FOMC", the format underthesea_core writes): labels, the
weight of every (attribute, label) pair and the label transitions, as exact float64 values.

python-crfsuite can dump a model too, but through text rounded to six decimals; the file layout
is small and documented (crfsuite/lib/crf/src/crf1m_model.c, cqdb.c), so it is read here.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from vnextract.extractor.errors import ModelError

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_CQDB_HEADER = struct.Struct("<4sIIIII")
_FEATURE = struct.Struct("<IIId")                     # type (0 state, 1 transition), source, target, weight
_STATE, _TRANSITION = 0, 1


@dataclass(frozen=True)
class CRFWeights:
    labels: tuple[str, ...]
    state: dict[str, tuple[float, ...]]              # attribute → one weight per label
    transition: tuple[tuple[float, ...], ...]        # [from label][to label]


def read_crfsuite(path: Path) -> CRFWeights:
    try:
        data = path.read_bytes()
        magic, _, kind, _, _, n_labels, _, features_at, labels_at, attributes_at, *_ = _HEADER.unpack_from(data)
        if magic != b"lCRF" or kind != b"FOMC":
            raise ValueError("not a CRFsuite first-order model")
        labels = tuple(_strings(data, labels_at))
        attributes = _strings(data, attributes_at)
        chunk, _, count = struct.unpack_from("<4sII", data, features_at)
        if chunk != b"FEAT" or len(labels) != n_labels:
            raise ValueError("no feature chunk")
        state: dict[str, list[float]] = {}
        transition = [[0.0] * n_labels for _ in range(n_labels)]
        for kind_, source, target, weight in _FEATURE.iter_unpack(
                data[features_at + 12:features_at + 12 + _FEATURE.size * count]):
            if kind_ == _STATE:
                state.setdefault(attributes[source], [0.0] * n_labels)[target] = weight
            elif kind_ == _TRANSITION:
                transition[source][target] = weight
    except (OSError, ValueError, struct.error, IndexError, UnicodeDecodeError) as exc:
        raise ModelError(f"cannot read the CRF model {path}: {exc}") from exc
    return CRFWeights(labels, {a: tuple(w) for a, w in state.items()}, tuple(map(tuple, transition)))


def _strings(data: bytes, offset: int) -> list[str]:
    """The strings of a CQDB chunk in id order, through its backward (id → record) array."""
    chunk, _, _, _, count, backward_at = _CQDB_HEADER.unpack_from(data, offset)
    if chunk != b"CQDB":
        raise ValueError(f"no string database at {offset:#x}")
    strings = []
    for identifier, (record,) in enumerate(struct.iter_unpack("<I", data[offset + backward_at:offset + backward_at + 4 * count])):
        stored_id, size = struct.unpack_from("<II", data, offset + record)
        if stored_id != identifier:
            raise ValueError(f"string database out of order at id {identifier}")
        start = offset + record + 8
        strings.append(data[start:start + size - 1].decode("utf-8"))   # the size counts a final NUL
    return strings
