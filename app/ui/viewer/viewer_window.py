"""The viewer window: series strip, one or two image panes, the imaging report beside them.

A study is opened from an `ImageSource` (a hospital's DICOMweb service or local media).
Its largest series is fetched first and shown as soon as its first instance arrives; the
other series follow in the background so their thumbnails fill in. A prior study can be
opened beside it; when both are axial stacks of the same body part, scrolling one scrolls
the other to the same anatomy.

The window streams series and keeps the panes, strip, report and status in step; the
toolbar (`toolbar`), the strip (`series_strip`), the report (`report_text`) and linked
scrolling (`linked_scroll`) live in their own modules.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QTextBrowser, QWidget

from app.domain.windowing import CtPreset, Window
from app.services.image_loading import ImageSource, SeriesRef, Unreadable, series_at_once, warm_decoders
from app.ui.layouts import keep_layouts, restore_layouts
from app.ui.tasks import TaskRunner
from app.ui.viewer.fetch import SeriesFetch, list_series
from app.ui.viewer.image_pane import ImagePane, Tool
from app.ui.viewer.image_stack import ImageStack
from app.ui.viewer.linked_scroll import LinkedScroll
from app.ui.viewer.open_study import OpenStudy, StudyContext
from app.ui.viewer.read_problem_text import problem_text
from app.ui.viewer.report_text import report_html
from app.ui.viewer.series_strip import SeriesStrip
from app.ui.viewer.toolbar import ViewerToolbar

if TYPE_CHECKING:
    from app.services.image_loading import DecodedInstance

__all__ = ["StudyContext", "ViewerWindow"]   # StudyContext: callers import it from here

log = logging.getLogger("huren.images")


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
        warm_decoders()   # the decoder processes start while the window opens, not when the first slice arrives
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(series_at_once())
        self.studies: list[OpenStudy] = []        # [main] or [main, prior]

        self.pane_a = ImagePane(self)
        self.pane_a.setObjectName("paneA")
        self.pane_b = ImagePane(self)
        self.pane_b.setObjectName("paneB")
        self.pane_b.hide()
        self.active = self.pane_a
        self.panes = QSplitter(Qt.Orientation.Horizontal, self)
        self.panes.addWidget(self.pane_a)
        self.panes.addWidget(self.pane_b)

        self.strip = SeriesStrip(self._series_label, self)
        self.strip.series_clicked.connect(self._on_thumbnail)

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
        self.scroll_link = LinkedScroll(self.pane_a, self.pane_b, self.link_action, self)
        for pane in (self.pane_a, self.pane_b):
            pane.activated.connect(lambda p=pane: self._activate(p))
            pane.window_changed.connect(self._sync_preset_box)
        self.cine = QTimer(self)
        self.cine.timeout.connect(self._cine_step)
        self._refresh = QTimer(self, singleShot=True, interval=50)
        self._refresh.timeout.connect(self._refresh_arrivals)
        #: Series whose instances wait to be taken at the next refresh (`_arrivals`).
        self._waiting: dict[SeriesFetch, tuple[OpenStudy, SeriesRef]] = {}
        self._unreadable: tuple[int, list[str]] | None = None
        self.retranslateUi()
        self.resize(self.screen().availableGeometry().size().boundedTo(QSize(1400, 860)))   # no larger than the screen
        restore_layouts({"viewer": self})

    def retranslateUi(self) -> None:
        title = self.studies[0].context.title if self.studies else ""
        self.setWindowTitle(title or self.tr("Huren images"))
        self.toolbar.retranslate(self.cine.isActive(), self.active.current, self.active.display_window)
        if self.studies:
            self.strip.relabel(self.studies[0].series)
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
        bar = self.toolbar = ViewerToolbar(self)
        self.addToolBar(bar)
        # The toolbar's parts, under the names callers and tests have always used.
        self.tool_actions = bar.tool_actions
        self.preset_box = bar.preset_box
        self.fit_action, self.one_action = bar.fit_action, bar.one_action
        self.overlay_action, self.cine_action = bar.overlay_action, bar.cine_action
        self.compare_button, self.compare_menu = bar.compare_button, bar.compare_menu
        self.link_action = bar.link_action
        bar.tool_chosen.connect(self.set_tool)
        bar.preset_chosen.connect(self.apply_preset)
        bar.fit_requested.connect(lambda: self.active.fit())
        bar.one_to_one_requested.connect(lambda: self.active.one_to_one())
        bar.overlay_action.toggled.connect(self.set_overlays_visible)
        bar.cine_action.toggled.connect(self.set_playing)

    def set_tool(self, tool: Tool) -> None:
        self.toolbar.choose_tool(tool)
        for pane in (self.pane_a, self.pane_b):
            pane.tool = tool

    def _rebuild_presets(self) -> None:
        self.toolbar.rebuild_presets(self.active.current, self.active.display_window)

    def apply_preset(self, preset: CtPreset | Window | None) -> None:
        """A CT preset, one of the file's windows, or None for the file's own first window."""
        window = preset.window if isinstance(preset, CtPreset) else preset
        self.active.set_window(window)
        self._sync_preset_box()

    def _sync_preset_box(self) -> None:
        self.toolbar.show_window(self.active.display_window)

    def set_overlays_visible(self, visible: bool) -> None:
        self.overlay_action.setChecked(visible)
        for pane in (self.pane_a, self.pane_b):
            pane.set_overlays_visible(visible)

    def set_playing(self, playing: bool) -> None:
        if not playing:
            self.cine.stop()
            self.toolbar.show_playing(False)
            return
        current = self.active.current
        frame_ms = current.info.frame_time_ms if current and current.info.frame_time_ms else 1000 / 15
        self.cine.start(max(int(frame_ms), 10))
        self.toolbar.show_playing(True)

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
        study = OpenStudy(source, context)
        self.studies = [study]
        self._show_report()
        self.status.setText(self.tr("Looking up the series…"))
        self.runner.submit(list_series, source, on_done=lambda refs: self._listed(study, refs, self.pane_a),
                           on_error=lambda e: self._listing_failed(study, e, self.pane_a))

    def offer_priors(self, priors: list[tuple[str, Callable[[], tuple[ImageSource, StudyContext]]]]) -> None:
        """Studies the doctor may open beside this one: (menu label, callable returning (source, context))."""
        actions = self.toolbar.offer_priors([label for label, _opener in priors])
        for action, (_label, opener) in zip(actions, priors, strict=True):
            action.triggered.connect(lambda _=False, o=opener: self.compare(*o()))

    def compare(self, source: ImageSource, context: StudyContext) -> None:
        """Open a second study in the right-hand pane."""
        if len(self.studies) > 1:
            self.studies.pop().close()
        study = OpenStudy(source, context)
        self.studies.append(study)
        self.pane_b.context = context.overlay()
        self.pane_b.set_stack(None)
        self.pane_b.show()
        self.panes.setSizes([1, 1])
        self.set_linked(False)
        self._show_report()
        self.runner.submit(list_series, source, on_done=lambda refs: self._listed(study, refs, self.pane_b),
                           on_error=lambda e: self._listing_failed(study, e, self.pane_b))

    def _listed(self, study: OpenStudy, refs: list[SeriesRef], pane: ImagePane) -> None:
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
            self.strip.show_series(refs)
            self.study_listed.emit()
        main = max(refs, key=lambda r: r.instance_count)
        # The rest in the background, for their thumbnails, once the series on screen has shown its
        # first image (or ended): started at once, their streams held the first image back.
        study.later = [ref for ref in refs if ref is not main]
        self.load_series(study, main, pane)
        if unreadable:
            self._note_unreadable(len(unreadable), [f"{u.what}: {problem_text(u.error)}" for u in unreadable])

    def _listing_failed(self, study: OpenStudy, error: BaseException, pane: ImagePane) -> None:
        study.listing_error = str(error)
        pane.show_message(self.tr("The images could not be listed.") + "\n" + str(error))
        self.status.setText(self.tr("The images could not be listed."))
        self.listing_failed.emit(str(error))

    def _series_label(self, ref: SeriesRef) -> str:
        """Modality and number, description, image count: what the strip writes under a thumbnail."""
        head = f"{ref.modality} {ref.number}" if ref.number is not None else ref.modality
        lines = (head, ref.description, self.tr("%n image(s)", "", ref.instance_count))
        return "\n".join(x for x in lines if x)

    def load_series(self, study: OpenStudy, ref: SeriesRef, pane: ImagePane) -> None:
        """Show a series in a pane; streams it unless it is already here or on its way."""
        stack = study.stacks.get(ref.uid)
        if stack is None:
            stack = study.stacks[ref.uid] = ImageStack(ref)
            self._fetch(study, ref)
        pane.set_stack(stack)
        pane.setProperty("series_uid", ref.uid)
        if ref.uid in study.failures:
            pane.show_message(study.failures[ref.uid])
        self.scroll_link.update_possible()
        self._update_cine_possible()
        self._rebuild_presets()

    def _update_cine_possible(self) -> None:
        stack = self.active.stack
        possible = stack is not None and (stack.expected > 1 or len(stack.slices) > 1)
        self.cine_action.setEnabled(possible)
        if not possible and self.cine_action.isChecked():
            self.cine_action.setChecked(False)

    # -- arriving -------------------------------------------------------------------------

    def _fetch(self, study: OpenStudy, ref: SeriesRef) -> None:
        if ref.uid in study.fetches:
            return
        study.stacks.setdefault(ref.uid, ImageStack(ref))
        fetch = SeriesFetch(study.source, ref, self)
        fetch.arrived.connect(lambda s=study, r=ref, f=fetch: self._arrivals(s, r, f))
        fetch.failed.connect(lambda why, s=study, r=ref: self._failed(s, r, why))
        fetch.finished.connect(lambda s=study, r=ref: self._finished(s, r))
        study.fetches[ref.uid] = fetch
        fetch.start(self.pool)

    def _panes_showing(self, study: OpenStudy, ref: SeriesRef) -> list[ImagePane]:
        stack = study.stacks.get(ref.uid)
        return [p for p in (self.pane_a, self.pane_b) if stack is not None and p.stack is stack]

    def _arrivals(self, study: OpenStudy, ref: SeriesRef, fetch: SeriesFetch) -> None:
        """Instances of a series wait to be taken: the series' first image goes on screen at once, the
        rest are taken at the next refresh (20 a second), all in one go. Taken as they came, a fast
        server's hundreds of instances cost the window as many wake-ups, each taking the interpreter
        lock from the threads reading the network (a 300-slice CT on loopback: 171 against 157 ms)."""
        stack = study.stacks.get(ref.uid)
        if stack is None or not stack.instances:
            self._arrived(study, ref, fetch.take())
            return
        self._waiting[fetch] = (study, ref)
        if not self._refresh.isActive():
            self._refresh.start()

    def _arrived(self, study: OpenStudy, ref: SeriesRef, items: list[DecodedInstance | Unreadable]) -> None:
        stack = study.stacks.get(ref.uid)
        if stack is None or study not in self.studies:
            return
        first = not stack.instances
        self._fetch_later(study)
        for item in items:
            if isinstance(item, Unreadable):
                stack.unreadable.append(item)
                continue
            stack.add(item)
            if study.context.from_files and not study.context.patient:
                self._context_from_file(study, item)
        if first and stack.instances:
            # The first image goes on screen now; later arrivals are shown in batches.
            for pane in self._panes_showing(study, ref):
                pane.stack_grew()
            self._update_cine_possible()
            self._rebuild_presets()
            if study is self.studies[0]:
                self.strip.set_thumbnail(ref.uid, stack)

    def _refresh_arrivals(self) -> None:
        """What arrived is taken, and slider, progress and overlays catch up with it: at most 20 times
        a second, so a fast server's hundreds of instances do not cost hundreds of relayouts."""
        waiting, self._waiting = self._waiting, {}
        for fetch, (study, ref) in waiting.items():
            self._arrived(study, ref, fetch.take())
        for pane in (self.pane_a, self.pane_b):
            if pane.stack is not None:
                pane.stack_grew()
        self._status_line()

    def _fetch_later(self, study: OpenStudy) -> None:
        """The series held back until one of the study's had something to show, fetched now."""
        later, study.later = study.later, []
        for ref in later:
            self._fetch(study, ref)

    def _failed(self, study: OpenStudy, ref: SeriesRef, why: str) -> None:
        text = self.tr("The images could not be fetched: {why}").format(why=why)
        study.failures[ref.uid] = text
        for pane in self._panes_showing(study, ref):
            pane.show_message(text)

    def _finished(self, study: OpenStudy, ref: SeriesRef) -> None:
        stack = study.stacks.get(ref.uid)
        if stack is None or study not in self.studies:
            return
        fetch = study.fetches.get(ref.uid)
        if fetch is not None:    # the last instances, still waiting for a refresh
            self._waiting.pop(fetch, None)
            self._arrived(study, ref, fetch.take())
        self._fetch_later(study)
        stack.complete = True
        for pane in self._panes_showing(study, ref):
            pane.stack_grew()
            if not stack.slices and stack.unreadable:
                pane.show_message(self.tr("This series cannot be shown.") + "\n"
                                  + problem_text(stack.unreadable[0].error))
        if stack.slices and study is self.studies[0]:
            self.strip.set_thumbnail(ref.uid, stack)
        if stack.unreadable:
            self._note_unreadable(len(stack.unreadable),
                                  [f"{u.what}: {problem_text(u.error)}" for u in stack.unreadable])
        self.scroll_link.update_possible()
        self._update_cine_possible()
        self._status_line()
        self.series_loaded.emit(ref.uid)

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

    def _on_thumbnail(self, uid: str) -> None:
        study = self.studies[0] if self.studies else None
        ref = next((r for r in study.series if r.uid == uid), None) if study else None
        if ref is not None:
            pane = self.pane_a if self.active is self.pane_a or len(self.studies) < 2 else self.pane_b
            self.load_series(self.studies[0], ref, pane)

    def _context_from_file(self, study: OpenStudy, decoded: DecodedInstance) -> None:
        """Local media have no chart: the report panel and overlays take the file's own header."""
        info = decoded.info
        study.context = replace(study.context, title=info.study_description or study.context.title,
                                patient=info.patient_name, patient_id=info.patient_id,
                                hospital=info.institution_name,
                                date=info.study_date.isoformat() if info.study_date else "")
        self._show_report()

    # -- two panes ------------------------------------------------------------------------

    def _activate(self, pane: ImagePane) -> None:
        self.active = pane
        for p in (self.pane_a, self.pane_b):
            p.graphics.setStyleSheet("border: 2px solid #3d8bfd;" if p is pane and self.pane_b.isVisible()
                                     else "border: 2px solid transparent;")
        self._rebuild_presets()

    def set_linked(self, linked: bool) -> None:
        """Link the two panes' scrolling from the slices on screen now, or unlink them."""
        self.scroll_link.set_linked(linked)

    def _show_report(self) -> None:
        self.report.setHtml(report_html([study.context for study in self.studies]))

    # -- closing --------------------------------------------------------------------------

    def _close_studies(self) -> None:
        for study in self.studies:
            study.close()
        self.studies = []
        self.scroll_link.reset()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt naming
        keep_layouts({"viewer": self})
        self.cine.stop()
        self._close_studies()
        self.pool.waitForDone(3000)
        super().closeEvent(event)
