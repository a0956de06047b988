#include "PatientReplies.h"

#include "access/AccessGuard.h"
#include "access/Permissions.h"
#include "database/Database.h"
#include "domain/ReplyWords.h"
#include "storage/MessageRepository.h"

namespace frontdesk {

bool PatientReplies::needsAttention(const Message &m)
{
    return m.direction == QLatin1String("inbound") && !m.appointmentId.isEmpty() &&
           m.status == QLatin1String("received") && !m.meta.deleted &&
           !ReplyWords::confirms(m.body);
}

Result<QHash<QString, QList<PatientReplies::Reply>>>
PatientReplies::forAppointments(const QStringList &appointmentIds) const
{
    if (auto s = AccessGuard(m_db).requireRead(MessageRepository::table().resourceType); !s)
        return fail(s.error());
    QHash<QString, QList<Reply>> out;
    const Status read = m_db.eachIn(
        QStringLiteral("SELECT id, appointment_id, patient_id, body, coalesce(sent_at, created_at) "
                       "FROM messages WHERE deleted = 0 AND direction = 'inbound' AND status = "
                       "'received' AND appointment_id"),
        appointmentIds,
        [&](const QSqlQuery &q) {
            const QString text = q.value(3).toString();
            if (ReplyWords::confirms(text))
                return;
            const QString appointment = q.value(1).toString();
            out[appointment].append(
                {q.value(0).toString(), appointment, q.value(2).toString(), text,
                 QDateTime::fromMSecsSinceEpoch(q.value(4).toLongLong(), Qt::UTC)});
        },
        QStringLiteral(" ORDER BY coalesce(sent_at, created_at)"));
    if (!read)
        return fail(tr("Could not read the patients' replies: %1").arg(read.error()));
    return out;
}

Result<QHash<QString, QString>> PatientReplies::latest(const QList<AppointmentRow> &rows) const
{
    QHash<QString, QString> out;
    // A role that may not read messages sees the appointments without them.
    if (!AccessGuard(m_db).require(Permission::ViewMessages))
        return out;
    QStringList ids;
    ids.reserve(rows.size());
    for (const AppointmentRow &r : rows)
        ids << r.appointment.meta.id;
    auto replies = forAppointments(ids);
    if (!replies)
        return fail(replies.error());
    for (auto it = replies->cbegin(); it != replies->cend(); ++it)
        out.insert(it.key(), it->constLast().text);
    return out;
}

Result<int> PatientReplies::markHandled(const QString &appointmentId)
{
    auto replies = forAppointments({appointmentId});
    if (!replies)
        return fail(replies.error());
    const QList<Reply> open = replies->value(appointmentId);
    MessageRepository messages(m_db);
    const Status s = m_db.write([&]() -> Status {
        for (const Reply &r : open) {
            auto m = messages.get(r.messageId);
            if (!m)
                return fail(m.error());
            m->status = QStringLiteral("handled");
            if (auto saved = messages.save(*m); !saved)
                return fail(tr("Could not mark the reply handled: %1").arg(saved.error()));
        }
        return {};
    });
    if (!s)
        return fail(s.error());
    return int(open.size());
}

} // namespace frontdesk
