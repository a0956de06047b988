#include "MessageRepository.h"

#include "access/AccessGuard.h"

namespace frontdesk {

RecordStore::Table MessageRepository::table()
{
    return {QStringLiteral("messages"),
            QStringLiteral("Communication"),
            {QStringLiteral("patient_id"),     QStringLiteral("appointment_id"),
             QStringLiteral("direction"),      QStringLiteral("channel"),
             QStringLiteral("purpose"),        QStringLiteral("subject"),
             QStringLiteral("body"),           QStringLiteral("status"),
             QStringLiteral("sent_at"),        QStringLiteral("delivered_at"),
             QStringLiteral("failure_reason"), QStringLiteral("provider_message_id"),
             QStringLiteral("from_address"),   QStringLiteral("candidate_patient_ids"),
             QStringLiteral("author_id"),      QStringLiteral("author_name"),
             QStringLiteral("read_at"),        QStringLiteral("assigned_to"),
             QStringLiteral("assigned_name"),  QStringLiteral("template_name"),
             QStringLiteral("rule_name")},
            QStringLiteral("patient_id")};
}

MessageRepository::MessageRepository(Database &db) : Repository(db, table()) {}

QVariantMap MessageRepository::toValues(const Message &m) const
{
    const auto time = [](const QDateTime &t) {
        return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant();
    };
    return {
        {QStringLiteral("patient_id"), m.patientId.isEmpty() ? QVariant() : QVariant(m.patientId)},
        {QStringLiteral("appointment_id"),
         m.appointmentId.isEmpty() ? QVariant() : QVariant(m.appointmentId)},
        {QStringLiteral("direction"), m.direction},
        {QStringLiteral("channel"), m.channel},
        {QStringLiteral("purpose"), m.purpose},
        {QStringLiteral("subject"), m.subject},
        {QStringLiteral("body"), m.body},
        {QStringLiteral("status"), m.status},
        {QStringLiteral("sent_at"), time(m.sentAt)},
        {QStringLiteral("delivered_at"), time(m.deliveredAt)},
        {QStringLiteral("failure_reason"), m.failureReason},
        {QStringLiteral("provider_message_id"), m.providerMessageId},
        {QStringLiteral("from_address"), m.fromAddress},
        {QStringLiteral("candidate_patient_ids"), m.candidatePatientIds.join(QLatin1Char(','))},
        {QStringLiteral("author_id"), m.authorId},
        {QStringLiteral("author_name"), m.authorName},
        {QStringLiteral("read_at"), time(m.readAt)},
        {QStringLiteral("assigned_to"), m.assignedTo},
        {QStringLiteral("assigned_name"), m.assignedName},
        {QStringLiteral("template_name"), m.templateName},
        {QStringLiteral("rule_name"), m.ruleName}};
}

Message MessageRepository::fromRecord(const QSqlRecord &r) const
{
    Message m;
    m.meta = RecordStore::metaFrom(r);
    m.patientId = r.value(QStringLiteral("patient_id")).toString();
    m.appointmentId = r.value(QStringLiteral("appointment_id")).toString();
    m.direction = r.value(QStringLiteral("direction")).toString();
    m.channel = r.value(QStringLiteral("channel")).toString();
    m.purpose = r.value(QStringLiteral("purpose")).toString();
    m.subject = r.value(QStringLiteral("subject")).toString();
    m.body = r.value(QStringLiteral("body")).toString();
    m.status = r.value(QStringLiteral("status")).toString();
    const auto time = [&r](const char *column) {
        const QVariant v = r.value(QLatin1String(column));
        return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
    };
    m.sentAt = time("sent_at");
    m.deliveredAt = time("delivered_at");
    m.failureReason = r.value(QStringLiteral("failure_reason")).toString();
    m.providerMessageId = r.value(QStringLiteral("provider_message_id")).toString();
    m.fromAddress = r.value(QStringLiteral("from_address")).toString();
    m.candidatePatientIds = r.value(QStringLiteral("candidate_patient_ids"))
                                .toString()
                                .split(QLatin1Char(','), Qt::SkipEmptyParts);
    m.authorId = r.value(QStringLiteral("author_id")).toString();
    m.authorName = r.value(QStringLiteral("author_name")).toString();
    m.readAt = time("read_at");
    m.assignedTo = r.value(QStringLiteral("assigned_to")).toString();
    m.assignedName = r.value(QStringLiteral("assigned_name")).toString();
    m.templateName = r.value(QStringLiteral("template_name")).toString();
    m.ruleName = r.value(QStringLiteral("rule_name")).toString();
    return m;
}

Status MessageRepository::validate(const Message &m) const
{
    // Only an inbound message whose sender matched no patient, or several, has none.
    if (m.patientId.isEmpty() &&
        (m.direction != QLatin1String("inbound") || m.fromAddress.isEmpty()))
        return fail(tr("A message needs a patient."));
    if (m.channel != QLatin1String("sms") && m.channel != QLatin1String("email"))
        return fail(tr("A message goes by sms or email; got \"%1\".").arg(m.channel));
    return {};
}

Result<QList<MessageRow>> MessageRepository::recent(int limit) const
{
    if (auto s = AccessGuard(m_db).requireRead(m_store.table().resourceType); !s)
        return fail(s.error());
    auto q = m_db.query(
        QStringLiteral("SELECT %1, p.family_name || ', ' || p.given_name AS patient_name "
                       "FROM messages m LEFT JOIN patients p ON p.id = m.patient_id "
                       "WHERE m.deleted = 0 ORDER BY m.created_at DESC LIMIT ?")
            .arg(m_store.selectList(QStringLiteral("m"))),
        {limit});
    if (!q)
        return fail(q.error());
    QList<MessageRow> rows;
    while (q->next()) {
        const QSqlRecord r = q->record();
        rows.append({fromRecord(r), r.value(QStringLiteral("patient_name")).toString()});
    }
    return rows;
}

Result<QList<Message>> MessageRepository::thread(const QString &patientId)
{
    if (auto s = AccessGuard(m_db).requireRead(m_store.table().resourceType); !s)
        return fail(s.error());
    if (auto s = AccessGuard(m_db).openPatient(patientId); !s)
        return fail(s.error());
    auto q = m_db.query(QStringLiteral("SELECT %1 FROM messages m WHERE m.patient_id = ? AND "
                                       "m.deleted = 0 ORDER BY m.created_at DESC, m.id")
                            .arg(m_store.selectList(QStringLiteral("m"))),
                        {patientId});
    if (!q)
        return fail(q.error());
    QList<Message> messages;
    while (q->next())
        messages.append(fromRecord(q->record()));
    return messages;
}

} // namespace frontdesk
