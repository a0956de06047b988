#pragma once

#include "domain/RecordMeta.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace frontdesk {

// A message to or from a patient (FHIR Communication).
struct Message
{
    RecordMeta meta;
    QString patientId;
    QString appointmentId;
    QString direction = QStringLiteral("outbound"); // outbound | inbound
    QString channel = QStringLiteral("sms");        // sms | email
    QString purpose =
        QStringLiteral("reminder"); // reminder | administrative | clinical | marketing
    QString subject;
    QString body;
    QString status = QStringLiteral("queued"); // queued | sent | delivered | failed | received
    QDateTime sentAt;                          // UTC; invalid until sent
    // Kept by frontdesk-server's dispatch (Communication) and synced to the workstation's table:
    QDateTime deliveredAt;     // UTC; the gateway's delivery report, or when an inbound one came
    QString failureReason;     // why a failed message did not go out
    QString providerMessageId; // the SMTP Message-ID or the SMS gateway's id
    QString fromAddress;       // an inbound message's sender (phone number or email address)
    // An inbound message whose sender matched no patient, or several: it has no patientId and
    // lists the patients whose number it is.
    QStringList candidatePatientIds;
    // Who composed it (staff account id and the name they had then); empty for an automated or
    // inbound message.
    QString authorId;
    QString authorName;
    // When a person first read an inbound message (UTC); invalid: unread. An outbound message,
    // and a reply already handled, count as read whatever this says (isUnread).
    QDateTime readAt;
    // The staff member the conversation is assigned to (account id and name); the newest of a
    // patient's messages naming one says who has the conversation.
    QString assignedTo;
    QString assignedName;
    // The template or the server's automation rule that made it (empty: written by a person).
    QString templateName;
    QString ruleName;

    // Where it stands in a conversation: when it went, when an inbound one came, or (not sent
    // yet) when it was written. UTC.
    QDateTime when() const
    {
        if (sentAt.isValid())
            return sentAt;
        if (direction == QLatin1String("inbound") && deliveredAt.isValid())
            return deliveredAt;
        return QDateTime::fromMSecsSinceEpoch(meta.createdAt, Qt::UTC);
    }
    bool isUnread() const
    {
        return direction == QLatin1String("inbound") && status == QLatin1String("received") &&
               !readAt.isValid();
    }
};

} // namespace frontdesk
