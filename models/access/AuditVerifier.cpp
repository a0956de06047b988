#include "AuditVerifier.h"

#include "access/AuditLog.h"
#include "database/Database.h"

namespace frontdesk {

Result<AuditVerifier::Report> AuditVerifier::verify() const
{
    return verify(AuditAnchor::Reading{}, {});
}

Result<AuditVerifier::Report> AuditVerifier::verify(const AuditAnchor::Reading &anchor,
                                                    const QString &anchorName) const
{
    Report report;
    switch (anchor.state) {
    case AuditAnchor::State::None:
        report.anchor =
            anchorName.isEmpty()
                ? tr("the checkpoint inside the database only (no anchor outside it was given)")
                : tr("the checkpoint inside the database only: no anchor has been written yet "
                     "(%1)")
                      .arg(anchorName);
        break;
    case AuditAnchor::State::Valid:
        report.anchor = tr("the anchor at entry %1 (%2)").arg(anchor.head.seq).arg(anchorName);
        break;
    case AuditAnchor::State::Missing:
    case AuditAnchor::State::Forged:
        report.anchor = tr("none: the anchor is missing or forged (%1)").arg(anchorName);
        break;
    }
    auto q = m_db.query(
        QStringLiteral("SELECT %1 FROM audit_log ORDER BY seq").arg(AuditLog::columns()));
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
    QString hashAtAnchor = anchor.head.seq == 0 ? previousHash : QString();
    while (q->next()) {
        const AuditEntry e = AuditLog::entryFrom(*q);
        if (e.seq == anchor.head.seq)
            hashAtAnchor = e.hash;

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

    if (anchor.state == AuditAnchor::State::Missing || anchor.state == AuditAnchor::State::Forged)
        return broken(previousSeq, {}, anchor.problem);
    if (anchor.state == AuditAnchor::State::Valid) {
        if (anchor.head.seq > previousSeq)
            return broken(previousSeq + 1, {},
                          tr("The trail is shorter than its anchor: it ends at entry %1, the "
                             "anchor outside the database says entry %2. The newest entries were "
                             "removed.")
                              .arg(previousSeq)
                              .arg(anchor.head.seq));
        if (hashAtAnchor != anchor.head.hash)
            return broken(anchor.head.seq, {},
                          tr("Entry %1 is not the one the anchor outside the database recorded: "
                             "the trail was rewritten from there.")
                              .arg(anchor.head.seq));
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
