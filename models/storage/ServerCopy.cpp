#include "ServerCopy.h"

#include "access/AccessGuard.h"
#include "database/Database.h"
#include "domain/RecordMeta.h"

namespace frontdesk {

Status ServerCopy::apply(const QString &id, const QVariantMap &values, qint64 serverVersion)
{
    return write(id, values, serverVersion, false);
}

Status ServerCopy::remove(const QString &id, qint64 serverVersion)
{
    return write(id, {}, serverVersion, true);
}

Status ServerCopy::write(const QString &id, const QVariantMap &values, qint64 serverVersion,
                         bool deleted)
{
    if (auto s = AccessGuard(m_db).requireWrite(m_table.resourceType); !s)
        return s;
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (!m_table.columns.contains(it.key()))
            return fail(tr("%1 has no field %2.").arg(m_table.resourceType, it.key()));
    }
    return m_db.write([&]() -> Status {
        // Only whether the row is here (a tombstone counts): a new workstation's first pull asks
        // this of every record it writes.
        auto existing = m_db.scalar(
            QStringLiteral("SELECT count(*) FROM %1 WHERE id = ?").arg(m_table.name), {id});
        if (!existing)
            return fail(existing.error());
        const qint64 now = m_db.clock().nowMs();
        QStringList columns;
        QVariantList binds;
        QString sql;
        if (existing->toLongLong() == 0) {
            if (deleted)
                return {};
            columns = QStringList{QStringLiteral("id"),
                                  QStringLiteral("created_at"),
                                  QStringLiteral("updated_at"),
                                  QStringLiteral("version"),
                                  QStringLiteral("server_version"),
                                  QStringLiteral("sync_state")};
            binds =
                QVariantList{id, now, now, 1, QString::number(serverVersion), SyncState::synced()};
            for (auto it = values.begin(); it != values.end(); ++it) {
                columns << it.key();
                binds << it.value();
            }
            sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                      .arg(m_table.name, columns.join(QStringLiteral(", ")),
                           QStringList(columns.size(), QStringLiteral("?"))
                               .join(QStringLiteral(", ")));
        } else {
            // The local version moves on, so an editor holding the old one sees that it changed.
            columns =
                QStringList{QStringLiteral("version = version + 1"),
                            QStringLiteral("updated_at = ?"), QStringLiteral("server_version = ?"),
                            QStringLiteral("sync_state = ?"), QStringLiteral("deleted = ?")};
            binds = QVariantList{now, QString::number(serverVersion), SyncState::synced(),
                                 deleted ? 1 : 0};
            for (auto it = values.begin(); it != values.end(); ++it) {
                columns << it.key() + QStringLiteral(" = ?");
                binds << it.value();
            }
            binds << id;
            sql = QStringLiteral("UPDATE %1 SET %2 WHERE id = ?")
                      .arg(m_table.name, columns.join(QStringLiteral(", ")));
        }
        // On a statement the connection keeps: one per table and set of columns.
        auto q = m_db.exec(sql, binds);
        if (!q)
            return fail(tr("Could not save the %1 from the server: %2")
                            .arg(m_table.resourceType, q.error()));
        return {};
    });
}

} // namespace frontdesk
