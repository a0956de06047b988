#include "WorkstationAudit.h"

#include "access/AuditLog.h"
#include "database/Database.h"
#include "fhir/AuditEventMapping.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace frontdesk::server {

Result<WorkstationAudit::Head> WorkstationAudit::head(const QString &workstationId) const
{
    Head h;
    h.lastHash = AuditLog::genesisHash();
    auto q = m_db.query(QStringLiteral("SELECT count(*), COALESCE(max(seq), 0) FROM "
                                       "workstation_audit WHERE workstation_id = ?"),
                        {workstationId});
    if (!q)
        return fail(q.error());
    if (q->next()) {
        h.entries = q->value(0).toLongLong();
        h.lastSeq = q->value(1).toLongLong();
    }
    if (h.lastSeq > 0) {
        auto hash = m_db.scalar(QStringLiteral("SELECT hash FROM workstation_audit WHERE "
                                               "workstation_id = ? AND seq = ?"),
                                {workstationId, h.lastSeq});
        if (!hash)
            return fail(hash.error());
        h.lastHash = hash->toString();
    }
    return h;
}

WorkstationAudit::Upload WorkstationAudit::upload(const QString &workstationId,
                                                  const QJsonObject &bundle)
{
    Upload out;
    const auto refuse = [&out](int status, const QString &code, const QString &message) {
        out.status = status;
        out.code = code;
        out.message = message;
        out.accepted = 0;
        return out;
    };
    if (bundle.value(QStringLiteral("resourceType")).toString() != QLatin1String("Bundle") ||
        bundle.value(QStringLiteral("type")).toString() != QLatin1String("collection"))
        return refuse(400, QStringLiteral("invalid"),
                      tr("Upload the audit trail as a collection Bundle of AuditEvents."));
    const QJsonArray entries = bundle.value(QStringLiteral("entry")).toArray();
    if (entries.size() > maxEntriesPerUpload)
        return refuse(400, QStringLiteral("too-costly"),
                      tr("At most %1 audit entries go in one upload, not %2.")
                          .arg(maxEntriesPerUpload)
                          .arg(entries.size()));
    QList<std::pair<AuditEntry, QJsonObject>> events;
    for (int i = 0; i < entries.size(); ++i) {
        const QJsonObject event =
            entries.at(i).toObject().value(QStringLiteral("resource")).toObject();
        auto e = AuditEventMapping::fromFhir(event);
        if (!e)
            return refuse(400, QStringLiteral("invalid"),
                          tr("Entry %1 of the upload: %2").arg(i + 1).arg(e.error()));
        events.append({*e, event});
    }

    QString code;
    int status = 0;
    QString message;
    const Status written = m_db.write([&]() -> Status {
        auto held = head(workstationId);
        if (!held)
            return fail(held.error());
        Head h = *held;
        const auto stop = [&](int s, const QString &c, const QString &m) {
            status = s;
            code = c;
            message = m;
            return fail(m);
        };
        for (const auto &[e, event] : events) {
            if (e.computeHash() != e.hash)
                return stop(422, QStringLiteral("invariant"),
                            tr("Audit entry %1 (%2) does not match its hash: it was changed "
                               "after it was written.")
                                .arg(e.seq)
                                .arg(e.id));
            if (e.seq <= h.lastSeq) {
                auto stored = m_db.scalar(QStringLiteral("SELECT hash FROM workstation_audit "
                                                         "WHERE workstation_id = ? AND seq = ?"),
                                          {workstationId, e.seq});
                if (!stored)
                    return fail(stored.error());
                if (stored->toString() == e.hash)
                    continue;
                return stop(409, QStringLiteral("conflict"),
                            tr("Audit entry %1 differs from the copy this server holds: the "
                               "workstation's trail was changed after it was uploaded.")
                                .arg(e.seq));
            }
            if (e.seq != h.lastSeq + 1)
                return stop(409, QStringLiteral("conflict"),
                            tr("Audit entry %1 does not follow entry %2, the last this server "
                               "holds of this workstation: the entries between are missing.")
                                .arg(e.seq)
                                .arg(h.lastSeq));
            if (e.prevHash != h.lastHash)
                return stop(409, QStringLiteral("conflict"),
                            tr("Audit entry %1 does not point at entry %2 as this server holds "
                               "it: the workstation's trail was changed.")
                                .arg(e.seq)
                                .arg(h.lastSeq));
            if (auto q = m_db.query(
                    QStringLiteral("INSERT INTO workstation_audit (workstation_id, seq, entry_id, "
                                   "recorded_at, actor, patient_id, prev_hash, hash, event, "
                                   "received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    {workstationId, e.seq, e.id, e.recordedAt, e.actor, e.patientId, e.prevHash,
                     e.hash, QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact)),
                     m_db.clock().nowMs()});
                !q)
                return fail(q.error());
            h.lastSeq = e.seq;
            h.lastHash = e.hash;
            ++h.entries;
            ++out.accepted;
        }
        out.head = h;
        return {};
    });
    if (!written) {
        if (status != 0)
            return refuse(status, code, message);
        return refuse(500, QStringLiteral("exception"), written.error());
    }
    return out;
}

Result<QList<QJsonObject>> WorkstationAudit::events(const QString &patientId, const QString &actor,
                                                    int limit) const
{
    QStringList where;
    QVariantList binds;
    if (!patientId.isEmpty()) {
        where << QStringLiteral("a.patient_id = ?");
        binds << patientId;
    }
    if (!actor.isEmpty()) {
        where << QStringLiteral("a.actor = ?");
        binds << actor;
    }
    binds << limit;
    auto q = m_db.query(
        QStringLiteral("SELECT a.event, w.name, w.id FROM workstation_audit a "
                       "JOIN workstations w ON w.id = a.workstation_id %1 "
                       "ORDER BY a.recorded_at DESC, a.seq DESC LIMIT ?")
            .arg(where.isEmpty() ? QString()
                                 : QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND "))),
        binds);
    if (!q)
        return fail(q.error());
    QList<QJsonObject> out;
    while (q->next()) {
        QJsonObject event = QJsonDocument::fromJson(q->value(0).toString().toUtf8()).object();
        event.insert(
            QStringLiteral("source"),
            QJsonObject{
                {QStringLiteral("observer"),
                 QJsonObject{{QStringLiteral("reference"),
                              QStringLiteral("Device/") + q->value(2).toString()},
                             {QStringLiteral("display"),
                              tr("Frontdesk workstation %1").arg(q->value(1).toString())}}}});
        out.append(event);
    }
    return out;
}

} // namespace frontdesk::server
