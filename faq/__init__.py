"""The knowledge base: content files, their validation, the matcher and answer rendering."""

from faq.loader import ContentError, load_knowledge_base
from faq.model import LANGUAGES, KnowledgeBase, Topic
from faq.render import render_answer

__all__ = [
    "LANGUAGES",
    "ContentError",
    "KnowledgeBase",
    "Topic",
    "load_knowledge_base",
    "render_answer",
]
