#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace frontdesk {

// A coverage's eligibility check as the profile, its form and the timeline name it.
class CoverageLabels
{
    Q_DECLARE_TR_FUNCTIONS(CoverageLabels)
public:
    // The results Frontdesk stores, in the order the form offers them.
    static QStringList eligibilities();
    // An unknown code reads as stored.
    static QString eligibility(const QString &code);
};

} // namespace frontdesk
