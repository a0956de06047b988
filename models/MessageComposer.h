#pragma once

#include "core/Result.h"
#include "domain/Message.h"
#include "messaging/ContactPolicy.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace frontdesk {

class Database;

// What a person wrote, before it is checked and queued.
struct MessageDraft
{
    QString patientId;
    QString appointmentId;
    QString purpose = QStringLiteral("administrative");
    QString channel;
    QString subject;
    QString body;
};

// One channel for one patient and purpose: what the contact rule says and where it would go.
struct ChannelChoice
{
    ContactDecision decision;
    // The patient's mobile number (sms) or e-mail address; empty when the record has none.
    QString address;

    bool usable() const
    {
        return decision.allowed && decision.action == ContactDecision::Action::Send &&
               !address.isEmpty();
    }
    // Translated; why the channel cannot be used, or that an SMS is held. Empty: sent now.
    QString note() const;
};

// A queued message and when the server may send it (later for an SMS in quiet hours).
struct QueuedMessage
{
    Message message;
    QDateTime sendAtUtc;
    QString note;
};

// Writing to a patient from the workstation. The message only waits in the outbox: the server
// sends it, so composing works offline. Everything is checked again when the draft is queued —
// the contact rule (ContactPolicy, the same code as at the server), the patient's address for
// the channel, the text — and a refused draft is kept by the caller, never half written.
class MessageComposer
{
    Q_DECLARE_TR_FUNCTIONS(MessageComposer)
public:
    explicit MessageComposer(Database &db) : m_db(db) {}

    // The most parts a composed SMS may take; a longer text is refused before it costs more.
    static constexpr int maxSmsSegments = 10;

    // "Family, Given (MRN)" of the patient a message goes to.
    Result<QString> recipient(const QString &patientId) const;
    // The sending channels (sms, email) for this patient and purpose, in that order.
    Result<QList<ChannelChoice>> channels(const QString &patientId, const QString &purpose) const;
    Result<QueuedMessage> queue(const MessageDraft &draft);

private:
    Database &m_db;
};

} // namespace frontdesk
