#include "SurveyReplies.h"

#include "AutomatedRecords.h"
#include "database/Database.h"
#include "domain/SurveyAnswer.h"
#include "fhir/CommunicationMapping.h"
#include "fhir/SurveyAnswerMapping.h"

#include <QTimeZone>
#include <QUuid>

namespace frontdesk::server {

Result<SurveyReplies::Outcome> SurveyReplies::answer(Message &inbound, int number,
                                                     qint64 askedAfterMs)
{
    Outcome outcome;
    AutomatedRecords records(m_db);
    auto messages = records.ofPatient(QStringLiteral("Communication"), inbound.patientId);
    if (!messages)
        return fail(messages.error());
    const qint64 now = m_db.clock().nowMs();
    const qint64 window = qint64(kWindowDays) * 24 * 60 * 60 * 1000;
    qint64 newest = -1;
    QString surveyId;
    Message survey;
    for (const StoredResource &r : *messages) {
        auto m = CommunicationMapping::messageFromFhir(r.content);
        if (!m || m->direction != QLatin1String("outbound") ||
            m->purpose != QLatin1String("survey") || !m->sentAt.isValid() ||
            (m->status != QLatin1String("sent") && m->status != QLatin1String("delivered")))
            continue;
        const qint64 sent = m->sentAt.toMSecsSinceEpoch();
        if (sent > now || now - sent > window || sent <= newest || sent < askedAfterMs)
            continue;
        newest = sent;
        surveyId = r.id;
        survey = *m;
    }
    if (surveyId.isEmpty()) {
        outcome.note = QStringLiteral("a number, but no survey of the last %1 days awaits an "
                                      "answer: left for a person")
                           .arg(kWindowDays);
        return outcome;
    }
    outcome.awaited = true;
    // A reply to the survey: the thread's purpose filter finds it, and the dashboard does not
    // read its "1" as a reminder's confirmation.
    inbound.purpose = QStringLiteral("survey");
    inbound.appointmentId = survey.appointmentId;
    outcome.appointmentId = survey.appointmentId;
    SurveyAnswer a;
    a.score = number;
    if (!a.inRange()) {
        outcome.note = QStringLiteral("%1 is not a survey answer from %2 to %3: left for a person")
                           .arg(number)
                           .arg(SurveyAnswer::kLowest)
                           .arg(SurveyAnswer::kHighest);
        return outcome;
    }
    if (inbound.meta.id.isEmpty())
        inbound.meta.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    a.patientId = inbound.patientId;
    a.appointmentId = survey.appointmentId;
    a.questionMessageId = surveyId;
    a.replyMessageId = inbound.meta.id;
    // The question is what the survey's text ends with (ReminderPlanner adds it last).
    a.question = survey.body.section(QLatin1Char('\n'), -1).trimmed();
    a.answeredAt = QDateTime::fromMSecsSinceEpoch(now, QTimeZone::utc());

    auto earlier = records.ofPatient(QStringLiteral("QuestionnaireResponse"), inbound.patientId);
    if (!earlier)
        return fail(earlier.error());
    QString answerId;
    for (const StoredResource &r : *earlier) {
        auto e = SurveyAnswerMapping::fromFhir(r.content);
        if (e && e->questionMessageId == surveyId)
            answerId = r.id;
    }
    a.meta.id = answerId;
    const QJsonObject detail{{QStringLiteral("automation"), QStringLiteral("survey-answer")},
                             {QStringLiteral("survey"), surveyId},
                             {QStringLiteral("appointment"), survey.appointmentId}};
    auto saved = records.save(
        QStringLiteral("QuestionnaireResponse"), answerId, SurveyAnswerMapping::toFhir(a),
        answerId.isEmpty() ? QStringLiteral("create") : QStringLiteral("update"), detail);
    if (!saved)
        return fail(saved.error());
    inbound.status = QStringLiteral("handled");
    outcome.recorded = true;
    outcome.note =
        QStringLiteral("survey answer recorded (QuestionnaireResponse/%1%2)")
            .arg(saved->id, answerId.isEmpty() ? QString() : QStringLiteral(", a new answer"));
    return outcome;
}

} // namespace frontdesk::server
