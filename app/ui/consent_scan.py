"""The scan of the signed paper form: attach a PNG or JPEG, see it, and see why a file was refused.

The file's type is taken from its first bytes, not its suffix (a scanner's ".jpg" may be
anything), and a refused file never replaces a good scan already attached. The words keep
the translation context "ConsentDialog" they had when the dialog held this page.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

# MIME types of the scans the dialog accepts, by the files' first bytes (a file's suffix can lie).
IMAGE_MAGIC = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"))

# The scan's preview: an A4 page in portrait, small enough to sit beside the attach button.
PREVIEW_WIDTH, PREVIEW_HEIGHT = 170, 240


def mime_of(data: bytes) -> str:
    """"image/png" or "image/jpeg" by the file's first bytes; "" for anything else."""
    return next((mime for magic, mime in IMAGE_MAGIC if data.startswith(magic)), "")


class ScanPage(QWidget):
    """The paper method's page: a hint, the attach button, the file's name or error, a preview."""

    changed = Signal()     # a scan was attached, or a file refused

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: bytes = b""
        self.mime: str = ""
        self.file_name: str = ""
        self.error: str = ""
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.attach_button = QPushButton()
        self.attach_button.setObjectName("attachScan")
        self.attach_button.setAutoDefault(False)
        self.preview = QLabel()
        self.preview.setObjectName("scanPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFixedSize(PREVIEW_WIDTH + 8, PREVIEW_HEIGHT + 8)
        self.preview.setStyleSheet("#scanPreview { background: #f4f6f8; border: 1px solid #d5dbe1; }")
        self.name_label = QLabel()
        self.name_label.setWordWrap(True)
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)  # a file name as it is; "<b>" is not markup
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        left.addWidget(self.hint)
        left.addWidget(self.attach_button, 0, Qt.AlignmentFlag.AlignLeft)
        left.addWidget(self.name_label)
        left.addStretch(1)
        layout.addLayout(left, 1)
        layout.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignTop)
        self.attach_button.clicked.connect(self.choose)

    def attach(self, path: Path) -> bool:
        """Take a scanned, signed paper form (PNG or JPEG); False, with the reason shown, if it is not one."""
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as e:
            self.error = QCoreApplication.translate("ConsentDialog", "Could not read {name}: {error}").format(
                name=path.name, error=e.strerror or e)
            self._done()
            return False
        mime = mime_of(data)
        image = QImage.fromData(data) if mime else QImage()
        if image.isNull():
            self.error = QCoreApplication.translate("ConsentDialog", "{name} is not a PNG or JPEG image").format(
                name=path.name)
            self._done()
            return False
        self.data, self.mime, self.file_name, self.error = data, mime, path.name, ""
        self.preview.setPixmap(QPixmap.fromImage(image).scaled(
            PREVIEW_WIDTH, PREVIEW_HEIGHT, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))
        self._done()
        return True

    def choose(self) -> None:
        """Ask for the scan, starting in the pictures folder where scanners usually save."""
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        name, _ = QFileDialog.getOpenFileName(
            self, QCoreApplication.translate("ConsentDialog", "Attach the scan of the signed consent form"), start,
            QCoreApplication.translate("ConsentDialog", "Images (*.png *.jpg *.jpeg)"))
        if name:
            self.attach(Path(name))

    def retranslate(self) -> None:
        self.hint.setText(QCoreApplication.translate(
            "ConsentDialog", "Print the consent form, let the patient or family member sign it, "
                             "then scan it and attach the scan here."))
        self.attach_button.setText(QCoreApplication.translate("ConsentDialog", "Attach scan…"))
        self.refresh()

    def refresh(self) -> None:
        """The attached file's name and size, or why the last file was refused, or that there is none."""
        if self.error:
            self.name_label.setStyleSheet("color: #b3261e;")
            self.name_label.setText(self.error)
        elif self.data:
            self.name_label.setStyleSheet("")
            self.name_label.setText(QCoreApplication.translate("ConsentDialog", "Attached: {name} ({size} KB)").format(
                name=self.file_name, size=max(1, round(len(self.data) / 1024))))
        else:
            self.name_label.setStyleSheet("color: #4a4f57;")
            self.name_label.setText(QCoreApplication.translate("ConsentDialog", "No scan attached"))
        if not self.data:
            self.preview.setText(QCoreApplication.translate("ConsentDialog", "No scan"))

    def _done(self) -> None:
        self.refresh()
        self.changed.emit()
