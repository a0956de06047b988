#pragma once

#include "core/Result.h"
#include "domain/Message.h"
#include "storage/AppointmentRepository.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>

namespace frontdesk {

class Database;

// Replies nobody has handled yet. An inbound message about an appointment (the patient's answer
// to its reminder) that does not confirm it (ReplyWords::confirms: "R", "can we move it?")
// asks something of the front desk: the appointment shows "patient replied" on the calendar,
// in the day list and in the patient's timeline until a person marks it handled. Handling sets
// the message's status from received to handled: one change of the message, synced like any
// other (so every workstation stops showing it) and in the audit trail with who and when.
class PatientReplies
{
    Q_DECLARE_TR_FUNCTIONS(PatientReplies)
public:
    struct Reply
    {
        QString messageId;
        QString appointmentId;
        QString patientId;
        QString text;
        QDateTime receivedAt; // UTC
    };

    explicit PatientReplies(Database &db) : m_db(db) {}

    // Whether the message is a reply still waiting for a person.
    static bool needsAttention(const Message &m);
    // The unhandled replies about these appointments, by appointment id, oldest first.
    Result<QHash<QString, QList<Reply>>> forAppointments(const QStringList &appointmentIds) const;
    // For the appointments of these rows that have one, the latest unhandled reply's text, by
    // appointment id; nothing for a role that may not read messages.
    Result<QHash<QString, QString>> latest(const QList<AppointmentRow> &rows) const;
    // Marks every unhandled reply about the appointment handled; how many there were.
    Result<int> markHandled(const QString &appointmentId);

private:
    Database &m_db;
};

} // namespace frontdesk
