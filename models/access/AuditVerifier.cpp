#include "AuditVerifier.h"

#include "access/AuditLog.h"
#include "database/Database.h"

#include <QJsonDocument>

namespace frontdesk {

Result<AuditVerifier::Report> AuditVerifier::verify() const
{
    Report report;
    auto q = m_db.query(QStringLiteral("SELECT seq, id, recorded_at, actor, actor_kind, action, "
                                       "entity_type, entity_id, patient_id, outcome, detail, "
                                       "prev_hash, hash FROM audit_log ORDER BY seq"));
    if (!q)
        return fail(tr("Could not read the audit trail: %1").arg(q.error()));
    const auto broken = [&report](qint64 seq, const QString &id, const QString &problem) {
        report.intact = false;
        report.brokenSeq = seq;
        report.brokenId = id;
        report.problem = problem;
        return report;
    };
    QString previousHash = AuditLog::genesisHash();
    qint64 previousSeq = 0;
    while (q->next()) {
        AuditEntry e;
        e.seq = q->value(0).toLongLong();
        e.id = q->value(1).toString();
        e.recordedAt = q->value(2).toLongLong();
        e.actor = q->value(3).toString();
        e.actorKind = q->value(4).toString();
        e.action = q->value(5).toString();
        e.entityType = q->value(6).toString();
        e.entityId = q->value(7).toString();
        e.patientId = q->value(8).toString();
        e.outcome = q->value(9).toString();
        e.detail = QJsonDocument::fromJson(q->value(10).toString().toUtf8()).object();
        e.prevHash = q->value(11).toString();
        e.hash = q->value(12).toString();

        if (e.seq != previousSeq + 1)
            return broken(previousSeq + 1, {},
                          e.seq == previousSeq + 2
                              ? tr("Entry %1 is missing: it was deleted.").arg(previousSeq + 1)
                              : tr("Entries %1 to %2 are missing: they were deleted.")
                                    .arg(previousSeq + 1)
                                    .arg(e.seq - 1));
        if (e.computeHash() != e.hash)
            return broken(e.seq, e.id,
                          tr("Entry %1 (%2) was edited: its content no longer matches its hash.")
                              .arg(e.seq)
                              .arg(e.id));
        if (e.prevHash != previousHash)
            return broken(e.seq, e.id,
                          previousSeq == 0
                              ? tr("Entry %1 (%2) should start the chain but points at another "
                                   "entry: the entries before it were removed.")
                                    .arg(e.seq)
                                    .arg(e.id)
                              : tr("Entry %1 (%2) does not follow entry %3: entry %3 was "
                                   "replaced or rewritten.")
                                    .arg(e.seq)
                                    .arg(e.id)
                                    .arg(previousSeq));
        previousHash = e.hash;
        previousSeq = e.seq;
        ++report.entries;
        report.lastSeq = e.seq;
    }

    auto checkpoint =
        m_db.query(QStringLiteral("SELECT last_seq, last_hash, entries FROM audit_checkpoint "
                                  "WHERE id = 1"));
    if (!checkpoint)
        return fail(tr("Could not read the audit checkpoint: %1").arg(checkpoint.error()));
    if (!checkpoint->next())
        return broken(previousSeq + 1, {},
                      tr("The audit checkpoint is missing, so removed newest entries could not "
                         "be noticed."));
    const qint64 lastSeq = checkpoint->value(0).toLongLong();
    const QString lastHash = checkpoint->value(1).toString();
    const qint64 entries = checkpoint->value(2).toLongLong();
    if (lastSeq > previousSeq)
        return broken(previousSeq + 1, {},
                      lastSeq == previousSeq + 1
                          ? tr("Entry %1, the newest, is missing: it was deleted.").arg(lastSeq)
                          : tr("Entries %1 to %2, the newest, are missing: they were deleted.")
                                .arg(previousSeq + 1)
                                .arg(lastSeq));
    if (lastSeq != previousSeq || lastHash != previousHash || entries != report.entries)
        return broken(lastSeq, {},
                      tr("The chain's end (entry %1, %2 entries) does not match the checkpoint "
                         "(entry %3, %4 entries): the trail or its checkpoint was altered.")
                          .arg(previousSeq)
                          .arg(report.entries)
                          .arg(lastSeq)
                          .arg(entries));
    return report;
}

} // namespace frontdesk
