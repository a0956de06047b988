#pragma once

#include "core/Result.h"
#include "domain/SurveyAnswer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace frontdesk {

class Database;

// A visit a survey answer may be about, as the entry window lists it.
struct SurveyVisit
{
    QString appointmentId;
    QDateTime startUtc;
    QString label;            // "Tue 8 Dec 2026 10:30 · Check-up · Dr. Ada Alpha"
    QString surveyMessageId;  // the follow-up's survey that asked about it; empty: none was sent
    QString question;         // that survey's question
    std::optional<int> score; // the answer already recorded (by SMS or by hand)
};

// Recording by hand a patient's answer to a follow-up's 1-5 survey (issue 18): the patient
// answered on the phone or at the desk instead of by SMS. It is stored as frontdesk-server
// stores an SMS answer — a survey answer (QuestionnaireResponse) naming the patient, the visit
// and the survey that asked, if one did — saved through the audited write path and synced; the
// dashboard counts it the same way. One answer a visit: a second one replaces the first, as a
// second SMS answer does. Needs the right to send messages (that of writing survey answers).
class SurveyEntry
{
    Q_DECLARE_TR_FUNCTIONS(SurveyEntry)
public:
    explicit SurveyEntry(Database &db) : m_db(db) {}

    // How far back a visit may be answered about: the survey's reply window (a week) and the
    // calls that follow it up.
    static constexpr int recentDays = 42;

    // The patient's completed visits of the last recentDays, newest first.
    Result<QList<SurveyVisit>> visits(const QString &patientId) const;
    // Records `score` for the visit; the visit must be the patient's and completed, the score
    // 1-5. Returns the saved answer.
    Result<SurveyAnswer> record(const QString &patientId, const QString &appointmentId, int score);

private:
    Database &m_db;
};

} // namespace frontdesk
