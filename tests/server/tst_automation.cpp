// frontdesk-server's automation (issue 18) in process, on the SQLCipher file and, as
// automation_postgres, on PostgreSQL, with an injected clock: the reply words acted on
// (ReplyHandler), and the contact rule asked before an SMS leaves (Dispatcher: refused, or held
// for quiet hours), and the reminder rules (ReminderPlanner: due times across DST, exactly once,
// again after a reschedule, by the channel the rule allows). The reply words through the real
// Kannel, and the reminders command, are in tst_dispatch.
#include "ResourceStore.h"
#include "ResourceTypes.h"
#include "ServerConfig.h"
#include "ServerTestBackend.h"
#include "TestClock.h"
#include "automation/AutomatedRecords.h"
#include "automation/ReminderPlanner.h"
#include "automation/ReminderRules.h"
#include "automation/ReplyHandler.h"
#include "automation/ServerTexts.h"
#include "database/Database.h"
#include "dispatch/DispatchQueue.h"
#include "dispatch/Dispatcher.h"
#include "domain/StatusChange.h"
#include "fhir/BookingMapping.h"
#include "fhir/ClinicSettingsMapping.h"
#include "fhir/CommunicationMapping.h"
#include "fhir/FhirJson.h"
#include "fhir/FhirMapping.h"
#include "fhir/MessageTemplateMapping.h"
#include "fhir/PatientRecordMapping.h"
#include "fhir/ScheduleMapping.h"
#include "fhir/SurveyAnswerMapping.h"

#include <QJsonDocument>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace frontdesk;
using namespace frontdesk::server;

class TestAutomation : public QObject
{
    Q_OBJECT

private:
    test::ServerTestBackend m_backend;
    std::unique_ptr<Database> m_db;
    TestClock m_clock{QDateTime(QDate(2031, 3, 3), QTime(10, 0), Qt::UTC)};

    // Stores a resource as a workstation's push does; its id.
    QString store(const QString &type, const QJsonObject &content, QString id = {})
    {
        if (id.isEmpty())
            id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto indexed = ResourceTypes::read(type, id, content);
        if (!indexed) {
            qWarning("%s: %s", qPrintable(type), qPrintable(indexed.error()));
            return {};
        }
        QString error;
        const Status s = m_db->write([&]() -> Status {
            auto saved = ResourceStore(*m_db).save(type, id, *indexed, QStringLiteral("POST"),
                                                   QStringLiteral("rita"));
            if (!saved)
                return fail(saved.error());
            return {};
        });
        if (!s) {
            qWarning("%s: %s", qPrintable(type), qPrintable(s.error()));
            return {};
        }
        return id;
    }

    QJsonObject current(const QString &type, const QString &id)
    {
        auto stored = ResourceStore(*m_db).current(type, id);
        return stored && stored->has_value() ? (*stored)->withMeta() : QJsonObject();
    }

    QString patient(const QString &family, const QString &given = QStringLiteral("Anna"))
    {
        Patient p;
        p.familyName = family;
        p.givenName = given;
        // Reminders are written in the patient's language: times as 13:00.
        p.preferredLanguage = QStringLiteral("de");
        p.birthDate = QDate(1970, 1, 1);
        p.mrn = QStringLiteral("MRN-") + family;
        p.phoneMobile = QStringLiteral("+49 170 5550101");
        return store(QStringLiteral("Patient"), FhirMapping::toFhir(p));
    }

    struct Reminded
    {
        QString patient, practitioner, appointment;
        Appointment booked;
    };

    // A booked appointment `inHours` from now, and the reminder SMS about it, sent.
    Reminded reminded(const QString &family, int inHours)
    {
        Reminded r;
        r.patient = patient(family);
        Practitioner dr;
        dr.familyName = QStringLiteral("Dr ") + family;
        r.practitioner = store(QStringLiteral("Practitioner"), ScheduleMapping::toFhir(dr));
        r.booked.patientId = r.patient;
        r.booked.practitionerId = r.practitioner;
        r.booked.start = m_clock.nowUtc().addSecs(inHours * 3600);
        r.booked.end = r.booked.start.addSecs(30 * 60);
        r.appointment =
            store(QStringLiteral("Appointment"), ScheduleMapping::toFhir(r.booked, false));
        r.booked.meta.id = r.appointment;
        Message m;
        m.patientId = r.patient;
        m.appointmentId = r.appointment;
        m.purpose = QStringLiteral("reminder");
        m.status = QStringLiteral("sent");
        m.sentAt = m_clock.nowUtc().addSecs(-3600);
        m.body = QStringLiteral("Reminder");
        store(QStringLiteral("Communication"), CommunicationMapping::toFhir(m));
        return r;
    }

    Result<ReplyHandler::Outcome> answer(Message &m)
    {
        Result<ReplyHandler::Outcome> out = fail(QStringLiteral("not run"));
        (void)m_db->write([&]() -> Status {
            out = ReplyHandler(*m_db).handle(m);
            return {};
        });
        return out;
    }

    Message reply(const QString &patientId, const QString &text)
    {
        Message m;
        m.direction = QStringLiteral("inbound");
        m.status = QStringLiteral("received");
        m.patientId = patientId;
        m.body = text;
        return m;
    }

    AppointmentStatus statusOf(const QString &appointmentId)
    {
        auto a = ScheduleMapping::appointmentFromFhir(
            current(QStringLiteral("Appointment"), appointmentId));
        return a ? a->status : AppointmentStatus::Booked;
    }

    // The clinic's settings as they reach the server (Organization/clinic).
    void setClinic(const ClinicSettingsMapping::Values &values)
    {
        IndexedResource clinic;
        clinic.content = ClinicSettingsMapping::toFhir(values);
        const Status s = m_db->write([&]() -> Status {
            auto saved = ResourceStore(*m_db).save(QStringLiteral("Organization"),
                                                   ClinicSettingsMapping::resourceId(), clinic,
                                                   QStringLiteral("PUT"), QStringLiteral("rita"));
            return saved ? Status{} : fail(saved.error());
        });
        QVERIFY2(s, qPrintable(s ? QString() : s.error()));
    }

    // An SMS queued as a workstation's push queues it.
    QString queueSms(const QString &patientId, const QString &purpose)
    {
        Message m;
        m.patientId = patientId;
        m.purpose = purpose;
        m.body = QStringLiteral("Hello");
        return store(QStringLiteral("Communication"), CommunicationMapping::toFhir(m));
    }

    struct DispatchRow
    {
        QString state;
        int attempts = -1;
        qint64 nextAttemptAt = 0;
        QString lastError;
    };
    DispatchRow dispatchRow(const QString &communicationId)
    {
        DispatchRow r;
        auto q = m_db->query(QStringLiteral("SELECT state, attempts, next_attempt_at, last_error "
                                            "FROM message_dispatch WHERE communication_id = ?"),
                             {communicationId});
        if (q && q->next())
            r = {q->value(0).toString(), q->value(1).toInt(), q->value(2).toLongLong(),
                 q->value(3).toString()};
        return r;
    }

    // One pass of the dispatcher over a message, through an SMS gateway nobody listens at
    // (a message the rule lets go fails to connect; these tests are about the ones it stops).
    DispatchRow dispatchOnce(const QString &communicationId)
    {
        DispatchSettings settings;
        KannelSettings kannel;
        kannel.sendsmsUrl = QUrl(QStringLiteral("http://127.0.0.1:9/cgi-bin/sendsms"));
        kannel.callbackBase = QUrl(QStringLiteral("http://127.0.0.1:9"));
        kannel.callbackSecret = QStringLiteral("0123456789abcdef");
        settings.kannel = kannel;
        settings.pollMs = 3600 * 1000;
        const DispatchRow before = dispatchRow(communicationId);
        Dispatcher dispatcher(*m_db, settings, QStringLiteral("test"));
        dispatcher.start();
        DispatchRow after;
        (void)QTest::qWaitFor(
            [&] {
                after = dispatchRow(communicationId);
                return after.state != QLatin1String("sending") &&
                       (after.state != before.state || after.nextAttemptAt != before.nextAttemptAt);
            },
            5000);
        return after;
    }

    qint64 auditRows(const QString &entityType, const QString &entityId)
    {
        auto n = m_db->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE actor = ? AND "
                                             "entity_type = ? AND entity_id = ?"),
                              {QStringLiteral("frontdesk-server"), entityType, entityId});
        return n ? n->toLongLong() : -1;
    }

    // A visit completed at `completed` (its Appointment completed, and the Provenance that says
    // when, as the workstation's check-out pushes them); the appointment's id.
    QString visit(const QString &patientId, const QDateTime &completed,
                  const QString &type = QString())
    {
        Appointment a;
        a.patientId = patientId;
        // One practitioner each: PostgreSQL holds nobody in two places at once.
        a.practitionerId = QStringLiteral("dr-") + patientId;
        a.type = type;
        a.start = completed.toUTC().addSecs(-3600);
        a.end = a.start.addSecs(30 * 60);
        a.status = AppointmentStatus::Completed;
        const QString id = store(QStringLiteral("Appointment"), ScheduleMapping::toFhir(a, false));
        StatusChange change;
        change.appointmentId = id;
        change.patientId = patientId;
        change.from = AppointmentStatus::InRoom;
        change.to = AppointmentStatus::Completed;
        change.changedAtMs = completed.toMSecsSinceEpoch();
        change.changedBy = QStringLiteral("rita");
        store(QStringLiteral("Provenance"), BookingMapping::toFhir(change));
        return id;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_backend.dir.isValid());
        if (test::ServerTestBackend::wantsPostgres()) {
            QString why;
            if (!m_backend.createPostgresDatabase(&why))
                QSKIP(qPrintable(QStringLiteral("PostgreSQL is not available: ") + why));
        }
        m_db = m_backend.open();
        QVERIFY(m_db);
        m_db->setClock(m_clock);
        // As ServerStorage names the server's own acts in the trail.
        m_db->actAsSystem(QStringLiteral("frontdesk-server"));
    }

    void cleanupTestCase()
    {
        m_db.reset();
        m_backend.dropPostgresDatabase();
    }

    void aConfirmationConfirmsTheRemindedAppointment()
    {
        const Reminded r = reminded(QStringLiteral("Confirm"), 48);
        Message m = reply(r.patient, QStringLiteral("Ja, danke"));
        auto outcome = answer(m);
        QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error()));
        QVERIFY(outcome->acted);
        QCOMPARE(outcome->meaning, ReplyWords::Meaning::Confirm);
        QCOMPARE(m.appointmentId, r.appointment);
        QCOMPARE(m.status, QStringLiteral("handled"));
        QCOMPARE(statusOf(r.appointment), AppointmentStatus::Confirmed);
        QCOMPARE(FhirJson::changedBy(current(QStringLiteral("Appointment"), r.appointment)),
                 AutomatedRecords::author());
        auto provenance =
            AutomatedRecords(*m_db).ofPatient(QStringLiteral("Provenance"), r.patient);
        QVERIFY(provenance);
        QCOMPARE(provenance->size(), 1);
        auto change = BookingMapping::statusChangeFromFhir(provenance->first().content);
        QVERIFY(change);
        QCOMPARE(change->appointmentId, r.appointment);
        QCOMPARE(change->to, AppointmentStatus::Confirmed);
        QCOMPARE(change->changedAtMs, m_clock.nowMs());
        QCOMPARE(provenance->first().changedBy, AutomatedRecords::author());
        // Each automated change is in the trail as the server's own act.
        QCOMPARE(auditRows(QStringLiteral("Appointment"), r.appointment), 1);
        QCOMPARE(auditRows(QStringLiteral("Provenance"), provenance->first().id), 1);

        // Answered twice: nothing changes again.
        Message again = reply(r.patient, QStringLiteral("C"));
        QVERIFY(answer(again)->acted);
        QCOMPARE(AutomatedRecords(*m_db).ofPatient(QStringLiteral("Provenance"), r.patient)->size(),
                 1);
    }

    void anyOtherTextStaysForAPersonBesideTheAppointment()
    {
        const Reminded r = reminded(QStringLiteral("Other"), 30);
        Message m = reply(r.patient, QStringLiteral("Can we move it to Friday?"));
        auto outcome = answer(m);
        QVERIFY(outcome);
        QVERIFY(!outcome->acted);
        QCOMPARE(m.status, QStringLiteral("received"));
        QCOMPARE(m.appointmentId, r.appointment);
        QCOMPARE(statusOf(r.appointment), AppointmentStatus::Booked);
    }

    void aReminderOfAPastAppointmentIsNotAnswered()
    {
        const Reminded r = reminded(QStringLiteral("Past"), -2);
        Message m = reply(r.patient, QStringLiteral("cancel"));
        auto outcome = answer(m);
        QVERIFY(outcome);
        QVERIFY(!outcome->acted);
        QVERIFY(m.appointmentId.isEmpty());
        QCOMPARE(m.status, QStringLiteral("received"));
        QCOMPARE(statusOf(r.appointment), AppointmentStatus::Booked);
    }

    void aCancellationFreesTheTimeAndOffersIt()
    {
        const Reminded r = reminded(QStringLiteral("Cancel"), 26);
        WaitlistEntry early, tooLong, otherDoctor;
        early.patientId = patient(QStringLiteral("Early"));
        early.practitionerId = r.practitioner;
        tooLong.patientId = patient(QStringLiteral("Long"));
        tooLong.minutes = 60;
        otherDoctor.patientId = patient(QStringLiteral("Elsewhere"));
        otherDoctor.practitionerId = QStringLiteral("someone-else");
        for (const WaitlistEntry &e : {early, tooLong, otherDoctor})
            QVERIFY(!store(QStringLiteral("Appointment"), BookingMapping::toFhir(e)).isEmpty());

        Message m = reply(r.patient, QStringLiteral("ABSAGEN bitte"));
        auto outcome = answer(m);
        QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error()));
        QVERIFY(outcome->acted);
        QCOMPARE(statusOf(r.appointment), AppointmentStatus::Cancelled);
        auto slot = m_db->scalar(
            QStringLiteral("SELECT status FROM appointment_slots WHERE id = ?"), {r.appointment});
        QCOMPARE(slot->toString(), QStringLiteral("cancelled"));
        // Only the suited waiting patient is offered the time.
        QCOMPARE(outcome->offers.size(), 1);
        auto task = PatientRecordMapping::recallFromFhir(
            current(QStringLiteral("Task"), outcome->offers.first()));
        QVERIFY(task);
        QCOMPARE(task->patientId, early.patientId);
        QCOMPARE(task->kind, Recall::offerKind());
        QCOMPARE(task->dueOn, m_clock.nowUtc().date());
        QVERIFY2(task->reason.contains(QStringLiteral("Dr Cancel")), qPrintable(task->reason));
        QCOMPARE(auditRows(QStringLiteral("Task"), outcome->offers.first()), 1);

        // The database itself lets the time be booked again (PostgreSQL's exclusion constraint).
        Appointment next = r.booked;
        next.meta.id.clear();
        next.patientId = early.patientId;
        QVERIFY(
            !store(QStringLiteral("Appointment"), ScheduleMapping::toFhir(next, false)).isEmpty());
    }

    // With `language = de` the texts the server writes for the front desk are German: the
    // reason of the appointment cancelled by SMS and the waitlist offer, its weekday too.
    void theRecordsTextsAreInTheClinicsLanguage()
    {
        ServerTexts::setLanguage(QStringLiteral("de"));
        const auto english = qScopeGuard([] { ServerTexts::setLanguage(QStringLiteral("en")); });
        const Reminded r = reminded(QStringLiteral("Sprache"), 26);
        WaitlistEntry waiting;
        waiting.patientId = patient(QStringLiteral("Wartend"));
        waiting.practitionerId = r.practitioner;
        QVERIFY(!store(QStringLiteral("Appointment"), BookingMapping::toFhir(waiting)).isEmpty());

        Message m = reply(r.patient, QStringLiteral("STORNO"));
        auto outcome = answer(m);
        QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error()));
        QVERIFY(outcome->acted);
        QString reason;
        auto provenance =
            AutomatedRecords(*m_db).ofPatient(QStringLiteral("Provenance"), r.patient);
        QVERIFY2(provenance, qPrintable(provenance ? QString() : provenance.error()));
        for (const StoredResource &c : std::as_const(*provenance)) {
            // The appointment's status changes (other Provenance may name the patient too).
            auto change = BookingMapping::statusChangeFromFhir(c.content);
            if (change && change->appointmentId == r.appointment &&
                change->to == AppointmentStatus::Cancelled)
                reason = change->reason;
        }
        QCOMPARE(reason,
                 QStringLiteral("Der Patient hat durch Antwort auf die Erinnerungs-SMS abgesagt."));
        QCOMPARE(outcome->offers.size(), 1);
        auto offer = PatientRecordMapping::recallFromFhir(
            current(QStringLiteral("Task"), outcome->offers.first()));
        QVERIFY(offer);
        // Tuesday, 4 March 2031 (the clinic's time zone is not known here yet: UTC).
        QVERIFY2(offer->reason.startsWith(
                     QStringLiteral("Frei gewordene Zeit der Warteliste anbieten: Di")) &&
                     offer->reason.contains(QStringLiteral("2031-03-04")) &&
                     offer->reason.contains(QStringLiteral("30 Min. bei Dr Sprache")),
                 qPrintable(offer->reason));
    }

    // Every text in every language, with the placeholders of the English one; the
    // configuration's `language` is one of them or refused with a clear message.
    void theServerSpeaksTheClinicsLanguages()
    {
        for (const ServerTexts::Text text :
             {ServerTexts::Text::CancelledBySms, ServerTexts::Text::WaitlistOffer,
              ServerTexts::Text::CallForReminder, ServerTexts::Text::LetterForReminder,
              ServerTexts::Text::CallForFollowUp, ServerTexts::Text::LetterForFollowUp,
              ServerTexts::Text::ReminderSubject, ServerTexts::Text::FollowUpSubject}) {
            const QString english = ServerTexts::text(text, QStringLiteral("en"));
            QVERIFY(!english.isEmpty());
            for (const QString &language : ServerTexts::languages()) {
                const QString translated = ServerTexts::text(text, language);
                QVERIFY2(language == QLatin1String("en") || translated != english,
                         qPrintable(language + QLatin1Char(' ') + english));
                for (const QString &placeholder :
                     {QStringLiteral("%1"), QStringLiteral("%2"), QStringLiteral("%3")})
                    QCOMPARE(translated.contains(placeholder), english.contains(placeholder));
            }
        }
        QCOMPARE(ServerTexts::when(QDateTime(QDate(2031, 3, 4), QTime(9, 5)), QStringLiteral("en")),
                 QStringLiteral("Tue 2031-03-04 09:05"));
        QVERIFY(ServerTexts::when(QDateTime(QDate(2031, 3, 4), QTime(9, 5)), QStringLiteral("de"))
                    .startsWith(QStringLiteral("Di")));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto configured = [&](const QByteArray &line) {
            const QString path = dir.filePath(QStringLiteral("server.conf"));
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
                return Result<ServerConfig>(fail(QStringLiteral("cannot write %1").arg(path)));
            file.write(line);
            file.close();
            return ServerConfig::parse({QStringLiteral("frontdesk-server"),
                                        QStringLiteral("--insecure-http"),
                                        QStringLiteral("--config"), path});
        };
        auto german = configured("language = DE\n");
        QVERIFY2(german, qPrintable(german ? QString() : german.error()));
        QCOMPARE(german->language, QStringLiteral("de"));
        auto unset = configured("listen = 127.0.0.1:8080\n");
        QVERIFY(unset);
        QCOMPARE(unset->language, QStringLiteral("en"));
        auto klingon = configured("language = tlh\n");
        QVERIFY(!klingon);
        QVERIFY2(klingon.error().contains(QStringLiteral("language must be one of en, de, fr, es")),
                 qPrintable(klingon.error()));
    }

    void stopOptsOutOfSmsOnly()
    {
        const QString p = patient(QStringLiteral("Stop"));
        CommunicationPreference letters;
        letters.patientId = p;
        letters.purpose = QStringLiteral("marketing");
        letters.channel = QStringLiteral("letter");
        store(QStringLiteral("Consent"),
              FhirMapping::toFhir(letters, QStringLiteral("Patient/") + p));
        Message m = reply(p, QStringLiteral("Arrêt"));
        auto outcome = answer(m);
        QVERIFY(outcome);
        QVERIFY(outcome->acted);
        QCOMPARE(m.status, QStringLiteral("handled"));
        auto facts = AutomatedRecords(*m_db).contactFacts(p, QStringLiteral("sms"));
        QVERIFY(facts);
        // One per purpose, a STOP opting out of each (follow-ups and surveys too).
        QCOMPARE(facts->preferences.size(), CommunicationPreference::purposes().size());
        const ContactPolicy policy(ClinicTime(QTimeZone::utc()), QuietHours{});
        for (const QString &purpose : CommunicationPreference::purposes()) {
            const ContactDecision d =
                policy.decide(*facts, purpose, QStringLiteral("sms"), m_clock.nowUtc());
            QVERIFY2(!d.allowed, qPrintable(purpose));
        }
        // Recall outreach among them, refused as an opt-out, not as an unknown purpose.
        const ContactDecision recall = policy.decide(*facts, QStringLiteral("recall"),
                                                     QStringLiteral("sms"), m_clock.nowUtc());
        QVERIFY2(!recall.allowed && recall.reason.contains(QStringLiteral("opted out")),
                 qPrintable(recall.reason));
        // The letter preference is the patient's own, untouched.
        for (const CommunicationPreference &pref : facts->preferences)
            if (pref.purpose == QLatin1String("marketing"))
                QVERIFY(!pref.optedOut && pref.channel == QLatin1String("letter"));

        // A message queued before the STOP reached the server is refused when it would leave.
        const QString later = queueSms(p, QStringLiteral("administrative"));
        QCOMPARE(dispatchOnce(later).state, QStringLiteral("failed"));
        auto failed =
            CommunicationMapping::messageFromFhir(current(QStringLiteral("Communication"), later));
        QVERIFY(failed);
        QCOMPARE(failed->status, QStringLiteral("failed"));
        QVERIFY2(failed->failureReason.contains(QStringLiteral("opted out")),
                 qPrintable(failed->failureReason));
    }

    void stopFromASharedNumberOptsOutEveryoneWithIt()
    {
        Message m = reply({}, QStringLiteral("stop"));
        m.candidatePatientIds = {patient(QStringLiteral("Mother")), patient(QStringLiteral("Son"))};
        auto outcome = answer(m);
        QVERIFY(outcome);
        QVERIFY(outcome->acted);
        QCOMPARE(m.status, QStringLiteral("handled"));
        for (const QString &p : m.candidatePatientIds) {
            auto facts = AutomatedRecords(*m_db).contactFacts(p, QStringLiteral("sms"));
            // One per purpose, a STOP opting out of each (follow-ups and surveys too).
            QCOMPARE(facts->preferences.size(), CommunicationPreference::purposes().size());
            for (const CommunicationPreference &pref : facts->preferences)
                QVERIFY(pref.optedOut);
        }
        // Any other word from a shared number is for a person.
        Message other = reply({}, QStringLiteral("C"));
        other.candidatePatientIds = m.candidatePatientIds;
        QVERIFY(!answer(other)->acted);
        QCOMPARE(other.status, QStringLiteral("received"));
    }

    void quietHoursHoldAnSmsUntilTheyEnd()
    {
        // 22:30 in Berlin: inside the clinic's quiet hours, which end at 07:30; the patient's
        // own for this purpose last until 09:00.
        setClinic({{QStringLiteral("clinic_time_zone"), QStringLiteral("Europe/Berlin")},
                   {QStringLiteral("clinic_quiet_hours"), QStringLiteral("21:00-07:30")}});
        const QTimeZone berlin("Europe/Berlin");
        m_clock.set(QDateTime(QDate(2031, 3, 4), QTime(22, 30), berlin));
        const QString p = patient(QStringLiteral("Quiet"));
        CommunicationPreference late;
        late.patientId = p;
        late.purpose = QStringLiteral("administrative");
        late.quietStartMinute = 7 * 60;
        late.quietEndMinute = 9 * 60;
        store(QStringLiteral("Consent"), FhirMapping::toFhir(late, QStringLiteral("Patient/") + p));
        const QString id = queueSms(p, QStringLiteral("administrative"));

        const DispatchRow held = dispatchOnce(id);
        QCOMPARE(held.state, QStringLiteral("due"));
        // Held: not an attempt, and due again when both quiet hours have ended.
        QCOMPARE(held.attempts, 0);
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(held.nextAttemptAt, Qt::UTC),
                 QDateTime(QDate(2031, 3, 5), QTime(9, 0), berlin).toUTC());
        QVERIFY2(held.lastError.contains(QStringLiteral("Quiet hours")),
                 qPrintable(held.lastError));
        auto m =
            CommunicationMapping::messageFromFhir(current(QStringLiteral("Communication"), id));
        QCOMPARE(m->status, QStringLiteral("queued"));

        // Not before; then it is taken as its first attempt.
        DispatchQueue queue(*m_db, QStringLiteral("other"));
        m_clock.set(QDateTime(QDate(2031, 3, 5), QTime(8, 59), berlin));
        QVERIFY(!queue.claimNext({QStringLiteral("sms")}, 60000)->has_value());
        m_clock.set(QDateTime(QDate(2031, 3, 5), QTime(9, 0), berlin));
        auto claim = queue.claimNext({QStringLiteral("sms")}, 60000);
        QVERIFY(claim && claim->has_value());
        QCOMPARE((*claim)->communicationId, id);
        QCOMPARE((*claim)->attempts, 1);
        QVERIFY(queue.record(**claim, DispatchQueue::Outcome::Failed, QStringLiteral("test over")));
    }
    void aDeliveryReportMayComeBeforeTheSendIsRecorded()
    {
        // Kannel can call back with the report before the answer to the send is read.
        const QString p = patient(QStringLiteral("Early"));
        const QString id = queueSms(p, QStringLiteral("administrative"));
        DispatchQueue queue(*m_db, QStringLiteral("racer"));
        auto claim = queue.claimNext({QStringLiteral("sms")}, 60000);
        QVERIFY(claim && claim->has_value());
        QCOMPARE((*claim)->communicationId, id);
        auto reported = queue.recordDelivery(id, true, {});
        QVERIFY(reported && *reported);
        QVERIFY(queue.record(**claim, DispatchQueue::Outcome::Sent, QStringLiteral("kannel-7")));
        QCOMPARE(dispatchRow(id).state, QStringLiteral("sent"));
        auto m =
            CommunicationMapping::messageFromFhir(current(QStringLiteral("Communication"), id));
        QVERIFY(m);
        QCOMPARE(m->status, QStringLiteral("delivered"));
        QVERIFY(m->sentAt.isValid());
        QCOMPARE(m->sentAt, m->deliveredAt);
        QCOMPARE(m->providerMessageId, QStringLiteral("kannel-7"));
        // Once: a second outcome for the same claim is refused.
        QVERIFY(!queue.record(**claim, DispatchQueue::Outcome::Sent, QStringLiteral("kannel-7")));
    }

    void aDayBeforeKeepsTheLocalTimeAcrossDst()
    {
        const ClinicTime berlin(QTimeZone("Europe/Berlin"));
        // Monday 31 March 2031, 09:00 in Berlin: the clocks went forward on the Sunday.
        const QDateTime monday = QDateTime(QDate(2031, 3, 31), QTime(9, 0), berlin.zone()).toUTC();
        QCOMPARE(monday, QDateTime(QDate(2031, 3, 31), QTime(7, 0), Qt::UTC));
        // 48 h before: Saturday 09:00 local (08:00 UTC), not 48 elapsed hours (08:00 local).
        QCOMPARE(ReminderPlanner::dueAt(monday, 48 * 60, berlin),
                 QDateTime(QDate(2031, 3, 29), QTime(8, 0), Qt::UTC));
        // 2 h before is two real hours.
        QCOMPARE(ReminderPlanner::dueAt(monday, 2 * 60, berlin),
                 QDateTime(QDate(2031, 3, 31), QTime(5, 0), Qt::UTC));
        // 26 h: a calendar day back at the same time, then two hours more.
        QCOMPARE(ReminderPlanner::dueAt(monday, 26 * 60, berlin),
                 QDateTime(QDate(2031, 3, 30), QTime(5, 0), Qt::UTC));
        // And back in autumn: Monday 27 October 09:00 CET, Saturday 09:00 CEST.
        const QDateTime autumn = QDateTime(QDate(2031, 10, 27), QTime(9, 0), berlin.zone());
        QCOMPARE(ReminderPlanner::dueAt(autumn.toUTC(), 48 * 60, berlin),
                 QDateTime(QDate(2031, 10, 25), QTime(7, 0), Qt::UTC));
    }

    void offsetsAreReadAsTyped()
    {
        QCOMPARE(*ReminderRule::parseOffset(QStringLiteral("48h")), 48 * 60);
        QCOMPARE(*ReminderRule::parseOffset(QStringLiteral("2d")), 48 * 60);
        QCOMPARE(*ReminderRule::parseOffset(QStringLiteral("1d12h")), 36 * 60);
        QCOMPARE(*ReminderRule::parseOffset(QStringLiteral("90m")), 90);
        QVERIFY(!ReminderRule::parseOffset(QStringLiteral("soon")));
        QVERIFY(!ReminderRule::parseOffset(QStringLiteral("0h")));
        QCOMPARE(ReminderRule::offsetText(48 * 60), QStringLiteral("2d"));
        QCOMPARE(ReminderRule::offsetText(90), QStringLiteral("1h30m"));
    }

    void remindersAreMadeOnceByTheAllowedChannel()
    {
        setClinic({{QStringLiteral("clinic_time_zone"), QStringLiteral("Europe/Berlin")},
                   {QStringLiteral("clinic_name"), QStringLiteral("Praxis Nord")}});
        const QTimeZone berlin("Europe/Berlin");
        m_clock.set(QDateTime(QDate(2031, 3, 27), QTime(12, 0), berlin));
        ReminderRules rules(*m_db);
        ReminderRule twoDays;
        twoDays.offsetMinutes = 48 * 60;
        twoDays.body = QStringLiteral("{clinic_name}: {first_name}, your appointment on "
                                      "{appointment_date} at {appointment_time}. C = confirm");
        auto twoDaysId = rules.add(twoDays);
        QVERIFY2(twoDaysId, qPrintable(twoDaysId ? QString() : twoDaysId.error()));
        ReminderRule xray;
        xray.offsetMinutes = 2 * 60;
        xray.appointmentType = QStringLiteral("x-ray");
        xray.body = QStringLiteral("X-ray in two hours");
        QVERIFY(rules.add(xray));

        // Monday 09:00 after the spring change: by SMS, by a call task, opted out.
        const QDateTime monday(QDate(2031, 3, 31), QTime(9, 0), berlin);
        const auto book = [&](const QString &patientId, const QDateTime &start, QString id = {}) {
            Appointment a;
            a.patientId = patientId;
            a.practitionerId = QStringLiteral("dr-reminder");
            a.start = start.toUTC();
            a.end = a.start.addSecs(15 * 60);
            return store(QStringLiteral("Appointment"), ScheduleMapping::toFhir(a, false), id);
        };
        const QString bySms = patient(QStringLiteral("Remind"), QStringLiteral("Rosa"));
        QString movedLater = book(bySms, monday);
        const QString byCall = patient(QStringLiteral("Caller"));
        CommunicationPreference call;
        call.patientId = byCall;
        call.channel = QStringLiteral("phone");
        store(QStringLiteral("Consent"),
              FhirMapping::toFhir(call, QStringLiteral("Patient/") + byCall));
        book(byCall, monday.addSecs(3600));
        const QString optedOut = patient(QStringLiteral("Never"));
        CommunicationPreference never;
        never.patientId = optedOut;
        never.optedOut = true;
        store(QStringLiteral("Consent"),
              FhirMapping::toFhir(never, QStringLiteral("Patient/") + optedOut));
        book(optedOut, monday.addSecs(2 * 3600));

        ReminderPlanner planner(*m_db);
        m_clock.set(QDateTime(QDate(2031, 3, 29), QTime(8, 59), berlin));
        QVERIFY(planner.due()->isEmpty());
        m_clock.set(QDateTime(QDate(2031, 3, 29), QTime(9, 0), berlin));
        auto due = planner.due();
        QVERIFY2(due, qPrintable(due ? QString() : due.error()));
        QCOMPARE(due->size(), 1);
        m_clock.set(QDateTime(QDate(2031, 3, 29), QTime(11, 0), berlin));
        due = planner.due();
        QCOMPARE(due->size(), 3);

        auto made = planner.makeDue();
        QVERIFY2(made, qPrintable(made ? QString() : made.error()));
        QCOMPARE(made->size(), 3);
        QHash<QString, PlannedReminder> byPatient;
        for (const PlannedReminder &r : *made)
            byPatient.insert(r.patientId, r);
        const PlannedReminder sms = byPatient.value(bySms);
        QCOMPARE(sms.action, PlannedReminder::Action::Queue);
        QCOMPARE(sms.channel, QStringLiteral("sms"));
        QVERIFY2(sms.body.startsWith(QStringLiteral("Praxis Nord: Rosa, your appointment on ")) &&
                     sms.body.contains(QStringLiteral("09:00")),
                 qPrintable(sms.body));
        QCOMPARE(byPatient.value(byCall).action, PlannedReminder::Action::Task);
        QCOMPARE(byPatient.value(optedOut).action, PlannedReminder::Action::Skip);
        QVERIFY(byPatient.value(optedOut).reason.contains(QStringLiteral("opted out")));

        // The queued reminder is a Communication the dispatcher sends, made by the server.
        auto queued = AutomatedRecords(*m_db).ofPatient(QStringLiteral("Communication"), bySms);
        QCOMPARE(queued->size(), 1);
        auto m = CommunicationMapping::messageFromFhir(queued->first().content);
        QCOMPARE(m->purpose, QStringLiteral("reminder"));
        QCOMPARE(m->ruleName, QStringLiteral("reminder %1 (2d before)").arg(*twoDaysId));
        QCOMPARE(m->authorName, AutomatedRecords::author());
        QCOMPARE(m->appointmentId, movedLater);
        QCOMPARE(m->status, QStringLiteral("queued"));
        QCOMPARE(queued->first().changedBy, AutomatedRecords::author());
        QCOMPARE(dispatchRow(queued->first().id).state, QStringLiteral("due"));
        auto tasks = AutomatedRecords(*m_db).ofPatient(QStringLiteral("Task"), byCall);
        QCOMPARE(tasks->size(), 1);
        // A call for the front desk's worklist, not a recall of the patient.
        auto callTask = PatientRecordMapping::recallFromFhir(tasks->first().content);
        QVERIFY2(callTask, qPrintable(callTask.error()));
        QCOMPARE(callTask->kind, Recall::callKind());

        // Exactly once, whichever process looks next.
        QVERIFY(ReminderPlanner(*m_db).makeDue()->isEmpty());
        QVERIFY(planner.due()->isEmpty());

        // Moved to Tuesday: reminded again for the new time, two days before it.
        book(bySms, monday.addDays(1), movedLater);
        QVERIFY(planner.due()->isEmpty());
        m_clock.set(QDateTime(QDate(2031, 3, 30), QTime(9, 0), berlin));
        made = planner.makeDue();
        QCOMPARE(made->size(), 1);
        QCOMPARE(made->first().patientId, bySms);

        // A paused rule makes nothing; the x-ray rule sees only x-rays.
        QVERIFY(rules.setActive(*twoDaysId, false));
        m_clock.set(QDateTime(QDate(2031, 3, 31), QTime(8, 0), berlin));
        QVERIFY(planner.due()->isEmpty());
        QVERIFY(rules.setActive(*twoDaysId, true));
        QVERIFY(rules.remove(*twoDaysId));
        QVERIFY(!rules.remove(*twoDaysId));
    }

    void aFollowUpDelayKeepsTheLocalTimeAcrossDst()
    {
        const ClinicTime berlin{QTimeZone("Europe/Berlin")};
        // Completed Saturday 17:00 before the spring change: "1d after" is Sunday 17:00 local,
        // one hour less than 24 real hours; "2h after" is two real hours.
        const QDateTime saturday(QDate(2031, 3, 29), QTime(17, 0), QTimeZone("Europe/Berlin"));
        QCOMPARE(ReminderPlanner::followUpAt(saturday.toUTC(), 24 * 60, berlin),
                 QDateTime(QDate(2031, 3, 30), QTime(15, 0), Qt::UTC));
        QCOMPARE(ReminderPlanner::followUpAt(saturday.toUTC(), 2 * 60, berlin),
                 QDateTime(QDate(2031, 3, 29), QTime(18, 0), Qt::UTC));
        QVERIFY(!ReminderRule::parseOffset(QStringLiteral("soon"), ReminderRule::Kind::FollowUp));
    }

    void followUpsAreMadeOnceAfterTheVisit()
    {
        setClinic({{QStringLiteral("clinic_time_zone"), QStringLiteral("Europe/Berlin")},
                   {QStringLiteral("clinic_name"), QStringLiteral("Praxis Nord")}});
        const QTimeZone berlin("Europe/Berlin");
        const QDateTime saturday(QDate(2031, 3, 29), QTime(17, 0), berlin);
        // A visit completed before any follow-up rule existed is never followed up.
        const QString early = patient(QStringLiteral("Before"));
        m_clock.set(saturday.addSecs(-3600));
        visit(early, saturday.addSecs(-3600));
        m_clock.set(saturday.addSecs(-1800));

        ReminderRules rules(*m_db);
        ReminderRule followUp;
        followUp.kind = ReminderRule::Kind::FollowUp;
        followUp.offsetMinutes = 24 * 60;
        followUp.body = QStringLiteral("{first_name}, thank you for your visit to {clinic_name}.");
        followUp.surveyQuestion = QStringLiteral("How was it? Reply 1 (poor) to 5 (very good).");
        auto followUpId = rules.add(followUp);
        QVERIFY2(followUpId, qPrintable(followUpId ? QString() : followUpId.error()));
        ReminderRule xray = followUp;
        xray.appointmentType = QStringLiteral("x-ray");
        xray.surveyQuestion.clear();
        auto xrayId = rules.add(xray);
        QVERIFY(xrayId);
        QVERIFY(rules.setActive(*xrayId, false, ReminderRule::Kind::FollowUp));
        // A reminder's id is not a follow-up's, and a reminder asks no survey.
        QVERIFY(!rules.setActive(*xrayId, true, ReminderRule::Kind::Reminder));
        ReminderRule surveyReminder;
        surveyReminder.offsetMinutes = 60;
        surveyReminder.body = QStringLiteral("Soon");
        surveyReminder.surveyQuestion = QStringLiteral("1-5?");
        QVERIFY(!rules.add(surveyReminder));
        QCOMPARE(rules.all(ReminderRule::Kind::FollowUp)->size(), 2);

        const QString bySms = patient(QStringLiteral("Follow"), QStringLiteral("Fiona"));
        m_clock.set(saturday);
        const QString smsVisit = visit(bySms, saturday, QStringLiteral("x-ray"));
        Patient mailOnly;
        mailOnly.familyName = QStringLiteral("Mailer");
        mailOnly.givenName = QStringLiteral("Max");
        mailOnly.birthDate = QDate(1980, 5, 5);
        mailOnly.mrn = QStringLiteral("MRN-Mailer");
        mailOnly.email = QStringLiteral("max@example.org");
        const QString byEmail = store(QStringLiteral("Patient"), FhirMapping::toFhir(mailOnly));
        visit(byEmail, saturday);
        const QString noSurveys = patient(QStringLiteral("Quiet"));
        CommunicationPreference declined;
        declined.patientId = noSurveys;
        declined.purpose = QStringLiteral("survey");
        declined.optedOut = true;
        store(QStringLiteral("Consent"),
              FhirMapping::toFhir(declined, QStringLiteral("Patient/") + noSurveys));
        visit(noSurveys, saturday);

        // A day after on the clinic's calendar: Sunday 17:00 summer time.
        ReminderPlanner planner(*m_db);
        m_clock.set(QDateTime(QDate(2031, 3, 30), QTime(16, 59), berlin));
        QVERIFY(planner.due()->isEmpty());
        m_clock.set(QDateTime(QDate(2031, 3, 30), QTime(17, 0), berlin));
        auto due = planner.due();
        QVERIFY2(due, qPrintable(due ? QString() : due.error()));
        QCOMPARE(due->size(), 3);

        // Two server processes on one database: each follow-up is made by one of them.
        auto second = m_backend.open();
        QVERIFY(second);
        second->setClock(m_clock);
        second->actAsSystem(QStringLiteral("frontdesk-server"));
        auto made = ReminderPlanner(*second).makeDue();
        QVERIFY2(made, qPrintable(made ? QString() : made.error()));
        QCOMPARE(made->size(), 3);
        QVERIFY(planner.makeDue()->isEmpty());
        QVERIFY(planner.due()->isEmpty());

        QHash<QString, PlannedReminder> byPatient;
        for (const PlannedReminder &r : *made)
            byPatient.insert(r.patientId, r);
        QCOMPARE(byPatient.value(bySms).purpose, QStringLiteral("survey"));
        QCOMPARE(byPatient.value(byEmail).purpose, QStringLiteral("follow-up"));
        QCOMPARE(byPatient.value(byEmail).channel, QStringLiteral("email"));
        QVERIFY(!byPatient.value(byEmail).body.contains(QStringLiteral("Reply 1")));
        QCOMPARE(byPatient.value(noSurveys).purpose, QStringLiteral("follow-up"));
        QVERIFY2(byPatient.value(noSurveys).reason.startsWith(QStringLiteral("Without the survey")),
                 qPrintable(byPatient.value(noSurveys).reason));

        // In the patient's thread, with its rule, asking the question after the text.
        auto queued = AutomatedRecords(*m_db).ofPatient(QStringLiteral("Communication"), bySms);
        QCOMPARE(queued->size(), 1);
        auto m = CommunicationMapping::messageFromFhir(queued->first().content);
        QCOMPARE(m->purpose, QStringLiteral("survey"));
        QCOMPARE(m->appointmentId, smsVisit);
        QCOMPARE(m->ruleName, QStringLiteral("follow-up %1 (1d after)").arg(*followUpId));
        QCOMPARE(m->authorName, AutomatedRecords::author());
        QCOMPARE(m->body, QStringLiteral("Fiona, thank you for your visit to Praxis Nord.\n"
                                         "How was it? Reply 1 (poor) to 5 (very good)."));
        QCOMPARE(dispatchRow(queued->first().id).state, QStringLiteral("due"));
        QVERIFY(
            AutomatedRecords(*m_db).ofPatient(QStringLiteral("Communication"), early)->isEmpty());

        // The paused x-ray rule follows up once resumed, still within its week.
        QVERIFY(rules.setActive(*xrayId, true, ReminderRule::Kind::FollowUp));
        made = planner.makeDue();
        QCOMPARE(made->size(), 1);
        QCOMPARE(made->first().rule.id, *xrayId);
        QCOMPARE(made->first().purpose, QStringLiteral("follow-up"));
        QVERIFY(rules.remove(*xrayId, ReminderRule::Kind::FollowUp));

        // A visit completed a fortnight before the rule's time has passed: too late.
        QVERIFY(rules.setActive(*followUpId, false, ReminderRule::Kind::FollowUp));
        const QString late = patient(QStringLiteral("Late"));
        visit(late, m_clock.nowUtc().addSecs(-60));
        QVERIFY(planner.due()->isEmpty());
        m_clock.advanceSecs(20 * 24 * 3600);
        QVERIFY(rules.setActive(*followUpId, true, ReminderRule::Kind::FollowUp));
        QVERIFY(planner.due()->isEmpty());
        QVERIFY(rules.remove(*followUpId, ReminderRule::Kind::FollowUp));
    }

    void aNumberAnswersTheNewestSurvey()
    {
        m_clock.set(QDateTime(QDate(2031, 5, 5), QTime(10, 0), Qt::UTC));
        const QString p = patient(QStringLiteral("Survey"));
        const QString visited = visit(p, m_clock.nowUtc().addSecs(-26 * 3600));
        Message asked;
        asked.patientId = p;
        asked.appointmentId = visited;
        asked.purpose = QStringLiteral("survey");
        asked.status = QStringLiteral("sent");
        asked.sentAt = m_clock.nowUtc().addSecs(-3600);
        asked.body = QStringLiteral("Thank you for your visit.\nHow was it? Reply 1 to 5.");
        const QString survey =
            store(QStringLiteral("Communication"), CommunicationMapping::toFhir(asked));

        // Out of range: for a person, beside the visit.
        Message seven = reply(p, QStringLiteral("7"));
        auto outcome = answer(seven);
        QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error()));
        QVERIFY(outcome->surveyAnswer);
        QVERIFY(!outcome->acted);
        QCOMPARE(seven.status, QStringLiteral("received"));
        QCOMPARE(seven.appointmentId, visited);
        QCOMPARE(seven.purpose, QStringLiteral("survey"));
        QVERIFY(AutomatedRecords(*m_db)
                    .ofPatient(QStringLiteral("QuestionnaireResponse"), p)
                    ->isEmpty());

        Message four = reply(p, QStringLiteral(" 4 "));
        outcome = answer(four);
        QVERIFY(outcome);
        QVERIFY(outcome->acted);
        QCOMPARE(four.status, QStringLiteral("handled"));
        auto answers =
            AutomatedRecords(*m_db).ofPatient(QStringLiteral("QuestionnaireResponse"), p);
        QCOMPARE(answers->size(), 1);
        auto recorded = SurveyAnswerMapping::fromFhir(answers->first().content);
        QVERIFY2(recorded, qPrintable(recorded ? QString() : recorded.error()));
        QCOMPARE(recorded->score, 4);
        QCOMPARE(recorded->patientId, p);
        QCOMPARE(recorded->appointmentId, visited);
        QCOMPARE(recorded->questionMessageId, survey);
        QCOMPARE(recorded->replyMessageId, four.meta.id);
        QCOMPARE(recorded->question, QStringLiteral("How was it? Reply 1 to 5."));
        QCOMPARE(recorded->answeredAt, m_clock.nowUtc());
        QCOMPARE(answers->first().changedBy, AutomatedRecords::author());
        const QString answerId = answers->first().id;
        QCOMPARE(auditRows(QStringLiteral("QuestionnaireResponse"), answerId), 1);

        // A second answer to the same survey replaces the first: one answer a survey.
        m_clock.advanceSecs(60);
        Message five = reply(p, QStringLiteral("5"));
        QVERIFY(answer(five)->acted);
        answers = AutomatedRecords(*m_db).ofPatient(QStringLiteral("QuestionnaireResponse"), p);
        QCOMPARE(answers->size(), 1);
        QCOMPARE(answers->first().id, answerId);
        QCOMPARE(SurveyAnswerMapping::fromFhir(answers->first().content)->score, 5);

        // Words are not answers; nor is a number once the survey is a week old.
        Message thanks = reply(p, QStringLiteral("Thanks, all good"));
        QVERIFY(!answer(thanks)->surveyAnswer);
        QCOMPARE(thanks.status, QStringLiteral("received"));
        m_clock.advanceSecs(7 * 24 * 3600);
        Message late = reply(p, QStringLiteral("3"));
        outcome = answer(late);
        QVERIFY(!outcome->surveyAnswer);
        QVERIFY(!outcome->acted);
        QCOMPARE(late.status, QStringLiteral("received"));
        QCOMPARE(
            AutomatedRecords(*m_db).ofPatient(QStringLiteral("QuestionnaireResponse"), p)->size(),
            1);
    }

    void aReminderAfterTheSurveyKeepsOneAsConfirm()
    {
        m_clock.set(QDateTime(QDate(2031, 6, 2), QTime(10, 0), Qt::UTC));
        Reminded r = reminded(QStringLiteral("Both"), 30);
        Message asked;
        asked.patientId = r.patient;
        asked.appointmentId = visit(r.patient, m_clock.nowUtc().addSecs(-3 * 24 * 3600));
        asked.purpose = QStringLiteral("survey");
        asked.status = QStringLiteral("delivered");
        asked.sentAt = m_clock.nowUtc().addSecs(-2 * 24 * 3600);
        asked.body = QStringLiteral("1 to 5?");
        store(QStringLiteral("Communication"), CommunicationMapping::toFhir(asked));
        // The reminder (sent an hour ago) is the newer question: "1" confirms, as it always has.
        Message one = reply(r.patient, QStringLiteral("1"));
        auto outcome = answer(one);
        QVERIFY(outcome);
        QVERIFY(!outcome->surveyAnswer);
        QCOMPARE(outcome->meaning, ReplyWords::Meaning::Confirm);
        QCOMPARE(statusOf(r.appointment), AppointmentStatus::Confirmed);
        QVERIFY(AutomatedRecords(*m_db)
                    .ofPatient(QStringLiteral("QuestionnaireResponse"), r.patient)
                    ->isEmpty());
    }

    void aRuleWithoutItsTemplateWaitsForIt()
    {
        m_clock.set(QDateTime(QDate(2031, 4, 10), QTime(10, 0), Qt::UTC));
        ReminderRule byTemplate;
        byTemplate.offsetMinutes = 24 * 60;
        byTemplate.templateName = QStringLiteral("Standard reminder");
        auto id = ReminderRules(*m_db).add(byTemplate);
        QVERIFY(id);
        Appointment a;
        a.patientId = patient(QStringLiteral("Templated"));
        a.practitionerId = QStringLiteral("dr-template");
        a.start = m_clock.nowUtc().addSecs(3600);
        a.end = a.start.addSecs(900);
        m_clock.advanceSecs(-2 * 24 * 3600);
        store(QStringLiteral("Appointment"), ScheduleMapping::toFhir(a, false));
        m_clock.advanceSecs(2 * 24 * 3600);
        auto due = ReminderPlanner(*m_db).due();
        QCOMPARE(due->size(), 1);
        QVERIFY(due->first().reason.contains(QStringLiteral("Standard reminder")));
        // Not recorded as made: it goes once the template reaches the server.
        QVERIFY(ReminderPlanner(*m_db).makeDue()->isEmpty());
        QCOMPARE(ReminderPlanner(*m_db).due()->size(), 1);
        MessageTemplate t;
        t.name = QStringLiteral("Standard reminder");
        t.body = QStringLiteral("See you at {appointment_time}, {first_name}.");
        t.subject = QStringLiteral("Reminder");
        IndexedResource basic;
        basic.content = MessageTemplateMapping::toFhir(t);
        QVERIFY(m_db->write([&]() -> Status {
            auto saved = ResourceStore(*m_db).save(QStringLiteral("Basic"), QStringLiteral("tpl-1"),
                                                   basic, QStringLiteral("PUT"));
            return saved ? Status{} : fail(saved.error());
        }));
        auto made = ReminderPlanner(*m_db).makeDue();
        QVERIFY2(made, qPrintable(made ? QString() : made.error()));
        QCOMPARE(made->size(), 1);
        // 11:00 UTC is 13:00 in the clinic's zone (Berlin, summer time).
        QCOMPARE(made->first().body, QStringLiteral("See you at 13:00, Anna."));
        QVERIFY(ReminderRules(*m_db).remove(*id));
    }
};

QTEST_GUILESS_MAIN(TestAutomation)
#include "tst_automation.moc"
