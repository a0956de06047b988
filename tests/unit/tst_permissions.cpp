#include "TestClock.h"
#include "TestDatabase.h"

#include "access/AccessGuard.h"
#include "access/Permissions.h"
#include "access/Session.h"
#include "access/StaffAccountRepository.h"
#include "database/ReadWorker.h"
#include "domain/ClinicTime.h"
#include "storage/AppointmentRepository.h"
#include "storage/MessageRepository.h"
#include "storage/PatientRepository.h"
#include "storage/PractitionerRepository.h"

#include <QTest>

using namespace frontdesk;

namespace {

const QString kPassword = QStringLiteral("tidal marble orchard 7");

// The expected matrix, written out independently of the table in Permissions.cpp.
bool expected(Role role, Permission p)
{
    switch (p) {
    case Permission::ViewSchedule:
    case Permission::EditSchedule:
    case Permission::ViewDemographics:
    case Permission::EditDemographics:
    case Permission::ViewMessages:
    case Permission::SendMessages:
        return true;
    case Permission::ViewClinical:
    case Permission::EditClinical:
        return role != Role::Receptionist;
    case Permission::ViewDashboards:
    case Permission::ViewAuditLog:
    case Permission::OverrideDoubleBooking:
        return role == Role::Manager || role == Role::Admin;
    case Permission::ManageUsers:
    case Permission::ManageSettings:
    case Permission::WipeWorkstation:
    case Permission::UnlockOtherSessions:
        return role == Role::Admin;
    }
    return false;
}

} // namespace

class TestPermissions : public QObject
{
    Q_OBJECT

    test::TestDatabase t;
    TestClock clock{QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC)};
    QString m_patientToday;
    QString m_patientOther;

    qint64 auditCount(const QString &action)
    {
        auto v = t.db->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = ?"),
                              {action});
        return v ? v->toLongLong() : -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(t.open());
        t.db->setClock(clock);
        QVERIFY(t.db->setSetting(ClinicTime::settingKey(), QStringLiteral("Europe/Berlin")).ok());
        StaffAccountRepository accounts(*t.db);
        for (Role role : Roles::all())
            QVERIFY(accounts.create(Roles::name(role), role, kPassword).ok());

        PatientRepository patients(*t.db);
        Patient a;
        a.mrn = QStringLiteral("P1");
        a.familyName = QStringLiteral("Today");
        QVERIFY(patients.save(a).ok());
        Patient b;
        b.mrn = QStringLiteral("P2");
        b.familyName = QStringLiteral("Other");
        QVERIFY(patients.save(b).ok());
        m_patientToday = a.meta.id;
        m_patientOther = b.meta.id;
        Practitioner doc;
        doc.familyName = QStringLiteral("House");
        QVERIFY(PractitionerRepository(*t.db).save(doc).ok());
        Appointment appt;
        appt.patientId = a.meta.id;
        appt.practitionerId = doc.meta.id;
        appt.start = QDateTime(QDate(2026, 3, 2), QTime(13, 0), Qt::UTC);
        appt.end = appt.start.addSecs(900);
        QVERIFY(AppointmentRepository(*t.db).save(appt).ok());
    }

    void tableMatchesTheIssue()
    {
        for (Role role : Roles::all()) {
            for (Permission p : Permissions::all())
                QVERIFY2(Permissions::allows(role, p) == expected(role, p),
                         qPrintable(Roles::name(role) + QLatin1Char(' ') + Permissions::name(p)));
        }
        QCOMPARE(Permissions::all().size(), 15);
    }

    void resourcesMapToPermissions()
    {
        using P = std::optional<Permission>;
        for (const char *clinical :
             {"Condition", "AllergyIntolerance", "MedicationStatement", "MedicationRequest",
              "Observation", "Encounter", "Immunization"}) {
            QCOMPARE(Permissions::toRead(QLatin1String(clinical)), P(Permission::ViewClinical));
            QCOMPARE(Permissions::toWrite(QLatin1String(clinical)), P(Permission::EditClinical));
        }
        QCOMPARE(Permissions::toRead(QStringLiteral("Patient")), P(Permission::ViewDemographics));
        QCOMPARE(Permissions::toWrite(QStringLiteral("Patient")), P(Permission::EditDemographics));
        QCOMPARE(Permissions::toRead(QStringLiteral("Appointment")), P(Permission::ViewSchedule));
        QCOMPARE(Permissions::toWrite(QStringLiteral("Appointment")), P(Permission::EditSchedule));
        QCOMPARE(Permissions::toRead(QStringLiteral("Communication")), P(Permission::ViewMessages));
        QCOMPARE(Permissions::toWrite(QStringLiteral("Communication")),
                 P(Permission::SendMessages));
        // Message templates: read by all who read messages, changed by administrators.
        for (const char *type : {"MessageTemplate", "Basic"}) {
            QCOMPARE(Permissions::toRead(QLatin1String(type)), P(Permission::ViewMessages));
            QCOMPARE(Permissions::toWrite(QLatin1String(type)), P(Permission::ManageSettings));
        }
    }

    // A type nobody listed is refused, never taken for patient details.
    void unknownResourceTypesAreRefused()
    {
        QCOMPARE(Permissions::toRead(QStringLiteral("Spaceship")), std::optional<Permission>());
        QCOMPARE(Permissions::toWrite(QStringLiteral("Spaceship")), std::optional<Permission>());
        // Also on a connection opened for the system, which passes every other check.
        const Status read = AccessGuard(*t.db).requireRead(QStringLiteral("Spaceship"));
        QVERIFY(!read);
        QVERIFY2(read.error().contains(QStringLiteral("permission table")),
                 qPrintable(read.error()));
        QVERIFY(!AccessGuard(*t.db).requireWrite(QStringLiteral("Spaceship")));
        // Every record type the repositories keep is listed.
        for (const char *type : {"Patient",         "PatientLink",       "PatientPhoto",
                                 "Consent",         "Coverage",          "Flag",
                                 "Recall",          "AppointmentSeries", "AppointmentStatusChange",
                                 "AppointmentType", "ScheduleException", "WaitlistEntry",
                                 "Appointment",     "Practitioner",      "Location",
                                 "Schedule",        "Communication",     "CommunicationRequest",
                                 "Condition",       "Encounter"})
            QVERIFY2(AccessGuard(*t.db).requireWrite(QLatin1String(type)), type);
    }

    void onlyAdministratorsManageAccounts()
    {
        Session session(*t.db);
        QVERIFY(session.signIn(QStringLiteral("manager"), kPassword).ok());
        StaffAccountRepository accounts(*t.db);
        auto made = accounts.create(QStringLiteral("newbie"), Role::Nurse,
                                    QStringLiteral("quiet violet harbour 42"));
        QVERIFY(!made.ok());
        QVERIFY(made.error().contains(Permissions::describe(Permission::ManageUsers)));
        QVERIFY(!accounts.setRole(QStringLiteral("nurse"), Role::Admin).ok());
        QVERIFY(
            !accounts
                 .setPassword(QStringLiteral("nurse"), QStringLiteral("quiet violet harbour 42"))
                 .ok());
        QVERIFY(session.signOut().ok());
        QVERIFY(session.signIn(QStringLiteral("admin"), kPassword).ok());
        QVERIFY(accounts
                    .create(QStringLiteral("newbie"), Role::Nurse,
                            QStringLiteral("quiet violet harbour 42"))
                    .ok());
        QCOMPARE(*t.db->scalar(QStringLiteral("SELECT actor FROM audit_log WHERE action = "
                                              "'user-create' ORDER BY seq DESC")),
                 QVariant(QStringLiteral("admin")));
        QVERIFY(session.signOut().ok());
    }

    void rolesRoundTripByName()
    {
        for (Role role : Roles::all())
            QCOMPARE(Roles::fromName(Roles::name(role)), std::optional<Role>(role));
        QVERIFY(!Roles::fromName(QStringLiteral("doctor")).has_value());
    }

    // Each role × each permission, through the session the models consult.
    void modelsEnforceTheMatrix()
    {
        for (Role role : Roles::all()) {
            Session session(*t.db);
            QVERIFY(session.signIn(Roles::name(role), kPassword).ok());
            for (Permission p : Permissions::all()) {
                const Status s = AccessGuard(*t.db).require(p);
                QVERIFY2(s.ok() == expected(role, p),
                         qPrintable(Roles::name(role) + QLatin1Char(' ') + Permissions::name(p)));
                if (!s.ok())
                    QVERIFY(s.error().contains(Permissions::describe(p)));
            }
            QVERIFY(session.signOut().ok());
        }
    }

    void repositoriesRefuseWithoutSignIn()
    {
        Session session(*t.db);
        auto page = PatientRepository(*t.db).page(std::nullopt, 10);
        QVERIFY(!page.ok());
        QVERIFY(page.error().contains(QStringLiteral("Sign in")));
        QVERIFY(!PatientRepository(*t.db).get(m_patientToday).ok());
        QVERIFY(!MessageRepository(*t.db).recent(5).ok());
        QVERIFY(!AppointmentRepository(*t.db)
                     .rowsBetween(clock.nowUtc().addDays(-1), clock.nowUtc().addDays(1))
                     .ok());
        Patient p;
        p.mrn = QStringLiteral("P3");
        p.familyName = QStringLiteral("Nobody");
        QVERIFY(!PatientRepository(*t.db).save(p).ok());

        QVERIFY(session.signIn(QStringLiteral("receptionist"), kPassword).ok());
        QCOMPARE(PatientRepository(*t.db).page(std::nullopt, 10)->size(), 2);
        QVERIFY(session.lock(QStringLiteral("idle")).ok());
        auto locked = PatientRepository(*t.db).page(std::nullopt, 10);
        QVERIFY(!locked.ok());
        QVERIFY(locked.error().contains(QStringLiteral("locked")));
        QVERIFY(session.unlock(QStringLiteral("receptionist"), kPassword).ok());
        QVERIFY(PatientRepository(*t.db).page(std::nullopt, 10).ok());
    }

    // The dashboard reads on a ReadWorker's second connection: the checks made there are the
    // signed-in person's.
    void workerConnectionAnswersToTheSessionItServes()
    {
        Session session(*t.db);
        ReadWorker worker(*t.db);
        const auto check = [&worker](Permission p) {
            return worker.run([p](Database &db) { return AccessGuard(db).require(p); }).get();
        };
        const Status nobody = check(Permission::ViewDashboards);
        QVERIFY(!nobody.ok());
        QVERIFY(nobody.error().contains(QStringLiteral("Sign in")));
        const Status page = worker
                                .run([](Database &db) -> Status {
                                    auto rows = PatientRepository(db).page(std::nullopt, 10);
                                    if (!rows)
                                        return fail(rows.error());
                                    return {};
                                })
                                .get();
        QVERIFY(!page.ok());
        QVERIFY(page.error().contains(QStringLiteral("Sign in")));

        QVERIFY(session.signIn(QStringLiteral("receptionist"), kPassword).ok());
        QVERIFY(check(Permission::ViewDemographics).ok());
        const Status receptionist = check(Permission::ViewDashboards);
        QVERIFY(!receptionist.ok());
        QVERIFY(receptionist.error().contains(Permissions::describe(Permission::ViewDashboards)));
        QVERIFY(session.signOut().ok());

        QVERIFY(session.signIn(QStringLiteral("manager"), kPassword).ok());
        QVERIFY(check(Permission::ViewDashboards).ok());
        QVERIFY(session.lock(QStringLiteral("idle")).ok());
        const Status locked = check(Permission::ViewDashboards);
        QVERIFY(!locked.ok());
        QVERIFY(locked.error().contains(QStringLiteral("locked")));
        QVERIFY(session.unlock(QStringLiteral("manager"), kPassword).ok());
        QVERIFY(check(Permission::ViewDashboards).ok());
    }

    void receptionistGetsNoClinicalData()
    {
        Session session(*t.db);
        QVERIFY(session.signIn(QStringLiteral("receptionist"), kPassword).ok());
        const auto s = AccessGuard(*t.db).openClinical(m_patientToday, ClinicalRead::Summary);
        QVERIFY(!s.ok());
        QVERIFY(s.error().contains(QStringLiteral("clinical")));
        QVERIFY(AccessGuard(*t.db).openPatient(m_patientToday).ok());
    }

    void nurseBreaksTheGlassWithAReason()
    {
        Session session(*t.db);
        QVERIFY(session.signIn(QStringLiteral("nurse"), kPassword).ok());
        AccessGuard guard(*t.db);
        QCOMPARE(*guard.needsBreakGlass(m_patientToday), false);
        QCOMPARE(*guard.needsBreakGlass(m_patientOther), true);
        QVERIFY(guard.openClinical(m_patientToday, ClinicalRead::Summary).ok());

        const qint64 before = auditCount(QStringLiteral("break-glass"));
        const auto refused = guard.openClinical(m_patientOther, ClinicalRead::Summary);
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().contains(QStringLiteral("reason")));
        QCOMPARE(auditCount(QStringLiteral("break-glass")), before);

        QVERIFY(guard
                    .openClinical(m_patientOther, ClinicalRead::Summary,
                                  QStringLiteral("Patient called with chest pain"))
                    .ok());
        QCOMPARE(auditCount(QStringLiteral("break-glass")), before + 1);
        auto entry = t.db->query(QStringLiteral("SELECT actor, patient_id, detail FROM audit_log "
                                                "WHERE action = 'break-glass' ORDER BY seq DESC"));
        QVERIFY(entry && entry->next());
        QCOMPARE(entry->value(0).toString(), QStringLiteral("nurse"));
        QCOMPARE(entry->value(1).toString(), m_patientOther);
        QVERIFY(entry->value(2).toString().contains(QStringLiteral("chest pain")));

        // Tomorrow the appointment is yesterday's: the glass must be broken again.
        clock.advanceSecs(24 * 3600);
        QCOMPARE(*guard.needsBreakGlass(m_patientToday), true);
        clock.advanceSecs(-24 * 3600);
    }

    void openingARecordIsAudited()
    {
        Session session(*t.db);
        QVERIFY(session.signIn(QStringLiteral("manager"), kPassword).ok());
        const qint64 before = auditCount(QStringLiteral("read"));
        QVERIFY(AccessGuard(*t.db).openPatient(m_patientOther).ok());
        QCOMPARE(auditCount(QStringLiteral("read")), before + 1);
        auto actor = t.db->scalar(
            QStringLiteral("SELECT actor FROM audit_log WHERE action = 'read' ORDER BY seq DESC"));
        QCOMPARE(actor->toString(), QStringLiteral("manager"));
    }
};

QTEST_GUILESS_MAIN(TestPermissions)
#include "tst_permissions.moc"
