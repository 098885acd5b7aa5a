"""The import direction and the handlers' shape, read from the source so they stay true.

handlers/ -> services in bot/ -> storage/ and faq/. faq/ and storage/ import neither bot/ nor
handlers/; inside bot/ only the composition root knows handlers/; handlers never import the
composition root (so never the Services container).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COMPOSITION_ROOT = {"bot/app.py", "bot/__main__.py", "bot/console.py"}
MAX_HANDLER_PARAMETERS = 6


def _sources(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def _imports(path: Path) -> Iterator[str]:
    """Every module the file imports, at any level (TYPE_CHECKING blocks included)."""
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def _top(module: str) -> str:
    return module.split(".")[0]


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("package", ["faq", "storage"])
def test_faq_and_storage_import_neither_bot_nor_handlers(package: str) -> None:
    wrong = [
        f"{_name(path)} imports {module}"
        for path in _sources(package)
        for module in _imports(path)
        if _top(module) in ("bot", "handlers")
    ]
    assert wrong == []


def test_only_the_composition_root_in_bot_knows_the_handlers() -> None:
    wrong = [
        f"{_name(path)} imports {module}"
        for path in _sources("bot")
        if _name(path) not in COMPOSITION_ROOT
        for module in _imports(path)
        if _top(module) == "handlers"
    ]
    assert wrong == []


def test_handlers_never_import_the_composition_root() -> None:
    root_modules = {name.removesuffix(".py").replace("/", ".") for name in COMPOSITION_ROOT}
    wrong = [
        f"{_name(path)} imports {module}"
        for path in _sources("handlers")
        for module in _imports(path)
        if module in root_modules
    ]
    assert wrong == []


def _is_handler(function: ast.AsyncFunctionDef) -> bool:
    """Registered on a router: @router.message(...), @router.callback_query(...), ..."""
    return any(
        isinstance(d, ast.Call)
        and isinstance(d.func, ast.Attribute)
        and isinstance(d.func.value, ast.Name)
        and d.func.value.id == "router"
        for d in function.decorator_list
    )


def test_no_handler_takes_more_than_six_parameters() -> None:
    handlers = [
        (_name(path), node)
        for path in _sources("handlers")
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.AsyncFunctionDef) and _is_handler(node)
    ]
    assert len(handlers) > 50  # the check sees the handlers
    wrong = [
        f"{name}:{node.name} takes {count}"
        for name, node in handlers
        if (count := len(node.args.posonlyargs) + len(node.args.args) + len(node.args.kwonlyargs))
        > MAX_HANDLER_PARAMETERS
    ]
    assert wrong == []
