"""The main window's toolbar: who works here, what they may open, and the language.

It shows state and emits what the user asked for; the window decides what happens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QComboBox, QLabel, QMenu, QToolBar, QToolButton, QWidget

from app.domain.permissions import Permissions
from app.domain.staff import StaffMember
from app.preferences import LANGUAGES, load_preferences
from app.ui.role_text import role_name
from app.ui.shortcuts import MAIN_KEYS, bind, name_key, name_keys

if TYPE_CHECKING:   # the order desk's module is imported when orders are first read, after the first paint
    from app.services.ordering.desk import Worklist


class MainToolbar(QToolBar):
    #: A demo account was picked in the User box.
    user_chosen = Signal(object)
    #: A language was picked ("" = the system's).
    language_chosen = Signal(str)

    def __init__(self, by_browser: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainToolbar")
        self.setMovable(False)
        self.by_browser = by_browser
        self.user_label = QLabel()
        self.user_box = QComboBox()
        self.user_box.setObjectName("userBox")
        self.user_box.setMinimumWidth(260)
        # The whole "name · role · department · hospital", never cut: it says who acts here.
        self.user_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.user_name = QLabel()
        self.user_name.setObjectName("userName")
        self.sign_out_action = QAction(self)
        self.sign_out_action.setObjectName("signOutAction")
        self.order_action = QAction(self)
        self.consent_action = QAction(self)
        self.dashboard_action = QAction(self)
        self.audit_action = QAction(self)
        self.audit_action.setObjectName("auditAction")
        self.lock_action = QAction(self)
        self.lock_action.setObjectName("lockAction")
        self.my_orders_action = QAction(self)
        self.my_orders_action.setObjectName("myOrdersAction")
        self.review_action = QAction(self)          # the supervisor's queue of flagged repeats
        self.review_action.setObjectName("reviewAction")
        self.feedback_action = QAction(self)        # a physician's verdicts on their repeats
        self.feedback_action.setObjectName("feedbackAction")
        # Keys without a button: the window adds them (`key_actions`) so they work anywhere in it.
        self.search_action, self.next_report_action, self.previous_report_action, self.shortcuts_action = (
            QAction(self), QAction(self), QAction(self), QAction(self))
        for action, what in ((self.order_action, "new_order"), (self.consent_action, "consent"),
                             (self.lock_action, "lock"), (self.search_action, "search"),
                             (self.next_report_action, "next_report"),
                             (self.previous_report_action, "previous_report"), (self.shortcuts_action, "shortcuts")):
            bind(action, MAIN_KEYS[what])
        self.key_actions = [self.search_action, self.next_report_action, self.previous_report_action,
                            self.shortcuts_action]
        self.addWidget(self.user_label)
        self.addWidget(self.user_box).setVisible(not by_browser)
        self.addWidget(self.user_name).setVisible(by_browser)
        self.addAction(self.sign_out_action)
        self.sign_out_action.setVisible(by_browser)
        self.addSeparator()
        for action in (self.order_action, self.my_orders_action, self.feedback_action, self.consent_action,
                       self.review_action, self.dashboard_action, self.audit_action, self.lock_action):
            self.addAction(action)
        self.addSeparator()
        self._build_language_menu()
        self.user_box.currentIndexChanged.connect(self._on_index)
        self._worklist: Worklist | None = None
        self._user: StaffMember | None = None

    # -- who --------------------------------------------------------------------------------------

    def set_users(self, users: list[StaffMember]) -> None:
        """The demo accounts; the first is chosen (and announced) when there are any."""
        self.user_box.blockSignals(True)
        self.user_box.clear()
        for u in users:
            self.user_box.addItem(user_text(u), u)
        self.user_box.blockSignals(False)
        if users:
            self.user_box.setCurrentIndex(0)
            self._on_index(0)

    def users(self) -> list[StaffMember]:
        return [self.user_box.itemData(i) for i in range(self.user_box.count())]

    def choose(self, practitioner_id: str) -> bool:
        """Pick the demo account of a practitioner, as the user would; False if it is not listed."""
        index = next((i for i, u in enumerate(self.users()) if u.practitioner_id == practitioner_id), -1)
        if index >= 0:
            self.user_box.setCurrentIndex(index)
        return index >= 0

    def _on_index(self, index: int) -> None:
        user = self.user_box.itemData(index)
        if user is not None:
            self.user_chosen.emit(user)

    def show_user(self, user: StaffMember | None) -> None:
        self._user = user
        self.user_name.setText(user_text(user) if user else self.tr("not signed in"))

    # -- what they may do -------------------------------------------------------------------------

    def allow(self, may: Permissions, *, locked: bool, signed_out: bool, chart_loaded: bool) -> None:
        """Actions shown for the role, enabled while the screen is open to them."""
        self.sign_out_action.setEnabled(self._user is not None and not locked)
        self.lock_action.setEnabled(self._user is not None and not locked)
        self.audit_action.setVisible(may.reads_audit)
        self.dashboard_action.setVisible(may.reads_figures)
        closed = locked or signed_out
        for action in (self.search_action, self.next_report_action, self.previous_report_action):
            action.setEnabled(not closed and may.reads_records)
        self.audit_action.setEnabled(not closed)
        self.dashboard_action.setEnabled(not closed)
        self.order_action.setEnabled(not closed and may.orders and chart_loaded)
        for action, allowed in ((self.my_orders_action, may.orders), (self.feedback_action, may.orders),
                                (self.review_action, may.reviews_repeats)):
            action.setVisible(allowed)
            action.setEnabled(not closed and allowed)
        self.consent_action.setEnabled(not closed and may.records_consent)

    def keyed_actions(self) -> list[QAction]:
        """The actions with a key, in the order the shortcuts page lists them."""
        return [self.search_action, self.order_action, self.consent_action, self.next_report_action,
                self.previous_report_action, self.lock_action, self.shortcuts_action]

    def show_waiting(self, worklist: Worklist | None) -> None:
        """How many orders await consent (None: none, nobody being signed in)."""
        self._worklist = worklist
        orders, incomplete = (worklist.orders, worklist.incomplete) if worklist else ([], ())
        count = f"{len(orders)}+" if incomplete else str(len(orders))
        self.consent_action.setText(self.tr("Awaiting consent ({n})").format(n=count))
        name_key(self.consent_action)

    # -- language ---------------------------------------------------------------------------------

    def _build_language_menu(self) -> None:
        """Named in all three languages, so that anyone can find it whatever the interface speaks."""
        self.language_button = QToolButton(self)
        self.language_button.setObjectName("languageButton")
        self.language_button.setText("Language / 语言 / Bahasa")  # deliberately the same in every language
        self.language_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.language_menu = QMenu(self)
        group = QActionGroup(self)
        chosen = load_preferences().language
        self.language_actions: dict[str, QAction] = {}
        for code, name in [("", ""), *LANGUAGES.items()]:
            action = QAction(name, self, checkable=True)
            action.setObjectName(f"language_{code or 'system'}")
            action.setChecked(code == chosen)
            action.triggered.connect(lambda _=False, c=code: self.language_chosen.emit(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.language_button.setMenu(self.language_menu)
        self.addWidget(self.language_button)

    def retranslateUi(self) -> None:
        self.user_label.setText(self.tr("User: "))
        self.order_action.setText(self.tr("New lab order…"))
        self.sign_out_action.setText(self.tr("Sign out"))
        self.audit_action.setText(self.tr("Audit trail"))
        self.dashboard_action.setText(self.tr("Dashboard"))
        self.setWindowTitle(self.tr("Main toolbar"))
        self.language_actions[""].setText(self.tr("System language"))
        self.lock_action.setText(self.tr("Lock"))
        self.my_orders_action.setText(self.tr("My orders"))
        self.review_action.setText(self.tr("Review repeats"))
        self.feedback_action.setText(self.tr("Review feedback"))
        self.search_action.setText(self.tr("Find patient"))
        self.next_report_action.setText(self.tr("Next report"))
        self.previous_report_action.setText(self.tr("Previous report"))
        self.shortcuts_action.setText(self.tr("Keyboard shortcuts"))
        name_keys([self.order_action, self.lock_action, *self.key_actions])
        self.show_user(self._user)
        self.show_waiting(self._worklist)
        for i, u in enumerate(self.users()):
            self.user_box.setItemText(i, user_text(u))


def user_text(u: StaffMember) -> str:
    return f"{u.name} · {role_name(u.role)} · {u.department} · {u.organization_name}".replace(" ·  · ", " · ")
