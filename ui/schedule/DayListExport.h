#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QString>

class QPrinter;

namespace frontdesk {

class Database;
class DayScheduleModel;

// The day list a practitioner takes along: their appointments of the day in time order with
// patient (birth date and phone to tell namesakes apart and to call), type, reason and status,
// one page per practitioner with the clinic's name, written as a PDF or printed. Practitioners
// without appointments that day are left out. Both are audited as a disclosure of patient data,
// before the data leaves.
class DayListExport
{
    Q_DECLARE_TR_FUNCTIONS(DayListExport)
public:
    // practitionerId empty: every practitioner of the day, each on a page of their own.
    static QString html(const DayScheduleModel &model, const QString &practitionerId,
                        const QString &clinicName = {});
    static Status writePdf(Database &db, const DayScheduleModel &model,
                           const QString &practitionerId, const QString &clinicName,
                           const QString &path);
    // On a printer the person chose (QPrintDialog); recorded as a print.
    static Status print(Database &db, const DayScheduleModel &model, const QString &practitionerId,
                        const QString &clinicName, QPrinter &printer);
};

} // namespace frontdesk
