#pragma once

#include "core/Result.h"
#include "domain/RecordMeta.h"
#include "storage/Outbox.h"

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
        QString name; // SQL table, e.g. "patients"
        // The record's name in the permission table and the audit trail, e.g. "Recall".
        QString resourceType;
        QStringList columns; // the data columns (bookkeeping columns are added here)
        // How to find the patient a row belongs to, for the audit trail:
        // "id" (the row is the patient), a column name, or empty (not patient data).
        QString patientColumn = {};
        // The FHIR resource the outbox names for a change, e.g. "Task"; empty when it is
        // resourceType (README "What each record is in FHIR").
        QString fhirType = {};
        // A row that travels inside another record's resource (a patient link in Patient.link):
        // the column naming that record and its table. Its changes queue an update of that
        // record, on that record's versions.
        QString partOfColumn = {};
        QString partOfTable = {};

        QString outboxType() const { return fhirType.isEmpty() ? resourceType : fhirType; }
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
    // The outbox entry for a change of the row `id` (with `values` after the change).
    Result<OutboxEntry> outboxEntry(const QString &id, const QVariantMap &values,
                                    OutboxEntry::Operation operation, const RecordMeta &meta) const;

    Database &m_db;
    Table m_table;
};

} // namespace frontdesk
