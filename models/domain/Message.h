#pragma once

#include "domain/RecordMeta.h"

#include <QDateTime>
#include <QString>

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
};

} // namespace frontdesk
