#pragma once

#include "access/ClinicalAccess.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSet>

#include <optional>

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
    // A reply of the patient about this appointment (or this message, the reply) that nobody
    // has handled yet (PatientReplies): the appointment it is about, else empty.
    QString pendingReplyAppointmentId = {};
};

// The patient's history, newest first: appointments with their outcome, messages, consent and
// insurance events, and encounters with their notes when the caller passed the clinical gate
// for the patient (AccessGuard::openClinical, ClinicalRead::VisitNotes).
class PatientTimeline
{
    Q_DECLARE_TR_FUNCTIONS(PatientTimeline)
public:
    explicit PatientTimeline(Database &db) : m_db(db) {}
    // kinds: the kinds to include; empty means all the signed-in role may see. Visit notes
    // (Kind::Encounter) only with visitNotes, a token for this patient.
    Result<QList<TimelineEvent>> load(const QString &patientId,
                                      const QSet<TimelineEvent::Kind> &kinds = {},
                                      const std::optional<ClinicalAccess> &visitNotes = {});
    static QString kindName(TimelineEvent::Kind kind);

private:
    Database &m_db;
};

} // namespace frontdesk
