#pragma once

#include <QCoreApplication>
#include <QString>

namespace frontdesk {

// A message's channel, purpose and delivery status as the message list names them. A value
// this version does not know reads as stored.
class MessageLabels
{
    Q_DECLARE_TR_FUNCTIONS(MessageLabels)
public:
    static QString channel(const QString &channel);
    static QString purpose(const QString &purpose);
    static QString status(const QString &status);
};

} // namespace frontdesk
