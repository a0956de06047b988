#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMap>
#include <QStringList>

namespace frontdesk {

// FHIR R4 JSON ⇄ the clinic's settings that every workstation and frontdesk-server share (issue
// 17): the one resource Organization/clinic. The clinic's name is Organization.name, its phone
// telecom[system=phone]; every other shared setting is an extension settingUrl(KEY) with
// valueString, KEY being the workstation's settings key. A setting that is not set has no
// element. Window geometry, the server address and the like stay on the workstation and never
// appear here.
//
// Only the form is checked here (this library has no rule book); whoever applies the values
// checks each against its owner's rule (ClinicSettingsRecord on the workstation). Settings of a
// newer version (an unknown KEY) are left out, not refused.
class ClinicSettingsMapping
{
    Q_DECLARE_TR_FUNCTIONS(ClinicSettingsMapping)
public:
    using Values = QMap<QString, QString>;

    static QString resourceId() { return QStringLiteral("clinic"); }
    static QString settingUrl(const QString &key)
    {
        return QStringLiteral("urn:frontdesk:setting:") + key;
    }
    // The settings keys that are the clinic's, not the workstation's.
    static const QStringList &keys();
    static bool isShared(const QString &key) { return keys().contains(key); }

    static QJsonObject toFhir(const Values &values);
    static Result<Values> fromFhir(const QJsonObject &resource);
};

} // namespace frontdesk
