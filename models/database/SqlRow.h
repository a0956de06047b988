#pragma once

#include "core/Result.h"

#include <QByteArrayView>
#include <QString>

#include <functional>

class QSqlQuery;
struct sqlite3_stmt;

namespace frontdesk {

// The current row of a statement that Database::scan is reading, read in place: no QVariant
// and no copy per value. Text is UTF-8 as stored and valid only until the next row.
class SqlRow
{
public:
    explicit SqlRow(sqlite3_stmt *statement) : m_statement(statement) {}

    bool isNull(int column) const;
    // 0 for NULL.
    qint64 integer(int column) const;
    // Empty for NULL.
    QByteArrayView utf8(int column) const;
    QString text(int column) const { return QString::fromUtf8(utf8(column)); }

private:
    sqlite3_stmt *m_statement;
};

// Hands each row of an executed, forward-only SELECT on a SQLite connection (QSQLCIPHER, or
// QSQLITE in the plain benchmarks) to `take`; fails with SQLite's message if a step fails.
Status readRows(QSqlQuery &query, const std::function<void(const SqlRow &)> &take);

} // namespace frontdesk
