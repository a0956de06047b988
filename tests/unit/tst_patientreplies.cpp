#include "TestClock.h"
#include "TestDatabase.h"

#include "AppointmentDayModel.h"
#include "DayScheduleModel.h"
#include "fhir/CommunicationMapping.h"
#include "patients/PatientTimeline.h"
#include "storage/AppointmentRepository.h"
#include "storage/MessageRepository.h"
#include "storage/PatientReplies.h"
#include "storage/PatientRepository.h"
#include "storage/PractitionerRepository.h"

#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace frontdesk;

// A patient's reply to a reminder that does not confirm ("R", "can we move it?") marks the
// appointment until a person marks it handled; a confirmation marks nothing.
class TestPatientReplies : public QObject
{
    Q_OBJECT

    test::TestDatabase m_t;
    TestClock m_clock{QDateTime(QDate(2026, 3, 3), QTime(8, 0), QTimeZone("Europe/Berlin"))};
    QString m_patient, m_practitioner;

    Database &db() { return *m_t.db; }

    QString book(int hour)
    {
        Appointment a;
        a.patientId = m_patient;
        a.practitionerId = m_practitioner;
        a.start = QDateTime(QDate(2026, 3, 3), QTime(hour, 0), QTimeZone("Europe/Berlin")).toUTC();
        a.end = a.start.addSecs(15 * 60);
        if (auto s = AppointmentRepository(db()).save(a); !s)
            qWarning("%s", qPrintable(s.error()));
        return a.meta.id;
    }
    QString reply(const QString &appointment, const QString &text)
    {
        Message m;
        m.patientId = m_patient;
        m.appointmentId = appointment;
        m.direction = QStringLiteral("inbound");
        m.purpose = QStringLiteral("reminder");
        m.body = text;
        m.status = QStringLiteral("received");
        m.sentAt = m_clock.nowUtc();
        if (auto s = MessageRepository(db()).save(m); !s)
            qWarning("%s", qPrintable(s.error()));
        m_clock.advanceSecs(60);
        return m.meta.id;
    }
    QHash<QString, QList<PatientReplies::Reply>> pending(const QStringList &ids)
    {
        auto r = PatientReplies(db()).forAppointments(ids);
        if (!r)
            qWarning("%s", qPrintable(r.error()));
        return r ? *r : QHash<QString, QList<PatientReplies::Reply>>();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_t.open());
        db().setClock(m_clock);
        QVERIFY(
            db().setSetting(QStringLiteral("clinic_time_zone"), QStringLiteral("Europe/Berlin")));
        Patient p;
        p.mrn = QStringLiteral("MRN0100266");
        p.familyName = QStringLiteral("Müller");
        p.givenName = QStringLiteral("Anna");
        QVERIFY(PatientRepository(db()).save(p).ok());
        m_patient = p.meta.id;
        Practitioner dr;
        dr.familyName = QStringLiteral("Adler");
        QVERIFY(PractitionerRepository(db()).save(dr).ok());
        m_practitioner = dr.meta.id;
        // The calendar has a column for a practitioner who works that day (a Tuesday).
        WorkingHours hours;
        hours.practitionerId = dr.meta.id;
        hours.weekday = 2;
        hours.startMinute = 8 * 60;
        hours.endMinute = 17 * 60;
        QVERIFY(WorkingHoursRepository(db()).save(hours).ok());
    }

    // Every day shown asks for its appointments' replies: from their index, not by reading
    // every message of the clinic (the same WHERE as PatientReplies::forAppointments).
    void repliesAreReadThroughTheirIndex()
    {
        auto plan = db().query(
            QStringLiteral(
                "EXPLAIN QUERY PLAN SELECT id, appointment_id, patient_id, body, "
                "coalesce(sent_at, created_at) FROM messages WHERE deleted = 0 AND "
                "direction = 'inbound' AND status = 'received' AND appointment_id IN (?, ?) "
                "ORDER BY coalesce(sent_at, created_at)"),
            {QStringLiteral("a"), QStringLiteral("b")});
        QVERIFY2(plan.ok(), qPrintable(plan.error()));
        QString steps;
        while (plan->next())
            steps += plan->value(3).toString() + QLatin1Char(';');
        QVERIFY2(steps.contains(QStringLiteral("INDEX messages_reply_appointment")),
                 qPrintable(steps));
    }

    // A week's calendar asks for more appointments than one statement may name (SQLite 3.15:
    // 999 bound values): a reply to the last of 1,200 is found too.
    void repliesOfManyAppointmentsAreAllFound()
    {
        const QString first = book(7);
        const QString last = book(8);
        QStringList ids{first};
        for (int i = 0; i < 1198; ++i)
            ids << QStringLiteral("elsewhere-%1").arg(i);
        ids << last;
        const QString early = reply(first, QStringLiteral("Running late"));
        const QString late = reply(last, QStringLiteral("Which room?"));
        auto open = pending(ids);
        QCOMPARE(open.size(), 2);
        QCOMPARE(open.value(first).value(0).messageId, early);
        QCOMPARE(open.value(last).value(0).messageId, late);
        for (const QString &id : {early, late}) {
            auto m = MessageRepository(db()).get(id);
            QVERIFY(m.ok());
            QVERIFY(MessageRepository(db()).remove(*m).ok());
        }
        QVERIFY(pending(ids).isEmpty());
    }

    void aReplyThatDoesNotConfirmWaitsUntilHandled()
    {
        const QString confirmed = book(9);
        const QString moved = book(10);
        const QString quiet = book(11);
        reply(confirmed, QStringLiteral("Yes, see you then"));
        reply(moved, QStringLiteral("R"));
        const QString second = reply(moved, QStringLiteral("Can we move it to Friday?"));

        auto open = pending({confirmed, moved, quiet});
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.value(moved).size(), 2);
        QCOMPARE(open.value(moved).last().text, QStringLiteral("Can we move it to Friday?"));
        QCOMPARE(open.value(moved).last().messageId, second);

        // The calendar and the day list show it.
        DayScheduleModel calendar(db());
        calendar.setDate(QDate(2026, 3, 3));
        calendar.refresh();
        const int row = calendar.rowOf(moved);
        QVERIFY(row >= 0);
        QCOMPARE(calendar.index(row).data(DayScheduleModel::PendingReplyRole).toString(),
                 QStringLiteral("Can we move it to Friday?"));
        QVERIFY(calendar.index(row)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Can we move it to Friday?")));
        QVERIFY(calendar.index(calendar.rowOf(confirmed))
                    .data(DayScheduleModel::PendingReplyRole)
                    .toString()
                    .isEmpty());
        AppointmentDayModel list(db());
        list.setDate(QDate(2026, 3, 3));
        list.refresh();
        const QModelIndex status = list.index(list.rowOf(moved), AppointmentDayModel::StatusColumn);
        QVERIFY2(status.data().toString().contains(QStringLiteral("patient replied")),
                 qPrintable(status.data().toString()));
        QVERIFY(!list.index(list.rowOf(quiet), AppointmentDayModel::StatusColumn)
                     .data()
                     .toString()
                     .contains(QStringLiteral("replied")));

        // And the timeline: the appointment and the replies that wait.
        auto timeline = PatientTimeline(db()).load(m_patient);
        QVERIFY2(timeline, qPrintable(timeline.error()));
        int marked = 0;
        for (const TimelineEvent &e : *timeline) {
            if (e.pendingReplyAppointmentId.isEmpty())
                continue;
            QCOMPARE(e.pendingReplyAppointmentId, moved);
            ++marked;
        }
        QCOMPARE(marked, 3); // the appointment and its two replies

        // Marked handled by a person: gone everywhere, the change audited and queued for sync.
        auto handled = PatientReplies(db()).markHandled(moved);
        QVERIFY2(handled, qPrintable(handled.error()));
        QCOMPARE(*handled, 2);
        QVERIFY(pending({moved}).isEmpty());
        calendar.refresh();
        QVERIFY(calendar.index(calendar.rowOf(moved))
                    .data(DayScheduleModel::PendingReplyRole)
                    .toString()
                    .isEmpty());
        auto message = MessageRepository(db()).get(second);
        QCOMPARE(message->status, QStringLiteral("handled"));
        QVERIFY(!PatientReplies::needsAttention(*message));
        auto audited =
            db().scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'update' AND "
                                       "entity_id = ? AND detail LIKE '%handled%'"),
                        {second});
        QCOMPARE(audited->toInt(), 1);
        auto queued = db().scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE "
                                                 "resource_type = 'Communication' AND "
                                                 "resource_id = ? AND operation = 'update'"),
                                  {second});
        QCOMPARE(queued->toInt(), 1);
        // Nothing left: marking again changes nothing.
        QCOMPARE(*PatientReplies(db()).markHandled(moved), 0);
    }

    void handledTravelsAsTheCommunicationsStatus()
    {
        Message m;
        m.meta.id = QStringLiteral("c1");
        m.patientId = m_patient;
        m.direction = QStringLiteral("inbound");
        m.status = QStringLiteral("handled");
        m.body = QStringLiteral("R");
        const QJsonObject fhir = CommunicationMapping::toFhir(m);
        QCOMPARE(fhir.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        auto back = CommunicationMapping::messageFromFhir(fhir);
        QVERIFY2(back, qPrintable(back.error()));
        QCOMPARE(back->status, QStringLiteral("handled"));
    }
};

QTEST_GUILESS_MAIN(TestPatientReplies)
#include "tst_patientreplies.moc"
