#pragma once

#include "domain/RecordMeta.h"

#include <QDate>
#include <QString>

namespace frontdesk {

// A patient who should come back by a date (a care gap while it is open and overdue).
struct Recall
{
    RecordMeta meta;
    QString patientId;
    QString practitionerId; // empty: any practitioner
    QString reason;
    QDate dueOn;                             // local date in the clinic's zone
    QString status = QStringLiteral("open"); // open | done | cancelled

    static QString open() { return QStringLiteral("open"); }
    static QString done() { return QStringLiteral("done"); }
    static QString cancelled() { return QStringLiteral("cancelled"); }
};

// An overdue recall as counted in bulk (the dashboard): which one, and when it was due.
struct RecallDue
{
    QString id;
    QDate dueOn;
};

} // namespace frontdesk
