"""The house rules the code must keep, read from the source: the library imports neither the
harness nor the service; stages never import each other; nobody imports another module's private
names; every package folder is in the distribution."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import setuptools

REPO = Path(__file__).resolve().parent.parent
FOLDERS = {"vnextract": "vnextract", "extractor": "vnextract.extractor", "api": "vnextract.api",
           "evaluation": "vnextract.evaluation", "corpora": "vnextract.corpora", "models": "vnextract.models"}
STAGES = ("read", "normalise", "segment", "recognise", "resolve", "assemble", "output")
# The model's run-time code is part of recognition (recognise/model.py is its registry entry).
SAME_LAYER = {"models": "recognise"}


def _modules() -> dict[str, Path]:
    modules = {}
    for folder, package in FOLDERS.items():
        for path in sorted((REPO / folder).rglob("*.py")):
            parts = path.relative_to(REPO / folder).with_suffix("").parts
            name = ".".join((package, *parts))
            modules[name.removesuffix(".__init__")] = path
    return modules


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, names) for every `import` and `from … import` in a file, anywhere in it."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, [a.name for a in node.names]))
        elif isinstance(node, ast.Import):
            found += [(a.name, []) for a in node.names]
    return found


MODULES = _modules()


def _stage(module: str) -> str | None:
    parts = module.split(".")
    if parts[:2] != ["vnextract", "extractor"] or len(parts) < 3:
        return None
    top = SAME_LAYER.get(parts[2], parts[2])
    return top if top in STAGES else None


@pytest.mark.parametrize("module", [m for m in MODULES if m.startswith("vnextract.extractor")])
def test_the_library_imports_neither_the_harness_nor_the_service(module):
    for imported, _ in _imports(MODULES[module]):
        assert not imported.startswith(("vnextract.api", "vnextract.evaluation", "vnextract.corpora",
                                        "vnextract.models", "vnextract.cli")), f"{module} imports {imported}"


@pytest.mark.parametrize("module", [m for m in MODULES if _stage(m)])
def test_stages_never_import_each_other(module):
    own = _stage(module)
    for imported, _ in _imports(MODULES[module]):
        other = _stage(imported)
        assert other in (None, own), f"{module} (stage {own}) imports {imported} (stage {other})"


@pytest.mark.parametrize("module", list(MODULES))
def test_no_module_imports_another_modules_private_names(module):
    for imported, names in _imports(MODULES[module]):
        private = [n for n in names if n.startswith("_") and not n.startswith("__")]
        assert not (imported.startswith("vnextract") and private), f"{module} imports {private} from {imported}"


def test_every_part_is_linked_into_the_one_installed_package():
    for folder, package in FOLDERS.items():
        if folder != "vnextract":
            link = REPO / "vnextract" / folder
            assert link.is_symlink() and link.resolve() == (REPO / folder).resolve(), package
    found = set(setuptools.find_packages(str(REPO), include=["vnextract*"]))
    assert found == {m for m, path in MODULES.items() if path.name == "__init__.py"}
