#include "DemoClinic.h"
#include "TestClock.h"
#include "TestDatabase.h"
#include "core/LocaleFormat.h"

#include "AppointmentDayModel.h"
#include "MessageThreadListModel.h"
#include "MessageThreadModel.h"
#include "PatientListModel.h"
#include "demo/DemoSeeder.h"
#include "domain/AppointmentLabels.h"
#include "storage/MessageRepository.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace frontdesk;

namespace {
const QDate kToday(2026, 3, 3); // a Tuesday
const QByteArray kZone("Europe/Berlin");
} // namespace

class TestItemModels : public QObject
{
    Q_OBJECT

    test::TestDatabase t;
    TestClock clock{QDateTime(kToday, QTime(10, 30), QTimeZone(kZone))};

    qint64 count(const QString &sql, const QVariantList &values = {})
    {
        auto v = t.db->scalar(sql, values);
        if (!v) {
            qWarning("%s", qPrintable(v.error()));
            return -1;
        }
        return v->toLongLong();
    }
    static qint64 ms(QDate day, const QByteArray &zone = kZone)
    {
        return QDateTime(day, QTime(0, 0), QTimeZone(zone)).toMSecsSinceEpoch();
    }
    // Appointments overlapping the local day, counted without the code under test.
    qint64 appointmentsOn(QDate day, const QByteArray &zone = kZone)
    {
        return count(QStringLiteral("SELECT count(*) FROM appointments WHERE deleted = 0 AND "
                                    "start_at < ? AND end_at > ?"),
                     {ms(day.addDays(1), zone), ms(day, zone)});
    }

private slots:
    void initTestCase()
    {
        QVERIFY(t.open());
        t.db->setClock(clock);
        auto seeded = test::seedDemoClinic(*t.db, kToday, QString::fromLatin1(kZone), 300, 2000);
        QVERIFY2(seeded, qPrintable(seeded.error()));
        QCOMPARE(seeded->appointments, 2000);
        QVERIFY(seeded->messages > 0);
    }

    void appointmentDay()
    {
        AppointmentDayModel model(*t.db);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.date(), kToday);
        QCOMPARE(model.today(), kToday);
        QCOMPARE(model.rowCount(), 0); // loads on refresh, after its owner connected errorOccurred
        model.refresh();
        QVERIFY(model.lastError().isEmpty());

        const qint64 expected = appointmentsOn(kToday);
        QVERIFY(expected > 10);
        QCOMPARE(model.rowCount(), expected);
        QCOMPARE(model.columnCount(), int(AppointmentDayModel::ColumnCount));

        QDateTime previous;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QDateTime start =
                model.index(row, 0).data(AppointmentDayModel::StartRole).toDateTime();
            QVERIFY(!previous.isValid() || previous <= start);
            previous = start;
            QVERIFY(!model.index(row, 0).data(DatabaseTableModel::IdRole).toString().isEmpty());
            QVERIFY(
                !model.index(row, AppointmentDayModel::PatientColumn).data().toString().isEmpty());
            QVERIFY(!model.index(row, AppointmentDayModel::PractitionerColumn)
                         .data()
                         .toString()
                         .isEmpty());
            const auto status = AppointmentStatus(
                model.index(row, 0).data(AppointmentDayModel::StatusRole).toInt());
            // The status, and whether a reply of the patient waits (PatientReplies).
            const QString statusText =
                model.index(row, AppointmentDayModel::StatusColumn).data().toString();
            const QString reply =
                model.index(row, 0).data(AppointmentDayModel::PendingReplyRole).toString();
            QCOMPARE(statusText, reply.isEmpty()
                                     ? AppointmentLabels::status(status)
                                     : AppointmentDayModel::tr("%1 · patient replied",
                                                               "appointment status · a reply waits")
                                           .arg(AppointmentLabels::status(status)));
            QCOMPARE(model.index(row, 0).data(DatabaseTableModel::StatusKeyRole).toString(),
                     appointmentStatusName(status));
        }
        // Times show in the clinic's zone: the first starts at 08:00 Berlin time, 07:00 UTC.
        const QDateTime firstStart =
            model.index(0, 0).data(AppointmentDayModel::StartRole).toDateTime();
        QCOMPARE(firstStart.toTimeZone(QTimeZone(kZone)).time(), QTime(8, 0));
        QVERIFY(model.index(0, AppointmentDayModel::TimeColumn)
                    .data()
                    .toString()
                    .startsWith(LocaleFormat::time(QTime(8, 0))));

        QSignalSpy dateChanged(&model, &AppointmentDayModel::dateChanged);
        model.setDate(kToday.addDays(-1));
        QCOMPARE(dateChanged.size(), 1);
        QCOMPARE(model.rowCount(), appointmentsOn(kToday.addDays(-1)));
        QVERIFY(model.rowCount() > 0);
        model.setDate(QDate(2026, 3, 1)); // a Sunday: the demo clinic is closed
        QCOMPARE(model.rowCount(), 0);
        model.setDate(kToday.addDays(-7));
        QCOMPARE(model.rowCount(), appointmentsOn(kToday.addDays(-7)));
        model.refresh();
        QCOMPARE(model.rowCount(), appointmentsOn(kToday.addDays(-7)));
        model.setDate(QDate());
        QCOMPARE(model.date(), kToday.addDays(-7));
    }

    void appointmentDayFollowsTheClinicZone()
    {
        // Tokyo is eight hours ahead of Berlin in March: its day runs from 16:00 to 16:00
        // Berlin time, so it holds the end of Berlin's previous afternoon.
        const QByteArray tokyo("Asia/Tokyo");
        QVERIFY(t.db->setSetting(QStringLiteral("clinic_time_zone"), QString::fromLatin1(tokyo)));
        AppointmentDayModel model(*t.db);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.date(), kToday); // 18:30 in Tokyo
        model.refresh();
        const qint64 expected = appointmentsOn(kToday, tokyo);
        QVERIFY(t.db->setSetting(QStringLiteral("clinic_time_zone"), QString::fromLatin1(kZone)));
        QCOMPARE(model.rowCount(), expected);
        // The first appointment of Tokyo's day is one of Berlin's previous afternoon.
        const QDateTime tokyoMidnight(kToday, QTime(0, 0), QTimeZone(tokyo));
        const QDateTime berlinMidnight(kToday, QTime(0, 0), QTimeZone(kZone));
        const QDateTime firstEnd =
            model.index(0, 0).data(AppointmentDayModel::EndRole).toDateTime();
        QVERIFY(firstEnd > tokyoMidnight);
        QVERIFY(firstEnd <= berlinMidnight);
    }

    void patientList()
    {
        PatientListModel model(*t.db);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh();
        QVERIFY(model.lastError().isEmpty());
        QCOMPARE(model.matchCount(), 300);
        QCOMPARE(model.rowCount(), PatientListModel::PageSize);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 300);
        QVERIFY(!model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 300);

        // Same order as a plain query, with nobody missing or twice across the page boundary.
        auto q = t.db->query(
            QStringLiteral("SELECT id FROM patients WHERE deleted = 0 ORDER BY "
                           "family_name COLLATE NOCASE, given_name COLLATE NOCASE, id"));
        QVERIFY(q);
        for (int row = 0; q->next(); ++row)
            QCOMPARE(model.index(row, 0).data(DatabaseTableModel::IdRole).toString(),
                     q->value(0).toString());

        const Patient &first = model.patientAt(0);
        QCOMPARE(model.index(0, PatientListModel::NameColumn).data().toString(),
                 first.displayName());
        // One name order everywhere: "Family, Given".
        QCOMPARE(model.index(0, PatientListModel::NameColumn).data().toString(),
                 first.familyName + QStringLiteral(", ") + first.givenName);
        QCOMPARE(model.index(0, PatientListModel::MrnColumn).data().toString(), first.mrn);
        QVERIFY(model.index(0, PatientListModel::BirthDateColumn)
                    .data()
                    .toString()
                    .contains(QString::number(first.birthDate.year())));
    }

    void patientListFilter()
    {
        PatientListModel model(*t.db);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh();

        // MRNs run from MRN0100000 to MRN0100299.
        model.filter(QStringLiteral("MRN01002"));
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.matchCount(), 100);
        QVERIFY(!model.canFetchMore({}));

        // Case-insensitive prefix of the family name; counted here by hand.
        qint64 expected = 0;
        auto q = t.db->query(
            QStringLiteral("SELECT family_name, given_name FROM patients WHERE deleted = 0"));
        QVERIFY(q);
        while (q->next()) {
            if (q->value(0).toString().startsWith(QLatin1String("sch"), Qt::CaseInsensitive) ||
                q->value(1).toString().startsWith(QLatin1String("sch"), Qt::CaseInsensitive))
                ++expected;
        }
        QVERIFY(expected > 0);
        model.filter(QStringLiteral("  sch "));
        QCOMPARE(model.filterText(), QStringLiteral("sch"));
        QCOMPARE(model.matchCount(), expected);
        QCOMPARE(model.rowCount(), qMin<qint64>(expected, PatientListModel::PageSize));
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(model.patientAt(row).familyName.startsWith(QLatin1String("Sch")));

        model.filter(QStringLiteral("Müller, "));
        QVERIFY(model.rowCount() > 0);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.patientAt(row).familyName, QStringLiteral("Müller"));

        // The user's text is a value, never SQL and never a wildcard.
        for (const QString &text :
             {QStringLiteral("%"), QStringLiteral("_"), QStringLiteral("' OR 1=1 --")}) {
            model.filter(text);
            QCOMPARE(model.rowCount(), 0);
            QCOMPARE(model.matchCount(), 0);
            QVERIFY(model.lastError().isEmpty());
        }

        model.filter(QString());
        QCOMPARE(model.rowCount(), PatientListModel::PageSize);
        QCOMPARE(model.matchCount(), 300);
    }

    void messages()
    {
        MessageThreadListModel model(*t.db);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh();
        QVERIFY(model.lastError().isEmpty());
        const qint64 conversations = count(QStringLiteral(
            "SELECT count(DISTINCT coalesce(patient_id, '')) FROM messages WHERE deleted = 0"));
        QVERIFY(conversations > 0);
        QCOMPARE(model.rowCount(), conversations);

        QDateTime previous;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QDateTime time =
                model.index(row, 0).data(MessageThreadListModel::TimeRole).toDateTime();
            QVERIFY(!previous.isValid() || time <= previous);
            previous = time;
            QVERIFY(!model.index(row, MessageThreadListModel::ConversationColumn)
                         .data()
                         .toString()
                         .isEmpty());
            QVERIFY(!model.index(row, MessageThreadListModel::LatestColumn)
                         .data()
                         .toString()
                         .isEmpty());
        }
    }

    // What the server's dispatch writes back shows in the thread: why a message failed, and a
    // reply from a number no patient has, in the inbox under its sender instead of left out.
    void messagesShowWhatTheServerKnows()
    {
        const QString patientId =
            t.db->scalar(QStringLiteral("SELECT id FROM patients LIMIT 1"))->toString();
        Message failed;
        failed.patientId = patientId;
        failed.body = QStringLiteral("Reminder: tomorrow 09:00");
        failed.status = QStringLiteral("failed");
        failed.failureReason = QStringLiteral("550 No such user here");
        QVERIFY(MessageRepository(*t.db).save(failed).ok());
        Message reply;
        reply.direction = QStringLiteral("inbound");
        reply.status = QStringLiteral("received");
        reply.fromAddress = QStringLiteral("+49 170 5550100");
        reply.body = QStringLiteral("R");
        QVERIFY(MessageRepository(*t.db).save(reply).ok());
        Message nobody; // outbound without a patient is still refused
        QVERIFY(!MessageRepository(*t.db).save(nobody).ok());

        MessageThreadListModel list(*t.db);
        list.refresh();
        QVERIFY(list.lastError().isEmpty());
        const int inbox = list.rowOf({});
        QVERIFY(inbox >= 0);
        QVERIFY(list.index(inbox, MessageThreadListModel::ConversationColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("+49 170 5550100")));
        MessageThreadModel thread(*t.db);
        QVERIFY(thread.open(patientId).ok());
        int f = -1;
        for (int row = 0; row < thread.rowCount(); ++row)
            if (thread.index(row, 0).data(DatabaseTableModel::IdRole).toString() == failed.meta.id)
                f = row;
        QVERIFY(f >= 0);
        QVERIFY(thread.index(f, MessageThreadModel::StatusColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("550 No such user here")));
        QVERIFY(thread.open({}).ok());
        QVERIFY(thread.rowCount() >= 1);
        QCOMPARE(
            thread.index(thread.rowCount() - 1, MessageThreadModel::AuthorColumn).data().toString(),
            QStringLiteral("+49 170 5550100"));
        QVERIFY(MessageRepository(*t.db).remove(failed).ok());
        auto read = MessageRepository(*t.db).get(reply.meta.id);
        QVERIFY(read);
        QVERIFY(MessageRepository(*t.db).remove(*read).ok());
    }

    void errorsAreReported()
    {
        // A broken database must reach the user as a message, not as an empty list.
        QVERIFY(t.db->query(QStringLiteral("ALTER TABLE messages RENAME TO messages_gone")));
        MessageThreadListModel model(*t.db);
        QSignalSpy errors(&model, &DatabaseTableModel::errorOccurred);
        model.refresh();
        QVERIFY(t.db->query(QStringLiteral("ALTER TABLE messages_gone RENAME TO messages")));
        QCOMPARE(errors.size(), 1);
        QVERIFY(!model.lastError().isEmpty());
        QCOMPARE(errors.first().first().toString(), model.lastError());
        QCOMPARE(model.rowCount(), 0);
        model.refresh();
        QVERIFY(model.lastError().isEmpty());
        QVERIFY(model.rowCount() > 0);
    }
};

QTEST_GUILESS_MAIN(TestItemModels)
#include "tst_itemmodels.moc"
