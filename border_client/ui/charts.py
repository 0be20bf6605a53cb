"""Small chart widgets over QtCharts: grouped bars of entries and exits, in the app's colours."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget

__all__ = ["FlowChart"]

ENTRY_COLOUR = QColor("#0b4f8a")
EXIT_COLOUR = QColor("#c25400")


class FlowChart(QChartView):
    """Entries and exits per category, as grouped vertical or horizontal bars."""

    def __init__(self, parent: QWidget | None = None, *, horizontal: bool = False) -> None:
        super().__init__(parent)
        self.horizontal = horizontal
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(200)
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(4)
        title_font = QFont()
        title_font.setPointSize(11)
        title_font.setBold(True)
        chart.setTitleFont(title_font)
        self.setChart(chart)
        self.categories: list[str] = []
        self.entries: list[int] = []
        self.exits: list[int] = []

    def set_data(
        self,
        title: str,
        categories: Sequence[str],
        entries: Sequence[int],
        exits: Sequence[int],
        entry_label: str,
        exit_label: str,
    ) -> None:
        self.categories = list(categories)
        self.entries = list(entries)
        self.exits = list(exits)
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.setTitle(title)
        entry_set = QBarSet(entry_label)
        entry_set.append([float(v) for v in entries])
        entry_set.setColor(ENTRY_COLOUR)
        exit_set = QBarSet(exit_label)
        exit_set.append([float(v) for v in exits])
        exit_set.setColor(EXIT_COLOUR)
        series = QHorizontalBarSeries() if self.horizontal else QBarSeries()
        series.append(entry_set)
        series.append(exit_set)
        chart.addSeries(series)
        categories_axis = QBarCategoryAxis()
        categories_axis.append(list(categories) or [""])
        small = QFont()
        small.setPointSize(8)
        categories_axis.setLabelsFont(small)
        values_axis = QValueAxis()
        values_axis.setLabelsFont(small)
        # Whole-number ticks: counts of people are never fractional.
        top = max([*entries, *exits, 1])
        step = max(1, math.ceil(top / 5))
        ticks = math.ceil((top + 1) / step)
        values_axis.setRange(0, step * ticks)
        values_axis.setTickCount(ticks + 1)
        values_axis.setLabelFormat("%d")
        if self.horizontal:
            chart.addAxis(categories_axis, Qt.AlignmentFlag.AlignLeft)
            chart.addAxis(values_axis, Qt.AlignmentFlag.AlignBottom)
        else:
            chart.addAxis(categories_axis, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(values_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories_axis)
        series.attachAxis(values_axis)
