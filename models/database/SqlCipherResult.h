#pragma once

#include <QCoreApplication>
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
class SqlCipherResult : public QSqlResult
{
    Q_DECLARE_TR_FUNCTIONS(SqlCipherResult)
public:
    explicit SqlCipherResult(const SqlCipherDriver *driver);
    ~SqlCipherResult() override;

    // A QVariant holding the sqlite3_stmt* (type name "sqlite3_stmt*"); null when not prepared.
    QVariant handle() const override;

    // Called by the driver when the connection closes: the statement must not outlive it.
    void releaseStatement();

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
    struct Column
    {
        QString name;
        QString table;
        QString declaredType;
        QSqlField::RequiredStatus required = QSqlField::Unknown;
        // The storage class of the first row, for columns without a declared type (expressions).
        int firstRowStorageClass = 0;
    };

    sqlite3 *connection() const;
    void finalizeStatement();
    void clearRows();
    bool run(sqlite3 *db);
    bool step();
    bool fail(const QString &what, QSqlError::ErrorType type);
    QVariantList readRow() const;
    QVariant columnValue(int column) const;
    QMetaType columnType(int column) const;
    const QVariantList *keptRow() const;

    sqlite3_stmt *m_stmt = nullptr;
    QList<Column> m_columns;
    QList<QVariantList> m_rows;
    QVariantList m_lastRow;
    bool m_rowPending = false;
    bool m_exhausted = true;
    int m_rowsAffected = -1;
    QVariant m_lastInsertId;
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
