#include "MessageTemplateMapping.h"

#include "fhir/FhirJson.h"

#include <QJsonArray>

namespace frontdesk {

bool MessageTemplateMapping::isMessageTemplate(const QJsonObject &basic)
{
    for (const QJsonValue &coding :
         basic.value(QStringLiteral("code")).toObject().value(QStringLiteral("coding")).toArray()) {
        const QJsonObject c = coding.toObject();
        if (c.value(QStringLiteral("system")).toString() == kindSystem() &&
            c.value(QStringLiteral("code")).toString() == kindCode())
            return true;
    }
    return false;
}

QJsonObject MessageTemplateMapping::toFhir(const MessageTemplate &t)
{
    QJsonArray extensions{FhirJson::extension(fieldUrl(QStringLiteral("name")),
                                              QStringLiteral("valueString"), t.name),
                          FhirJson::extension(fieldUrl(QStringLiteral("purpose")),
                                              QStringLiteral("valueCode"), t.purpose),
                          FhirJson::extension(fieldUrl(QStringLiteral("channel")),
                                              QStringLiteral("valueCode"), t.channel)};
    // FHIR refuses an empty string: an SMS template's missing subject is no element at all.
    if (!t.subject.isEmpty())
        extensions.append(FhirJson::extension(fieldUrl(QStringLiteral("subject")),
                                              QStringLiteral("valueString"), t.subject));
    extensions.append(FhirJson::extension(fieldUrl(QStringLiteral("body")),
                                          QStringLiteral("valueString"), t.body));
    extensions.append(FhirJson::extension(fieldUrl(QStringLiteral("active")),
                                          QStringLiteral("valueBoolean"), t.active));
    QJsonObject o{{QStringLiteral("resourceType"), QStringLiteral("Basic")},
                  {QStringLiteral("code"),
                   QJsonObject{{QStringLiteral("coding"),
                                QJsonArray{QJsonObject{{QStringLiteral("system"), kindSystem()},
                                                       {QStringLiteral("code"), kindCode()}}}},
                               {QStringLiteral("text"), QStringLiteral("Message template")}}},
                  {QStringLiteral("extension"), extensions}};
    if (!t.meta.id.isEmpty())
        o.insert(QStringLiteral("id"), t.meta.id);
    return o;
}

Result<MessageTemplate> MessageTemplateMapping::fromFhir(const QJsonObject &o)
{
    if (auto s = FhirJson::expectType(o, QStringLiteral("Basic")); !s)
        return fail(s.error());
    if (!isMessageTemplate(o))
        return fail(tr("code must hold %1|%2.").arg(kindSystem(), kindCode()));
    const auto text = [&o](const QString &field, const QString &valueKey) {
        return FhirJson::extensionValue(o, fieldUrl(field), valueKey);
    };
    MessageTemplate t;
    t.meta.id = o.value(QStringLiteral("id")).toString();
    t.name = text(QStringLiteral("name"), QStringLiteral("valueString")).toString().trimmed();
    if (t.name.isEmpty())
        return fail(tr("%1 is missing.").arg(fieldUrl(QStringLiteral("name"))));
    t.purpose = text(QStringLiteral("purpose"), QStringLiteral("valueCode")).toString();
    if (t.purpose.isEmpty())
        return fail(tr("%1 is missing.").arg(fieldUrl(QStringLiteral("purpose"))));
    auto channel =
        FhirJson::readCode(text(QStringLiteral("channel"), QStringLiteral("valueCode")),
                           MessageTemplate::channels(), fieldUrl(QStringLiteral("channel")));
    if (!channel)
        return fail(channel.error());
    t.channel = *channel;
    t.subject = text(QStringLiteral("subject"), QStringLiteral("valueString")).toString();
    const QJsonValue body = text(QStringLiteral("body"), QStringLiteral("valueString"));
    if (!body.isString() || body.toString().trimmed().isEmpty())
        return fail(tr("%1 is missing.").arg(fieldUrl(QStringLiteral("body"))));
    t.body = body.toString();
    const QJsonValue active = text(QStringLiteral("active"), QStringLiteral("valueBoolean"));
    if (!active.isUndefined() && !active.isBool())
        return fail(tr("%1 must be true or false.").arg(fieldUrl(QStringLiteral("active"))));
    t.active = active.toBool(true);
    return t;
}

} // namespace frontdesk
