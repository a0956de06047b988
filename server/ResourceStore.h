#pragma once

#include "ResourceTypes.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QVariantList>

#include <optional>

namespace frontdesk {
class Database;
}

namespace frontdesk::server {

// One stored version of a resource.
struct StoredResource
{
    QString type;
    QString id;
    qint64 versionId = 0;
    qint64 seq = 0; // its place in the global change sequence
    qint64 lastUpdated = 0;
    bool deleted = false;
    QString method; // POST, PUT or DELETE: how this version came about
    QJsonObject content;
    // The content as stored (compact JSON), which changesSince() keeps instead of content: a
    // history page writes it out as it is rather than parse it and write it again.
    QByteArray contentText;
    QString changedBy; // the actor the version was made for; empty when not known

    // The resource with meta.versionId and meta.lastUpdated (and who made the version, as the
    // extension FhirJson::changedByUrl() in meta), as the API returns it.
    QJsonObject withMeta() const;
    // The same as compact JSON text: from contentText, when kept, with meta put in front.
    QByteArray withMetaJson() const;
    QByteArray etag() const;
};

// Versioned resources in the server's database: every change is a new version numbered by the
// one global change sequence, kept for vread and _history; a delete is a tombstone version.
// Writes join the caller's transaction.
class ResourceStore
{
    Q_DECLARE_TR_FUNCTIONS(ResourceStore)
public:
    explicit ResourceStore(Database &db) : m_db(db) {}

    Result<std::optional<StoredResource>> current(const QString &type, const QString &id) const;
    Result<std::optional<StoredResource>> version(const QString &type, const QString &id,
                                                  qint64 versionId) const;
    // Stores the next version of type/id (the first when there is none, or after a delete);
    // changedBy names who it was made for (the request's actor), kept with the version.
    // current: what current(type, id) answered in this transaction, when the caller read it
    // already (null: read here).
    Result<StoredResource> save(const QString &type, const QString &id,
                                const IndexedResource &resource, const QString &method,
                                const QString &changedBy = {},
                                const std::optional<StoredResource> *current = nullptr);
    // A tombstone version; the resource leaves every search.
    Result<StoredResource> remove(const QString &type, const QString &id,
                                  const QString &changedBy = {});
    // Versions after `afterSeq` in sequence order, at most `count`, their content as text.
    Result<QList<StoredResource>> changesSince(qint64 afterSeq, int count) const;
    // The number of the newest change (0: none), for how far a pull still has to go.
    Result<qint64> newestChange() const;
    // The current, not deleted resources of a type, by id.
    Result<QList<StoredResource>> ofType(const QString &type) const;
    // The current, not deleted resources of a type with this search token, by id.
    Result<QList<StoredResource>> withToken(const QString &type, const QString &param,
                                            const QString &value) const;
    // The versions of one resource, newest first.
    Result<QList<StoredResource>> versionsOf(const QString &type, const QString &id) const;
    Result<qint64> lastSeq() const;

    // A transaction Bundle's writes, done together. Between beginBatch() and flush(), save()
    // keeps the rows it adds in memory and flush() writes them in a few multi-row statements
    // (on PostgreSQL a handful of round trips for hundreds of entries, not ten per entry).
    // Reads through this store see the batch: current() answers from what it saved or
    // prefetched, a resource saved a second time has the first saving flushed before, and
    // waitingAppointments() names the appointments not yet in appointment_slots (the booking
    // rule adds them to what it reads). The caller flushes before its transaction commits and
    // ends the batch after it, whether it committed or not. expectedChanges: how many versions
    // the batch will make (their sequence numbers are taken in one step).
    void beginBatch(qsizetype expectedChanges);
    Status flush();
    void endBatch();
    bool batching() const { return m_batch.has_value(); }
    // Reads the current versions of these type/id pairs in a few statements, for the batch.
    Status prefetch(const QList<std::pair<QString, QString>> &keys);
    // Saved in the batch and not yet flushed: booked appointments (not overridden ones), and
    // whether a resource of this type waits.
    const QList<Appointment> &waitingAppointments() const;
    bool waitingType(const QString &type) const;

private:
    // The rows one or more saves add, written by write().
    struct Rows
    {
        QVariantList resources;          // 8 values a row, as Rows::write() names them
        QVariantList versions;           // 9
        QVariantList tokens;             // 4: type, id, param, value
        QVariantList bookings;           // 8: appointment_slots
        QList<Appointment> appointments; // those of bookings not overridden
        Status write(Database &db) const;
    };
    // Without default member initializers: clang takes std::optional<Batch> as not
    // default-constructible while this class is incomplete. beginBatch() sets every field.
    struct Batch
    {
        qsizetype seqBudget;
        qint64 seqNext;
        qint64 seqEnd;
        QHash<QString, std::optional<StoredResource>> known; // "type/id"
        QSet<QString> waiting;                               // "type/id" with rows in `rows`
        QSet<QString> waitingTypes;
        Rows rows;
    };
    Result<qint64> nextSeq();
    // Current, not deleted rows of resources (as r); whereAndOrder is fixed SQL, values bound.
    Result<QList<StoredResource>> currents(const QString &whereAndOrder,
                                           const QVariantList &values) const;
    // Rows of resource_versions; whereAndOrder is fixed SQL, the values are bound. contentText:
    // each with its content as text, not parsed (StoredResource::contentText).
    Result<QList<StoredResource>> versions(const QString &whereAndOrder, const QVariantList &values,
                                           bool contentText = false) const;
    // indexedBefore: an earlier version is in the indexes and is taken out first.
    // Makes `stored` the current row of its resource (a new row when it was never stored) and
    // one of its versions, with resource's index rows (null: out of the indexes); written now,
    // or with the batch's rows.
    Status keep(const StoredResource &stored, bool storedBefore, const IndexedResource *resource);
    // The index rows go to `rows` (written by the caller).
    Status reindex(const QString &type, const QString &id, const IndexedResource *resource,
                   bool indexedBefore, Rows &rows);
    std::optional<Batch> m_batch;

    Database &m_db;
};

} // namespace frontdesk::server
