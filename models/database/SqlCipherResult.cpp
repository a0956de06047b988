#include "database/SqlCipherResult.h"

#include "database/SqlCipherDriver.h"

#include <QDate>
#include <QDateTime>
#include <QSqlRecord>
#include <QTime>

#include <sqlite3.h>

#include <cctype>
#include <cmath>
#include <cstring>
#include <limits>

namespace frontdesk {
namespace {

// CREATE, ALTER, DROP, ATTACH, DETACH, VACUUM, REINDEX, ANALYZE: statements after which a kept
// statement's columns may be out of date.
bool changesSchema(const QByteArray &sql)
{
    qsizetype i = 0;
    while (i < sql.size() && std::isspace(static_cast<unsigned char>(sql[i])))
        ++i;
    const QByteArray word = sql.mid(i, 8).toUpper();
    for (const char *keyword :
         {"CREATE", "ALTER", "DROP", "ATTACH", "DETACH", "VACUUM", "REINDEX", "ANALYZE"}) {
        if (word.startsWith(keyword))
            return true;
    }
    return false;
}

// The value inside a variant whose typeId() was just checked, without a converting copy.
template <typename T> const T &held(const QVariant &value)
{
    return *static_cast<const T *>(value.constData());
}

QMetaType integerType(QSql::NumericalPrecisionPolicy policy)
{
    // LowPrecisionDouble is Qt's default policy and is about inexact numbers: honouring it for
    // INTEGER would hand every id out as a double. An int64 is exact, so only Int32 narrows it.
    return policy == QSql::LowPrecisionInt32 ? QMetaType::fromType<int>()
                                             : QMetaType::fromType<qlonglong>();
}

QMetaType realType(QSql::NumericalPrecisionPolicy policy)
{
    switch (policy) {
    case QSql::LowPrecisionInt32:
        return QMetaType::fromType<int>();
    case QSql::LowPrecisionInt64:
        return QMetaType::fromType<qlonglong>();
    case QSql::LowPrecisionDouble:
    case QSql::HighPrecision:
        break;
    }
    return QMetaType::fromType<double>();
}

QMetaType storageClassType(int storageClass, QSql::NumericalPrecisionPolicy policy)
{
    switch (storageClass) {
    case SQLITE_INTEGER:
        return integerType(policy);
    case SQLITE_FLOAT:
        return realType(policy);
    case SQLITE_TEXT:
        return QMetaType::fromType<QString>();
    case SQLITE_BLOB:
        return QMetaType::fromType<QByteArray>();
    default:
        return {};
    }
}

QVariant integerValue(sqlite3_int64 value, QSql::NumericalPrecisionPolicy policy)
{
    if (policy == QSql::LowPrecisionInt32)
        return QVariant(static_cast<int>(value));
    return QVariant(static_cast<qlonglong>(value));
}

template <typename Integer> Integer truncated(double value)
{
    // Qt documents the fractional part as discarded; out-of-range values saturate instead of
    // being undefined behaviour.
    const double whole = std::trunc(value);
    if (std::isnan(whole))
        return 0;
    if (whole <= static_cast<double>(std::numeric_limits<Integer>::min()))
        return std::numeric_limits<Integer>::min();
    if (whole >= static_cast<double>(std::numeric_limits<Integer>::max()))
        return std::numeric_limits<Integer>::max();
    return static_cast<Integer>(whole);
}

QVariant realValue(double value, QSql::NumericalPrecisionPolicy policy)
{
    switch (policy) {
    case QSql::LowPrecisionInt32:
        return QVariant(truncated<int>(value));
    case QSql::LowPrecisionInt64:
        return QVariant(static_cast<qlonglong>(truncated<qint64>(value)));
    case QSql::LowPrecisionDouble:
    case QSql::HighPrecision:
        break;
    }
    return QVariant(value);
}

// Qt 6 no longer calls a variant holding a null QString (or QByteArray, QDate...) null, but Qt Sql
// still binds those as SQL NULL; so do we, or QString() from an empty line edit would become ''.
bool isSqlNull(const QVariant &value)
{
    if (value.isNull())
        return true;
    switch (value.typeId()) {
    case QMetaType::QString:
        return held<QString>(value).isNull();
    case QMetaType::QByteArray:
        return held<QByteArray>(value).isNull();
    case QMetaType::QDate:
        return held<QDate>(value).isNull();
    case QMetaType::QTime:
        return held<QTime>(value).isNull();
    case QMetaType::QDateTime:
        return held<QDateTime>(value).isNull();
    default:
        return false;
    }
}

bool isIntegral(int typeId)
{
    switch (typeId) {
    case QMetaType::Bool:
    case QMetaType::Char:
    case QMetaType::SChar:
    case QMetaType::UChar:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
        return true;
    default:
        return false;
    }
}

bool isBindable(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::ULong:
    case QMetaType::ULongLong:
    case QMetaType::Float:
    case QMetaType::Double:
    case QMetaType::QByteArray:
    case QMetaType::QString:
    case QMetaType::QDate:
    case QMetaType::QTime:
    case QMetaType::QDateTime:
        return true;
    default:
        // A type without a text form would otherwise be stored as '' without a word.
        return isSqlNull(value) || isIntegral(value.typeId()) || value.canConvert<QString>();
    }
}

// Text and blobs are bound without SQLite's copy of them: `buffers` keeps the bytes until the
// statement's bindings are cleared or it is finalized (SqlCipherResult::m_bound).
int bindText(sqlite3_stmt *stmt, int index, const QString &text, QList<QByteArray> &buffers)
{
    const QByteArray &utf8 = buffers.emplace_back(text.toUtf8());
    return sqlite3_bind_text64(stmt, index, utf8.constData(), sqlite3_uint64(utf8.size()),
                               SQLITE_STATIC, SQLITE_UTF8);
}

int bindParameter(sqlite3_stmt *stmt, int index, const QVariant &value, QList<QByteArray> &buffers)
{
    if (isSqlNull(value))
        return sqlite3_bind_null(stmt, index);
    if (isIntegral(value.typeId()))
        return sqlite3_bind_int64(stmt, index, value.toLongLong());

    switch (value.typeId()) {
    case QMetaType::ULong:
    case QMetaType::ULongLong: {
        const qulonglong number = value.toULongLong();
        // SQLite has no unsigned 64-bit integer; text keeps every digit where int64 would wrap.
        if (number > qulonglong(std::numeric_limits<qint64>::max()))
            return bindText(stmt, index, QString::number(number), buffers);
        return sqlite3_bind_int64(stmt, index, static_cast<sqlite3_int64>(number));
    }
    case QMetaType::Float:
    case QMetaType::Double:
        return sqlite3_bind_double(stmt, index, value.toDouble());
    case QMetaType::QByteArray: {
        const QByteArray &bytes = buffers.emplace_back(held<QByteArray>(value));
        // A zero-length blob must not become NULL, which sqlite3_bind_blob makes of no data.
        if (bytes.isEmpty())
            return sqlite3_bind_zeroblob(stmt, index, 0);
        return sqlite3_bind_blob64(stmt, index, bytes.constData(), sqlite3_uint64(bytes.size()),
                                   SQLITE_STATIC);
    }
    case QMetaType::QDateTime:
        return bindText(stmt, index, held<QDateTime>(value).toString(Qt::ISODateWithMs), buffers);
    case QMetaType::QDate:
        return bindText(stmt, index, held<QDate>(value).toString(Qt::ISODate), buffers);
    case QMetaType::QTime:
        return bindText(stmt, index, held<QTime>(value).toString(Qt::ISODateWithMs), buffers);
    default:
        return bindText(stmt, index, value.toString(), buffers);
    }
}

// True when only blanks, semicolons and comments follow the statement SQLite just prepared.
bool onlyEmptyStatementsFollow(sqlite3 *db, const char *tail, const char *end)
{
    while (tail < end && (*tail == ';' || std::isspace(static_cast<unsigned char>(*tail))))
        ++tail;
    if (tail >= end)
        return true;
    // Let SQLite's own tokenizer decide what else is there: it yields no statement for comments.
    sqlite3_stmt *next = nullptr;
    const int rc = sqlite3_prepare_v2(db, tail, static_cast<int>(end - tail), &next, nullptr);
    sqlite3_finalize(next);
    return rc == SQLITE_OK && next == nullptr;
}

const char *skipBlanksAndComments(const char *sql)
{
    for (;;) {
        while (std::isspace(static_cast<unsigned char>(*sql)))
            ++sql;
        if (sql[0] == '-' && sql[1] == '-') {
            while (*sql && *sql != '\n')
                ++sql;
        } else if (sql[0] == '/' && sql[1] == '*') {
            const char *close = std::strstr(sql + 2, "*/");
            sql = close ? close + 2 : sql + std::strlen(sql);
        } else {
            return sql;
        }
    }
}

bool startsWithKeyword(const char *sql, const char *keyword)
{
    const std::size_t length = std::strlen(keyword);
    return qstrnicmp(sql, keyword, length) == 0 &&
           !std::isalnum(static_cast<unsigned char>(sql[length])) && sql[length] != '_';
}

// sqlite3_last_insert_rowid() is per connection and survives UPDATEs and DDL, so it only answers
// for the statement that just ran when that statement inserted.
bool isInsertStatement(const char *sql)
{
    if (!sql)
        return false;
    const char *start = skipBlanksAndComments(sql);
    return startsWithKeyword(start, "INSERT") || startsWithKeyword(start, "REPLACE");
}

} // namespace

QMetaType sqlCipherDeclaredType(const QString &declaredType, QSql::NumericalPrecisionPolicy policy)
{
    // The order of the checks is SQLite's (datatype3.html, "Determination Of Column Affinity").
    const QString type = declaredType.toUpper();
    const auto has = [&type](const char *part) { return type.contains(QLatin1String(part)); };
    if (type.isEmpty())
        return {};
    if (has("INT"))
        return integerType(policy);
    if (has("CHAR") || has("CLOB") || has("TEXT"))
        return QMetaType::fromType<QString>();
    if (has("BLOB"))
        return QMetaType::fromType<QByteArray>();
    if (has("REAL") || has("FLOA") || has("DOUB"))
        return realType(policy);
    // NUMERIC affinity. This driver stores dates and times as ISO 8601 text and booleans as 0/1.
    if (has("DATE") || has("TIME"))
        return QMetaType::fromType<QString>();
    if (has("BOOL"))
        return integerType(policy);
    return realType(policy);
}

QSqlError sqlCipherError(sqlite3 *db, const QString &what, QSqlError::ErrorType type)
{
    if (!db)
        return QSqlError(what, QString(), type);
    return QSqlError(what, QString::fromUtf8(sqlite3_errmsg(db)), type,
                     QString::number(sqlite3_extended_errcode(db)));
}

SqlCipherResult::SqlCipherResult(const SqlCipherDriver *driver) : QSqlResult(driver)
{
    if (driver)
        driver->attachResult(this);
}

SqlCipherResult::~SqlCipherResult()
{
    finalizeStatement();
    // driver() is a guarded pointer: null when the driver went first (and closed our statement).
    if (const auto *owner = static_cast<const SqlCipherDriver *>(driver()))
        owner->detachResult(this);
}

QVariant SqlCipherResult::handle() const
{
    return QVariant::fromValue(m_stmt);
}

void SqlCipherResult::releaseStatement()
{
    finalizeStatement(false);
    setActive(false);
    setAt(QSql::BeforeFirstRow);
}

sqlite3 *SqlCipherResult::connection() const
{
    const auto *owner = static_cast<const SqlCipherDriver *>(driver());
    return owner ? owner->connection() : nullptr;
}

void SqlCipherResult::finalizeStatement(bool mayKeep)
{
    clearRows();
    if (m_stmt) {
        const auto *owner = static_cast<const SqlCipherDriver *>(driver());
        if (mayKeep && m_keepable && owner && owner->connection())
            owner->keptStatements().keep(m_sql, m_stmt, m_columns);
        else
            sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
    m_bound.clear(); // after the statement let go of them (kept statements hold no bindings)
    m_columns.clear();
    m_keepable = false;
}

void SqlCipherResult::clearRows()
{
    m_rows.clear();
    m_lastRow.clear();
    m_rowPending = false;
    m_exhausted = true;
}

bool SqlCipherResult::reset(const QString &query)
{
    return prepare(query) && exec();
}

bool SqlCipherResult::prepare(const QString &query)
{
    finalizeStatement();
    setActive(false);
    setSelect(false);
    setAt(QSql::BeforeFirstRow);
    m_rowsAffected = -1;
    m_lastInsertId.clear();

    sqlite3 *db = connection();
    if (!db) {
        setLastError(QSqlError(tr("The database connection is closed."), QString(),
                               QSqlError::ConnectionError));
        return false;
    }
    const QByteArray sql = query.toUtf8();
    if (sql.size() >= std::numeric_limits<int>::max()) {
        setLastError(
            QSqlError(tr("The statement is too long."), QString(), QSqlError::StatementError));
        return false;
    }
    const auto *owner = static_cast<const SqlCipherDriver *>(driver());
    m_stmt = owner->keptStatements().take(sql, &m_columns);
    if (m_stmt) {
        m_sql = sql;
        m_keepable = true;
        return true;
    }
    const char *tail = nullptr;
    // The size includes the terminating NUL, which spares SQLite a copy of the text.
    if (sqlite3_prepare_v2(db, sql.constData(), static_cast<int>(sql.size()) + 1, &m_stmt, &tail) !=
        SQLITE_OK) {
        fail(tr("Unable to prepare the statement"), QSqlError::StatementError);
        finalizeStatement();
        return false;
    }
    if (!m_stmt) {
        setLastError(QSqlError(tr("The query contains no SQL statement."), QString(),
                               QSqlError::StatementError));
        return false;
    }
    if (!onlyEmptyStatementsFollow(db, tail, sql.constData() + sql.size())) {
        finalizeStatement();
        setLastError(QSqlError(tr("The query contains more than one statement; the QSQLCIPHER "
                                  "driver runs one statement at a time."),
                               QString(), QSqlError::StatementError));
        return false;
    }

    const int count = sqlite3_column_count(m_stmt);
    m_columns.reserve(count);
    for (int i = 0; i < count; ++i) {
        Column column;
        column.name = QString::fromUtf8(sqlite3_column_name(m_stmt, i));
        column.declaredType = QString::fromUtf8(sqlite3_column_decltype(m_stmt, i));
        const char *table = sqlite3_column_table_name(m_stmt, i);
        const char *origin = sqlite3_column_origin_name(m_stmt, i);
        column.table = QString::fromUtf8(table);
        int notNull = 0;
        if (table && origin &&
            sqlite3_table_column_metadata(db, sqlite3_column_database_name(m_stmt, i), table,
                                          origin, nullptr, nullptr, &notNull, nullptr,
                                          nullptr) == SQLITE_OK) {
            column.required = notNull ? QSqlField::Required : QSqlField::Optional;
        }
        m_columns.append(column);
    }
    // A statement that changes the schema is not kept, and the kept ones are let go: their
    // columns may name what it changes. Transactions, savepoints and pragmas are kept.
    m_sql = sql;
    m_keepable = !changesSchema(sql);
    if (!m_keepable)
        owner->keptStatements().clear();
    return true;
}

bool SqlCipherResult::exec()
{
    return execWith(boundValues(), false);
}

bool SqlCipherResult::execWith(const QVariantList &values, bool nullTextAsEmpty)
{
    if (lastError().isValid())
        setLastError(QSqlError());
    sqlite3 *db = connection();
    setActive(false);
    setAt(QSql::BeforeFirstRow);
    m_rowsAffected = -1;
    m_lastInsertId.clear();
    if (!m_stmt || !db) {
        setLastError(QSqlError(
            db ? tr("The query was not prepared.") : tr("The database connection is closed."),
            QString(), db ? QSqlError::StatementError : QSqlError::ConnectionError));
        return false;
    }
    clearRows();
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_bound.clear();

    const int placeholders = sqlite3_bind_parameter_count(m_stmt);
    if (values.size() != placeholders) {
        setLastError(QSqlError(tr("The statement has %1 placeholders, but %2 values were bound.")
                                   .arg(placeholders)
                                   .arg(values.size()),
                               QString(), QSqlError::StatementError));
        return false;
    }
    for (int i = 0; i < placeholders; ++i) {
        const QVariant &value = values.at(i);
        if (!isBindable(value)) {
            setLastError(QSqlError(tr("Cannot bind a value of type %1 to placeholder %2.")
                                       .arg(QString::fromLatin1(value.metaType().name()))
                                       .arg(i + 1),
                                   QString(), QSqlError::StatementError));
            return false;
        }
        const bool emptyText = nullTextAsEmpty && value.typeId() == QMetaType::QString &&
                               held<QString>(value).isNull();
        if ((emptyText ? sqlite3_bind_text64(m_stmt, i + 1, "", 0, SQLITE_STATIC, SQLITE_UTF8)
                       : bindParameter(m_stmt, i + 1, value, m_bound)) != SQLITE_OK)
            return fail(tr("Unable to bind placeholder %1").arg(i + 1), QSqlError::StatementError);
    }
    return run(db);
}

bool SqlCipherResult::run(sqlite3 *db)
{
    const int changesBefore = sqlite3_total_changes(db);
    const sqlite3_int64 rowIdBefore = sqlite3_last_insert_rowid(db);

    m_exhausted = false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        m_rowPending = true;
    } else if (rc == SQLITE_DONE) {
        m_exhausted = true;
        sqlite3_reset(m_stmt);
    } else {
        return fail(tr("Unable to execute the statement"), QSqlError::StatementError);
    }

    const bool select = !m_columns.isEmpty();
    if (select && m_rowPending) {
        for (int i = 0; i < m_columns.size(); ++i)
            m_columns[i].firstRowStorageClass = sqlite3_column_type(m_stmt, i);
    }
    if (!select) {
        // sqlite3_changes() keeps the count of the last INSERT/UPDATE/DELETE across DDL, so a
        // CREATE TABLE would report the rows of some earlier statement without this check.
        m_rowsAffected = sqlite3_total_changes(db) != changesBefore ? sqlite3_changes(db) : 0;
        const sqlite3_int64 rowId = sqlite3_last_insert_rowid(db);
        if (m_rowsAffected > 0 && (rowId != rowIdBefore || isInsertStatement(sqlite3_sql(m_stmt))))
            m_lastInsertId = static_cast<qlonglong>(rowId);
    }
    setSelect(select);
    setActive(true);
    return true;
}

bool SqlCipherResult::step()
{
    if (m_rowPending) {
        m_rowPending = false;
        return true;
    }
    if (m_exhausted || !m_stmt)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE) {
        m_exhausted = true;
        // Resetting at the end releases the read lock before the caller lets go of the query.
        sqlite3_reset(m_stmt);
        return false;
    }
    return fail(tr("Unable to fetch the next row"), QSqlError::StatementError);
}

bool SqlCipherResult::fail(const QString &what, QSqlError::ErrorType type)
{
    // The message is taken before sqlite3_reset(), which may replace it.
    setLastError(sqlCipherError(connection(), what, type));
    if (m_stmt)
        sqlite3_reset(m_stmt);
    m_rowPending = false;
    m_exhausted = true;
    return false;
}

QVariant SqlCipherResult::columnValue(int column) const
{
    const QSql::NumericalPrecisionPolicy policy = numericalPrecisionPolicy();
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_INTEGER:
        return integerValue(sqlite3_column_int64(m_stmt, column), policy);
    case SQLITE_FLOAT:
        return realValue(sqlite3_column_double(m_stmt, column), policy);
    case SQLITE_TEXT: {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
        return QString::fromUtf8(text, sqlite3_column_bytes(m_stmt, column));
    }
    case SQLITE_BLOB: {
        const auto *bytes = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
        const int size = sqlite3_column_bytes(m_stmt, column);
        // SQLite answers a zero-length blob with a null pointer; it is still not NULL.
        return bytes ? QByteArray(bytes, size) : QByteArray("", 0);
    }
    default:
        return QVariant(columnType(column));
    }
}

QVariantList SqlCipherResult::readRow() const
{
    QVariantList row;
    row.reserve(m_columns.size());
    for (int i = 0; i < m_columns.size(); ++i)
        row.append(columnValue(i));
    return row;
}

QMetaType SqlCipherResult::columnType(int column) const
{
    const Column &c = m_columns.at(column);
    if (!c.declaredType.isEmpty())
        return sqlCipherDeclaredType(c.declaredType, numericalPrecisionPolicy());
    return storageClassType(c.firstRowStorageClass, numericalPrecisionPolicy());
}

const QVariantList *SqlCipherResult::keptRow() const
{
    if (!isForwardOnly())
        return at() >= 0 && at() < m_rows.size() ? &m_rows.at(at()) : nullptr;
    return m_lastRow.isEmpty() ? nullptr : &m_lastRow;
}

QVariant SqlCipherResult::data(int column)
{
    if (column < 0 || column >= m_columns.size()) {
        qWarning("SqlCipherResult::data: column %d does not exist", column);
        return {};
    }
    if (const QVariantList *row = keptRow())
        return row->at(column);
    if (!m_stmt || !isValid())
        return {};
    return columnValue(column);
}

bool SqlCipherResult::isNull(int column)
{
    if (column < 0 || column >= m_columns.size())
        return true;
    if (const QVariantList *row = keptRow())
        return row->at(column).isNull();
    return !m_stmt || !isValid() || sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

bool SqlCipherResult::fetch(int row)
{
    if (row < 0 || !isActive() || !isSelect())
        return false;

    if (!isForwardOnly()) {
        while (m_rows.size() <= row) {
            if (!step())
                return false;
            m_rows.append(readRow());
        }
        setAt(row);
        return true;
    }

    int current = at();
    if (current == QSql::AfterLastRow || row < current)
        return false;
    while (current < row) {
        if (!step())
            return false;
        m_lastRow.clear();
        setAt(++current);
    }
    return true;
}

bool SqlCipherResult::fetchFirst()
{
    return fetch(0);
}

bool SqlCipherResult::fetchLast()
{
    if (!isActive() || !isSelect())
        return false;

    if (!isForwardOnly()) {
        while (step())
            m_rows.append(readRow());
        if (m_rows.isEmpty() || lastError().isValid())
            return false;
        setAt(static_cast<int>(m_rows.size()) - 1);
        return true;
    }

    if (at() == QSql::AfterLastRow)
        return false;
    // Forward-only: the statement forgets a row once it steps past it, so keep each one until
    // the next arrives.
    int row = at();
    QVariantList last;
    if (isValid())
        last = m_lastRow.isEmpty() ? readRow() : m_lastRow;
    while (step()) {
        last = readRow();
        ++row;
    }
    if (row < 0 || lastError().isValid())
        return false;
    m_lastRow = last;
    setAt(row);
    return true;
}

int SqlCipherResult::size()
{
    return -1;
}

int SqlCipherResult::numRowsAffected()
{
    return m_rowsAffected;
}

QVariant SqlCipherResult::lastInsertId() const
{
    return m_lastInsertId;
}

QSqlRecord SqlCipherResult::record() const
{
    QSqlRecord record;
    for (int i = 0; i < m_columns.size(); ++i) {
        const Column &c = m_columns.at(i);
        QSqlField field(c.name, columnType(i), c.table);
        field.setRequiredStatus(c.required);
        record.append(field);
    }
    return record;
}

void SqlCipherResult::detachFromResultSet()
{
    if (m_stmt)
        sqlite3_reset(m_stmt);
    clearRows();
}

sqlite3_stmt *SqlCipherStatementCache::take(const QByteArray &sql,
                                            QList<SqlCipherResult::Column> *columns)
{
    const auto it = m_kept.find(sql);
    if (it == m_kept.end())
        return nullptr;
    sqlite3_stmt *stmt = it->stmt;
    *columns = std::move(it->columns);
    for (SqlCipherResult::Column &column : *columns)
        column.firstRowStorageClass = 0;
    m_kept.erase(it);
    return stmt;
}

void SqlCipherStatementCache::keep(const QByteArray &sql, sqlite3_stmt *stmt,
                                   const QList<SqlCipherResult::Column> &columns)
{
    // Reset: no read lock, no row, no bound value stays with a kept statement.
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (m_kept.contains(sql)) {
        sqlite3_finalize(stmt);
        return;
    }
    if (m_kept.size() >= kMaxKept)
        clear();
    m_kept.insert(sql, Kept{stmt, columns});
}

void SqlCipherStatementCache::clear()
{
    for (const Kept &kept : std::as_const(m_kept))
        sqlite3_finalize(kept.stmt);
    m_kept.clear();
}

} // namespace frontdesk
