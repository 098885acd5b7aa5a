"""/start (with its deep links), /help and the main menu."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.types import CallbackQuery, Message
from aiogram.utils.text_decorations import html_decoration

from bot import deep_links
from bot.callbacks import MenuCb
from bot.commands import OPERATOR_COMMANDS
from bot.i18n import Translator
from bot.menus import main_menu
from bot.settings import Settings
from bot.turn import Turn
from handlers import documents, wizard
from handlers.answers import answer_text
from handlers.common import show
from handlers.keyboards import answer_menu, categories_menu

router = Router(name="start")


@router.message(CommandStart(deep_link=True, magic=F.args == deep_links.RENEW))
async def start_renew(message: Message, turn: Turn) -> None:
    await wizard.renew(message, turn)


@router.message(CommandStart(deep_link=True, magic=F.args == deep_links.DOCS))
async def start_docs(message: Message, turn: Turn) -> None:
    await documents.mydocs(message, turn)


@router.message(CommandStart(deep_link=True, magic=F.args.startswith(deep_links.TOPIC_PREFIX)))
async def start_topic(message: Message, command: CommandObject, turn: Turn) -> None:
    kb, lang, t = turn.kb, turn.lang, turn.t
    topic = kb.topics.get((command.args or "").removeprefix(deep_links.TOPIC_PREFIX))
    if topic is None:
        await message.answer(t("topic-gone"), reply_markup=categories_menu(kb, lang, t))
        return
    await message.answer(answer_text(kb, topic, lang), reply_markup=answer_menu(kb, topic, lang, t))


@router.message(CommandStart())
async def start(message: Message, t: Translator) -> None:
    name = html_decoration.quote(message.from_user.first_name if message.from_user else "")
    await message.answer(t("start-greeting", name=name), reply_markup=main_menu(t))


@router.message(Command("help"))
async def help_command(message: Message, settings: Settings, t: Translator) -> None:
    text = t("help-text")
    if message.from_user is not None and message.from_user.id in settings.admin_ids:
        lines = (f"/{name}: {t(f'cmd-{name}')}" for name in OPERATOR_COMMANDS)
        text = "\n\n".join([text, t("help-operators"), "\n".join(lines)])
    await message.answer(text, reply_markup=main_menu(t))


@router.callback_query(MenuCb.filter(F.action == "home"))
async def home(callback: CallbackQuery, bot: Bot, t: Translator) -> None:
    await show(callback, bot, t("main-menu"), main_menu(t))


@router.callback_query(MenuCb.filter(F.action == "ask"))
async def how_to_ask(callback: CallbackQuery, bot: Bot, t: Translator) -> None:
    await show(callback, bot, t("ask-hint"), main_menu(t))
