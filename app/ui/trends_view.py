"""The Trends tab: pick lab items (or a whole panel) and see them across hospitals over time.

The plot and a table of the same points; export as PNG or CSV. What could not be plotted is
listed below, with why. pyqtgraph is loaded when the tab is first shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.catalogue import Catalogue
from app.services.chart import AssessedReport
from app.services.trends import TrendItem, TrendPoint, TrendSeries, build_trend, panel_items, series_csv, trend_items
from app.ui import verdict_text
from app.ui.item_names import item_name, localized

if TYPE_CHECKING:   # pyqtgraph is loaded when the tab is first shown, not on import
    from app.ui.trend_plot import TrendPlot

Index = QModelIndex | QPersistentModelIndex
_EMPTY = QModelIndex()
ItemRole = Qt.ItemDataRole.UserRole + 1


class TrendTableModel(QAbstractTableModel):
    """The plotted points as rows: what the CSV export writes, in the user's language."""

    def __init__(self, tz: ZoneInfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tz = tz
        self._rows: list[tuple[TrendSeries, TrendPoint]] = []

    def set_series(self, series: Sequence[TrendSeries]) -> None:
        self.beginResetModel()
        self._rows = [(s, p) for s in series for p in reversed(s.points)]
        self.endResetModel()

    def rowCount(self, parent: Index = _EMPTY) -> int:  # noqa: N802 - Qt naming
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _EMPTY) -> int:  # noqa: N802 - Qt naming
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt naming
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Item"), self.tr("Date"), self.tr("Value"), self.tr("Unit"), self.tr("As written"),
                    self.tr("Reference range"), self.tr("Hospital"), self.tr("Recognition"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        s, p = self._rows[index.row()]
        col = index.column()
        flag = {"H": " ↑", "HH": " ↑↑", "L": " ↓", "LL": " ↓↓"}.get(p.flag, "")
        low = "" if p.low is None else f"{p.low:.4g}"
        high = "" if p.high is None else f"{p.high:.4g}"
        return (item_name(s.item), p.when.astimezone(self.tz).strftime("%Y-%m-%d"), f"{p.value:.4g}{flag}", p.unit,
                f"{p.original_value:g} {p.original_unit}" if p.converted else "",
                f"{low}–{high}" if (low or high) else "", p.hospital, verdict_text.badge_text(p.verdict))[col]


class TrendsView(QWidget):
    def __init__(self, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tz = tz
        self.catalogue: Catalogue | None = None
        self.today = date.today()
        self._reports: list[AssessedReport] = []
        self._items: list[TrendItem] = []
        self.series: list[TrendSeries] = []
        self.plot: TrendPlot | None = None   # made when first needed

        self.items = QListWidget(self)
        self.items.setObjectName("trendItems")
        self.items.itemChanged.connect(lambda _item: self._refresh())
        self.panel = QComboBox(self)
        self.panel.setObjectName("trendPanel")
        self.panel.activated.connect(self._choose_panel)
        left = QWidget(self)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.panel)
        ll.addWidget(self.items, 1)

        self.plot_button = QPushButton()
        self.plot_button.setCheckable(True)
        self.plot_button.setChecked(True)
        self.table_button = QPushButton()
        self.table_button.setCheckable(True)
        self.plot_button.clicked.connect(lambda: self._show_mode(0))
        self.table_button.clicked.connect(lambda: self._show_mode(1))
        self.png_button = QPushButton()
        self.csv_button = QPushButton()
        self.png_button.clicked.connect(self._ask_png)
        self.csv_button.clicked.connect(self._ask_csv)
        self.fit_button = QPushButton()
        self.fit_button.clicked.connect(lambda: self.plot.fit_time() if self.plot else None)
        bar = QHBoxLayout()
        for b in (self.plot_button, self.table_button, self.fit_button):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.png_button)
        bar.addWidget(self.csv_button)

        self.stack = QStackedWidget(self)
        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.placeholder)
        self.table_model = TrendTableModel(tz, self)
        self.table = QTableView(self)
        self.table.setObjectName("trendTable")
        self.table.setModel(self.table_model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.stack.addWidget(self.table)
        self.key = QLabel()
        self.key.setObjectName("trendKey")
        self.key.setWordWrap(True)
        self.key.setStyleSheet("color: #555")
        self.notes = QLabel()
        self.notes.setObjectName("trendNotes")
        self.notes.setWordWrap(True)
        self.apart = QLabel()
        self.apart.setObjectName("trendApart")
        self.apart.setStyleSheet("color: #c77700")
        self.apart.setWordWrap(True)
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addLayout(bar)
        rl.addWidget(self.key)
        rl.addWidget(self.stack, 1)
        rl.addWidget(self.notes)
        rl.addWidget(self.apart)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._mode = 0
        self.retranslateUi()
        self._update_buttons()

    def retranslateUi(self) -> None:
        self.plot_button.setText(self.tr("Plot"))
        self.table_button.setText(self.tr("Table"))
        self.png_button.setText(self.tr("Export PNG…"))
        self.csv_button.setText(self.tr("Export CSV…"))
        self.fit_button.setText(self.tr("Whole period"))
        self.placeholder.setText(self.tr("Choose one or more items on the left."))
        self.key.setText(self.tr("Filled: recognized here · hollow: reference only · red ring: outside the "
                                 "hospital's reference range · green bar: that range · green band: the item's "
                                 "recognition window up to today · results a few days apart are drawn side by "
                                 "side: hover for their exact dates"))
        if self.panel.count():
            self.panel.setItemText(0, self.tr("Panel…"))
        self.table_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.table_model.columnCount() - 1)
        if self._reports:
            self._refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    # -- data -----------------------------------------------------------------------------

    def set_reports(self, reports: Sequence[AssessedReport], catalogue: Catalogue | None, today: date) -> None:
        """The chart's reports changed (another hospital answered): keep the chosen items chosen."""
        chosen = set(self.chosen_codes())
        self._reports, self.catalogue, self.today = list(reports), catalogue, today
        self._items = trend_items(self._reports)
        self.items.blockSignals(True)
        self.items.clear()
        for t in self._items:
            entry = QListWidgetItem(f"{item_name(t.item)}  ({t.count})")
            entry.setData(ItemRole, t.item.code)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if t.item.code in chosen else Qt.CheckState.Unchecked)
            self.items.addItem(entry)
        self.items.blockSignals(False)
        self._fill_panels()
        self._refresh()

    def _fill_panels(self) -> None:
        self.panel.clear()
        self.panel.addItem(self.tr("Panel…"), None)
        if self.catalogue is None:
            return
        for code, category in self.catalogue.categories.items():
            if len(panel_items(self.catalogue, code, self._items)) >= 2:
                self.panel.addItem(localized(category.name_zh, category.name_en), code)

    def chosen_codes(self) -> list[str]:
        return [self.items.item(i).data(ItemRole) for i in range(self.items.count())
                if self.items.item(i).checkState() == Qt.CheckState.Checked]

    def choose(self, codes: Sequence[str]) -> None:
        """Plot exactly these items (e.g. from a result's "Trend" in a report)."""
        wanted = set(codes)
        self.items.blockSignals(True)
        for i in range(self.items.count()):
            entry = self.items.item(i)
            entry.setCheckState(Qt.CheckState.Checked if entry.data(ItemRole) in wanted else Qt.CheckState.Unchecked)
        self.items.blockSignals(False)
        self._refresh()

    def _choose_panel(self, row: int) -> None:
        code = self.panel.itemData(row)
        if code and self.catalogue is not None:
            self.choose([i.code for i in panel_items(self.catalogue, code, self._items)])

    def _refresh(self) -> None:
        by_code = {t.item.code: t.item for t in self._items}
        self.series = [build_trend(self._reports, by_code[c], self.today) for c in self.chosen_codes() if c in by_code]
        self.table_model.set_series(self.series)
        converted = [(s, p) for s in self.series for p in s.points if p.converted]
        if converted:
            units = sorted({p.original_unit for _, p in converted})
            self.notes.setText(self.tr("{n} values converted to the unit shown (from {units}); hover a point to see "
                                       "what the hospital wrote.").format(n=len(converted), units=", ".join(units)))
        else:
            self.notes.clear()
        apart = [(s, a) for s in self.series for a in s.apart]
        if apart:
            self.apart.setText(self.tr("{n} results could not be plotted (hover for details)").format(n=len(apart)))
            self.apart.setToolTip("\n".join(
                f"{item_name(s.item)} {a.when.astimezone(self.tz).strftime('%Y-%m-%d') if a.when else ''} "
                f"{a.hospital}: {a.text} — {a.why}" for s, a in apart[:40]))
        else:
            self.apart.clear()
            self.apart.setToolTip("")
        if self.series and self._mode == 0:
            plot = self._ensure_plot()
            plot.show_series(self.series)
            self.stack.setCurrentWidget(plot)
        elif self.series:
            self.stack.setCurrentWidget(self.table)
        else:
            self.stack.setCurrentWidget(self.placeholder)
        self._update_buttons()

    def _ensure_plot(self) -> TrendPlot:
        if self.plot is None:
            from app.ui.trend_plot import TrendPlot

            self.plot = TrendPlot(self.tz, self)
            self.plot.setObjectName("trendPlot")
            self.stack.addWidget(self.plot)
        return self.plot

    def _show_mode(self, mode: int) -> None:
        self._mode = mode
        self.plot_button.setChecked(mode == 0)
        self.table_button.setChecked(mode == 1)
        self._refresh()

    def _update_buttons(self) -> None:
        has = bool(self.series)
        self.png_button.setEnabled(has and self._mode == 0)
        self.csv_button.setEnabled(has)
        self.fit_button.setEnabled(has and self._mode == 0)

    # -- export ---------------------------------------------------------------------------

    def export_csv(self, path: Path) -> None:
        Path(path).write_text(series_csv(self.series), encoding="utf-8")

    def export_png(self, path: Path) -> bool:
        return self.plot is not None and self.plot.grab().save(str(path))

    def _ask_csv(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export CSV"), "trends.csv", "CSV (*.csv)")
        if name:
            self.export_csv(Path(name))

    def _ask_png(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export PNG"), "trends.png", "PNG (*.png)")
        if name:
            self.export_png(Path(name))
