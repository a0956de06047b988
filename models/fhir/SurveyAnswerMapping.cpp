#include "SurveyAnswerMapping.h"

#include "fhir/FhirJson.h"

#include <QJsonArray>

namespace frontdesk {

QJsonObject SurveyAnswerMapping::toFhir(const SurveyAnswer &a)
{
    QJsonArray extensions{
        FhirJson::extension(appointmentUrl(), QStringLiteral("valueReference"),
                            FhirJson::reference(QStringLiteral("Appointment"), a.appointmentId))};
    if (!a.questionMessageId.isEmpty())
        extensions.append(FhirJson::extension(
            questionUrl(), QStringLiteral("valueReference"),
            FhirJson::reference(QStringLiteral("Communication"), a.questionMessageId)));
    if (!a.replyMessageId.isEmpty())
        extensions.append(FhirJson::extension(
            replyUrl(), QStringLiteral("valueReference"),
            FhirJson::reference(QStringLiteral("Communication"), a.replyMessageId)));
    QJsonObject item{{QStringLiteral("linkId"), itemLinkId()},
                     {QStringLiteral("answer"),
                      QJsonArray{QJsonObject{{QStringLiteral("valueInteger"), a.score}}}}};
    // FHIR refuses an empty string: a question not known has no text element.
    if (!a.question.isEmpty())
        item.insert(QStringLiteral("text"), a.question);
    QJsonObject o{
        {QStringLiteral("resourceType"), QStringLiteral("QuestionnaireResponse")},
        {QStringLiteral("extension"), extensions},
        {QStringLiteral("questionnaire"), questionnaire()},
        {QStringLiteral("status"), QStringLiteral("completed")},
        {QStringLiteral("subject"), FhirJson::reference(QStringLiteral("Patient"), a.patientId)},
        {QStringLiteral("source"), FhirJson::reference(QStringLiteral("Patient"), a.patientId)},
        {QStringLiteral("authored"), FhirJson::instant(a.answeredAt)},
        {QStringLiteral("item"), QJsonArray{item}}};
    if (!a.meta.id.isEmpty())
        o.insert(QStringLiteral("id"), a.meta.id);
    return o;
}

Result<SurveyAnswer> SurveyAnswerMapping::fromFhir(const QJsonObject &o)
{
    if (auto s = FhirJson::expectType(o, QStringLiteral("QuestionnaireResponse")); !s)
        return fail(s.error());
    if (o.value(QStringLiteral("questionnaire")).toString() != questionnaire())
        return fail(tr("questionnaire must be %1.").arg(questionnaire()));
    SurveyAnswer a;
    a.meta.id = o.value(QStringLiteral("id")).toString();
    auto patient =
        FhirJson::referenceId(o.value(QStringLiteral("subject")).toObject(),
                              QStringLiteral("Patient"), QStringLiteral("subject"), true);
    if (!patient)
        return fail(patient.error());
    a.patientId = *patient;
    const auto reference = [&o](const QString &url, const QString &type,
                                bool required) -> Result<QString> {
        return FhirJson::referenceId(
            FhirJson::extensionValue(o, url, QStringLiteral("valueReference")).toObject(), type,
            url, required);
    };
    auto appointment = reference(appointmentUrl(), QStringLiteral("Appointment"), true);
    if (!appointment)
        return fail(appointment.error());
    a.appointmentId = *appointment;
    auto question = reference(questionUrl(), QStringLiteral("Communication"), false);
    if (!question)
        return fail(question.error());
    a.questionMessageId = *question;
    auto reply = reference(replyUrl(), QStringLiteral("Communication"), false);
    if (!reply)
        return fail(reply.error());
    a.replyMessageId = *reply;
    auto authored = FhirJson::readInstant(o, QStringLiteral("authored"));
    if (!authored)
        return fail(authored.error());
    a.answeredAt = *authored;
    QJsonObject item;
    for (const QJsonValue &v : o.value(QStringLiteral("item")).toArray()) {
        if (v.toObject().value(QStringLiteral("linkId")).toString() == itemLinkId())
            item = v.toObject();
    }
    if (item.isEmpty())
        return fail(tr("item %1 is missing.").arg(itemLinkId()));
    a.question = item.value(QStringLiteral("text")).toString();
    auto score = FhirJson::readInteger(item.value(QStringLiteral("answer"))
                                           .toArray()
                                           .at(0)
                                           .toObject()
                                           .value(QStringLiteral("valueInteger")),
                                       SurveyAnswer::kLowest, SurveyAnswer::kHighest,
                                       QStringLiteral("item.answer.valueInteger"));
    if (!score)
        return fail(score.error());
    a.score = *score;
    return a;
}

} // namespace frontdesk
