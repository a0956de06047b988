#pragma once

#include <QString>

namespace frontdesk {

// UCUM unit codes (what FHIR quantities carry) as a person writes them: "mm[Hg]" is mmHg,
// "Cel" °C, "kg/m2" kg/m². A code not in the table is shown as it is, without the annotations
// in braces ("{beats}/min" is /min).
struct UcumUnit
{
    static QString display(const QString &code);
};

} // namespace frontdesk
