#include "CtlProcess.h"
#include "CtlSignIn.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// frontdeskctl kpi and recall, end to end on the real binary and a seeded demo clinic whose
// "today" is the real today, so the figures' "as of" and the recall list agree.
class TestKpiCtl : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    // After init: the demo administrator signs every command in, as staff do.
    QStringList m_signIn;
    QString m_from;
    QString m_to;

    using Run = frontdesk::testing::CtlRun;
    Run ctl(const QStringList &args)
    {
        return frontdesk::testing::runCtl(
            QStringLiteral(FRONTDESK_CTL_PATH), m_tmp.filePath(QStringLiteral("data")),
            m_tmp.filePath(QStringLiteral("frontdesk.key")), m_signIn + args);
    }
    QJsonObject kpiJson(const QStringList &extra = {})
    {
        const Run r = ctl(QStringList{QStringLiteral("kpi"), QStringLiteral("--from"), m_from,
                                      QStringLiteral("--to"), m_to, QStringLiteral("--json")} +
                          extra);
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(r.err));
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }
    QJsonArray overdue()
    {
        const Run r = ctl({QStringLiteral("recall"), QStringLiteral("list"),
                           QStringLiteral("--overdue"), QStringLiteral("--json")});
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
        // Seeded as of the last weekday, as scripts/bench does: on a weekend the seeded clinic
        // is closed, and the care gaps overdueRecallsMatchTheRecallList needs (patients not
        // back since a recall fell due) do not come out.
        QDate seededToday = QDate::currentDate();
        while (seededToday.dayOfWeek() > 5)
            seededToday = seededToday.addDays(-1);
        const Run seed =
            ctl({QStringLiteral("seed"), QStringLiteral("--patients"), QStringLiteral("400"),
                 QStringLiteral("--appointments"), QStringLiteral("4000"),
                 QStringLiteral("--today"), seededToday.toString(Qt::ISODate)});
        QVERIFY2(seed.exitCode == 0, qPrintable(seed.err));
        // The clinic's today; a day either side of midnight in Berlin does not matter here.
        const QDate today = QDate::currentDate();
        m_to = today.toString(Qt::ISODate);
        m_from = today.addDays(-29).toString(Qt::ISODate);
    }

    void tablePrintsEveryFigure()
    {
        const Run r = ctl({QStringLiteral("kpi"), QStringLiteral("--from"), m_from,
                           QStringLiteral("--to"), m_to});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const char *name :
             {"Figure", "This period", "Previous period", "No-show rate", "Utilisation",
              "Reminders confirmed", "Overdue recalls", "Patients at risk of disengaging",
              "Survey answers", "Average survey score", "Survey answers: 5",
              "Survey response rate"})
            QVERIFY2(r.out.contains(QLatin1String(name)), name);
    }

    void jsonHasEveryFigureAndAddsUp()
    {
        const QJsonObject root = kpiJson();
        QCOMPARE(root.value(QStringLiteral("from")).toString(), m_from);
        const QJsonObject figures = root.value(QStringLiteral("figures")).toObject();
        QCOMPARE(figures.size(), 22);
        for (const char *key : {"survey-answers", "survey-average-score", "survey-score-1",
                                "survey-score-5", "survey-response-rate"})
            QVERIFY2(figures.contains(QLatin1String(key)), key);
        for (const QString &key : figures.keys()) {
            const QJsonObject f = figures.value(key).toObject();
            QVERIFY2(f.contains(QStringLiteral("value")) &&
                         f.contains(QStringLiteral("numerator")) &&
                         f.contains(QStringLiteral("denominator")) &&
                         f.value(QStringLiteral("previous")).isObject(),
                     qPrintable(key));
        }
        auto n = [&](const char *key, const char *field = "numerator") {
            return figures.value(QLatin1String(key)).toObject().value(QLatin1String(field)).toInt();
        };
        // The demo clinic has a month of visits, a no-show rate of a few percent, reminders and
        // answers to them.
        QVERIFY(n("appointments") > 500);
        QVERIFY(n("no-show-rate") > 0);
        QVERIFY(n("no-show-rate", "denominator") <= n("appointments"));
        const double rate = figures.value(QStringLiteral("no-show-rate"))
                                .toObject()
                                .value(QStringLiteral("value"))
                                .toDouble();
        QCOMPARE(rate, double(n("no-show-rate")) / n("no-show-rate", "denominator"));
        QCOMPARE(n("reminders-delivered", "denominator"), n("reminders-sent"));
        QVERIFY(n("reminders-sent") > 0);
        QVERIFY(n("reminders-confirmed") > 0);
        QVERIFY(n("reminders-confirmed") <= n("reminders-sent"));
        QVERIFY(n("response-rate") > 0);
        QVERIFY(n("late-cancellation-rate") > 0);
        QVERIFY(n("utilisation", "denominator") > 0);
        QVERIFY(n("new-patients") + n("returning-patients") > 0);
        const QJsonObject previous = figures.value(QStringLiteral("appointments"))
                                         .toObject()
                                         .value(QStringLiteral("previous"))
                                         .toObject();
        QVERIFY(previous.value(QStringLiteral("numerator")).toInt() > 0);
    }

    void practitionerFilterNarrows()
    {
        const QJsonObject day = kpiJson();
        const Run list =
            ctl({QStringLiteral("recall"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(list.exitCode == 0, qPrintable(list.err));
        QString practitioner;
        for (const QJsonValue &v : QJsonDocument::fromJson(list.out.toUtf8()).array()) {
            practitioner = v.toObject().value(QStringLiteral("practitioner_id")).toString();
            if (!practitioner.isEmpty())
                break;
        }
        QVERIFY(!practitioner.isEmpty());
        const QJsonObject one = kpiJson({QStringLiteral("--practitioner"), practitioner});
        const int all = day.value(QStringLiteral("figures"))
                            .toObject()
                            .value(QStringLiteral("appointments"))
                            .toObject()
                            .value(QStringLiteral("numerator"))
                            .toInt();
        const int mine = one.value(QStringLiteral("figures"))
                             .toObject()
                             .value(QStringLiteral("appointments"))
                             .toObject()
                             .value(QStringLiteral("numerator"))
                             .toInt();
        QVERIFY(mine > 0);
        QVERIFY(mine < all);
    }

    void overdueRecallsMatchTheRecallList()
    {
        const QJsonArray before = overdue();
        QVERIFY(!before.isEmpty());
        auto figure = [&]() {
            return kpiJson()
                .value(QStringLiteral("figures"))
                .toObject()
                .value(QStringLiteral("overdue-recalls"))
                .toObject()
                .value(QStringLiteral("numerator"))
                .toInt();
        };
        QCOMPARE(figure(), before.size());
        // A second recall, due the same day, for a patient in a care gap is one more gap.
        const QJsonObject gap = before.first().toObject();
        const Run add =
            ctl({QStringLiteral("recall"), QStringLiteral("add"), QStringLiteral("--patient"),
                 gap.value(QStringLiteral("patient_id")).toString(), QStringLiteral("--due"),
                 gap.value(QStringLiteral("due_on")).toString(), QStringLiteral("--reason"),
                 QStringLiteral("Eye test")});
        QVERIFY2(add.exitCode == 0, qPrintable(add.err));
        const QString id = add.out.trimmed();
        QCOMPARE(overdue().size(), before.size() + 1);
        QCOMPARE(figure(), before.size() + 1);
        const Run done =
            ctl({QStringLiteral("recall"), QStringLiteral("done"), QStringLiteral("--recall"), id});
        QVERIFY2(done.exitCode == 0, qPrintable(done.err));
        QCOMPARE(figure(), before.size());
        // Done is final: a second time is refused by the rule.
        QCOMPARE(
            ctl({QStringLiteral("recall"), QStringLiteral("done"), QStringLiteral("--recall"), id})
                .exitCode,
            3);
    }

    void badInputIsRefusedWithAMessage()
    {
        const QString kpi = QStringLiteral("kpi");
        Run r = ctl({kpi, QStringLiteral("--from"), QStringLiteral("2026-13-01"),
                     QStringLiteral("--to"), m_to});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("2026-13-01")));
        r = ctl({kpi, QStringLiteral("--from"), QStringLiteral("3.4.2026"), QStringLiteral("--to"),
                 m_to});
        QCOMPARE(r.exitCode, 1);
        r = ctl({kpi, QStringLiteral("--from"), m_to, QStringLiteral("--to"), m_from});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("after")));
        r = ctl({kpi, QStringLiteral("--from"), m_from});
        QCOMPARE(r.exitCode, 1);
        r = ctl({kpi, QStringLiteral("--from"), m_from, QStringLiteral("--to"), m_to,
                 QStringLiteral("--practitioner"), QStringLiteral("no-such-practitioner")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("no-such-practitioner")));
        r = ctl({QStringLiteral("recall"), QStringLiteral("add"), QStringLiteral("--patient"),
                 QStringLiteral("no-such-patient"), QStringLiteral("--due"),
                 QStringLiteral("2026-01-01"), QStringLiteral("--reason"), QStringLiteral("x")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("no-such-patient")));
        r = ctl({QStringLiteral("recall"), QStringLiteral("add"), QStringLiteral("--patient"),
                 QStringLiteral("p"), QStringLiteral("--due"), QStringLiteral("soon"),
                 QStringLiteral("--reason"), QStringLiteral("x")});
        QCOMPARE(r.exitCode, 1);
        r = ctl({QStringLiteral("recall")});
        QCOMPARE(r.exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestKpiCtl)
#include "tst_kpictl.moc"
