#pragma once

#include <QString>

namespace frontdesk {

// A coded concept as FHIR carries it (Coding): system, code and the text a person reads.
struct ClinicalCode
{
    QString system; // e.g. http://snomed.info/sct, http://loinc.org
    QString code;
    QString display;

    bool isEmpty() const { return code.isEmpty() && display.isEmpty(); }
};

} // namespace frontdesk
