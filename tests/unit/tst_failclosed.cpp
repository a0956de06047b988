#include "TestClock.h"
#include "TestDatabase.h"

#include "access/AccessGuard.h"
#include "access/AuditQuery.h"
#include "access/Permissions.h"
#include "access/Session.h"
#include "access/StaffAccountRepository.h"
#include "database/ReadWorker.h"
#include "storage/AppointmentRepository.h"
#include "storage/AutoLockSetting.h"
#include "storage/ConditionRepository.h"
#include "storage/MessageRepository.h"
#include "storage/MessageRetention.h"
#include "storage/PatientRepository.h"
#include "storage/PractitionerRepository.h"

#include <QTest>

using namespace frontdesk;

namespace {

const QString kPassword = QStringLiteral("tidal marble orchard 7");
const QString kNobody = QStringLiteral("No one is signed in");

} // namespace

// Checks fail closed (issue 15): a connection with neither a signed-in person nor a system
// purpose is refused every guarded read and write; a connection working for another one is
// checked as that one's person.
class TestFailClosed : public QObject
{
    Q_OBJECT

    test::TestDatabase t;
    TestClock clock{QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC)};
    QString m_patientId;
    QString m_practitionerId;

    // A second connection to the test's database that nobody opened for the system.
    std::unique_ptr<Database> openPlain()
    {
        auto opened = Database::open(t.path(), test::TestDatabase::key());
        if (!opened) {
            qWarning("%s", qPrintable(opened.error()));
            return nullptr;
        }
        (*opened)->setClock(clock);
        return std::move(*opened);
    }

    qint64 rows(const QString &table)
    {
        // Table names come from the test's own literals.
        auto n = t.db->scalar(QStringLiteral("SELECT count(*) FROM %1").arg(table));
        return n ? n->toLongLong() : -1;
    }

    static Status statusOf(const Status &s) { return s; }
    template <typename T> static Status statusOf(const Result<T> &r)
    {
        return r ? Status() : Status(fail(r.error()));
    }

    // Through the clinical gate, as every reader of clinical records goes.
    Status readClinical(Database &db)
    {
        auto access = AccessGuard(db).openClinical(m_patientId, ClinicalRead::Summary,
                                                   QStringLiteral("checking the gate"));
        if (!access)
            return fail(access.error());
        return statusOf(ConditionRepository(db).forPatient(*access));
    }

    // Every read and write of each family of records, on db.
    QList<std::pair<QString, Status>> readsAndWrites(Database &db)
    {
        const QDateTime now = clock.nowUtc();
        Patient patient;
        patient.mrn = QStringLiteral("P-%1").arg(rows(QStringLiteral("patients")) + 1);
        patient.familyName = QStringLiteral("Written");
        Appointment appointment;
        appointment.patientId = m_patientId;
        appointment.practitionerId = m_practitionerId;
        appointment.start = now.addDays(1).addSecs(3600 * rows(QStringLiteral("appointments")));
        appointment.end = appointment.start.addSecs(900);
        Message message;
        message.patientId = m_patientId;
        message.body = QStringLiteral("See you tomorrow");
        Condition condition;
        condition.patientId = m_patientId;
        condition.code.display = QStringLiteral("Hypertension");
        return {
            {QStringLiteral("read patients"),
             statusOf(PatientRepository(db).page(std::nullopt, 10))},
            {QStringLiteral("write a patient"), PatientRepository(db).save(patient)},
            {QStringLiteral("read the schedule"),
             statusOf(AppointmentRepository(db).rowsBetween(now.addDays(-1), now.addDays(2)))},
            {QStringLiteral("write an appointment"), AppointmentRepository(db).save(appointment)},
            {QStringLiteral("read messages"), statusOf(MessageRepository(db).recent(5))},
            {QStringLiteral("write a message"), MessageRepository(db).save(message)},
            {QStringLiteral("read clinical data"), readClinical(db)},
            {QStringLiteral("write clinical data"), ConditionRepository(db).save(condition)},
            {QStringLiteral("read the audit trail"),
             statusOf(AuditQuery(db).list(AuditQuery::Filter{}))},
            {QStringLiteral("change an account"),
             StaffAccountRepository(db).setRole(QStringLiteral("nurse"), Role::Nurse)},
            {QStringLiteral("change a setting"),
             AutoLockSetting::setMinutes(db, 3 + int(rows(QStringLiteral("audit_log")) % 7))},
            {QStringLiteral("change the retention"),
             MessageRetention::setDays(db, 30 + int(rows(QStringLiteral("audit_log")) % 7))},
        };
    }

private slots:
    void initTestCase()
    {
        QVERIFY(t.open());
        t.db->setClock(clock);
        StaffAccountRepository accounts(*t.db);
        QVERIFY(accounts.create(QStringLiteral("admin"), Role::Admin, kPassword).ok());
        QVERIFY(
            accounts.create(QStringLiteral("receptionist"), Role::Receptionist, kPassword).ok());
        QVERIFY(accounts.create(QStringLiteral("nurse"), Role::Nurse, kPassword).ok());
        Patient patient;
        patient.mrn = QStringLiteral("P-0");
        patient.familyName = QStringLiteral("Seen");
        QVERIFY(PatientRepository(*t.db).save(patient).ok());
        m_patientId = patient.meta.id;
        Practitioner doc;
        doc.familyName = QStringLiteral("House");
        QVERIFY(PractitionerRepository(*t.db).save(doc).ok());
        m_practitionerId = doc.meta.id;
    }

    void plainConnectionIsRefusedEveryPermission()
    {
        auto plain = openPlain();
        QVERIFY(plain);
        QVERIFY(Session::of(*plain) == nullptr);
        QVERIFY(plain->systemPurpose().isEmpty());
        for (Permission p : Permissions::all()) {
            const Status s = AccessGuard(*plain).require(p);
            QVERIFY2(!s.ok(), qPrintable(Permissions::name(p)));
            QVERIFY2(s.error().contains(kNobody), qPrintable(s.error()));
        }
        QVERIFY(!AccessGuard(*plain).openPatient(m_patientId).ok());
        QVERIFY(!AccessGuard(*plain)
                     .openClinical(m_patientId, ClinicalRead::Summary, QStringLiteral("a reason"))
                     .ok());
    }

    void plainConnectionIsRefusedEveryReadAndWrite()
    {
        auto plain = openPlain();
        QVERIFY(plain);
        const QStringList tables{QStringLiteral("patients"), QStringLiteral("appointments"),
                                 QStringLiteral("messages"), QStringLiteral("conditions")};
        QList<qint64> before;
        for (const QString &table : tables)
            before << rows(table);
        const QString role =
            t.db->scalar(QStringLiteral("SELECT role FROM staff_accounts WHERE username = 'nurse'"))
                ->toString();
        const int lockMinutes = AutoLockSetting::minutes(*t.db);
        const int retentionDays = MessageRetention::days(*t.db);

        for (const auto &[what, status] : readsAndWrites(*plain)) {
            QVERIFY2(!status.ok(), qPrintable(what));
            QVERIFY2(status.error().contains(kNobody),
                     qPrintable(what + QStringLiteral(": ") + status.error()));
        }
        for (qsizetype i = 0; i < tables.size(); ++i)
            QCOMPARE(rows(tables.at(i)), before.at(i));
        QCOMPARE(
            t.db->scalar(QStringLiteral("SELECT role FROM staff_accounts WHERE username = 'nurse'"))
                ->toString(),
            role);
        QCOMPARE(AutoLockSetting::minutes(*t.db), lockMinutes);
        QCOMPARE(MessageRetention::days(*t.db), retentionDays);
    }

    // The same reads and writes on the test's own connection, opened for the system; what it
    // writes names that purpose in the trail.
    void systemConnectionPasses()
    {
        QCOMPARE(t.db->systemPurpose(), QStringLiteral("test set-up"));
        const qint64 patients = rows(QStringLiteral("patients"));
        for (const auto &[what, status] : readsAndWrites(*t.db))
            QVERIFY2(status.ok(), qPrintable(what + QStringLiteral(": ") + status.error()));
        QCOMPARE(rows(QStringLiteral("patients")), patients + 1);
        auto actor = t.db->query(QStringLiteral("SELECT actor, actor_kind FROM audit_log "
                                                "WHERE entity_type = 'Patient' ORDER BY seq DESC"));
        QVERIFY(actor && actor->next());
        QCOMPARE(actor->value(0).toString(), QStringLiteral("test set-up"));
        QCOMPARE(actor->value(1).toString(), QStringLiteral("system"));
    }

    // A Session decides on its connection, also on one opened for the system: nobody signed
    // in there is nobody.
    void sessionOverridesTheSystemPurpose()
    {
        Session session(*t.db);
        const Status s = AccessGuard(*t.db).requireRead(QStringLiteral("Patient"));
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QStringLiteral("Sign in")), qPrintable(s.error()));
    }

    void workerServingAPlainConnectionIsRefused()
    {
        auto plain = openPlain();
        QVERIFY(plain);
        ReadWorker worker(*plain);
        const Status s = worker
                             .run([this](Database &db) {
                                 return statusOf(PatientRepository(db).get(m_patientId));
                             })
                             .get();
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(kNobody), qPrintable(s.error()));
    }

    // The dashboard's second connection reads for the receptionist signed in on the first: it
    // gets her demographics, and none of the clinical data her role may not see.
    void workerServingAReceptionistIsRefusedClinicalReads()
    {
        auto desk = openPlain();
        QVERIFY(desk);
        Session session(*desk);
        QVERIFY(session.signIn(QStringLiteral("receptionist"), kPassword).ok());
        ReadWorker worker(*desk);
        const auto onWorker = [&worker](std::function<Status(Database &)> task) {
            return worker.run(std::move(task)).get();
        };
        QVERIFY(onWorker([this](Database &db) {
                    return statusOf(PatientRepository(db).get(m_patientId));
                }).ok());
        const Status clinical = onWorker([this](Database &db) { return readClinical(db); });
        QVERIFY(!clinical.ok());
        QVERIFY2(clinical.error().contains(Permissions::describe(Permission::ViewClinical)),
                 qPrintable(clinical.error()));
        QVERIFY(!onWorker([](Database &db) {
                     return AccessGuard(db).require(Permission::ViewClinical);
                 }).ok());

        QVERIFY(session.signOut().ok());
        const Status signedOut = onWorker(
            [this](Database &db) { return statusOf(PatientRepository(db).get(m_patientId)); });
        QVERIFY(!signedOut.ok());
        QVERIFY2(signedOut.error().contains(QStringLiteral("Sign in")),
                 qPrintable(signedOut.error()));
    }
};

QTEST_GUILESS_MAIN(TestFailClosed)
#include "tst_failclosed.moc"
