#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace frontdesk {

// What a consent is for, as the profile, its form and the timeline name it. A purpose the clinic
// typed in itself has no translation and reads as stored.
class ConsentLabels
{
    Q_DECLARE_TR_FUNCTIONS(ConsentLabels)
public:
    // The purposes Frontdesk knows, as stored (and exchanged as FHIR Consent.category codes).
    static QStringList knownTypes();
    static QString type(const QString &type);
};

} // namespace frontdesk
