#include "ConsentLabels.h"

namespace frontdesk {

QStringList ConsentLabels::knownTypes()
{
    return {QStringLiteral("treatment"),     QStringLiteral("data-sharing"),
            QStringLiteral("reminders-sms"), QStringLiteral("reminders-email"),
            QStringLiteral("marketing"),     QStringLiteral("research"),
            QStringLiteral("photo")};
}

QString ConsentLabels::type(const QString &type)
{
    if (type == QLatin1String("treatment"))
        return tr("Treatment");
    if (type == QLatin1String("data-sharing"))
        return tr("Sharing data with other care providers");
    if (type == QLatin1String("reminders-sms"))
        return tr("Reminders by SMS");
    if (type == QLatin1String("reminders-email"))
        return tr("Reminders by e-mail");
    if (type == QLatin1String("marketing"))
        return tr("Marketing");
    if (type == QLatin1String("research"))
        return tr("Research");
    if (type == QLatin1String("photo"))
        return tr("Photo in the record");
    return type;
}

} // namespace frontdesk
