#include "TestClock.h"
#include "TestDatabase.h"

#include "access/Session.h"
#include "access/StaffAccountRepository.h"
#include "demo/DemoSeeder.h"
#include "storage/MessageRepository.h"
#include "storage/MessageRetention.h"
#include "storage/PatientRepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace frontdesk;

class TestMessageRetention : public QObject
{
    Q_OBJECT

    test::TestDatabase t;
    TestClock clock{QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC)};

    qint64 scalar(const QString &sql, const QVariantList &values = {})
    {
        auto v = t.db->scalar(sql, values);
        return v ? v->toLongLong() : -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(t.open());
        t.db->setClock(clock);
        DemoSeeder::Options options;
        options.patients = 100;
        options.appointments = 2000;
        options.today = QDate(2026, 3, 2);
        QVERIFY(DemoSeeder(*t.db).seed(options).ok());
    }

    void keepsEverythingByDefault()
    {
        const qint64 before = scalar(QStringLiteral("SELECT count(*) FROM messages"));
        QVERIFY(before > 0);
        QCOMPARE(*MessageRetention::purge(*t.db), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM messages")), before);
    }

    void purgesOldSentCopiesButNotUnsentOnes()
    {
        // A message still waiting in the outbox, written long ago.
        auto patient = PatientRepository(*t.db).page(std::nullopt, 1);
        QVERIFY(patient && !patient->isEmpty());
        TestClock past(clock.nowUtc().addDays(-200));
        t.db->setClock(past);
        Message pending;
        pending.patientId = patient->first().meta.id;
        pending.body = QStringLiteral("not yet sent");
        QVERIFY(MessageRepository(*t.db).save(pending).ok());
        t.db->setClock(clock);

        const qint64 cutoff = clock.nowMs() - qint64(7) * 24 * 3600 * 1000;
        const qint64 old =
            scalar(QStringLiteral("SELECT count(*) FROM messages WHERE created_at < ? "
                                  "AND sync_state = 'demo'"),
                   {cutoff});
        const qint64 total = scalar(QStringLiteral("SELECT count(*) FROM messages"));
        QVERIFY(old > 0);
        QVERIFY(MessageRetention::setDays(*t.db, 7).ok());
        QCOMPARE(MessageRetention::days(*t.db), 7);
        // The change of setting is audited with its before and after.
        auto change = t.db->query(QStringLiteral("SELECT detail FROM audit_log WHERE action = "
                                                 "'settings-change' ORDER BY seq DESC LIMIT 1"));
        QVERIFY(change.ok() && change->next());
        const QJsonObject detail = QJsonDocument::fromJson(change->value(0).toByteArray()).object();
        const QJsonObject days =
            detail[QStringLiteral("changes")][MessageRetention::key()].toObject();
        QCOMPARE(days[QStringLiteral("before")].toInt(), 0);
        QCOMPARE(days[QStringLiteral("after")].toInt(), 7);
        auto removed = MessageRetention::purge(*t.db);
        QVERIFY2(removed.ok(), qPrintable(removed.error()));
        QCOMPARE(*removed, old);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM messages")), total - old);
        QCOMPARE(
            scalar(QStringLiteral("SELECT count(*) FROM messages WHERE id = ?"), {pending.meta.id}),
            1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'purge'")),
                 1);
        QCOMPARE(*MessageRetention::purge(*t.db), 0);
    }

    void onlyAnAdministratorChangesTheSetting()
    {
        QVERIFY(StaffAccountRepository(*t.db)
                    .create(QStringLiteral("max"), Role::Manager,
                            QStringLiteral("tidal marble orchard 7"))
                    .ok());
        Session session(*t.db);
        QVERIFY(
            session.signIn(QStringLiteral("max"), QStringLiteral("tidal marble orchard 7")).ok());
        const Status s = MessageRetention::setDays(*t.db, 3);
        QVERIFY(!s.ok());
        QVERIFY(s.error().contains(QStringLiteral("settings")));
        QCOMPARE(MessageRetention::days(*t.db), 7);
        QVERIFY(!MessageRetention::setDays(*t.db, -1).ok());
    }
};

QTEST_GUILESS_MAIN(TestMessageRetention)
#include "tst_messageretention.moc"
