#pragma once

#include "core/Result.h"
#include "domain/Message.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace frontdesk {

class Database;

// Which conversations the Messages view lists. Channel, status and purpose keep a conversation
// that has at least one message with that value; empty means any.
struct ThreadFilter
{
    QString channel;
    QString status;
    QString purpose;
    bool unreadOnly = false;
    bool unassignedOnly = false;
};

// One conversation: a patient's messages, or (patientId empty) the inbox of inbound messages
// whose sender matched no patient or several.
struct ThreadSummary
{
    QString patientId;
    QString patientName;    // "Family, Given (MRN)"; empty for the inbox
    QDateTime lastActivity; // UTC: when the newest message went, came or was written
    Message latest;
    int messageCount = 0;
    int unread = 0;
    int failed = 0;
    QString assignedTo; // staff account id; empty: nobody
    QString assignedName;
    // The inbox only: each message's sender and the patients it might be, e.g.
    // "+49 170 5550101: Müller, Anna (MRN0100266) or Müller, Ben (MRN0100300)".
    QStringList candidates;

    bool isInbox() const { return patientId.isEmpty(); }
};

// A staff member a conversation can be assigned to.
struct StaffMember
{
    QString id;
    QString username;
    QString name; // the display name, or the username when there is none
};

// The conversations of the Messages view and what a person does with one: read it (which marks
// its inbound messages read), mark it unread again, assign it to a staff member. Every change is
// an ordinary save of the messages concerned (MessageRepository), so it syncs as their
// Communication and is in the audit trail with who and when. Reading a patient's conversation
// is opening their record (AccessGuard::openPatient, audited); the list itself needs the
// permission to read messages, changes the permission to send them (Permissions).
//
// Read state is per message: an inbound message is unread until readAt is set; outbound ones
// and handled replies count as read. The conversation's assignee is the one the newest message
// naming one names: assigning writes the newest message, unassigning clears every message.
class MessageThreads
{
    Q_DECLARE_TR_FUNCTIONS(MessageThreads)
public:
    explicit MessageThreads(Database &db) : m_db(db) {}

    // Newest activity first; the inbox, when it has messages, among them by its own newest.
    Result<QList<ThreadSummary>> conversations(const ThreadFilter &filter = {}) const;
    // The conversation's messages, oldest first. A patient's is audited as opening their
    // record; patientId empty: the inbox.
    Result<QList<Message>> messages(const QString &patientId);
    // Sets readAt (now) on every unread inbound message; how many there were.
    Result<int> markRead(const QString &patientId);
    // The newest read inbound message becomes unread again; refused when there is none.
    Status markUnread(const QString &patientId);
    // accountId empty: nobody has the conversation any more.
    Status assign(const QString &patientId, const QString &accountId);
    // The active staff accounts, by name.
    Result<QList<StaffMember>> staff() const;
    // The signed-in person's account id; empty on a connection without one.
    QString me() const;
    // The conversation as it is now, oldest first, without a new audit entry: for showing again
    // one a person already opened (messages()).
    Result<QList<Message>> current(const QString &patientId) const;

private:
    Result<StaffMember> staffMember(const QString &accountId) const;

    Database &m_db;
};

} // namespace frontdesk
