#pragma once

#include "core/Result.h"
#include "database/Database.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <functional>
#include <memory>

namespace frontdesk::bench {

// What a benchmark gets to work on. The same benchmark code runs against the encrypted
// database (frontdesk_bench) and against a plain SQLite copy of the same data
// (frontdesk_bench_plain), so the two are comparable line by line.
struct BenchContext
{
    Database &db;
    // Opens the benchmark database again, as a program starting would (key check included).
    std::function<Result<std::unique_ptr<Database>>()> reopen;
    // A private copy of the benchmark database, for benchmarks that write: the cached seed
    // data stays as it was.
    std::function<Result<std::unique_ptr<Database>>()> scratchCopy;
    QDate today;    // the day the seeded clinic calls today
    QTimeZone zone; // the clinic's time zone
};

// The timed operation; prepare() returns it after doing its untimed setup.
using Operation = std::function<Status()>;

struct Benchmark
{
    QString name;
    QString description;
    int runs = 20;
    std::function<Result<Operation>(BenchContext &)> prepare;
};

// Every benchmark linked into the runner. Adding one is one statement in a benchmark source:
//   static const Registration r{{"area.what", "what it measures", runs, prepareFunction}};
class Registry
{
public:
    static QList<Benchmark> &all();
};

struct Registration
{
    explicit Registration(Benchmark benchmark) { Registry::all().append(std::move(benchmark)); }
};

} // namespace frontdesk::bench
