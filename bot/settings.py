"""Settings from the environment (and `.env`): parsed once, each error naming its variable."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.operator_hours import OperatorHours, parse_operator_hours
from faq.model import LANGUAGES
from storage.database import POSTGRESQL_PREFIXES, SQLITE_PREFIX
from storage.postgresql import redacted

DEFAULT_API_URL = "https://api.telegram.org"
_TOKEN = re.compile(r"^\d{1,20}:[A-Za-z0-9_-]{1,100}$")


class SettingsError(ValueError):
    """A setting is missing or malformed; the message names it and what is expected."""


@dataclass(frozen=True, slots=True)
class Webhook:
    """Where Telegram posts updates (`url`), the secret it sends with them, where workers listen."""

    url: str
    secret: str
    host: str
    port: int

    @property
    def path(self) -> str:
        return urlsplit(self.url).path


# With several processes, the share of BROADCAST_RATE the leader's reminders and broadcasts leave
# to the replies that any process sends meanwhile (bot/shared_pace.py).
REPLY_SHARE = 0.2


@dataclass(frozen=True, slots=True)
class Settings:
    bot_token: str | None
    telegram_api_url: str
    database_path: Path  # the SQLite file (DATABASE_PATH)
    database_url: str  # what the bot opens: sqlite:///<database_path>, or DATABASE_URL when set
    default_language: str
    default_timezone: str
    admin_ids: frozenset[int]
    operators_group_id: int | None
    agency_contact: str
    log_level: str
    broadcast_rate: float = 25.0
    allow_paid_broadcast: bool = False
    operator_hours: OperatorHours | None = None  # None: no hours are promised

    question_retention_days: int = 180
    operators_language: str = "en"
    log_file: Path = Path("data/renewal-bot.log")
    redis_url: str | None = None  # None: FSM state and the flood brake stay in this process
    webhook: Webhook | None = None  # None: the bot polls
    workers: int = 1

    @property
    def bulk_rate(self) -> float:
        """The pace of reminders and broadcasts. With several processes (PostgreSQL, WORKERS>1)
        or a pace shared through Redis, it leaves REPLY_SHARE of BROADCAST_RATE to the replies
        every process sends; one process on its own keeps the whole rate."""
        several = (
            self.workers > 1
            or self.redis_url is not None
            or not self.database_url.startswith(SQLITE_PREFIX)
        )
        return self.broadcast_rate * (1 - REPLY_SHARE) if several else self.broadcast_rate

    @property
    def offline(self) -> bool:
        return self.bot_token is None

    def __repr__(self) -> str:
        token = "set" if self.bot_token else "none"
        database = redacted(self.database_url)
        return f"Settings(bot_token=<{token}>, database={database!r}, ...)"


def _get(env: Mapping[str, str], name: str) -> str | None:
    value = env.get(name, "").strip()
    return value or None


def _int(name: str, raw: str) -> int:
    try:
        return int(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not a whole number") from None


def _api_url(raw: str) -> str:
    url = raw.rstrip("/")
    problem = f"TELEGRAM_API_URL={url!r} must be an http(s) URL such as {DEFAULT_API_URL}"
    try:
        parts = urlsplit(url)
        port = parts.port  # ValueError when out of range or not a number
    except ValueError:
        raise SettingsError(f"{problem}, with a port from 1 to 65535") from None
    if parts.scheme not in ("http", "https") or not parts.hostname or re.search(r"\s", url):
        raise SettingsError(problem)
    if port == 0:
        raise SettingsError(f"{problem}, with a port from 1 to 65535")
    if parts.query or parts.fragment:
        raise SettingsError(f"{problem}, without ?query or #fragment")
    return url


def _database(env: Mapping[str, str]) -> tuple[Path, str]:
    """The SQLite file (DATABASE_PATH) and the URL the bot opens: DATABASE_URL when set."""
    path = Path(_get(env, "DATABASE_PATH") or "data/renewal-bot.db")
    url = _get(env, "DATABASE_URL")
    if url is None:
        return path, SQLITE_PREFIX + str(path)
    if url.startswith(SQLITE_PREFIX) and len(url) > len(SQLITE_PREFIX):
        return Path(url.removeprefix(SQLITE_PREFIX)), url
    if url.startswith(POSTGRESQL_PREFIXES) and urlsplit(url).hostname:
        return path, url
    raise SettingsError(
        f"DATABASE_URL={redacted(url)!r} must be sqlite:///path/to/file.db"
        " or postgresql://user:password@host:port/database"
    )


_REDIS_SCHEMES = ("redis", "rediss", "unix")
_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
MAX_WORKERS = 64


def _redis_url(raw: str | None) -> str | None:
    if raw is not None and urlsplit(raw).scheme not in _REDIS_SCHEMES:
        raise SettingsError(
            f"REDIS_URL must start with redis://, rediss:// or unix:// (got {raw.split(':')[0]!r})"
        )
    return raw


def _listen(raw: str) -> tuple[str, int]:
    host, _, port = raw.rpartition(":")
    if not host or not port.isdigit() or not 1 <= int(port) <= 65535:
        raise SettingsError(
            f"WEBHOOK_LISTEN={raw!r} must be host:port, e.g. 127.0.0.1:8080 (port 1-65535)"
        )
    return host.strip("[]"), int(port)


def _webhook(env: Mapping[str, str], token: str | None) -> Webhook | None:
    base = _get(env, "WEBHOOK_BASE_URL")
    if base is None:
        return None
    if token is None:
        raise SettingsError("WEBHOOK_BASE_URL needs BOT_TOKEN (the offline console has no webhook)")
    parts = urlsplit(base.rstrip("/"))
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query:
        raise SettingsError(
            f"WEBHOOK_BASE_URL={base!r} must be the bot's public https URL, e.g. "
            "https://bot.example.com (the webhook is its /webhook)"
        )
    secret = _get(env, "WEBHOOK_SECRET")
    if secret is None or not _SECRET.match(secret):
        raise SettingsError(
            "WEBHOOK_SECRET must be set with WEBHOOK_BASE_URL: 1 to 256 characters, "
            "letters, digits, _ and - (Telegram sends it with every update)"
        )
    host, port = _listen(_get(env, "WEBHOOK_LISTEN") or "127.0.0.1:8080")
    return Webhook(f"{base.rstrip('/')}/webhook", secret, host, port)


def _workers(env: Mapping[str, str], webhook: Webhook | None, redis_url: str | None) -> int:
    raw = _get(env, "WORKERS") or "1"
    workers = _int("WORKERS", raw)
    if not 1 <= workers <= MAX_WORKERS:
        raise SettingsError(
            f"WORKERS={raw!r} must be a number of processes from 1 to {MAX_WORKERS}"
        )
    if workers == 1:
        return 1
    if webhook is None:
        raise SettingsError(f"WORKERS={workers} needs WEBHOOK_BASE_URL: polling is one process")
    database_url = _get(env, "DATABASE_URL") or ""
    if not database_url.startswith(("postgresql://", "postgres://")):
        raise SettingsError(
            f"WORKERS={workers} needs a PostgreSQL DATABASE_URL: the SQLite file serves one "
            "process (set WORKERS=1, or DATABASE_URL=postgresql://...)"
        )
    if redis_url is None:
        raise SettingsError(
            f"WORKERS={workers} needs REDIS_URL: conversation state and the flood brake must be "
            "shared by the workers"
        )
    return workers


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Reads settings from `env` (default os.environ); raises SettingsError on the first bad one."""
    env = os.environ if env is None else env

    token = _get(env, "BOT_TOKEN")
    if token is not None and not _TOKEN.match(token):
        raise SettingsError("BOT_TOKEN does not look like a bot token (expected 123456:ABC-def...)")

    api_url = _api_url(_get(env, "TELEGRAM_API_URL") or DEFAULT_API_URL)

    language = _get(env, "DEFAULT_LANGUAGE") or "en"
    if language not in LANGUAGES:
        raise SettingsError(f"DEFAULT_LANGUAGE={language!r} must be one of {', '.join(LANGUAGES)}")

    timezone = _get(env, "DEFAULT_TIMEZONE") or "Europe/Moscow"
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingsError(
            f"DEFAULT_TIMEZONE={timezone!r} is not a known time zone (expected e.g. Europe/Moscow)"
        ) from None

    admin_raw = _get(env, "ADMIN_IDS") or ""
    admin_ids = frozenset(
        _int("ADMIN_IDS", part.strip()) for part in admin_raw.split(",") if part.strip()
    )

    operator_raw = _get(env, "OPERATOR_CHAT_ID")
    operators_group_id = _int("OPERATOR_CHAT_ID", operator_raw) if operator_raw else None

    log_level = (_get(env, "LOG_LEVEL") or "INFO").upper()
    if log_level not in logging.getLevelNamesMapping():
        raise SettingsError(f"LOG_LEVEL={log_level!r} must be DEBUG, INFO, WARNING or ERROR")

    rate_raw = _get(env, "BROADCAST_RATE") or "25"
    try:
        broadcast_rate = float(rate_raw)
    except ValueError:
        broadcast_rate = 0.0
    paid = (_get(env, "ALLOW_PAID_BROADCAST") or "false").lower()
    if paid not in ("true", "false", "1", "0", "yes", "no"):
        raise SettingsError(f"ALLOW_PAID_BROADCAST={paid!r} must be true or false")
    allow_paid = paid in ("true", "1", "yes")
    ceiling = 1000 if allow_paid else 30
    if not 0 < broadcast_rate <= ceiling:
        raise SettingsError(
            f"BROADCAST_RATE={rate_raw!r} must be a number of messages per second from 1 to "
            f"{ceiling}" + ("" if allow_paid else " (up to 1000 with ALLOW_PAID_BROADCAST=true)")
        )

    hours_raw = _get(env, "OPERATOR_HOURS")
    try:
        operator_hours = parse_operator_hours(hours_raw) if hours_raw else None
    except ValueError:
        raise SettingsError(
            f"OPERATOR_HOURS={hours_raw!r} must look like 'Mon-Fri 10-19 Europe/Moscow'"
            " (days, hours, the operators' time zone)"
        ) from None

    retention_raw = _get(env, "QUESTION_RETENTION_DAYS") or "180"
    retention = _int("QUESTION_RETENTION_DAYS", retention_raw)
    if not 1 <= retention <= 3650:
        raise SettingsError(
            f"QUESTION_RETENTION_DAYS={retention_raw!r} must be a number of days from 1 to 3650"
        )

    operators_language = _get(env, "OPERATORS_LANGUAGE") or language
    if operators_language not in LANGUAGES:
        raise SettingsError(
            f"OPERATORS_LANGUAGE={operators_language!r} must be one of {', '.join(LANGUAGES)}"
        )

    database_path, database_url = _database(env)

    redis_url = _redis_url(_get(env, "REDIS_URL"))
    webhook = _webhook(env, token)
    workers = _workers(env, webhook, redis_url)

    return Settings(
        bot_token=token,
        telegram_api_url=api_url,
        database_path=database_path,
        database_url=database_url,
        default_language=language,
        default_timezone=timezone,
        admin_ids=admin_ids,
        operators_group_id=operators_group_id,
        agency_contact=_get(env, "AGENCY_CONTACT") or "",
        log_level=log_level,
        broadcast_rate=broadcast_rate,
        allow_paid_broadcast=allow_paid,
        operator_hours=operator_hours,
        question_retention_days=retention,
        operators_language=operators_language,
        log_file=Path(_get(env, "LOG_FILE") or "data/renewal-bot.log"),
        redis_url=redis_url,
        webhook=webhook,
        workers=workers,
    )
