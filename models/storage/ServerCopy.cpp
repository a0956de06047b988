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
        const qint64 now = m_db.clock().nowMs();
        // The local version moves on, so an editor holding the old one sees that it changed.
        QStringList sets{QStringLiteral("version = version + 1"), QStringLiteral("updated_at = ?"),
                         QStringLiteral("server_version = ?"), QStringLiteral("sync_state = ?"),
                         QStringLiteral("deleted = ?")};
        QVariantList updateBinds{now, QString::number(serverVersion), SyncState::synced(),
                                 deleted ? 1 : 0};
        for (auto it = values.begin(); it != values.end(); ++it) {
            sets << it.key() + QStringLiteral(" = ?");
            updateBinds << it.value();
        }
        updateBinds << id;
        const QString update = QStringLiteral("UPDATE %1 SET %2 WHERE id = ?")
                                   .arg(m_table.name, sets.join(QStringLiteral(", ")));
        const auto failed = [this](const QString &error) {
            return fail(
                tr("Could not save the %1 from the server: %2").arg(m_table.resourceType, error));
        };
        // A tombstone of a record this workstation never had leaves nothing behind.
        if (deleted) {
            auto q = m_db.exec(update, updateBinds);
            return q ? Status() : failed(q.error());
        }
        QStringList columns{QStringLiteral("id"),
                            QStringLiteral("created_at"),
                            QStringLiteral("updated_at"),
                            QStringLiteral("version"),
                            QStringLiteral("server_version"),
                            QStringLiteral("sync_state")};
        QVariantList insertBinds{
            id, now, now, 1, QString::number(serverVersion), SyncState::synced()};
        for (auto it = values.begin(); it != values.end(); ++it) {
            columns << it.key();
            insertBinds << it.value();
        }
        // On statements the connection keeps: one per table and set of columns.
        const QString insert =
            QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                .arg(m_table.name, columns.join(QStringLiteral(", ")),
                     QStringList(columns.size(), QStringLiteral("?")).join(QStringLiteral(", ")));
        auto written = insertElseUpdate(m_db, insert, insertBinds, update, updateBinds);
        return written ? Status() : failed(written.error());
    });
}

Result<bool> ServerCopy::insertElseUpdate(Database &db, const QString &insert,
                                          const QVariantList &insertValues, const QString &update,
                                          const QVariantList &updateValues)
{
    const QLatin1String plain("INSERT INTO ");
    if (!insert.startsWith(plain) || db.dialect() != Database::Dialect::SqlCipher)
        return fail(tr("Not an INSERT for the workstation's database: %1").arg(insert));
    auto inserted =
        db.exec(QStringLiteral("INSERT OR IGNORE INTO ") + insert.mid(plain.size()), insertValues);
    if (!inserted)
        return fail(inserted.error());
    if (*inserted > 0)
        return true;
    auto updated = db.exec(update, updateValues);
    if (!updated)
        return fail(updated.error());
    if (*updated > 0)
        return false;
    auto refused = db.exec(insert, insertValues);
    if (!refused)
        return fail(refused.error());
    return true;
}

} // namespace frontdesk
