"""The layout of docs/architecture.md holds: layers import one way, no cycles, small modules.

Every import of a mediakit module counts, at module level or inside a function. A module may import
its own layer or lower ones; another module's private names (``_name``) only inside its own
subpackage; no module is above 1,000 lines.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

from .conftest import PROJECT

PACKAGE = PROJECT / "mediakit"
MAX_LINES = 1000

#: Module prefix -> layer, low to high (docs/architecture.md draws the same table). The longest
#: matching prefix wins.
LAYERS = {
    "mediakit._version": 0, "mediakit._resources": 0, "mediakit._progress": 0, "mediakit._validation": 0, "mediakit._labels": 0,
    "mediakit._memory": 0, "mediakit._workers": 0,
    "mediakit.lexicons": 0, "mediakit.resources": 0,
    "mediakit.text": 1, "mediakit.lexicon": 1,
    "mediakit.schema": 2, "mediakit.outlets": 2, "mediakit.dedup": 2, "mediakit.loaders": 2,
    "mediakit.datasets": 2, "mediakit.gazetteer": 2,
    "mediakit.metrics": 3,
    "mediakit.compare": 4, "mediakit.actors": 4,
    "mediakit.plot": 5, "mediakit.export": 5, "mediakit._figures": 5,
    "mediakit.stream": 6, "mediakit.dask": 6, "mediakit._dispatch": 6,
    "mediakit.pipeline": 7, "mediakit.report": 7, "mediakit.evaluate": 7, "mediakit.cli": 7,
    "mediakit": 8,  # the package namespace: imported by nobody inside mediakit
}


def _module_name(path: Path) -> str:
    rel = path.relative_to(PROJECT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _layer(mod: str) -> int:
    best = max((p for p in LAYERS if mod == p or mod.startswith(p + ".")), key=len, default=None)
    assert best is not None, f"{mod} has no layer in LAYERS (tests/test_architecture.py)"
    return LAYERS[best]


def _resolve(mod: str, is_pkg: bool, level: int, target: str) -> str:
    if level == 0:
        return target
    base = mod.split(".") if is_pkg else mod.split(".")[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join(base + ([target] if target else []))


def _imports(mods: dict[str, Path]) -> tuple[dict[str, set[str]], list[str]]:
    """Edges module -> imported mediakit module, and 'private' imports across modules."""
    edges: dict[str, set[str]] = defaultdict(set)
    private: list[str] = []
    for mod, path in mods.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        is_pkg = path.name == "__init__.py"
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                tgt = _resolve(mod, is_pkg, node.level, node.module or "")
                for cand in [tgt] + [f"{tgt}.{a.name}" for a in node.names]:
                    if cand in mods and cand != mod:
                        edges[mod].add(cand)
                if tgt in mods and tgt != mod:
                    for a in node.names:
                        if a.name.startswith("_") and not a.name.startswith("__") and f"{tgt}.{a.name}" not in mods:
                            if _subpackage(tgt) != _subpackage(mod):
                                private.append(f"{mod} imports {tgt}.{a.name}")
            elif isinstance(node, ast.Import):
                for a in node.names:
                    if a.name in mods and a.name != mod:
                        edges[mod].add(a.name)
    return edges, private


def _subpackage(mod: str) -> str:
    parts = mod.split(".")
    return ".".join(parts[:2]) if len(parts) > 2 else mod


MODS = _modules()
EDGES, PRIVATE = _imports(MODS)


def test_every_module_has_a_layer():
    for mod in MODS:
        _layer(mod)


@pytest.mark.parametrize("mod", sorted(MODS))
def test_imports_go_down(mod):
    up = sorted(t for t in EDGES.get(mod, ()) if _layer(t) > _layer(mod))
    assert not up, f"{mod} (layer {_layer(mod)}) imports higher layers: " + ", ".join(
        f"{t} ({_layer(t)})" for t in up)


def test_no_import_cycle():
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    cycles: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in EDGES.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                cycles.append(sorted(comp))

    for v in MODS:
        if v not in index:
            visit(v)
    assert not cycles, f"import cycles: {cycles}"


def test_private_names_stay_in_their_subpackage():
    assert not PRIVATE, "\n".join(PRIVATE)


@pytest.mark.parametrize("mod", sorted(MODS))
def test_module_size(mod):
    n = MODS[mod].read_text(encoding="utf-8").count("\n")
    assert n <= MAX_LINES, f"{mod} has {n} lines (at most {MAX_LINES})"


def test_core_never_imports_the_execution_layer():
    """The pandas core (layers 0-5) never imports Dask or the streaming layer, not even lazily."""
    for mod, path in MODS.items():
        if _layer(mod) > 5:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level == 0}
        assert not any(n == "dask" or n.startswith(("dask.", "distributed")) for n in names), mod
