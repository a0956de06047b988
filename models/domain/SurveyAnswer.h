#pragma once

#include "domain/RecordMeta.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace frontdesk {

// A patient's answer to the one-question survey a follow-up after a visit asked by SMS
// (issue 18): a score from 1 to 5, about one appointment, recorded by frontdesk-server from the
// reply and synced to the workstations (table survey_answers, FHIR QuestionnaireResponse).
struct SurveyAnswer
{
    static constexpr int kLowest = 1;
    static constexpr int kHighest = 5;

    RecordMeta meta;
    QString patientId;
    QString appointmentId;
    QString questionMessageId; // the survey Communication that asked
    QString replyMessageId;    // the inbound Communication that answered
    QString question;
    int score = 0;
    QDateTime answeredAt; // UTC

    bool inRange() const { return score >= kLowest && score <= kHighest; }
    // The number a reply is when it is nothing but a whole number ("4", " 5 ", "3."); nullopt
    // for any other text. Whether it is within 1-5 is the caller's to judge, so that "7" can be
    // told from "see you".
    static std::optional<int> numberIn(const QString &reply);
};

} // namespace frontdesk
