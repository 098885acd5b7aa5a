"""Start-up failures, in the bot's own process: one line on stderr, no token, nothing touched."""

from __future__ import annotations

import asyncio
import os
import socket
from pathlib import Path

import pytest

from tests.bot_process import BOT_COMMAND, BotProcess
from tests.fake_telegram_server import TEST_TOKEN, FakeTelegramServer

START_TIMEOUT = 120.0  # the process imports aiogram and builds the matcher: slow on a busy machine


def bot(tmp_path: Path, **env: str) -> BotProcess:
    return BotProcess(
        {
            "BOT_TOKEN": TEST_TOKEN,
            "TELEGRAM_API_URL": "http://127.0.0.1:9",
            "DATABASE_PATH": str(tmp_path / "data" / "bot.db"),
            "LOG_LEVEL": "INFO",
            **env,
        },
        tmp_path / "bot.log",
        command=BOT_COMMAND,
    )


async def fails_in_one_line(process: BotProcess) -> str:
    process.start()
    assert await process.wait(START_TIMEOUT) == 2
    lines = process.log.splitlines()
    assert len(lines) == 1, process.log
    assert TEST_TOKEN not in process.log and TEST_TOKEN.split(":")[1] not in process.log
    return lines[0]


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:99999", "http://127.0.0.1:0", "ftp://127.0.0.1", "http://a b"]
)
async def test_a_malformed_api_url_is_one_line_and_exit_2(tmp_path: Path, url: str) -> None:
    line = await fails_in_one_line(bot(tmp_path, TELEGRAM_API_URL=url))
    assert line.startswith("renewal-bot: configuration error: TELEGRAM_API_URL=")
    assert not (tmp_path / "data").exists()


def snapshot(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in directory.iterdir() if p.is_file()}


async def test_a_database_path_that_is_a_directory(tmp_path: Path) -> None:
    path = tmp_path / "data" / "bot.db"
    path.mkdir(parents=True)
    line = await fails_in_one_line(bot(tmp_path, DATABASE_PATH=str(path)))
    assert "is a directory" in line
    assert list(path.iterdir()) == [] and [p.name for p in path.parent.iterdir()] == ["bot.db"]


@pytest.mark.parametrize(
    "content", [os.urandom(8192), b"SQLite format 3\x00" + b"\xff" * 200], ids=["noise", "cut"]
)
async def test_a_corrupted_database_file_is_left_as_it_was(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "data" / "bot.db"
    path.parent.mkdir()
    path.write_bytes(content)
    line = await fails_in_one_line(bot(tmp_path, DATABASE_PATH=str(path)))
    assert line == f"renewal-bot: cannot open the database {str(path)!r}: file is not a database"
    assert snapshot(path.parent) == {"bot.db": content}


async def test_a_database_on_a_read_only_file_system(tmp_path: Path) -> None:
    line = await fails_in_one_line(bot(tmp_path, DATABASE_PATH="/proc/renewal-bot-test.db"))
    assert line.startswith("renewal-bot: cannot open the database '/proc/renewal-bot-test.db'")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only files all the same")
async def test_a_read_only_database_file_is_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "data" / "bot.db"
    path.parent.mkdir()
    path.write_bytes(b"")
    path.chmod(0o444)
    path.parent.chmod(0o555)
    try:
        line = await fails_in_one_line(bot(tmp_path, DATABASE_PATH=str(path)))
        assert line.startswith("renewal-bot: cannot open the database")
        assert snapshot(path.parent) == {"bot.db": b""}
    finally:
        path.parent.chmod(0o755)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_an_unreachable_telegram_is_waited_for_in_short_lines(tmp_path: Path) -> None:
    port = free_port()
    process = bot(tmp_path, TELEGRAM_API_URL=f"http://127.0.0.1:{port}")
    process.start()
    try:
        async with asyncio.timeout(START_TIMEOUT):
            while process.log.count("Telegram cannot be reached") < 2:
                assert process.proc is not None and process.proc.poll() is None, process.log
                await asyncio.sleep(0.2)
        async with FakeTelegramServer() as server:
            await server.stop()
            await server.start(port=port)
            await server.wait_for_poll(since=0, timeout=90)
            assert await process.stop() == 0
    finally:
        if process.proc is not None and process.proc.poll() is None:
            process.kill()
    assert TEST_TOKEN not in process.log and "Traceback" not in process.log
    waiting = [line for line in process.log.splitlines() if "cannot be reached" in line]
    assert all(len(line) < 200 for line in waiting), waiting


async def test_an_unreachable_postgresql_is_one_line_without_its_password(tmp_path: Path) -> None:
    url = "postgresql://bot:s3cret@127.0.0.1:9/renewal"  # port 9: nothing listens there
    line = await fails_in_one_line(bot(tmp_path, DATABASE_URL=url))
    assert line.startswith(
        "renewal-bot: cannot open the database 'postgresql://bot:***@127.0.0.1:9/renewal': "
    )
    assert "s3cret" not in line
