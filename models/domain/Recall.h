#pragma once

#include "domain/RecordMeta.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace frontdesk {

// A patient who should come back by a date (a care gap while it is open and overdue), or a task
// for the front desk about a patient (call them, write to them, offer them a freed time): the
// worklist is the open ones due up to today.
struct Recall
{
    RecordMeta meta;
    QString patientId;
    QString practitionerId; // empty: any practitioner
    QString reason;
    QDate dueOn;                             // local date in the clinic's zone
    QString status = QStringLiteral("open"); // open | done | cancelled
    QString kind = QStringLiteral("recall"); // recall | call | letter | offer
    // When and how the patient was contacted about it (recall outreach); invalid: not yet.
    QDateTime contactedAt;  // UTC
    QString contactChannel; // sms | email | call | letter
    // The queued message (sms, email) or the call or letter task (call, letter) it made.
    QString contactRef;

    static QString open() { return QStringLiteral("open"); }
    static QString done() { return QStringLiteral("done"); }
    static QString cancelled() { return QStringLiteral("cancelled"); }

    static QString recallKind() { return QStringLiteral("recall"); }
    static QString callKind() { return QStringLiteral("call"); }
    static QString letterKind() { return QStringLiteral("letter"); }
    static QString offerKind() { return QStringLiteral("offer"); }
    static QStringList kinds() { return {recallKind(), callKind(), letterKind(), offerKind()}; }
    static QStringList contactChannels()
    {
        return {QStringLiteral("sms"), QStringLiteral("email"), callKind(), letterKind()};
    }
    bool contacted() const { return contactedAt.isValid(); }
    // Whether it is a task made for the front desk rather than a recall of the patient.
    bool isTask() const { return kind != recallKind(); }
};

// An overdue recall as counted in bulk (the dashboard): which one, and when it was due.
struct RecallDue
{
    QString id;
    QDate dueOn;
};

// An open recall or task as the worklist shows it, with whom to call.
struct WorklistTask
{
    Recall task;
    QString patientName; // "Family, Given"
    QString mrn;
    QString phone; // mobile, else home
};

// A patient due by absence: no visit since a cutoff, and when they last came.
struct LapsedPatient
{
    QString patientId;
    QDateTime lastVisitUtc;
};

} // namespace frontdesk
