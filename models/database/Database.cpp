#include "Database.h"

#include "database/DirectBinding.h"
#include "database/SqlCipherDriver.h"
#include "database/SqlRow.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlResult>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

#include <sodium.h>

namespace frontdesk {

namespace {

QString newConnectionName()
{
    return QStringLiteral("frontdesk-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// What a person can do about the errors that come from the machine rather than from the data:
// SQLite's primary result codes (the low byte of the extended code the driver reports).
QString adviceFor(const QSqlError &error)
{
    bool isNumber = false;
    const int code = error.nativeErrorCode().toInt(&isNumber) & 0xff;
    if (!isNumber)
        return {};
    switch (code) {
    case 13: // SQLITE_FULL
        return Database::tr("The disk that holds the database is full. Free some space and try "
                            "again; the change that failed was not saved, everything saved "
                            "before it is intact.");
    case 8: // SQLITE_READONLY
        return Database::tr("The database cannot be written: its file or its data directory is "
                            "read-only for this user, or its disk is mounted read-only. Make "
                            "them writable and try again; nothing was changed.");
    case 10: // SQLITE_IOERR
        return Database::tr("The disk reported a read or write error. Check the disk and its "
                            "free space; the change that failed was not saved.");
    case 14: // SQLITE_CANTOPEN
        return Database::tr("Check that the data directory exists and that this user may read "
                            "and write it.");
    default:
        return {};
    }
}

// An index or a trigger a bulk load sets aside (Database::deferIndexes), as it is kept until it
// is made again: its CREATE statement in deferred_indexes, or, for a trigger, in
// deferred_triggers with the statement that catches up on what it would have done.
struct SetAside
{
    QString type; // "index" or "trigger", as sqlite_master names it
    QString name;
    QString sql;
    QString catchUp; // a trigger's; empty for an index

    bool trigger() const { return type == QLatin1String("trigger"); }
    QString keptIn() const
    {
        return trigger() ? QStringLiteral("deferred_triggers") : QStringLiteral("deferred_indexes");
    }
};

// Whether the database has a table of that name: in the connection's schema on PostgreSQL.
Result<bool> hasTable(const Database &db, const QString &name)
{
    auto n = db.scalar(db.dialect() == Database::Dialect::PostgreSql
                           ? QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE "
                                            "table_name = ? AND table_schema = current_schema()")
                           : QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = "
                                            "'table' AND name = ?"),
                       {name});
    if (!n)
        return fail(n.error());
    return n->toLongLong() > 0;
}

} // namespace

QString describeSqlError(const QSqlError &error)
{
    QString text = error.driverText();
    if (!error.databaseText().isEmpty() && !text.contains(error.databaseText()))
        text = text.isEmpty() ? error.databaseText()
                              : text + QStringLiteral(": ") + error.databaseText();
    if (text.isEmpty())
        text = error.text();
    const QString advice = adviceFor(error);
    return advice.isEmpty() ? text : text + QStringLiteral(". ") + advice;
}

Database::Database(QString path, QString connectionName)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName)),
      m_clock(&Clock::system())
{}

Database::~Database()
{
    sodium_memzero(m_key.data(), size_t(m_key.size()));
    dropKeptStatements();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QStringList Database::companionFiles(const QString &dbPath)
{
    return {dbPath, dbPath + QStringLiteral("-wal"), dbPath + QStringLiteral("-shm"),
            dbPath + QStringLiteral("-journal")};
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, const QByteArray &key,
                                                 const Options &options)
{
    if (key.size() != KeyBytes)
        return fail(tr("The database key must be %1 bytes; got %2.").arg(KeyBytes).arg(key.size()));
    registerSqlCipherDriver();
    const bool existed = QFileInfo::exists(path);
    const QString name = newConnectionName();
    std::unique_ptr<Database> database(new Database(path, name));
    database->m_key = key;
    database->m_key.detach();
    database->m_options = options;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QLatin1String(kSqlCipherDriverName), name);
        db.setDatabaseName(path);
        QStringList connectOptions{
            QStringLiteral("QSQLCIPHER_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs)};
        if (options.readOnly)
            connectOptions << QStringLiteral("QSQLCIPHER_OPEN_READONLY");
        db.setConnectOptions(connectOptions.join(QLatin1Char(';')));
        QByteArray hex = key.toHex();
        QString password = QString::fromLatin1(hex);
        sodium_memzero(hex.data(), size_t(hex.size()));
        db.setPassword(password);
        const bool opened = db.open();
        // The key is needed only to open; don't keep its hex form around in QSqlDatabase, nor
        // in the memory this copy leaves behind.
        db.setPassword(QString());
        sodium_memzero(password.data(), size_t(password.size()) * sizeof(QChar));
        if (!opened)
            return fail(describeSqlError(db.lastError()));
    }
    if (!existed && !options.readOnly)
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    if (!options.readOnly) {
        auto mode = database->scalar(QStringLiteral("PRAGMA journal_mode = WAL"));
        if (!mode)
            return fail(tr("Could not switch %1 to WAL journaling: %2").arg(path, mode.error()));
    }
    // temp_store: SQLCipher does not encrypt temporary files, and sorts, temporary indexes and
    // views spill into them; in memory they never reach the disk.
    for (const auto *pragma : {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = FULL",
                               "PRAGMA cache_size = -65536", "PRAGMA temp_store = MEMORY"}) {
        if (auto r = database->query(QString::fromLatin1(pragma)); !r)
            return fail(tr("Could not configure %1: %2").arg(path, r.error()));
    }
    return database;
}

Result<std::unique_ptr<Database>> Database::openPostgres(const QString &url)
{
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || (parsed.scheme() != QLatin1String("postgresql") &&
                              parsed.scheme() != QLatin1String("postgres")))
        return fail(tr("\"%1\" is not a PostgreSQL URL; write "
                       "postgresql://USER:PASSWORD@HOST:PORT/DATABASE.")
                        .arg(parsed.toString(QUrl::RemovePassword)));
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return fail(tr("Qt's PostgreSQL driver (QPSQL) is not installed; on Debian install "
                       "libqt6sql6-psql."));
    const QString name = newConnectionName();
    std::unique_ptr<Database> database(new Database(url, name));
    database->m_dialect = Dialect::PostgreSql;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        const QUrlQuery query(parsed);
        // libpq reads a host that starts with '/' as the directory of a unix socket.
        const QString socketDir = query.queryItemValue(QStringLiteral("host"), QUrl::FullyDecoded);
        db.setHostName(socketDir.isEmpty() ? parsed.host() : socketDir);
        if (parsed.port() > 0)
            db.setPort(parsed.port());
        db.setUserName(parsed.userName(QUrl::FullyDecoded));
        db.setPassword(parsed.password(QUrl::FullyDecoded));
        db.setDatabaseName(parsed.path(QUrl::FullyDecoded).mid(1));
        db.setConnectOptions(QStringLiteral("connect_timeout=10;application_name=frontdesk"));
        const bool opened = db.open();
        db.setPassword(QString());
        if (!opened)
            return fail(
                tr("Could not connect to PostgreSQL at %1: %2")
                    .arg(parsed.toString(QUrl::RemovePassword), describeSqlError(db.lastError())));
    }
    if (auto r = database->query(QStringLiteral("SET TIME ZONE 'UTC'")); !r)
        return fail(r.error());
    return database;
}

Result<std::unique_ptr<Database>> Database::openAnotherConnection() const
{
    if (m_dialect == Dialect::PostgreSql)
        return openPostgres(m_path);
    auto other = open(m_path, m_key, m_options);
    if (other)
        (*other)->setClock(*m_clock);
    return other;
}

void Database::actAsSystem(const QString &purpose)
{
    m_systemPurpose = purpose;
    m_actor = Actor::system(purpose);
}

QString Database::systemPurpose() const
{
    if (m_systemPurpose.isEmpty() && m_serves)
        return m_serves->systemPurpose();
    return m_systemPurpose;
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

QVariant Database::bindable(const QVariant &value)
{
    if (value.typeId() == QMetaType::QString && value.toString().isNull())
        return QVariant(QStringLiteral(""));
    return value;
}

Result<QSqlQuery> Database::query(const QString &statement, const QVariantList &values) const
{
    QSqlQuery q(connection());
    q.setForwardOnly(true);
    // QPSQL makes every prepared statement a server-side PREPARE, which PostgreSQL allows only
    // for SELECT, INSERT, UPDATE, DELETE and VALUES; a statement without values (DDL, SET) runs
    // as it is: there is nothing in it to bind.
    if (m_dialect == Dialect::PostgreSql && values.isEmpty()) {
        if (!q.exec(statement))
            return fail(describeSqlError(q.lastError()));
        return q;
    }
    if (!q.prepare(statement))
        return fail(describeSqlError(q.lastError()));
    for (const QVariant &v : values)
        q.addBindValue(bindable(v));
    if (!q.exec())
        return fail(describeSqlError(q.lastError()));
    return q;
}

Status Database::runKept(const QString &statement, const QVariantList &values,
                         const std::function<Status(QSqlQuery &)> &use) const
{
    // A statement without values on PostgreSQL is not prepared (see query()).
    if (m_dialect == Dialect::PostgreSql && values.isEmpty()) {
        auto q = query(statement, values);
        if (!q)
            return fail(q.error());
        return use(*q);
    }
    std::shared_ptr<KeptStatement> kept = m_kept.value(statement);
    if (!kept || kept->running) {
        auto made = std::make_shared<KeptStatement>();
        const QSqlDatabase db = connection();
        QSqlResult *result = db.driver() ? db.driver()->createResult() : nullptr;
        made->direct = dynamic_cast<DirectBinding *>(result);
        // Owned by the query from here on.
        made->query = result ? QSqlQuery(result) : QSqlQuery(db);
        made->query.setForwardOnly(true);
        if (!made->query.prepare(statement))
            return fail(describeSqlError(made->query.lastError()));
        // Kept only while nothing runs it; a statement made because the kept one is running
        // serves this call alone. A connection keeps at most a few hundred.
        if (!kept) {
            if (m_kept.size() >= 256)
                dropKeptStatements();
            m_kept.insert(statement, made);
        }
        kept = std::move(made);
    }
    QSqlQuery &q = kept->query;
    bool ran = false;
    if (kept->direct) {
        ran = kept->direct->execWith(values, true);
    } else {
        for (qsizetype i = 0; i < values.size(); ++i)
            q.bindValue(int(i), bindable(values[i]));
        ran = q.exec();
    }
    if (!ran) {
        const QString error = describeSqlError(q.lastError());
        q.finish();
        return fail(error);
    }
    kept->running = true;
    const Status s = use(q);
    // Reset, so that the statement holds no read lock and no rows until it runs again.
    q.finish();
    kept->running = false;
    return s;
}

void Database::dropKeptStatements() const
{
    m_kept.clear();
}

Status Database::scan(const QString &statement, const QVariantList &values,
                      const std::function<void(const SqlRow &)> &take) const
{
    return runKept(statement, values, [&](QSqlQuery &q) { return readRows(q, take); });
}

Result<QVariant> Database::scalar(const QString &statement, const QVariantList &values) const
{
    QVariant value;
    if (auto s = runKept(statement, values,
                         [&](QSqlQuery &q) -> Status {
                             if (q.next())
                                 value = q.value(0);
                             return {};
                         });
        !s)
        return fail(s.error());
    return value;
}

Status Database::insertRows(const QString &tableAndColumns, int columns,
                            const QVariantList &values) const
{
    if (columns <= 0 || values.size() % columns != 0)
        return fail(tr("Could not insert into %1: %2 values do not make rows of %3.")
                        .arg(tableAndColumns)
                        .arg(values.size())
                        .arg(columns));
    // The largest power of two of rows within 999 values (and 256 rows); the rest in halves.
    qsizetype most = 256;
    while (most > 1 && most * columns > 999)
        most /= 2;
    QString row = QStringLiteral("(?");
    for (int c = 1; c < columns; ++c)
        row += QStringLiteral(", ?");
    row += QLatin1Char(')');
    const qsizetype rows = values.size() / columns;
    qsizetype done = 0;
    qsizetype size = most;
    while (done < rows) {
        while (size > rows - done)
            size /= 2;
        QString statement = QStringLiteral("INSERT INTO %1 VALUES ").arg(tableAndColumns);
        statement.reserve(statement.size() + size * (row.size() + 1));
        for (qsizetype r = 0; r < size; ++r) {
            if (r > 0)
                statement += QLatin1Char(',');
            statement += row;
        }
        if (auto s = runKept(statement, values.mid(done * columns, size * columns),
                             [](QSqlQuery &) { return Status(); });
            !s)
            return s;
        done += size;
    }
    return {};
}

Status Database::each(const QString &statement, const QVariantList &values,
                      const std::function<bool(const QSqlQuery &)> &take) const
{
    return runKept(statement, values, [&](QSqlQuery &q) -> Status {
        while (q.next()) {
            if (!take(q))
                break;
        }
        if (q.lastError().isValid())
            return fail(describeSqlError(q.lastError()));
        return {};
    });
}

Status Database::eachIn(const QString &head, const QVariantList &ids,
                        const std::function<void(const QSqlQuery &)> &take,
                        const QString &tail) const
{
    // SQLite 3.15 allows at most 999 bound values in one statement.
    constexpr qsizetype kBatch = 500;
    for (qsizetype i = 0; i < ids.size(); i += kBatch) {
        const QVariantList batch = ids.mid(i, kBatch);
        const QStringList marks(batch.size(), QStringLiteral("?"));
        auto q = query(head + QStringLiteral(" IN (%1)").arg(marks.join(QLatin1Char(','))) + tail,
                       batch);
        if (!q)
            return fail(q.error());
        while (q->next())
            take(*q);
    }
    return {};
}

Result<qint64> Database::exec(const QString &statement, const QVariantList &values) const
{
    qint64 changed = 0;
    if (auto s = runKept(statement, values,
                         [&](QSqlQuery &q) -> Status {
                             changed = q.numRowsAffected();
                             return {};
                         });
        !s)
        return fail(s.error());
    return changed;
}

Result<qint64> Database::insert(const QString &statement, const QVariantList &values) const
{
    qint64 key = 0;
    if (auto s = runKept(statement, values,
                         [&](QSqlQuery &q) -> Status {
                             key = q.lastInsertId().toLongLong();
                             return {};
                         });
        !s)
        return fail(s.error());
    return key;
}

Status Database::write(const std::function<Status()> &work)
{
    if (m_transactionDepth > 0) {
        ++m_transactionDepth;
        Status s = work();
        --m_transactionDepth;
        return s;
    }
    QSqlDatabase db = connection();
    if (!db.transaction())
        return fail(tr("Could not start a transaction: %1").arg(describeSqlError(db.lastError())));
    if (m_dialect == Dialect::PostgreSql) {
        // One writer at a time across every process on this database, as SQLite's write lock
        // does: the audit chain's next link and the change sequence are read, then written.
        if (auto r = query(QStringLiteral("SELECT pg_advisory_xact_lock(7320511)")); !r) {
            db.rollback();
            return fail(tr("Could not start a transaction: %1").arg(r.error()));
        }
    }
    ++m_transactionDepth;
    Status s = work();
    --m_transactionDepth;
    if (!s) {
        db.rollback();
        return s;
    }
    if (!db.commit()) {
        const QString why = describeSqlError(db.lastError());
        db.rollback();
        return fail(tr("Could not write to the database: %1").arg(why));
    }
    if (m_onCommit)
        m_onCommit();
    return {};
}

int Database::schemaVersion() const
{
    auto exists = hasTable(*this, QStringLiteral("schema_version"));
    if (!exists || !*exists)
        return 0;
    auto v = scalar(QStringLiteral("SELECT max(version) FROM schema_version"));
    return v ? v->toInt() : 0;
}

Result<int> Database::deferIndexes(const QStringList &tables)
{
    if (m_dialect != Dialect::SqlCipher)
        return 0;
    int deferred = 0;
    const Status s = write([&]() -> Status {
        QList<SetAside> aside;
        for (const QString &table : tables) {
            // sqlite_master keeps a non-unique index's text as "CREATE INDEX …" (its first
            // keywords upper case, one space); automatic ones (a key, UNIQUE) have none. Partial
            // ones (… WHERE …: the demo records still to queue, migration 026) stay: rows a load
            // writes fall outside them, so they cost it nothing. Of the triggers, those the
            // schema lets a load set aside (bulk_load_triggers, migration 027), each with the
            // statement that catches up on it.
            auto q = query(QStringLiteral("SELECT type, name, sql, '' FROM sqlite_master WHERE "
                                          "type = 'index' AND tbl_name = ? AND sql LIKE "
                                          "'CREATE INDEX %' AND sql NOT LIKE '% WHERE %' "
                                          "UNION ALL SELECT m.type, m.name, m.sql, t.catch_up "
                                          "FROM sqlite_master m JOIN bulk_load_triggers t ON "
                                          "t.name = m.name WHERE m.type = 'trigger' AND "
                                          "m.tbl_name = ?"),
                           {table, table});
            if (!q)
                return fail(q.error());
            while (q->next())
                aside.append({q->value(0).toString(), q->value(1).toString(),
                              q->value(2).toString(), q->value(3).toString()});
        }
        for (const SetAside &a : std::as_const(aside)) {
            if (auto kept = a.trigger() ? query(QStringLiteral("INSERT INTO deferred_triggers "
                                                               "(name, sql, catch_up) VALUES "
                                                               "(?, ?, ?)"),
                                                {a.name, a.sql, a.catchUp})
                                        : query(QStringLiteral("INSERT INTO deferred_indexes "
                                                               "(name, sql) VALUES (?, ?)"),
                                                {a.name, a.sql});
                !kept)
                return fail(kept.error());
            if (auto dropped =
                    query(QStringLiteral("DROP %1 \"%2\"").arg(a.type.toUpper(), a.name));
                !dropped)
                return fail(dropped.error());
        }
        deferred = int(aside.size());
        return {};
    });
    if (!s)
        return fail(tr("Could not set the indexes aside for the load: %1").arg(s.error()));
    return deferred;
}

Status Database::restoreIndexes(const std::function<void(int made, int of)> &progress)
{
    if (m_dialect != Dialect::SqlCipher)
        return {};
    // A database from before migration 025 has none.
    auto table = hasTable(*this, QStringLiteral("deferred_indexes"));
    if (!table)
        return fail(table.error());
    if (!*table)
        return {};
    // The indexes first: the triggers' catch-ups read through them. A database from before
    // migration 027 keeps no triggers aside.
    QList<SetAside> kept;
    auto q = query(QStringLiteral("SELECT name, sql FROM deferred_indexes ORDER BY name"));
    if (!q)
        return fail(q.error());
    while (q->next())
        kept.append({QStringLiteral("index"), q->value(0).toString(), q->value(1).toString(), {}});
    q->finish();
    auto triggers = hasTable(*this, QStringLiteral("deferred_triggers"));
    if (!triggers)
        return fail(triggers.error());
    if (*triggers) {
        auto t = query(
            QStringLiteral("SELECT name, sql, catch_up FROM deferred_triggers ORDER BY name"));
        if (!t)
            return fail(t.error());
        while (t->next())
            kept.append({QStringLiteral("trigger"), t->value(0).toString(), t->value(1).toString(),
                         t->value(2).toString()});
        t->finish();
    }
    // One transaction each, so another connection's write waits for one index, not for all.
    int made = 0;
    for (const SetAside &entry : std::as_const(kept)) {
        if (progress)
            progress(made, int(kept.size()));
        const Status remade = write([&]() -> Status {
            // Made already by another connection of this database.
            auto there = scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE "
                                               "type = ? AND name = ?"),
                                {entry.type, entry.name});
            if (!there)
                return fail(there.error());
            if (there->toLongLong() == 0) {
                if (auto created = query(entry.sql); !created)
                    return fail(created.error());
                // What the trigger would have done for each row written without it.
                if (entry.trigger()) {
                    if (auto caught = query(entry.catchUp); !caught)
                        return fail(caught.error());
                }
            }
            auto done = query(QStringLiteral("DELETE FROM %1 WHERE name = ?").arg(entry.keptIn()),
                              {entry.name});
            return done ? Status() : fail(done.error());
        });
        if (!remade)
            return fail((entry.trigger()
                             ? tr("Could not make the trigger %1 again (set aside for a "
                                  "large load; it is tried again at the next start): %2")
                             : tr("Could not make the index %1 again (set aside for a "
                                  "large load; it is tried again at the next start): %2"))
                            .arg(entry.name, remade.error()));
        ++made;
    }
    if (progress && !kept.isEmpty())
        progress(made, int(kept.size()));
    return {};
}

int Database::latestSchemaVersion()
{
    const auto all = Migration::builtin();
    return all.isEmpty() ? 0 : all.last().version;
}

Status Database::migrate()
{
    return migrate(Migration::builtin());
}

Status Database::migrate(const QList<Migration> &migrations)
{
    // PostgreSQL's INTEGER has 32 bits; the time in milliseconds needs 64.
    if (auto r = query(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                      "version INTEGER PRIMARY KEY NOT NULL, name TEXT NOT NULL, "
                                      "applied_at %1 NOT NULL)")
                           .arg(m_dialect == Dialect::PostgreSql ? QStringLiteral("BIGINT")
                                                                 : QStringLiteral("INTEGER")));
        !r)
        return fail(tr("Could not prepare schema versioning: %1").arg(r.error()));
    const int current = schemaVersion();
    const int newest = migrations.isEmpty() ? 0 : migrations.last().version;
    if (current > newest)
        return fail(tr("This database has schema version %1, newer than this Frontdesk "
                       "understands (%2). Install the newer Frontdesk that wrote it.")
                        .arg(current)
                        .arg(newest));
    // Every migration not yet recorded, in number order: one numbered below the newest applied
    // (written on another branch and merged after) still runs, instead of being skipped.
    QSet<int> applied;
    if (current > 0) {
        auto q = query(QStringLiteral("SELECT version FROM schema_version"));
        if (!q)
            return fail(tr("Could not read the schema versions: %1").arg(q.error()));
        while (q->next())
            applied.insert(q->value(0).toInt());
    }
    for (const Migration &m : migrations) {
        if (applied.contains(m.version))
            continue;
        // A statement prepared before may name a table or column the migration changes.
        dropKeptStatements();
        if (auto s = applyMigration(m); !s)
            return s;
    }
    dropKeptStatements();
    return {};
}

Status Database::applyMigration(const Migration &migration)
{
    const QString label =
        QStringLiteral("%1_%2").arg(migration.version, 3, 10, QLatin1Char('0')).arg(migration.name);
    return write([&]() -> Status {
        for (const QString &statement : Migration::splitStatements(migration.sql)) {
            if (auto r = query(statement); !r)
                return fail(tr("Migration %1 failed; the database stays at version %2.\n"
                               "Statement: %3\nError: %4")
                                .arg(label)
                                .arg(migration.version - 1)
                                .arg(statement.left(200), r.error()));
        }
        if (auto r = query(QStringLiteral("INSERT INTO schema_version (version, name, applied_at) "
                                          "VALUES (?, ?, ?)"),
                           {migration.version, migration.name, clock().nowMs()});
            !r)
            return fail(tr("Migration %1 could not be recorded: %2").arg(label, r.error()));
        return {};
    });
}

QString Database::cipherVersion() const
{
    auto v = scalar(QStringLiteral("PRAGMA cipher_version"));
    return v ? v->toString() : QString();
}

Result<QStringList> Database::check() const
{
    QStringList problems;
    if (cipherVersion().isEmpty())
        problems << tr("SQLCipher is not active: the database would not be encrypted.");
    // 2 is MEMORY.
    if (m_dialect == Dialect::SqlCipher) {
        auto tempStore = scalar(QStringLiteral("PRAGMA temp_store"));
        if (!tempStore)
            return fail(tr("The temporary-storage check could not run: %1").arg(tempStore.error()));
        if (tempStore->toInt() != 2)
            problems << tr("Temporary tables and sorts may be written to unencrypted files "
                           "(temp_store is not MEMORY).");
    }
    auto integrity = query(QStringLiteral("PRAGMA integrity_check"));
    if (!integrity)
        return fail(tr("The integrity check could not run: %1").arg(integrity.error()));
    while (integrity->next()) {
        const QString line = integrity->value(0).toString();
        if (line != QLatin1String("ok"))
            problems << tr("Integrity: %1").arg(line);
    }
    auto fk = query(QStringLiteral("PRAGMA foreign_key_check"));
    if (!fk)
        return fail(tr("The foreign-key check could not run: %1").arg(fk.error()));
    while (fk->next())
        problems << tr("Foreign key: row %1 of %2 points to a missing %3")
                        .arg(fk->value(1).toString(), fk->value(0).toString(),
                             fk->value(2).toString());
    return problems;
}

Status Database::exportTo(const QString &targetPath, const QByteArray &newKey) const
{
    if (newKey.size() != KeyBytes)
        return fail(tr("The new key must be %1 bytes.").arg(KeyBytes));
    if (QFileInfo::exists(targetPath))
        return fail(tr("Will not export over the existing file %1.").arg(targetPath));
    QByteArray hex = newKey.toHex();
    QString keyLiteral = QStringLiteral("x'%1'").arg(QString::fromLatin1(hex));
    sodium_memzero(hex.data(), size_t(hex.size()));
    // ATTACH takes the key as a bound value, so it never appears in SQL text.
    bool attachedOk = false;
    QString attachError;
    {
        // Scoped: the query holds a bound copy of the key until it is gone.
        auto attached =
            query(QStringLiteral("ATTACH DATABASE ? AS export KEY ?"), {targetPath, keyLiteral});
        attachedOk = attached.ok();
        if (!attachedOk)
            attachError = attached.error();
    }
    sodium_memzero(keyLiteral.data(), size_t(keyLiteral.size()) * sizeof(QChar));
    if (!attachedOk)
        return fail(tr("Could not create %1: %2").arg(targetPath, attachError));
    QFile::setPermissions(targetPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QString exportError;
    {
        // ATTACH makes SQLCipher 3's 1 KiB pages; the copy gets the pages of a new file, so a
        // rekey also brings a file made before 2026-12-07 up to them. The statements must be
        // finished before DETACH, or the attachment stays locked.
        const QString pages =
            QStringLiteral("PRAGMA export.cipher_page_size = %1").arg(kSqlCipherPageBytes);
        const QString copy = QStringLiteral("SELECT sqlcipher_export('export')");
        if (auto paged = query(pages); !paged)
            exportError = paged.error();
        else if (auto exported = query(copy); !exported)
            exportError = exported.error();
    }
    auto detached = query(QStringLiteral("DETACH DATABASE export"));
    if (!exportError.isEmpty())
        return fail(tr("Could not copy the database to %1: %2").arg(targetPath, exportError));
    if (!detached)
        return fail(tr("Could not close %1: %2").arg(targetPath, detached.error()));
    return {};
}

QString Database::setting(const QString &key, const QString &fallback) const
{
    auto v = scalar(QStringLiteral("SELECT value FROM settings WHERE key = ?"), {key});
    return (v && v->isValid()) ? v->toString() : fallback;
}

Status Database::setSetting(const QString &key, const QString &value)
{
    const QString statement =
        m_dialect == Dialect::PostgreSql
            ? QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
            : QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)");
    if (auto r = query(statement, {key, value}); !r)
        return fail(tr("Could not save the setting %1: %2").arg(key, r.error()));
    return {};
}

} // namespace frontdesk
