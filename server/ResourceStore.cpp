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

// contentText: the content kept as text, not parsed (StoredResource::contentText).
StoredResource fromRow(const QSqlQuery &q, const QString &method = {}, bool contentText = false)
{
    StoredResource r;
    r.type = q.value(0).toString();
    r.id = q.value(1).toString();
    r.versionId = q.value(2).toLongLong();
    r.seq = q.value(3).toLongLong();
    r.lastUpdated = q.value(4).toLongLong();
    r.deleted = q.value(5).toInt() != 0;
    if (contentText)
        r.contentText = q.value(6).toString().toUtf8();
    else
        r.content = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
    r.changedBy = q.value(7).toString();
    r.method = method;
    return r;
}

QJsonObject metaOf(const StoredResource &s)
{
    QJsonObject meta{
        {QStringLiteral("versionId"), QString::number(s.versionId)},
        {QStringLiteral("lastUpdated"),
         QDateTime::fromMSecsSinceEpoch(s.lastUpdated, Qt::UTC).toString(Qt::ISODateWithMs)}};
    if (!s.changedBy.isEmpty())
        meta.insert(QStringLiteral("extension"),
                    QJsonArray{FhirJson::extension(FhirJson::changedByUrl(),
                                                   QStringLiteral("valueString"), s.changedBy)});
    return meta;
}

} // namespace

QJsonObject StoredResource::withMeta() const
{
    QJsonObject o = contentText.isEmpty() ? content : QJsonDocument::fromJson(contentText).object();
    o.insert(QStringLiteral("meta"), metaOf(*this));
    return o;
}

QByteArray StoredResource::withMetaJson() const
{
    // The server writes content as compact JSON without meta (withMeta() adds it); text that
    // might hold one of its own (to be replaced), or is not an object, takes the long way.
    if (!contentText.startsWith('{') || !contentText.endsWith('}') ||
        contentText.contains("\"meta\""))
        return QJsonDocument(withMeta()).toJson(QJsonDocument::Compact);
    QByteArray out = "{\"meta\":" + QJsonDocument(metaOf(*this)).toJson(QJsonDocument::Compact);
    const QByteArrayView rest = QByteArrayView(contentText).sliced(1);
    if (rest.trimmed() != "}")
        out += ',';
    out += rest;
    return out;
}

QByteArray StoredResource::etag() const
{
    return "W/\"" + QByteArray::number(versionId) + '"';
}

Result<std::optional<StoredResource>> ResourceStore::current(const QString &type,
                                                             const QString &id) const
{
    if (m_batch) {
        const auto known = m_batch->known.constFind(type + QLatin1Char('/') + id);
        if (known != m_batch->known.cend())
            return *known;
    }
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
    // A batch takes the numbers of all its changes in one step.
    qint64 count = 1;
    if (m_batch) {
        if (m_batch->seqNext < m_batch->seqEnd)
            return m_batch->seqNext++;
        count = std::max<qint64>(1, m_batch->seqBudget);
        m_batch->seqBudget = 0;
    }
    // The row stays locked until the transaction ends (see the schema): numbers commit in order.
    // PostgreSQL answers in one round trip; Debian 12's SQLCipher 3.4 (SQLite 3.15) has no
    // UPDATE … RETURNING, so the file takes two statements.
    qint64 last = 0;
    if (m_db.dialect() == Database::Dialect::PostgreSql) {
        auto v = m_db.scalar(QStringLiteral("UPDATE change_sequence SET value = value + ? WHERE "
                                            "id = ? RETURNING value"),
                             {count, 1});
        if (!v)
            return fail(v.error());
        last = v->toLongLong();
    } else {
        if (auto q = m_db.exec(QStringLiteral("UPDATE change_sequence SET value = value + ? "
                                              "WHERE id = 1"),
                               {count});
            !q)
            return fail(q.error());
        auto v = m_db.scalar(QStringLiteral("SELECT value FROM change_sequence WHERE id = 1"));
        if (!v)
            return fail(v.error());
        last = v->toLongLong();
    }
    if (m_batch) {
        m_batch->seqNext = last - count + 2;
        m_batch->seqEnd = last + 1;
    }
    return last - count + 1;
}

Result<qint64> ResourceStore::lastSeq() const
{
    auto v = m_db.scalar(QStringLiteral("SELECT value FROM change_sequence WHERE id = 1"));
    if (!v)
        return fail(v.error());
    return v->toLongLong();
}

Status ResourceStore::reindex(const QString &type, const QString &id,
                              const IndexedResource *resource, bool indexedBefore, Rows &rows)
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
    for (const auto &[param, value] : resource->tokens)
        rows.tokens << type << id << param << value;
    if (resource->message) {
        if (auto s = DispatchQueue::noteStored(m_db, id, *resource->message); !s)
            return s;
    }
    if (resource->appointment) {
        const Appointment &a = *resource->appointment;
        rows.bookings << id << a.patientId << a.practitionerId << a.locationId
                      << a.start.toMSecsSinceEpoch() << a.end.toMSecsSinceEpoch()
                      << appointmentStatusName(a.status) << (resource->doubleBooked ? 1 : 0);
        if (!resource->doubleBooked)
            rows.appointments << a;
    }
    return {};
}

Status ResourceStore::Rows::write(Database &db) const
{
    if (auto s = db.insertRows(QStringLiteral("resources (version_id, seq, last_updated, deleted, "
                                              "content, changed_by, type, id)"),
                               8, resources);
        !s)
        return s;
    if (auto s = db.insertRows(QStringLiteral("resource_versions (seq, type, id, version_id, "
                                              "last_updated, deleted, method, content, "
                                              "changed_by)"),
                               9, versions);
        !s)
        return s;
    if (auto s = db.insertRows(QStringLiteral("search_tokens (type, id, param, value)"), 4, tokens);
        !s)
        return s;
    return db.insertRows(QStringLiteral("appointment_slots (id, patient_id, practitioner_id, "
                                        "location_id, start_ms, end_ms, status, overridden)"),
                         8, bookings);
}

void ResourceStore::beginBatch(qsizetype expectedChanges)
{
    m_batch.emplace(Batch{expectedChanges, 0, 0, {}, {}, {}, {}});
}

Status ResourceStore::flush()
{
    if (!m_batch)
        return {};
    const Status s = m_batch->rows.write(m_db);
    m_batch->rows = {};
    m_batch->waiting.clear();
    m_batch->waitingTypes.clear();
    return s;
}

void ResourceStore::endBatch()
{
    m_batch.reset();
}

Status ResourceStore::prefetch(const QList<std::pair<QString, QString>> &keys)
{
    if (!m_batch)
        return {};
    QHash<QString, QStringList> idsByType;
    for (const auto &[type, id] : keys) {
        const QString key = type + QLatin1Char('/') + id;
        if (m_batch->known.contains(key))
            continue;
        m_batch->known.insert(key, std::nullopt); // none, unless read below
        idsByType[type] << id;
    }
    constexpr qsizetype kAtOnce = 256;
    for (auto it = idsByType.cbegin(); it != idsByType.cend(); ++it) {
        for (qsizetype from = 0; from < it.value().size(); from += kAtOnce) {
            const QStringList ids = it.value().mid(from, kAtOnce);
            QVariantList values;
            QString marks;
            for (const QString &id : ids) {
                marks += marks.isEmpty() ? QStringLiteral("(?)") : QStringLiteral(", (?)");
                values << id;
            }
            values << it.key();
            // The ids as a table joined to the key, on a statement planned for these values
            // (query(), not a kept one): a kept statement's generic plan, made while the table
            // was small, went on filtering every resource of the type as it grew (70 ms a
            // Bundle at 100k appointments on PostgreSQL, before its statistics were renewed).
            auto read = m_db.query(QStringLiteral("WITH wanted (wanted_id) AS (VALUES %2) SELECT "
                                                  "%1 FROM resources JOIN wanted ON "
                                                  "resources.type = ? AND resources.id = "
                                                  "wanted.wanted_id")
                                       .arg(kColumns, marks),
                                   values);
            if (!read)
                return fail(read.error());
            while (read->next()) {
                StoredResource r = fromRow(*read);
                m_batch->known.insert(r.type + QLatin1Char('/') + r.id, r);
            }
        }
    }
    return {};
}

const QList<Appointment> &ResourceStore::waitingAppointments() const
{
    // A reference, not a copy: a copy iterated without const would be copied again, whole, for
    // each appointment of the Bundle checked against it.
    static const QList<Appointment> none;
    return m_batch ? m_batch->rows.appointments : none;
}

bool ResourceStore::waitingType(const QString &type) const
{
    return m_batch && m_batch->waitingTypes.contains(type);
}

Result<StoredResource> ResourceStore::save(const QString &type, const QString &id,
                                           const IndexedResource &resource, const QString &method,
                                           const QString &changedBy,
                                           const std::optional<StoredResource> *current)
{
    StoredResource stored;
    const QString key = type + QLatin1Char('/') + id;
    const Status s = m_db.write([&]() -> Status {
        // Saved before in this batch: that saving's rows go in first (the indexes are redone).
        if (m_batch && m_batch->waiting.contains(key)) {
            if (auto f = flush(); !f)
                return f;
        }
        QVariant existing; // the current version's number; invalid: none
        if (current) {
            if (current->has_value())
                existing = (*current)->versionId;
        } else {
            auto read = this->current(type, id);
            if (!read)
                return fail(read.error());
            if (read->has_value())
                existing = (*read)->versionId;
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
        return keep(stored, storedBefore, &resource);
    });
    if (!s)
        return fail(s.error());
    return stored;
}

Status ResourceStore::keep(const StoredResource &stored, bool storedBefore,
                           const IndexedResource *resource)
{
    const QString json =
        QString::fromUtf8(QJsonDocument(stored.content).toJson(QJsonDocument::Compact));
    const int deleted = stored.deleted ? 1 : 0;
    Rows single;
    Rows &rows = m_batch ? m_batch->rows : single;
    if (storedBefore) {
        if (auto q = m_db.exec(QStringLiteral("UPDATE resources SET version_id = ?, seq = ?, "
                                              "last_updated = ?, deleted = ?, content = ?, "
                                              "changed_by = ? WHERE type = ? AND id = ?"),
                               {stored.versionId, stored.seq, stored.lastUpdated, deleted, json,
                                stored.changedBy, stored.type, stored.id});
            !q)
            return fail(q.error());
    } else {
        rows.resources << stored.versionId << stored.seq << stored.lastUpdated << deleted << json
                       << stored.changedBy << stored.type << stored.id;
    }
    rows.versions << stored.seq << stored.type << stored.id << stored.versionId
                  << stored.lastUpdated << deleted << stored.method << json << stored.changedBy;
    if (auto r = reindex(stored.type, stored.id, resource, storedBefore, rows); !r)
        return r;
    if (m_batch) {
        const QString key = stored.type + QLatin1Char('/') + stored.id;
        m_batch->waiting.insert(key);
        m_batch->waitingTypes.insert(stored.type);
        m_batch->known.insert(key, stored);
        return {};
    }
    return single.write(m_db);
}

Result<StoredResource> ResourceStore::remove(const QString &type, const QString &id,
                                             const QString &changedBy)
{
    StoredResource stored;
    const QString key = type + QLatin1Char('/') + id;
    const Status s = m_db.write([&]() -> Status {
        if (m_batch && m_batch->waiting.contains(key)) {
            if (auto f = flush(); !f)
                return f;
        }
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
        return keep(stored, true, nullptr);
    });
    if (!s)
        return fail(s.error());
    return stored;
}

Result<QList<StoredResource>> ResourceStore::versions(const QString &whereAndOrder,
                                                      const QVariantList &values,
                                                      bool contentText) const
{
    auto q = m_db.query(QStringLiteral("SELECT %1, method FROM resource_versions WHERE %2")
                            .arg(kColumns, whereAndOrder),
                        values);
    if (!q)
        return fail(q.error());
    QList<StoredResource> out;
    while (q->next())
        out << fromRow(*q, q->value(8).toString(), contentText);
    return out;
}

Result<QList<StoredResource>> ResourceStore::changesSince(qint64 afterSeq, int count) const
{
    return versions(QStringLiteral("seq > ? ORDER BY seq LIMIT ?"), {afterSeq, count}, true);
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
