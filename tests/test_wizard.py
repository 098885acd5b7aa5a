"""The renewal wizard, saved documents, settings and privacy, through the real Dispatcher."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from bot.i18n import I18n
from bot.local_api import FakeUser
from faq.model import KnowledgeBase
from storage.documents import get_document, user_documents
from storage.users import get_user
from tests.harness import START, Chat, make_services, replies

TODAY = START.date()  # 2026-11-21, 12:00 in Moscow
ANN = FakeUser(id=21, first_name="Ann", language_code="en")
QUESTION = "how many days to register after arrival"


async def start_plan(chat: Chat, user: FakeUser, kind_title: str) -> None:
    await chat.say(user, "/renew")
    await chat.press(user, kind_title)


@pytest.mark.parametrize(
    ("lang", "typed"),
    [
        ("en", "March 15 2027"),
        ("en", "15/03/2027"),
        ("ru", "15 марта 2027"),
        ("ru", "15.03.2027"),
        ("zh", "2027年3月15日"),
        ("it", "15 marzo 2027"),
        ("it", "2027-03-15"),
    ],
)
async def test_typed_date_gives_a_dated_plan_and_saving_schedules_reminders(
    chat: Chat, kb: KnowledgeBase, i18n: I18n, lang: str, typed: str
) -> None:
    user = FakeUser(id=300 + len(typed) + ord(lang[0]), first_name="U", language_code=lang)
    t = i18n.translator(lang)
    visa = kb.documents["visa"]
    await start_plan(chat, user, visa.text(lang).title)
    [plan] = replies(await chat.say(user, typed))
    assert visa.text(lang).checklist[0] in plan.text
    assert "114" in plan.text  # 21 Nov 2026 -> 15 Mar 2027
    start_by = date(2027, 3, 15) - timedelta(days=visa.lead_days)
    from bot.dates import format_date

    assert format_date(start_by, lang) in plan.text
    assert {f"t:{topic}" for topic in visa.topics} <= {b["callback_data"] for b in plan.buttons}
    [saved] = replies(await chat.press(user, t("wizard-btn-save")))
    assert saved.text.startswith(t("wizard-saved"))
    [doc] = await user_documents(chat.services.db, user.id)
    assert (doc.kind, doc.expires_on) == ("visa", date(2027, 3, 15))
    first = datetime.fromtimestamp(doc.next_remind_at, UTC)
    # visa reminders: 45 days before = 29 Jan 2027 at 10:00 Moscow = 07:00 UTC
    assert first == datetime(2027, 1, 29, 7, tzinfo=UTC)


async def test_calendar_pick_back_and_cancel(chat: Chat, kb: KnowledgeBase, i18n: I18n) -> None:
    t = i18n.translator("en")
    await start_plan(chat, ANN, kb.documents["patent"].text("en").title)
    [next_month] = [c for c in await chat.press(ANN, "»") if c.method == "editMessageReplyMarkup"]
    assert "December 2026" in [b["text"] for b in next_month.buttons]
    calls = await chat.press(ANN, "20")
    [plan] = replies(calls)
    assert "20 December 2026" in plan.text
    [back] = replies(await chat.press(ANN, t("btn-back")))
    assert "expire" in back.text
    [kinds] = replies(await chat.press(ANN, t("btn-back")))
    assert kinds.text == t("wizard-ask-kind")
    [cancelled] = replies(await chat.press(ANN, t("wizard-btn-cancel")))
    assert cancelled.text == t("wizard-cancelled")
    assert await user_documents(chat.services.db, ANN.id) == []


async def test_bad_past_and_far_dates(chat: Chat, kb: KnowledgeBase, i18n: I18n) -> None:
    t = i18n.translator("en")
    await start_plan(chat, ANN, kb.documents["visa"].text("en").title)
    [bad] = replies(await chat.say(ANN, "next tuesday-ish"))
    assert bad.text.startswith(t("wizard-bad-date", example="X").split("<i>")[0])
    chat.telegram.send_content(
        ANN,
        sticker={
            "file_id": "s",
            "file_unique_id": "s",
            "type": "regular",
            "width": 1,
            "height": 1,
            "is_animated": False,
            "is_video": False,
        },
    )
    [sticker] = replies(await chat.deliver())
    assert sticker.text == bad.text
    [past] = replies(await chat.say(ANN, "01.11.2026"))
    assert "already past" in past.text
    assert "t:overstay-penalties" in [b["callback_data"] for b in past.buttons]
    [far] = replies(await chat.say(ANN, "01.01.2040"))
    assert far.text == t("wizard-too-far", years=10)
    [plan] = replies(await chat.say(ANN, "01.01.2027"))
    assert "41 days" in plan.text


async def test_cancel_command_works_anywhere(chat: Chat, kb: KnowledgeBase, i18n: I18n) -> None:
    t = i18n.translator("en")
    [nothing] = replies(await chat.say(ANN, "/cancel"))
    assert nothing.text == t("nothing-to-cancel")
    await start_plan(chat, ANN, kb.documents["visa"].text("en").title)
    [done] = replies(await chat.say(ANN, "/cancel"))
    assert done.text == t("wizard-cancelled")
    [answer] = replies(await chat.say(ANN, "how many days to register after arrival"))
    assert "wizard" not in answer.text.lower() and "Sources" in answer.text


async def test_a_restart_mid_wizard_carries_on(tmp_path: Path, kb: KnowledgeBase) -> None:
    path = tmp_path / "mid.db"
    first = Chat(make_services(path))
    await first.start()
    await start_plan(first, ANN, kb.documents["registration"].text("en").title)
    await first.close()

    second = Chat(make_services(path))
    await second.start()
    [plan] = replies(await second.say(ANN, "10.12.2026"))
    assert kb.documents["registration"].text("en").checklist[0] in plan.text
    await second.close()


async def test_label_and_mydocs_and_delete(chat: Chat, kb: KnowledgeBase, i18n: I18n) -> None:
    t = i18n.translator("en")
    await start_plan(chat, ANN, kb.documents["visa"].text("en").title)
    await chat.say(ANN, "15.03.2027")
    await chat.press(ANN, "Add a name")
    [plan] = replies(await chat.say(ANN, "<b>Son</b> & co"))
    assert "(&lt;b&gt;Son&lt;/b&gt; &amp; co)" in plan.text
    await chat.press(ANN, t("wizard-btn-save"))
    [listing] = replies(await chat.say(ANN, "/mydocs"))
    assert "114 days" in listing.text and "&lt;b&gt;Son" in listing.text
    await chat.press(ANN, "15 March 2027")
    [confirm] = replies(await chat.press(ANN, t("doc-btn-delete")))
    assert confirm.text.startswith("Delete")
    [after] = replies(await chat.press(ANN, t("doc-btn-really-delete")))
    assert t("docs-empty") in after.text
    assert await user_documents(chat.services.db, ANN.id) == []


async def save_visa(chat: Chat, kb: KnowledgeBase, i18n: I18n, user: FakeUser, typed: str) -> int:
    t = i18n.translator(user.language_code or "en")
    await start_plan(chat, user, kb.documents["visa"].text(user.language_code or "en").title)
    await chat.say(user, typed)
    await chat.press(user, t("wizard-btn-save"))
    [doc] = await user_documents(chat.services.db, user.id)
    return doc.id


async def test_i_renewed_it_takes_a_new_date_and_restarts_reminders(
    chat: Chat, kb: KnowledgeBase, i18n: I18n
) -> None:
    doc_id = await save_visa(chat, kb, i18n, ANN, "01.12.2026")
    await chat.say(ANN, "/mydocs")
    await chat.press(ANN, "1 December 2026")
    [ask] = replies(await chat.press(ANN, "I renewed it"))
    assert "new expiry date" in ask.text
    [done] = replies(await chat.say(ANN, "01.12.2027"))
    assert "1 December 2027" in done.text
    doc = await get_document(chat.services.db, ANN.id, doc_id)
    assert doc.expires_on == date(2027, 12, 1)
    assert datetime.fromtimestamp(doc.next_remind_at, UTC).date() == date(2027, 10, 17)


async def test_calendar_file_has_both_events_with_alarms(
    chat: Chat, kb: KnowledgeBase, i18n: I18n
) -> None:
    await save_visa(chat, kb, i18n, ANN, "15.03.2027")
    await chat.say(ANN, "/mydocs")
    await chat.press(ANN, "15 March 2027")
    calls = await chat.press(ANN, i18n.translator("en")("doc-btn-ics"))
    [sent] = [c for c in calls if c.method == "sendDocument"]
    document = sent.params["document"]
    assert document["filename"].endswith(".ics")
    calendar = Calendar.from_ical(document["content"])
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert len(events) == 2
    expiry = next(e for s, e in events.items() if "expires" in s)
    assert expiry.decoded("dtstart") == date(2027, 3, 15)
    assert len(expiry.walk("VALARM")) == 2


async def test_settings_change_time_zone_and_hour_reschedules(
    chat: Chat, kb: KnowledgeBase, i18n: I18n
) -> None:
    doc_id = await save_visa(chat, kb, i18n, ANN, "15.03.2027")
    await chat.say(ANN, "/settings")
    await chat.press(ANN, i18n.translator("en")("settings-btn-tz"))
    [typed] = replies(await chat.say(ANN, "asia/shanghai"))
    assert "Asia/Shanghai" in typed.text
    await chat.press(ANN, i18n.translator("en")("settings-btn-hour"))
    await chat.press(ANN, "08:00")
    user = await get_user(chat.services.db, ANN.id)
    assert (user.timezone, user.reminder_hour) == ("Asia/Shanghai", 8)
    doc = await get_document(chat.services.db, ANN.id, doc_id)
    # 29 Jan 2027 08:00 in Shanghai (UTC+8) = 00:00 UTC
    assert datetime.fromtimestamp(doc.next_remind_at, UTC) == datetime(2027, 1, 29, 0, tzinfo=UTC)
    [bad] = replies(await chat.say(ANN, "/settings"))
    del bad


async def test_export_then_forget_leaves_nothing_behind(
    chat: Chat, kb: KnowledgeBase, i18n: I18n
) -> None:
    await save_visa(chat, kb, i18n, ANN, "15.03.2027")
    await chat.say(ANN, "what is the fine for overstaying")
    calls = await chat.say(ANN, "/export")
    [export] = [c for c in calls if c.method == "sendDocument"]
    data = json.loads(export.params["document"]["content"])
    assert data["profile"]["id"] == ANN.id
    assert [d["kind"] for d in data["documents"]] == ["visa"]
    assert len(data["questions"]) == 1

    await start_plan(chat, ANN, kb.documents["visa"].text("en").title)  # leave FSM state behind
    before = rows_about(chat.services.db.path, ANN.id)
    assert before["users.id"] == 1 and before["documents.user_id"] == 1
    assert before["fsm_state.user_id"] >= 1 and before["questions.user_id"] == 1
    await chat.say(ANN, "/forget")
    [done] = replies(await chat.press(ANN, i18n.translator("en")("forget-btn-yes")))
    assert done.text == i18n.translator("en")("forget-done")
    after = rows_about(chat.services.db.path, ANN.id)
    assert set(after) == set(before) and not any(after.values()), after


def rows_about(path: Path, user_id: int) -> dict[str, int]:
    """Rows in every table that name the user, by table and column."""
    counts = {}
    with sqlite3.connect(path) as conn:
        tables = conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
        for (table,) in tables:
            columns = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
            wanted = (columns & {"user_id", "chat_id"}) | ({"id"} if table == "users" else set())
            for column in wanted:
                sql = f"SELECT COUNT(*) FROM {table} WHERE {column} = ?"
                counts[f"{table}.{column}"] = conn.execute(sql, (user_id,)).fetchone()[0]
        orphans = conn.execute(
            "SELECT COUNT(*) FROM reminders_sent"
            " WHERE document_id NOT IN (SELECT id FROM documents)"
        ).fetchone()[0]
    counts["reminders_sent.orphans"] = orphans
    return counts


async def test_a_double_tap_on_save_saves_one_document(
    chat: Chat, kb: KnowledgeBase, i18n: I18n
) -> None:
    t = i18n.translator("en")
    await start_plan(chat, ANN, kb.documents["visa"].text("en").title)
    await chat.say(ANN, "15.03.2027")
    chat.telegram.press_button(ANN, t("wizard-btn-save"))
    chat.telegram.press_button(ANN, t("wizard-btn-save"))
    calls = await chat.deliver_at_once()
    assert len(await user_documents(chat.services.db, ANN.id)) == 1
    answered = [c for c in calls if c.method == "answerCallbackQuery"]
    assert len(answered) == 2


async def test_export_includes_a_half_filled_form(chat: Chat, kb: KnowledgeBase) -> None:
    await start_plan(chat, ANN, kb.documents["visa"].text("en").title)
    calls = await chat.say(ANN, "/export")
    [export] = [c for c in calls if c.method == "sendDocument"]
    data = json.loads(export.params["document"]["content"])
    [form] = data["conversation_state"]
    assert form["chat_id"] == ANN.id and form["state"].startswith("RenewWizard:")
    assert "visa" in form["data"]


async def test_a_plan_made_on_the_start_by_day_says_start_today(
    chat: Chat, kb: KnowledgeBase, i18n: I18n
) -> None:
    t = i18n.translator("en")
    await start_plan(chat, ANN, kb.documents["visa"].text("en").title)
    expiry = TODAY + timedelta(days=kb.documents["visa"].lead_days)
    [plan] = replies(await chat.say(ANN, expiry.strftime("%d.%m.%Y")))
    assert t("plan-start-today") in plan.text and t("plan-start-now") not in plan.text


def callback_data(call: object) -> set[str]:
    return {b["callback_data"] for b in call.buttons}  # type: ignore[attr-defined]


async def test_a_question_typed_in_the_wizard_is_answered_and_the_step_comes_back(
    chat: Chat, kb: KnowledgeBase, i18n: I18n
) -> None:
    t = i18n.translator("en")
    await chat.say(ANN, "/renew")
    [answer, kinds] = replies(await chat.say(ANN, QUESTION))
    assert "Sources" in answer.text
    assert kinds.text == t("wizard-ask-kind") and "k:visa" in callback_data(kinds)

    [date_step] = replies(await chat.press(ANN, kb.documents["visa"].text("en").title))
    [answer, again] = replies(await chat.say(ANN, QUESTION))
    assert "Sources" in answer.text and "couldn't read" not in answer.text
    assert again.text == date_step.text and again.buttons == date_step.buttons

    [plan] = replies(await chat.say(ANN, "15.03.2027"))
    [answer, plan_again] = replies(await chat.say(ANN, QUESTION))
    assert "Sources" in answer.text
    assert plan_again.text == plan.text and plan_again.buttons == plan.buttons
    assert t("wizard-btn-save") in [b["text"] for b in plan_again.buttons]
    [saved] = replies(await chat.press(ANN, t("wizard-btn-save")))
    assert saved.text.startswith(t("wizard-saved"))


async def test_asking_again_shows_the_buttons_of_the_step(
    chat: Chat, kb: KnowledgeBase, i18n: I18n
) -> None:
    t = i18n.translator("en")
    await chat.say(ANN, "/renew")
    [date_step] = replies(await chat.press(ANN, kb.documents["visa"].text("en").title))
    for wrong in ("soonish", "01.01.2040"):
        [again] = replies(await chat.say(ANN, wrong))
        assert again.buttons == date_step.buttons
    [past] = replies(await chat.say(ANN, "01.11.2026"))
    assert callback_data(date_step) <= callback_data(past)
    [plan] = replies(await chat.say(ANN, "15.03.2027"))
    [again] = replies(await chat.say(ANN, "ok"))
    assert again.text == t("wizard-use-buttons") and again.buttons == plan.buttons


def ticked(call: object) -> list[int]:
    texts = [b["text"] for b in call.buttons]  # type: ignore[attr-defined]
    return [int(text.split()[1]) for text in texts if text.startswith("✅")]


async def test_ticking_one_reminder_day_keeps_a_reminder_before_expiry(
    chat: Chat, kb: KnowledgeBase, i18n: I18n
) -> None:
    t = i18n.translator("en")
    doc_id = await save_visa(chat, kb, i18n, ANN, "01.12.2026")  # 10 days left
    first = (await get_document(chat.services.db, ANN.id, doc_id)).next_remind_at
    await chat.say(ANN, "/settings")
    [menu] = replies(await chat.press(ANN, t("settings-btn-days")))
    assert ticked(menu) == list(kb.documents["visa"].reminder_days)  # the defaults, shown ticked
    [after] = replies(await chat.press(ANN, "▫️ 90"))
    assert ticked(after) == [90, *kb.documents["visa"].reminder_days]
    user = await get_user(chat.services.db, ANN.id)
    assert user.reminder_days == (90, *kb.documents["visa"].reminder_days)
    doc = await get_document(chat.services.db, ANN.id, doc_id)
    assert doc.next_remind_at == first  # 7 days before: 24 November, 10:00 Moscow
    [listing] = replies(await chat.say(ANN, "/mydocs"))
    assert "Next reminder: 24 November 2026 at 10:00" in listing.text


async def test_days_that_leave_a_document_without_a_reminder_are_refused(
    chat: Chat, kb: KnowledgeBase, i18n: I18n
) -> None:
    t = i18n.translator("en")
    await start_plan(chat, ANN, kb.documents["visa"].text("en").title)
    await chat.say(ANN, "23.11.2026")  # 2 days left: the 1-day and on-the-day reminders remain
    await chat.press(ANN, "Add a name")
    await chat.say(ANN, "Anna")
    await chat.press(ANN, t("wizard-btn-save"))
    await chat.say(ANN, "/settings")
    await chat.press(ANN, t("settings-btn-days"))
    [fewer] = replies(await chat.press(ANN, "✅ 1"))
    assert 1 not in ticked(fewer) and 0 in ticked(fewer)
    [refused] = replies(await chat.press(ANN, "✅ 0"))
    assert "Not changed" in refused.text and "Visa (Anna)" in refused.text
    assert 0 in ticked(refused)
    assert 0 in (await get_user(chat.services.db, ANN.id)).reminder_days
    [doc] = await user_documents(chat.services.db, ANN.id)
    assert datetime.fromtimestamp(doc.next_remind_at, UTC) == datetime(2026, 11, 23, 7, tzinfo=UTC)


@pytest.mark.parametrize(
    ("lang", "button", "typed", "zone"),
    [
        ("zh", "莫斯科 (UTC+3)", "北京时间", "Asia/Shanghai"),
        ("en", "Moscow (UTC+3)", "Moscow", "Europe/Moscow"),
        ("en", "Vladivostok (UTC+10)", "UTC+5", "Asia/Yekaterinburg"),
        ("ru", "Москва (UTC+3)", "новосибирское время", "Asia/Novosibirsk"),
        ("it", "Mosca (UTC+3)", "Roma", "Europe/Rome"),
    ],
)
async def test_time_zones_are_offered_by_city_and_offset_and_understood_when_typed(
    chat: Chat, i18n: I18n, lang: str, button: str, typed: str, zone: str
) -> None:
    t = i18n.translator(lang)
    user = FakeUser(id=600 + len(typed), first_name="Z", language_code=lang)
    await chat.say(user, "/settings")
    [offer] = replies(await chat.press(user, t("settings-btn-tz")))
    assert button in [b["text"] for b in offer.buttons]
    [saved] = replies(await chat.say(user, typed))
    assert saved.text.startswith(t("settings-saved")) and zone in saved.text
    assert (await get_user(chat.services.db, user.id)).timezone == zone
    await chat.press(user, t("settings-btn-tz"))
    [bad] = replies(await chat.say(user, "somewhere nice"))
    assert bad.text == t("settings-bad-tz", typed="somewhere nice")


async def test_the_work_patent_is_paid_monthly_and_i_paid_moves_it_a_month(
    chat: Chat, kb: KnowledgeBase, i18n: I18n
) -> None:
    t = i18n.translator("en")
    patent = kb.documents["patent"]
    await chat.say(ANN, "/renew")
    [ask] = replies(await chat.press(ANN, patent.text("en").title))
    assert "until what date is your" in ask.text and "paid" in ask.text
    [plan] = replies(await chat.say(ANN, "05.12.2026"))
    assert "Paid until <b>5 December 2026</b>" in plan.text and "14 days" in plan.text
    assert t("plan-pay-monthly") in plan.text and "Start the renewal" not in plan.text
    await chat.press(ANN, t("wizard-btn-save"))
    [doc] = await user_documents(chat.services.db, ANN.id)

    # 7 days before the payment is due, 10:00 in Moscow
    clock = chat.services.clock
    clock.set(datetime(2026, 11, 28, 7, tzinfo=UTC))  # type: ignore[attr-defined]
    before = len(chat.telegram.calls)
    assert await chat.services.reminders.send_due(clock.now()) == 1
    [reminder] = replies(chat.telegram.calls[before:])
    assert "paid until 5 December 2026" in reminder.text and "7 days" in reminder.text
    assert t("reminder-btn-paid") in [b["text"] for b in reminder.buttons]

    [done] = replies(await chat.press(ANN, t("reminder-btn-paid")))
    assert "paid until 5 January 2027" in done.text
    assert "Next reminder: 29 December 2026 at 10:00" in done.text
    doc = await get_document(chat.services.db, ANN.id, doc.id)
    assert doc.expires_on == date(2027, 1, 5)
    assert datetime.fromtimestamp(doc.next_remind_at, UTC) == datetime(2026, 12, 29, 7, tzinfo=UTC)
