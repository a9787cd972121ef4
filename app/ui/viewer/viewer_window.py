"""The viewer window: series strip, one or two image panes, the imaging report beside them.

A study is opened from an `ImageSource` (a hospital's DICOMweb service or local media).
Its largest series is fetched first and shown as soon as its first instance arrives; the
other series follow in the background so their thumbnails fill in. A prior study can be
opened beside it; when both are axial stacks of the same body part, scrolling one scrolls
the other to the same anatomy.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QSplitter,
    QTextBrowser,
    QToolBar,
    QToolButton,
    QWidget,
)

from app.domain.image_geometry import SliceLink
from app.domain.models import FINAL_STATUSES
from app.domain.windowing import CtPreset, Window
from app.services.image_loading import ImageSource, SeriesRef, Unreadable
from app.ui.layouts import keep_layouts, restore_layouts
from app.ui.tasks import TaskRunner
from app.ui.viewer.fetch import SeriesFetch, list_series
from app.ui.viewer.image_pane import ImagePane, Tool
from app.ui.viewer.image_stack import ImageStack
from app.ui.viewer.read_problem_text import problem_text
from app.ui.viewer.thumbnails import thumbnail_pixmap

if TYPE_CHECKING:
    from app.services.image_loading import DecodedInstance

log = logging.getLogger("huren.images")

SeriesRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class StudyContext:
    """What the chart knows about a study, for the overlays and the report panel."""

    title: str = ""
    patient: str = ""
    patient_id: str = ""
    age: str = ""
    hospital: str = ""
    date: str = ""
    badge: str = ""
    badge_reason: str = ""
    recognized: bool | None = None
    conclusion: str = ""
    findings: str = ""
    report_status: str = ""
    from_files: bool = False      # local media: patient and study come from the files themselves

    def overlay(self) -> dict[str, str]:
        return {"patient": self.patient, "patient_id": self.patient_id, "age": self.age, "hospital": self.hospital}


@dataclass(eq=False)
class _OpenStudy:
    source: ImageSource
    context: StudyContext
    series: list[SeriesRef] = field(default_factory=list)
    stacks: dict[str, ImageStack] = field(default_factory=dict)
    fetches: dict[str, SeriesFetch] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)
    listing_error: str = ""


class ViewerWindow(QMainWindow):
    series_loaded = Signal(str)          # a series finished arriving (uid)
    study_listed = Signal()              # the first study's series are known
    study_empty = Signal()               # ... and there are none to show
    listing_failed = Signal(str)

    def __init__(self, runner: TaskRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Huren images"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.runner = runner or TaskRunner(self)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(4)
        self.studies: list[_OpenStudy] = []        # [main] or [main, prior]
        self.link: SliceLink | None = None

        self.pane_a = ImagePane(self)
        self.pane_a.setObjectName("paneA")
        self.pane_b = ImagePane(self)
        self.pane_b.setObjectName("paneB")
        self.pane_b.hide()
        self.active = self.pane_a
        self.panes = QSplitter(Qt.Orientation.Horizontal, self)
        self.panes.addWidget(self.pane_a)
        self.panes.addWidget(self.pane_b)

        self.strip = QListWidget(self)
        self.strip.setObjectName("seriesStrip")
        self.strip.setViewMode(QListWidget.ViewMode.IconMode)
        self.strip.setFlow(QListWidget.Flow.TopToBottom)
        self.strip.setWrapping(False)
        self.strip.setIconSize(QSize(96, 96))
        self.strip.setMovement(QListWidget.Movement.Static)
        self.strip.setFixedWidth(140)
        self.strip.setWordWrap(True)
        self.strip.setStyleSheet("QListWidget { background: #1e1f22; color: #e6e6e6; }")
        self.strip.itemClicked.connect(self._on_thumbnail)

        self.report = QTextBrowser(self)
        self.report.setObjectName("imagingReport")
        self.report.setMinimumWidth(260)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.strip)
        splitter.addWidget(self.panes)
        splitter.addWidget(self.report)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([140, 900, 300])
        self.setCentralWidget(splitter)
        self.status = QLabel()
        self.status.setObjectName("viewerStatus")
        self.statusBar().addWidget(self.status, 1)

        self._build_toolbar()
        for pane in (self.pane_a, self.pane_b):
            pane.activated.connect(lambda p=pane: self._activate(p))
            pane.index_changed.connect(lambda i, p=pane: self._on_index(p, i))
            pane.window_changed.connect(self._sync_preset_box)
        self.cine = QTimer(self)
        self.cine.timeout.connect(self._cine_step)
        self._refresh = QTimer(self, singleShot=True, interval=50)
        self._refresh.timeout.connect(self._refresh_arrivals)
        self._unreadable: tuple[int, list[str]] | None = None
        self.retranslateUi()
        self.resize(1400, 860)
        restore_layouts({"viewer": self})

    def retranslateUi(self) -> None:
        title = self.studies[0].context.title if self.studies else ""
        self.setWindowTitle(title or self.tr("Huren images"))
        self.toolbar.setWindowTitle(self.tr("Image tools"))
        names = {Tool.WINDOW: self.tr("Window/level"), Tool.PAN: self.tr("Pan"), Tool.ZOOM: self.tr("Zoom"),
                 Tool.MEASURE: self.tr("Measure")}
        for tool, action in self.tool_actions.items():
            action.setText(names.get(tool, tool.value))
        self.fit_action.setText(self.tr("Fit"))
        self.one_action.setText(self.tr("1:1"))
        self.overlay_action.setText(self.tr("Overlays"))
        self.cine_action.setText(self.tr("Pause") if self.cine.isActive() else self.tr("Play"))
        self.compare_button.setText(self.tr("Compare with prior"))
        self.link_action.setText(self.tr("Link scrolling"))
        self._rebuild_presets()
        if self.studies:
            by_uid = {r.uid: r for r in self.studies[0].series}
            for row in range(self.strip.count()):
                item = self.strip.item(row)
                ref = by_uid.get(item.data(SeriesRole))
                if ref is not None:
                    item.setText(self._series_label(ref))
            if any(p.stack is not None for p in (self.pane_a, self.pane_b)):
                self._status_line()
            self._show_report()
        if self._unreadable is not None:
            self._note_unreadable(*self._unreadable)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    # -- toolbar --------------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        bar = self.toolbar = QToolBar(self)
        bar.setObjectName("viewerToolbar")
        bar.setMovable(False)
        self.addToolBar(bar)
        group = QActionGroup(self)
        self.tool_actions: dict[Tool, QAction] = {}
        for tool in Tool:
            action = QAction(self, checkable=True)
            action.setObjectName(f"tool_{tool.value}")
            action.triggered.connect(lambda _=False, t=tool: self.set_tool(t))
            group.addAction(action)
            bar.addAction(action)
            self.tool_actions[tool] = action
        self.tool_actions[Tool.WINDOW].setChecked(True)
        bar.addSeparator()
        self.preset_box = QComboBox(self)
        self.preset_box.setObjectName("presetBox")
        self.preset_box.setMinimumContentsLength(12)
        self.preset_box.activated.connect(self._on_preset)
        self._rebuild_presets()
        bar.addWidget(self.preset_box)
        bar.addSeparator()
        self.fit_action = bar.addAction("", lambda: self.active.fit())
        self.one_action = bar.addAction("", lambda: self.active.one_to_one())
        self.overlay_action = QAction(self, checkable=True, checked=True)
        self.overlay_action.setShortcut("O")
        self.overlay_action.toggled.connect(self.set_overlays_visible)
        bar.addAction(self.overlay_action)
        self.cine_action = QAction(self, checkable=True)
        self.cine_action.setObjectName("cineAction")
        self.cine_action.toggled.connect(self.set_playing)
        bar.addAction(self.cine_action)
        bar.addSeparator()
        self.compare_button = QToolButton(self)
        self.compare_button.setObjectName("compareButton")
        self.compare_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.compare_menu = QMenu(self)
        self.compare_button.setMenu(self.compare_menu)
        self.compare_button.setEnabled(False)
        bar.addWidget(self.compare_button)
        self.link_action = QAction(self, checkable=True)
        self.link_action.setObjectName("linkAction")
        self.link_action.setEnabled(False)
        self.link_action.toggled.connect(self.set_linked)
        bar.addAction(self.link_action)

    def set_tool(self, tool: Tool) -> None:
        self.tool_actions[tool].setChecked(True)
        for pane in (self.pane_a, self.pane_b):
            pane.tool = tool

    def _presets(self) -> list[tuple[str, Window | None]]:
        """CT gets the radiologist's presets; other images the windows their files offer."""
        out: list[tuple[str, Window | None]] = [(self.tr("Window: as stored"), None)]
        current = self.active.current
        if current is None or current.pixels.ndim == 3:
            return out
        info = current.info
        if info.modality == "CT":
            names = {CtPreset.BRAIN: self.tr("Brain"), CtPreset.LUNG: self.tr("Lung"),
                     CtPreset.BONE: self.tr("Bone"), CtPreset.ABDOMEN: self.tr("Abdomen"),
                     CtPreset.MEDIASTINUM: self.tr("Mediastinum")}
            return out + [(text, preset.window) for preset, text in names.items()]
        windows = list(zip(info.window_centers, info.window_widths, strict=True))
        for i, (center, width) in enumerate(windows[1:], start=1):   # the first is "as stored"
            explanation = info.window_explanations[i] if i < len(info.window_explanations) else ""
            out.append((explanation or self.tr("W {w:.0f} L {c:.0f}").format(w=width, c=center),
                        Window(center, width)))
        return out

    def _rebuild_presets(self) -> None:
        box = self.preset_box
        box.blockSignals(True)
        box.clear()
        for text, window in self._presets():
            box.addItem(text, window)
        box.blockSignals(False)
        self._sync_preset_box()

    def apply_preset(self, preset: CtPreset | Window | None) -> None:
        """A CT preset, one of the file's windows, or None for the file's own first window."""
        window = preset.window if isinstance(preset, CtPreset) else preset
        self.active.set_window(window)
        self._sync_preset_box()

    def _on_preset(self, row: int) -> None:
        self.apply_preset(self.preset_box.itemData(row))

    def _sync_preset_box(self) -> None:
        window = self.active.window
        row = next((i for i in range(1, self.preset_box.count()) if self.preset_box.itemData(i) == window), 0)
        self.preset_box.setCurrentIndex(row)

    def set_overlays_visible(self, visible: bool) -> None:
        self.overlay_action.setChecked(visible)
        for pane in (self.pane_a, self.pane_b):
            pane.set_overlays_visible(visible)

    def set_playing(self, playing: bool) -> None:
        if not playing:
            self.cine.stop()
            self.cine_action.setText(self.tr("Play"))
            return
        current = self.active.current
        frame_ms = current.info.frame_time_ms if current and current.info.frame_time_ms else 1000 / 15
        self.cine.start(max(int(frame_ms), 10))
        self.cine_action.setText(self.tr("Pause"))

    def _cine_step(self) -> None:
        pane = self.active
        if pane.stack is None or not pane.stack.slices:
            return
        pane.show_index((pane.index + 1) % len(pane.stack.slices))

    # -- opening --------------------------------------------------------------------------

    def open_source(self, source: ImageSource, context: StudyContext) -> None:
        """Show a study: list its series on a worker, then stream the largest one first."""
        self._close_studies()
        self.setWindowTitle(context.title or self.tr("Huren images"))
        self.strip.clear()
        self.pane_b.hide()
        self.pane_a.set_stack(None)
        self.pane_a.context = context.overlay()
        study = _OpenStudy(source, context)
        self.studies = [study]
        self._show_report()
        self.status.setText(self.tr("Looking up the series…"))
        self.runner.submit(list_series, source, on_done=lambda refs: self._listed(study, refs, self.pane_a),
                           on_error=lambda e: self._listing_failed(study, e, self.pane_a))

    def offer_priors(self, priors: list[tuple[str, Callable[[], tuple[ImageSource, StudyContext]]]]) -> None:
        """Studies the doctor may open beside this one: (menu label, callable returning (source, context))."""
        self.compare_menu.clear()
        for label, opener in priors:
            action = self.compare_menu.addAction(label)
            action.triggered.connect(lambda _=False, o=opener: self.compare(*o()))
        self.compare_button.setEnabled(bool(priors))

    def compare(self, source: ImageSource, context: StudyContext) -> None:
        """Open a second study in the right-hand pane."""
        if len(self.studies) > 1:
            self._close_study(self.studies.pop())
        study = _OpenStudy(source, context)
        self.studies.append(study)
        self.pane_b.context = context.overlay()
        self.pane_b.set_stack(None)
        self.pane_b.show()
        self.panes.setSizes([1, 1])
        self.set_linked(False)
        self._show_report()
        self.runner.submit(list_series, source, on_done=lambda refs: self._listed(study, refs, self.pane_b),
                           on_error=lambda e: self._listing_failed(study, e, self.pane_b))

    def _listed(self, study: _OpenStudy, refs: list[SeriesRef], pane: ImagePane) -> None:
        if study not in self.studies:
            return
        study.series = refs
        unreadable = getattr(study.source, "unreadable", [])
        if not refs:
            why = problem_text(unreadable[0].error) if unreadable else self.tr("The study holds no images.")
            pane.show_message(self.tr("Nothing to show.") + "\n" + why)
            self.status.setText(self.tr("No images"))
            self.study_empty.emit()
            return
        if study is self.studies[0]:
            for ref in refs:
                item = QListWidgetItem(self._series_label(ref))
                item.setData(SeriesRole, ref.uid)
                item.setSizeHint(QSize(128, 150))
                self.strip.addItem(item)
            self.study_listed.emit()
        main = max(refs, key=lambda r: r.instance_count)
        self.load_series(study, main, pane)
        for ref in refs:   # the rest in the background, for their thumbnails
            if ref is not main:
                self._fetch(study, ref)
        if unreadable:
            self._note_unreadable(len(unreadable), [f"{u.what}: {problem_text(u.error)}" for u in unreadable])

    def _listing_failed(self, study: _OpenStudy, error: BaseException, pane: ImagePane) -> None:
        study.listing_error = str(error)
        pane.show_message(self.tr("The images could not be listed.") + "\n" + str(error))
        self.status.setText(self.tr("The images could not be listed."))
        self.listing_failed.emit(str(error))

    def _series_label(self, ref: SeriesRef) -> str:
        head = f"{ref.modality} {ref.number}" if ref.number is not None else ref.modality
        lines = (head, ref.description, self.tr("%n image(s)", "", ref.instance_count))
        return "\n".join(x for x in lines if x)

    def load_series(self, study: _OpenStudy, ref: SeriesRef, pane: ImagePane) -> None:
        """Show a series in a pane; streams it unless it is already here or on its way."""
        stack = study.stacks.get(ref.uid)
        if stack is None:
            stack = study.stacks[ref.uid] = ImageStack(ref)
            self._fetch(study, ref)
        pane.set_stack(stack)
        pane.setProperty("series_uid", ref.uid)
        if ref.uid in study.failures:
            pane.show_message(study.failures[ref.uid])
        self._update_link_possible()
        self._update_cine_possible()
        self._rebuild_presets()

    def _update_cine_possible(self) -> None:
        stack = self.active.stack
        possible = stack is not None and (stack.expected > 1 or len(stack.slices) > 1)
        self.cine_action.setEnabled(possible)
        if not possible and self.cine_action.isChecked():
            self.cine_action.setChecked(False)

    def _fetch(self, study: _OpenStudy, ref: SeriesRef) -> None:
        if ref.uid in study.fetches:
            return
        study.stacks.setdefault(ref.uid, ImageStack(ref))
        fetch = SeriesFetch(study.source, ref, self)
        fetch.arrived.connect(lambda item, s=study, r=ref: self._arrived(s, r, item))
        fetch.failed.connect(lambda why, s=study, r=ref: self._failed(s, r, why))
        fetch.finished.connect(lambda s=study, r=ref: self._finished(s, r))
        study.fetches[ref.uid] = fetch
        fetch.start(self.pool)

    def _panes_showing(self, study: _OpenStudy, ref: SeriesRef) -> list[ImagePane]:
        stack = study.stacks.get(ref.uid)
        return [p for p in (self.pane_a, self.pane_b) if stack is not None and p.stack is stack]

    def _arrived(self, study: _OpenStudy, ref: SeriesRef, item: object) -> None:
        stack = study.stacks.get(ref.uid)
        if stack is None or study not in self.studies:
            return
        if isinstance(item, Unreadable):
            stack.unreadable.append(item)
            return
        stack.add(item)  # type: ignore[arg-type]
        if study.context.from_files and not study.context.patient:
            self._context_from_file(study, item)  # type: ignore[arg-type]
        if stack.instances == 1:
            # The first image goes on screen now; later arrivals are shown in batches.
            for pane in self._panes_showing(study, ref):
                pane.stack_grew()
            self._update_cine_possible()
            self._rebuild_presets()
            if study is self.studies[0]:
                self._set_thumbnail(ref, stack)
        elif not self._refresh.isActive():
            self._refresh.start()

    def _refresh_arrivals(self) -> None:
        """Slider, progress and overlays catch up with what arrived: at most 20 times a second,
        so a fast server's hundreds of instances do not cost hundreds of relayouts."""
        for pane in (self.pane_a, self.pane_b):
            if pane.stack is not None:
                pane.stack_grew()
        self._status_line()

    def _failed(self, study: _OpenStudy, ref: SeriesRef, why: str) -> None:
        text = self.tr("The images could not be fetched: {why}").format(why=why)
        study.failures[ref.uid] = text
        for pane in self._panes_showing(study, ref):
            pane.show_message(text)

    def _finished(self, study: _OpenStudy, ref: SeriesRef) -> None:
        stack = study.stacks.get(ref.uid)
        if stack is None or study not in self.studies:
            return
        stack.complete = True
        for pane in self._panes_showing(study, ref):
            pane.stack_grew()
            if not stack.slices and stack.unreadable:
                pane.show_message(self.tr("This series cannot be shown.") + "\n"
                                  + problem_text(stack.unreadable[0].error))
        if stack.slices and study is self.studies[0]:
            self._set_thumbnail(ref, stack)
        if stack.unreadable:
            self._note_unreadable(len(stack.unreadable),
                                  [f"{u.what}: {problem_text(u.error)}" for u in stack.unreadable])
        self._update_link_possible()
        self._update_cine_possible()
        self._status_line()
        self.series_loaded.emit(ref.uid)

    def _set_thumbnail(self, ref: SeriesRef, stack: ImageStack) -> None:
        for row in range(self.strip.count()):
            item = self.strip.item(row)
            if item.data(SeriesRole) == ref.uid and stack.slices:
                middle = stack.slices[len(stack.slices) // 2]
                item.setIcon(QIcon(thumbnail_pixmap(middle, 96)))

    def shown_anything(self) -> bool:
        """Whether an image was on screen: `huren view` exits non-zero when nothing could be shown."""
        return any(p.stack is not None and p.stack.slices for p in (self.pane_a, self.pane_b))

    def _status_line(self) -> None:
        parts = []
        for pane in (self.pane_a, self.pane_b):
            if pane.isVisible() and pane.stack is not None:
                s = pane.stack
                if not s.complete:
                    parts.append(self.tr("{n} of {total} images arrived").format(n=len(s.slices), total=s.expected))
        self.status.setText("  ·  ".join(parts) if parts else self.tr("All images arrived"))

    def _note_unreadable(self, n: int, details: list[str]) -> None:
        self._unreadable = (n, details)
        label = self.statusBar().findChild(QLabel, "unreadableNote")
        if label is None:
            label = QLabel(self)
            label.setObjectName("unreadableNote")
            label.setStyleSheet("color: #c77700")
            self.statusBar().addPermanentWidget(label)
        label.setText(self.tr("%n image(s) could not be read (hover for details)", "", n))
        label.setToolTip("\n".join(details[:30]))

    def _on_thumbnail(self, item: QListWidgetItem) -> None:
        uid = item.data(SeriesRole)
        study = self.studies[0] if self.studies else None
        ref = next((r for r in study.series if r.uid == uid), None) if study else None
        if ref is not None:
            pane = self.pane_a if self.active is self.pane_a or len(self.studies) < 2 else self.pane_b
            self.load_series(self.studies[0], ref, pane)

    # -- two panes ------------------------------------------------------------------------

    def _activate(self, pane: ImagePane) -> None:
        self.active = pane
        for p in (self.pane_a, self.pane_b):
            p.graphics.setStyleSheet("border: 2px solid #3d8bfd;" if p is pane and self.pane_b.isVisible()
                                     else "border: 2px solid transparent;")
        self._rebuild_presets()

    def _linkable(self) -> bool:
        a, b = self.pane_a.stack, self.pane_b.stack
        if not self.pane_b.isVisible() or a is None or b is None or not a.slices or not b.slices:
            return False
        same_part = bool(a.series.body_part and a.series.body_part == b.series.body_part)
        return a.plane == b.plane == "axial" and same_part and a.positions is not None and b.positions is not None

    def _update_link_possible(self) -> None:
        possible = self._linkable()
        self.link_action.setEnabled(possible)
        if possible and not self.link_action.isChecked() and self.link is None:
            self.link_action.setChecked(True)


    def set_linked(self, linked: bool) -> None:
        if linked and self._linkable():
            a, b = self.pane_a.stack, self.pane_b.stack
            self.link = SliceLink.lined_up(a.positions, self.pane_a.index, b.positions, self.pane_b.index)
        else:
            self.link = None
        self.link_action.blockSignals(True)
        self.link_action.setChecked(self.link is not None)
        self.link_action.blockSignals(False)

    def _on_index(self, pane: ImagePane, index: int) -> None:
        if self.link is None or not self._linkable():
            return
        a, b = self.pane_a.stack, self.pane_b.stack
        other = self.pane_b if pane is self.pane_a else self.pane_a
        target = self.link.b_for(a.positions, index, b.positions) if pane is self.pane_a \
            else self.link.a_for(b.positions, index, a.positions)
        if target != other.index:
            other.blockSignals(True)
            other.show_index(target)
            other.blockSignals(False)

    def _context_from_file(self, study: _OpenStudy, decoded: DecodedInstance) -> None:
        """Local media have no chart: the report panel and overlays take the file's own header."""
        info = decoded.info
        study.context = replace(study.context, title=info.study_description or study.context.title,
                                patient=info.patient_name, patient_id=info.patient_id,
                                hospital=info.institution_name,
                                date=info.study_date.isoformat() if info.study_date else "")
        self._show_report()

    # -- the report -----------------------------------------------------------------------

    def _show_report(self) -> None:
        parts = []
        for i, study in enumerate(self.studies):
            c = study.context
            heading = self.tr("Prior study") if i else self.tr("This study")
            colour = {True: "#1b7f3b", False: "#6b7280", None: "#6b7280"}[c.recognized]
            badge = f'<span style="background:{colour};color:white;padding:1px 6px;">{html.escape(c.badge)}</span>' \
                if c.badge else ""
            where = " · ".join(x for x in (c.hospital, c.date) if x)
            lines = [f"<h3>{html.escape(heading)}</h3>", f"<b>{html.escape(c.title)}</b>"]
            if c.patient:
                lines.append(f"<br>{html.escape(c.patient)} {html.escape(c.patient_id)}")
            if where:
                lines.append(f"<br>{html.escape(where)}")
            if badge or c.badge_reason:
                lines.append(f"<p>{badge} {html.escape(c.badge_reason)}</p>")
            if c.from_files:
                note = self.tr("Opened from local media: no report or recognition status from the platform.")
                lines.append(f"<p><i>{html.escape(note)}</i></p>")
                parts.append("".join(lines))
                continue
            findings, impression = self.tr("Findings"), self.tr("Impression")
            if c.findings:
                lines.append(f"<p><b>{html.escape(findings)}</b><br>"
                             f"{html.escape(c.findings).replace(chr(10), '<br>')}</p>")
            if c.conclusion:
                lines.append(f"<p><b>{html.escape(impression)}</b><br>"
                             f"{html.escape(c.conclusion).replace(chr(10), '<br>')}</p>")
            if not c.findings and not c.conclusion:
                no_report = self.tr("No imaging report")
                lines.append(f"<p><i>{html.escape(no_report)}</i></p>")
            elif c.report_status and c.report_status not in FINAL_STATUSES:
                not_final = self.tr("Report not final ({status})").format(status=c.report_status)
                lines.append(f"<p style='color:#c77700'>{html.escape(not_final)}</p>")
            parts.append("".join(lines))
        self.report.setHtml("<hr>".join(parts))

    # -- closing --------------------------------------------------------------------------

    def _close_study(self, study: _OpenStudy) -> None:
        for fetch in study.fetches.values():
            fetch.cancel()
        study.source.close()

    def _close_studies(self) -> None:
        for study in self.studies:
            self._close_study(study)
        self.studies = []
        self.link = None

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt naming
        keep_layouts({"viewer": self})
        self.cine.stop()
        self._close_studies()
        self.pool.waitForDone(3000)
        super().closeEvent(event)

