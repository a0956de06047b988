#include "TestClock.h"
// The profile's data: field validation, consents, insurance, communication preferences,
// alerts, recalls, the timeline, and the clinical summary behind the clinical permission.

#include "ClinicalGate.h"
#include "TestDatabase.h"

#include "PatientProfile.h"
#include "access/Role.h"
#include "access/Session.h"
#include "access/StaffAccountRepository.h"
#include "domain/PatientValidation.h"
#include "interop/FhirExporter.h"
#include "interop/FhirImporter.h"
#include "patients/ClinicalSummary.h"
#include "patients/PatientMerge.h"
#include "patients/PatientTimeline.h"
#include "storage/AppointmentRepository.h"
#include "storage/CommunicationPreferenceRepository.h"
#include "storage/ConsentRepository.h"
#include "storage/CoverageRepository.h"
#include "storage/PatientAlertRepository.h"
#include "storage/PatientPhotoRepository.h"
#include "storage/PatientRepository.h"
#include "storage/PractitionerRepository.h"
#include "storage/RecallRepository.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QTest>

#include <algorithm>

using namespace frontdesk;

namespace {

const QString kAnna = QStringLiteral("3f6a5b2e-8c1d-4e2f-9a7b-1c2d3e4f5a61");
const QString kPassword = QStringLiteral("tidal marble orchard 7");

} // namespace

class TestPatientProfile : public QObject
{
    Q_OBJECT

private:
    test::TestDatabase t;
    TestClock m_clock{QDateTime(QDate(2026, 3, 4), QTime(9, 0), Qt::UTC)};

    qint64 outbox()
    {
        auto n = t.db->scalar(QStringLiteral("SELECT count(*) FROM outbox"));
        return n ? n->toLongLong() : -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(t.open());
        t.db->setClock(m_clock);
        auto imported =
            FhirImporter(*t.db).importFile(qEnvironmentVariable("FRONTDESK_TEST_DATA") +
                                           QStringLiteral("/fhir/synthea-anna-mueller.json"));
        QVERIFY2(imported.imported, qPrintable(imported.errors.join(QLatin1Char('\n'))));
        StaffAccountRepository accounts(*t.db);
        QVERIFY(accounts.create(QStringLiteral("reception"), Role::Receptionist, kPassword).ok());
        QVERIFY(accounts.create(QStringLiteral("nurse"), Role::Nurse, kPassword).ok());
    }

    void validatesEachField()
    {
        Patient p;
        p.mrn = QStringLiteral("M1");
        p.familyName = QStringLiteral("Kaya");
        p.birthDate = QDate(2026, 3, 5);
        p.phoneMobile = QStringLiteral("call me");
        p.email = QStringLiteral("elif@");
        p.emergencyContactPhone = QStringLiteral("0170 1234567");
        const QDate today(2026, 3, 4);
        const auto errors = PatientValidation::checkForEditing(p, today);
        QCOMPARE(errors.keys(), (QStringList{QStringLiteral("birthDate"), QStringLiteral("email"),
                                             QStringLiteral("emergencyContactName"),
                                             QStringLiteral("phoneMobile")}));
        QVERIFY(errors.value(QStringLiteral("birthDate")).contains(QLatin1String("future")));
        p.familyName.clear();
        QVERIFY(PatientValidation::check(p, today).contains(QStringLiteral("familyName")));

        // Found by fuzz_phone_date: the editor's locale format reads "03/12/-9185" as a date in
        // year -9185; such a birth date is refused, not saved.
        const QLocale american(QLocale::English, QLocale::UnitedStates);
        Patient ancient;
        ancient.familyName = QStringLiteral("Kaya");
        ancient.birthDate =
            american.toDate(QStringLiteral("03/12/-9185"), QStringLiteral("M/d/yyyy"));
        QVERIFY(ancient.birthDate.isValid());
        QCOMPARE(PatientValidation::check(ancient, today).value(QStringLiteral("birthDate")),
                 QStringLiteral("The birth date is before 1880."));

        Patient ok;
        ok.mrn = QStringLiteral("M2");
        ok.familyName = QStringLiteral("Kaya");
        ok.birthDate = today;
        ok.phoneMobile = QStringLiteral("+49 (170) 123-45/67");
        ok.email = QStringLiteral("elif.kaya@example.org");
        QVERIFY(PatientValidation::checkForEditing(ok, today).isEmpty());
        // SMS is the preferred channel: without a mobile number the editor asks for one, the
        // store does not insist (an import may lack it).
        ok.phoneMobile.clear();
        QVERIFY(
            PatientValidation::checkForEditing(ok, today).contains(QStringLiteral("phoneMobile")));
        QVERIFY(PatientValidation::check(ok, today).isEmpty());

        // The repository refuses what check() refuses.
        Patient bad = ok;
        bad.email = QStringLiteral("not an address");
        auto s = PatientRepository(*t.db).save(bad);
        QVERIFY(!s.ok());
        QVERIFY(s.error().contains(QLatin1String("e-mail")));
    }

    void storesConsentsInsurancePreferencesAndAlerts()
    {
        const qint64 before = outbox();
        Consent consent;
        consent.patientId = kAnna;
        consent.type = QStringLiteral("reminders-sms");
        consent.decidedAt = m_clock.nowUtc();
        consent.recordedBy = QStringLiteral("reception");
        consent.documentName = QStringLiteral("consent.pdf");
        consent.document = QByteArray("%PDF-1.4 scanned");
        ConsentRepository consents(*t.db);
        QVERIFY(consents.save(consent).ok());
        consent.status = QStringLiteral("maybe");
        QVERIFY(!consents.save(consent).ok());
        auto stored = consents.forPatient(kAnna);
        QVERIFY(stored.ok());
        QCOMPARE(stored->size(), 1);
        QCOMPARE(*consents.document(stored->first().meta.id), QByteArray("%PDF-1.4 scanned"));
        // The audit trail names the document by its hash and does not hold it.
        auto audited = t.db->scalar(
            QStringLiteral(
                "SELECT count(*) FROM audit_log WHERE entity_type = 'Consent' AND detail LIKE ?"),
            {QStringLiteral("%document_sha256%")});
        QCOMPARE(audited->toInt(), 1);
        auto leaked = t.db->scalar(
            QStringLiteral("SELECT count(*) FROM audit_log WHERE detail LIKE '%PDF-1.4%'"));
        QCOMPARE(leaked->toInt(), 0);
        QCOMPARE(stored->first().status, QStringLiteral("given"));

        CoverageRepository coverages(*t.db);
        auto existing = coverages.forPatient(kAnna);
        QVERIFY(existing.ok());
        QCOMPARE(existing->size(), 1);
        Coverage c = existing->first();
        c.eligibility = QStringLiteral("eligible");
        c.eligibilityCheckedAt = m_clock.nowUtc();
        QVERIFY(coverages.save(c).ok());
        QCOMPARE(coverages.get(c.meta.id)->eligibilityCheckedAt, m_clock.nowUtc());

        CommunicationPreference pref;
        pref.patientId = kAnna;
        pref.purpose = QStringLiteral("marketing");
        pref.optedOut = true;
        CommunicationPreferenceRepository prefs(*t.db);
        QVERIFY(prefs.save(pref).ok());
        CommunicationPreference reminders;
        reminders.patientId = kAnna;
        reminders.purpose = QStringLiteral("reminder");
        reminders.quietStartMinute = 22 * 60;
        reminders.quietEndMinute = 7 * 60;
        QVERIFY(prefs.save(reminders).ok());
        QVERIFY(reminders.isQuietAt(23 * 60));
        QVERIFY(reminders.isQuietAt(6 * 60 + 59));
        QVERIFY(!reminders.isQuietAt(12 * 60));
        CommunicationPreference wrong = pref;
        wrong.meta = {};
        wrong.channel = QStringLiteral("pigeon");
        QVERIFY(!prefs.save(wrong).ok());
        QCOMPARE(prefs.forPatient(kAnna)->size(), 2);

        PatientAlert alert;
        alert.patientId = kAnna;
        alert.severity = QStringLiteral("high");
        alert.text = QStringLiteral("Needs an interpreter (Turkish)");
        QVERIFY(PatientAlertRepository(*t.db).save(alert).ok());
        // Each save went through the write path.
        QCOMPARE(outbox() - before, 5);
    }

    void timelineShowsEverythingFilterable()
    {
        auto all = PatientTimeline(*t.db).load(
            kAnna, {}, testing::clinicalPass(*t.db, kAnna, ClinicalRead::VisitNotes));
        QVERIFY2(all.ok(), qPrintable(all.error()));
        QSet<TimelineEvent::Kind> kinds;
        for (const TimelineEvent &e : *all)
            kinds.insert(e.kind);
        QVERIFY(kinds.contains(TimelineEvent::Kind::Consent));
        QVERIFY(kinds.contains(TimelineEvent::Kind::Insurance));
        QVERIFY(kinds.contains(TimelineEvent::Kind::Encounter));
        // The eligibility check reads as words, not as its code.
        QVERIFY(std::any_of(all->cbegin(), all->cend(), [](const TimelineEvent &e) {
            return e.title == QLatin1String("Eligibility checked: Eligible");
        }));
        for (int i = 1; i < all->size(); ++i)
            QVERIFY(all->at(i - 1).at >= all->at(i).at);
        auto consentsOnly = PatientTimeline(*t.db).load(kAnna, {TimelineEvent::Kind::Consent});
        QVERIFY(consentsOnly.ok());
        QCOMPARE(consentsOnly->size(), 1);
    }

    void profileRecordsChecksAndReplacesPreferences()
    {
        PatientProfile profile(*t.db);
        QVERIFY(profile.open(kAnna).ok());
        QCOMPARE(profile.alerts().size(), 1);
        Coverage c = profile.coverages().first();
        c.eligibility = QStringLiteral("not-eligible");
        c.eligibilityCheckedAt = {};
        m_clock.advanceSecs(3600);
        QVERIFY(profile.saveCoverage(c).ok());
        QCOMPARE(profile.coverages().first().eligibility, QStringLiteral("not-eligible"));
        QCOMPARE(profile.coverages().first().eligibilityCheckedAt, m_clock.nowUtc());
        Coverage backwards;
        backwards.payer = QStringLiteral("AOK");
        backwards.validFrom = QDate(2026, 1, 1);
        backwards.validTo = QDate(2025, 1, 1);
        QVERIFY(!profile.saveCoverage(backwards).ok());

        // One preference per purpose: setting it again replaces it.
        CommunicationPreference reminders;
        reminders.purpose = QStringLiteral("reminder");
        reminders.channel = QStringLiteral("email");
        QVERIFY(profile.setPreference(reminders).ok());
        int count = 0;
        for (const CommunicationPreference &p : profile.preferences()) {
            if (p.purpose == QLatin1String("reminder")) {
                ++count;
                QCOMPARE(p.channel, QStringLiteral("email"));
            }
        }
        QCOMPARE(count, 1);
        Consent withdrawn;
        withdrawn.type = QStringLiteral("reminders-sms");
        withdrawn.status = QStringLiteral("withdrawn");
        QVERIFY(profile.recordConsent(withdrawn).ok());
        QCOMPARE(profile.consents().size(), 2);
        QCOMPARE(profile.consents().first().recordedBy, t.db->actor().name);
    }

    void clinicalSummaryOnlyForClinicalRoles()
    {
        Session session(*t.db);
        QVERIFY(session.signIn(QStringLiteral("reception"), kPassword).ok());
        auto refused = AccessGuard(*t.db).openClinical(kAnna, ClinicalRead::Summary,
                                                       QStringLiteral("Reviewing the referral"));
        QVERIFY(!refused.ok());
        auto timeline = PatientTimeline(*t.db).load(kAnna);
        QVERIFY(timeline.ok());
        for (const TimelineEvent &e : *timeline)
            QVERIFY(e.kind != TimelineEvent::Kind::Encounter);
        QVERIFY(session.signOut().ok());

        QVERIFY(session.signIn(QStringLiteral("nurse"), kPassword).ok());
        auto pass = AccessGuard(*t.db).openClinical(kAnna, ClinicalRead::Summary,
                                                    QStringLiteral("Reviewing the referral"));
        QVERIFY2(pass.ok(), qPrintable(pass.error()));
        auto summary = ClinicalSummary::load(*t.db, *pass);
        QVERIFY2(summary.ok(), qPrintable(summary.error()));
        QCOMPARE(summary->problems.size(), 2);
        QCOMPARE(summary->problems.first().clinicalStatus, QStringLiteral("active"));
        QCOMPARE(summary->allergies.size(), 1);
        QCOMPARE(summary->medications.size(), 1);
        QCOMPARE(summary->latestVitals.size(), 2); // weight and blood pressure
        QCOMPARE(summary->encounters.size(), 2);
        QVERIFY(std::any_of(summary->encounters.begin(), summary->encounters.end(),
                            [](const Encounter &e) { return !e.notes.isEmpty(); }));
        QVERIFY(session.signOut().ok());
    }

    // Last: changes the alerts, preferences and consents the tests above count.
    void profileEditsRemovesAndWithdraws()
    {
        PatientProfile profile(*t.db);
        QVERIFY(profile.open(kAnna).ok());
        QCOMPARE(profile.alerts().size(), 1);
        PatientAlert alert = profile.alerts().first();
        const qint64 version = alert.meta.version;
        alert.text = QStringLiteral("Needs an interpreter (Kurdish)");
        alert.severity = QStringLiteral("warning");
        QVERIFY(profile.editAlert(alert).ok());
        QCOMPARE(profile.alerts().size(), 1);
        QCOMPARE(profile.alerts().first().text, QStringLiteral("Needs an interpreter (Kurdish)"));
        QCOMPARE(profile.alerts().first().meta.version, version + 1);
        // An edit based on an old version does not overwrite the newer one.
        QVERIFY(!profile.editAlert(alert).ok());
        PatientAlert fresh;
        fresh.text = QStringLiteral("x");
        QVERIFY(!profile.editAlert(fresh).ok());

        const QString alertId = alert.meta.id;
        QVERIFY(profile.removeAlert(alertId).ok());
        QVERIFY(profile.alerts().isEmpty());
        QVERIFY(PatientAlertRepository(*t.db).get(alertId)->meta.deleted);
        QVERIFY(!profile.removeAlert(alertId).ok());

        // A preference whose purpose changes replaces the old one: never both, never neither.
        {
            const int before = profile.preferences().size();
            QVERIFY(before > 0);
            CommunicationPreference changed = profile.preferences().first();
            const QString oldId = changed.meta.id;
            const QString oldPurpose = changed.purpose;
            QStringList purposes;
            for (const CommunicationPreference &p : profile.preferences())
                purposes << p.purpose;
            for (const QString &candidate :
                 {QStringLiteral("reminder"), QStringLiteral("administrative"),
                  QStringLiteral("clinical"), QStringLiteral("marketing")}) {
                if (!purposes.contains(candidate)) {
                    changed.purpose = candidate;
                    break;
                }
            }
            QVERIFY(changed.purpose != oldPurpose);
            QVERIFY(profile.changePreference(oldId, changed).ok());
            QCOMPARE(profile.preferences().size(), before);
            QVERIFY(CommunicationPreferenceRepository(*t.db).get(oldId)->meta.deleted);
            bool found = false;
            for (const CommunicationPreference &p : profile.preferences())
                found = found || p.purpose == changed.purpose;
            QVERIFY(found);
        }

        const int preferences = profile.preferences().size();
        QVERIFY(preferences > 0);
        const QString preferenceId = profile.preferences().first().meta.id;
        QVERIFY(profile.removePreference(preferenceId).ok());
        QCOMPARE(profile.preferences().size(), preferences - 1);
        QVERIFY(CommunicationPreferenceRepository(*t.db).get(preferenceId)->meta.deleted);

        // Withdrawing keeps the given consent and adds a dated withdrawal.
        Consent research;
        research.type = QStringLiteral("research");
        QVERIFY(profile.recordConsent(research).ok());
        const int consents = profile.consents().size();
        QString givenId;
        for (const Consent &c : profile.consents()) {
            if (c.type == QLatin1String("research"))
                givenId = c.meta.id;
        }
        QVERIFY(!givenId.isEmpty());
        QVERIFY(!profile.withdrawConsent(givenId, m_clock.nowUtc().addDays(-1)).ok());
        m_clock.advanceSecs(60);
        QVERIFY(profile.withdrawConsent(givenId).ok());
        QCOMPARE(profile.consents().size(), consents + 1);
        int given = 0, withdrawn = 0;
        for (const Consent &c : profile.consents()) {
            if (c.type != QLatin1String("research"))
                continue;
            if (c.status == QLatin1String("given"))
                ++given;
            else if (c.status == QLatin1String("withdrawn") && c.decidedAt == m_clock.nowUtc())
                ++withdrawn;
        }
        QCOMPARE(given, 1);
        QCOMPARE(withdrawn, 1);
        for (const Consent &c : profile.consents()) {
            if (c.status == QLatin1String("withdrawn"))
                QVERIFY(!profile.withdrawConsent(c.meta.id).ok());
        }
    }

    void fhirExportCarriesMergeLinks()
    {
        Patient twin;
        twin.mrn = QStringLiteral("TWIN-1");
        twin.familyName = QStringLiteral("Müller");
        twin.givenName = QStringLiteral("Anna");
        QVERIFY(PatientRepository(*t.db).save(twin).ok());
        // The twin's photo moves to Anna, who has none.
        const QByteArray png("\x89PNG\r\n\x1a\n-pixels", 15);
        QVERIFY(PatientPhotoRepository(*t.db).setPhoto(twin.meta.id, png).ok());
        QVERIFY(!PatientPhotoRepository(*t.db).forPatient(kAnna)->has_value());
        auto merged = PatientMerge(*t.db).merge({kAnna, twin.meta.id, {}});
        QVERIFY2(merged.ok(), qPrintable(merged.error()));
        QCOMPARE(merged->moved.value(QStringLiteral("patient_photos")), 1);
        QCOMPARE((*PatientPhotoRepository(*t.db).forPatient(kAnna))->data, png);
        QVERIFY(!PatientPhotoRepository(*t.db).forPatient(twin.meta.id)->has_value());

        auto linkOf = [this](const QString &id) {
            auto bundle = testing::exportThroughGate(*t.db, id);
            if (!bundle)
                return QJsonArray();
            return bundle->value(QStringLiteral("entry"))
                .toArray()
                .first()
                .toObject()
                .value(QStringLiteral("resource"))
                .toObject()
                .value(QStringLiteral("link"))
                .toArray();
        };
        const QJsonArray survivor = linkOf(kAnna);
        QCOMPARE(survivor.size(), 1);
        QCOMPARE(survivor.first()[QStringLiteral("type")].toString(), QStringLiteral("replaces"));
        QCOMPARE(survivor.first()[QStringLiteral("other")][QStringLiteral("reference")].toString(),
                 QStringLiteral("Patient/") + twin.meta.id);
        const QJsonArray replaced = linkOf(twin.meta.id);
        QCOMPARE(replaced.size(), 1);
        QCOMPARE(replaced.first()[QStringLiteral("type")].toString(),
                 QStringLiteral("replaced-by"));
        QCOMPARE(replaced.first()[QStringLiteral("other")][QStringLiteral("reference")].toString(),
                 QStringLiteral("Patient/") + kAnna);
    }

    void editingAConsentKeepsItsDocument()
    {
        ConsentRepository consents(*t.db);
        Consent consent;
        consent.patientId = kAnna;
        consent.type = QStringLiteral("photo");
        consent.decidedAt = m_clock.nowUtc();
        consent.documentName = QStringLiteral("photo-consent.pdf");
        consent.document = QByteArray("%PDF-1.4 photo consent");
        QVERIFY(consents.save(consent).ok());
        const QString hash = QString::fromLatin1(
            QCryptographicHash::hash(consent.document, QCryptographicHash::Sha256).toHex());
        auto hashOf = [&] {
            return t.db
                ->scalar(QStringLiteral("SELECT document_sha256 FROM consents WHERE id = ?"),
                         {consent.meta.id})
                ->toString();
        };
        QCOMPARE(hashOf(), hash);

        // Loaded without its bytes (as every list does), edited and saved: the document and its
        // hash stay.
        Consent loaded = *consents.get(consent.meta.id);
        QVERIFY(loaded.document.isEmpty());
        loaded.note = QStringLiteral("signed at the desk");
        QVERIFY(consents.save(loaded).ok());
        QCOMPARE(hashOf(), hash);
        QCOMPARE(*consents.document(consent.meta.id), QByteArray("%PDF-1.4 photo consent"));

        // Removing the document removes the bytes and the hash.
        loaded.documentName.clear();
        QVERIFY(consents.save(loaded).ok());
        QCOMPARE(hashOf(), QString());
        QVERIFY(consents.document(consent.meta.id)->isEmpty());
    }

    void recallsAreAddedClosedAndOverdueAsTheDashboardCounts()
    {
        auto count = [this](const QString &statement) {
            auto n = t.db->scalar(statement);
            return n ? n->toLongLong() : -1;
        };
        auto recallOutbox = [&] {
            return count(QStringLiteral("SELECT count(*) FROM outbox WHERE resource_type = "
                                        "'Task'"));
        };
        auto recallAudit = [&](const QString &action) {
            auto n = t.db->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE "
                                                 "entity_type = 'Recall' AND action = ? AND "
                                                 "patient_id = ?"),
                                  {action, kAnna});
            return n ? n->toLongLong() : -1;
        };
        Practitioner doctor;
        doctor.familyName = QStringLiteral("Okafor");
        doctor.givenName = QStringLiteral("Ada");
        QVERIFY(PractitionerRepository(*t.db).save(doctor).ok());

        PatientProfile profile(*t.db);
        QVERIFY(profile.open(kAnna).ok());
        QVERIFY(profile.recalls().isEmpty());
        QVERIFY(profile.canEditRecalls());
        const QDate today = m_clock.nowUtc().date();
        QCOMPARE(profile.newRecall().dueOn, today.addMonths(6));

        // Each field says what is wrong; nothing is written.
        Recall draft;
        draft.reason = QStringLiteral("   ");
        draft.practitionerId = QStringLiteral("no-such-practitioner");
        const auto errors = profile.validateRecall(draft);
        QCOMPARE(errors.keys(),
                 (QStringList{QStringLiteral("dueOn"), QStringLiteral("practitionerId"),
                              QStringLiteral("reason")}));
        draft.dueOn = today.addYears(11);
        QVERIFY(profile.validateRecall(draft)
                    .value(QStringLiteral("dueOn"))
                    .contains(QLatin1String("ten years")));
        const qint64 outboxBefore = recallOutbox();
        QVERIFY(!profile.addRecall(draft).ok());
        QCOMPARE(recallOutbox(), outboxBefore);

        // Due a month ago with no appointment since: overdue. Due ahead: not yet.
        Recall missed;
        missed.dueOn = today.addMonths(-1);
        missed.reason = QStringLiteral(" Yearly check-up ");
        missed.practitionerId = doctor.meta.id;
        QVERIFY(profile.addRecall(missed).ok());
        Recall ahead = profile.newRecall();
        ahead.reason = QStringLiteral("Blood test");
        QVERIFY(profile.addRecall(ahead).ok());
        QCOMPARE(profile.recalls().size(), 2);
        const Recall first = profile.recalls().at(0);
        const Recall second = profile.recalls().at(1);
        QCOMPARE(first.reason, QStringLiteral("Yearly check-up"));
        QCOMPARE(first.status, Recall::open());
        QCOMPARE(profile.practitionerName(first.practitionerId), QStringLiteral("Ada Okafor"));
        QVERIFY(profile.isOverdue(first.meta.id));
        QVERIFY(!profile.isOverdue(second.meta.id));
        QCOMPARE(profile.overdueRecallCount(), 1);
        // The same rule as the dashboard's care-gap figure.
        auto dashboard = RecallRepository(*t.db).overdue(today);
        QVERIFY(dashboard.ok());
        QCOMPARE(dashboard->size(), 1);
        QCOMPARE(dashboard->first().meta.id, first.meta.id);
        QCOMPARE(recallAudit(QStringLiteral("create")), 2);
        QCOMPARE(recallOutbox() - outboxBefore, 2);

        // A visit booked on or after the due date closes the gap; a cancelled one does not.
        Appointment visit;
        visit.patientId = kAnna;
        visit.practitionerId = doctor.meta.id;
        visit.start = QDateTime(today.addDays(7), QTime(9, 0), Qt::UTC);
        visit.end = visit.start.addSecs(1800);
        visit.status = AppointmentStatus::Cancelled;
        AppointmentRepository appointments(*t.db);
        QVERIFY(appointments.save(visit).ok());
        QVERIFY(profile.open(kAnna).ok());
        QVERIFY(profile.isOverdue(first.meta.id));
        visit.status = AppointmentStatus::Booked;
        QVERIFY(appointments.save(visit).ok());
        QVERIFY(profile.open(kAnna).ok());
        QVERIFY(!profile.isOverdue(first.meta.id));
        QCOMPARE(profile.overdueRecallCount(), 0);
        QVERIFY(appointments.remove(visit).ok());
        QVERIFY(profile.open(kAnna).ok());
        QVERIFY(profile.isOverdue(first.meta.id));

        // Editing keeps it open; done and cancelled close it for good.
        Recall moved = first;
        moved.dueOn = today.addDays(14);
        QVERIFY(profile.editRecall(moved).ok());
        QVERIFY(!profile.isOverdue(first.meta.id));
        QCOMPARE(profile.recalls().at(0).dueOn, today.addDays(14));
        QVERIFY(profile.markRecallDone(first.meta.id).ok());
        QCOMPARE(profile.recalls().at(0).status, Recall::done());
        const Status again = profile.markRecallDone(first.meta.id);
        QVERIFY(!again.ok());
        QVERIFY(again.error().contains(QLatin1String("already done")));
        QVERIFY(!profile.cancelRecall(first.meta.id).ok());
        Recall closedEdit = profile.recalls().at(0);
        closedEdit.reason = QStringLiteral("changed");
        QVERIFY(!profile.editRecall(closedEdit).ok());
        QVERIFY(profile.cancelRecall(second.meta.id).ok());
        QCOMPARE(profile.recalls().at(1).status, Recall::cancelled());
        QVERIFY(!profile.cancelRecall(QStringLiteral("unknown")).ok());

        // Every change went through the write path: a row version, an outbox entry and an audit
        // entry each (two creates; an edit, a done and a cancel).
        QCOMPARE(recallAudit(QStringLiteral("update")), 3);
        QCOMPARE(recallOutbox() - outboxBefore, 5);
        auto stored = RecallRepository(*t.db).get(first.meta.id);
        QVERIFY(stored.ok());
        QCOMPARE(stored->status, Recall::done());
        QCOMPARE(stored->meta.version, 3);

        // Receptionists manage recalls (the demographics permission).
        Session session(*t.db);
        QVERIFY(session.signIn(QStringLiteral("reception"), kPassword).ok());
        QVERIFY(profile.canEditRecalls());
        QVERIFY(session.signOut().ok());
    }
};

QTEST_GUILESS_MAIN(TestPatientProfile)
#include "tst_patientprofile.moc"
