"""Following the system's light or dark palette in the charts, which do not read it themselves."""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import QChart
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

__all__ = ["colours", "dark_palette", "is_dark", "style_chart", "style_plot"]


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def colours() -> tuple[QColor, QColor]:
    """(background, foreground) of the current palette."""
    palette = QApplication.palette()
    return palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)


def style_chart(chart: QChart) -> None:
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if is_dark() else QChart.ChartTheme.ChartThemeLight)
    background, foreground = colours()
    chart.setBackgroundBrush(background)
    chart.setTitleBrush(foreground)


def style_plot(plot: Any, title: str) -> None:
    """A pyqtgraph PlotWidget: background, axes, title and legend in the palette's colours."""
    background, foreground = colours()
    plot.setBackground(background)
    plot.setTitle(title, color=foreground)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(foreground)
        axis.setTextPen(foreground)
    legend = plot.getPlotItem().legend
    if legend is not None:
        legend.setLabelTextColor(foreground)


def dark_palette() -> QPalette:
    """A dark palette like the system's dark mode gives; for screenshots and tests where the
    platform (Xvfb, offscreen) reports no colour scheme."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in ((roles.Window, "#2b2b2b"), (roles.WindowText, "#e6e6e6"), (roles.Base, "#1e1e1e"),
                         (roles.AlternateBase, "#2f2f2f"), (roles.Text, "#e6e6e6"), (roles.Button, "#353535"),
                         (roles.ButtonText, "#e6e6e6"), (roles.Highlight, "#3d7ab8"),
                         (roles.HighlightedText, "#ffffff"), (roles.ToolTipBase, "#353535"),
                         (roles.ToolTipText, "#e6e6e6"), (roles.PlaceholderText, "#9a9a9a")):
        palette.setColor(role, QColor(colour))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):  # disabled controls look disabled
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return palette
