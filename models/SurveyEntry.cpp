#include "SurveyEntry.h"

#include "ClinicSettings.h"
#include "MessageComposer.h"
#include "database/Database.h"
#include "domain/AppointmentLabels.h"
#include "storage/AppointmentRepository.h"
#include "storage/MessageRepository.h"
#include "storage/SurveyAnswerRepository.h"

#include <QHash>

#include <algorithm>

namespace frontdesk {

namespace {

// The newest survey sent about each visit, and each visit's recorded answer.
struct Asked
{
    QString messageId;
    QString question;
    QDateTime at;
};

} // namespace

Result<QList<SurveyVisit>> SurveyEntry::visits(const QString &patientId) const
{
    auto all = AppointmentRepository(m_db).forPatient(patientId);
    if (!all)
        return fail(all.error());
    auto thread = MessageRepository(m_db).thread(patientId);
    if (!thread)
        return fail(thread.error());
    QHash<QString, Asked> asked;
    for (const Message &m : std::as_const(*thread)) {
        if (m.direction != QLatin1String("outbound") || m.purpose != QLatin1String("survey") ||
            m.appointmentId.isEmpty())
            continue;
        const Asked previous = asked.value(m.appointmentId);
        if (previous.messageId.isEmpty() || m.when() > previous.at)
            asked.insert(m.appointmentId,
                         {m.meta.id, m.body.section(QLatin1Char('\n'), -1).trimmed(), m.when()});
    }
    auto answers = SurveyAnswerRepository(m_db).ofPatient(patientId);
    if (!answers)
        return fail(answers.error());
    QHash<QString, int> scores;
    for (const SurveyAnswer &a : std::as_const(*answers))
        scores.insert(a.appointmentId, a.score);

    const ClinicSettings clinic(m_db);
    const QDateTime now = clinic.nowUtc();
    QList<SurveyVisit> visits;
    for (const Appointment &a : std::as_const(*all)) {
        if (a.meta.deleted || a.status != AppointmentStatus::Completed ||
            a.start < now.addDays(-recentDays) || a.start > now)
            continue;
        SurveyVisit v;
        v.appointmentId = a.meta.id;
        v.startUtc = a.start;
        v.label = MessageComposer::appointmentLabel(m_db, clinic, a);
        v.surveyMessageId = asked.value(a.meta.id).messageId;
        v.question = asked.value(a.meta.id).question;
        if (scores.contains(a.meta.id))
            v.score = scores.value(a.meta.id);
        visits.append(v);
    }
    std::sort(visits.begin(), visits.end(),
              [](const SurveyVisit &x, const SurveyVisit &y) { return x.startUtc > y.startUtc; });
    return visits;
}

Result<SurveyAnswer> SurveyEntry::record(const QString &patientId, const QString &appointmentId,
                                         int score)
{
    if (score < SurveyAnswer::kLowest || score > SurveyAnswer::kHighest)
        return fail(tr("A survey answer is a score from %1 to %2, not %3.")
                        .arg(SurveyAnswer::kLowest)
                        .arg(SurveyAnswer::kHighest)
                        .arg(score));
    auto appointment = AppointmentRepository(m_db).get(appointmentId);
    if (!appointment)
        return fail(appointment.error());
    if (appointment->patientId != patientId || appointment->meta.deleted)
        return fail(tr("The appointment %1 is not one of this patient's.").arg(appointmentId));
    if (appointment->status != AppointmentStatus::Completed)
        return fail(tr("The appointment is not a completed visit (it is %1): a survey asks about "
                       "a visit that took place.")
                        .arg(AppointmentLabels::status(appointment->status)));
    auto visits = this->visits(patientId);
    if (!visits)
        return fail(visits.error());
    const auto visit = std::find_if(visits->cbegin(), visits->cend(), [&](const SurveyVisit &v) {
        return v.appointmentId == appointmentId;
    });

    SurveyAnswer answer;
    auto answers = SurveyAnswerRepository(m_db).ofPatient(patientId);
    if (!answers)
        return fail(answers.error());
    for (const SurveyAnswer &a : std::as_const(*answers)) {
        if (a.appointmentId == appointmentId)
            answer = a; // newest last: the one a second answer replaces
    }
    answer.patientId = patientId;
    answer.appointmentId = appointmentId;
    if (visit != visits->cend() && !visit->surveyMessageId.isEmpty()) {
        answer.questionMessageId = visit->surveyMessageId;
        answer.question = visit->question;
    }
    // Answered by phone or at the desk: no reply message.
    answer.replyMessageId.clear();
    answer.score = score;
    answer.answeredAt = m_db.clock().nowUtc();
    if (const Status saved = SurveyAnswerRepository(m_db).save(answer); !saved)
        return fail(saved.error());
    return answer;
}

} // namespace frontdesk
