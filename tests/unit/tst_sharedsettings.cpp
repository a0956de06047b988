// The clinic's shared settings as one synced record: a change queues Organization/clinic for
// the server (once per change, nothing for an unchanged value), each value is held to its
// owner's rule, the server's version replaces them all without queuing anything, and a
// person's change needs the settings permission and is audited.
#include "TestClock.h"
#include "TestDatabase.h"

#include "access/Session.h"
#include "access/StaffAccountRepository.h"
#include "storage/AutoLockSetting.h"
#include "storage/MessageRetention.h"
#include "storage/SharedSettings.h"

#include <QTest>

using namespace frontdesk;

class TestSharedSettings : public QObject
{
    Q_OBJECT

    test::TestDatabase t;
    TestClock clock{QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC)};

    qint64 scalar(const QString &sql, const QVariantList &values = {})
    {
        auto v = t.db->scalar(sql, values);
        return v ? v->toLongLong() : -1;
    }
    qint64 queued()
    {
        return scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE resource_type = "
                                     "'Organization' AND resource_id = 'clinic'"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(t.open());
        t.db->setClock(clock);
    }

    void aChangeQueuesTheClinicsRecord()
    {
        SharedSettings shared(*t.db);
        QVERIFY(!shared.meta()->has_value());
        QVERIFY(shared.set(QStringLiteral("clinic_quiet_hours"), QStringLiteral("21:00-07:00")));
        QCOMPARE(t.db->setting(QStringLiteral("clinic_quiet_hours")),
                 QStringLiteral("21:00-07:00"));
        QCOMPARE(queued(), 1);
        QCOMPARE((*shared.meta())->version, 1);
        QCOMPARE((*shared.meta())->syncState, SyncState::pending());
        // The same value again changes nothing.
        QVERIFY(shared.set(QStringLiteral("clinic_quiet_hours"), QStringLiteral(" 21:00-07:00 ")));
        QCOMPARE(queued(), 1);
        // The owners' own setters go through it as well.
        QVERIFY(AutoLockSetting::setMinutes(*t.db, 12));
        QVERIFY(MessageRetention::setDays(*t.db, 90));
        QCOMPARE(queued(), 3);
        QCOMPARE((*shared.meta())->version, 3);
        const auto values = shared.values();
        QVERIFY(values);
        QCOMPARE(values->value(QStringLiteral("auto_lock_minutes")), QStringLiteral("12"));
        QCOMPARE(values->value(QStringLiteral("message_retention_days")), QStringLiteral("90"));
        // A workstation's own setting is not the clinic's.
        QVERIFY(!shared.set(QStringLiteral("sync_server_url"), QStringLiteral("https://x")));
    }

    void eachValueIsHeldToItsRule_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("ok");
        QTest::newRow("zone") << "clinic_time_zone"
                              << "Europe/Berlin" << true;
        QTest::newRow("no zone") << "clinic_time_zone"
                                 << "Mars/Olympus" << false;
        QTest::newRow("quiet") << "clinic_quiet_hours"
                               << "20:00-08:00" << true;
        QTest::newRow("not quiet") << "clinic_quiet_hours"
                                   << "evenings" << false;
        QTest::newRow("lock") << "auto_lock_minutes"
                              << "240" << true;
        QTest::newRow("lock too long") << "auto_lock_minutes"
                                       << "241" << false;
        QTest::newRow("late") << "late_cancellation_hours"
                              << "24" << true;
        QTest::newRow("late words") << "late_cancellation_hours"
                                    << "a day" << false;
        QTest::newRow("country") << "phone_country_code"
                                 << "49" << true;
        QTest::newRow("country plus") << "phone_country_code"
                                      << "+49" << false;
        QTest::newRow("phone") << "clinic_phone"
                               << "+49 30 123456-0" << true;
        QTest::newRow("phone words") << "clinic_phone"
                                     << "call us" << false;
        QTest::newRow("cleared") << "clinic_phone"
                                 << "" << true;
        QTest::newRow("unknown") << "window_geometry"
                                 << "1" << false;
    }
    void eachValueIsHeldToItsRule()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(bool, ok);
        const Status s = SharedSettings::validate(key, value);
        QVERIFY2(s.ok() == ok, qPrintable(s.ok() ? QStringLiteral("accepted") : s.error()));
    }

    void theServersVersionReplacesThemAllWithoutQueuing()
    {
        QVERIFY(t.db->query(QStringLiteral("DELETE FROM outbox")));
        SharedSettings shared(*t.db);
        QVERIFY(shared.applyServer({{QStringLiteral("clinic_name"), QStringLiteral("Praxis Nord")},
                                    {QStringLiteral("auto_lock_minutes"), QStringLiteral("8")}},
                                   41));
        QCOMPARE(t.db->setting(QStringLiteral("clinic_name")), QStringLiteral("Praxis Nord"));
        QCOMPARE(AutoLockSetting::minutes(*t.db), 8);
        // Not in the server's version: not set here any more (the default applies).
        QCOMPARE(t.db->setting(QStringLiteral("clinic_quiet_hours")), QString());
        QCOMPARE(queued(), 0);
        QCOMPARE((*shared.meta())->serverVersion, QStringLiteral("41"));
        QCOMPARE((*shared.meta())->syncState, SyncState::synced());
        // A value its owner refuses writes nothing.
        QVERIFY(
            !shared.applyServer({{QStringLiteral("clinic_time_zone"), QStringLiteral("Nowhere")},
                                 {QStringLiteral("clinic_name"), QStringLiteral("Other")}},
                                42));
        QCOMPARE(t.db->setting(QStringLiteral("clinic_name")), QStringLiteral("Praxis Nord"));
        QCOMPARE((*shared.meta())->serverVersion, QStringLiteral("41"));
    }

    void aPersonsChangeNeedsThePermissionAndIsAudited()
    {
        QVERIFY(StaffAccountRepository(*t.db)
                    .create(QStringLiteral("ada"), Role::Admin,
                            QStringLiteral("tidal marble orchard 7"))
                    .ok());
        QVERIFY(StaffAccountRepository(*t.db)
                    .create(QStringLiteral("max"), Role::Manager,
                            QStringLiteral("tidal marble orchard 7"))
                    .ok());
        {
            Session session(*t.db);
            QVERIFY(
                session.signIn(QStringLiteral("max"), QStringLiteral("tidal marble orchard 7")));
            QVERIFY(!SharedSettings(*t.db).change(QStringLiteral("clinic_name"),
                                                  QStringLiteral("Max's clinic")));
            QCOMPARE(t.db->setting(QStringLiteral("clinic_name")), QStringLiteral("Praxis Nord"));
        }
        Session session(*t.db);
        QVERIFY(session.signIn(QStringLiteral("ada"), QStringLiteral("tidal marble orchard 7")));
        QVERIFY(SharedSettings(*t.db).change(QStringLiteral("clinic_name"),
                                             QStringLiteral("Praxis am Markt")));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                       "'settings-change' AND entity_id = 'clinic_name' AND "
                                       "actor = 'ada'")),
                 1);
        QCOMPARE(queued(), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE actor = 'ada'")), 1);
    }
};

QTEST_GUILESS_MAIN(TestSharedSettings)
#include "tst_sharedsettings.moc"
