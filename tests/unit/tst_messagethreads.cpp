// The Messages view's conversations (issue 18): what a message keeps for them (author, read
// state, assignee, template or rule) survives the database; one conversation per patient and
// an inbox for senders no single patient has, newest activity first, with unread counts, the
// assignee and filters; opening one is an audited read that marks its replies read (a synced
// change); assigning and marking unread are synced changes too; the lists update in place.
#include "TestClock.h"
#include "TestDatabase.h"

#include "MessageThreadListModel.h"
#include "MessageThreadModel.h"
#include "access/Session.h"
#include "access/StaffAccountRepository.h"
#include "storage/MessageRepository.h"
#include "storage/MessageThreads.h"
#include "storage/PatientRepository.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace frontdesk;

namespace {
const QString kPassword = QStringLiteral("tidal marble orchard 7");
}

class TestMessageThreads : public QObject
{
    Q_OBJECT

    test::TestDatabase m_t;
    TestClock m_clock{QDateTime(QDate(2026, 3, 3), QTime(8, 0), QTimeZone("Europe/Berlin"))};
    std::unique_ptr<Session> m_session;
    QString m_anna, m_ben, m_cleo, m_rita, m_nina;

    Database &db() { return *m_t.db; }

    QString addPatient(const QString &family, const QString &given, const QString &mrn)
    {
        Patient p;
        p.mrn = mrn;
        p.familyName = family;
        p.givenName = given;
        if (auto s = PatientRepository(db()).save(p); !s)
            qWarning("%s", qPrintable(s.error()));
        return p.meta.id;
    }
    Message send(const QString &patient, const QString &text,
                 const QString &channel = QStringLiteral("sms"))
    {
        Message m;
        m.patientId = patient;
        m.channel = channel;
        m.purpose = QStringLiteral("reminder");
        m.subject = channel == QLatin1String("email") ? QStringLiteral("Termin") : QString();
        m.body = text;
        m.status = QStringLiteral("sent");
        m.sentAt = m_clock.nowUtc();
        m.authorId = QStringLiteral("staff-x");
        m.authorName = QStringLiteral("Jana Kowalski");
        if (auto s = MessageRepository(db()).save(m); !s)
            qWarning("%s", qPrintable(s.error()));
        m_clock.advanceSecs(60);
        return m;
    }
    Message receive(const QString &patient, const QString &text, const QString &from = {},
                    const QStringList &candidates = {})
    {
        Message m;
        m.patientId = patient;
        m.direction = QStringLiteral("inbound");
        m.status = QStringLiteral("received");
        m.purpose = QStringLiteral("administrative");
        m.body = text;
        m.fromAddress = from;
        m.candidatePatientIds = candidates;
        m.deliveredAt = m_clock.nowUtc();
        if (auto s = MessageRepository(db()).save(m); !s)
            qWarning("%s", qPrintable(s.error()));
        m_clock.advanceSecs(60);
        return m;
    }
    qint64 count(const QString &sql, const QVariantList &values = {})
    {
        auto v = db().scalar(sql, values);
        return v ? v->toLongLong() : -1;
    }
    QList<ThreadSummary> conversations(const ThreadFilter &filter = {})
    {
        auto threads = MessageThreads(db()).conversations(filter);
        if (!threads)
            qWarning("%s", qPrintable(threads.error()));
        return threads ? *threads : QList<ThreadSummary>();
    }
    static QStringList order(const QList<ThreadSummary> &threads)
    {
        QStringList ids;
        for (const ThreadSummary &t : threads)
            ids << t.patientId;
        return ids;
    }
    static const ThreadSummary *find(const QList<ThreadSummary> &threads, const QString &id)
    {
        for (const ThreadSummary &t : threads) {
            if (t.patientId == id)
                return &t;
        }
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_t.open());
        db().setClock(m_clock);
        QVERIFY(
            db().setSetting(QStringLiteral("clinic_time_zone"), QStringLiteral("Europe/Berlin")));
        auto rita =
            StaffAccountRepository(db()).create(QStringLiteral("rita"), Role::Receptionist,
                                                kPassword, QStringLiteral("Rita Rezeption"));
        QVERIFY(rita);
        m_rita = rita->id;
        auto nina = StaffAccountRepository(db()).create(QStringLiteral("nina"), Role::Nurse,
                                                        kPassword, QStringLiteral("Nina Nowak"));
        QVERIFY(nina);
        m_nina = nina->id;
        m_anna = addPatient(QStringLiteral("Müller"), QStringLiteral("Anna"),
                            QStringLiteral("MRN0100266"));
        m_ben = addPatient(QStringLiteral("Brandt"), QStringLiteral("Ben"),
                           QStringLiteral("MRN0100300"));
        m_cleo = addPatient(QStringLiteral("Costa"), QStringLiteral("Cleo"),
                            QStringLiteral("MRN0100400"));
        m_session = std::make_unique<Session>(db());
        QVERIFY(m_session->signIn(QStringLiteral("rita"), kPassword).ok());
    }

    void theThreadColumnsSurviveTheDatabase()
    {
        Message m;
        m.patientId = m_cleo;
        m.body = QStringLiteral("Ihr Termin morgen um 9:00");
        m.authorId = QStringLiteral("staff-1");
        m.authorName = QStringLiteral("Jana Kowalski");
        m.readAt = QDateTime(QDate(2026, 3, 3), QTime(7, 5, 1), Qt::UTC);
        m.assignedTo = QStringLiteral("staff-2");
        m.assignedName = QStringLiteral("Ömer Yılmaz");
        m.templateName = QStringLiteral("Erinnerung");
        m.ruleName = QStringLiteral("reminder-48h");
        MessageRepository messages(db());
        QVERIFY(messages.save(m).ok());
        auto back = messages.get(m.meta.id);
        QVERIFY2(back, qPrintable(back ? QString() : back.error()));
        QCOMPARE(back->authorId, m.authorId);
        QCOMPARE(back->authorName, m.authorName);
        QCOMPARE(back->readAt, m.readAt);
        QCOMPARE(back->assignedTo, m.assignedTo);
        QCOMPARE(back->assignedName, m.assignedName);
        QCOMPARE(back->templateName, m.templateName);
        QCOMPARE(back->ruleName, m.ruleName);

        back->readAt = QDateTime();
        back->assignedTo.clear();
        back->assignedName.clear();
        QVERIFY(messages.save(*back).ok());
        auto cleared = messages.get(m.meta.id);
        QVERIFY(cleared);
        QVERIFY(!cleared->readAt.isValid());
        QVERIFY(cleared->assignedTo.isEmpty());
        QCOMPARE(cleared->authorName, m.authorName);
        QVERIFY(messages.remove(*cleared).ok());
    }

    void oneConversationPerPatientNewestFirst()
    {
        send(m_anna, QStringLiteral("Reminder: Tuesday 09:00"));
        send(m_ben, QStringLiteral("Reminder: Wednesday 10:00"), QStringLiteral("email"));
        receive(m_ben, QStringLiteral("Can we move it?"));
        receive(m_ben, QStringLiteral("Friday would suit me"));
        receive({}, QStringLiteral("C"), QStringLiteral("+49 170 5550100"), {m_anna, m_ben});
        send(m_anna, QStringLiteral("See you then"));

        const QList<ThreadSummary> threads = conversations();
        QCOMPARE(order(threads), (QStringList{m_anna, QString(), m_ben}));
        const ThreadSummary *ben = find(threads, m_ben);
        QVERIFY(ben);
        QCOMPARE(ben->patientName, QStringLiteral("Brandt, Ben (MRN0100300)"));
        QCOMPARE(ben->messageCount, 3);
        QCOMPARE(ben->unread, 2);
        QCOMPARE(ben->latest.body, QStringLiteral("Friday would suit me"));
        QCOMPARE(ben->lastActivity, ben->latest.deliveredAt);
        const ThreadSummary *anna = find(threads, m_anna);
        QVERIFY(anna);
        QCOMPARE(anna->unread, 0); // outbound messages are read by definition
        QCOMPARE(anna->latest.body, QStringLiteral("See you then"));
        const ThreadSummary *inbox = find(threads, {});
        QVERIFY(inbox && inbox->isInbox());
        QCOMPARE(inbox->unread, 1);
        QCOMPARE(inbox->candidates.size(), 1);
        QVERIFY2(inbox->candidates.first().contains(QStringLiteral("+49 170 5550100")) &&
                     inbox->candidates.first().contains(QStringLiteral("Müller, Anna")) &&
                     inbox->candidates.first().contains(QStringLiteral("Brandt, Ben")),
                 qPrintable(inbox->candidates.first()));
    }

    void filtersKeepTheConversationsThatMatch()
    {
        ThreadFilter email;
        email.channel = QStringLiteral("email");
        QCOMPARE(order(conversations(email)), QStringList{m_ben});
        ThreadFilter received;
        received.status = QStringLiteral("received");
        QCOMPARE(order(conversations(received)), (QStringList{QString(), m_ben}));
        ThreadFilter reminders;
        reminders.purpose = QStringLiteral("reminder");
        QCOMPARE(order(conversations(reminders)), (QStringList{m_anna, m_ben}));
        ThreadFilter unread;
        unread.unreadOnly = true;
        QCOMPARE(order(conversations(unread)), (QStringList{QString(), m_ben}));
        ThreadFilter both = unread;
        both.channel = QStringLiteral("sms");
        QCOMPARE(order(conversations(both)), (QStringList{QString(), m_ben}));
        both.purpose = QStringLiteral("marketing");
        QVERIFY(conversations(both).isEmpty());
    }

    void openingIsAnAuditedReadThatMarksRepliesRead()
    {
        const qint64 reads = count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                                  "'read' AND entity_type = 'Patient' AND "
                                                  "patient_id = ?"),
                                   {m_ben});
        const qint64 outbox = count(QStringLiteral("SELECT count(*) FROM outbox"));
        MessageThreadModel thread(db());
        QAbstractItemModelTester tester(&thread,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(thread.open(m_ben).ok());
        QCOMPARE(thread.rowCount(), 3);
        // Oldest first, as a conversation reads.
        QCOMPARE(thread.messageAt(0).channel, QStringLiteral("email"));
        QCOMPARE(thread.messageAt(2).body, QStringLiteral("Friday would suit me"));
        for (int row = 0; row < thread.rowCount(); ++row)
            QVERIFY(!thread.index(row, 0).data(MessageThreadModel::UnreadRole).toBool());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'read' AND "
                                      "entity_type = 'Patient' AND patient_id = ?"),
                       {m_ben}),
                 reads + 1);
        // Two read marks, each a change of its message that syncs.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox")), outbox + 2);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE patient_id = ? AND "
                                      "direction = 'inbound' AND read_at = ?"),
                       {m_ben, m_clock.nowMs()}),
                 2);
        QCOMPARE(find(conversations(), m_ben)->unread, 0);

        // The thread names who wrote what, when (clinic time, no seconds), how and its state.
        QCOMPARE(thread.index(0, MessageThreadModel::AuthorColumn).data().toString(),
                 QStringLiteral("Jana Kowalski"));
        QCOMPARE(thread.index(2, MessageThreadModel::AuthorColumn).data().toString(),
                 MessageThreadModel::tr("Patient"));
        const QString time = thread.index(0, MessageThreadModel::TimeColumn).data().toString();
        QVERIFY2(!time.isEmpty() && time.count(QLatin1Char(':')) == 1, qPrintable(time));
        // ... with the whole year, also where the locale's short format has two digits (issue
        // 20: "3/3/26 10:30 AM" was no date to act on).
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        const QString us = thread.index(0, MessageThreadModel::TimeColumn).data().toString();
        QLocale::setDefault(before);
        QVERIFY2(us.contains(QLatin1String("/2026 ")) && us.count(QLatin1Char(':')) == 1,
                 qPrintable(us));

        // Mark unread: the newest reply counts again, also a synced change.
        QVERIFY(MessageThreads(db()).markUnread(m_ben).ok());
        QCOMPARE(find(conversations(), m_ben)->unread, 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox")), outbox + 3);
        thread.refresh();
        QVERIFY(thread.index(2, 0).data(MessageThreadModel::UnreadRole).toBool());
        QVERIFY(!thread.index(1, 0).data(MessageThreadModel::UnreadRole).toBool());
        // A conversation without a read reply has nothing to mark.
        const Status none = MessageThreads(db()).markUnread(m_anna);
        QVERIFY(!none);
        QVERIFY(!none.error().isEmpty());
    }

    void theThreadShowsAutomationAndFailures()
    {
        Message automated;
        automated.patientId = m_cleo;
        automated.body = QStringLiteral("Reminder: Thursday 11:00");
        automated.ruleName = QStringLiteral("reminder-48h");
        automated.status = QStringLiteral("failed");
        automated.failureReason = QStringLiteral("Kannel: 3 unknown subscriber");
        QVERIFY(MessageRepository(db()).save(automated).ok());
        m_clock.advanceSecs(60);
        MessageThreadModel thread(db());
        QVERIFY(thread.open(m_cleo).ok());
        QCOMPARE(thread.rowCount(), 1);
        QVERIFY(thread.index(0, MessageThreadModel::AuthorColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("reminder-48h")));
        QVERIFY(thread.index(0, MessageThreadModel::StatusColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("3 unknown subscriber")));
        QCOMPARE(find(conversations(), m_cleo)->failed, 1);
    }

    void assigningNamesOnePerson()
    {
        MessageThreads threads(db());
        QCOMPARE(threads.me(), m_rita);
        auto staff = threads.staff();
        QVERIFY(staff);
        QCOMPARE(staff->size(), 2);
        QCOMPARE(staff->first().name, QStringLiteral("Nina Nowak"));

        QVERIFY(threads.assign(m_ben, m_nina).ok());
        QCOMPARE(find(conversations(), m_ben)->assignedName, QStringLiteral("Nina Nowak"));
        // Another person takes it over: one name, never two.
        QVERIFY(threads.assign(m_ben, threads.me()).ok());
        QCOMPARE(find(conversations(), m_ben)->assignedTo, m_rita);
        QCOMPARE(count(QStringLiteral("SELECT count(DISTINCT assigned_to) FROM messages WHERE "
                                      "patient_id = ? AND assigned_to <> ''"),
                       {m_ben}),
                 1);
        // The name stays when a new reply comes in.
        receive(m_ben, QStringLiteral("Thanks!"));
        QCOMPARE(find(conversations(), m_ben)->assignedTo, m_rita);
        ThreadFilter unassigned;
        unassigned.unassignedOnly = true;
        QVERIFY(!order(conversations(unassigned)).contains(m_ben));
        QVERIFY(threads.assign(m_ben, {}).ok());
        QVERIFY(order(conversations(unassigned)).contains(m_ben));
        QVERIFY(!threads.assign(m_ben, QStringLiteral("nobody-here")));
    }

    // A conversation with new activity moves up in place: the view keeps it current.
    void theListUpdatesInPlace()
    {
        MessageThreadListModel model(db());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh();
        QVERIFY(model.lastError().isEmpty());
        const int cleo = model.rowOf(m_cleo);
        QVERIFY(cleo > 0);
        QPersistentModelIndex current = model.index(cleo, 0);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy moves(&model, &QAbstractItemModel::rowsMoved);
        receive(m_cleo, QStringLiteral("Ok, I'll call"));
        model.refresh();
        QCOMPARE(resets.size(), 0);
        QCOMPARE(moves.size(), 1);
        QCOMPARE(model.rowOf(m_cleo), 0);
        QVERIFY(current.isValid());
        QCOMPARE(current.row(), 0);
        QCOMPARE(current.data(MessageThreadListModel::PatientIdRole).toString(), m_cleo);
        QCOMPARE(model.index(0, 0).data(MessageThreadListModel::UnreadRole).toInt(), 1);
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        const QString when = model.index(0, MessageThreadListModel::TimeColumn).data().toString();
        QLocale::setDefault(before);
        QVERIFY2(when.contains(QLatin1String(".2026 ")) && when.count(QLatin1Char(':')) == 1,
                 qPrintable(when));

        // Assigning from the list changes the row in place.
        QVERIFY(model.assign(0, m_nina).ok());
        QCOMPARE(resets.size(), 0);
        QCOMPARE(model.index(0, MessageThreadListModel::AssigneeColumn).data().toString(),
                 QStringLiteral("Nina Nowak"));
        ThreadFilter unread;
        unread.unreadOnly = true;
        model.setFilter(unread);
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(model.index(row, 0).data(MessageThreadListModel::UnreadRole).toInt() > 0);
    }
};

QTEST_GUILESS_MAIN(TestMessageThreads)
#include "tst_messagethreads.moc"
