#include "database/SqlCipherDriver.h"

#include "database/SqlCipherResult.h"

#include <QDate>
#include <QDateTime>
#include <QDebug>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlRecord>
#include <QStringList>
#include <QTime>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <memory>
#include <mutex>

namespace frontdesk {
namespace {

constexpr int kDefaultBusyTimeoutMs = 5000;
constexpr auto kReadOnlyOption = QLatin1String("QSQLCIPHER_OPEN_READONLY");
constexpr auto kBusyTimeoutOption = QLatin1String("QSQLCIPHER_BUSY_TIMEOUT");
constexpr qsizetype kRawKeyHexDigits = 64;

struct StatementFinalizer
{
    void operator()(sqlite3_stmt *stmt) const { sqlite3_finalize(stmt); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

Statement prepareStatement(sqlite3 *db, const QByteArray &sql)
{
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(db, sql.constData(), static_cast<int>(sql.size()) + 1, &stmt, nullptr);
    return Statement(stmt);
}

QString columnText(sqlite3_stmt *stmt, int column)
{
    // sqlite3_column_bytes() must follow sqlite3_column_text(), whose conversion it measures.
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt, column));
    return QString::fromUtf8(text, sqlite3_column_bytes(stmt, column));
}

// The first column of the first row, or "" when the statement yields no row.
QString firstText(sqlite3 *db, const char *sql)
{
    const Statement stmt = prepareStatement(db, QByteArray(sql));
    if (!stmt || sqlite3_step(stmt.get()) != SQLITE_ROW)
        return {};
    return columnText(stmt.get(), 0);
}

struct ConnectOptions
{
    bool readOnly = false;
    int busyTimeoutMs = kDefaultBusyTimeoutMs;
};

bool parseConnectOptions(const QString &text, ConnectOptions *options, QString *error)
{
    const QStringList parts = text.split(u';', Qt::SkipEmptyParts);
    for (const QString &rawPart : parts) {
        const QString part = rawPart.trimmed();
        if (part.isEmpty())
            continue;
        if (part == kReadOnlyOption) {
            options->readOnly = true;
            continue;
        }
        const qsizetype equals = part.indexOf(u'=');
        if (equals > 0 && QStringView(part).left(equals).trimmed() == kBusyTimeoutOption) {
            bool ok = false;
            const int milliseconds = QStringView(part).mid(equals + 1).trimmed().toInt(&ok);
            if (!ok || milliseconds < 0) {
                *error = SqlCipherDriver::tr("%1 needs a number of milliseconds, not \"%2\".")
                             .arg(kBusyTimeoutOption, part.mid(equals + 1).trimmed());
                return false;
            }
            options->busyTimeoutMs = milliseconds;
            continue;
        }
        *error = SqlCipherDriver::tr("Unknown connect option \"%1\" (the QSQLCIPHER driver knows "
                                     "%2 and %3=<milliseconds>).")
                     .arg(part, kReadOnlyOption, kBusyTimeoutOption);
        return false;
    }
    return true;
}

bool isRawKey(const QString &password)
{
    return password.size() == kRawKeyHexDigits &&
           std::all_of(password.cbegin(), password.cend(), [](QChar c) {
               return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') ||
                      (c >= u'A' && c <= u'F');
           });
}

QString quoteIdentifier(const QString &identifier)
{
    QString quoted = identifier;
    quoted.replace(u'"', QLatin1String("\"\""));
    return u'"' + quoted + u'"';
}

QString quoteLiteral(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', QLatin1String("''"));
    return u'\'' + quoted + u'\'';
}

bool isQuoted(QStringView part)
{
    return part.size() >= 2 && part.startsWith(u'"') && part.endsWith(u'"');
}

// "schema.table" split at dots outside double quotes; each part as written, quotes kept.
QStringList splitQualifiedName(const QString &name)
{
    QStringList parts;
    QString current;
    bool inQuotes = false;
    for (const QChar c : name) {
        if (c == u'"')
            inQuotes = !inQuotes;
        if (c == u'.' && !inQuotes) {
            parts << current;
            current.clear();
        } else {
            current += c;
        }
    }
    parts << current;
    return parts;
}

QString unquoted(const QString &part)
{
    if (!isQuoted(part))
        return part;
    QString inner = part.mid(1, part.size() - 2);
    inner.replace(QLatin1String("\"\""), QLatin1String("\""));
    return inner;
}

// PRAGMA table_info's dflt_value is the default's SQL text; a string literal becomes its value.
QVariant defaultValue(const QString &sqlText)
{
    if (sqlText.size() >= 2 && sqlText.startsWith(u'\'') && sqlText.endsWith(u'\'')) {
        QString value = sqlText.mid(1, sqlText.size() - 2);
        value.replace(QLatin1String("''"), QLatin1String("'"));
        return value;
    }
    return sqlText;
}

struct TableColumn
{
    QSqlField field;
    int primaryKeyPosition = 0;
};

QList<TableColumn> tableColumns(sqlite3 *db, const QString &tableName,
                                QSql::NumericalPrecisionPolicy policy)
{
    QList<TableColumn> columns;
    const QStringList parts = splitQualifiedName(tableName);
    if (parts.size() > 2 || parts.constLast().isEmpty())
        return columns;
    const QString table = unquoted(parts.constLast());

    // PRAGMA arguments cannot be bound, and pragma_table_info() needs SQLite 3.16 (SQLCipher 3.4
    // is 3.15), so the names go in quoted.
    QString sql = QStringLiteral("PRAGMA ");
    if (parts.size() == 2)
        sql += quoteIdentifier(unquoted(parts.constFirst())) + u'.';
    sql += QLatin1String("table_info(") + quoteLiteral(table) + u')';

    const Statement stmt = prepareStatement(db, sql.toUtf8());
    int primaryKeyColumns = 0;
    QStringList declaredTypes;
    while (stmt && sqlite3_step(stmt.get()) == SQLITE_ROW) {
        const QString declaredType = columnText(stmt.get(), 2);
        TableColumn column;
        column.field = QSqlField(columnText(stmt.get(), 1),
                                 sqlCipherDeclaredType(declaredType, policy), table);
        column.field.setRequiredStatus(
            sqlite3_column_int(stmt.get(), 3) != 0 ? QSqlField::Required : QSqlField::Optional);
        if (sqlite3_column_type(stmt.get(), 4) != SQLITE_NULL)
            column.field.setDefaultValue(defaultValue(columnText(stmt.get(), 4)));
        column.primaryKeyPosition = sqlite3_column_int(stmt.get(), 5);
        if (column.primaryKeyPosition > 0)
            ++primaryKeyColumns;
        columns.append(column);
        declaredTypes.append(declaredType);
    }
    // A lone INTEGER PRIMARY KEY is the rowid: SQLite fills it in when the insert leaves it out.
    if (primaryKeyColumns == 1) {
        for (qsizetype i = 0; i < columns.size(); ++i) {
            if (columns.at(i).primaryKeyPosition > 0 &&
                declaredTypes.at(i).compare(QLatin1String("INTEGER"), Qt::CaseInsensitive) == 0)
                columns[i].field.setAutoValue(true);
        }
    }
    return columns;
}

} // namespace

SqlCipherDriver::SqlCipherDriver(QObject *parent)
    : QSqlDriver(parent), m_kept(std::make_unique<SqlCipherStatementCache>())
{}

SqlCipherDriver::~SqlCipherDriver()
{
    close();
}

bool SqlCipherDriver::hasFeature(DriverFeature feature) const
{
    switch (feature) {
    case Transactions:
    case BLOB:
    case Unicode:
    case PreparedQueries:
    case PositionalPlaceholders:
    case LastInsertId:
    case LowPrecisionNumbers:
    case SimpleLocking:
    case FinishQuery:
        return true;
    case QuerySize:
    // Qt then rewrites :name to ? and maps each name to its positions, which also handles a name
    // used twice; SQLite sees positional parameters only.
    case NamedPlaceholders:
    case BatchOperations:
    case EventNotifications:
    case MultipleResultSets:
    case CancelQuery:
        return false;
    }
    return false;
}

bool SqlCipherDriver::open(const QString &databaseName, const QString & /*user*/,
                           const QString &password, const QString & /*host*/, int /*port*/,
                           const QString &connectOptions)
{
    if (isOpen())
        close();
    setLastError(QSqlError());

    const QString shownPath = QDir::toNativeSeparators(databaseName);
    ConnectOptions options;
    QString optionError;
    if (!parseConnectOptions(connectOptions, &options, &optionError))
        return failOpen(optionError);
    // The key is checked before the file is touched, so a bad key cannot create a file either.
    if (password.isEmpty()) {
        return failOpen(tr("No database key was given; Frontdesk never opens a database "
                           "unencrypted. Refusing to open %1.")
                            .arg(shownPath));
    }
    if (!isRawKey(password)) {
        return failOpen(tr("The database key must be exactly %1 hexadecimal digits (a raw "
                           "256-bit key). Refusing to open %2.")
                            .arg(kRawKeyHexDigits)
                            .arg(shownPath));
    }

    const bool isFile = !databaseName.isEmpty() && databaseName != QLatin1String(":memory:");
    const bool existedBefore = isFile && QFileInfo::exists(databaseName);
    // sqlite3_open_v2 creates the file at once; a refused open must leave nothing behind.
    const auto removeCreatedFile = [&] {
        const QFileInfo info(databaseName);
        if (isFile && !existedBefore && info.isFile() && info.size() == 0)
            QFile::remove(databaseName);
    };
    // New files get 4 KiB pages (SQLCipher 4's default). SQLCipher 3 makes 1 KiB pages and
    // encrypts and authenticates each on its own; 4 KiB pages take a fifth off the CPU of a
    // workstation's first pull of a clinic. Files made before have 1 KiB pages, and a file's page
    // size cannot be read without decrypting it: a file whose first page does not decrypt with
    // 4 KiB pages is tried with 1 KiB before the key is called wrong. A try with the wrong page
    // size leaves the file, and a WAL that a crash left beside it, as they were.
    const bool mayBeLegacy = existedBefore && QFileInfo(databaseName).size() > 0;
    const std::array<int, 2> pageSizes{kSqlCipherPageBytes, kSqlCipherLegacyPageBytes};
    const qsizetype tries = mayBeLegacy ? 2 : 1;
    sqlite3 *db = nullptr;
    Statement probe;
    const auto refuse = [&](const QString &message, bool withSqliteError) {
        failOpen(message, withSqliteError ? db : nullptr);
        probe.reset();
        sqlite3_close(db);
        removeCreatedFile();
        return false;
    };

    const int flags =
        options.readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    for (qsizetype attempt = 0; attempt < tries; ++attempt) {
        if (db) {
            probe.reset();
            sqlite3_close(db);
            db = nullptr;
        }
        if (sqlite3_open_v2(QFile::encodeName(databaseName).constData(), &db, flags, nullptr) !=
            SQLITE_OK) {
            return refuse(tr("Could not open the database %1.").arg(shownPath), true);
        }
        sqlite3_extended_result_codes(db, 1);
        sqlite3_busy_timeout(db, options.busyTimeoutMs);

        // Plain SQLite ignores unknown pragmas, so without this check "PRAGMA key" would be a
        // no-op and every row would be written in clear.
        if (firstText(db, "PRAGMA cipher_version").isEmpty()) {
            const QString message = tr("SQLCipher is not active in this process (PRAGMA "
                                       "cipher_version gave no answer): the process reached plain "
                                       "SQLite, which would store patient data unencrypted. "
                                       "Refusing to open %1.")
                                        .arg(shownPath);
            qCritical().noquote() << message;
            return refuse(message, false);
        }

        // A statement rather than sqlite3_key(), so this file also compiles against plain
        // sqlite3.h (the guard test builds it that way). The buffer never grows, so wiping it
        // wipes the key.
        QByteArray keyStatement;
        keyStatement.reserve(kRawKeyHexDigits + 32);
        keyStatement.append("PRAGMA key = \"x'");
        for (const QChar c : password)
            keyStatement.append(static_cast<char>(c.unicode()));
        keyStatement.append("'\"");
        const int keyResult = sqlite3_exec(db, keyStatement.constData(), nullptr, nullptr, nullptr);
        keyStatement.fill('\0');
        const QByteArray pageSize =
            "PRAGMA cipher_page_size = " + QByteArray::number(pageSizes.at(size_t(attempt)));
        if (keyResult != SQLITE_OK ||
            sqlite3_exec(db, pageSize.constData(), nullptr, nullptr, nullptr) != SQLITE_OK) {
            return refuse(tr("Could not apply the key to the database %1.").arg(shownPath), true);
        }

        // SQLCipher only decrypts on the first read: without this probe a wrong key would
        // surface as a confusing error from the first real query. Reading never writes, so a
        // wrong key leaves the file as it was.
        probe = prepareStatement(db, QByteArrayLiteral("SELECT count(*) FROM sqlite_master"));
        const int probeResult = probe ? sqlite3_step(probe.get()) : sqlite3_errcode(db);
        if (probeResult == SQLITE_ROW)
            break;
        const bool notDecryptable = (sqlite3_errcode(db) & 0xff) == SQLITE_NOTADB;
        if (notDecryptable && attempt + 1 < tries)
            continue;
        const QString message =
            notDecryptable
                ? tr("The database %1 could not be decrypted: the key is wrong, or the file is "
                     "not a Frontdesk database. The file was not changed.")
                      .arg(shownPath)
                : tr("The database %1 could not be read.").arg(shownPath);
        return refuse(message, true);
    }
    probe.reset();

    m_db = db;
    setOpen(true);
    setOpenError(false);
    return true;
}

bool SqlCipherDriver::failOpen(const QString &message, sqlite3 *db)
{
    setLastError(sqlCipherError(db, message, QSqlError::ConnectionError));
    setOpenError(true);
    return false;
}

void SqlCipherDriver::close()
{
    for (SqlCipherResult *result : std::as_const(m_results))
        result->releaseStatement();
    m_kept->clear();
    if (m_db) {
        if (sqlite3_close(m_db) != SQLITE_OK) {
            qWarning("SqlCipherDriver: closing the database failed: %s", sqlite3_errmsg(m_db));
            // Not leaking the handle (and its key) matters more: free it once it can be freed.
            sqlite3_close_v2(m_db);
        }
        m_db = nullptr;
    }
    setOpen(false);
    setOpenError(false);
}

QSqlResult *SqlCipherDriver::createResult() const
{
    return new SqlCipherResult(this);
}

void SqlCipherDriver::attachResult(SqlCipherResult *result) const
{
    m_results.append(result);
}

void SqlCipherDriver::detachResult(SqlCipherResult *result) const
{
    m_results.removeOne(result);
}

bool SqlCipherDriver::execTransactionStatement(const char *sql, const QString &what)
{
    if (!m_db) {
        setLastError(QSqlError(what, tr("The database is not open."), QSqlError::TransactionError));
        return false;
    }
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
        setLastError(sqlCipherError(m_db, what, QSqlError::TransactionError));
        return false;
    }
    return true;
}

bool SqlCipherDriver::beginTransaction()
{
    // IMMEDIATE takes the write lock now: a transaction that later finds another writer would
    // otherwise fail with SQLITE_BUSY half-way instead of waiting at the start.
    return execTransactionStatement("BEGIN IMMEDIATE", tr("Unable to begin the transaction"));
}

bool SqlCipherDriver::commitTransaction()
{
    return execTransactionStatement("COMMIT", tr("Unable to commit the transaction"));
}

bool SqlCipherDriver::rollbackTransaction()
{
    return execTransactionStatement("ROLLBACK", tr("Unable to roll back the transaction"));
}

QStringList SqlCipherDriver::tables(QSql::TableType type) const
{
    QStringList names;
    if (!m_db)
        return names;
    // sqlite_master does not list itself.
    if (type & QSql::SystemTables)
        names << QStringLiteral("sqlite_master");
    const Statement stmt = prepareStatement(
        m_db, QByteArrayLiteral("SELECT name, type FROM sqlite_master WHERE type IN ('table', "
                                "'view') UNION ALL SELECT name, type FROM sqlite_temp_master "
                                "WHERE type IN ('table', 'view') ORDER BY 1"));
    while (stmt && sqlite3_step(stmt.get()) == SQLITE_ROW) {
        const QString name = columnText(stmt.get(), 0);
        const bool isView = columnText(stmt.get(), 1) == QLatin1String("view");
        const bool isSystem = name.startsWith(QLatin1String("sqlite_"), Qt::CaseInsensitive);
        const QSql::TableType kind =
            isView ? QSql::Views : (isSystem ? QSql::SystemTables : QSql::Tables);
        if (type & kind)
            names << name;
    }
    return names;
}

QSqlRecord SqlCipherDriver::record(const QString &tableName) const
{
    QSqlRecord record;
    if (!m_db)
        return record;
    const QList<TableColumn> columns = tableColumns(m_db, tableName, numericalPrecisionPolicy());
    for (const TableColumn &column : columns)
        record.append(column.field);
    return record;
}

QSqlIndex SqlCipherDriver::primaryIndex(const QString &tableName) const
{
    QSqlIndex index(tableName);
    if (!m_db)
        return index;
    QList<TableColumn> columns = tableColumns(m_db, tableName, numericalPrecisionPolicy());
    columns.removeIf([](const TableColumn &column) { return column.primaryKeyPosition == 0; });
    std::sort(columns.begin(), columns.end(), [](const TableColumn &a, const TableColumn &b) {
        return a.primaryKeyPosition < b.primaryKeyPosition;
    });
    for (const TableColumn &column : std::as_const(columns))
        index.append(column.field);
    return index;
}

QString SqlCipherDriver::escapeIdentifier(const QString &identifier, IdentifierType type) const
{
    if (identifier.isEmpty() || isIdentifierEscaped(identifier, type))
        return identifier;
    if (type == TableName) {
        // "schema.table" must become "schema"."table", not one name with a dot in it.
        QStringList parts = splitQualifiedName(identifier);
        for (QString &part : parts) {
            if (!isQuoted(part))
                part = quoteIdentifier(part);
        }
        return parts.join(u'.');
    }
    return quoteIdentifier(identifier);
}

QString SqlCipherDriver::formatValue(const QSqlField &field, bool trimStrings) const
{
    if (field.isNull())
        return QStringLiteral("NULL");
    // Literals that read back exactly as a bound value of the same type would.
    const QVariant value = field.value();
    switch (value.typeId()) {
    case QMetaType::QByteArray:
        return QLatin1String("X'") + QString::fromLatin1(value.toByteArray().toHex()) + u'\'';
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    case QMetaType::QDateTime:
        return quoteLiteral(value.toDateTime().toString(Qt::ISODateWithMs));
    case QMetaType::QDate:
        return quoteLiteral(value.toDate().toString(Qt::ISODate));
    case QMetaType::QTime:
        return quoteLiteral(value.toTime().toString(Qt::ISODateWithMs));
    default:
        return QSqlDriver::formatValue(field, trimStrings);
    }
}

QVariant SqlCipherDriver::handle() const
{
    return QVariant::fromValue(m_db);
}

void registerSqlCipherDriver()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // SQLite keeps a count of its memory (sqlite3_memory_used) under one mutex, which every
        // allocation of every connection takes; Frontdesk never reads it. Only before SQLite's
        // first use: later it refuses (SQLITE_MISUSE) and goes on counting.
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        QSqlDatabase::registerSqlDriver(QLatin1String(kSqlCipherDriverName),
                                        new QSqlDriverCreator<SqlCipherDriver>);
    });
}

QString sqlCipherVersion()
{
    static const QString version = [] {
        sqlite3 *db = nullptr;
        QString answer;
        if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) ==
            SQLITE_OK)
            answer = firstText(db, "PRAGMA cipher_version");
        sqlite3_close(db);
        return answer;
    }();
    return version;
}

} // namespace frontdesk
