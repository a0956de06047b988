// The profile's data: field validation, consents, insurance, communication preferences,
// alerts, the timeline, and the clinical summary behind the clinical permission.

#include "TestDatabase.h"

#include "PatientProfile.h"
#include "access/Role.h"
#include "access/Session.h"
#include "access/StaffAccountRepository.h"
#include "domain/PatientValidation.h"
#include "fhir/FhirImporter.h"
#include "storage/ClinicalSummary.h"
#include "storage/CommunicationPreferenceRepository.h"
#include "storage/ConsentRepository.h"
#include "storage/CoverageRepository.h"
#include "storage/PatientAlertRepository.h"
#include "storage/PatientRepository.h"
#include "storage/PatientTimeline.h"

#include <QTest>

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
        auto all = PatientTimeline(*t.db).load(kAnna);
        QVERIFY2(all.ok(), qPrintable(all.error()));
        QSet<TimelineEvent::Kind> kinds;
        for (const TimelineEvent &e : *all)
            kinds.insert(e.kind);
        QVERIFY(kinds.contains(TimelineEvent::Kind::Consent));
        QVERIFY(kinds.contains(TimelineEvent::Kind::Insurance));
        QVERIFY(kinds.contains(TimelineEvent::Kind::Encounter));
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
        auto refused = ClinicalSummary::load(*t.db, kAnna);
        QVERIFY(!refused.ok());
        auto timeline = PatientTimeline(*t.db).load(kAnna);
        QVERIFY(timeline.ok());
        for (const TimelineEvent &e : *timeline)
            QVERIFY(e.kind != TimelineEvent::Kind::Encounter);
        QVERIFY(session.signOut().ok());

        QVERIFY(session.signIn(QStringLiteral("nurse"), kPassword).ok());
        auto summary = ClinicalSummary::load(*t.db, kAnna);
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
};

QTEST_GUILESS_MAIN(TestPatientProfile)
#include "tst_patientprofile.moc"
