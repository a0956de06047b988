#pragma once

#include "core/Result.h"
#include "domain/Message.h"

#include <QCoreApplication>
#include <QStringList>

#include <functional>
#include <optional>

namespace frontdesk {
class Database;
}

namespace frontdesk::server {

// The server's queue of outbound messages (table message_dispatch, see
// schema/003_message_dispatch.sql) and the Communications it updates. Database only: the
// Dispatcher does the sending. Every step is one transaction, and every step after the claim is
// conditional on the claim still being this process's, so two processes (or one that lost its
// lease) never both record an outcome.
class DispatchQueue
{
    Q_DECLARE_TR_FUNCTIONS(DispatchQueue)
public:
    struct Claim
    {
        QString communicationId;
        QString channel;
        int attempts = 0; // including this one
    };
    enum class Outcome
    {
        Sent,
        Retry,   // a temporary failure: due again later
        Failed,  // a permanent failure, or too many temporary ones
        Unknown, // handed over, but no answer came: maybe sent, never sent again by itself
        Held     // not sent yet, by the contact rule (quiet hours): due at retryAt, no attempt
    };

    DispatchQueue(Database &db, QString owner) : m_db(db), m_owner(std::move(owner)) {}

    // Called for every Communication stored (ResourceStore): a queued outbound message becomes
    // due, once. One that failed, or whose outcome is unknown, is due again when a person
    // queues it again; one that went out never is.
    static Status noteStored(Database &db, const QString &communicationId, const Message &m);

    // Takes the next due message of these channels for `leaseMs`, marked as being sent; nullopt
    // when nothing is due. On PostgreSQL the row is taken FOR UPDATE SKIP LOCKED; on the
    // SQLCipher file the write transaction is the only writer. Either way the move to
    // `sending` is conditional on the row still being due.
    Result<std::optional<Claim>> claimNext(const QStringList &channels, qint64 leaseMs);
    // Messages whose sender died mid-send (a `sending` row past its lease): recorded as
    // unknown and their Communications as failed with the reason. The number found.
    Result<int> expireLeases();

    // The outcome of this process's claim. `detail` is the provider's id when sent, the reason
    // otherwise; `retryAt` the time of the next attempt for Retry.
    Status record(const Claim &claim, Outcome outcome, const QString &detail, qint64 retryAt = 0);

    // A delivery report for a message (from the SMS gateway): delivered, or failed with why.
    // False when there is no such message.
    Result<bool> recordDelivery(const QString &communicationId, bool delivered,
                                const QString &reason);
    // Stores an inbound message as a new Communication; its id.
    Result<QString> storeInbound(const Message &m);

    // What the administrator sees (frontdesk-server messages): how many messages of each
    // channel are in each state, and the newest that need a person or are being retried.
    struct Overview
    {
        struct Count
        {
            QString channel;
            QString state;
            qint64 count = 0;
        };
        struct Entry
        {
            QString communicationId;
            QString channel;
            QString state; // failed, unknown, or due again after a temporary failure
            int attempts = 0;
            qint64 updatedAt = 0;
            qint64 nextAttemptAt = 0;
            QString reason;
        };
        QList<Count> counts;
        QList<Entry> attention;
    };
    Result<Overview> overview(int limit) const;

    // The message and its Communication's current state, for sending.
    Result<Message> message(const QString &communicationId) const;

private:
    // A Sent outcome for a message whose delivery report came first.
    Status recordSentAfterReport(const Claim &claim, const QString &providerId);
    // Changes the stored Communication (a new version in the change history, so workstations
    // pull it) and records the change in the trail, without the message's words.
    Status updateMessage(const QString &communicationId, const QString &action,
                         const std::function<void(Message &)> &change);
    Status audit(const QString &action, const Message &m, const QJsonObject &detail);

    Database &m_db;
    QString m_owner;
};

} // namespace frontdesk::server
