"""Which app may import which (issue 14): no circles, no app reaching up.

Read from the source, every import statement counted (inside functions too),
so a circle cannot hide in a late import.
"""

import ast
from pathlib import Path

import pytest

import masthead

ROOT = Path(masthead.__file__).parent
APPS = ("news", "funding", "appeals", "mirrors", "newsletters", "accounts")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules(app: str) -> dict[str, Path]:
    return {
        _module_name(path): path
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts
    }


def _imports(path: Path, name: str, known: set[str]) -> set[str]:
    """Return the project modules ``path`` imports."""
    found = set()
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0]
                base = f"{parent}.{base}" if base else parent
            targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        found |= {target for target in targets if target in known}
    return found - {name}


def _graph() -> dict[str, set[str]]:
    modules = {}
    for app in APPS:
        modules |= _modules(app)
    known = set(modules)
    return {name: _imports(path, name, known) for name, path in modules.items()}


def _cycle_from(graph, start: str) -> list[str] | None:
    stack = [(start, [start])]
    seen = set()
    while stack:
        node, path = stack.pop()
        for target in graph.get(node, ()):
            if target == start:
                return [*path, start]
            if target not in seen:
                seen.add(target)
                stack.append((target, [*path, target]))
    return None


@pytest.mark.parametrize("app", APPS)
def test_no_module_imports_one_that_imports_it_back(app):
    graph = _graph()
    for name in _modules(app):
        cycle = _cycle_from(graph, name)
        # A package importing its own submodules is how packages re-export.
        if cycle and not all(later.startswith(cycle[0] + ".") for later in cycle[1:-1]):
            raise AssertionError(" → ".join(cycle))


@pytest.mark.parametrize(
    ("app", "forbidden"),
    [
        ("news", ("funding", "appeals")),
        # The support form's newsletter ticks come through funding.signups.
        ("funding", ("news", "appeals", "newsletters")),
    ],
)
def test_an_app_imports_nothing_from_the_apps_above_it(app, forbidden):
    graph = _graph()
    reaching = {
        name: sorted(t for t in targets if t.split(".")[1] in forbidden)
        for name, targets in graph.items()
        if name.startswith(f"masthead.{app}.") and "tests" not in name.split(".")
    }
    assert {name: found for name, found in reaching.items() if found} == {}
