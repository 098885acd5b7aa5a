"""Who may do what, and how filters are checked."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import Router
from aiogram.dispatcher.event.handler import FilterObject
from aiogram.filters import Command, Filter
from aiogram.types import CallbackQuery, Message

from bot.settings import Settings


class IsOperator(Filter):
    """The agency's operators: the Telegram user ids in ADMIN_IDS."""

    async def __call__(self, event: Message | CallbackQuery, settings: Settings) -> bool:
        user = event.from_user
        return user is not None and user.id in settings.admin_ids


def operator_router(name: str) -> Router:
    """A router only operators reach: its messages and button presses pass `IsOperator()` first."""
    router = Router(name=name)
    router.message.filter(IsOperator())
    router.callback_query.filter(IsOperator())
    return router


class IsCommand(Filter):
    """Text (or a caption) that aiogram's `Command` filters read as a command: "/" after any
    leading blanks."""

    async def __call__(self, message: Message) -> bool:
        text = message.text or message.caption
        return text is not None and text.lstrip().startswith("/")


def gate_command_routers(root: Router) -> None:
    """Puts `IsCommand()` in front of each router under `root` whose every message handler
    takes a command only (a `Command` filter): a message that is not a command passes such a
    router with one check instead of one per handler."""
    for router in root.chain_tail:
        handlers = router.message.handlers
        gate = router.message._handler  # the router's own message filters
        if not handlers or any(isinstance(f.callback, IsCommand) for f in gate.filters or ()):
            continue
        if all(any(isinstance(f.callback, Command) for f in h.filters or ()) for h in handlers):
            router.message.filter(IsCommand())


def check_filters_in_loop(root: Router) -> None:
    """Makes every plain (not `async`) filter under `root` run in the event loop.

    aiogram runs a filter that is not a coroutine function (every `F` expression, a `State`
    given as a filter) in a worker thread, through `asyncio.to_thread`, each time it checks it:
    a free-text message crossed about a dozen of them on its way to the questions router, a
    thread hand-off each. Ours are attribute reads and comparisons, quicker than the hand-off.
    """
    for router in root.chain_tail:
        for observer in router.observers.values():
            # `_handler` holds the observer's own filters (`router.message.filter(...)`).
            for handler in (observer._handler, *observer.handlers):
                for check in handler.filters or ():
                    _to_coroutine(check)


def _to_coroutine(check: FilterObject) -> None:
    if check.awaitable:
        return
    check.callback = _awaited(check.callback)
    check.awaitable = True  # its parameters were read from the plain callable; they still hold


def _awaited(plain: Callable[..., Any]) -> Callable[..., Awaitable[Any]]:
    async def checked(*args: Any, **kwargs: Any) -> Any:
        return plain(*args, **kwargs)

    return checked
