#include "RecordStore.h"

#include "access/AccessGuard.h"
#include "access/AuditLog.h"
#include "database/Database.h"
#include "storage/Outbox.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QSqlField>
#include <QUuid>

namespace frontdesk {

namespace {

const QStringList kMetaColumns{
    QStringLiteral("id"),      QStringLiteral("created_at"),     QStringLiteral("updated_at"),
    QStringLiteral("version"), QStringLiteral("server_version"), QStringLiteral("sync_state"),
    QStringLiteral("deleted")};

QJsonValue toJson(const QVariant &v)
{
    if (v.isNull())
        return QJsonValue::Null;
    return QJsonValue::fromVariant(v);
}

// Compare as stored: SQLite hands back integers where we bound bools, etc.
bool sameValue(const QVariant &a, const QVariant &b)
{
    if (a.isNull() || b.isNull())
        return a.isNull() == b.isNull() || (a.toString().isEmpty() && b.toString().isEmpty());
    return a.toString() == b.toString();
}

} // namespace

QString RecordStore::selectList(const QString &alias) const
{
    const QString prefix = alias.isEmpty() ? QString() : alias + QLatin1Char('.');
    QStringList all;
    for (const QString &c : kMetaColumns + m_table.columns)
        all << prefix + c;
    return all.join(QStringLiteral(", "));
}

RecordMeta RecordStore::metaFrom(const QSqlRecord &r)
{
    RecordMeta m;
    m.id = r.value(QStringLiteral("id")).toString();
    m.createdAt = r.value(QStringLiteral("created_at")).toLongLong();
    m.updatedAt = r.value(QStringLiteral("updated_at")).toLongLong();
    m.version = r.value(QStringLiteral("version")).toLongLong();
    m.serverVersion = r.value(QStringLiteral("server_version")).toString();
    m.syncState = r.value(QStringLiteral("sync_state")).toString();
    m.deleted = r.value(QStringLiteral("deleted")).toInt() != 0;
    return m;
}

QVariantMap RecordStore::currentValues(const QSqlRecord &record) const
{
    QVariantMap values;
    for (const QString &c : m_table.columns)
        values.insert(c, record.value(c));
    return values;
}

QString RecordStore::patientIdOf(const QString &id, const QVariantMap &values) const
{
    if (m_table.patientColumn.isEmpty())
        return {};
    if (m_table.patientColumn == QLatin1String("id"))
        return id;
    return values.value(m_table.patientColumn).toString();
}

Result<OutboxEntry> RecordStore::outboxEntry(const QString &id, const QVariantMap &values,
                                             OutboxEntry::Operation operation,
                                             const RecordMeta &meta) const
{
    OutboxEntry entry{0, {}, m_table.outboxType(), id, operation, meta.serverVersion, meta.version,
                      0, 0};
    if (m_table.partOfColumn.isEmpty())
        return entry;
    entry.resourceId = values.value(m_table.partOfColumn).toString();
    entry.operation = OutboxEntry::Operation::Update;
    // The table name is the Table's own, never input.
    auto owner = m_db.query(QStringLiteral("SELECT version, server_version FROM %1 WHERE id = ?")
                                .arg(m_table.partOfTable),
                            {entry.resourceId});
    if (!owner)
        return fail(owner.error());
    if (!owner->next())
        return fail(tr("The %1 %2 that this %3 belongs to does not exist.")
                        .arg(m_table.outboxType(), entry.resourceId, m_table.resourceType));
    entry.localVersion = owner->value(0).toLongLong();
    entry.baseVersion = owner->value(1).toString();
    return entry;
}

Result<std::optional<QSqlRecord>> RecordStore::fetch(const QString &id) const
{
    auto q = m_db.query(
        QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(selectList(), m_table.name), {id});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return std::optional<QSqlRecord>();
    return std::optional<QSqlRecord>(q->record());
}

Result<RecordMeta> RecordStore::insert(const QVariantMap &values, const QString &id)
{
    if (auto s = AccessGuard(m_db).requireWrite(m_table.resourceType); !s)
        return fail(s.error());
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (!m_table.columns.contains(it.key()))
            return fail(tr("%1 has no field %2.").arg(m_table.resourceType, it.key()));
    }
    RecordMeta meta;
    meta.id = id.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : id;
    meta.createdAt = meta.updatedAt = m_db.clock().nowMs();
    meta.version = 1;
    meta.syncState = SyncState::pending();

    const QStringList columns = QStringList{QStringLiteral("id"), QStringLiteral("created_at"),
                                            QStringLiteral("updated_at"), QStringLiteral("version"),
                                            QStringLiteral("sync_state")} +
                                values.keys();
    QVariantList binds{meta.id, meta.createdAt, meta.updatedAt, meta.version, meta.syncState};
    for (const QVariant &v : values)
        binds << v;
    const QString sql =
        QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
            .arg(m_table.name, columns.join(QStringLiteral(", ")),
                 QStringList(columns.size(), QStringLiteral("?")).join(QStringLiteral(", ")));

    const Status s = m_db.write([&]() -> Status {
        if (auto q = m_db.query(sql, binds); !q)
            return fail(tr("Could not save the new %1: %2").arg(m_table.resourceType, q.error()));
        auto queued = outboxEntry(meta.id, values, OutboxEntry::Operation::Create, meta);
        if (!queued)
            return fail(queued.error());
        if (auto o = Outbox(m_db).enqueue(*queued); !o)
            return o;
        QJsonObject after;
        for (auto it = values.begin(); it != values.end(); ++it)
            after.insert(it.key(), toJson(it.value()));
        AuditEntry entry;
        entry.action = QStringLiteral("create");
        entry.entityType = m_table.resourceType;
        entry.entityId = meta.id;
        entry.patientId = patientIdOf(meta.id, values);
        entry.detail = QJsonObject{{QStringLiteral("after"), after}};
        if (auto a = AuditLog(m_db).append(entry); !a)
            return fail(a.error());
        return {};
    });
    if (!s)
        return fail(s.error());
    return meta;
}

Result<RecordMeta> RecordStore::update(const QString &id, const QVariantMap &values,
                                       std::optional<qint64> expectedVersion)
{
    if (auto s = AccessGuard(m_db).requireWrite(m_table.resourceType); !s)
        return fail(s.error());
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (!m_table.columns.contains(it.key()))
            return fail(tr("%1 has no field %2.").arg(m_table.resourceType, it.key()));
    }
    RecordMeta meta;
    const Status s = m_db.write([&]() -> Status {
        auto existing = fetch(id);
        if (!existing)
            return fail(existing.error());
        if (!existing->has_value() || metaFrom(**existing).deleted)
            return fail(tr("The %1 %2 no longer exists.").arg(m_table.resourceType, id));
        const QSqlRecord &row = **existing;
        meta = metaFrom(row);
        if (expectedVersion && *expectedVersion != meta.version)
            return fail(tr("This %1 was changed by someone else since it was opened (version %2, "
                           "now %3). Reopen it to see their change, then edit again.")
                            .arg(m_table.resourceType)
                            .arg(*expectedVersion)
                            .arg(meta.version));
        const QVariantMap before = currentValues(row);
        QJsonObject changes;
        QStringList assignments;
        QVariantList binds;
        for (auto it = values.begin(); it != values.end(); ++it) {
            if (sameValue(before.value(it.key()), it.value()))
                continue;
            changes.insert(it.key(),
                           QJsonObject{{QStringLiteral("before"), toJson(before.value(it.key()))},
                                       {QStringLiteral("after"), toJson(it.value())}});
            assignments << it.key() + QStringLiteral(" = ?");
            binds << it.value();
        }
        if (assignments.isEmpty())
            return {};
        meta.version += 1;
        meta.updatedAt = m_db.clock().nowMs();
        meta.syncState = SyncState::pending();
        assignments << QStringLiteral("version = ?") << QStringLiteral("updated_at = ?")
                    << QStringLiteral("sync_state = ?");
        binds << meta.version << meta.updatedAt << meta.syncState << id;
        if (auto q = m_db.query(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?")
                                    .arg(m_table.name, assignments.join(QStringLiteral(", "))),
                                binds);
            !q)
            return fail(tr("Could not save the %1: %2").arg(m_table.resourceType, q.error()));
        QVariantMap merged = before;
        for (auto it = values.begin(); it != values.end(); ++it)
            merged.insert(it.key(), it.value());
        auto queued = outboxEntry(id, merged, OutboxEntry::Operation::Update, meta);
        if (!queued)
            return fail(queued.error());
        if (auto o = Outbox(m_db).enqueue(*queued); !o)
            return o;
        AuditEntry entry;
        entry.action = QStringLiteral("update");
        entry.entityType = m_table.resourceType;
        entry.entityId = id;
        entry.patientId = patientIdOf(id, merged);
        entry.detail = QJsonObject{{QStringLiteral("changes"), changes}};
        if (auto a = AuditLog(m_db).append(entry); !a)
            return fail(a.error());
        return {};
    });
    if (!s)
        return fail(s.error());
    return meta;
}

Result<RecordMeta> RecordStore::remove(const QString &id, std::optional<qint64> expectedVersion)
{
    if (auto s = AccessGuard(m_db).requireWrite(m_table.resourceType); !s)
        return fail(s.error());
    RecordMeta meta;
    const Status s = m_db.write([&]() -> Status {
        auto existing = fetch(id);
        if (!existing)
            return fail(existing.error());
        if (!existing->has_value())
            return fail(tr("The %1 %2 does not exist.").arg(m_table.resourceType, id));
        meta = metaFrom(**existing);
        if (meta.deleted)
            return {};
        if (expectedVersion && *expectedVersion != meta.version)
            return fail(tr("This %1 was changed by someone else since it was opened; reopen it "
                           "before deleting.")
                            .arg(m_table.resourceType));
        meta.version += 1;
        meta.updatedAt = m_db.clock().nowMs();
        meta.syncState = SyncState::pending();
        meta.deleted = true;
        if (auto q =
                m_db.query(QStringLiteral("UPDATE %1 SET deleted = 1, version = ?, updated_at = ?, "
                                          "sync_state = ? WHERE id = ?")
                               .arg(m_table.name),
                           {meta.version, meta.updatedAt, meta.syncState, id});
            !q)
            return fail(tr("Could not delete the %1: %2").arg(m_table.resourceType, q.error()));
        auto queued =
            outboxEntry(id, currentValues(**existing), OutboxEntry::Operation::Delete, meta);
        if (!queued)
            return fail(queued.error());
        if (auto o = Outbox(m_db).enqueue(*queued); !o)
            return o;
        AuditEntry entry;
        entry.action = QStringLiteral("delete");
        entry.entityType = m_table.resourceType;
        entry.entityId = id;
        entry.patientId = patientIdOf(id, currentValues(**existing));
        if (auto a = AuditLog(m_db).append(entry); !a)
            return fail(a.error());
        return {};
    });
    if (!s)
        return fail(s.error());
    return meta;
}

} // namespace frontdesk
