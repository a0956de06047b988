#include "ResourceStore.h"

#include "database/Database.h"
#include "dispatch/DispatchQueue.h"
#include "fhir/FhirJson.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>

namespace frontdesk::server {

namespace {

const QString kColumns =
    QStringLiteral("type, id, version_id, seq, last_updated, deleted, content, changed_by");

StoredResource fromRow(const QSqlQuery &q, const QString &method = {})
{
    StoredResource r;
    r.type = q.value(0).toString();
    r.id = q.value(1).toString();
    r.versionId = q.value(2).toLongLong();
    r.seq = q.value(3).toLongLong();
    r.lastUpdated = q.value(4).toLongLong();
    r.deleted = q.value(5).toInt() != 0;
    r.content = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
    r.changedBy = q.value(7).toString();
    r.method = method;
    return r;
}

} // namespace

QJsonObject StoredResource::withMeta() const
{
    QJsonObject o = content;
    o.insert(
        QStringLiteral("meta"),
        QJsonObject{
            {QStringLiteral("versionId"), QString::number(versionId)},
            {QStringLiteral("lastUpdated"),
             QDateTime::fromMSecsSinceEpoch(lastUpdated, Qt::UTC).toString(Qt::ISODateWithMs)}});
    if (!changedBy.isEmpty()) {
        QJsonObject meta = o.value(QStringLiteral("meta")).toObject();
        meta.insert(QStringLiteral("extension"),
                    QJsonArray{FhirJson::extension(FhirJson::changedByUrl(),
                                                   QStringLiteral("valueString"), changedBy)});
        o.insert(QStringLiteral("meta"), meta);
    }
    return o;
}

QByteArray StoredResource::etag() const
{
    return "W/\"" + QByteArray::number(versionId) + '"';
}

Result<std::optional<StoredResource>> ResourceStore::current(const QString &type,
                                                             const QString &id) const
{
    std::optional<StoredResource> found;
    if (auto s = m_db.each(
            QStringLiteral("SELECT %1 FROM resources WHERE type = ? AND id = ?").arg(kColumns),
            {type, id},
            [&](const QSqlQuery &q) {
                found = fromRow(q);
                return false;
            });
        !s)
        return fail(s.error());
    return found;
}

Result<std::optional<StoredResource>> ResourceStore::version(const QString &type, const QString &id,
                                                             qint64 versionId) const
{
    auto q = m_db.query(QStringLiteral("SELECT %1, method FROM resource_versions WHERE type = ? "
                                       "AND id = ? AND version_id = ?")
                            .arg(kColumns),
                        {type, id, versionId});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return std::optional<StoredResource>();
    return std::optional<StoredResource>(fromRow(*q, q->value(7).toString()));
}

Result<qint64> ResourceStore::nextSeq()
{
    // The row stays locked until the transaction ends (see the schema): numbers commit in order.
    // PostgreSQL answers in one round trip; Debian 12's SQLCipher 3.4 (SQLite 3.15) has no
    // UPDATE … RETURNING, so the file takes two statements.
    if (m_db.dialect() == Database::Dialect::PostgreSql) {
        auto v = m_db.scalar(QStringLiteral("UPDATE change_sequence SET value = value + 1 WHERE "
                                            "id = ? RETURNING value"),
                             {1});
        if (!v)
            return fail(v.error());
        return v->toLongLong();
    }
    if (auto q = m_db.exec(QStringLiteral("UPDATE change_sequence SET value = value + 1 WHERE "
                                          "id = 1"));
        !q)
        return fail(q.error());
    auto v = m_db.scalar(QStringLiteral("SELECT value FROM change_sequence WHERE id = 1"));
    if (!v)
        return fail(v.error());
    return v->toLongLong();
}

Result<qint64> ResourceStore::lastSeq() const
{
    auto v = m_db.scalar(QStringLiteral("SELECT value FROM change_sequence WHERE id = 1"));
    if (!v)
        return fail(v.error());
    return v->toLongLong();
}

Status ResourceStore::reindex(const QString &type, const QString &id,
                              const IndexedResource *resource, bool indexedBefore)
{
    // A resource stored for the first time has nothing to take out of the indexes.
    if (indexedBefore) {
        if (auto q = m_db.exec(
                QStringLiteral("DELETE FROM search_tokens WHERE type = ? AND id = ?"), {type, id});
            !q)
            return fail(q.error());
        if (type == QLatin1String("Appointment")) {
            if (auto q =
                    m_db.exec(QStringLiteral("DELETE FROM appointment_slots WHERE id = ?"), {id});
                !q)
                return fail(q.error());
        }
    }
    if (!resource)
        return {};
    // A statement for up to 200 of a resource's tokens at once (most have a handful; the text
    // is the same for the same count, so its prepared statement is reused; SQLite takes at most
    // 999 values).
    constexpr qsizetype kTokensAtOnce = 200;
    for (qsizetype from = 0; from < resource->tokens.size(); from += kTokensAtOnce) {
        QString sql = QStringLiteral("INSERT INTO search_tokens (type, id, param, value) VALUES ");
        QVariantList values;
        const qsizetype to = std::min(from + kTokensAtOnce, resource->tokens.size());
        values.reserve((to - from) * 4);
        for (qsizetype i = from; i < to; ++i) {
            if (i > from)
                sql += QLatin1Char(',');
            sql += QLatin1String("(?, ?, ?, ?)");
            values << type << id << resource->tokens[i].first << resource->tokens[i].second;
        }
        if (auto q = m_db.exec(sql, values); !q)
            return fail(q.error());
    }
    if (resource->message) {
        if (auto s = DispatchQueue::noteStored(m_db, id, *resource->message); !s)
            return s;
    }
    if (resource->appointment) {
        const Appointment &a = *resource->appointment;
        if (auto q = m_db.exec(
                QStringLiteral("INSERT INTO appointment_slots (id, patient_id, practitioner_id, "
                               "location_id, start_ms, end_ms, status, overridden) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                {id, a.patientId, a.practitionerId, a.locationId, a.start.toMSecsSinceEpoch(),
                 a.end.toMSecsSinceEpoch(), appointmentStatusName(a.status),
                 resource->doubleBooked ? 1 : 0});
            !q)
            return fail(q.error());
    }
    return {};
}

Result<StoredResource> ResourceStore::save(const QString &type, const QString &id,
                                           const IndexedResource &resource, const QString &method,
                                           const QString &changedBy,
                                           const std::optional<StoredResource> *current)
{
    StoredResource stored;
    const Status s = m_db.write([&]() -> Status {
        QVariant existing; // the current version's number; invalid: none
        if (current) {
            if (current->has_value())
                existing = (*current)->versionId;
        } else {
            auto read = m_db.scalar(
                QStringLiteral("SELECT version_id FROM resources WHERE type = ? AND id = ?"),
                {type, id});
            if (!read)
                return fail(read.error());
            existing = *read;
        }
        const bool storedBefore = existing.isValid();
        auto seq = nextSeq();
        if (!seq)
            return fail(seq.error());
        stored.type = type;
        stored.id = id;
        stored.versionId = storedBefore ? existing.toLongLong() + 1 : 1;
        stored.seq = *seq;
        stored.lastUpdated = m_db.clock().nowMs();
        stored.method = method;
        stored.content = resource.content;
        stored.changedBy = changedBy;
        const QString json =
            QString::fromUtf8(QJsonDocument(resource.content).toJson(QJsonDocument::Compact));
        const QString upsert =
            storedBefore
                ? QStringLiteral("UPDATE resources SET version_id = ?, seq = ?, last_updated = ?, "
                                 "deleted = 0, content = ?, changed_by = ? WHERE type = ? AND "
                                 "id = ?")
                : QStringLiteral("INSERT INTO resources (version_id, seq, last_updated, deleted, "
                                 "content, changed_by, type, id) VALUES (?, ?, ?, 0, ?, ?, ?, ?)");
        if (auto q = m_db.exec(upsert, {stored.versionId, stored.seq, stored.lastUpdated, json,
                                        stored.changedBy, type, id});
            !q)
            return fail(q.error());
        if (auto q =
                m_db.exec(QStringLiteral("INSERT INTO resource_versions (seq, type, id, "
                                         "version_id, last_updated, deleted, method, "
                                         "content, changed_by) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)"),
                          {stored.seq, type, id, stored.versionId, stored.lastUpdated, method, json,
                           stored.changedBy});
            !q)
            return fail(q.error());
        return reindex(type, id, &resource, storedBefore);
    });
    if (!s)
        return fail(s.error());
    return stored;
}

Result<StoredResource> ResourceStore::remove(const QString &type, const QString &id,
                                             const QString &changedBy)
{
    StoredResource stored;
    const Status s = m_db.write([&]() -> Status {
        auto existing = current(type, id);
        if (!existing)
            return fail(existing.error());
        if (!existing->has_value())
            return fail(tr("There is no %1 %2.").arg(type, id));
        auto seq = nextSeq();
        if (!seq)
            return fail(seq.error());
        stored = **existing;
        stored.versionId += 1;
        stored.seq = *seq;
        stored.lastUpdated = m_db.clock().nowMs();
        stored.deleted = true;
        stored.changedBy = changedBy;
        stored.method = QStringLiteral("DELETE");
        stored.content =
            QJsonObject{{QStringLiteral("resourceType"), type}, {QStringLiteral("id"), id}};
        const QString json =
            QString::fromUtf8(QJsonDocument(stored.content).toJson(QJsonDocument::Compact));
        if (auto q = m_db.query(QStringLiteral("UPDATE resources SET version_id = ?, seq = ?, "
                                               "last_updated = ?, deleted = 1, content = ?, "
                                               "changed_by = ? WHERE type = ? AND id = ?"),
                                {stored.versionId, stored.seq, stored.lastUpdated, json,
                                 stored.changedBy, type, id});
            !q)
            return fail(q.error());
        if (auto q = m_db.query(QStringLiteral("INSERT INTO resource_versions (seq, type, id, "
                                               "version_id, last_updated, deleted, method, "
                                               "content, changed_by) VALUES (?, ?, ?, ?, ?, 1, "
                                               "'DELETE', ?, ?)"),
                                {stored.seq, type, id, stored.versionId, stored.lastUpdated, json,
                                 stored.changedBy});
            !q)
            return fail(q.error());
        return reindex(type, id, nullptr, true);
    });
    if (!s)
        return fail(s.error());
    return stored;
}

Result<QList<StoredResource>> ResourceStore::versions(const QString &whereAndOrder,
                                                      const QVariantList &values) const
{
    auto q = m_db.query(QStringLiteral("SELECT %1, method FROM resource_versions WHERE %2")
                            .arg(kColumns, whereAndOrder),
                        values);
    if (!q)
        return fail(q.error());
    QList<StoredResource> out;
    while (q->next())
        out << fromRow(*q, q->value(8).toString());
    return out;
}

Result<QList<StoredResource>> ResourceStore::changesSince(qint64 afterSeq, int count) const
{
    return versions(QStringLiteral("seq > ? ORDER BY seq LIMIT ?"), {afterSeq, count});
}

Result<qint64> ResourceStore::newestChange() const
{
    auto v = m_db.scalar(QStringLiteral("SELECT COALESCE(max(seq), 0) FROM resource_versions"));
    if (!v)
        return fail(v.error());
    return v->toLongLong();
}

Result<QList<StoredResource>> ResourceStore::currents(const QString &whereAndOrder,
                                                      const QVariantList &values) const
{
    auto q = m_db.query(QStringLiteral("SELECT %1 FROM resources r WHERE r.deleted = 0 AND %2")
                            .arg(kColumns, whereAndOrder),
                        values);
    if (!q)
        return fail(q.error());
    QList<StoredResource> out;
    while (q->next())
        out << fromRow(*q);
    return out;
}

Result<QList<StoredResource>> ResourceStore::ofType(const QString &type) const
{
    return currents(QStringLiteral("r.type = ? ORDER BY r.id"), {type});
}

Result<QList<StoredResource>> ResourceStore::withToken(const QString &type, const QString &param,
                                                       const QString &value) const
{
    return currents(QStringLiteral("r.type = ? AND EXISTS (SELECT 1 FROM search_tokens t WHERE "
                                   "t.type = r.type AND t.id = r.id AND t.param = ? AND "
                                   "t.value = ?) ORDER BY r.id"),
                    {type, param, value});
}

Result<QList<StoredResource>> ResourceStore::versionsOf(const QString &type,
                                                        const QString &id) const
{
    return versions(QStringLiteral("type = ? AND id = ? ORDER BY version_id DESC"), {type, id});
}

} // namespace frontdesk::server
