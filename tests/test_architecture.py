"""Dependencies between our apps run one way, read from the code's own imports (function-level
imports included):

    vocabularies and the shared helpers of site/  <-  search  <-  network  <-  knowledge  <-  opendata
    <-  usage  <-  alerts  <-  project

The project modules of site/ (settings, urls, dashboard, onboarding, demo loading, admin hooks,
its search sources) may import every app; no app imports them. An import of ours made inside a
function says why in a comment (on its line, or on a comment line just above its import block).
"""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PACKAGES = {
    "passerelles": ROOT / "site",
    "search": ROOT / "search",
    "network": ROOT / "network",
    "knowledge": ROOT / "knowledge",
    "opendata": ROOT / "opendata",
    "usage": ROOT / "usage",
    "alerts": ROOT / "alerts",
}
PROJECT_MODULES = (
    "passerelles.settings",
    "passerelles.urls",
    "passerelles.wsgi",
    "passerelles.dashboard",
    "passerelles.onboarding",
    "passerelles.demo",
    "passerelles.demo_finish",
    "passerelles.demo_translations",
    "passerelles.management",
    "passerelles.wagtail_hooks",
    "passerelles.search_sources",
)
SHARED, SEARCH, NETWORK, KNOWLEDGE, OPENDATA, USAGE, ALERTS, PROJECT = range(8)
LAYER_NAMES = [
    "vocabularies et aides partagées",
    "search",
    "network",
    "knowledge",
    "opendata",
    "usage",
    "alerts",
    "projet",
]


def layer(module):
    top = module.split(".")[0]
    if top == "passerelles":
        is_project = any(module == name or module.startswith(name + ".") for name in PROJECT_MODULES)
        return PROJECT if is_project else SHARED
    return {
        "search": SEARCH,
        "network": NETWORK,
        "knowledge": KNOWLEDGE,
        "opendata": OPENDATA,
        "usage": USAGE,
        "alerts": ALERTS,
    }[top]


def module_name(package, base, path):
    parts = [package, *path.relative_to(base).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def our_imports():
    """(module, imported module, line, inside a function, path) for every import of our code."""
    for package, base in PACKAGES.items():
        for path in sorted(base.rglob("*.py")):
            if "migrations" in path.parts:
                continue
            module = module_name(package, base, path)
            tree = ast.parse(path.read_text(encoding="utf-8"))
            functions = [
                node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            ]
            nested = {
                id(n) for f in functions for n in ast.walk(f) if isinstance(n, ast.Import | ast.ImportFrom)
            }
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom):
                    if node.level:
                        anchor = module.split(".")
                        if path.name != "__init__.py":
                            anchor = anchor[:-1]
                        anchor = anchor[: len(anchor) - node.level + 1]
                        targets = [".".join(anchor + ([node.module] if node.module else []))]
                    else:
                        targets = [node.module]
                elif isinstance(node, ast.Import):
                    targets = [alias.name for alias in node.names]
                else:
                    continue
                for target in targets:
                    if target.split(".")[0] in PACKAGES:
                        yield module, target, node.lineno, id(node) in nested, path


def explained(path, lineno):
    """A comment on the import's line, or on a comment line above its block of imports."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if "#" in lines[lineno - 1]:
        return True
    for line in reversed(lines[: lineno - 1]):
        stripped = line.strip()
        if stripped.startswith("#"):
            return True
        if not stripped or stripped.startswith(("from ", "import ")):
            continue
        return False
    return False


def test_dependencies_between_apps_run_one_way():
    wrong = [
        f"{module} ({LAYER_NAMES[layer(module)]}) importe {target} ({LAYER_NAMES[layer(target)]}), ligne {line}"
        for module, target, line, _nested, _path in our_imports()
        if layer(target) > layer(module)
        or (layer(module) == layer(target) == SHARED and layer(target) != SHARED)
    ]
    assert wrong == []


def test_no_app_imports_a_project_module():
    wrong = [
        f"{module} importe {target}"
        for module, target, _line, _nested, _path in our_imports()
        if layer(target) == PROJECT and layer(module) != PROJECT
    ]
    assert wrong == []


def test_imports_inside_functions_say_why():
    silent = [
        f"{path.relative_to(ROOT)}:{line} importe {target} dans une fonction sans dire pourquoi"
        for _module, target, line, nested, path in our_imports()
        if nested and not explained(path, line)
    ]
    assert silent == []


def test_the_rule_catches_a_wrong_way_import(tmp_path):
    """The layers themselves: a network module importing knowledge is refused, the reverse allowed."""
    assert layer("network.listing") < layer("knowledge.models")
    assert layer("passerelles.vocabularies.models") < layer("search.querying") < layer("network.models")
    assert layer("passerelles.facets") == SHARED and layer("passerelles.dashboard") == PROJECT
    assert layer("knowledge.listing") < layer("opendata.resources") < layer("passerelles.urls")
    assert layer("opendata.resources") < layer("usage.stats") < layer("alerts.digests")
    source = tmp_path / "wrong.py"
    source.write_text("def f():\n    from knowledge.models import KnowledgeItemPage\n")
    assert not explained(source, 2)
    source.write_text("def f():\n    # the models import this module\n    from knowledge.models import X\n")
    assert explained(source, 3)
