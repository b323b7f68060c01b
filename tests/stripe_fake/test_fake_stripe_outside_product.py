"""The fake Stripe server is a development tool beside the product, never part of it."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _imported_modules(package: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for source in package.rglob("*.py"):
        tree = ast.parse(source.read_text(), filename=str(source))
        names: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module)
        found[str(source.relative_to(ROOT))] = names
    return found


def test_no_product_module_imports_the_fake() -> None:
    offenders = {
        path: sorted(n for n in names if n.split(".")[0] == "fakestripe")
        for path, names in _imported_modules(ROOT / "src" / "knowreply").items()
    }
    assert {path: names for path, names in offenders.items() if names} == {}
    assert not (ROOT / "src" / "knowreply" / "integrations" / "stripe" / "fake").exists()


def test_the_fake_imports_nothing_of_the_product() -> None:
    offenders = {
        path: sorted(n for n in names if n.split(".")[0] == "knowreply")
        for path, names in _imported_modules(ROOT / "src" / "fakestripe").items()
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_the_wheel_ships_the_product_only() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    wheel = project["tool"]["hatch"]["build"]["targets"]["wheel"]
    assert wheel["packages"] == ["src/knowreply"]
