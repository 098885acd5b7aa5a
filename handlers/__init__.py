"""Feature routers, in the order the dispatcher tries them: the catch-all comes last."""

from aiogram import Router

from handlers import errors, fallback, inline, language, operator, questions, start, topics


def routers() -> list[Router]:
    return [
        errors.router,
        start.router,
        language.router,
        topics.router,
        operator.router,
        inline.router,
        questions.router,
        fallback.router,
    ]
