#pragma once

#include "core/Actor.h"
#include "core/Clock.h"
#include "core/Result.h"
#include "database/Migration.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

#include <functional>
#include <memory>
#include <vector>

namespace frontdesk {

class DirectBinding;
class SqlRow;

// One open, keyed connection to a Frontdesk database (<data-dir>/frontdesk.db).
// Not thread-safe: each thread (the UI, the sync worker) opens its own Database.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)
public:
    struct Options
    {
        bool readOnly = false;
        int busyTimeoutMs = 5000;
    };

    static constexpr int KeyBytes = 32;

    // The SQL the connection speaks. Workstations always use SQLCipher; frontdesk-server uses
    // it as its zero-setup default and PostgreSQL in production. The few statements that
    // differ ask dialect().
    enum class Dialect
    {
        SqlCipher,
        PostgreSql
    };

    // Opens (creating if missing) and checks the key at once. A wrong key fails with a clear
    // message and leaves the file as it was. Does not migrate: call migrate() next.
    static Result<std::unique_ptr<Database>> open(const QString &path, const QByteArray &key,
                                                  const Options &options);
    static Result<std::unique_ptr<Database>> open(const QString &path, const QByteArray &key)
    {
        return open(path, key, Options{});
    }
    // A connection to PostgreSQL through QPSQL, from a URL such as
    // postgresql://user:password@host:5432/dbname or postgresql://user@/dbname?host=/run/pg
    // (a unix-socket directory). Every write transaction takes one advisory lock, so writes
    // from several server processes are applied one after another, as SQLite applies them.
    static Result<std::unique_ptr<Database>> openPostgres(const QString &url);
    ~Database();
    Database(const Database &) = delete;
    // A second connection to the same file with the same key, for another thread (the sync
    // worker). Call it from the thread that will use the new connection.
    Result<std::unique_ptr<Database>> openAnotherConnection() const;
    Database &operator=(const Database &) = delete;

    static QString fileName() { return QStringLiteral("frontdesk.db"); }
    // The database file and the files SQLite keeps beside it.
    static QStringList companionFiles(const QString &dbPath);

    QString path() const { return m_path; }
    Dialect dialect() const { return m_dialect; }
    QSqlDatabase connection() const;

    // Applies every migration newer than the current schema version; each in its own
    // transaction, recorded in schema_version. A failing migration leaves the database at the
    // last good version and names the migration and statement that failed.
    Status migrate();
    Status migrate(const QList<Migration> &migrations);
    int schemaVersion() const;
    static int latestSchemaVersion();

    // The driver binds a null QString as SQL NULL; our text columns are NOT NULL with ''
    // for "none", so strings are bound as they read.
    static QVariant bindable(const QVariant &value);

    // Prepares, binds positionally and runs one statement (forward-only).
    Result<QSqlQuery> query(const QString &statement, const QVariantList &values = {}) const;
    // Runs one SELECT and hands each row to `take`, read in place (storage/SqlRow): for the few
    // reads that go over tens of thousands of rows, where a QVariant per value costs more than
    // SQLite does.
    Status scan(const QString &statement, const QVariantList &values,
                const std::function<void(const SqlRow &)> &take) const;
    // The first column of the first row, or an invalid QVariant when there is no row.
    Result<QVariant> scalar(const QString &statement, const QVariantList &values = {}) const;
    // Runs one statement that returns no rows (INSERT, UPDATE, DELETE); the number of rows it
    // changed. Like scalar() and scan(), it runs on a prepared statement the connection keeps,
    // so a statement run again and again is parsed (on PostgreSQL: prepared) only once.
    Result<qint64> exec(const QString &statement, const QVariantList &values = {}) const;
    // exec() for an INSERT into a table with an integer key: the new row's key.
    Result<qint64> insert(const QString &statement, const QVariantList &values = {}) const;
    // Inserts rows into `tableAndColumns` ("audit_log (id, actor, …)"): `values` holds the
    // rows one after another, `columns` values each. Many rows go in one statement (within
    // SQLite's 999 bound values), in a few fixed sizes so that the kept statements are reused:
    // one round trip to PostgreSQL for up to a few hundred rows instead of one per row.
    Status insertRows(const QString &tableAndColumns, int columns,
                      const QVariantList &values) const;
    // Runs one SELECT on a kept prepared statement and hands each row to `take` (any driver;
    // scan() is the faster one for SQLite). `take` returns false to stop early.
    Status each(const QString &statement, const QVariantList &values,
                const std::function<bool(const QSqlQuery &)> &take) const;
    // Runs `head` + " IN (?, ...)" + `tail` over the ids, in batches within SQLite's 999 bound
    // values, and hands each row to `take`. Only the number of placeholders is spliced in, never
    // a value; rows come batch by batch (a tail's ORDER BY orders each batch).
    Status eachIn(const QString &head, const QVariantList &ids,
                  const std::function<void(const QSqlQuery &)> &take,
                  const QString &tail = {}) const;
    Status eachIn(const QString &head, const QStringList &ids,
                  const std::function<void(const QSqlQuery &)> &take,
                  const QString &tail = {}) const
    {
        return eachIn(head, QVariantList(ids.cbegin(), ids.cend()), take, tail);
    }

    // Runs work inside one transaction; nested calls join the outer one. The transaction
    // commits only if every step succeeded; otherwise nothing of it is kept.
    Status write(const std::function<Status()> &work);
    bool inTransaction() const { return m_transactionDepth > 0; }
    // Called on this connection's thread after each transaction of write() committed (the
    // app's sync worker starts a round soon after a local change); empty: nothing.
    void setOnCommit(std::function<void()> committed) { m_onCommit = std::move(committed); }

    const Clock &clock() const { return *m_clock; }
    void setClock(const Clock &clock) { m_clock = &clock; }
    const Actor &actor() const { return m_actor; }
    void setActor(Actor actor) { m_actor = std::move(actor); }
    // A connection that works for another one (a ReadWorker's) names it here; the access layer
    // then checks it as that connection's signed-in person (Session::of).
    const Database *serves() const { return m_serves; }
    void setServes(const Database *source) { m_serves = source; }
    // Marks a connection that works for nobody signed in: the server's storage (it checks the
    // remote person on every request), frontdeskctl's commands that run without sign-in, and
    // the tests' set-up. The access layer lets it pass its checks unless a Session is on it;
    // any other connection without a signed-in person is refused. The trail names the purpose
    // as the actor. tst_systemconnections lists every file allowed to call this.
    void actAsSystem(const QString &purpose);
    // Why this connection, or the one it serves, works for the system; empty when it does not.
    QString systemPurpose() const;

    // Keeps something (such as the data directory's lock) alive until the connection is closed.
    void keepWhileOpen(std::shared_ptr<void> guard) { m_guards.push_back(std::move(guard)); }

    // A bulk load's indexes (SQLite; nothing on PostgreSQL). deferIndexes drops the non-unique
    // indexes of these tables and keeps each one's CREATE INDEX in deferred_indexes in the same
    // transaction; unique ones stay, as rules the load must keep, and partial ones, which the
    // load's rows fall outside. The tables' triggers listed in bulk_load_triggers (migration
    // 027) go the same way, into deferred_triggers with the statement that catches up on them.
    // restoreIndexes makes every kept index again, one transaction each (one sort over the
    // table, far cheaper than keeping it through a million inserts), then each trigger with its
    // catch-up, and also runs at each open, so a load stopped halfway loses none. The number set
    // aside; restore's error names the index or trigger. restore tells progress how many it has
    // made of how many before each one and once all are made.
    Result<int> deferIndexes(const QStringList &tables);
    Status restoreIndexes(const std::function<void(int made, int of)> &progress = {});

    QString cipherVersion() const;
    // SQLite's integrity check, the foreign-key check and the cipher check; the failures found.
    Result<QStringList> check() const;
    // Writes a copy of the whole database to targetPath, encrypted with newKey
    // (sqlcipher_export). Used by rekey and backups.
    Status exportTo(const QString &targetPath, const QByteArray &newKey) const;
    // Settings (key/value) kept in the database.
    QString setting(const QString &key, const QString &fallback = {}) const;
    Status setSetting(const QString &key, const QString &value);

private:
    Database(QString path, QString connectionName);
    // Runs statement on the connection's kept prepared statement for it (one made afresh while
    // that one is still running, e.g. from inside a scan() of the same statement), hands the
    // executed query to use(), then resets it.
    Status runKept(const QString &statement, const QVariantList &values,
                   const std::function<Status(QSqlQuery &)> &use) const;
    // Drops every kept statement: before the connection closes, and after the schema changed.
    void dropKeptStatements() const;
    Status applyMigration(const Migration &migration);

    QString m_path;
    QString m_connectionName;
    Dialect m_dialect = Dialect::SqlCipher;
    QByteArray m_key; // kept for openAnotherConnection(); zeroed on close
    Options m_options;
    const Clock *m_clock;
    Actor m_actor = Actor::system();
    const Database *m_serves = nullptr;
    QString m_systemPurpose;
    int m_transactionDepth = 0;
    std::function<void()> m_onCommit;
    std::vector<std::shared_ptr<void>> m_guards;
    struct KeptStatement
    {
        QSqlQuery query;
        // query's own result where the driver's binds values directly (DirectBinding: the
        // QSQLCIPHER driver's); null on other drivers.
        DirectBinding *direct = nullptr;
        bool running = false;
    };
    mutable QHash<QString, std::shared_ptr<KeptStatement>> m_kept;
};

QString describeSqlError(const QSqlError &error);

} // namespace frontdesk
