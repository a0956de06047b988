#include "SqlRow.h"

#include "database/Database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlResult>

#include <sqlite3.h>

namespace frontdesk {

bool SqlRow::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

qint64 SqlRow::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

QByteArrayView SqlRow::utf8(int column) const
{
    // sqlite3_column_text before sqlite3_column_bytes: the documented order for a UTF-8 size.
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return {text, sqlite3_column_bytes(m_statement, column)};
}

Status readRows(QSqlQuery &query, const std::function<void(const SqlRow &)> &take)
{
    const QVariant handle = query.result() ? query.result()->handle() : QVariant();
    if (qstrcmp(handle.typeName(), "sqlite3_stmt*") != 0)
        return fail(QCoreApplication::translate("frontdesk::SqlRow",
                                                "This connection is not a SQLite one."));
    auto *statement = *static_cast<sqlite3_stmt *const *>(handle.constData());
    // The driver has already stepped to the first row (both drivers do on exec); next() takes
    // that row. Later rows are stepped here: Qt's QSQLITE would copy every value of every row
    // into QVariants, which is the cost this avoids.
    if (!query.next()) {
        if (query.lastError().isValid())
            return fail(describeSqlError(query.lastError()));
        return {};
    }
    const SqlRow row(statement);
    int rc = SQLITE_ROW;
    while (rc == SQLITE_ROW) {
        take(row);
        rc = sqlite3_step(statement);
    }
    if (rc != SQLITE_DONE)
        return fail(QCoreApplication::translate("frontdesk::SqlRow", "Could not read a row: %1")
                        .arg(QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(statement)))));
    return {};
}

} // namespace frontdesk
