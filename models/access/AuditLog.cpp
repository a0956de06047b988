#include "AuditLog.h"

#include "access/AuditRedaction.h"
#include "database/Database.h"

#include <QJsonDocument>
#include <QUuid>

namespace frontdesk {

QString AuditLog::columns()
{
    return QStringLiteral("seq, id, recorded_at, actor, actor_kind, action, entity_type, "
                          "entity_id, patient_id, outcome, detail, prev_hash, hash");
}

AuditEntry AuditLog::entryFrom(const QSqlQuery &row)
{
    AuditEntry e;
    e.seq = row.value(0).toLongLong();
    e.id = row.value(1).toString();
    e.recordedAt = row.value(2).toLongLong();
    e.actor = row.value(3).toString();
    e.actorKind = row.value(4).toString();
    e.action = row.value(5).toString();
    e.entityType = row.value(6).toString();
    e.entityId = row.value(7).toString();
    e.patientId = row.value(8).toString();
    e.outcome = row.value(9).toString();
    e.detail = QJsonDocument::fromJson(row.value(10).toString().toUtf8()).object();
    e.prevHash = row.value(11).toString();
    e.hash = row.value(12).toString();
    return e;
}

Status AuditLog::seal(AuditEntry &entry, const QString &previousHash,
                      AuditRedaction &redaction) const
{
    entry.prevHash = previousHash;
    // Every entry passes here, so no caller can put a note or a message body in the trail.
    auto redacted = redaction.redact(entry.entityType, entry.detail);
    if (!redacted)
        return fail(tr("Could not write the audit trail: %1").arg(redacted.error()));
    entry.detail = *redacted;
    if (entry.id.isEmpty())
        entry.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    entry.recordedAt = m_db.clock().nowMs();
    entry.actor = m_db.actor().name;
    entry.actorKind = m_db.actor().kindName();
    entry.hash = entry.computeHash();
    return {};
}

Result<AuditEntry> AuditLog::append(AuditEntry entry)
{
    AuditEntry result;
    bool committing = false;
    const Status s = m_db.write([&]() -> Status {
        auto last =
            m_db.scalar(QStringLiteral("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
        if (!last)
            return fail(tr("Could not read the audit trail: %1").arg(last.error()));
        AuditRedaction redaction(m_db);
        if (auto sealed =
                seal(entry, last->isValid() ? last->toString() : genesisHash(), redaction);
            !sealed)
            return sealed;
        auto q = m_db.insert(
            QStringLiteral("INSERT INTO audit_log (id, recorded_at, actor, actor_kind, action, "
                           "entity_type, entity_id, patient_id, outcome, detail, prev_hash, hash) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {entry.id, entry.recordedAt, entry.actor, entry.actorKind, entry.action,
             entry.entityType, entry.entityId, entry.patientId, entry.outcome,
             QString::fromUtf8(QJsonDocument(entry.detail).toJson(QJsonDocument::Compact)),
             entry.prevHash, entry.hash});
        if (!q)
            return fail(tr("Could not write the audit trail: %1").arg(q.error()));
        entry.seq = *q;
        result = entry;
        committing = true;
        return {};
    });
    // Every access to patient data is audited first, so a read can fail here too (a full disk):
    // the message must not claim that something was being saved.
    if (!s) {
        if (!committing)
            return fail(s.error());
        return fail(
            tr("The audit trail could not record this, so it was not done: %1").arg(s.error()));
    }
    return result;
}

Status AuditLog::appendAll(QList<AuditEntry> entries)
{
    if (entries.isEmpty())
        return {};
    const Status s = m_db.write([&]() -> Status {
        auto last =
            m_db.scalar(QStringLiteral("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
        if (!last)
            return fail(tr("Could not read the audit trail: %1").arg(last.error()));
        QString previous = last->isValid() ? last->toString() : genesisHash();
        AuditRedaction redaction(m_db);
        QVariantList values;
        values.reserve(entries.size() * 12);
        for (AuditEntry &entry : entries) {
            if (auto sealed = seal(entry, previous, redaction); !sealed)
                return sealed;
            previous = entry.hash;
            values << entry.id << entry.recordedAt << entry.actor << entry.actorKind << entry.action
                   << entry.entityType << entry.entityId << entry.patientId << entry.outcome
                   << QString::fromUtf8(QJsonDocument(entry.detail).toJson(QJsonDocument::Compact))
                   << entry.prevHash << entry.hash;
        }
        // The sequence numbers follow the rows' order, so the chain reads in that order.
        if (auto q = m_db.insertRows(
                QStringLiteral("audit_log (id, recorded_at, actor, actor_kind, action, "
                               "entity_type, entity_id, patient_id, outcome, detail, prev_hash, "
                               "hash)"),
                12, values);
            !q)
            return fail(tr("Could not write the audit trail: %1").arg(q.error()));
        return {};
    });
    if (!s)
        return fail(
            tr("The audit trail could not record this, so it was not done: %1").arg(s.error()));
    return {};
}

Status AuditLog::changeSetting(const QString &key, int before, int after)
{
    return changeSetting(key, before, after,
                         [&] { return m_db.setSetting(key, QString::number(after)); });
}

Status AuditLog::changeSetting(const QString &key, const QJsonValue &before,
                               const QJsonValue &after, const std::function<Status()> &write)
{
    return m_db.write([&]() -> Status {
        if (auto s = write(); !s)
            return s;
        AuditEntry entry;
        entry.action = QStringLiteral("settings-change");
        entry.entityType = QStringLiteral("Setting");
        entry.entityId = key;
        entry.detail = {{QStringLiteral("changes"),
                         QJsonObject{{key, QJsonObject{{QStringLiteral("before"), before},
                                                       {QStringLiteral("after"), after}}}}}};
        if (auto a = append(entry); !a)
            return fail(a.error());
        return {};
    });
}

Result<qint64> AuditLog::count() const
{
    auto v = m_db.scalar(QStringLiteral("SELECT count(*) FROM audit_log"));
    if (!v)
        return fail(v.error());
    return v->toLongLong();
}

Result<QList<AuditEntry>> AuditLog::after(qint64 seq, int limit) const
{
    auto q =
        m_db.query(QStringLiteral("SELECT %1 FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?")
                       .arg(columns()),
                   {seq, limit});
    if (!q)
        return fail(q.error());
    QList<AuditEntry> out;
    while (q->next())
        out.append(entryFrom(*q));
    return out;
}

Result<std::optional<AuditEntry>> AuditLog::at(qint64 seq) const
{
    auto q =
        m_db.query(QStringLiteral("SELECT %1 FROM audit_log WHERE seq = ?").arg(columns()), {seq});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return std::optional<AuditEntry>();
    return std::optional<AuditEntry>(entryFrom(*q));
}

} // namespace frontdesk
