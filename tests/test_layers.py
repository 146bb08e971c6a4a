"""The code's layers: vocab → sources → claims → checks → reports → parallel → pipeline → ledger → command line.

A module imports only from its own layer or those below it, a rule family never imports another
family, and no private name (``_name``, or a module ``_name``) is imported across packages.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
LAYERS = ("vocab", "sources", "claims", "checks", "reports", "parallel", "pipeline", "ledger", "run_checks")
FAMILIES = sorted(p.name for p in (ROOT / "checks").iterdir() if (p / "__init__.py").is_file())


def _modules() -> list[Path]:
    found = [ROOT / "run_checks.py", ROOT / "pipeline.py"]
    for layer in (*LAYERS[:6], "ledger"):
        found += sorted((ROOT / layer).rglob("*.py"))
    return [path for path in found if path.is_file()]


def _imports(path: Path) -> list[tuple[str, tuple[str, ...], int]]:
    """(module, names imported from it, line) of every import of ``path``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append((node.module, tuple(alias.name for alias in node.names), node.lineno))
        elif isinstance(node, ast.Import):
            found += [(alias.name, (), node.lineno) for alias in node.names]
    return found


def _dotted(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


MODULES = _modules()


def test_the_walk_finds_the_layers():
    assert len(MODULES) > 60 and "checks.engine" in {_dotted(p) for p in MODULES}
    assert {"cross_source", "arithmetic", "integrity"} <= set(FAMILIES)


@pytest.mark.parametrize("path", MODULES, ids=_dotted)
def test_imports_go_down_the_layers(path):
    own = LAYERS.index(_dotted(path).split(".")[0])
    for module, _, line in _imports(path):
        top = module.split(".")[0]
        if top in LAYERS:
            assert LAYERS.index(top) <= own, f"{path.name}:{line} imports {module} from a higher layer"


@pytest.mark.parametrize("path", MODULES, ids=_dotted)
def test_no_family_imports_another(path):
    parts = _dotted(path).split(".")
    family = parts[1] if parts[0] == "checks" and len(parts) > 2 and parts[1] in FAMILIES else None
    for module, _, line in _imports(path):
        other = module.split(".")
        if other[0] == "checks" and len(other) > 1 and other[1] in FAMILIES:
            assert family == other[1], f"{path.name}:{line} imports the rule family module {module}"


@pytest.mark.parametrize("path", MODULES, ids=_dotted)
def test_no_private_name_crosses_packages(path):
    package = _dotted(path).rsplit(".", 1)[0]
    for module, names, line in _imports(path):
        if module.split(".")[0] not in LAYERS:
            continue
        source_package = module if (ROOT / module.replace(".", "/")).is_dir() else module.rsplit(".", 1)[0]
        private = [n for n in names if n.startswith("_")]
        if module.rsplit(".", 1)[-1].startswith("_") and module.rsplit(".", 1)[-1] != "__init__":
            private.append(module)
        if private:
            assert source_package == package, f"{path.name}:{line} imports private {private} from {module}"
