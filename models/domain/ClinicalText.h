#pragma once

#include <QString>
#include <QStringList>

namespace frontdesk {

// The one list of fields that hold clinical free text or a message's words, by record type (the
// FHIR resource type a RecordStore table writes as). The audit trail never keeps their values:
// AuditRedaction replaces each with whether it changed and keyed hashes of the old and new value.
// Codes, statuses, times and ids stay readable: they say what kind of record changed, and a
// reviewer needs them to follow who did what.
class ClinicalText
{
public:
    struct Field
    {
        QString resourceType;
        QString field;
    };

    static const QList<Field> &all();
    static bool covers(const QString &resourceType, const QString &field);
    static QStringList fieldsOf(const QString &resourceType);
};

} // namespace frontdesk
