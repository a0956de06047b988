#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSet>

namespace frontdesk {

class Database;

// One line of a patient's history.
struct TimelineEvent
{
    enum class Kind
    {
        Appointment,
        Message,
        Consent,
        Insurance,
        Encounter // clinical: only for roles that may read clinical notes
    };
    Kind kind = Kind::Appointment;
    QDateTime at; // UTC
    QString title;
    QString detail;
    QString recordId;
};

// The patient's history, newest first: appointments with their outcome, messages, consent and
// insurance events, and (for roles allowed to read clinical notes) encounters with their notes.
class PatientTimeline
{
    Q_DECLARE_TR_FUNCTIONS(PatientTimeline)
public:
    explicit PatientTimeline(Database &db) : m_db(db) {}
    // kinds: the kinds to include; empty means all the signed-in role may see.
    Result<QList<TimelineEvent>> load(const QString &patientId,
                                      const QSet<TimelineEvent::Kind> &kinds = {});
    static QString kindName(TimelineEvent::Kind kind);

private:
    Database &m_db;
};

} // namespace frontdesk
