#pragma once

#include <QList>
#include <QMetaType>
#include <QSqlDriver>
#include <QString>

#include <memory>

struct sqlite3;

namespace frontdesk {

inline constexpr char kSqlCipherDriverName[] = "QSQLCIPHER";
// The page size of the files the driver makes, and of the files made before 2026-12-07
// (SQLCipher 3's default), which it still opens.
inline constexpr int kSqlCipherPageBytes = 4096;
inline constexpr int kSqlCipherLegacyPageBytes = 1024;

class SqlCipherResult;
class SqlCipherStatementCache;

// The Qt Sql driver for Frontdesk's encrypted local database, written on Qt's public driver API
// over SQLCipher (never over Qt's QSQLITE plugin, which would reach plain SQLite).
//
// The password is the raw 256-bit key as 64 hex digits; there is no way to open a database
// without a key. open() refuses to run when the process is not really using SQLCipher, and a
// wrong key fails without touching the file.
//
// Pages: a new file gets kSqlCipherPageBytes pages. A file's page size cannot be read without
// decrypting it, so an existing file whose first page does not decrypt with those is opened
// again with kSqlCipherLegacyPageBytes before the key is called wrong.
//
// Connect options (QSqlDatabase::setConnectOptions, separated by ';'):
//   QSQLCIPHER_OPEN_READONLY        open read-only; a missing file is an error, not created
//   QSQLCIPHER_BUSY_TIMEOUT=<ms>    how long to wait for another connection's lock (default 5000)
// Unknown options fail the open, so a misspelt READONLY never silently opens read-write.
//
// Placeholders: both `?` and `:name` work. The driver reports NamedPlaceholders == false, so Qt
// rewrites `:name` to `?` and maps bound names to positions; the values are then bound for real
// with sqlite3_bind_*.
//
// Values: INTEGER reads as qlonglong (int under LowPrecisionInt32), REAL as double, TEXT as
// QString, BLOB as QByteArray, NULL as a null QVariant of the column's declared type. QDateTime,
// QDate and QTime are bound as ISO 8601 text (with milliseconds) and read back as QString; a null
// QString or QByteArray binds NULL, an empty one binds '' or a zero-length blob.
//
// dbmsType() says UnknownDbms: Qt only lets its private driver base set it.
//
// One connection per thread, as Qt requires; a driver keeps no state shared with other drivers.
class SqlCipherDriver : public QSqlDriver
{
    Q_OBJECT
public:
    explicit SqlCipherDriver(QObject *parent = nullptr);
    ~SqlCipherDriver() override;

    bool hasFeature(DriverFeature feature) const override;
    bool open(const QString &databaseName, const QString &user, const QString &password,
              const QString &host, int port, const QString &connectOptions) override;
    void close() override;
    QSqlResult *createResult() const override;

    bool beginTransaction() override;
    bool commitTransaction() override;
    bool rollbackTransaction() override;

    QStringList tables(QSql::TableType type) const override;
    QSqlRecord record(const QString &tableName) const override;
    QSqlIndex primaryIndex(const QString &tableName) const override;
    QString escapeIdentifier(const QString &identifier, IdentifierType type) const override;
    QString formatValue(const QSqlField &field, bool trimStrings = false) const override;

    // A QVariant holding the connection's sqlite3* (type name "sqlite3*"); null when closed.
    QVariant handle() const override;

private:
    friend class SqlCipherResult;

    bool failOpen(const QString &message, sqlite3 *db = nullptr);
    bool execTransactionStatement(const char *sql, const QString &what);

    // Results register themselves so that close() can finalize their statements first: SQLite
    // cannot close a connection that still has statements, and a statement must not outlive the
    // connection's key.
    void attachResult(SqlCipherResult *result) const;
    void detachResult(SqlCipherResult *result) const;
    sqlite3 *connection() const { return m_db; }
    SqlCipherStatementCache &keptStatements() const { return *m_kept; }

    sqlite3 *m_db = nullptr;
    mutable QList<SqlCipherResult *> m_results;
    std::unique_ptr<SqlCipherStatementCache> m_kept;
};

// Registers "QSQLCIPHER" with QSqlDatabase::registerSqlDriver (idempotent, thread-safe).
void registerSqlCipherDriver();

// The SQLCipher version this process really uses ("" when the linked library is plain SQLite).
QString sqlCipherVersion();

} // namespace frontdesk

Q_DECLARE_OPAQUE_POINTER(sqlite3 *)
Q_DECLARE_METATYPE(sqlite3 *)
