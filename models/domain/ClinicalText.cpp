#include "ClinicalText.h"

namespace frontdesk {

const QList<ClinicalText::Field> &ClinicalText::all()
{
    // The display texts of clinical codes are listed too: they are typed or imported text that
    // names the diagnosis, allergen or drug as plainly as a note would.
    // clang-format off
    static const QList<Field> table{
        //  record type                                field
        {QStringLiteral("Appointment"),             QStringLiteral("reason")},
        {QStringLiteral("Appointment"),             QStringLiteral("notes")},
        {QStringLiteral("AppointmentStatusChange"), QStringLiteral("reason")},
        {QStringLiteral("Communication"),           QStringLiteral("subject")},
        {QStringLiteral("Communication"),           QStringLiteral("body")},
        {QStringLiteral("Encounter"),               QStringLiteral("reason")},
        {QStringLiteral("Encounter"),               QStringLiteral("notes")},
        {QStringLiteral("Condition"),               QStringLiteral("display")},
        {QStringLiteral("AllergyIntolerance"),      QStringLiteral("display")},
        {QStringLiteral("AllergyIntolerance"),      QStringLiteral("reaction")},
        {QStringLiteral("MedicationStatement"),     QStringLiteral("display")},
        {QStringLiteral("MedicationStatement"),     QStringLiteral("dosage")},
        {QStringLiteral("Observation"),             QStringLiteral("display")},
        {QStringLiteral("Observation"),             QStringLiteral("value_text")},
        {QStringLiteral("Immunization"),            QStringLiteral("display")},
        {QStringLiteral("Flag"),                    QStringLiteral("text")},
        {QStringLiteral("Recall"),                  QStringLiteral("reason")},
        {QStringLiteral("WaitlistEntry"),           QStringLiteral("note")},
        {QStringLiteral("Consent"),                 QStringLiteral("note")},
    };
    // clang-format on
    return table;
}

bool ClinicalText::covers(const QString &resourceType, const QString &field)
{
    for (const Field &f : all()) {
        if (f.resourceType == resourceType && f.field == field)
            return true;
    }
    return false;
}

QStringList ClinicalText::fieldsOf(const QString &resourceType)
{
    QStringList fields;
    for (const Field &f : all()) {
        if (f.resourceType == resourceType)
            fields << f.field;
    }
    return fields;
}

} // namespace frontdesk
