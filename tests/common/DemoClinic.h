#pragma once

#include "database/Database.h"
#include "demo/DemoSeeder.h"

#include <QDate>
#include <QLocale>
#include <QString>

namespace frontdesk::test {

// The demo clinic the window tests work in: the clinic's time zone set, then a seed of patients
// and appointments around today.
inline Result<DemoSeeder::Summary> seedDemoClinic(Database &db, const QDate &today,
                                                  const QString &zone, int patients,
                                                  int appointments,
                                                  const QLocale &locale = QLocale::c())
{
    if (auto s = db.setSetting(QStringLiteral("clinic_time_zone"), zone); !s)
        return fail(s.error());
    DemoSeeder::Options options;
    options.patients = patients;
    options.appointments = appointments;
    options.today = today;
    options.timeZone = zone;
    options.locale = locale;
    return DemoSeeder(db).seed(options);
}

} // namespace frontdesk::test
