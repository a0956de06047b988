#pragma once

#include "domain/RecordMeta.h"

#include <QDateTime>
#include <QSet>
#include <QString>

namespace frontdesk {

// A patient waiting for an earlier slot, and what a slot must be like to suit them.
struct WaitlistEntry
{
    RecordMeta meta;
    QString patientId;
    QString practitionerId; // empty: anyone
    QString type = QStringLiteral("consultation");
    int minutes = 15;
    QSet<int> weekdays;     // 1 = Monday ... 7; empty: any day
    int earliestMinute = 0; // time-of-day window in the clinic's zone
    int latestMinute = 24 * 60;
    QDateTime notAfter; // UTC; invalid: no limit (e.g. their booked appointment's start)
    QString note;
    QString status = QStringLiteral("waiting"); // waiting | booked | removed
};

} // namespace frontdesk
