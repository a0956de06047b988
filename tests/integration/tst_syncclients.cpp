// Twenty workstations pushing at once into one PostgreSQL database through two frontdesk-server
// processes (issue 17): every change lands or is kept for a person, never lost and never twice.
// All twenty book the same practitioner's same time and change the same patient's mobile number
// (and each books a time of its own): one booking of the contested time stands and the other
// nineteen are rejected with the reason; one number wins and the other nineteen wait as conflicts;
// the twenty own bookings are all there.
#include "ServerConnection.h"
#include "ServerProcess.h"
#include "ServerTestBackend.h"
#include "ServerTransport.h"
#include "SyncEngine.h"
#include "TestDatabase.h"
#include "TestSignIn.h"

#include "storage/AppointmentRepository.h"
#include "storage/PatientRepository.h"
#include "storage/PractitionerRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcess>
#include <QTest>
#include <QThread>

#include <latch>
#include <memory>

using namespace frontdesk;

namespace {

const QString kPassword = QStringLiteral("tidal marble orchard 7");
constexpr int kClients = 20;
const QDateTime kContested(QDate(2027, 2, 1), QTime(9, 0), Qt::UTC);

std::unique_ptr<SyncTransport> signIn(const QString &url)
{
    return testing::signInAt(url, QStringLiteral("alice"), kPassword);
}

// What one workstation saw.
struct Outcome
{
    QString problem;
    QString contestedState; // the sync state of its booking of the contested time
    QString ownState;       // of its booking of a time of its own
    QString sharedState;    // of the shared patient it changed
    QString mobile;         // the number it wrote
};

} // namespace

class TestSyncClients : public QObject
{
    Q_OBJECT

    test::ServerTestBackend m_backend;
    QList<std::shared_ptr<QProcess>> m_servers;
    QStringList m_urls;

    QStringList storage() const
    {
        return {QStringLiteral("--config"), m_backend.dir.filePath(QStringLiteral("none.conf")),
                QStringLiteral("--database"), m_backend.postgresUrl};
    }

    static QJsonObject get(SyncTransport &t, const QString &path)
    {
        const HttpReply r = t.send("GET", path);
        if (r.status != 200)
            qWarning("GET %s: %d %s", qPrintable(path), r.status, r.body.constData());
        return QJsonDocument::fromJson(r.body).object();
    }

    // One workstation's part, in a thread of its own: its database, its sign-in at its server,
    // the clinic pulled, its changes, then (with all the others at once) the push.
    static Outcome client(int i, const QString &url, const QString &practitionerId,
                          const QString &sharedId, std::latch &ready)
    {
        Outcome out;
        test::TestDatabase store;
        std::unique_ptr<SyncTransport> transport;
        if (!store.open() || !(transport = signIn(url))) {
            out.problem = QStringLiteral("client %1 could not start").arg(i);
            ready.count_down();
            return out;
        }
        Database &db = *store.db;
        db.setActor(Actor::staff(QStringLiteral("alice")));
        SyncRound first = SyncEngine(db, *transport).round();
        auto shared = PatientRepository(db).get(sharedId);
        Patient own;
        own.mrn = QStringLiteral("RACE-%1").arg(i);
        own.familyName = QStringLiteral("Racer%1").arg(i);
        own.birthDate = QDate(1980, 1, 1).addDays(i);
        Status made = first.problem.isEmpty() && shared ? PatientRepository(db).save(own)
                                                        : fail(first.problem + shared.error());
        Appointment contested;
        contested.patientId = own.meta.id;
        contested.practitionerId = practitionerId;
        contested.start = kContested;
        contested.end = kContested.addSecs(30 * 60);
        Appointment mine = contested;
        mine.start = kContested.addDays(1).addSecs(i * 30 * 60);
        mine.end = mine.start.addSecs(30 * 60);
        if (made)
            made = AppointmentRepository(db).save(contested);
        if (made)
            made = AppointmentRepository(db).save(mine);
        out.mobile = QStringLiteral("+49 170 %1").arg(1000000 + i);
        if (made) {
            shared->phoneMobile = out.mobile;
            made = PatientRepository(db).save(*shared);
        }
        ready.arrive_and_wait();
        if (!made) {
            out.problem = made.error();
            return out;
        }
        SyncEngine engine(db, *transport);
        engine.setJitter([] { return 1.0; });
        const SyncRound pushed = engine.round();
        out.problem = pushed.problem;
        const auto state = [&db](const QString &table, const QString &id) {
            auto v = db.scalar(QStringLiteral("SELECT sync_state FROM %1 WHERE id = ?").arg(table),
                               {id});
            return v ? v->toString() : v.error();
        };
        out.contestedState = state(QStringLiteral("appointments"), contested.meta.id);
        out.ownState = state(QStringLiteral("appointments"), mine.meta.id);
        out.sharedState = state(QStringLiteral("patients"), sharedId);
        return out;
    }

private slots:
    void initTestCase()
    {
        QString why;
        if (!m_backend.createPostgresDatabase(&why))
            QSKIP(qPrintable(QStringLiteral("PostgreSQL is not available: ") + why));
        QFile none(m_backend.dir.filePath(QStringLiteral("none.conf")));
        QVERIFY(none.open(QIODevice::WriteOnly));
        none.write("login_attempts_per_minute = 1000\n");
        none.close();
        QProcess add;
        add.start(QStringLiteral(FRONTDESK_SERVER_PATH),
                  storage() << QStringLiteral("user") << QStringLiteral("add")
                            << QStringLiteral("alice") << QStringLiteral("--role")
                            << QStringLiteral("admin"));
        add.write(kPassword.toUtf8() + '\n');
        add.closeWriteChannel();
        QVERIFY2(add.waitForFinished(60000) && add.exitCode() == 0,
                 add.readAllStandardError().constData());
        for (int i = 0; i < 2; ++i) {
            auto server = std::make_shared<QProcess>();
            QByteArray said;
            const QString url = testing::startServerProcess(
                *server, QStringLiteral(FRONTDESK_SERVER_PATH),
                storage() << QStringLiteral("--insecure-http") << QStringLiteral("--listen")
                          << QStringLiteral("127.0.0.1:0"),
                &said);
            QVERIFY2(!url.isEmpty(), said.constData());
            m_servers << server;
            m_urls << url;
        }
    }

    void cleanupTestCase()
    {
        for (const auto &server : std::as_const(m_servers)) {
            server->terminate();
            server->waitForFinished(10000);
        }
        m_backend.dropPostgresDatabase();
    }

    void twentyWorkstationsPushAtOnceAndNothingIsLostOrDoubled()
    {
        // The clinic: a practitioner and a patient everyone changes, from a first workstation.
        test::TestDatabase setUp;
        QVERIFY(setUp.open());
        setUp.db->setActor(Actor::staff(QStringLiteral("alice")));
        auto transport = signIn(m_urls.first());
        QVERIFY(transport);
        Practitioner dr;
        dr.familyName = QStringLiteral("Adler");
        QVERIFY(PractitionerRepository(*setUp.db).save(dr).ok());
        Patient shared;
        shared.mrn = QStringLiteral("SHARED-1");
        shared.familyName = QStringLiteral("Geteilt");
        shared.birthDate = QDate(1975, 5, 5);
        QVERIFY(PatientRepository(*setUp.db).save(shared).ok());
        const SyncRound seeded = SyncEngine(*setUp.db, *transport).round();
        QVERIFY2(seeded.problem.isEmpty() && seeded.pushed == 2, qPrintable(seeded.problem));

        std::latch ready(kClients);
        QList<Outcome> outcomes(kClients);
        QList<QThread *> threads;
        for (int i = 0; i < kClients; ++i) {
            threads << QThread::create([&, i] {
                outcomes[i] = client(i, m_urls.at(i % 2), dr.meta.id, shared.meta.id, ready);
            });
            threads.last()->start();
        }
        for (QThread *t : std::as_const(threads)) {
            QVERIFY(t->wait(120000));
            delete t;
        }

        int contestedStands = 0;
        int winners = 0;
        QString winningMobile;
        for (int i = 0; i < kClients; ++i) {
            const Outcome &o = outcomes.at(i);
            QVERIFY2(o.problem.isEmpty(),
                     qPrintable(QStringLiteral("%1: %2").arg(i).arg(o.problem)));
            QCOMPARE(o.ownState, SyncState::synced());
            QVERIFY2(o.contestedState == SyncState::synced() ||
                         o.contestedState == SyncState::rejected(),
                     qPrintable(o.contestedState));
            contestedStands += o.contestedState == SyncState::synced() ? 1 : 0;
            QVERIFY2(o.sharedState == SyncState::synced() || o.sharedState == SyncState::conflict(),
                     qPrintable(o.sharedState));
            if (o.sharedState == SyncState::synced()) {
                ++winners;
                winningMobile = o.mobile;
            }
        }
        QCOMPARE(contestedStands, 1);
        QCOMPARE(winners, 1);

        // The server agrees: one booking of the contested time, all twenty of their own, one
        // change of the shared patient on top of its first version, with the winner's number.
        const QString practitioner = QStringLiteral("Practitioner/") + dr.meta.id;
        QCOMPARE(get(*transport, QStringLiteral("fhir/Appointment?practitioner=%1&date=%2")
                                     .arg(practitioner, kContested.toString(Qt::ISODate)))
                     .value(QStringLiteral("total"))
                     .toInt(),
                 1);
        QCOMPARE(
            get(*transport, QStringLiteral("fhir/Appointment?practitioner=%1&date=ge%2&_count=100")
                                .arg(practitioner, kContested.addDays(1).toString(Qt::ISODate)))
                .value(QStringLiteral("total"))
                .toInt(),
            kClients);
        QCOMPARE(get(*transport, QStringLiteral("fhir/Patient/%1/_history").arg(shared.meta.id))
                     .value(QStringLiteral("total"))
                     .toInt(),
                 2);
        const QJsonArray telecom = get(*transport, QStringLiteral("fhir/Patient/") + shared.meta.id)
                                       .value(QStringLiteral("telecom"))
                                       .toArray();
        QVERIFY(std::any_of(telecom.cbegin(), telecom.cend(), [&](const QJsonValue &v) {
            return v[QStringLiteral("value")].toString() == winningMobile;
        }));
    }
};

QTEST_GUILESS_MAIN(TestSyncClients)
#include "tst_syncclients.moc"
