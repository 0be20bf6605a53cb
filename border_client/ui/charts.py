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
    """Entries and exits per category, as grouped vertical or horizontal bars.

    The series, sets and axes are built once; new figures replace the values in place, which
    costs a fraction of rebuilding the chart (a dashboard refresh must not stall the UI).
    """

    def __init__(self, parent: QWidget | None = None, *, horizontal: bool = False) -> None:
        super().__init__(parent)
        self.horizontal = horizontal
        self.setRenderHint(QPainter.RenderHint.Antialiasing, False)
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
        small = QFont()
        small.setPointSize(8)
        self.entry_set = QBarSet("")
        self.entry_set.setColor(ENTRY_COLOUR)
        self.exit_set = QBarSet("")
        self.exit_set.setColor(EXIT_COLOUR)
        self.series = QHorizontalBarSeries() if horizontal else QBarSeries()
        self.series.append(self.entry_set)
        self.series.append(self.exit_set)
        chart.addSeries(self.series)
        self.categories_axis = QBarCategoryAxis()
        self.categories_axis.setLabelsFont(small)
        self.values_axis = QValueAxis()
        self.values_axis.setLabelsFont(small)
        self.values_axis.setLabelFormat("%d")
        if horizontal:
            chart.addAxis(self.categories_axis, Qt.AlignmentFlag.AlignLeft)
            chart.addAxis(self.values_axis, Qt.AlignmentFlag.AlignBottom)
        else:
            chart.addAxis(self.categories_axis, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(self.values_axis, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.categories_axis)
        self.series.attachAxis(self.values_axis)
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
        chart = self.chart()
        if chart.title() != title:
            chart.setTitle(title)
        self.entry_set.setLabel(entry_label)
        self.exit_set.setLabel(exit_label)
        categories = list(categories) or [""]
        if categories != self.categories_axis.categories():
            self.categories_axis.setCategories(categories)
        for bar_set, values, old in (
            (self.entry_set, list(entries), self.entries),
            (self.exit_set, list(exits), self.exits),
        ):
            if len(values) != bar_set.count():
                bar_set.remove(0, bar_set.count())
                bar_set.append([float(v) for v in values])
            elif values != old:
                for i, v in enumerate(values):
                    bar_set.replace(i, float(v))
        self.categories = list(categories)
        self.entries = list(entries)
        self.exits = list(exits)
        # Whole-number ticks: counts of people are never fractional.
        top = max([*entries, *exits, 1])
        step = max(1, math.ceil(top / 5))
        ticks = math.ceil((top + 1) / step)
        self.values_axis.setRange(0, step * ticks)
        self.values_axis.setTickCount(ticks + 1)
