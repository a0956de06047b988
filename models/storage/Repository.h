#pragma once

#include "access/AccessGuard.h"
#include "core/Result.h"
#include "database/Database.h"
#include "storage/RecordStore.h"

#include <QList>
#include <QSqlQuery>
#include <QSqlRecord>

namespace frontdesk {

// What every repository does alike: load, save (insert or versioned update) and soft-delete
// one domain type through the RecordStore write path. Subclasses say how the type maps to
// columns and add the queries their views need.
template <typename T> class Repository
{
public:
    virtual ~Repository() = default;

    // Tombstoned records are found too (their meta.deleted is set).
    Result<T> get(const QString &id) const
    {
        if (auto s = AccessGuard(m_db).requireRead(m_store.table().resourceType); !s)
            return fail(s.error());
        auto row = m_store.fetch(id);
        if (!row)
            return fail(row.error());
        if (!row->has_value())
            return fail(QCoreApplication::translate("Repository", "No %1 with id %2.")
                            .arg(m_store.table().resourceType, id));
        return fromRecord(**row);
    }

    // Inserts a new record (meta.version == 0) or updates it, refusing when someone else
    // saved a newer version in between. On success record.meta is current.
    Status save(T &record)
    {
        if (auto s = validate(record); !s)
            return s;
        auto meta = record.meta.isNew()
                        ? m_store.insert(toValues(record), record.meta.id)
                        : m_store.update(record.meta.id, toValues(record), record.meta.version);
        if (!meta)
            return fail(meta.error());
        const qint64 createdAt = record.meta.isNew() ? meta->createdAt : record.meta.createdAt;
        record.meta = *meta;
        record.meta.createdAt = createdAt;
        return {};
    }

    Status remove(T &record)
    {
        auto meta = m_store.remove(record.meta.id, record.meta.version);
        if (!meta)
            return fail(meta.error());
        record.meta = *meta;
        return {};
    }

    const RecordStore &store() const { return m_store; }

protected:
    Repository(Database &db, RecordStore::Table table) : m_db(db), m_store(db, std::move(table)) {}

    virtual QVariantMap toValues(const T &record) const = 0;
    virtual T fromRecord(const QSqlRecord &record) const = 0;
    virtual Status validate(const T &) const { return {}; }

    // Runs "SELECT <all columns> FROM <table> <tail>" and maps every row.
    Result<QList<T>> select(const QString &tail, const QVariantList &values = {}) const
    {
        if (auto s = AccessGuard(m_db).requireRead(m_store.table().resourceType); !s)
            return fail(s.error());
        auto q = m_db.query(QStringLiteral("SELECT %1 FROM %2 %3")
                                .arg(m_store.selectList(), m_store.table().name, tail),
                            values);
        if (!q)
            return fail(q.error());
        QList<T> out;
        while (q->next())
            out.append(fromRecord(q->record()));
        return out;
    }

    // The records whose `column` is one of ids and that meet `condition` (none when empty), in
    // batches (Database::eachIn), each batch ordered by `tail` ("ORDER BY ..."). condition and
    // tail are fixed SQL, never input.
    Result<QList<T>> selectIn(const QString &condition, const QString &column,
                              const QStringList &ids, const QString &tail) const
    {
        if (auto s = AccessGuard(m_db).requireRead(m_store.table().resourceType); !s)
            return fail(s.error());
        QList<T> out;
        const QString where =
            condition.isEmpty() ? QString() : QStringLiteral("(%1) AND ").arg(condition);
        const Status read = m_db.eachIn(
            QStringLiteral("SELECT %1 FROM %2 WHERE %3%4")
                .arg(m_store.selectList(), m_store.table().name, where, column),
            ids, [&](const QSqlQuery &q) { out.append(fromRecord(q.record())); },
            QLatin1Char(' ') + tail);
        if (!read)
            return fail(read.error());
        return out;
    }

    // The live records of the patient a clinical-gate token names; refused when the token no
    // longer stands (AccessGuard::admit). orderBy is a fixed column list, never input.
    Result<QList<T>> selectClinical(const ClinicalAccess &access, const QString &orderBy) const
    {
        if (auto s = AccessGuard(m_db).admit(access); !s)
            return fail(s.error());
        return select(QStringLiteral("WHERE patient_id = ? AND deleted = 0 ORDER BY ") + orderBy,
                      {access.patientId()});
    }

    Database &m_db;
    RecordStore m_store;
};

} // namespace frontdesk
