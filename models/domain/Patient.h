#pragma once

#include "domain/RecordMeta.h"

#include <QDate>
#include <QString>

namespace frontdesk {

struct Patient
{
    RecordMeta meta;
    QString mrn;
    QString givenName;
    QString familyName;
    QDate birthDate;
    QString sex =
        QStringLiteral("unknown"); // female | male | other | unknown (FHIR AdministrativeGender)
    QString phoneMobile;
    QString phoneHome;
    QString email;
    QString addressLine;
    QString city;
    QString postalCode;
    QString country;
    QString preferredLanguage;                        // BCP 47, e.g. "de", "en-GB"
    QString preferredChannel = QStringLiteral("sms"); // sms | email | phone | letter | none
    QString emergencyContactName;
    QString emergencyContactRelation;
    QString emergencyContactPhone;
    // The surviving patient's id once this record was merged into it; empty while active.
    QString mergedInto;

    QString displayName() const { return familyName + QStringLiteral(", ") + givenName; }
};

} // namespace frontdesk
