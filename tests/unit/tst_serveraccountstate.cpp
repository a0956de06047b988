// ServerAccounts without a server: the list GET /auth/staff gives, checked and applied to the
// local accounts (one transaction, audited as the server's), and a garbled list that changes
// nothing.
#include "TestClock.h"
#include "TestDatabase.h"

#include "access/ServerAccounts.h"
#include "access/StaffAccountRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace frontdesk;

namespace {

QJsonObject entry(const QString &username, const QString &role, bool disabled = false,
                  double lockedUntil = 0)
{
    return {{QStringLiteral("username"), username},
            {QStringLiteral("display_name"), username.toUpper()},
            {QStringLiteral("role"), role},
            {QStringLiteral("disabled"), disabled},
            {QStringLiteral("locked_until"), lockedUntil}};
}

} // namespace

class TestServerAccountState : public QObject
{
    Q_OBJECT

    test::TestDatabase t;
    TestClock clock{QDateTime(QDate(2026, 12, 1), QTime(8, 0), Qt::UTC)};

    StaffAccount local(const QString &username)
    {
        auto found = StaffAccountRepository(*t.db).find(username);
        return found && found->has_value() ? **found : StaffAccount();
    }
    qint64 serverUpdates()
    {
        return t.db
            ->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                    "'user-update' AND detail LIKE '%\"source\":\"server\"%'"))
            ->toLongLong();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(t.open());
        t.db->setClock(clock);
        StaffAccountRepository accounts(*t.db);
        const QString password = QStringLiteral("tidal marble orchard 7");
        QVERIFY(accounts.create(QStringLiteral("admin"), Role::Admin, password).ok());
        QVERIFY(accounts.create(QStringLiteral("rita"), Role::Receptionist, password).ok());
        QVERIFY(accounts.create(QStringLiteral("local-only"), Role::Manager, password).ok());
    }

    void aGarbledListChangesNothing()
    {
        const QList<QJsonArray> garbled{
            QJsonArray{entry(QStringLiteral("rita"), QStringLiteral("surgeon"))},
            QJsonArray{entry(QStringLiteral("rita"), QStringLiteral("nurse")),
                       entry(QStringLiteral("no spaces allowed"), QStringLiteral("nurse"))},
            QJsonArray{QJsonValue(42)}};
        for (const QJsonArray &list : garbled) {
            auto parsed = ServerAccounts::parse(list);
            QVERIFY(!parsed);
            QVERIFY2(parsed.error().contains(QStringLiteral("server")), qPrintable(parsed.error()));
        }
        QCOMPARE(local(QStringLiteral("rita")).role, Role::Receptionist);
        QCOMPARE(serverUpdates(), 0);
    }

    void theServersStateIsAppliedOnceAndAudited()
    {
        const qint64 lock = clock.nowMs() + 60'000;
        auto parsed = ServerAccounts::parse(
            {entry(QStringLiteral("admin"), QStringLiteral("admin")),
             entry(QStringLiteral("RITA"), QStringLiteral("nurse"), false, double(lock)),
             entry(QStringLiteral("olga"), QStringLiteral("manager"), true)});
        QVERIFY2(parsed, qPrintable(parsed.error()));
        auto applied = ServerAccounts(*t.db).apply(*parsed);
        QVERIFY2(applied, qPrintable(applied.error()));
        // admin: display name; rita: role, name and lock (matched whatever the case); the
        // local-only account disabled; olga, only at the server, not created.
        QCOMPARE(applied->changed, 3);
        QCOMPARE(applied->disabled, QStringList{QStringLiteral("local-only")});
        const StaffAccount rita = local(QStringLiteral("rita"));
        QCOMPARE(rita.role, Role::Nurse);
        QCOMPARE(rita.displayName, QStringLiteral("RITA"));
        QCOMPARE(rita.lockedUntil, lock);
        QVERIFY(!local(QStringLiteral("local-only")).active);
        QVERIFY(local(QStringLiteral("olga")).id.isEmpty());
        QCOMPARE(serverUpdates(), 3);

        // The same list again changes nothing; a lock-out that has passed is not brought back.
        clock.advanceSecs(120);
        applied = ServerAccounts(*t.db).apply(*parsed);
        QVERIFY2(applied, qPrintable(applied.error()));
        QCOMPARE(applied->changed, 0);
        QCOMPARE(serverUpdates(), 3);

        // Disabled at the server: disabled here, and named as such.
        parsed =
            ServerAccounts::parse({entry(QStringLiteral("admin"), QStringLiteral("admin")),
                                   entry(QStringLiteral("rita"), QStringLiteral("nurse"), true)});
        applied = ServerAccounts(*t.db).apply(*parsed);
        QCOMPARE(applied->disabled, QStringList{QStringLiteral("rita")});
        QVERIFY(!local(QStringLiteral("rita")).active);
    }
};

QTEST_GUILESS_MAIN(TestServerAccountState)
#include "tst_serveraccountstate.moc"
