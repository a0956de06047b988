#include "MessageLabels.h"

namespace frontdesk {

QString MessageLabels::channel(const QString &channel)
{
    if (channel == QLatin1String("sms"))
        return tr("SMS");
    if (channel == QLatin1String("email"))
        return tr("Email");
    return channel;
}

QString MessageLabels::purpose(const QString &purpose)
{
    if (purpose == QLatin1String("reminder"))
        return tr("Reminder");
    if (purpose == QLatin1String("administrative"))
        return tr("Administrative");
    if (purpose == QLatin1String("clinical"))
        return tr("Clinical");
    if (purpose == QLatin1String("marketing"))
        return tr("Marketing");
    if (purpose == QLatin1String("follow-up"))
        return tr("Follow-up");
    if (purpose == QLatin1String("survey"))
        return tr("Survey");
    if (purpose == QLatin1String("recall"))
        return tr("Recall");
    return purpose;
}

QString MessageLabels::status(const QString &status)
{
    if (status == QLatin1String("queued"))
        return tr("Queued");
    if (status == QLatin1String("sent"))
        return tr("Sent");
    if (status == QLatin1String("delivered"))
        return tr("Delivered");
    if (status == QLatin1String("failed"))
        return tr("Failed");
    if (status == QLatin1String("received"))
        return tr("Received");
    if (status == QLatin1String("handled"))
        return tr("Handled", "an inbound message someone has answered");
    return status;
}

} // namespace frontdesk
