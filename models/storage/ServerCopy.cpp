#include "ServerCopy.h"

#include "access/AccessGuard.h"
#include "database/Database.h"
#include "domain/RecordMeta.h"

#include <QHash>

namespace frontdesk {

namespace {

bool sameColumns(const QStringList &columns, const QVariantMap &values)
{
    if (columns.size() != values.size())
        return false;
    auto column = columns.begin();
    for (auto it = values.begin(); it != values.end(); ++it, ++column) {
        if (*column != it.key())
            return false;
    }
    return true;
}

} // namespace

ServerCopy::Statements::Statements(const QString &table, const QVariantMap &values)
    : columns(values.keys())
{
    const QStringList all = QStringList{QStringLiteral("id"),
                                        QStringLiteral("created_at"),
                                        QStringLiteral("updated_at"),
                                        QStringLiteral("version"),
                                        QStringLiteral("server_version"),
                                        QStringLiteral("sync_state")} +
                            columns;
    const QString text =
        QStringLiteral("INSERT %4 INTO %1 (%2) VALUES (%3)")
            .arg(table, all.join(QStringLiteral(", ")),
                 QStringList(all.size(), QStringLiteral("?")).join(QStringLiteral(", ")));
    insertOrIgnore = text.arg(QStringLiteral("OR IGNORE"));
    insert = text.arg(QString());
}

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
    // The statements of the set of columns written last to this table, made once: a new
    // workstation's first pull writes every record of the clinic here, a table's records with
    // the same columns, and making the text again for each took a fifth of the writing. A
    // tombstone inserts nothing and leaves them as they are.
    Statements statements; // shared with the kept ones, not copied; the hash may grow meanwhile
    if (!deleted) {
        thread_local QHash<QString, Statements> made;
        Statements &kept = made[m_table.name];
        if (kept.insert.isEmpty() || !sameColumns(kept.columns, values)) {
            for (auto it = values.begin(); it != values.end(); ++it) {
                if (!m_table.columns.contains(it.key()))
                    return fail(tr("%1 has no field %2.").arg(m_table.resourceType, it.key()));
            }
            kept = Statements(m_table.name, values);
        }
        statements = kept;
    }
    return m_db.write([&]() -> Status {
        const qint64 now = m_db.clock().nowMs();
        const auto failed = [this](const QString &error) {
            return fail(
                tr("Could not save the %1 from the server: %2").arg(m_table.resourceType, error));
        };
        // A new row first, and only if none took it, the row that is here (a tombstone
        // counts): a new workstation's first pull writes every record of the clinic this way,
        // one statement each. (SQLCipher 3.4's SQLite has no upsert.) The insert triggers of the
        // synced tables ignore what is there already anyway, so OR IGNORE changes nothing in them.
        QVariantList insertBinds;
        if (!deleted) {
            insertBinds.reserve(6 + values.size());
            insertBinds << id << now << now << 1 << QString::number(serverVersion)
                        << SyncState::synced();
            for (auto it = values.begin(); it != values.end(); ++it)
                insertBinds << it.value();
            // On statements the connection keeps: one per table and set of columns.
            auto inserted = m_db.exec(statements.insertOrIgnore, insertBinds);
            if (!inserted)
                return failed(inserted.error());
            if (*inserted > 0)
                return {};
        }
        // The local version moves on, so an editor holding the old one sees that it changed.
        QStringList columns{QStringLiteral("version = version + 1"),
                            QStringLiteral("updated_at = ?"), QStringLiteral("server_version = ?"),
                            QStringLiteral("sync_state = ?"), QStringLiteral("deleted = ?")};
        QVariantList binds{now, QString::number(serverVersion), SyncState::synced(),
                           deleted ? 1 : 0};
        for (auto it = values.begin(); it != values.end(); ++it) {
            columns << it.key() + QStringLiteral(" = ?");
            binds << it.value();
        }
        binds << id;
        auto updated = m_db.exec(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?")
                                     .arg(m_table.name, columns.join(QStringLiteral(", "))),
                                 binds);
        if (!updated)
            return failed(updated.error());
        // Neither: a delete of a record never here, which stays away; or a new row the
        // insert left out for another rule it breaks (a number used here already, an empty
        // required field), which the plain insert names.
        if (*updated > 0 || deleted)
            return {};
        auto named = m_db.exec(statements.insert, insertBinds);
        return named ? Status() : failed(named.error());
    });
}

} // namespace frontdesk
