#pragma once

#include "core/Result.h"
#include "storage/RecordStore.h"

#include <QCoreApplication>
#include <QVariantMap>

namespace frontdesk {

class Database;

// Writes the server's version of a record as it came (frontdesk_sync's pull): inserted or
// replaced with sync_state synced and the server's version, or a tombstone. No outbox entry,
// since the change came from the server, and no audit entry here: the server's trail holds the
// change, named after the person who made it. The only write to a syncable table outside
// RecordStore.
class ServerCopy
{
    Q_DECLARE_TR_FUNCTIONS(ServerCopy)
public:
    ServerCopy(Database &db, RecordStore::Table table) : m_db(db), m_table(std::move(table)) {}

    Status apply(const QString &id, const QVariantMap &values, qint64 serverVersion);
    Status remove(const QString &id, qint64 serverVersion);

private:
    // A table's inserts for one set of data columns (a QVariantMap's keys, in its order).
    struct Statements
    {
        Statements() = default;
        Statements(const QString &table, const QVariantMap &values);

        QStringList columns;
        QString insertOrIgnore; // a new row, unless one holds the id already
        QString insert;         // a new row, or the error that says why not
    };

    Status write(const QString &id, const QVariantMap &values, qint64 serverVersion, bool deleted);

    Database &m_db;
    RecordStore::Table m_table;
};

// A ServerCopy that maps a domain record to columns with its repository's own mapping, so the
// server's version is stored exactly as a local save would store it.
template <typename Repo> class ServerCopyOf : private Repo
{
public:
    explicit ServerCopyOf(Database &db) : Repo(db) {}

    template <typename T> Status apply(const T &record, qint64 serverVersion)
    {
        const Status s = ServerCopy(this->m_db, Repo::table())
                             .apply(record.meta.id, this->toValues(record), serverVersion);
        // Refused here (a code or MRN already used by another record, ...): the repository's
        // own check says why in a person's words, where it has one.
        if (!s) {
            if (const Status rule = this->validate(record); !rule)
                return rule;
        }
        return s;
    }
    Status remove(const QString &id, qint64 serverVersion)
    {
        return ServerCopy(this->m_db, Repo::table()).remove(id, serverVersion);
    }
    Status applyValues(const QString &id, const QVariantMap &values, qint64 serverVersion)
    {
        return ServerCopy(this->m_db, Repo::table()).apply(id, values, serverVersion);
    }

    // A record's columns as a local save writes them: the terms in which a merge compares the
    // server's version, this workstation's and the base they both started from.
    template <typename T> QVariantMap values(const T &record) const
    {
        return this->toValues(record);
    }
    Result<QVariantMap> valuesOf(const QString &id) const
    {
        auto record = Repo::get(id);
        if (!record)
            return fail(record.error());
        return this->toValues(*record);
    }
};

} // namespace frontdesk
