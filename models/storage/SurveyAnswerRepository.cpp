#include "SurveyAnswerRepository.h"

#include <QTimeZone>

namespace frontdesk {

RecordStore::Table SurveyAnswerRepository::table()
{
    return {QStringLiteral("survey_answers"),
            QStringLiteral("SurveyAnswer"),
            {QStringLiteral("patient_id"), QStringLiteral("appointment_id"),
             QStringLiteral("question_message_id"), QStringLiteral("reply_message_id"),
             QStringLiteral("question"), QStringLiteral("score"), QStringLiteral("answered_at")},
            QStringLiteral("patient_id"),
            QStringLiteral("QuestionnaireResponse")};
}

SurveyAnswerRepository::SurveyAnswerRepository(Database &db) : Repository(db, table()) {}

QVariantMap SurveyAnswerRepository::toValues(const SurveyAnswer &a) const
{
    return {{QStringLiteral("patient_id"), a.patientId},
            {QStringLiteral("appointment_id"), a.appointmentId},
            {QStringLiteral("question_message_id"), a.questionMessageId},
            {QStringLiteral("reply_message_id"), a.replyMessageId},
            {QStringLiteral("question"), a.question},
            {QStringLiteral("score"), a.score},
            {QStringLiteral("answered_at"), a.answeredAt.toMSecsSinceEpoch()}};
}

SurveyAnswer SurveyAnswerRepository::fromRecord(const QSqlRecord &r) const
{
    SurveyAnswer a;
    a.meta = RecordStore::metaFrom(r);
    a.patientId = r.value(QStringLiteral("patient_id")).toString();
    a.appointmentId = r.value(QStringLiteral("appointment_id")).toString();
    a.questionMessageId = r.value(QStringLiteral("question_message_id")).toString();
    a.replyMessageId = r.value(QStringLiteral("reply_message_id")).toString();
    a.question = r.value(QStringLiteral("question")).toString();
    a.score = r.value(QStringLiteral("score")).toInt();
    a.answeredAt = QDateTime::fromMSecsSinceEpoch(
        r.value(QStringLiteral("answered_at")).toLongLong(), QTimeZone::utc());
    return a;
}

Status SurveyAnswerRepository::validate(const SurveyAnswer &a) const
{
    if (a.patientId.isEmpty())
        return fail(tr("A survey answer needs a patient."));
    if (!a.inRange())
        return fail(tr("A survey answer is a score from %1 to %2; got %3.")
                        .arg(SurveyAnswer::kLowest)
                        .arg(SurveyAnswer::kHighest)
                        .arg(a.score));
    if (!a.answeredAt.isValid())
        return fail(tr("A survey answer needs the time it was given."));
    return {};
}

Result<QList<SurveyAnswer>> SurveyAnswerRepository::answered(const QDateTime &fromUtc,
                                                             const QDateTime &toUtc,
                                                             const QString &patientId) const
{
    if (patientId.isEmpty())
        return select(QStringLiteral("WHERE deleted = 0 AND answered_at >= ? AND answered_at < ? "
                                     "ORDER BY answered_at, id"),
                      {fromUtc.toMSecsSinceEpoch(), toUtc.toMSecsSinceEpoch()});
    return select(QStringLiteral("WHERE deleted = 0 AND answered_at >= ? AND answered_at < ? AND "
                                 "patient_id = ? ORDER BY answered_at, id"),
                  {fromUtc.toMSecsSinceEpoch(), toUtc.toMSecsSinceEpoch(), patientId});
}

Result<QList<SurveyAnswer>> SurveyAnswerRepository::ofPatient(const QString &patientId) const
{
    return select(QStringLiteral("WHERE deleted = 0 AND patient_id = ? ORDER BY answered_at, id"),
                  {patientId});
}

} // namespace frontdesk
