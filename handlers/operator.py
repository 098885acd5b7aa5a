"""“Talk to an operator”: the agency's contact details."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.types import CallbackQuery
from aiogram.utils.text_decorations import html_decoration

from bot.i18n import Translator
from bot.settings import Settings
from handlers.callbacks import MenuCb
from handlers.common import show
from handlers.keyboards import main_menu

router = Router(name="operator")


@router.callback_query(MenuCb.filter(F.action == "operator"))
async def contact(callback: CallbackQuery, bot: Bot, settings: Settings, t: Translator) -> None:
    if settings.agency_contact:
        text = t("operator-contact", contact=html_decoration.quote(settings.agency_contact))
    else:
        text = t("operator-unavailable")
    await show(callback, bot, text, main_menu(t))
