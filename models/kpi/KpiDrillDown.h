#pragma once

#include "kpi/Kpi.h"

#include <QList>
#include <QStringList>

namespace frontdesk {

// The records behind one figure of the current period.
struct KpiDrillDown
{
    Kpi kpi = Kpi::Appointments;
    KpiSubject subject = KpiSubject::Appointments;
    QStringList columns;     // translated headers, e.g. Date, Patient, Practitioner, Status
    QList<QStringList> rows; // display text, dates through QLocale
    // The same cells as a file carries them (CsvWriter::ExportRole): dates in ISO 8601
    // ("1984-02-29"), times in the clinic's time zone as "2026-03-03T09:00".
    QList<QStringList> exportRows;
    QStringList recordIds;  // one per row: appointment/patient/message/recall id
    QStringList patientIds; // one per row: the patient, so the UI can open the profile
};

} // namespace frontdesk
