# ruff: noqa: E501 - each help text on one line, as declared
"""The settings' help texts for translation: each is the declared help of app/core/types.py (a test keeps them
the same), marked here so that lupdate finds it; the Settings page shows it through QCoreApplication.translate."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

__all__ = ["HELP"]

HELP = (
    QT_TRANSLATE_NOOP("SettingHelp", "sentence-transformers folder ('' = bundled all-MiniLM-L6-v2)"),
    QT_TRANSLATE_NOOP("SettingHelp", 'where models run: auto, cpu, cuda, mps'),
    QT_TRANSLATE_NOOP("SettingHelp", "GGUF file of the explainer ('' = bundled Gemma 3 270M)"),
    QT_TRANSLATE_NOOP("SettingHelp", 'auto (chat if the file has a chat template), completion or chat'),
    QT_TRANSLATE_NOOP("SettingHelp", 'CPU threads for the explainer (0 = automatic)'),
    QT_TRANSLATE_NOOP("SettingHelp", 'context size of the explainer, in tokens'),
    QT_TRANSLATE_NOOP("SettingHelp", 'layers offloaded to the GPU (-1 = all if llama.cpp can)'),
    QT_TRANSLATE_NOOP("SettingHelp", 'sampling temperature of explanations'),
    QT_TRANSLATE_NOOP("SettingHelp", 'sampling seed of explanations'),
    QT_TRANSLATE_NOOP("SettingHelp", 'longest explanation, in tokens'),
    QT_TRANSLATE_NOOP("SettingHelp", 'weight of text similarity to your history'),
    QT_TRANSLATE_NOOP("SettingHelp", 'weight of what people who liked the same things also liked'),
    QT_TRANSLATE_NOOP("SettingHelp", 'weight of popularity'),
    QT_TRANSLATE_NOOP("SettingHelp", 'how much your own liking or dislike of popular titles moves the weight of popularity (0 = the same for everyone)'),
    QT_TRANSLATE_NOOP("SettingHelp", 'softmax temperature of P(i|u)'),
    QT_TRANSLATE_NOOP("SettingHelp", 'recency half-life (days, or positions)'),
    QT_TRANSLATE_NOOP("SettingHelp", "measure age in 'days' before the latest entry or in 'position's from it"),
    QT_TRANSLATE_NOOP("SettingHelp", "share of an entry's weight that never decays (0-1)"),
    QT_TRANSLATE_NOOP("SettingHelp", 'text neighbours kept per history item (0 = all items)'),
    QT_TRANSLATE_NOOP("SettingHelp", 'extra weight of text similarity for items few people rated'),
    QT_TRANSLATE_NOOP("SettingHelp", 'extra weight of text similarity while your history is short'),
    QT_TRANSLATE_NOOP("SettingHelp", 'a rating this many of your standard deviations below your average counts as neutral'),
    QT_TRANSLATE_NOOP("SettingHelp", 'weight of an entry without a rating'),
    QT_TRANSLATE_NOOP("SettingHelp", 'how much a did-not-finish entry counts against'),
    QT_TRANSLATE_NOOP("SettingHelp", 'weight of an unrated entry on a shelf whose name says nothing'),
    QT_TRANSLATE_NOOP("SettingHelp", 'weight of a liked item as evidence'),
    QT_TRANSLATE_NOOP("SettingHelp", 'weight of an item saved for later (to read, to watch) as evidence of your taste'),
    QT_TRANSLATE_NOOP("SettingHelp", 'weight of a disliked item as negative evidence'),
    QT_TRANSLATE_NOOP("SettingHelp", 'score bonus of a liked item, in units of tau'),
    QT_TRANSLATE_NOOP("SettingHelp", 'score bonus of an item saved for later, in units of tau'),
    QT_TRANSLATE_NOOP("SettingHelp", 'share of the evidence that what you ask for in words carries (0.5: as much as your history)'),
)
