#pragma once

#include "core/Result.h"
#include "domain/SurveyAnswer.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace frontdesk {

// FHIR R4 JSON ⇄ SurveyAnswer. A QuestionnaireResponse rather than an Observation: the score is
// the patient's answer to a question the clinic asked, not a finding about the patient, and
// QuestionnaireResponse keeps the question's text beside the answer (item.text, answer
// valueInteger), who answered (source, the Patient) and when (authored); an Observation would
// put a satisfaction rating among the clinical record's vital signs and results. The
// questionnaire is questionnaire(); the appointment asked about, the survey Communication and the
// reply have no element of their own in R4, so they are extensions (appointmentUrl(),
// questionUrl(), replyUrl(): valueReference). status is always completed.
class SurveyAnswerMapping
{
    Q_DECLARE_TR_FUNCTIONS(SurveyAnswerMapping)
public:
    static QString questionnaire() { return QStringLiteral("urn:frontdesk:questionnaire:visit"); }
    static QString itemLinkId() { return QStringLiteral("score"); }
    static QString appointmentUrl() { return QStringLiteral("urn:frontdesk:survey-appointment"); }
    static QString questionUrl() { return QStringLiteral("urn:frontdesk:survey-question"); }
    static QString replyUrl() { return QStringLiteral("urn:frontdesk:survey-reply"); }

    static QJsonObject toFhir(const SurveyAnswer &a);
    static Result<SurveyAnswer> fromFhir(const QJsonObject &resource);
};

} // namespace frontdesk
