"""The Images tab: the patient's studies from every hospital, newest first, with their badges.

Thumbnails come from each hospital's DICOMweb service on workers and fill in as they
arrive; a double click (or Enter, or the button) opens the study in the viewer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.imaging import AssessedStudy
from app.ui import verdict_text
from app.ui.badge import BadgeDelegate, BadgeStateRole

Index = QModelIndex | QPersistentModelIndex
_EMPTY = QModelIndex()


def body_part_text(term: str) -> str:
    """DICOM Body Part Examined terms in the user's language (the terms are English codes)."""
    names = {
        "HEAD": QCoreApplication.translate("BodyPart", "Head"),
        "BRAIN": QCoreApplication.translate("BodyPart", "Brain"),
        "NECK": QCoreApplication.translate("BodyPart", "Neck"),
        "CHEST": QCoreApplication.translate("BodyPart", "Chest"),
        "ABDOMEN": QCoreApplication.translate("BodyPart", "Abdomen"),
        "PELVIS": QCoreApplication.translate("BodyPart", "Pelvis"),
        "CSPINE": QCoreApplication.translate("BodyPart", "Cervical spine"),
        "LSPINE": QCoreApplication.translate("BodyPart", "Lumbar spine"),
        "KNEE": QCoreApplication.translate("BodyPart", "Knee"),
        "BREAST": QCoreApplication.translate("BodyPart", "Breast"),
        "HEART": QCoreApplication.translate("BodyPart", "Heart"),
        "LIVER": QCoreApplication.translate("BodyPart", "Liver"),
        "THYROID": QCoreApplication.translate("BodyPart", "Thyroid"),
    }
    return names.get(term, term)


class StudyListModel(QAbstractTableModel):
    THUMB, DATE, MODALITY, BODY, DESCRIPTION, HOSPITAL, IMAGES, BADGE, WHY = range(9)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._studies: list[AssessedStudy] = []
        self._thumbs: dict[str, QPixmap] = {}

    def set_studies(self, studies: Sequence[AssessedStudy]) -> None:
        self.beginResetModel()
        self._studies = list(studies)
        self.endResetModel()

    def study(self, row: int) -> AssessedStudy:
        return self._studies[row]

    @property
    def studies(self) -> list[AssessedStudy]:
        return list(self._studies)

    def set_thumbnail(self, study_uid: str, pixmap: QPixmap) -> None:
        self._thumbs[study_uid] = pixmap
        for row, a in enumerate(self._studies):
            if a.study.uid == study_uid:
                index = self.index(row, self.THUMB)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def has_thumbnail(self, study_uid: str) -> bool:
        return study_uid in self._thumbs

    def rowCount(self, parent: Index = _EMPTY) -> int:  # noqa: N802 - Qt naming
        return 0 if parent.isValid() else len(self._studies)

    def columnCount(self, parent: Index = _EMPTY) -> int:  # noqa: N802 - Qt naming
        return 0 if parent.isValid() else 9

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt naming
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return ("", self.tr("Date"), self.tr("Modality"), self.tr("Body part"), self.tr("Study"),
                    self.tr("Hospital"), self.tr("Images"), self.tr("Recognition"), self.tr("Why"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        a = self._studies[index.row()]
        s, v, col = a.study, a.verdict, index.column()
        if role == Qt.ItemDataRole.DecorationRole and col == self.THUMB:
            return self._thumbs.get(s.uid)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.DATE:
                return s.started.strftime("%Y-%m-%d") if s.started else ""
            if col == self.MODALITY:
                return "/".join(s.modalities)
            if col == self.BODY:
                return "、".join(body_part_text(b) for b in s.body_parts)
            if col == self.DESCRIPTION:
                return s.description
            if col == self.HOSPITAL:
                return s.hospital.name if s.hospital else self.tr("Unknown hospital")
            if col == self.IMAGES:
                return str(s.instance_count)
            if col == self.BADGE:
                return verdict_text.badge_text(v)
            if col == self.WHY:
                return verdict_text.reason_text(v)
        if role == BadgeStateRole and col == self.BADGE:
            return "all" if v.recognized else "none"
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.BADGE, self.WHY):
            return verdict_text.tooltip(v, s.description)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.DESCRIPTION and s.conclusion:
            return s.conclusion
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.IMAGES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class StudiesView(QWidget):
    open_requested = Signal(object)    # AssessedStudy

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = StudyListModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("studyList")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(68)
        self.table.setIconSize(self.table.iconSize().expandedTo(self.table.iconSize().__class__(64, 64)))
        self.table.setItemDelegateForColumn(StudyListModel.BADGE, BadgeDelegate(self.table))
        header = self.table.horizontalHeader()
        for col in range(StudyListModel.WHY):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(StudyListModel.THUMB, 72)
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        self.table.activated.connect(lambda index: self._open(index.row()))
        self.empty = QLabel(self.tr("No imaging studies on record."))
        self.empty.setObjectName("noStudies")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.open_button = QPushButton(self.tr("Open images"))
        self.open_button.setObjectName("openImages")
        self.open_button.clicked.connect(lambda: self._open(self.table.currentIndex().row()))
        self.conclusion = QLabel()
        self.conclusion.setObjectName("studyConclusion")
        self.conclusion.setWordWrap(True)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_conclusion(cur.row()))
        bottom = QHBoxLayout()
        bottom.addWidget(self.conclusion, 1)
        bottom.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(bottom)
        self.set_studies([])

    def set_studies(self, studies: Sequence[AssessedStudy]) -> None:
        current = self.current_study()
        self.model.set_studies(studies)
        self.empty.setVisible(not studies)
        self.open_button.setEnabled(bool(studies))
        if studies:
            row = next((i for i, a in enumerate(studies) if current and a.study.key == current.study.key), 0)
            self.table.selectRow(row)
            self._show_conclusion(row)
        else:
            self.conclusion.clear()

    def current_study(self) -> AssessedStudy | None:
        row = self.table.currentIndex().row()
        return self.model.study(row) if 0 <= row < self.model.rowCount() else None

    def _show_conclusion(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            self.conclusion.clear()
            return
        s = self.model.study(row).study
        self.conclusion.setText(self.tr("Impression: {text}").format(text=s.conclusion) if s.conclusion
                                else self.tr("No imaging report"))

    def _open(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.open_requested.emit(self.model.study(row))

    def retranslateUi(self) -> None:
        self.empty.setText(self.tr("No imaging studies on record."))
        self.open_button.setText(self.tr("Open images"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, StudyListModel.WHY)
        if self.table.currentIndex().isValid():
            self._show_conclusion(self.table.currentIndex().row())
