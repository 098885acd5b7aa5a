"""Feature routers, in the order the dispatcher tries them: the catch-all comes last."""

from aiogram import Router

from handlers import (
    broadcast,
    cancel,
    documents,
    errors,
    fallback,
    handoff,
    handoff_group,
    inline,
    language,
    news,
    operators,
    privacy,
    questions,
    review,
    start,
    topics,
    user_settings,
    wizard,
)


def routers() -> list[Router]:
    return [
        errors.router,
        operators.router,  # before anything that could swallow an operator command
        review.router,
        start.router,
        cancel.router,  # /cancel leaves any form or hand-off, before the forms see it
        wizard.router,
        documents.router,
        user_settings.router,
        news.router,
        privacy.router,
        language.router,
        topics.router,
        handoff.router,
        handoff_group.router,
        broadcast.router,
        inline.router,
        questions.router,
        fallback.router,
    ]
