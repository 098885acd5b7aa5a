from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.settings import REPLY_SHARE, SettingsError, load_settings

REPO = Path(__file__).resolve().parent.parent


def test_defaults_need_no_configuration() -> None:
    s = load_settings({})
    assert s.offline and s.bot_token is None
    assert s.telegram_api_url == "https://api.telegram.org"
    assert s.database_path == Path("data/renewal-bot.db")
    assert (s.default_language, s.default_timezone) == ("en", "Europe/Moscow")
    assert s.admin_ids == frozenset() and s.operators_group_id is None
    assert s.log_level == "INFO"


def test_every_setting_is_read() -> None:
    s = load_settings(
        {
            "BOT_TOKEN": "123:abc-DEF_1",
            "TELEGRAM_API_URL": "http://127.0.0.1:8081/",
            "DATABASE_PATH": "/tmp/x.db",
            "DEFAULT_LANGUAGE": "zh",
            "DEFAULT_TIMEZONE": "Asia/Shanghai",
            "ADMIN_IDS": "1, 22,333",
            "OPERATOR_CHAT_ID": "-1001234",
            "AGENCY_CONTACT": "+7 000 (example)",
            "LOG_LEVEL": "debug",
        }
    )
    assert s.bot_token == "123:abc-DEF_1" and not s.offline
    assert s.telegram_api_url == "http://127.0.0.1:8081"
    assert s.admin_ids == {1, 22, 333} and s.operators_group_id == -1001234
    assert (s.default_language, s.default_timezone, s.log_level) == ("zh", "Asia/Shanghai", "DEBUG")
    assert "abc-DEF" not in repr(s)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("BOT_TOKEN", "not a token"),
        ("TELEGRAM_API_URL", "ftp://x"),
        ("TELEGRAM_API_URL", "http://127.0.0.1:99999"),
        ("TELEGRAM_API_URL", "http://127.0.0.1:0"),
        ("TELEGRAM_API_URL", "http://127.0.0.1:port"),
        ("TELEGRAM_API_URL", "http://"),
        ("TELEGRAM_API_URL", "https://api.telegram.org?x=1"),
        ("DEFAULT_LANGUAGE", "de"),
        ("DEFAULT_TIMEZONE", "Mars/Olympus"),
        ("ADMIN_IDS", "12,abc"),
        ("OPERATOR_CHAT_ID", "group"),
        ("LOG_LEVEL", "LOUD"),
    ],
)
def test_a_bad_value_names_its_setting(name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=name):
        load_settings({name: value})


def run_bot(folder: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`python -m bot` in `folder` with only `env` set, as a service manager would start it."""
    return subprocess.run(
        [sys.executable, "-m", "bot"],
        cwd=folder,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_bad_setting_stops_the_bot_with_one_line_and_status_2(tmp_path: Path) -> None:
    result = run_bot(tmp_path, {"DEFAULT_TIMEZONE": "Mars/Olympus"})
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "DEFAULT_TIMEZONE" in lines[0] and "Traceback" not in result.stderr


def test_every_setting_is_documented_in_env_example_and_readme() -> None:
    code = (REPO / "bot" / "settings.py").read_text()
    names = set(re.findall(r'_get\(env, "([A-Z_]+)"\)', code))
    assert len(names) >= 11
    example = (REPO / ".env.example").read_text()
    documented = set(re.findall(r"^([A-Z_]+)=", example, flags=re.MULTILINE))
    assert names == documented
    readme = (REPO / "README.md").read_text()
    assert all(f"`{name}`" in readme for name in names)


def test_operator_hours_are_read_and_a_bad_value_names_the_setting() -> None:
    en_dashes = "Mon\u2013Fri 10\u201319 Europe/Moscow"
    hours = load_settings({"OPERATOR_HOURS": en_dashes}).operator_hours
    assert hours is not None and hours.days == frozenset(range(5)) and hours.zone == "Europe/Moscow"
    assert load_settings({}).operator_hours is None
    for bad in ("always", "Mon-Fri 19-10 Europe/Moscow", "Mon-Fri 10-19 Mars/Olympus"):
        with pytest.raises(SettingsError, match="OPERATOR_HOURS"):
            load_settings({"OPERATOR_HOURS": bad})


def test_retention_operators_language_and_log_file() -> None:
    s = load_settings({})
    assert (s.question_retention_days, s.operators_language) == (180, "en")
    assert s.log_file == Path("data/renewal-bot.log")
    s = load_settings({"DEFAULT_LANGUAGE": "ru"})
    assert s.operators_language == "ru"  # follows DEFAULT_LANGUAGE unless set
    s = load_settings(
        {
            "DEFAULT_LANGUAGE": "ru",
            "OPERATORS_LANGUAGE": "zh",
            "QUESTION_RETENTION_DAYS": "30",
            "LOG_FILE": "/tmp/bot.log",
        }
    )
    assert (s.operators_language, s.question_retention_days) == ("zh", 30)
    assert s.log_file == Path("/tmp/bot.log")
    for name, value in (
        ("QUESTION_RETENTION_DAYS", "0"),
        ("QUESTION_RETENTION_DAYS", "half a year"),
        ("OPERATORS_LANGUAGE", "de"),
    ):
        with pytest.raises(SettingsError, match=name):
            load_settings({name: value})


def test_database_url_wins_over_database_path_and_hides_its_password() -> None:
    assert load_settings({}).database_url == "sqlite:///data/renewal-bot.db"
    s = load_settings({"DATABASE_PATH": "/tmp/x.db", "DATABASE_URL": "sqlite:////srv/bot.db"})
    assert (s.database_path, s.database_url) == (Path("/srv/bot.db"), "sqlite:////srv/bot.db")
    url = "postgresql://bot:s3cret@db.example:5432/renewal"
    s = load_settings({"DATABASE_PATH": "/tmp/x.db", "DATABASE_URL": url})
    assert s.database_url == url
    assert "s3cret" not in repr(s) and "db.example" in repr(s)


@pytest.mark.parametrize("url", ["mysql://h/db", "sqlite://relative.db", "postgresql:///nohost"])
def test_a_database_url_of_another_kind_is_refused_without_its_password(url: str) -> None:
    with pytest.raises(SettingsError, match=r"DATABASE_URL=.* must be sqlite:///"):
        load_settings({"DATABASE_URL": url})
    with pytest.raises(SettingsError) as refused:
        load_settings({"DATABASE_URL": "mysql://bot:s3cret@h/db"})
    assert "s3cret" not in str(refused.value)


WEBHOOK_ENV = {
    "BOT_TOKEN": "123:abc",
    "WEBHOOK_BASE_URL": "https://bot.example.com/renewal/",
    "WEBHOOK_SECRET": "s3cret_-X",
}


def test_webhook_workers_and_redis_are_read() -> None:
    s = load_settings(
        {
            **WEBHOOK_ENV,
            "WEBHOOK_LISTEN": "0.0.0.0:8443",
            "REDIS_URL": "redis://:pw@127.0.0.1:6379/2",
            "DATABASE_URL": "postgresql://bot@db/bot",
            "WORKERS": "4",
        }
    )
    assert s.webhook is not None and s.workers == 4
    assert s.webhook.url == "https://bot.example.com/renewal/webhook"
    assert s.webhook.path == "/renewal/webhook"
    assert (s.webhook.secret, s.webhook.host, s.webhook.port) == ("s3cret_-X", "0.0.0.0", 8443)
    assert s.redis_url == "redis://:pw@127.0.0.1:6379/2" and "pw" not in repr(s)
    plain = load_settings({})
    assert (plain.webhook, plain.redis_url, plain.workers) == (None, None, 1)
    assert (load_settings(WEBHOOK_ENV).webhook.host, load_settings(WEBHOOK_ENV).webhook.port) == (
        "127.0.0.1",
        8080,
    )


@pytest.mark.parametrize(
    ("env", "name"),
    [
        ({"REDIS_URL": "http://127.0.0.1:6379"}, "REDIS_URL"),
        ({"WEBHOOK_BASE_URL": "https://bot.example.com"}, "WEBHOOK_BASE_URL needs BOT_TOKEN"),
        ({**WEBHOOK_ENV, "WEBHOOK_BASE_URL": "bot.example.com"}, "WEBHOOK_BASE_URL"),
        ({**WEBHOOK_ENV, "WEBHOOK_SECRET": ""}, "WEBHOOK_SECRET"),
        ({**WEBHOOK_ENV, "WEBHOOK_SECRET": "has space"}, "WEBHOOK_SECRET"),
        ({**WEBHOOK_ENV, "WEBHOOK_LISTEN": "8080"}, "WEBHOOK_LISTEN"),
        ({**WEBHOOK_ENV, "WEBHOOK_LISTEN": "0.0.0.0:70000"}, "WEBHOOK_LISTEN"),
        ({**WEBHOOK_ENV, "WORKERS": "0"}, "WORKERS"),
        ({"BOT_TOKEN": "123:abc", "WORKERS": "2"}, "WORKERS=2 needs WEBHOOK_BASE_URL"),
        ({**WEBHOOK_ENV, "WORKERS": "2", "REDIS_URL": "redis://r"}, "PostgreSQL DATABASE_URL"),
        ({**WEBHOOK_ENV, "WORKERS": "2", "DATABASE_URL": "postgresql://db/b"}, "needs REDIS_URL"),
    ],
)
def test_a_bad_scale_setting_names_what_is_wrong(env: dict[str, str], name: str) -> None:
    with pytest.raises(SettingsError, match=name):
        load_settings(env)


def test_several_workers_on_sqlite_are_refused_in_one_line(tmp_path: Path) -> None:
    result = run_bot(
        tmp_path,
        {
            **WEBHOOK_ENV,
            "REDIS_URL": "redis://127.0.0.1:6379/0",
            "WORKERS": "2",
        },
    )
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert "WORKERS=2 needs a PostgreSQL DATABASE_URL" in line and "SQLite" in line
    assert not (tmp_path / "data").exists()  # refused before anything was opened


def test_an_unreachable_redis_stops_the_bot_in_one_line(tmp_path: Path) -> None:
    result = run_bot(
        tmp_path,
        {
            "BOT_TOKEN": "123:abc",
            "REDIS_URL": "redis://:hunter2@127.0.0.1:1/0",
        },
    )
    assert result.returncode == 2
    last = result.stderr.strip().splitlines()[-1]  # after the log of opening the database
    assert last == "renewal-bot: cannot reach Redis at REDIS_URL: ConnectionError"
    assert "hunter2" not in result.stderr and "Traceback" not in result.stderr


def test_with_several_processes_reminders_and_broadcasts_leave_a_share_to_replies() -> None:
    alone = load_settings({"BROADCAST_RATE": "30"})
    assert alone.bulk_rate == 30
    shared = load_settings({"BROADCAST_RATE": "30", "DATABASE_URL": "postgresql://db/bot"})
    assert shared.bulk_rate == pytest.approx(30 * (1 - REPLY_SHARE)) and REPLY_SHARE > 0
    paced_in_redis = load_settings({"BROADCAST_RATE": "30", "REDIS_URL": "redis://r:6379/0"})
    assert paced_in_redis.bulk_rate == shared.bulk_rate
