#include "CtlProcess.h"
#include "CtlSignIn.h"
#include "MessagingClinic.h"

// frontdeskctl recall due and recall outreach end to end: who is due and how each would be
// contacted, the filled text in a dry run (which queues nothing), the batch queued for
// frontdesk-server with the contact recorded on the recall, and nobody contacted twice.

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class TestRecallCtl : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QStringList m_signIn;
    QString m_anna;
    const QString m_template = QStringLiteral("Recall: check-up due");

    using Run = frontdesk::testing::CtlRun;
    Run ctl(const QStringList &args)
    {
        return frontdesk::testing::runCtl(
            QStringLiteral(FRONTDESK_CTL_PATH), m_tmp.filePath(QStringLiteral("data")),
            m_tmp.filePath(QStringLiteral("frontdesk.key")), m_signIn + args);
    }
    QJsonValue json(const QStringList &args)
    {
        const Run r = ctl(args + QStringList{QStringLiteral("--json")});
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(r.err));
        const QJsonDocument d = QJsonDocument::fromJson(r.out.toUtf8());
        return d.isArray() ? QJsonValue(d.array()) : QJsonValue(d.object());
    }
    QJsonObject annaIn(const QJsonArray &list)
    {
        for (const QJsonValue &v : list) {
            if (v.toObject().value(QStringLiteral("patient")).toString() == m_anna)
                return v.toObject();
        }
        return {};
    }
    qsizetype annasMessages()
    {
        return json({QStringLiteral("message"), QStringLiteral("list"), QStringLiteral("--patient"),
                     m_anna})
            .toArray()
            .size();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QString problem;
        m_anna = frontdesk::testing::setUpMessagingClinic(
            [this](const QStringList &args) { return ctl(args); }, m_signIn,
            m_tmp.filePath(QStringLiteral("demo.pw")), &problem);
        QVERIFY2(!m_anna.isEmpty(), qPrintable(problem));
        // Well before today wherever the clinic is.
        const Run added = ctl({QStringLiteral("recall"), QStringLiteral("add"),
                               QStringLiteral("--patient"), m_anna, QStringLiteral("--due"),
                               QDate::currentDate().addDays(-10).toString(Qt::ISODate),
                               QStringLiteral("--reason"), QStringLiteral("Jahreskontrolle")});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    }

    void refusesWhatItCannotDo()
    {
        const Run noTemplate = ctl({QStringLiteral("recall"), QStringLiteral("outreach")});
        QCOMPARE(noTemplate.exitCode, 1);
        QVERIFY2(noTemplate.err.contains(QStringLiteral("--template")), qPrintable(noTemplate.err));
        const Run months = ctl({QStringLiteral("recall"), QStringLiteral("due"),
                                QStringLiteral("--months"), QStringLiteral("six")});
        QCOMPARE(months.exitCode, 1);
        QVERIFY2(months.err.contains(QStringLiteral("six")), qPrintable(months.err));
        const Run unknown = ctl({QStringLiteral("recall"), QStringLiteral("outreach"),
                                 QStringLiteral("--template"), QStringLiteral("No such text")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(QStringLiteral("No such text")), qPrintable(unknown.err));
        const Run reminder =
            ctl({QStringLiteral("recall"), QStringLiteral("outreach"), QStringLiteral("--template"),
                 QStringLiteral("Appointment reminder (SMS)")});
        QCOMPARE(reminder.exitCode, 2);
        QVERIFY2(reminder.err.contains(QStringLiteral("not for recalls")),
                 qPrintable(reminder.err));
    }

    void dueShowsWhoAndHow()
    {
        const QJsonObject anna = annaIn(json({QStringLiteral("recall"), QStringLiteral("due"),
                                              QStringLiteral("--months"), QStringLiteral("12")})
                                            .toArray());
        QCOMPARE(anna.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("Jahreskontrolle"));
        QCOMPARE(anna.value(QStringLiteral("action")).toString(), QStringLiteral("send"));
        QCOMPARE(anna.value(QStringLiteral("channel")).toString(), QStringLiteral("sms"));
        const Run readable = ctl({QStringLiteral("recall"), QStringLiteral("due")});
        QCOMPARE(readable.exitCode, 0);
        QVERIFY2(readable.out.contains(QStringLiteral("Müller")) &&
                     readable.out.contains(QStringLiteral("Jahreskontrolle")),
                 qPrintable(readable.out));
    }

    void dryRunShowsTheTextAndQueuesNothing()
    {
        const qsizetype before = annasMessages();
        const QJsonObject anna =
            annaIn(json({QStringLiteral("recall"), QStringLiteral("outreach"),
                         QStringLiteral("--template"), m_template, QStringLiteral("--dry-run")})
                       .toArray());
        QVERIFY2(anna.value(QStringLiteral("text"))
                     .toString()
                     .startsWith(QStringLiteral("Dear "
                                                "Anna")),
                 qPrintable(anna.value(QStringLiteral("text")).toString()));
        QCOMPARE(annasMessages(), before);
    }

    void outreachQueuesOnceAndRecordsTheContact()
    {
        const qsizetype before = annasMessages();
        const QJsonObject sent = json({QStringLiteral("recall"), QStringLiteral("outreach"),
                                       QStringLiteral("--template"), m_template})
                                     .toObject();
        const QJsonObject anna = annaIn(sent.value(QStringLiteral("results")).toArray());
        QCOMPARE(anna.value(QStringLiteral("outcome")).toString(), QStringLiteral("queued"));
        QVERIFY(sent.value(QStringLiteral("queued")).toInt() >= 1);
        QCOMPARE(annasMessages(), before + 1);
        const QJsonObject message = json({QStringLiteral("message"), QStringLiteral("list"),
                                          QStringLiteral("--patient"), m_anna})
                                        .toArray()
                                        .last()
                                        .toObject();
        QCOMPARE(message.value(QStringLiteral("id")).toString(),
                 anna.value(QStringLiteral("record")).toString());
        QCOMPARE(message.value(QStringLiteral("purpose")).toString(), QStringLiteral("recall"));
        QCOMPARE(message.value(QStringLiteral("template")).toString(), m_template);

        const QJsonArray recalls = json({QStringLiteral("recall"), QStringLiteral("list"),
                                         QStringLiteral("--patient"), m_anna})
                                       .toArray();
        QCOMPARE(recalls.size(), 1);
        const QJsonObject recall = recalls.first().toObject();
        QCOMPARE(recall.value(QStringLiteral("contact_channel")).toString(), QStringLiteral("sms"));
        QCOMPARE(recall.value(QStringLiteral("contact_ref")).toString(),
                 anna.value(QStringLiteral("record")).toString());
        QVERIFY(!recall.value(QStringLiteral("contacted_at")).toString().isEmpty());

        // Again: Anna is no longer due, and nothing more is queued.
        const Run again = ctl({QStringLiteral("recall"), QStringLiteral("outreach"),
                               QStringLiteral("--template"), m_template});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY2(!again.out.contains(QStringLiteral("Müller")), qPrintable(again.out));
        QVERIFY2(again.out.contains(QStringLiteral("0 message")), qPrintable(again.out));
        QCOMPARE(annasMessages(), before + 1);
    }
};

QTEST_GUILESS_MAIN(TestRecallCtl)
#include "tst_recallctl.moc"
