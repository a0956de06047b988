// The clinical gate (issue 15): every read of clinical data — the profile's summary, the visit
// notes of the timeline, encounters, a FHIR export, the clinical detail of audit entries — passes
// AccessGuard::openClinical, which checks the permission, asks for a reason when nobody has an
// appointment with the patient today, and leaves exactly the audit entries named here.

#include "TestClock.h"
#include "TestDatabase.h"

#include "PatientProfile.h"
#include "access/AccessGuard.h"
#include "access/AuditLog.h"
#include "access/AuditQuery.h"
#include "access/Session.h"
#include "access/StaffAccountRepository.h"
#include "domain/ClinicTime.h"
#include "interop/FhirExporter.h"
#include "storage/AppointmentRepository.h"
#include "storage/ConditionRepository.h"
#include "storage/EncounterRepository.h"
#include "storage/PatientRepository.h"
#include "storage/PractitionerRepository.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace frontdesk;

namespace {

const QString kPassword = QStringLiteral("tidal marble orchard 7");
const QString kReason = QStringLiteral("Patient phoned about knee pain");

} // namespace

class TestClinicalGate : public QObject
{
    Q_OBJECT

    test::TestDatabase t;
    TestClock clock{QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC)};
    QString m_ada;  // an appointment today, booked last week
    QString m_ben;  // no appointment
    QString m_cleo; // appointments booked during the tests
    QString m_doctor;

    qint64 mark()
    {
        auto v = t.db->scalar(QStringLiteral("SELECT coalesce(max(seq), 0) FROM audit_log"));
        return v ? v->toLongLong() : -1;
    }
    QList<AuditEntry> since(qint64 seq)
    {
        QList<AuditEntry> out;
        auto q = t.db->query(QStringLiteral("SELECT %1 FROM audit_log WHERE seq > ? ORDER BY seq")
                                 .arg(AuditLog::columns()),
                             {seq});
        while (q && q->next())
            out << AuditLog::entryFrom(*q);
        return out;
    }
    static QStringList actions(const QList<AuditEntry> &entries)
    {
        QStringList out;
        for (const AuditEntry &e : entries)
            out << e.action + QLatin1Char('/') + e.outcome;
        return out;
    }
    void addClinicalRecords(const QString &patientId, const QString &note)
    {
        Encounter e;
        e.patientId = patientId;
        e.start = QDateTime(QDate(2026, 1, 10), QTime(10, 0), Qt::UTC);
        e.notes = note;
        QVERIFY(EncounterRepository(*t.db).save(e).ok());
        Condition c;
        c.patientId = patientId;
        c.code.system = QStringLiteral("http://snomed.info/sct");
        c.code.code = QStringLiteral("239873007");
        c.code.display = QStringLiteral("Osteoarthritis of knee");
        QVERIFY(ConditionRepository(*t.db).save(c).ok());
    }
    QString addPatient(const QString &mrn, const QString &family)
    {
        Patient p;
        p.mrn = mrn;
        p.familyName = family;
        if (!PatientRepository(*t.db).save(p).ok())
            return {};
        return p.meta.id;
    }
    Status book(const QString &patientId, const QTime &startUtc)
    {
        Appointment a;
        a.patientId = patientId;
        a.practitionerId = m_doctor;
        a.start = QDateTime(clock.nowUtc().date(), startUtc, Qt::UTC);
        a.end = a.start.addSecs(900);
        return AppointmentRepository(*t.db).save(a);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(t.open());
        t.db->setClock(clock);
        QVERIFY(t.db->setSetting(ClinicTime::settingKey(), QStringLiteral("Europe/Berlin")).ok());
        StaffAccountRepository accounts(*t.db);
        QVERIFY(accounts.create(QStringLiteral("nina"), Role::Nurse, kPassword).ok());
        QVERIFY(accounts.create(QStringLiteral("noah"), Role::Nurse, kPassword).ok());
        QVERIFY(accounts.create(QStringLiteral("rita"), Role::Receptionist, kPassword).ok());
        QVERIFY(accounts.create(QStringLiteral("mia"), Role::Manager, kPassword).ok());
        m_ada = addPatient(QStringLiteral("P1"), QStringLiteral("Ada"));
        m_ben = addPatient(QStringLiteral("P2"), QStringLiteral("Ben"));
        m_cleo = addPatient(QStringLiteral("P3"), QStringLiteral("Cleo"));
        QVERIFY(!m_ada.isEmpty() && !m_ben.isEmpty() && !m_cleo.isEmpty());
        Practitioner doc;
        doc.familyName = QStringLiteral("House");
        QVERIFY(PractitionerRepository(*t.db).save(doc).ok());
        m_doctor = doc.meta.id;
        // Ada's appointment this afternoon was booked a week ago.
        clock.advanceSecs(-7 * 24 * 3600);
        Appointment a;
        a.patientId = m_ada;
        a.practitionerId = m_doctor;
        a.start = QDateTime(QDate(2026, 3, 2), QTime(13, 0), Qt::UTC);
        a.end = a.start.addSecs(900);
        QVERIFY(AppointmentRepository(*t.db).save(a).ok());
        clock.advanceSecs(7 * 24 * 3600);
        addClinicalRecords(m_ada, QStringLiteral("Ada: follow-up in two weeks"));
        addClinicalRecords(m_ben, QStringLiteral("Ben: knee swollen after the fall"));
    }

    void summaryNeedsAReasonWithoutAnAppointment()
    {
        Session session(*t.db);
        QVERIFY(session.signIn(QStringLiteral("nina"), kPassword).ok());
        PatientProfile profile(*t.db);
        QVERIFY(profile.open(m_ben).ok());
        QCOMPARE(*profile.clinicalNeedsReason(), true);

        qint64 m = mark();
        auto refused = profile.openClinical();
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().contains(QStringLiteral("reason")));
        auto entries = since(m);
        QCOMPARE(actions(entries), QStringList{QStringLiteral("clinical-read/failure")});
        QCOMPARE(entries[0].patientId, m_ben);
        QCOMPARE(entries[0].detail.value(QStringLiteral("read")).toString(),
                 QStringLiteral("summary"));
        QCOMPARE(entries[0].detail.value(QStringLiteral("refused")).toString(),
                 QStringLiteral("no-reason"));
        // Too short a reason is no reason.
        QVERIFY(!profile.openClinical(QStringLiteral(" ok ")).ok());

        m = mark();
        auto summary = profile.openClinical(kReason);
        QVERIFY2(summary.ok(), qPrintable(summary.error()));
        QCOMPARE(summary->encounters.size(), 1);
        QCOMPARE(summary->problems.size(), 1);
        entries = since(m);
        QCOMPARE(actions(entries), (QStringList{QStringLiteral("break-glass/success"),
                                                QStringLiteral("clinical-read/success")}));
        QCOMPARE(entries[0].detail.value(QStringLiteral("reason")).toString(), kReason);
        QCOMPARE(entries[1].actor, QStringLiteral("nina"));
        QCOMPARE(entries[1].patientId, m_ben);
        QCOMPARE(entries[1].detail.value(QStringLiteral("read")).toString(),
                 QStringLiteral("summary"));
        QCOMPARE(entries[1].detail.value(QStringLiteral("break_glass_reason")).toString(), kReason);

        // Broken once in this session: the next open asks for no reason, and is audited again.
        QCOMPARE(*profile.clinicalNeedsReason(), false);
        m = mark();
        QVERIFY(profile.openClinical().ok());
        entries = since(m);
        QCOMPARE(actions(entries), QStringList{QStringLiteral("clinical-read/success")});
        QCOMPARE(entries[0].detail.value(QStringLiteral("break_glass_reason")).toString(), kReason);

        // A new session starts with the glass whole.
        QVERIFY(session.signOut().ok());
        QVERIFY(session.signIn(QStringLiteral("nina"), kPassword).ok());
        QCOMPARE(*AccessGuard(*t.db).needsBreakGlass(m_ben), true);
        QVERIFY(session.signOut().ok());
    }

    void anAppointmentTodayOpensWithoutAReason()
    {
        Session session(*t.db);
        QVERIFY(session.signIn(QStringLiteral("nina"), kPassword).ok());
        const qint64 m = mark();
        auto access = AccessGuard(*t.db).openClinical(m_ada, ClinicalRead::Summary);
        QVERIFY2(access.ok(), qPrintable(access.error()));
        QVERIFY(access->breakGlassReason().isEmpty());
        const auto entries = since(m);
        QCOMPARE(actions(entries), QStringList{QStringLiteral("clinical-read/success")});
        QVERIFY(!entries[0].detail.contains(QStringLiteral("break_glass_reason")));
        QVERIFY(session.signOut().ok());
    }

    void receptionistIsRefusedAndRecorded()
    {
        Session session(*t.db);
        QVERIFY(session.signIn(QStringLiteral("rita"), kPassword).ok());
        const qint64 m = mark();
        auto access = AccessGuard(*t.db).openClinical(m_ada, ClinicalRead::Summary, kReason);
        QVERIFY(!access.ok());
        const auto entries = since(m);
        QCOMPARE(actions(entries), QStringList{QStringLiteral("clinical-read/failure")});
        QCOMPARE(entries[0].detail.value(QStringLiteral("refused")).toString(),
                 QStringLiteral("permission-denied"));
        PatientProfile profile(*t.db);
        QVERIFY(profile.open(m_ada).ok());
        auto timeline = profile.timeline();
        QVERIFY(timeline.ok());
        for (const TimelineEvent &e : *timeline)
            QVERIFY(e.kind != TimelineEvent::Kind::Encounter);
        QVERIFY(!profile.visitNotesHidden()); // nothing hidden: the role never sees them
        QVERIFY(session.signOut().ok());
    }

    void timelineShowsVisitNotesOnlyPastTheGate()
    {
        Session session(*t.db);
        QVERIFY(session.signIn(QStringLiteral("nina"), kPassword).ok());
        PatientProfile profile(*t.db);
        QSignalSpy opened(&profile, &PatientProfile::clinicalOpened);
        QVERIFY(profile.open(m_ben).ok());
        const auto hasNotes = [](const QList<TimelineEvent> &events) {
            return std::any_of(events.begin(), events.end(), [](const TimelineEvent &e) {
                return e.kind == TimelineEvent::Kind::Encounter &&
                       e.detail.contains(QStringLiteral("knee swollen"));
            });
        };

        qint64 m = mark();
        auto hidden = profile.timeline();
        QVERIFY(hidden.ok());
        QVERIFY(!hasNotes(*hidden));
        QVERIFY(profile.visitNotesHidden());
        QCOMPARE(actions(since(m)), QStringList());

        QVERIFY(profile.openClinical(kReason).ok());
        QCOMPARE(opened.count(), 1);
        m = mark();
        auto shown = profile.timeline();
        QVERIFY2(shown.ok(), qPrintable(shown.error()));
        QVERIFY(hasNotes(*shown));
        QVERIFY(!profile.visitNotesHidden());
        auto entries = since(m);
        QCOMPARE(actions(entries), QStringList{QStringLiteral("clinical-read/success")});
        QCOMPARE(entries[0].detail.value(QStringLiteral("read")).toString(),
                 QStringLiteral("visit-notes"));
        QCOMPARE(entries[0].detail.value(QStringLiteral("break_glass_reason")).toString(), kReason);

        // Repaints and filter changes read again without a new entry; opening the record again
        // is a new read.
        m = mark();
        QVERIFY(profile.timeline().ok());
        QVERIFY(profile.timeline({TimelineEvent::Kind::Encounter}).ok());
        QCOMPARE(actions(since(m)), QStringList());
        QVERIFY(profile.open(m_ben).ok());
        QVERIFY(hasNotes(*profile.timeline()));
        QCOMPARE(actions(since(m)), (QStringList{QStringLiteral("read/success"),
                                                 QStringLiteral("clinical-read/success")}));

        // Ada has an appointment today: her notes show at once, with one entry and no glass.
        m = mark();
        QVERIFY(profile.open(m_ada).ok());
        auto ada = profile.timeline();
        QVERIFY(ada.ok());
        QVERIFY(std::any_of(ada->begin(), ada->end(), [](const TimelineEvent &e) {
            return e.kind == TimelineEvent::Kind::Encounter;
        }));
        QCOMPARE(actions(since(m)), (QStringList{QStringLiteral("read/success"),
                                                 QStringLiteral("clinical-read/success")}));
        QVERIFY(session.signOut().ok());
    }

    void encountersNeedATokenThatStillStands()
    {
        Session session(*t.db);
        QVERIFY(session.signIn(QStringLiteral("nina"), kPassword).ok());
        auto access = AccessGuard(*t.db).openClinical(m_ada, ClinicalRead::Summary);
        QVERIFY(access.ok());
        auto encounters = EncounterRepository(*t.db).forPatient(*access);
        QVERIFY2(encounters.ok(), qPrintable(encounters.error()));
        QCOMPARE(encounters->size(), 1);
        QCOMPARE(encounters->first().patientId, m_ada);

        QVERIFY(session.lock(QStringLiteral("manual")).ok());
        QVERIFY(!EncounterRepository(*t.db).forPatient(*access).ok());
        QVERIFY(session.unlock(QStringLiteral("nina"), kPassword).ok());
        QVERIFY(EncounterRepository(*t.db).forPatient(*access).ok());

        // Someone else at the same workstation cannot use nina's pass.
        QVERIFY(session.signOut().ok());
        QVERIFY(session.signIn(QStringLiteral("noah"), kPassword).ok());
        auto stale = EncounterRepository(*t.db).forPatient(*access);
        QVERIFY(!stale.ok());
        QVERIFY(stale.error().contains(QStringLiteral("someone else")));
        QVERIFY(!ConditionRepository(*t.db).forPatient(*access).ok());
        QVERIFY(session.signOut().ok());
    }

    void fhirExportPassesTheGate()
    {
        Session session(*t.db);
        QVERIFY(session.signIn(QStringLiteral("nina"), kPassword).ok());
        qint64 m = mark();
        QVERIFY(!AccessGuard(*t.db).openClinical(m_ben, ClinicalRead::FhirExport).ok());
        QCOMPARE(actions(since(m)), QStringList{QStringLiteral("clinical-read/failure")});

        m = mark();
        auto access = AccessGuard(*t.db).openClinical(m_ben, ClinicalRead::FhirExport,
                                                      QStringLiteral("Referral to orthopaedics"));
        QVERIFY(access.ok());
        auto bundle = FhirExporter(*t.db).exportPatient(*access);
        QVERIFY2(bundle.ok(), qPrintable(bundle.error()));
        QStringList types;
        for (const QJsonValue entry : bundle->value(QStringLiteral("entry")).toArray())
            types << entry[QStringLiteral("resource")][QStringLiteral("resourceType")].toString();
        QVERIFY(types.contains(QStringLiteral("Encounter")));
        QVERIFY(types.contains(QStringLiteral("Condition")));
        const auto entries = since(m);
        QCOMPARE(actions(entries), (QStringList{QStringLiteral("break-glass/success"),
                                                QStringLiteral("clinical-read/success"),
                                                QStringLiteral("export/success")}));
        QCOMPARE(entries[1].detail.value(QStringLiteral("read")).toString(),
                 QStringLiteral("fhir-export"));
        QVERIFY(session.signOut().ok());
    }

    void clinicalDetailOfAuditEntriesIsBehindTheGate()
    {
        Session session(*t.db);
        QVERIFY(session.signIn(QStringLiteral("mia"), kPassword).ok());
        AuditQuery::Filter filter;
        filter.patientId = m_ben;
        filter.limit = 0;
        const auto clinicalEntries = [](const QList<AuditEntry> &entries) {
            QList<AuditEntry> out;
            for (const AuditEntry &e : entries) {
                if (e.entityType == QLatin1String("Encounter") ||
                    e.entityType == QLatin1String("Condition"))
                    out << e;
            }
            return out;
        };
        auto withheld = AuditQuery(*t.db).list(filter);
        QVERIFY2(withheld.ok(), qPrintable(withheld.error()));
        const auto hiddenOnes = clinicalEntries(*withheld);
        QCOMPARE(hiddenOnes.size(), 2); // the encounter's and the condition's create
        for (const AuditEntry &e : hiddenOnes)
            QCOMPARE(e.detail, AuditQuery::withheldDetail());
        // Other entries keep their detail (the break-glass reasons above).
        QVERIFY(std::any_of(withheld->begin(), withheld->end(), [](const AuditEntry &e) {
            return e.action == QLatin1String("break-glass") &&
                   e.detail.value(QStringLiteral("reason")).toString() == kReason;
        }));

        qint64 m = mark();
        QVERIFY(!AccessGuard(*t.db).openClinical(m_ben, ClinicalRead::AuditDetail).ok());
        QCOMPARE(actions(since(m)), QStringList{QStringLiteral("clinical-read/failure")});
        m = mark();
        auto access = AccessGuard(*t.db).openClinical(m_ben, ClinicalRead::AuditDetail,
                                                      QStringLiteral("Complaint about the note"));
        QVERIFY(access.ok());
        const auto entries = since(m);
        QCOMPARE(actions(entries), (QStringList{QStringLiteral("break-glass/success"),
                                                QStringLiteral("clinical-read/success")}));
        QCOMPARE(entries[1].detail.value(QStringLiteral("read")).toString(),
                 QStringLiteral("audit-detail"));
        auto full = AuditQuery(*t.db).list(filter, *access);
        QVERIFY2(full.ok(), qPrintable(full.error()));
        const auto shownOnes = clinicalEntries(*full);
        QCOMPARE(shownOnes.size(), 2);
        for (const AuditEntry &e : shownOnes) {
            QVERIFY(e.detail != AuditQuery::withheldDetail());
            QVERIFY(e.detail.contains(QStringLiteral("after")));
        }

        // Ben's pass does not show Ada's clinical detail.
        AuditQuery::Filter other = filter;
        other.patientId = m_ada;
        QVERIFY(!AuditQuery(*t.db).list(other, *access).ok());
        QVERIFY(session.signOut().ok());
    }

    void bulkReadRecordsOneReasonAndEveryPatient()
    {
        Session session(*t.db);
        QVERIFY(session.signIn(QStringLiteral("mia"), kPassword).ok());
        const QStringList patients{m_ada, m_ben};
        qint64 m = mark();
        // Even with appointments today: many records at once are never one patient's care.
        QVERIFY(!AccessGuard(*t.db)
                     .openClinicalBulk({m_ada}, ClinicalRead::FhirExport, QStringLiteral("  "))
                     .ok());
        QCOMPARE(actions(since(m)), QStringList{QStringLiteral("clinical-read/failure")});

        m = mark();
        auto tokens = AccessGuard(*t.db).openClinicalBulk(patients, ClinicalRead::FhirExport,
                                                          QStringLiteral("Move to the new PMS"));
        QVERIFY2(tokens.ok(), qPrintable(tokens.error()));
        QCOMPARE(tokens->size(), 2);
        const auto entries = since(m);
        QCOMPARE(actions(entries), (QStringList{QStringLiteral("break-glass/success"),
                                                QStringLiteral("clinical-read/success"),
                                                QStringLiteral("clinical-read/success")}));
        QCOMPARE(entries[0].detail.value(QStringLiteral("patients")).toInt(), 2);
        QCOMPARE(entries[0].detail.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("Move to the new PMS"));
        QCOMPARE(entries[1].patientId, m_ada);
        QCOMPARE(entries[2].patientId, m_ben);
        QCOMPARE(entries[2].detail.value(QStringLiteral("bulk")).toBool(), true);
        for (const ClinicalAccess &access : std::as_const(*tokens))
            QVERIFY(FhirExporter(*t.db).exportPatient(access).ok());
        QVERIFY(session.signOut().ok());
    }

    // An appointment booked by the same person less than an hour ago is no "appointment today".
    void ownFreshBookingDoesNotCount()
    {
        Session session(*t.db);
        QVERIFY(session.signIn(QStringLiteral("nina"), kPassword).ok());
        QCOMPARE(*AccessGuard(*t.db).needsBreakGlass(m_cleo), true);
        QVERIFY(book(m_cleo, QTime(15, 0)).ok());
        clock.advanceSecs(10 * 60);
        QCOMPARE(*AccessGuard(*t.db).needsBreakGlass(m_cleo), true);
        QVERIFY(!AccessGuard(*t.db).openClinical(m_cleo, ClinicalRead::Summary).ok());
        QVERIFY(session.signOut().ok());

        // Booked by nina: it counts for noah.
        QVERIFY(session.signIn(QStringLiteral("noah"), kPassword).ok());
        QCOMPARE(*AccessGuard(*t.db).needsBreakGlass(m_cleo), false);
        QVERIFY(AccessGuard(*t.db).openClinical(m_cleo, ClinicalRead::Summary).ok());
        QVERIFY(session.signOut().ok());

        // Two hours after she booked it, it counts for nina too.
        clock.advanceSecs(110 * 60);
        QVERIFY(session.signIn(QStringLiteral("nina"), kPassword).ok());
        QCOMPARE(*AccessGuard(*t.db).needsBreakGlass(m_cleo), false);
        QVERIFY(AccessGuard(*t.db).openClinical(m_cleo, ClinicalRead::Summary).ok());
        QVERIFY(session.signOut().ok());
        clock.advanceSecs(-120 * 60);
    }
};

QTEST_GUILESS_MAIN(TestClinicalGate)
#include "tst_clinicalgate.moc"
