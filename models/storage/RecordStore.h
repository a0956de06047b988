#pragma once

#include "core/Result.h"
#include "domain/RecordMeta.h"

#include <QCoreApplication>
#include <QSqlRecord>
#include <QStringList>
#include <QVariantMap>

#include <optional>

namespace frontdesk {

class Database;

// The one write path of every syncable table: each insert, update and (soft) delete runs in
// one transaction with its outbox entry and its audit entry. Repositories map their domain
// type to and from the column values and leave the bookkeeping here.
class RecordStore
{
    Q_DECLARE_TR_FUNCTIONS(RecordStore)
public:
    struct Table
    {
        QString name;         // SQL table, e.g. "patients"
        QString resourceType; // FHIR resource type, e.g. "Patient"
        QStringList columns;  // the data columns (bookkeeping columns are added here)
        // How to find the patient a row belongs to, for the audit trail:
        // "id" (the row is the patient), a column name, or empty (not patient data).
        QString patientColumn;
    };

    RecordStore(Database &db, Table table) : m_db(db), m_table(std::move(table)) {}

    Result<RecordMeta> insert(const QVariantMap &values, const QString &id = {});
    // expectedVersion: the version the caller read; a different stored version means someone
    // else saved in between, and the update is refused instead of overwriting their change.
    Result<RecordMeta> update(const QString &id, const QVariantMap &values,
                              std::optional<qint64> expectedVersion = std::nullopt);
    Result<RecordMeta> remove(const QString &id,
                              std::optional<qint64> expectedVersion = std::nullopt);

    // The row, including tombstones; nullopt when there is no such id.
    Result<std::optional<QSqlRecord>> fetch(const QString &id) const;
    // "id, created_at, ..., <columns>" for SELECTs that metaFrom/valuesFrom can read.
    QString selectList(const QString &alias = {}) const;
    static RecordMeta metaFrom(const QSqlRecord &record);

    const Table &table() const { return m_table; }

private:
    QString patientIdOf(const QString &id, const QVariantMap &values) const;
    QVariantMap currentValues(const QSqlRecord &record) const;

    Database &m_db;
    Table m_table;
};

} // namespace frontdesk
