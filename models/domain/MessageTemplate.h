#pragma once

#include "domain/RecordMeta.h"

#include <QString>
#include <QStringList>

namespace frontdesk {

// A message template: a name the staff pick it by, the purpose and channel it is for, and a
// text with placeholders such as {first_name} (messaging/TemplateRenderer fills and checks them).
struct MessageTemplate
{
    RecordMeta meta;
    QString name;
    QString purpose = QStringLiteral("reminder"); // one of ContactPolicy::purposes()
    QString channel = QStringLiteral("any");      // sms | email | any
    QString subject;                              // for an e-mail
    QString body;
    bool active = true;

    static QStringList channels()
    {
        return {QStringLiteral("sms"), QStringLiteral("email"), QStringLiteral("any")};
    }
    bool fitsChannel(const QString &sendChannel) const
    {
        return channel == QLatin1String("any") || channel == sendChannel;
    }
};

} // namespace frontdesk
