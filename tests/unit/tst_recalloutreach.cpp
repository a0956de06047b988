#include "TestClock.h"
#include "TestDatabase.h"

#include "RecallOutreach.h"
#include "access/Session.h"
#include "access/StaffAccountRepository.h"
#include "domain/ClinicTime.h"
#include "messaging/MessageTemplateRepository.h"
#include "storage/AppointmentRepository.h"
#include "storage/CommunicationPreferenceRepository.h"
#include "storage/PatientRepository.h"
#include "storage/PractitionerRepository.h"
#include "storage/RecallRepository.h"

#include <QTest>
#include <QTimeZone>

using namespace frontdesk;

// Recall outreach: who is due on a day (open recalls not yet contacted and not booked since,
// and patients with no visit for N months), the contact rule's answer and the filled text for
// each, and sending the batch: one message or one call/letter task per patient, recorded on
// the recall, nobody contacted twice.
class TestRecallOutreach : public QObject
{
    Q_OBJECT

    test::TestDatabase t;
    // 10:00 in Berlin: outside the clinic's quiet hours (20:00-08:00).
    TestClock clock{QDateTime(QDate(2026, 6, 10), QTime(8, 0), QTimeZone::utc())};
    const QDate today{2026, 6, 10};
    std::unique_ptr<Session> m_session;
    MessageTemplate m_template;
    MessageTemplate m_needsAppointment;
    QString m_doctor;
    int m_patients = 0;
    // Patients by what they are here for.
    QString m_sms, m_email, m_call, m_letter, m_none, m_noMobile, m_booked, m_later, m_recent,
        m_lapsedBooked, m_openRecall, m_never, m_missedOnly;
    QString m_smsRecall, m_emailRecall, m_callRecall, m_noneRecall, m_noMobileRecall;

    QString addPatient(const QString &given, const QString &mobile, const QString &email,
                       const QString &preferred)
    {
        Patient p;
        p.mrn = QStringLiteral("RO%1").arg(++m_patients, 6, 10, QLatin1Char('0'));
        p.familyName = QStringLiteral("Outreach");
        p.givenName = given;
        p.birthDate = QDate(1970, 1, 1).addDays(m_patients);
        p.phoneMobile = mobile;
        p.email = email;
        p.preferredChannel = preferred;
        if (auto s = PatientRepository(*t.db).save(p); !s) {
            qWarning("%s", qPrintable(s.error()));
            return {};
        }
        return p.meta.id;
    }
    QString addRecall(const QString &patient, QDate due, const QString &reason)
    {
        Recall r;
        r.patientId = patient;
        r.dueOn = due;
        r.reason = reason;
        if (auto s = RecallRepository(*t.db).save(r); !s) {
            qWarning("%s", qPrintable(s.error()));
            return {};
        }
        return r.meta.id;
    }
    bool addVisit(const QString &patient, QDate day, AppointmentStatus status)
    {
        Appointment a;
        a.patientId = patient;
        a.practitionerId = m_doctor;
        a.type = QStringLiteral("check-up");
        a.status = status;
        a.start = QDateTime(day, QTime(9, 0), QTimeZone::utc());
        a.end = a.start.addSecs(15 * 60);
        auto s = AppointmentRepository(*t.db).save(a);
        if (!s)
            qWarning("%s", qPrintable(s.error()));
        return s.ok();
    }
    qint64 count(const QString &sql, const QVariantList &values = {})
    {
        auto v = t.db->scalar(sql, values);
        return v ? v->toLongLong() : -1;
    }
    static const OutreachCandidate *find(const QList<OutreachCandidate> &list,
                                         const QString &patient)
    {
        for (const OutreachCandidate &c : list) {
            if (c.patientId == patient)
                return &c;
        }
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(t.open());
        t.db->setClock(clock);
        QVERIFY(t.db->setSetting(ClinicTime::settingKey(), QStringLiteral("Europe/Berlin")));
        QVERIFY(StaffAccountRepository(*t.db)
                    .create(QStringLiteral("rita"), Role::Receptionist,
                            QStringLiteral("tidal marble orchard 7"))
                    .ok());
        m_template.name = QStringLiteral("Check-up recall");
        m_template.purpose = QStringLiteral("recall");
        m_template.channel = QStringLiteral("any");
        m_template.subject = QStringLiteral("Time for your check-up, {first_name}");
        m_template.body = QStringLiteral("Dear {first_name}, please call us to book.");
        QVERIFY(MessageTemplateRepository(*t.db).save(m_template).ok());
        m_needsAppointment = m_template;
        m_needsAppointment.meta = {};
        m_needsAppointment.name = QStringLiteral("Recall with a date");
        m_needsAppointment.body =
            QStringLiteral("Dear {first_name}, see you on {appointment_date}.");
        QVERIFY(MessageTemplateRepository(*t.db).save(m_needsAppointment).ok());

        Practitioner doc;
        doc.givenName = QStringLiteral("Ada");
        doc.familyName = QStringLiteral("Alpha");
        QVERIFY(PractitionerRepository(*t.db).save(doc).ok());
        m_doctor = doc.meta.id;

        m_sms = addPatient(QStringLiteral("Sam"), QStringLiteral("+49 170 1"), {},
                           QStringLiteral("sms"));
        m_smsRecall = addRecall(m_sms, QDate(2026, 6, 1), QStringLiteral("Yearly check-up"));
        m_email = addPatient(QStringLiteral("Emil"), {}, QStringLiteral("emil@example.org"),
                             QStringLiteral("email"));
        m_emailRecall = addRecall(m_email, today, QStringLiteral("Blood test"));
        m_call = addPatient(QStringLiteral("Carl"), QStringLiteral("+49 170 3"), {},
                            QStringLiteral("phone"));
        m_callRecall = addRecall(m_call, QDate(2026, 5, 1), QStringLiteral("Vaccination"));
        m_none = addPatient(QStringLiteral("Nora"), QStringLiteral("+49 170 4"), {},
                            QStringLiteral("none"));
        m_noneRecall = addRecall(m_none, QDate(2026, 5, 2), QStringLiteral("Check-up"));
        m_noMobile = addPatient(QStringLiteral("Fred"), {}, {}, QStringLiteral("sms"));
        m_noMobileRecall = addRecall(m_noMobile, QDate(2026, 5, 3), QStringLiteral("Check-up"));
        // Booked since the recall was due: no care gap.
        m_booked = addPatient(QStringLiteral("Greta"), QStringLiteral("+49 170 6"), {},
                              QStringLiteral("sms"));
        addRecall(m_booked, QDate(2026, 5, 1), QStringLiteral("Check-up"));
        QVERIFY(addVisit(m_booked, QDate(2026, 6, 20), AppointmentStatus::Booked));
        // Due tomorrow.
        m_later = addPatient(QStringLiteral("Hans"), QStringLiteral("+49 170 7"), {},
                             QStringLiteral("sms"));
        addRecall(m_later, today.addDays(1), QStringLiteral("Check-up"));

        // By absence (12 months: nothing since 2025-06-10).
        m_letter = addPatient(QStringLiteral("Dora"), {}, {}, QStringLiteral("letter"));
        QVERIFY(addVisit(m_letter, QDate(2024, 11, 5), AppointmentStatus::Completed));
        QVERIFY(addVisit(m_letter, QDate(2025, 1, 10), AppointmentStatus::Completed));
        QVERIFY(addVisit(m_letter, QDate(2025, 9, 1), AppointmentStatus::NoShow));
        m_recent = addPatient(QStringLiteral("Ida"), QStringLiteral("+49 170 8"), {},
                              QStringLiteral("sms"));
        QVERIFY(addVisit(m_recent, QDate(2024, 1, 1), AppointmentStatus::Completed));
        QVERIFY(addVisit(m_recent, QDate(2026, 3, 1), AppointmentStatus::Completed));
        m_lapsedBooked = addPatient(QStringLiteral("Jo"), QStringLiteral("+49 170 9"), {},
                                    QStringLiteral("sms"));
        QVERIFY(addVisit(m_lapsedBooked, QDate(2025, 1, 1), AppointmentStatus::Completed));
        QVERIFY(addVisit(m_lapsedBooked, QDate(2026, 7, 1), AppointmentStatus::Booked));
        m_openRecall = addPatient(QStringLiteral("Kim"), QStringLiteral("+49 170 10"), {},
                                  QStringLiteral("sms"));
        QVERIFY(addVisit(m_openRecall, QDate(2025, 2, 1), AppointmentStatus::Completed));
        addRecall(m_openRecall, QDate(2026, 9, 1), QStringLiteral("Check-up"));
        m_never = addPatient(QStringLiteral("Lea"), QStringLiteral("+49 170 11"), {},
                             QStringLiteral("sms"));
        m_missedOnly = addPatient(QStringLiteral("Mo"), QStringLiteral("+49 170 12"), {},
                                  QStringLiteral("sms"));
        QVERIFY(addVisit(m_missedOnly, QDate(2025, 1, 3), AppointmentStatus::NoShow));

        m_session = std::make_unique<Session>(*t.db);
        QVERIFY(m_session->signIn(QStringLiteral("rita"), QStringLiteral("tidal marble orchard 7"))
                    .ok());
    }

    void listsTheDueRecallsWithTheChannelOrWhyNot()
    {
        auto due = RecallOutreach(*t.db).due(today, 0);
        QVERIFY2(due, qPrintable(due.error()));
        QStringList who;
        for (const OutreachCandidate &c : std::as_const(*due))
            who << c.patientId;
        // Earliest due first; the booked, the one due tomorrow and the absent ones are not here.
        QCOMPARE(who, (QStringList{m_call, m_none, m_noMobile, m_sms, m_email}));

        const OutreachCandidate *sms = find(*due, m_sms);
        QCOMPARE(sms->action, OutreachCandidate::Action::Send);
        QCOMPARE(sms->channel, QStringLiteral("sms"));
        QCOMPARE(sms->recallId, m_smsRecall);
        QCOMPARE(sms->reason, QStringLiteral("Yearly check-up"));
        QCOMPARE(sms->phone, QStringLiteral("+49 170 1"));
        QVERIFY(sms->text.isEmpty());
        QCOMPARE(find(*due, m_email)->channel, QStringLiteral("email"));
        const OutreachCandidate *call = find(*due, m_call);
        QCOMPARE(call->action, OutreachCandidate::Action::CallTask);
        QVERIFY(call->text.contains(QLatin1String("Vaccination")));
        const OutreachCandidate *none = find(*due, m_none);
        QCOMPARE(none->action, OutreachCandidate::Action::Refused);
        QVERIFY2(none->note.contains(QLatin1String("does not want")), qPrintable(none->note));
        const OutreachCandidate *noMobile = find(*due, m_noMobile);
        QCOMPARE(noMobile->action, OutreachCandidate::Action::Refused);
        QVERIFY2(noMobile->note.contains(QLatin1String("mobile")), qPrintable(noMobile->note));
    }

    void listsThePatientsAwayForNMonths()
    {
        auto due = RecallOutreach(*t.db).due(today, 12);
        QVERIFY2(due, qPrintable(due.error()));
        QCOMPARE(due->size(), 6);
        const OutreachCandidate &dora = due->last();
        QCOMPARE(dora.patientId, m_letter);
        QVERIFY(dora.byAbsence());
        // The missed visit after it is no visit.
        QCOMPARE(dora.lastVisitUtc, QDateTime(QDate(2025, 1, 10), QTime(9, 0), QTimeZone::utc()));
        QCOMPARE(dora.dueOn, QDate(2026, 1, 10));
        QCOMPARE(dora.action, OutreachCandidate::Action::LetterTask);
        // Came recently, booked again, already recalled, never came, only missed: not due.
        for (const QString &notDue :
             {m_recent, m_lapsedBooked, m_openRecall, m_never, m_missedOnly})
            QVERIFY(!find(*due, notDue));
        QVERIFY(!RecallOutreach(*t.db).due(today, -1));
        QVERIFY(!RecallOutreach(*t.db).due(today, RecallOutreach::maxMonths + 1));
    }

    void fillsTheTemplateOrNamesTheMissingField()
    {
        auto due = RecallOutreach(*t.db).due(today, 0, &m_template);
        QVERIFY2(due, qPrintable(due.error()));
        const OutreachCandidate *sms = find(*due, m_sms);
        QCOMPARE(sms->text, QStringLiteral("Dear Sam, please call us to book."));
        QVERIFY(sms->subject.isEmpty());
        QCOMPARE(find(*due, m_email)->subject, QStringLiteral("Time for your check-up, Emil"));

        auto missing = RecallOutreach(*t.db).due(today, 0, &m_needsAppointment);
        QVERIFY2(missing, qPrintable(missing.error()));
        const OutreachCandidate *refused = find(*missing, m_sms);
        QCOMPARE(refused->action, OutreachCandidate::Action::Refused);
        QVERIFY2(refused->note.contains(QLatin1String("appointment")), qPrintable(refused->note));
        // A call task needs no template.
        QCOMPARE(find(*missing, m_call)->action, OutreachCandidate::Action::CallTask);

        MessageTemplate reminder = m_template;
        reminder.purpose = QStringLiteral("reminder");
        QVERIFY(!RecallOutreach::usable(reminder));
        QVERIFY(!RecallOutreach(*t.db).due(today, 0, &reminder));
    }

    void sendsOnceAndRecordsTheContact()
    {
        const qint64 messagesBefore = count(QStringLiteral("SELECT count(*) FROM messages"));
        RecallOutreach outreach(*t.db);
        auto results = outreach.send(today, 12, m_template);
        QVERIFY2(results, qPrintable(results.error()));
        QCOMPARE(results->size(), 6);
        QHash<QString, OutreachResult> by;
        for (const OutreachResult &r : std::as_const(*results))
            by.insert(r.candidate.patientId, r);
        QCOMPARE(by.value(m_sms).outcome, OutreachResult::Outcome::Queued);
        QCOMPARE(by.value(m_email).outcome, OutreachResult::Outcome::Queued);
        QCOMPARE(by.value(m_call).outcome, OutreachResult::Outcome::Task);
        QCOMPARE(by.value(m_letter).outcome, OutreachResult::Outcome::Task);
        QCOMPARE(by.value(m_none).outcome, OutreachResult::Outcome::Refused);
        QCOMPARE(by.value(m_noMobile).outcome, OutreachResult::Outcome::Refused);

        // The messages wait in the outbox, from the template, written by the signed-in person.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages")), messagesBefore + 2);
        const QString smsId = by.value(m_sms).recordId;
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE id = ? AND patient_id "
                                      "= ? AND channel = 'sms' AND purpose = 'recall' AND status = "
                                      "'queued' AND template_name = ? AND author_name = 'rita' "
                                      "AND body = 'Dear Sam, please call us to book.'"),
                       {smsId, m_sms, m_template.name}),
                 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE resource_type = "
                                      "'Communication' AND resource_id = ?"),
                       {smsId}),
                 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'create' "
                                      "AND entity_type = 'Communication' AND entity_id = ?"),
                       {smsId}),
                 1);

        // Each recall says when and how.
        RecallRepository recalls(*t.db);
        auto smsRecall = recalls.get(m_smsRecall);
        QVERIFY(smsRecall);
        QCOMPARE(smsRecall->contactedAt, clock.nowUtc());
        QCOMPARE(smsRecall->contactChannel, QStringLiteral("sms"));
        QCOMPARE(smsRecall->contactRef, smsId);
        QCOMPARE(smsRecall->status, Recall::open());
        QVERIFY(count(QStringLiteral("SELECT count(*) FROM outbox WHERE resource_type = 'Task' "
                                     "AND resource_id = ?"),
                      {m_smsRecall}) > 0);
        auto noneRecall = recalls.get(m_noneRecall);
        QVERIFY(noneRecall && !noneRecall->contacted());

        // The call is a task due today for the worklist, named on the recall.
        auto callRecall = recalls.get(m_callRecall);
        QCOMPARE(callRecall->contactChannel, QStringLiteral("call"));
        auto callTask = recalls.get(callRecall->contactRef);
        QVERIFY2(callTask, qPrintable(callTask.error()));
        QCOMPARE(callTask->kind, Recall::callKind());
        QCOMPARE(callTask->dueOn, today);
        QCOMPARE(callTask->patientId, m_call);
        QVERIFY(callTask->reason.contains(QLatin1String("Vaccination")));

        // Dora, due by absence, has a recall made for her that records the letter task.
        const OutreachResult dora = by.value(m_letter);
        QVERIFY(!dora.recallId.isEmpty());
        auto made = recalls.get(dora.recallId);
        QVERIFY(made);
        QCOMPARE(made->kind, Recall::recallKind());
        QCOMPARE(made->dueOn, QDate(2026, 1, 10));
        QCOMPARE(made->contactChannel, QStringLiteral("letter"));
        auto letter = recalls.get(made->contactRef);
        QVERIFY(letter);
        QCOMPARE(letter->kind, Recall::letterKind());

        // The tasks are no care gaps of their own, and nobody is contacted twice.
        clock.advanceSecs(3 * 24 * 3600);
        auto gaps = recalls.overdue(today.addDays(3));
        QVERIFY(gaps);
        for (const Recall &gap : std::as_const(*gaps))
            QCOMPARE(gap.kind, Recall::recallKind());
        auto again = outreach.send(today.addDays(3), 12, m_template);
        QVERIFY2(again, qPrintable(again.error()));
        QStringList contacted;
        for (const OutreachResult &r : std::as_const(*again)) {
            if (r.outcome != OutreachResult::Outcome::Refused)
                contacted << r.candidate.patientId;
        }
        // Only Hans, whose recall has come due since.
        QCOMPARE(contacted, QStringList{m_later});
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages")), messagesBefore + 3);
        clock.advanceSecs(-3 * 24 * 3600);
    }

    // Recall is a purpose of its own: a patient who declined recall outreach is left out of
    // it (the reason says so) and still gets appointment reminders, and the reverse.
    void anOptOutOfRecallsLeavesThePatientOut()
    {
        const QString declined = addPatient(QStringLiteral("Olga"), QStringLiteral("+49 170 13"),
                                            {}, QStringLiteral("sms"));
        addRecall(declined, today, QStringLiteral("Check-up"));
        CommunicationPreference noRecalls;
        noRecalls.patientId = declined;
        noRecalls.purpose = QStringLiteral("recall");
        noRecalls.channel = QStringLiteral("sms");
        noRecalls.optedOut = true;
        const Status saved = CommunicationPreferenceRepository(*t.db).save(noRecalls);
        QVERIFY2(saved.ok(), qPrintable(saved.error()));
        const QString noReminders = addPatient(QStringLiteral("Pia"), QStringLiteral("+49 170 14"),
                                               {}, QStringLiteral("sms"));
        addRecall(noReminders, today, QStringLiteral("Check-up"));
        CommunicationPreference reminders = noRecalls;
        reminders.meta = {};
        reminders.patientId = noReminders;
        reminders.purpose = QStringLiteral("reminder");
        QVERIFY(CommunicationPreferenceRepository(*t.db).save(reminders).ok());

        auto due = RecallOutreach(*t.db).due(today, 0, &m_template);
        QVERIFY2(due, qPrintable(due.error()));
        const OutreachCandidate *olga = find(*due, declined);
        QVERIFY(olga);
        QCOMPARE(olga->action, OutreachCandidate::Action::Refused);
        QVERIFY2(olga->note.contains(QLatin1String("opted out")), qPrintable(olga->note));
        QVERIFY2(olga->note.contains(QLatin1String("Recall")), qPrintable(olga->note));
        const OutreachCandidate *pia = find(*due, noReminders);
        QVERIFY(pia);
        QCOMPARE(pia->action, OutreachCandidate::Action::Send);
        QCOMPARE(pia->channel, QStringLiteral("sms"));
    }
};

QTEST_GUILESS_MAIN(TestRecallOutreach)
#include "tst_recalloutreach.moc"
