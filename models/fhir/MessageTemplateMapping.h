#pragma once

#include "core/Result.h"
#include "domain/MessageTemplate.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace frontdesk {

// FHIR R4 JSON ⇄ MessageTemplate. R4 has no resource for a message template, so it travels as
// Basic with code kindSystem()|kindCode() and one extension fieldUrl(FIELD) per field: name,
// purpose and channel (valueCode), subject and body (valueString; an empty subject has none),
// active (valueBoolean).
class MessageTemplateMapping
{
    Q_DECLARE_TR_FUNCTIONS(MessageTemplateMapping)
public:
    static QString kindSystem() { return QStringLiteral("urn:frontdesk:basic-kind"); }
    static QString kindCode() { return QStringLiteral("message-template"); }
    static QString fieldUrl(const QString &field)
    {
        return QStringLiteral("urn:frontdesk:message-template:") + field;
    }

    // Whether a Basic resource is a message template (Basic may carry other kinds one day).
    static bool isMessageTemplate(const QJsonObject &basic);
    static QJsonObject toFhir(const MessageTemplate &t);
    static Result<MessageTemplate> fromFhir(const QJsonObject &resource);
};

} // namespace frontdesk
