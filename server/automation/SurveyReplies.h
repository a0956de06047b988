#pragma once

#include "core/Result.h"
#include "domain/Message.h"

#include <QCoreApplication>

namespace frontdesk {
class Database;
}

namespace frontdesk::server {

// Reads an inbound SMS that is nothing but a number as the answer to the survey a follow-up
// asked (ReminderPlanner, purpose survey): the newest survey sent to the patient within
// kWindowDays before the reply, unless a question came after it (a reminder awaiting C or 1
// sent later: then "1" confirms, as it always has). An answer from 1 to 5 is recorded as a
// QuestionnaireResponse (SurveyAnswerMapping) naming the patient, the appointment, the survey and
// the reply, made by frontdesk-server in the caller's transaction with an audit entry, and the
// reply is handled; a later answer to the same survey is a new version of that response (the
// patient changed their mind), so each survey counts once. Any other number, or a number when no
// survey awaits an answer, stays an unread reply for a person (beside the survey's appointment when
// there is one).
class SurveyReplies
{
    Q_DECLARE_TR_FUNCTIONS(SurveyReplies)
public:
    static constexpr int kWindowDays = 7;

    struct Outcome
    {
        bool awaited = false; // a survey awaits this answer (when not, the reply is not one)
        bool recorded = false;
        QString appointmentId; // the survey's; empty when none awaited an answer
        QString note;          // for the log, without patient data
    };

    explicit SurveyReplies(Database &db) : m_db(db) {}

    // The inbound message must name its patient; number is SurveyAnswer::numberIn its text;
    // surveys sent before askedAfterMs do not await it. Gives the message an id (for the answer
    // to name) when it has none, sets its appointment and purpose (survey) when a survey awaits,
    // and when recorded its status handled.
    Result<Outcome> answer(Message &inbound, int number, qint64 askedAfterMs);

private:
    Database &m_db;
};

} // namespace frontdesk::server
