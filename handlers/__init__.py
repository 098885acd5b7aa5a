"""Feature routers, in the order the dispatcher tries them: the catch-all comes last."""

from aiogram import Router

from handlers import (
    documents,
    errors,
    fallback,
    inline,
    language,
    operator,
    privacy,
    questions,
    start,
    topics,
    user_settings,
    wizard,
)


def routers() -> list[Router]:
    return [
        errors.router,
        start.router,
        wizard.router,
        documents.router,
        user_settings.router,
        privacy.router,
        language.router,
        topics.router,
        operator.router,
        inline.router,
        questions.router,
        fallback.router,
    ]
