#include "TestClock.h"
#include "TestDatabase.h"

#include "ClinicSettings.h"

#include <QTest>

using namespace frontdesk;

// ClinicSettings: the clinic's calendar and name as stored, the time by the injected clock, and
// a change of a setting seen on the next call.
class TestClinicSettings : public QObject
{
    Q_OBJECT

    test::TestDatabase m_t;
    // 23:30 UTC on 4 May is already 5 May in Berlin (and still 4 May in New York).
    TestClock m_clock{QDateTime(QDate(2026, 5, 4), QTime(23, 30), Qt::UTC)};

private slots:
    void initTestCase()
    {
        QVERIFY(m_t.open());
        m_t.db->setClock(m_clock);
    }

    void readsTheStoredSettingsOnEveryCall()
    {
        const ClinicSettings settings(*m_t.db);
        QCOMPARE(settings.nowUtc(), m_clock.nowUtc());
        QCOMPARE(settings.databasePath(), m_t.path());
        QCOMPARE(settings.cipherVersion(), m_t.db->cipherVersion());
        QVERIFY(!settings.cipherVersion().isEmpty());
        QVERIFY(m_t.db->setSetting(ClinicTime::settingKey(), QStringLiteral("Europe/Berlin")));
        QCOMPARE(settings.clinicTime().zone().id(), QByteArray("Europe/Berlin"));
        QCOMPARE(settings.today(), QDate(2026, 5, 5));
        QVERIFY(m_t.db->setSetting(ClinicTime::settingKey(), QStringLiteral("America/New_York")));
        QCOMPARE(settings.today(), QDate(2026, 5, 4));

        QVERIFY(settings.clinicName().isEmpty());
        QVERIFY(m_t.db->setSetting(QStringLiteral("clinic_name"), QStringLiteral("Praxis Nord")));
        QCOMPARE(settings.clinicName(), QStringLiteral("Praxis Nord"));
        QVERIFY(settings.clinicPhone().isEmpty());
        QVERIFY(m_t.db->setSetting(ClinicSettings::clinicPhoneKey(), QStringLiteral("+49 30 1")));
        QCOMPARE(settings.clinicPhone(), QStringLiteral("+49 30 1"));
        m_clock.advanceSecs(3600);
        QCOMPARE(settings.nowUtc(), QDateTime(QDate(2026, 5, 5), QTime(0, 30), Qt::UTC));
    }

    void quietHoursDefaultToTheNightAndAnUnreadableSettingFails()
    {
        const ClinicSettings settings(*m_t.db);
        QVERIFY(m_t.db->setting(ClinicSettings::quietHoursKey()).isEmpty());
        QCOMPARE(settings.quietHours().value().startMinute, 20 * 60);
        QCOMPARE(settings.quietHours().value().endMinute, 8 * 60);
        QVERIFY(m_t.db->setSetting(ClinicSettings::quietHoursKey(), QStringLiteral("21:30-07:00")));
        QCOMPARE(settings.quietHours().value().toString(), QStringLiteral("21:30-07:00"));
        QVERIFY(m_t.db->setSetting(ClinicSettings::quietHoursKey(), QStringLiteral("late")));
        QVERIFY(!settings.quietHours());
        QVERIFY(settings.quietHours().error().contains(QStringLiteral("late")));
    }
};

QTEST_GUILESS_MAIN(TestClinicSettings)
#include "tst_clinicsettings.moc"
