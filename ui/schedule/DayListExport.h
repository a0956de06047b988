#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QString>

namespace frontdesk {

class Database;
class DayScheduleModel;

// The day list a practitioner takes along: their appointments of the day in time order with
// patient, type, reason and status, one page per practitioner, written as a PDF. The export is
// audited as a disclosure of patient data.
class DayListExport
{
    Q_DECLARE_TR_FUNCTIONS(DayListExport)
public:
    // practitionerId empty: every practitioner of the day, each on a page of their own.
    static QString html(const DayScheduleModel &model, const QString &practitionerId);
    static Status writePdf(Database &db, const DayScheduleModel &model,
                           const QString &practitionerId, const QString &path);
};

} // namespace frontdesk
