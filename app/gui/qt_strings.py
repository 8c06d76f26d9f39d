"""Words of Qt's own file dialog that Qt's Chinese translation (qtbase_zh_CN) lacks in this Qt version, so that
a Chinese reader's Import dialog does not say "Look in:" and "Files of type:" beside 文件名称. They are
translated in hearth_zh_CN.ts under Qt's contexts; Qt's own translation is asked first, ours after it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_STRINGS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "%1 File"),
)
