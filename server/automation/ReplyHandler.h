#pragma once

#include "core/Result.h"
#include "domain/Appointment.h"
#include "domain/Message.h"
#include "domain/ReplyWords.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <optional>

namespace frontdesk {
class Database;
}

namespace frontdesk::server {

class AutomatedRecords;
struct ClinicContext;

// Acts on an inbound SMS of a matched patient by its first word (ReplyWords), as the front desk
// would, through the same rules:
//  - it answers the newest reminder sent to the patient about an appointment still to come; the
//    reply is linked to that appointment (so it shows beside it on every workstation);
//  - confirm: the appointment becomes confirmed (a new Appointment version and its Provenance
//    status change, checked by StatusTransitions), which the dashboard counts;
//  - cancel: the appointment is cancelled by the patient with a reason, which frees its time,
//    and the first kMaxOffers waiting patients whose wishes the freed time suits
//    (WaitlistMatcher) each get a Task for the front desk (a recall due today naming the slot:
//    the one kind of Task the workstations list) to offer it;
//  - stop: the patient is opted out of SMS: every communication preference whose channel is SMS,
//    and one for each purpose that has none, is opted out (the Consents the workstations sync);
//    a STOP from a number several patients share (unassigned) opts out each of them;
//  - a number answers the survey a follow-up asked when that survey is the newest question
//    awaiting an answer (SurveyReplies: 1-5 recorded, any other number left for a person);
//    otherwise "1" still confirms the reminded appointment;
//  - anything else, or a confirm or cancel a rule refuses, stays an unread reply for a person.
// A reply that was acted on is stored as handled. Every change is made by frontdesk-server, in
// the caller's transaction, with an audit entry.
class ReplyHandler
{
    Q_DECLARE_TR_FUNCTIONS(ReplyHandler)
public:
    static constexpr int kMaxOffers = 3;

    struct Outcome
    {
        ReplyWords::Meaning meaning = ReplyWords::Meaning::Other;
        bool acted = false;
        QString appointmentId;     // the reminder's appointment the reply answers; empty: none
        QString note;              // for the log: what was done or why not, without patient data
        QStringList offers;        // the Tasks made for waiting patients
        bool surveyAnswer = false; // the reply was read as a survey answer (recorded or not)
    };

    explicit ReplyHandler(Database &db) : m_db(db) {}

    // Decides and acts; sets the message's appointment and, when acted on, its status handled.
    Result<Outcome> handle(Message &inbound);

private:
    struct Reminded
    {
        QString appointmentId;
        Appointment appointment;
        QJsonObject content;     // the stored Appointment
        qint64 remindedAtMs = 0; // when the reminder was sent
    };
    Result<std::optional<Reminded>> reminderAnswered(const QString &patientId) const;
    Status changeStatus(const Reminded &r, AppointmentStatus to, const QString &reason,
                        Outcome &outcome);
    Status offerToWaitlist(const Appointment &freed, const ClinicContext &clinic, Outcome &outcome);
    Status optOutOfSms(const QString &patientId, Outcome &outcome);

    Database &m_db;
};

} // namespace frontdesk::server
