#include "PatientReplies.h"

#include "access/AccessGuard.h"
#include "access/Permissions.h"
#include "database/Database.h"
#include "domain/ReplyWords.h"
#include "storage/MessageRepository.h"

namespace frontdesk {

namespace {
// SQLite 3.15 allows at most 999 bound values in one statement.
constexpr qsizetype kBatch = 500;
} // namespace

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
    for (qsizetype from = 0; from < appointmentIds.size(); from += kBatch) {
        const QStringList batch = appointmentIds.mid(from, kBatch);
        QVariantList binds(batch.cbegin(), batch.cend());
        // Only the number of placeholders is spliced in, never a value.
        auto q = m_db.query(
            QStringLiteral("SELECT id, appointment_id, patient_id, body, "
                           "coalesce(sent_at, created_at) FROM messages WHERE deleted = 0 AND "
                           "direction = 'inbound' AND status = 'received' AND appointment_id IN "
                           "(%1) ORDER BY coalesce(sent_at, created_at)")
                .arg(QStringList(batch.size(), QStringLiteral("?")).join(QStringLiteral(", "))),
            binds);
        if (!q)
            return fail(tr("Could not read the patients' replies: %1").arg(q.error()));
        while (q->next()) {
            const QString text = q->value(3).toString();
            if (ReplyWords::confirms(text))
                continue;
            const QString appointment = q->value(1).toString();
            out[appointment].append(
                {q->value(0).toString(), appointment, q->value(2).toString(), text,
                 QDateTime::fromMSecsSinceEpoch(q->value(4).toLongLong(), Qt::UTC)});
        }
    }
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
