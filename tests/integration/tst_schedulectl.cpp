#include "CtlProcess.h"
#include "CtlSignIn.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// frontdeskctl book / slots / day / status, end to end on the real binary. The clinic is in
// Berlin; the tool runs with TZ=Asia/Tokyo to show that answers are in the clinic's zone.
class TestScheduleCtl : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    // After init: the demo administrator signs every command in, as staff do.
    QStringList m_signIn;
    QString m_practitioner;
    QString m_patient;
    QString m_otherPatient;
    QString m_booked;

    using Run = frontdesk::testing::CtlRun;
    Run ctl(const QStringList &args)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TZ"), QStringLiteral("Asia/Tokyo"));
        return frontdesk::testing::runCtl(
            QStringLiteral(FRONTDESK_CTL_PATH), m_tmp.filePath(QStringLiteral("data")),
            m_tmp.filePath(QStringLiteral("frontdesk.key")), m_signIn + args, {}, env);
    }
    QJsonArray dayJson(const QString &date)
    {
        const Run r =
            ctl({QStringLiteral("day"), QStringLiteral("--date"), date, QStringLiteral("--json")});
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(r.err));
        return QJsonDocument::fromJson(r.out.toUtf8()).array();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        const Run init = ctl({QStringLiteral("init"), QStringLiteral("--time-zone"),
                              QStringLiteral("Europe/Berlin")});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        const Run accounts = ctl({QStringLiteral("user"), QStringLiteral("demo-accounts")});
        QVERIFY2(accounts.exitCode == 0, qPrintable(accounts.err));
        const QString passwordFile = m_tmp.filePath(QStringLiteral("demo.pw"));
        QVERIFY(frontdesk::testing::writePasswordFile(passwordFile));
        m_signIn = frontdesk::testing::signedInAs(QStringLiteral("admin"), passwordFile);
        // Demo appointments fill up to about four weeks after 4 May 2026; July is empty.
        const Run seed =
            ctl({QStringLiteral("seed"), QStringLiteral("--patients"), QStringLiteral("300"),
                 QStringLiteral("--appointments"), QStringLiteral("1500"),
                 QStringLiteral("--today"), QStringLiteral("2026-05-04")});
        QVERIFY2(seed.exitCode == 0, qPrintable(seed.err));
        const QJsonArray day = dayJson(QStringLiteral("2026-05-04"));
        QVERIFY(day.size() >= 2);
        m_practitioner = day.at(0).toObject().value(QStringLiteral("practitionerId")).toString();
        m_patient = day.at(0).toObject().value(QStringLiteral("patientId")).toString();
        for (const QJsonValue &v : day) {
            const QString p = v.toObject().value(QStringLiteral("patientId")).toString();
            if (p != m_patient) {
                m_otherPatient = p;
                break;
            }
        }
        QVERIFY(!m_practitioner.isEmpty() && !m_otherPatient.isEmpty());
    }

    void slotsStartInTheClinicsMorning()
    {
        // Monday 6 July 2026: every seeded practitioner works 08:00-12:00 (CEST, +02:00).
        const Run r =
            ctl({QStringLiteral("slots"), QStringLiteral("--practitioner"), m_practitioner,
                 QStringLiteral("--from"), QStringLiteral("2026-07-06T00:00"),
                 QStringLiteral("--minutes"), QStringLiteral("30"), QStringLiteral("--count"),
                 QStringLiteral("3"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray found = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(found.size(), 3);
        QCOMPARE(found.at(0).toObject().value(QStringLiteral("start")).toString(),
                 QStringLiteral("2026-07-06T08:00:00+02:00"));
        QCOMPARE(found.at(0).toObject().value(QStringLiteral("end")).toString(),
                 QStringLiteral("2026-07-06T08:30:00+02:00"));
        QCOMPARE(found.at(0).toObject().value(QStringLiteral("practitioner")).toString(),
                 m_practitioner);
        // In winter the same wall time is +01:00.
        const Run winter =
            ctl({QStringLiteral("slots"), QStringLiteral("--practitioner"), QStringLiteral("any"),
                 QStringLiteral("--from"), QStringLiteral("2026-11-30T00:00"),
                 QStringLiteral("--minutes"), QStringLiteral("15"), QStringLiteral("--count"),
                 QStringLiteral("1"), QStringLiteral("--json")});
        QVERIFY2(winter.exitCode == 0, qPrintable(winter.err));
        QCOMPARE(QJsonDocument::fromJson(winter.out.toUtf8())
                     .array()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("start"))
                     .toString(),
                 QStringLiteral("2026-11-30T08:00:00+01:00"));
        // Preferences: Wednesdays 14:00-15:00 only.
        const Run wed = ctl(
            {QStringLiteral("slots"), QStringLiteral("--practitioner"), m_practitioner,
             QStringLiteral("--from"), QStringLiteral("2026-07-06T00:00"),
             QStringLiteral("--minutes"), QStringLiteral("30"), QStringLiteral("--count"),
             QStringLiteral("1"), QStringLiteral("--weekdays"), QStringLiteral("3"),
             QStringLiteral("--between"), QStringLiteral("14:00-15:00"), QStringLiteral("--json")});
        QVERIFY2(wed.exitCode == 0, qPrintable(wed.err));
        QCOMPARE(QJsonDocument::fromJson(wed.out.toUtf8())
                     .array()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("start"))
                     .toString(),
                 QStringLiteral("2026-07-08T14:00:00+02:00"));
    }

    void bookPrintsTheIdAndRefusesConflicts()
    {
        const Run r =
            ctl({QStringLiteral("book"), QStringLiteral("--patient"), m_patient,
                 QStringLiteral("--practitioner"), m_practitioner, QStringLiteral("--start"),
                 QStringLiteral("2026-07-06T08:00"), QStringLiteral("--minutes"),
                 QStringLiteral("30"), QStringLiteral("--type"), QStringLiteral("check-up")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        m_booked = r.out.trimmed();
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f-]{36}$")).match(m_booked).hasMatch());

        // Another patient at 08:15 with the same practitioner: refused, naming the booking.
        const Run clash = ctl({QStringLiteral("book"), QStringLiteral("--patient"), m_otherPatient,
                               QStringLiteral("--practitioner"), m_practitioner,
                               QStringLiteral("--start"), QStringLiteral("2026-07-06T06:15:00Z"),
                               QStringLiteral("--minutes"), QStringLiteral("15")});
        QCOMPARE(clash.exitCode, 3);
        QVERIFY2(clash.err.contains(m_booked), qPrintable(clash.err));
        QVERIFY(clash.out.isEmpty());
        // Right after it (touching) is fine; the type's default length is used.
        const Run after = ctl({QStringLiteral("book"), QStringLiteral("--patient"), m_otherPatient,
                               QStringLiteral("--practitioner"), m_practitioner,
                               QStringLiteral("--start"), QStringLiteral("2026-07-06T08:30"),
                               QStringLiteral("--type"), QStringLiteral("vaccination")});
        QVERIFY2(after.exitCode == 0, qPrintable(after.err));
        // The slot search now skips both.
        const Run next =
            ctl({QStringLiteral("slots"), QStringLiteral("--practitioner"), m_practitioner,
                 QStringLiteral("--from"), QStringLiteral("2026-07-06T08:00"),
                 QStringLiteral("--minutes"), QStringLiteral("15"), QStringLiteral("--count"),
                 QStringLiteral("1"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(next.out.toUtf8())
                     .array()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("start"))
                     .toString(),
                 QStringLiteral("2026-07-06T08:45:00+02:00"));
    }

    void badInputIsAUsageError()
    {
        QCOMPARE(ctl({QStringLiteral("book"), QStringLiteral("--patient"), m_patient}).exitCode, 1);
        QCOMPARE(
            ctl({QStringLiteral("book"), QStringLiteral("--patient"), m_patient,
                 QStringLiteral("--practitioner"), m_practitioner, QStringLiteral("--start"),
                 QStringLiteral("tomorrow"), QStringLiteral("--minutes"), QStringLiteral("15")})
                .exitCode,
            1);
        // 02:30 on 29 March 2026 does not exist in Berlin.
        const Run gap = ctl({QStringLiteral("book"), QStringLiteral("--patient"), m_patient,
                             QStringLiteral("--practitioner"), m_practitioner,
                             QStringLiteral("--start"), QStringLiteral("2026-03-29T02:30"),
                             QStringLiteral("--minutes"), QStringLiteral("15")});
        QCOMPARE(gap.exitCode, 1);
        QVERIFY(gap.err.contains(QStringLiteral("does not exist")));
        QCOMPARE(
            ctl({QStringLiteral("day"), QStringLiteral("--date"), QStringLiteral("2026-13-01")})
                .exitCode,
            1);
        QCOMPARE(ctl({QStringLiteral("status"), QStringLiteral("--appointment"), m_booked,
                      QStringLiteral("--to"), QStringLiteral("teleported")})
                     .exitCode,
                 1);
        // An unknown appointment is a failure, not a refusal.
        QCOMPARE(
            ctl({QStringLiteral("status"), QStringLiteral("--appointment"),
                 QStringLiteral("no-such-id"), QStringLiteral("--to"), QStringLiteral("arrived")})
                .exitCode,
            2);
    }

    void dayListsTheBookingInTheClinicsZone()
    {
        const QJsonArray day = dayJson(QStringLiteral("2026-07-06"));
        QCOMPARE(day.size(), 2);
        const QJsonObject a = day.at(0).toObject();
        QCOMPARE(a.value(QStringLiteral("id")).toString(), m_booked);
        QCOMPARE(a.value(QStringLiteral("start")).toString(),
                 QStringLiteral("2026-07-06T08:00:00+02:00"));
        QCOMPARE(a.value(QStringLiteral("end")).toString(),
                 QStringLiteral("2026-07-06T08:30:00+02:00"));
        QCOMPARE(a.value(QStringLiteral("type")).toString(), QStringLiteral("check-up"));
        QCOMPARE(a.value(QStringLiteral("status")).toString(), QStringLiteral("booked"));
        QCOMPARE(a.value(QStringLiteral("syncState")).toString(), QStringLiteral("pending"));
        QVERIFY(!a.value(QStringLiteral("patient")).toString().isEmpty());
        QVERIFY(!a.value(QStringLiteral("practitioner")).toString().isEmpty());
        QVERIFY(a.contains(QStringLiteral("room")));
        QCOMPARE(day.at(1).toObject().value(QStringLiteral("end")).toString(),
                 QStringLiteral("2026-07-06T08:45:00+02:00"));
    }

    void statusTransitionsAndRevert()
    {
        auto status = [&](const QStringList &more) {
            return ctl(
                QStringList{QStringLiteral("status"), QStringLiteral("--appointment"), m_booked} +
                more);
        };
        const Run illegal = status({QStringLiteral("--to"), QStringLiteral("completed")});
        QCOMPARE(illegal.exitCode, 3);
        QVERIFY(illegal.err.contains(QStringLiteral("cannot become")));
        const Run arrived = status({QStringLiteral("--to"), QStringLiteral("arrived")});
        QVERIFY2(arrived.exitCode == 0, qPrintable(arrived.err));
        QCOMPARE(arrived.out.trimmed(), QStringLiteral("arrived"));
        const Run reverted = status({QStringLiteral("--revert"), QStringLiteral("--reason"),
                                     QStringLiteral("wrong patient")});
        QVERIFY2(reverted.exitCode == 0, qPrintable(reverted.err));
        QCOMPARE(reverted.out.trimmed(), QStringLiteral("booked"));
        QCOMPARE(status({QStringLiteral("--revert")}).exitCode, 3); // nothing left to revert
        const Run noReason = status({QStringLiteral("--to"), QStringLiteral("cancelled")});
        QCOMPARE(noReason.exitCode, 3);
        const Run cancelled =
            status({QStringLiteral("--to"), QStringLiteral("cancelled"), QStringLiteral("--reason"),
                    QStringLiteral("Flu"), QStringLiteral("--by"), QStringLiteral("patient")});
        QVERIFY2(cancelled.exitCode == 0, qPrintable(cancelled.err));
        QCOMPARE(status({QStringLiteral("--to"), QStringLiteral("arrived")}).exitCode, 3);
        // The cancelled time is free again.
        const Run rebook = ctl({QStringLiteral("book"), QStringLiteral("--patient"), m_otherPatient,
                                QStringLiteral("--practitioner"), m_practitioner,
                                QStringLiteral("--start"), QStringLiteral("2026-07-06T08:00"),
                                QStringLiteral("--minutes"), QStringLiteral("30")});
        QVERIFY2(rebook.exitCode == 0, qPrintable(rebook.err));
        QCOMPARE(dayJson(QStringLiteral("2026-07-06"))
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("cancelled"));
    }
};

QTEST_GUILESS_MAIN(TestScheduleCtl)
#include "tst_schedulectl.moc"
