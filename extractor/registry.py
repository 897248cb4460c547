"""The registry of recognisers: the single source of truth for what the extractor can find.

Each entry declares the recogniser's callable and, for a recogniser that introduces a label, the
label itself (name, description, colour for the pages). Everything else is derived from it: the
labels the Extractor accepts and outputs, the schema's label type, `/v1/labels`, the labels the
evaluation reports, displaCy's colours and the web page's legend.

A recogniser that reads other recognisers' mentions (the statistical model fills the rules' gaps)
names them in `after`; the pipeline runs entries in registry order, so `after` may only name
entries registered before it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from vnextract.extractor.types import Mention, SegmentedText

Find = Callable[..., list[Mention]]          # (doc) → mentions, or (doc, earlier mentions) → mentions with `after`
Validate = Callable[[Mention, SegmentedText], bool]


@dataclass(frozen=True)
class Label:
    name: str
    description: str
    colour: str                                # CSS colour of its highlight (displaCy and the web pages)


@dataclass(frozen=True)
class Recogniser:
    """One registry entry.

    `label` is the label this entry introduces (None for an entry that only adds mentions of labels
    introduced by others); `produces` the labels its mentions may carry (default: its own label);
    `validate`, when given, keeps only the mentions it accepts; `after` the entries whose mentions
    `find` receives as its second argument.
    """

    name: str
    find: Find
    label: Label | None = None
    produces: frozenset[str] = field(default_factory=frozenset)
    validate: Validate | None = None
    after: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.produces:
            if self.label is None:
                raise ValueError(f"recogniser {self.name!r} declares no label and produces none")
            object.__setattr__(self, "produces", frozenset({self.label.name}))

    def run(self, doc: SegmentedText, earlier: Sequence[Mention]) -> list[Mention]:
        found = self.find(doc, list(earlier)) if self.after else self.find(doc)
        if self.validate is not None:
            found = [m for m in found if self.validate(m, doc)]
        unknown = {m.label for m in found} - self.produces
        if unknown:
            raise ValueError(f"recogniser {self.name!r} produced undeclared labels {sorted(unknown)}")
        return found


class Registry:
    """Recognisers in the order they run."""

    def __init__(self, entries: Iterable[Recogniser] = ()) -> None:
        self._entries: dict[str, Recogniser] = {}
        for entry in entries:
            self.register(entry)

    def register(self, entry: Recogniser) -> None:
        if entry.name in self._entries:
            raise ValueError(f"a recogniser named {entry.name!r} is already registered")
        missing = [name for name in entry.after if name not in self._entries]
        if missing:
            raise ValueError(f"recogniser {entry.name!r} runs after {missing}, which are not registered before it")
        if entry.label is not None and entry.label.name in self.label_names():
            raise ValueError(f"the label {entry.label.name!r} is already declared")
        self._entries[entry.name] = entry
        undeclared = entry.produces - set(self.label_names())
        if undeclared:
            del self._entries[entry.name]
            raise ValueError(f"recogniser {entry.name!r} produces labels no entry declares: {sorted(undeclared)}")

    def unregister(self, name: str) -> None:
        dependants = [e.name for e in self._entries.values() if name in e.after]
        if dependants:
            raise ValueError(f"{dependants} run after {name!r}")
        del self._entries[name]

    def __iter__(self) -> Iterator[Recogniser]:
        return iter(self._entries.values())

    def __getitem__(self, name: str) -> Recogniser:
        return self._entries[name]

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def labels(self) -> tuple[Label, ...]:
        return tuple(e.label for e in self._entries.values() if e.label is not None)

    def label_names(self) -> tuple[str, ...]:
        return tuple(label.name for label in self.labels())

    def colours(self) -> dict[str, str]:
        return {label.name: label.colour for label in self.labels()}

    def plan(self, labels: Iterable[str], *, vetoes: Iterable[tuple[str, str]] = (),
             exclude: Iterable[str] = ()) -> tuple[Recogniser, ...]:
        """The entries that must run for the mentions of `labels` to come out as a full run would give
        them: every entry producing one of them, every entry producing a label that can veto one of
        them in resolution (`vetoes` holds (inner, outer) pairs), and every entry these run after.
        `exclude` names entries switched off (their dependants then run without them)."""
        needed = set(labels)
        changed = True
        while changed:
            changed = False
            for inner, outer in vetoes:
                if inner in needed and outer not in needed:
                    needed.add(outer)
                    changed = True
        skip = set(exclude)
        chosen = {e.name for e in self._entries.values() if e.produces & needed and e.name not in skip}
        for entry in reversed(list(self._entries.values())):
            if entry.name in chosen:
                chosen |= {name for name in entry.after if name not in skip}
        return tuple(e for e in self._entries.values() if e.name in chosen)
