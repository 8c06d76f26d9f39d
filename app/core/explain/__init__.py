"""Explanations built on the engine's evidence (docs/architecture.md, sections 2 and 5).

- ``evidence``: the reasons and facts an explanation may use, from a recommendation's exact attribution;
- ``prompts``: what the language model is given; it writes only the clause after our prefix;
- ``templates``: the sentence without a model, from the strongest fact (English, Chinese);
- ``grammar``: the words the model may write (those its facts lend, and joiners), for llama.cpp;
- ``verify``: every name and claim of a text checked against the evidence before it is shown.
The template path needs no model at all."""

from app.core.explain.evidence import (
    ASKED_CHARS,
    Fact,
    Reason,
    WhyEvidence,
    about,
    asked_excerpt,
    asked_first,
    evidence_from,
    linked,
    prefix_for,
    series_of,
)
from app.core.explain.grammar import clause_grammar
from app.core.explain.prompts import PROMPT_VERSION, chat_messages, few_shot_prompt
from app.core.explain.templates import template_text
from app.core.explain.verify import (
    NOT_SPECIFIC,
    Cited,
    NameIndex,
    check,
    cited_history,
    ends_on_abbreviation,
    specific,
    unique,
)

__all__ = [
    "clause_grammar",
    "ASKED_CHARS",
    "NOT_SPECIFIC",
    "PROMPT_VERSION",
    "Cited",
    "Fact",
    "NameIndex",
    "Reason",
    "WhyEvidence",
    "about",
    "asked_excerpt",
    "asked_first",
    "chat_messages",
    "check",
    "cited_history",
    "ends_on_abbreviation",
    "evidence_from",
    "few_shot_prompt",
    "linked",
    "prefix_for",
    "series_of",
    "specific",
    "template_text",
    "unique",
]
