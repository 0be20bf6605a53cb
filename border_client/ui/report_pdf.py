"""The daily report as PDF: the dashboard's figures, charts and lists on A4 pages."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

if TYPE_CHECKING:  # pragma: no cover
    from border_client.ui.dashboard import DashboardScreen

__all__ = ["ReportContent", "collect_report", "render_pdf"]


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<table border='1' cellspacing='0' cellpadding='3' width='100%'><tr>{head}</tr>{body}</table>"


def _rows(table: object) -> tuple[list[str], list[list[str]]]:
    from PySide6.QtWidgets import QTableWidget

    assert isinstance(table, QTableWidget)
    headers = [
        header.text() if (header := table.horizontalHeaderItem(c)) else "" for c in range(table.columnCount())
    ]
    rows = [
        [item.text() if (item := table.item(r, c)) else "" for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]
    return headers, rows


@dataclass
class ReportContent:
    """The report as HTML plus the chart images it refers to (gathered on the UI thread)."""

    html: str
    images: list[tuple[str, QImage]]


def collect_report(screen: DashboardScreen) -> ReportContent:
    """The dashboard's figures, charts (as images) and lists; quick, on the UI thread."""
    from datetime import timedelta

    data = screen.data
    assert data is not None
    since, until = screen.range()
    heading = QCoreApplication.translate("ReportPdf", "Border crossings report")
    none = QCoreApplication.translate("ReportPdf", "None.")
    subtitle = QCoreApplication.translate("ReportPdf", "Post {post} · {since} to {until} · by {user}")
    parts = [
        f"<h1>{html.escape(heading)}</h1>",
        "<p>"
        + html.escape(
            subtitle.format(
                post=screen.ctx.post_code,
                since=since.strftime("%Y-%m-%d"),
                until=(until - timedelta(days=1)).strftime("%Y-%m-%d"),
                user=screen.ctx.session.username,
            )
        )
        + "</p>",
        _table(
            [screen.tr("Entries"), screen.tr("Exits"), screen.tr("Alerts waiting"),
             screen.tr("Overstays (inside now)")],
            [[str(data.summary["entries"]), str(data.summary["exits"]), str(len(data.alerts)),
              str(len(data.overstays))]],
        ),
    ]
    images: list[tuple[str, QImage]] = []
    for i, chart in enumerate(
        (screen.hour_chart, screen.nationality_chart, screen.sex_chart, screen.age_chart)
    ):
        name = f"chart{i}.png"
        images.append((name, chart.grab().toImage()))
        parts.append(f"<p><img src='{name}' width='620'></p>")
    for title, table in (
        (screen.tr("Alerts waiting"), screen.alerts_table),
        (screen.tr("Overstays (inside now)"), screen.overstays_table),
        (screen.tr("Inspectors"), screen.activity_table),
    ):
        headers, rows = _rows(table)
        parts.append(f"<h2>{html.escape(title)}</h2>")
        parts.append(_table(headers, rows) if rows else f"<p>{html.escape(none)}</p>")
    return ReportContent("".join(parts), images)


def render_pdf(content: ReportContent, path: Path) -> Path:
    """Lay the report out on A4 pages into *path* (in a worker: QTextDocument and QPdfWriter
    are reentrant).  Written beside and renamed, so a failure leaves no half file."""
    doc = QTextDocument()
    for name, image in content.images:
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    doc.setHtml(content.html)
    tmp = path.with_name(path.name + ".part")
    writer = QPdfWriter(str(tmp))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(150)
    doc.setPageSize(QSizeF(writer.width(), writer.height()))
    doc.print_(writer)
    del writer  # flushes the file
    if not tmp.exists() or tmp.stat().st_size == 0:
        raise OSError(f"the PDF could not be written to {path}")
    tmp.replace(path)
    return path
