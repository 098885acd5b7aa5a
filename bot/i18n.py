"""Interface strings: Fluent files in bot/locales/<language>/, one per feature, looked up by key."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle, FluentResource

from faq.model import LANGUAGES

LOCALES_DIR = Path(__file__).parent / "locales"
LANGUAGE_NAMES = {"en": "English", "ru": "Русский", "zh": "中文", "it": "Italiano"}
log = logging.getLogger(__name__)


def pick_language(tg_code: str | None, fallback: str) -> str:
    """Maps Telegram's language_code (e.g. "ru", "zh-hans", "it-IT") onto a supported language."""
    if tg_code:
        base = tg_code.lower().replace("_", "-").split("-")[0]
        if base in LANGUAGES:
            return base
    return fallback


def _is_identifier(name: str) -> bool:
    return name in ("id", "thread") or name.endswith("_id")


class Translator:
    """The strings of one language: `t("key", name=...)`; English stands in for a missing key.

    Fluent formats numbers for the locale (123456789 becomes "123,456,789"), which suits counts
    but breaks ids: arguments named `id`, `thread` or `*_id` are passed as text, so links such
    as tg://user?id= and numbers people quote (#1234) stay as they are.
    """

    def __init__(self, lang: str, bundle: FluentBundle, fallback: FluentBundle | None) -> None:
        self.lang = lang
        self._bundle = bundle
        self._fallback = fallback

    def __call__(self, key: str, **args: Any) -> str:
        args = {k: str(v) if _is_identifier(k) else v for k, v in args.items()}
        for bundle in (self._bundle, self._fallback):
            if bundle is not None and bundle.has_message(key):
                message = bundle.get_message(key)
                if message.value is None:
                    break
                text, errors = bundle.format_pattern(message.value, args)
                if errors:
                    log.warning("i18n %s/%s: %s", self.lang, key, errors)
                return text
        log.error("i18n: missing key %r", key)
        return key


class I18n:
    def __init__(self, directory: Path = LOCALES_DIR) -> None:
        self.bundles: dict[str, FluentBundle] = {}
        for lang in LANGUAGES:
            bundle = FluentBundle([lang], use_isolating=False)
            for path in sorted((directory / lang).glob("*.ftl")):
                bundle.add_resource(FluentResource(path.read_text("utf-8")))
            self.bundles[lang] = bundle
        self._translators = {
            lang: Translator(lang, bundle, self.bundles["en"] if lang != "en" else None)
            for lang, bundle in self.bundles.items()
        }

    def translator(self, lang: str) -> Translator:
        return self._translators.get(lang) or self._translators["en"]
