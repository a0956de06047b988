#pragma once

#include "database/DirectBinding.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QSqlError>
#include <QSqlField>
#include <QSqlResult>
#include <QString>
#include <QVariant>

struct sqlite3;
struct sqlite3_stmt;

namespace frontdesk {

class SqlCipherDriver;

// One statement on a QSQLCIPHER connection (the driver's QSqlResult; use it through QSqlQuery).
//
// Values bound with QSqlQuery::bindValue/addBindValue go to sqlite3_bind_*, never into the SQL
// text. exec() runs the statement up to its first row, so errors surface from exec() and not
// from a later next().
//
// Scrolling: a forward-only query reads each row straight from the statement and keeps nothing.
// Otherwise every row is kept in memory as it is stepped, so first(), previous() and seek() work
// without running the statement again (running it again could see different rows).
class SqlCipherResult : public QSqlResult, public DirectBinding
{
    Q_DECLARE_TR_FUNCTIONS(SqlCipherResult)
public:
    explicit SqlCipherResult(const SqlCipherDriver *driver);
    ~SqlCipherResult() override;

    // A QVariant holding the sqlite3_stmt* (type name "sqlite3_stmt*"); null when not prepared.
    QVariant handle() const override;

    // Called by the driver when the connection closes: the statement must not outlive it.
    void releaseStatement();

    // exec() with these values handed straight to sqlite3_bind_* (DirectBinding).
    bool execWith(const QVariantList &values, bool nullTextAsEmpty) override;

    struct Column
    {
        QString name;
        QString table;
        QString declaredType;
        QSqlField::RequiredStatus required = QSqlField::Unknown;
        // The storage class of the first row, for columns without a declared type (expressions).
        int firstRowStorageClass = 0;
    };

protected:
    bool reset(const QString &query) override;
    bool prepare(const QString &query) override;
    bool exec() override;

    QVariant data(int column) override;
    bool isNull(int column) override;
    bool fetch(int row) override;
    bool fetchFirst() override;
    bool fetchLast() override;
    int size() override;
    int numRowsAffected() override;
    QVariant lastInsertId() const override;
    QSqlRecord record() const override;
    void detachFromResultSet() override;

private:
    sqlite3 *connection() const;
    // Lets go of the statement: back to the connection's kept statements when mayKeep (and
    // the statement may be kept), else finalized.
    void finalizeStatement(bool mayKeep = true);
    void clearRows();
    bool run(sqlite3 *db);
    bool step();
    bool fail(const QString &what, QSqlError::ErrorType type);
    QVariantList readRow() const;
    QVariant columnValue(int column) const;
    QMetaType columnType(int column) const;
    const QVariantList *keptRow() const;

    sqlite3_stmt *m_stmt = nullptr;
    QByteArray m_sql; // the statement's text, under which it is kept for the next prepare
    bool m_keepable = false;
    QList<Column> m_columns;
    // The bytes of the text and blobs bound to m_stmt, which SQLite reads without a copy.
    QList<QByteArray> m_bound;
    QList<QVariantList> m_rows;
    QVariantList m_lastRow;
    bool m_rowPending = false;
    bool m_exhausted = true;
    int m_rowsAffected = -1;
    QVariant m_lastInsertId;
};

// The statements one connection prepared before and nothing uses now, by their SQL text, with
// their columns: a statement prepared again is taken from here instead of being parsed again
// (for the short statements Frontdesk runs, parsing is most of their cost). A kept statement is
// reset and holds no bound values, so no lock and no patient data stay with it. At most
// kMaxKept; the connection finalizes them all before it closes.
class SqlCipherStatementCache
{
public:
    static constexpr int kMaxKept = 200;
    ~SqlCipherStatementCache() { clear(); }
    // The kept statement for sql (now the caller's), or null.
    sqlite3_stmt *take(const QByteArray &sql, QList<SqlCipherResult::Column> *columns);
    // Keeps stmt for the next prepare of sql, or finalizes it when one is kept already.
    void keep(const QByteArray &sql, sqlite3_stmt *stmt,
              const QList<SqlCipherResult::Column> &columns);
    // Finalizes every kept statement.
    void clear();
    int size() const { return int(m_kept.size()); }

private:
    struct Kept
    {
        sqlite3_stmt *stmt = nullptr;
        QList<SqlCipherResult::Column> columns;
    };
    QHash<QByteArray, Kept> m_kept;
};

// The Qt type of a value in a column of SQLite declared type declaredType, by SQLite's affinity
// rules; QMetaType() when the declaration says nothing.
QMetaType sqlCipherDeclaredType(const QString &declaredType, QSql::NumericalPrecisionPolicy policy);

// The connection's last error: sqlite3_errmsg as database text, what failed as driver text, the
// extended result code as native error code.
QSqlError sqlCipherError(sqlite3 *db, const QString &what, QSqlError::ErrorType type);

} // namespace frontdesk

Q_DECLARE_OPAQUE_POINTER(sqlite3_stmt *)
Q_DECLARE_METATYPE(sqlite3_stmt *)
