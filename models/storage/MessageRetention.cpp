#include "MessageRetention.h"

#include "access/AccessGuard.h"
#include "access/AuditLog.h"
#include "database/Database.h"
#include "storage/SharedSettings.h"

namespace frontdesk {

int MessageRetention::days(const Database &db)
{
    bool ok = false;
    const int value = db.setting(key()).toInt(&ok);
    return ok && value > 0 && value <= MaximumDays ? value : 0;
}

Status MessageRetention::setDays(Database &db, int days)
{
    if (auto s = AccessGuard(db).require(Permission::ManageSettings); !s)
        return s;
    if (days < 0 || days > MaximumDays)
        return fail(tr("Messages are kept from 1 to %1 days, or 0 for always.").arg(MaximumDays));
    const int before = MessageRetention::days(db);
    if (before == days)
        return {};
    return AuditLog(db).changeSetting(
        key(), before, days, [&] { return SharedSettings(db).set(key(), QString::number(days)); });
}

Result<qint64> MessageRetention::purge(Database &db)
{
    const int keepDays = days(db);
    if (keepDays == 0)
        return qint64(0);
    const qint64 cutoff = db.clock().nowMs() - qint64(keepDays) * 24 * 3600 * 1000;
    qint64 removed = 0;
    const Status s = db.write([&]() -> Status {
        // Only what the server already holds; nothing the outbox still has to send.
        const QString which = QStringLiteral(
            "FROM messages WHERE created_at < ? AND sync_state IN ('synced', 'demo') "
            "AND id NOT IN (SELECT resource_id FROM outbox WHERE resource_type = 'Communication')");
        auto n = db.scalar(QStringLiteral("SELECT count(*) ") + which, {cutoff});
        if (!n)
            return fail(n.error());
        removed = n->toLongLong();
        if (removed == 0)
            return {};
        if (auto q = db.query(QStringLiteral("DELETE ") + which, {cutoff}); !q)
            return fail(tr("Could not remove old messages: %1").arg(q.error()));
        AuditEntry entry;
        entry.action = QStringLiteral("purge");
        entry.entityType = QStringLiteral("Communication");
        entry.detail = {{QStringLiteral("removed"), removed},
                        {QStringLiteral("older_than_days"), keepDays},
                        {QStringLiteral("reason"), QStringLiteral("local-retention")}};
        if (auto a = AuditLog(db).append(entry); !a)
            return fail(a.error());
        return {};
    });
    if (!s)
        return fail(s.error());
    return removed;
}

} // namespace frontdesk
