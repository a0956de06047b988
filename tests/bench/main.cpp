// The benchmark runner. Built twice from the same sources: frontdesk_bench on SQLCipher (the
// product's storage code as shipped) and frontdesk_bench_plain on Debian's plain SQLite, so
// every figure has a plain counterpart. The two never share a process: SQLCipher and SQLite
// export the same symbols.
//
//   run     --db PATH --today DATE [--key-file K --data-dir D] [--quick] [--filter RE] --json OUT
//   export-plain --data-dir D --key-file K --to PATH        (SQLCipher build only)
//   report  --encrypted A.json --plain B.json [--extra E.json] --out F.json
//   self-test                                               (SQLCipher build only)

#include "Benchmark.h"
#include "SystemConnection.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <cstdio>

#ifndef FRONTDESK_BENCH_PLAIN
#include "database/DatabaseKeys.h"
#include "database/KeyFileSecretStore.h"
#include "demo/DemoSeeder.h"
#endif

using namespace frontdesk;
using namespace frontdesk::bench;

namespace {

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

struct Figures
{
    double medianMs = 0;
    double p95Ms = 0;
    double minMs = 0;
    double maxMs = 0;
};

Figures figuresOf(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    const size_t n = ms.size();
    Figures f;
    f.medianMs = n % 2 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2;
    // Nearest-rank percentile: the smallest value at least 95 % of the runs did not exceed.
    const size_t rank = size_t(std::ceil(0.95 * double(n)));
    f.p95Ms = ms[std::max<size_t>(rank, 1) - 1];
    f.minMs = ms.front();
    f.maxMs = ms.back();
    return f;
}

QString engineOf(const Database &db)
{
    auto version = db.scalar(QStringLiteral("SELECT sqlite_version()"));
    const QString sqlite = version ? version->toString() : QStringLiteral("?");
    const QString cipher = db.cipherVersion();
    return cipher.isEmpty() ? QStringLiteral("SQLite %1").arg(sqlite)
                            : QStringLiteral("SQLCipher %1 (SQLite %2)").arg(cipher, sqlite);
}

bool writeJson(const QString &path, const QJsonObject &object)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        err() << "Cannot write " << path << ": " << file.errorString() << Qt::endl;
        return false;
    }
    file.write(QJsonDocument(object).toJson());
    return file.flush();
}

std::optional<QJsonObject> readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        err() << "Cannot read " << path << ": " << file.errorString() << Qt::endl;
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (!doc.isObject()) {
        err() << path << " is not a JSON object: " << error.errorString() << Qt::endl;
        return std::nullopt;
    }
    return doc.object();
}

struct RunSettings
{
    QString dbPath;
    QByteArray key;
    QDate today;
    bool quick = false;
    QRegularExpression filter;
};

// Runs every registered benchmark that matches; the results as JSON (a failed benchmark has
// "error" instead of figures), or a failure when the database cannot be opened.
// Benchmarks time the models' work, not a sign-in: their connections act for the system.
Result<std::unique_ptr<Database>> openForBenchmark(const QString &path, const QByteArray &key)
{
    auto opened = Database::open(path, key);
    if (opened)
        test::actAsTestSetUp(**opened);
    return opened;
}

Result<QJsonObject> runAll(const RunSettings &s)
{
    auto opened = openForBenchmark(s.dbPath, s.key);
    if (!opened)
        return fail(opened.error());
    Database &db = **opened;
    const QString zoneName =
        db.setting(QStringLiteral("clinic_time_zone"), QStringLiteral("Europe/Berlin"));

    QTemporaryDir scratchDir;
    int scratchCopies = 0;
    BenchContext context{
        db, [&]() { return openForBenchmark(s.dbPath, s.key); },
        [&]() -> Result<std::unique_ptr<Database>> {
            const QString copy =
                scratchDir.filePath(QStringLiteral("scratch-%1.db").arg(++scratchCopies));
            // The source's WAL is empty: nothing but this runner has it open, and it only reads.
            if (!QFile::copy(s.dbPath, copy))
                return fail(QStringLiteral("could not copy %1 to %2").arg(s.dbPath, copy));
            return openForBenchmark(copy, s.key);
        },
        s.today, QTimeZone(zoneName.toUtf8())};

    QJsonArray results;
    for (const Benchmark &b : Registry::all()) {
        if (!s.filter.match(b.name).hasMatch())
            continue;
        // A failing benchmark is reported and the others still run.
        const auto failed = [&](const QString &why) {
            err() << "  " << b.name << ": FAILED: " << why << Qt::endl;
            results.append(QJsonObject{{QStringLiteral("name"), b.name},
                                       {QStringLiteral("description"), b.description},
                                       {QStringLiteral("error"), why}});
        };
        auto operation = b.prepare(context);
        if (!operation) {
            failed(operation.error());
            continue;
        }
        // One untimed run first, so every timed run sees the same warm caches.
        if (auto warm = (*operation)(); !warm) {
            failed(warm.error());
            continue;
        }
        const int runs = s.quick ? std::max(3, b.runs / 5) : b.runs;
        std::vector<double> ms;
        ms.reserve(size_t(runs));
        Status done;
        for (int i = 0; i < runs && done; ++i) {
            QElapsedTimer timer;
            timer.start();
            done = (*operation)();
            ms.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        if (!done) {
            failed(done.error());
            continue;
        }
        const Figures f = figuresOf(ms);
        err() << "  " << b.name << ": median " << f.medianMs << " ms, p95 " << f.p95Ms << " ms"
              << Qt::endl;
        results.append(QJsonObject{{QStringLiteral("name"), b.name},
                                   {QStringLiteral("description"), b.description},
                                   {QStringLiteral("runs"), runs},
                                   {QStringLiteral("median_ms"), f.medianMs},
                                   {QStringLiteral("p95_ms"), f.p95Ms},
                                   {QStringLiteral("min_ms"), f.minMs},
                                   {QStringLiteral("max_ms"), f.maxMs}});
    }
    return QJsonObject{{QStringLiteral("engine"), engineOf(db)},
                       {QStringLiteral("database"), s.dbPath},
                       {QStringLiteral("benchmarks"), results}};
}

QString formatMs(double ms)
{
    if (ms >= 100)
        return QString::number(ms, 'f', 0);
    if (ms >= 10)
        return QString::number(ms, 'f', 1);
    return QString::number(ms, 'f', 2);
}

int report(const QString &encryptedPath, const QString &plainPath, const QString &extraPath,
           const QString &outPath)
{
    const auto encrypted = readJson(encryptedPath);
    const auto plain = readJson(plainPath);
    if (!encrypted || !plain)
        return 2;
    QJsonObject extra;
    if (!extraPath.isEmpty()) {
        const auto e = readJson(extraPath);
        if (!e)
            return 2;
        extra = *e;
    }
    QHash<QString, QJsonObject> plainByName;
    for (const QJsonValue v : plain->value(QStringLiteral("benchmarks")).toArray())
        plainByName.insert(v[QStringLiteral("name")].toString(), v.toObject());

    QTextStream out(stdout);
    const auto row = [&out](const QStringList &cells) {
        out << cells[0].leftJustified(32);
        for (int i = 1; i < cells.size(); ++i)
            out << cells[i].rightJustified(12);
        out << '\n';
    };
    out << "encrypted: " << encrypted->value(QStringLiteral("engine")).toString()
        << "    plain: " << plain->value(QStringLiteral("engine")).toString() << "\n\n";
    row({QStringLiteral("benchmark"), QStringLiteral("median ms"), QStringLiteral("p95 ms"),
         QStringLiteral("plain med"), QStringLiteral("plain p95"), QStringLiteral("ratio")});
    QJsonArray merged;
    int failures = 0;
    for (const QJsonValue v : encrypted->value(QStringLiteral("benchmarks")).toArray()) {
        QJsonObject b = v.toObject();
        const QString name = b[QStringLiteral("name")].toString();
        if (b.contains(QStringLiteral("error"))) {
            out << name.leftJustified(32) << "  FAILED: " << b[QStringLiteral("error")].toString()
                << '\n';
            merged.append(b);
            ++failures;
            continue;
        }
        const double median = b[QStringLiteral("median_ms")].toDouble();
        QStringList cells{name, formatMs(median), formatMs(b[QStringLiteral("p95_ms")].toDouble())};
        if (plainByName.contains(name)) {
            const QJsonObject p = plainByName.value(name);
            if (p.contains(QStringLiteral("error"))) {
                b[QStringLiteral("plain_error")] = p[QStringLiteral("error")];
                row(cells << QStringLiteral("FAILED"));
                merged.append(b);
                ++failures;
                continue;
            }
            const double plainMedian = p[QStringLiteral("median_ms")].toDouble();
            const double ratio = plainMedian > 0 ? median / plainMedian : 0;
            b[QStringLiteral("plain_median_ms")] = plainMedian;
            b[QStringLiteral("plain_p95_ms")] = p[QStringLiteral("p95_ms")];
            b[QStringLiteral("ratio")] = ratio;
            cells << formatMs(plainMedian) << formatMs(p[QStringLiteral("p95_ms")].toDouble())
                  << QString::number(ratio, 'f', 2);
        } else {
            cells << QStringLiteral("-") << QStringLiteral("-") << QStringLiteral("-");
        }
        row(cells);
        merged.append(b);
    }
    if (!extra.isEmpty()) {
        out << '\n';
        const auto print = [&out](const QString &key, const QJsonValue &v) {
            const QString value =
                v.isDouble() ? QString::number(v.toDouble(), 'g', 12) : v.toVariant().toString();
            out << key.leftJustified(40) << value << '\n';
        };
        for (auto it = extra.constBegin(); it != extra.constEnd(); ++it) {
            if (!it->isObject()) {
                print(it.key(), *it);
                continue;
            }
            const QJsonObject inner = it->toObject();
            for (auto in = inner.constBegin(); in != inner.constEnd(); ++in)
                print(in.key(), *in);
        }
    }
    out.flush();
    QJsonObject all = extra;
    all[QStringLiteral("engine")] = encrypted->value(QStringLiteral("engine"));
    all[QStringLiteral("plain_engine")] = plain->value(QStringLiteral("engine"));
    all[QStringLiteral("benchmarks")] = merged;
    if (!writeJson(outPath, all))
        return 2;
    return failures == 0 ? 0 : 2;
}

#ifndef FRONTDESK_BENCH_PLAIN
Result<QByteArray> keyOf(const QString &dataDir, const QString &keyFile)
{
    KeyFileSecretStore store(keyFile);
    DatabaseKeys keys(store, QDir(dataDir).absolutePath());
    return keys.obtain(true);
}

// A plaintext copy of the same data, made by SQLCipher itself (sqlcipher_export into a
// database attached with an empty key), so both runners read identical rows.
int exportPlain(const QString &dataDir, const QString &keyFile, const QString &target)
{
    auto key = keyOf(dataDir, keyFile);
    if (!key) {
        err() << key.error() << Qt::endl;
        return 2;
    }
    // Read-write: SQLite creates an attached file only on a connection that may write.
    auto db = Database::open(QDir(dataDir).filePath(Database::fileName()), *key);
    if (!db) {
        err() << db.error() << Qt::endl;
        return 2;
    }
    for (const QString &f : Database::companionFiles(target))
        QFile::remove(f);
    // The same page size as the encrypted file (4 KiB since 2026-12-07, 1 KiB in files made
    // before; plain SQLite's default is 4 KiB), so the two differ in encryption only.
    auto pageSize = (*db)->scalar(QStringLiteral("PRAGMA page_size"));
    if (!pageSize || pageSize->toInt() <= 0) {
        err() << "could not read the page size" << Qt::endl;
        return 2;
    }
    const QList<std::pair<QString, QVariantList>> steps{
        {QStringLiteral("ATTACH DATABASE ? AS plain KEY ''"), {target}},
        {QStringLiteral("PRAGMA plain.page_size = %1").arg(pageSize->toInt()), {}},
        {QStringLiteral("SELECT sqlcipher_export('plain')"), {}},
        {QStringLiteral("DETACH DATABASE plain"), {}}};
    for (const auto &[sql, values] : steps) {
        if (auto r = (*db)->query(sql, values); !r) {
            err() << "export to " << target << " failed: " << r.error() << Qt::endl;
            return 2;
        }
    }
    return 0;
}

// For ctest: seeds a small clinic and runs every benchmark a few times, so a benchmark that
// no longer works fails the build rather than the next release measurement.
int selfTest()
{
    QTemporaryDir dir;
    const QByteArray key(Database::KeyBytes, '\x42');
    const QString path = dir.filePath(Database::fileName());
    const QDate today(2026, 3, 4);
    {
        auto db = openForBenchmark(path, key);
        if (!db || !(*db)->migrate()) {
            err() << "could not create the self-test database" << Qt::endl;
            return 2;
        }
        DemoSeeder::Options options;
        options.patients = 300;
        options.appointments = 3000;
        options.today = today;
        auto seeded = DemoSeeder(**db).seed(options);
        if (!seeded) {
            err() << seeded.error() << Qt::endl;
            return 2;
        }
    }
    RunSettings s{path, key, today, true, QRegularExpression(QStringLiteral("."))};
    auto results = runAll(s);
    if (!results) {
        err() << "FAIL: " << results.error() << Qt::endl;
        return 2;
    }
    const QJsonArray ran = results->value(QStringLiteral("benchmarks")).toArray();
    const auto count = ran.size();
    if (count != Registry::all().size()) {
        err() << "FAIL: ran " << count << " of " << Registry::all().size() << Qt::endl;
        return 2;
    }
    for (const QJsonValue v : ran) {
        if (v.toObject().contains(QStringLiteral("error"))) {
            err() << "FAIL: " << v[QStringLiteral("name")].toString() << ": "
                  << v[QStringLiteral("error")].toString() << Qt::endl;
            return 2;
        }
    }
    err() << "PASS: " << count << " benchmarks ran" << Qt::endl;
    return 0;
}
#endif

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
#ifdef FRONTDESK_BENCH_PLAIN
    // Qt's QSQLITE driver stands in for QSQLCIPHER here and warns about its connect options.
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &text) {
        if (!text.contains(QLatin1String("Unsupported option")))
            err() << (type == QtWarningMsg ? "warning: " : "") << text << Qt::endl;
    });
#endif
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("command"),
                            QStringLiteral("run, export-plain, report or self-test"));
    const QList<QCommandLineOption> options{
        {QStringLiteral("db"), QStringLiteral("Database file."), QStringLiteral("path")},
        {QStringLiteral("data-dir"), QStringLiteral("Data directory."), QStringLiteral("dir")},
        {QStringLiteral("key-file"), QStringLiteral("Key file."), QStringLiteral("path")},
        {QStringLiteral("today"), QStringLiteral("The seeded today."), QStringLiteral("date")},
        {QStringLiteral("quick"), QStringLiteral("Fewer runs.")},
        {QStringLiteral("filter"), QStringLiteral("Benchmarks to run."), QStringLiteral("re")},
        {QStringLiteral("json"), QStringLiteral("Results file."), QStringLiteral("path")},
        {QStringLiteral("to"), QStringLiteral("Plain copy to write."), QStringLiteral("path")},
        {QStringLiteral("encrypted"), QStringLiteral("Encrypted results."), QStringLiteral("p")},
        {QStringLiteral("plain"), QStringLiteral("Plain results."), QStringLiteral("path")},
        {QStringLiteral("extra"), QStringLiteral("Other figures."), QStringLiteral("path")},
        {QStringLiteral("out"), QStringLiteral("Merged results."), QStringLiteral("path")},
        {QStringLiteral("list"), QStringLiteral("List the benchmarks.")}};
    p.addOptions(options);
    p.addHelpOption();
    p.process(app);
    const QString command = p.positionalArguments().value(0);
    const auto value = [&p](const char *name) { return p.value(QString::fromLatin1(name)); };

    if (p.isSet(QStringLiteral("list"))) {
        QTextStream out(stdout);
        for (const Benchmark &b : Registry::all())
            out << b.name << '\t' << b.description << '\n';
        return 0;
    }
    if (command == QLatin1String("report")) {
        if (value("encrypted").isEmpty() || value("plain").isEmpty() || value("out").isEmpty()) {
            err() << "report needs --encrypted, --plain and --out" << Qt::endl;
            return 1;
        }
        return report(value("encrypted"), value("plain"), value("extra"), value("out"));
    }
    if (command == QLatin1String("run")) {
        RunSettings s;
        s.today = QDate::fromString(value("today"), Qt::ISODate);
        s.quick = p.isSet(QStringLiteral("quick"));
        s.filter =
            QRegularExpression(value("filter").isEmpty() ? QStringLiteral(".") : value("filter"));
        if (!s.today.isValid() || value("json").isEmpty() || !s.filter.isValid()) {
            err() << "run needs --today YYYY-MM-DD, --json PATH and a valid --filter" << Qt::endl;
            return 1;
        }
#ifdef FRONTDESK_BENCH_PLAIN
        s.dbPath = value("db");
        // Plain SQLite takes no key; Database::open still wants one of the right size.
        s.key = QByteArray(Database::KeyBytes, '\0');
#else
        s.dbPath = QDir(value("data-dir")).filePath(Database::fileName());
        auto key = keyOf(value("data-dir"), value("key-file"));
        if (!key) {
            err() << key.error() << Qt::endl;
            return 2;
        }
        s.key = *key;
#endif
        if (!QFile::exists(s.dbPath)) {
            err() << "no database at " << s.dbPath << Qt::endl;
            return 1;
        }
        auto results = runAll(s);
        if (!results) {
            err() << results.error() << Qt::endl;
            return 2;
        }
        // The report says which failed; the run itself succeeds when it could measure.
        return writeJson(value("json"), *results) ? 0 : 2;
    }
#ifndef FRONTDESK_BENCH_PLAIN
    if (command == QLatin1String("export-plain"))
        return exportPlain(value("data-dir"), value("key-file"), value("to"));
    if (command == QLatin1String("self-test"))
        return selfTest();
#endif
    err() << "unknown command \"" << command << "\"; see --help" << Qt::endl;
    return 1;
}
