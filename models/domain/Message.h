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
};

} // namespace frontdesk
