#include "CoverageLabels.h"

namespace frontdesk {

QStringList CoverageLabels::eligibilities()
{
    return {QStringLiteral("unknown"), QStringLiteral("eligible"), QStringLiteral("not-eligible"),
            QStringLiteral("error")};
}

QString CoverageLabels::eligibility(const QString &code)
{
    if (code == QLatin1String("unknown"))
        return tr("Not checked");
    if (code == QLatin1String("eligible"))
        return tr("Eligible");
    if (code == QLatin1String("not-eligible"))
        return tr("Not eligible");
    if (code == QLatin1String("error"))
        return tr("Check failed");
    return code;
}

} // namespace frontdesk
