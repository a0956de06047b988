#pragma once

#include "core/Result.h"
#include "domain/Message.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace frontdesk {

// FHIR R4 JSON ⇄ Message: a message to or from a patient is a Communication. Strict like the
// other mappings: a resource that is not a message we can keep is refused, naming the element.
//
// Status (Communication.status, with ours beside it in the extension statusUrl(), which wins
// when present):
//   queued    → preparation   (waiting in an outbox or at the server for its turn)
//   sent      → in-progress   (handed to the SMTP relay or the SMS gateway; no report yet)
//   delivered → completed     (the gateway reported it delivered; `received` is when)
//   failed    → not-done      (statusReason.text says why; never retried by itself)
//   received  → completed     (an inbound message; `received` is when it came)
//   handled   → completed     (an inbound reply a person has answered: PatientReplies)
// A Communication without the extension reads preparation/on-hold as queued, in-progress as
// sent, completed as delivered (received when inbound), not-done/stopped as failed.
//
// subject is Patient/ID; an outbound message names the patient as recipient, an inbound one as
// sender. The direction is also the extension directionUrl(), which wins (an inbound message
// from a number no patient or several have has no subject: its sender's address is fromUrl() and
// the patients with that number are candidateUrl() references, one extension each). The channel
// is medium[0] in channelSystem() (sms|email), the purpose category[0] in
// FhirMapping::communicationPurposeSystem(), the email subject topic.text, the text
// payload[0].contentString, the appointment it is about about[0] (Appointment/ID). The SMTP
// Message-ID or the SMS gateway's id is the extension providerIdUrl() (R4 has no element).
//
// What the Messages view keeps of a message travels as extensions too: who composed it
// (authorUrl(), a Reference with the staff account id as identifier in staffSystem() and their
// name as display), when an inbound one was read (readAtUrl(), valueInstant), the staff member
// its conversation is assigned to (assigneeUrl(), a Reference like the author), and the template
// or automation rule that made it (templateUrl(), ruleUrl(), valueString).
class CommunicationMapping
{
    Q_DECLARE_TR_FUNCTIONS(CommunicationMapping)
public:
    static QString statusUrl() { return QStringLiteral("urn:frontdesk:message-status"); }
    static QString directionUrl() { return QStringLiteral("urn:frontdesk:message-direction"); }
    static QString providerIdUrl() { return QStringLiteral("urn:frontdesk:message-provider-id"); }
    static QString fromUrl() { return QStringLiteral("urn:frontdesk:message-from"); }
    static QString candidateUrl() { return QStringLiteral("urn:frontdesk:message-candidate"); }
    static QString channelSystem() { return QStringLiteral("urn:frontdesk:message-channel"); }
    static QString authorUrl() { return QStringLiteral("urn:frontdesk:message-author"); }
    static QString readAtUrl() { return QStringLiteral("urn:frontdesk:message-read-at"); }
    static QString assigneeUrl() { return QStringLiteral("urn:frontdesk:message-assignee"); }
    static QString templateUrl() { return QStringLiteral("urn:frontdesk:message-template"); }
    static QString ruleUrl() { return QStringLiteral("urn:frontdesk:message-rule"); }
    static QString staffSystem() { return QStringLiteral("urn:frontdesk:staff"); }

    static Result<Message> messageFromFhir(const QJsonObject &resource);
    static QJsonObject toFhir(const Message &m);
    // FHIR's Communication.status for one of ours.
    static QString fhirStatus(const QString &status);
};

} // namespace frontdesk
