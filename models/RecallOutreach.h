#pragma once

#include "core/Result.h"
#include "domain/MessageTemplate.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace frontdesk {

class Database;

// One patient due for a recall on a day, and what an outreach would do for them.
struct OutreachCandidate
{
    enum class Action
    {
        Send,       // a message on `channel` (sms, email)
        CallTask,   // the patient wants a call: a call task in the worklist
        LetterTask, // the patient wants a letter: a letter task in the worklist
        Refused     // not contacted; `note` says why
    };

    QString recallId; // empty: due only by having no visit; a recall is made when contacted
    QString patientId;
    QString patientName; // "Family, Given"
    QString mrn;
    QString phone;
    QDate dueOn;
    QString reason;         // the recall's reason, or how long the patient has not come
    QDateTime lastVisitUtc; // due by no visit: the latest one
    Action action = Action::Refused;
    QString channel; // sms | email for a message, call | letter for a task
    // Translated: why the patient is not contacted, why the template cannot be filled for them,
    // or that an SMS is held by quiet hours.
    QString note;
    QString subject; // the message as the patient would read it (when it is sent)
    QString text;

    bool byAbsence() const { return recallId.isEmpty(); }
    bool contactable() const { return action != Action::Refused; }
};

// What became of one patient when the batch was sent.
struct OutreachResult
{
    OutreachCandidate candidate;
    enum class Outcome
    {
        Queued,  // a message waits in the outbox
        Task,    // a call or letter task was made
        Refused, // not contacted (candidate.note or note says why)
        Failed   // could not be written; nothing of it was kept
    };
    Outcome outcome = Outcome::Refused;
    QString recallId; // the recall that records the contact
    QString recordId; // the message or the task
    QString note;
};

// Recall outreach (issue 18): who is due on a day — open recalls due by then that were not
// contacted yet and whose patient has booked nothing since, and, given N months, the patients
// who have not come for N months, have nothing booked and no open recall — each with the
// contact rule's answer for purpose "recall" (ContactPolicy through MessageComposer) and the
// template filled for them. Sending contacts each patient once: a queued message (audited,
// through the outbox, as composed in the message window) or a call or letter task due today
// for the front desk's worklist; the recall records when and how (a recall is made first for a
// patient due only by absence). Everything is read again when the batch is sent.
class RecallOutreach
{
    Q_DECLARE_TR_FUNCTIONS(RecallOutreach)
public:
    explicit RecallOutreach(Database &db) : m_db(db) {}

    static constexpr int maxMonths = 120;

    // Due on `day`, recalls first (by due date), then those away longest. months 0: recalls
    // only. With a template (purpose recall) each contactable patient's text is filled; a
    // placeholder without a value refuses that patient, naming the field.
    Result<QList<OutreachCandidate>> due(QDate day, int months,
                                         const MessageTemplate *withTemplate = nullptr) const;
    Result<QList<OutreachResult>> send(QDate day, int months, const MessageTemplate &t);
    // The active templates for recalls, by name.
    Result<QList<MessageTemplate>> templates() const;
    // Whether a template can be used for recall outreach; the message says why not.
    static Status usable(const MessageTemplate &t);

private:
    Status decide(OutreachCandidate &c, const MessageTemplate *withTemplate) const;
    OutreachResult contact(const OutreachCandidate &c, const MessageTemplate &t, int months);

    Database &m_db;
};

} // namespace frontdesk
