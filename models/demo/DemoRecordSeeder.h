#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QSqlDatabase>
#include <QTimeZone>

namespace frontdesk {

// The patient record around the demo clinic's people and visits, so every part of the profile
// has something to show: insurance, consents and front-desk alerts for everyone; problems,
// allergies, medications, vitals, immunisations and visit notes for the clinical roles.
// Runs inside DemoSeeder's transaction, on the demo patients and completed visits it wrote;
// draws from a random stream of its own, so the rest of the clinic stays as it was seeded.
class DemoRecordSeeder
{
    Q_DECLARE_TR_FUNCTIONS(DemoRecordSeeder)
public:
    struct Options
    {
        quint64 seed = 1;
        QDate today;
        QTimeZone zone;
        qint64 nowMs = 0;
        // Visits older than this get no encounter record (keeps a large clinic's seed quick).
        int encounterDays = 180;
    };

    explicit DemoRecordSeeder(QSqlDatabase connection) : m_conn(std::move(connection)) {}
    // The number of rows written.
    Result<int> seed(const Options &options);

private:
    QSqlDatabase m_conn;
};

} // namespace frontdesk
