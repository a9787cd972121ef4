"""One working session at one workstation: who works, what they may do, what they read and decide.

The window, `huren order-check` and the CDS Hooks service all act through a `Workstation`, so
the rules hold wherever the work starts: every look-up and every record read is audited
inside (not in a widget's signal handler), every change returns what it changed
(app.services.changes), and a widget never reaches the platform layer.

Which calls block, and where they run (the window's TaskRunner has two lanes):

- pure and local: `permissions`, `prepare_order`, `consent_given`, the audit of a read, sign in
  and out, lock; these are quick and run where they are called;
- disk writes (SQLite with `synchronous=FULL`): `place_order`, `record_consent`: the serial lane,
  one at a time, never the UI thread;
- network: `users`, `send_due`, `fetch_waiting`, `end_platform_session`, the catalogue: the
  parallel lane. What the UI thread reads of them is what a worker already fetched.

Made in no time and touching nothing: the window makes one before its first paint. What lies on
disk (the outbox, orders awaiting consent, the audit trail, sealed with the keyring's key) opens on
first use, or with `open_storage` (the window calls it on a worker right after it has painted).
The modules behind each use are imported by that use.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from threading import Lock
from typing import TYPE_CHECKING

from app.domain.audit import AuditAction
from app.domain.permissions import Permissions, permissions
from app.domain.staff import StaffMember
from app.services.changes import NOTHING, Changes
from app.services.workspace import Workspace

if TYPE_CHECKING:   # imported where used: the window paints before it needs any of them
    from app.domain.catalogue import Catalogue
    from app.domain.imaging import ImagingStudy
    from app.domain.models import RecordKey
    from app.domain.repeat_orders import ItemDecision, Order, PatientConsent
    from app.domain.review_rules import Verdict
    from app.platform.catalogue_fetch import LoadedCatalogue
    from app.platform.outbox import Entry
    from app.services.audit import Auditor
    from app.services.chart import AssessedReport
    from app.services.identity import Identity
    from app.services.image_loading import ImageCache, StudyImages
    from app.services.imaging import AssessedStudy
    from app.services.lookup import PatientQuery, PersonMatch
    from app.services.ordering.desk import OrderDesk, Worklist
    from app.services.ordering.outcomes import MyOrders, OrderOutcomes
    from app.services.ordering.plan import OrderCheck
    from app.services.prefetch import PrefetchHandle
    from app.services.reminders import Reminder
    from app.services.review import Feedback, ReviewItem, ReviewQueue
    from app.services.sign_in import PlatformSession


class Workstation:
    """Owns the workspace's session: identity and sign-in, the order desk with its outbox and
    orders awaiting consent, the auditor and the image cache."""

    def __init__(self, workspace: Workspace, identity: Identity | None = None, folder: Path | None = None) -> None:
        """`folder`: where the outbox and the audit trail live (tests); default the user data dir.
        Nothing is opened yet (`open_storage`)."""
        from app.services.identity import Identity

        self.workspace = workspace
        self.identity = identity or Identity()
        self._folder = folder
        self._desk: OrderDesk | None = None
        self._outcomes: OrderOutcomes | None = None
        self._opening, self._opening_session = Lock(), Lock()
        self._session: PlatformSession | None = None
        self.locked = False
        self._read: set[str] = set()     # reports read in the open chart: audited once each
        self._visit: tuple[str, str] | None = None   # the patient as the HIS named them, their outpatient number
        self._image_cache: ImageCache | None = None
        self._prefetch: PrefetchHandle | None = None   # the open chart's reminded studies, fetching

    @classmethod
    @contextmanager
    def opened(cls, workspace: Workspace) -> Iterator[Workstation]:
        """For an entry point other than the window (`order-check`, `huren cds-hooks`): the same
        audit trail and outbox (sealed) as the window's; its AuditEvents wait in the outbox until
        the window of this workstation sends what is due. Raises StorageRefused as `open_storage`."""
        station = cls(workspace)
        station.open_storage()   # refused before any work starts
        try:
            yield station
        finally:
            station.close()

    def close(self) -> None:
        """At the window's close: the prefetch stopped, the cache's pending writes landed, all closed."""
        self.prefetch(())
        if self._session is not None:
            self._session.close()
        if self._desk is not None:
            self._desk.close()
        if self._image_cache is not None:
            self._image_cache.close()

    def open_storage(self) -> None:
        """Open what this workstation keeps on disk: the key at rest (from the keyring), the outbox,
        the orders awaiting consent, the audit trail (blocking: the window's serial lane, right
        after its first paint). Whatever uses them first opens them otherwise.

        Raises app.platform.sealing.StorageRefused when patient records may not be kept here.
        """
        with self._opening:
            if self._desk is None:
                from app.services.ordering.desk import OrderDesk
                from app.services.ordering.outcomes import OrderOutcomes

                desk = OrderDesk(self.workspace, self.identity, self._folder)
                self._outcomes = OrderOutcomes(self.workspace, desk.pending, desk.outbox, desk.outbox_path.parent)
                self._desk = desk

    @property
    def storage_open(self) -> bool:
        return self._desk is not None

    @property
    def desk(self) -> OrderDesk:
        """The order desk with its outbox and orders awaiting consent (opened on first use)."""
        if self._desk is None:
            self.open_storage()
        assert self._desk is not None
        return self._desk

    @property
    def auditor(self) -> Auditor:
        return self.desk.auditor

    @property
    def outcomes(self) -> OrderOutcomes:
        if self._outcomes is None:
            self.open_storage()
        assert self._outcomes is not None
        return self._outcomes

    @property
    def session(self) -> PlatformSession:
        """The platform sign-in, made on first use: it becomes the token source of every request,
        which only the window's process wants (the command line's entry points sign nobody in)."""
        with self._opening_session:   # the window makes it on a worker; the UI thread may ask meanwhile
            if self._session is None:
                from app.services.sign_in import PlatformSession

                self._session = PlatformSession(self.workspace, self.identity)
            return self._session

    # -- who works, and what they may do ------------------------------------------------------------

    @property
    def user(self) -> StaffMember | None:
        return self.identity.current

    def permissions(self, user: StaffMember | None = None) -> Permissions:
        """What `user` (default: whoever is signed in) may do here, by the site's rules."""
        config = self.workspace.config
        return permissions(user if user is not None else self.user, demo=config.demo,
                           physician_records_consent=config.physician_records_consent)

    def users(self) -> list[StaffMember]:
        """The demo accounts to choose from (blocking: the parallel lane)."""
        from app.services.identity import available_users

        return available_users(self.workspace)

    def sign_in(self, member: StaffMember) -> Changes:
        """`member` works here now. Another user before them is signed out first (both audited), and
        their patient and images are closed: whoever comes next starts from an empty screen, never
        from someone else's patient (switching in the User box, at the lock, by an HIS launch)."""
        previous = self.user
        if member == previous:
            return NOTHING
        if previous is not None:
            self.auditor.record(AuditAction.SIGN_OUT, previous)
        self.identity.sign_in(member)
        self.auditor.record(AuditAction.SIGN_IN, member)
        if previous is None:
            return Changes(user=True)
        self._leave_images()
        self._read.clear()
        self._visit = None
        return Changes(user=True, images_closed=True, patient_closed=True)

    def sign_in_refused(self, reason: str) -> None:
        """A refused sign-in or HIS launch is audited too (BALP: minor failure)."""
        self.auditor.record(AuditAction.SIGN_IN, None, detail=reason, outcome="4")

    def sign_out(self) -> Changes:
        """The user leaves: audited, images closed and (on shared workstations) forgotten. The
        platform's session ends with `end_platform_session`, on a worker."""
        user = self.user
        if user is None:
            return NOTHING
        self.auditor.record(AuditAction.SIGN_OUT, user)
        self._leave_images()
        self._read.clear()
        self._visit = None
        self.identity.sign_out()
        self.locked = False
        return Changes(user=True, images_closed=True, patient_closed=True)

    def end_platform_session(self) -> None:
        """Revoke the tokens (blocking: the parallel lane)."""
        self.session.sign_out()

    def lock(self) -> Changes:
        if self.locked or self.user is None:
            return NOTHING
        self.locked = True
        self.auditor.record(AuditAction.LOCK, self.user)
        return Changes(locked=True)

    def unlock(self) -> Changes:
        """The same user is back (another user unlocking is `sign_in`, then `handed_over`)."""
        if not self.locked:
            return NOTHING
        self.locked = False
        self.auditor.record(AuditAction.UNLOCK, self.user)
        return Changes(locked=True)

    def handed_over(self) -> Changes:
        """Another user signed in at the lock: the screen opens for them (the sign-in was audited)."""
        if not self.locked:
            return NOTHING
        self.locked = False
        return Changes(locked=True)

    def _leave_images(self) -> None:
        self.prefetch(())   # before the cache is cleared: nothing of this patient is written after
        if self.workspace.config.clear_image_cache_on_sign_out:
            self.image_cache.clear()   # made to be cleared: what an earlier run kept goes too

    # -- reading: audited here, whoever asks ------------------------------------------------------

    def searched(self, query: PatientQuery, via: str = "") -> None:
        self.auditor.search(self.user, query.kind.value, (query.value, query.name), via)

    def visit_named(self, patient: str, number: str) -> None:
        """The HIS named `patient` (as the search takes them: a resident ID, `system|value`, or the
        platform's Patient id) with the outpatient number of this visit; a request without a number
        forgets the one before."""
        self._visit = (patient, number) if patient and number else None

    def outpatient_number(self, person: PersonMatch) -> str:
        """The outpatient number the HIS gave for `person`'s visit: "" when it gave none, and for any
        other patient opened since (the number is this visit's, never carried to someone else)."""
        if self._visit is None:
            return ""
        named, number = self._visit
        system, bar, value = named.rpartition("|")
        named_here = any(record.key.id == value or any(i.value == value and (not bar or i.system == system)
                                                      for i in record.identifiers)
                         for record in person.records)
        return number if named_here else ""

    def chart_opened(self, person: PersonMatch) -> None:
        self._read.clear()
        self.auditor.patient_opened(self.user, person.records)

    def report_read(self, person: PersonMatch | None, source: str, reference: str) -> None:
        """Once per report and chart: a doctor clicking back and forth is one look, not twenty."""
        key = f"{source}:{reference}"
        if person is not None and key not in self._read:
            self._read.add(key)
            self.auditor.report_read(self.user, person.record_at(source), reference)

    def study_read(self, person: PersonMatch | None, study: RecordKey) -> None:
        if person is not None:
            self.auditor.study_read(self.user, person, study)

    def reminders(self, reports: Iterable[AssessedReport], studies: Iterable[AssessedStudy]) -> list[Reminder]:
        """The chart's recognizable results from other hospitals (pure and quick: any thread)."""
        from app.services.reminders import reminders

        return reminders(reports, studies, self.workspace.config.organization)

    def reminder_shown(self, person: PersonMatch | None, shown: Sequence[Reminder], via: str = "") -> None:
        """A reminder was put before the doctor: audited, so that reminded -> opened -> recognized,
        repeated or overlooked can be counted. Nothing shown, nothing recorded."""
        if person is not None and shown:
            from app.services.reminders import shown_detail

            self.auditor.record(AuditAction.REMINDER_SHOWN, self.user, patient=str(person.primary.key),
                                entity=via, detail=shown_detail(list(shown)))

    @property
    def image_cache(self) -> ImageCache:
        if self._image_cache is None:
            from app.services.image_loading import image_cache

            self._image_cache = image_cache(self.workspace)
        return self._image_cache

    def images(self) -> StudyImages:
        """Where a study's images come from: its DICOMweb service through the session's cache."""
        from app.services.image_loading import study_images

        return study_images(self.workspace, self.image_cache)

    def prefetch(self, studies: Sequence[ImagingStudy]) -> PrefetchHandle | None:
        """Fetch the images of `studies` (those the reminder names) into the cache in the background,
        so that opening one shows its whole series at once (app.services.prefetch: one low-priority
        thread). One prefetch at a time: a new one cancels the last, none (`()`) only cancels it;
        the same studies again keep the one running. Returns it, or None when nothing is fetched."""
        wanted = tuple(s for s in studies if s.dicomweb_base)
        running = self._prefetch
        if running is not None and not running.done and not running.cancelled and \
                [s.uid for s in running.studies] == [s.uid for s in wanted]:
            return running
        if running is not None:
            running.cancel()
            self._prefetch = None
        if not wanted:
            return None
        from app.services.prefetch import start_prefetch

        self._prefetch = start_prefetch(self.images(), wanted)
        return self._prefetch

    def catalogue(self) -> LoadedCatalogue:
        """The recognition catalogue (blocking on first use: the parallel lane)."""
        return self.workspace.loaded_catalogue()

    def reload_catalogue(self) -> LoadedCatalogue:
        return self.workspace.reload_catalogue()

    def catalogue_at_hand(self) -> Catalogue | None:
        """The catalogue if a worker has fetched it, else None: what the UI thread may read."""
        loaded = self.workspace.loaded_catalogue_if_any()
        return loaded.catalogue if loaded else None

    def check_order(self, patient: str, codes: Sequence[str], via: str = "order-check") -> OrderCheck:
        """`order-check` and the CDS Hooks service: the patient's priors for the items (blocking),
        the look-up, the chart and each report given audited as the window audits them."""
        from app.services.ordering.plan import check_order

        return check_order(self.workspace, patient, codes, auditor=self.auditor, user=self.user, via=via)

    # -- deciding: the order desk, its writes on the serial lane ------------------------------------

    def prepare_order(self, person: PersonMatch, decisions: Sequence[ItemDecision], note: str = "") -> Order:
        """Checked at once (OrderError); nothing written until `place_order`."""
        return self.desk.prepare_order(person, decisions, note, self.outpatient_number(person))

    def place_order(self, order: Order) -> Changes:
        """Blocking disk writes: the serial lane."""
        return self.desk.place(order)

    def consent_given(self, order: Order, consent: PatientConsent) -> Order:
        """Checked at once (OrderError); nothing written until `record_consent`."""
        return self.desk.consent_given(order, consent)

    def record_consent(self, done: Order) -> Changes:
        """Blocking disk writes: the serial lane."""
        return self.desk.finish(done)

    def revoke_recognition(self, order_id: str, item_code: str, reason: str) -> Changes:
        """Undo a recognition recorded by mistake (OrderError when not allowed; blocking: the serial lane)."""
        return self.desk.revoke(order_id, item_code, reason)

    def waiting_here(self) -> Worklist:
        """Orders awaiting consent that this workstation keeps (local, quick)."""
        from app.services.ordering.desk import Worklist

        return Worklist(self.desk.waiting_for_consent() if self.user else [])

    def fetch_waiting(self) -> Worklist:
        """This workstation's and the platform's waiting orders (blocking: the parallel lane)."""
        return self.desk.fetch_waiting()

    def send_due(self) -> Changes:
        """Post what is due (blocking: the parallel lane)."""
        self.desk.send_due()
        return Changes(outbox=True)

    def unsent(self) -> int:
        return self.desk.unsent()

    def refused(self) -> list[Entry]:
        return self.desk.refused()

    # -- the ordering physician: what became of their orders ----------------------------------------

    def my_orders(self, days: int | None = None) -> MyOrders:
        """The signed-in physician's orders that needed consent, and the patients' decisions, of the
        last `days` (default RECENT_DAYS) (blocking: the parallel lane); nobody else's, and
        nothing for those who do not order."""
        from app.services.ordering.outcomes import RECENT_DAYS, MyOrders

        user = self.user
        if user is None or not self.permissions().orders:
            return MyOrders([])
        return self.outcomes.my_orders(user, RECENT_DAYS if days is None else days)

    def unseen_refusals(self) -> MyOrders:
        """Refusals of the signed-in physician's repeats not yet shown to them (blocking: the
        parallel lane): the notice after sign-in and every few minutes."""
        from app.services.ordering.outcomes import MyOrders

        user = self.user
        if user is None or not self.permissions().orders:
            return MyOrders([])
        return self.outcomes.unseen_refusals(user)

    def refusals_shown(self, order_ids: Iterable[str]) -> None:
        """The signed-in physician has seen these refusals (a small local write, by order id only)."""
        if self.user is not None:
            self.outcomes.shown(self.user, order_ids)

    # -- the supervisor's review (事后监管) and the doctors' feedback ---------------------------------

    def review_queue(self, start: date, end: date) -> ReviewQueue:
        """The repeats of `start`..`end` the site's rules flag, with their verdicts (blocking: the
        parallel lane); empty for anyone but a supervisor."""
        from app.services.review import ReviewQueue, load_queue

        user = self.user
        if user is None or not user.is_supervisor:
            return ReviewQueue(start, end, ())
        return load_queue(self.workspace, start, end)

    def record_verdict(self, item: ReviewItem, verdict: Verdict, comment: str) -> Changes:
        """The signed-in supervisor's verdict on a flagged repeat, queued to be sent once (the serial lane)."""
        from app.services.review import record_verdict

        return record_verdict(self.workspace, self.desk.outbox, self.user, item, verdict, comment)

    def verdicts_waiting(self, items: Sequence[ReviewItem]) -> set[str]:
        """Records of `items` whose verdict was given here and waits in the outbox."""
        from app.services.review import pending_verdicts

        return pending_verdicts(self.desk.outbox, items)

    def review_feedback(self, start: date, end: date) -> Feedback:
        """The verdicts on the signed-in physician's own repeats of `start`..`end` (blocking: the parallel lane)."""
        from app.services.review import Feedback, load_feedback

        user = self.user
        if user is None or not user.is_physician:
            return Feedback(())
        return load_feedback(self.workspace, user.practitioner_id, start, end)
