// frontdesk_bench_sync: the workstation's sync against the real frontdesk-server (started here on
// a throwaway file, over loopback), as the product runs it.
//
//   frontdesk_bench_sync --server PATH [--changes N] [--propagations P] --json OUT
//
//   incremental   N patients changed at workstation A: the round that pushes them, and the
//                 round that pulls them at workstation B (ms; the goal: 100 changes in
//                 under 500 ms). Three runs, the median.
//   propagation   P times, at a random moment of B's poll: a patient saved at A (the app's
//                 commit hook starts A's worker) until B's worker names it as changed (ms:
//                 median, p95, max; the goal: within 5 s), both workers with the product's
//                 default timing.
//
//   frontdesk_bench_sync --server PATH --initial PATIENTS,APPOINTMENTS [--database URL]
//                        --json OUT
//   initial       The demo clinic of that size seeded at workstation A and sent to the server
//                 as an enrolled workstation sends it (upload: records/s), then pulled whole
//                 by a new, empty workstation B (records/s; the goals: under 90 s for
//                 100k/1M and at least a quarter of PostgreSQL's COPY of the same rows, which
//                 scripts/bench times beside it); the peak RSS of B's process while it pulls
//                 (A closed first) and of the server. --database runs the server on
//                 PostgreSQL instead of a throwaway file. With --pull-again as well, only the
//                 pull, of the clinic that server already holds from an earlier run (to look
//                 into the pull without waiting for the upload each time).
#include "ServerConnection.h"
#include "ServerProcess.h"
#include "ServerTransport.h"
#include "SyncEngine.h"
#include "SyncWorker.h"
#include "SystemConnection.h"
#include "TestSignIn.h"

#include "SyncResources.h"
#include "demo/DemoSeeder.h"
#include "storage/Outbox.h"
#include "storage/PatientRepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>

#include <unistd.h>

using namespace frontdesk;

namespace {

const QString kPassword = QStringLiteral("tidal marble orchard 7");

[[noreturn]] void die(const QString &why)
{
    std::fprintf(stderr, "frontdesk_bench_sync: %s\n", qPrintable(why));
    std::exit(2);
}

std::unique_ptr<SyncTransport> signIn(const QString &url)
{
    auto transport = testing::signInAt(url, QStringLiteral("alice"), kPassword);
    if (!transport)
        die(QStringLiteral("alice could not sign in at %1").arg(url));
    return transport;
}

struct Workstation
{
    QTemporaryDir dir;
    std::unique_ptr<Database> database;
    std::unique_ptr<SyncTransport> transport;
    Database &db() { return *database; }

    void open()
    {
        auto opened = Database::open(dir.filePath(Database::fileName()), QByteArray(32, '\x5a'));
        if (!opened)
            die(opened.error());
        database = std::move(*opened);
        test::actAsTestSetUp(*database);
        if (auto s = database->migrate(); !s)
            die(s.error());
    }
};

Patient newPatient(int n)
{
    Patient p;
    p.mrn = QStringLiteral("SB-%1").arg(n, 6, 10, QLatin1Char('0'));
    p.familyName = QStringLiteral("Bench%1").arg(n);
    p.givenName = QStringLiteral("Ada");
    p.birthDate = QDate(1950, 1, 1).addDays(n % 20000);
    return p;
}

SyncRound round(Workstation &w)
{
    SyncEngine engine(w.db(), *w.transport);
    const SyncRound r = engine.round();
    if (!r.problem.isEmpty())
        die(r.problem);
    return r;
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const auto i =
        qsizetype(std::clamp(p * double(values.size() - 1), 0.0, double(values.size() - 1)) + 0.5);
    return values.at(i);
}

QJsonObject incremental(Workstation &a, Workstation &b, int changes)
{
    QList<Patient> patients;
    for (int i = 0; i < changes; ++i) {
        Patient p = newPatient(i);
        if (auto s = PatientRepository(a.db()).save(p); !s)
            die(s.error());
        patients << p;
    }
    round(a);
    round(b);
    QList<double> push, pull, total;
    for (int run = 0; run < 3; ++run) {
        for (Patient &p : patients) {
            p.givenName = QStringLiteral("Ada %1").arg(run);
            if (auto s = PatientRepository(a.db()).save(p); !s)
                die(s.error());
        }
        QElapsedTimer t;
        t.start();
        const SyncRound pushed = round(a);
        const double pushMs = double(t.nsecsElapsed()) / 1e6;
        const SyncRound pulled = round(b);
        const double totalMs = double(t.nsecsElapsed()) / 1e6;
        if (pushed.pushed != changes || pulled.pulled != changes)
            die(QStringLiteral("incremental: pushed %1, pulled %2 of %3")
                    .arg(pushed.pushed)
                    .arg(pulled.pulled)
                    .arg(changes));
        push << pushMs;
        pull << totalMs - pushMs;
        total << totalMs;
    }
    return {{QStringLiteral("changes"), changes},
            {QStringLiteral("push_ms"), percentile(push, 0.5)},
            {QStringLiteral("pull_ms"), percentile(pull, 0.5)},
            {QStringLiteral("round_trip_ms"), percentile(total, 0.5)}};
}

QJsonObject propagation(Workstation &a, Workstation &b, const QString &url, int times)
{
    SyncThread syncA([&a] { return a.db().openAnotherConnection(); });
    SyncThread syncB([&b] { return b.db().openAnotherConnection(); });
    const auto make = [url](Database &) -> Result<std::unique_ptr<SyncTransport>> {
        return signIn(url);
    };
    for (Workstation *w : {&a, &b}) {
        if (auto s = w->db().setSetting(QStringLiteral("sync_server_url"), url); !s)
            die(s.error());
    }
    syncA.worker()->setTransport(make);
    syncB.worker()->setTransport(make);
    SyncWorker *workerA = syncA.worker();
    a.db().setOnCommit([workerA] {
        QMetaObject::invokeMethod(workerA, &SyncWorker::localChange, Qt::QueuedConnection);
    });
    QString waitingFor;
    QElapsedTimer since;
    QList<double> latencies;
    QEventLoop loop;
    QObject::connect(syncB.worker(), &SyncWorker::recordsChanged, &loop,
                     [&](const QString &type, const QStringList &ids) {
                         if (type == QLatin1String("Patient") && ids.contains(waitingFor)) {
                             latencies << double(since.nsecsElapsed()) / 1e6;
                             loop.quit();
                         }
                     });
    syncA.start();
    syncB.start();
    // Both have made their first round.
    QTimer::singleShot(4000, &loop, &QEventLoop::quit);
    loop.exec();
    for (int i = 0; i < times; ++i) {
        // A random moment of B's poll.
        QTimer::singleShot(int(QRandomGenerator::global()->bounded(3000)), &loop,
                           &QEventLoop::quit);
        loop.exec();
        Patient p = newPatient(100000 + i);
        since.start();
        if (auto s = PatientRepository(a.db()).save(p); !s)
            die(s.error());
        waitingFor = p.meta.id;
        const qsizetype before = latencies.size();
        QTimer timeout;
        timeout.setSingleShot(true);
        QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
        timeout.start(60000);
        loop.exec();
        if (latencies.size() == before)
            die(QStringLiteral("propagation: patient %1 did not reach B in 60 s").arg(p.mrn));
    }
    a.db().setOnCommit({});
    return {{QStringLiteral("changes"), times},
            {QStringLiteral("p50_ms"), percentile(latencies, 0.5)},
            {QStringLiteral("p95_ms"), percentile(latencies, 0.95)},
            {QStringLiteral("max_ms"), *std::max_element(latencies.cbegin(), latencies.cend())}};
}

// A process's peak resident memory (VmHWM) in MiB; 0 when it cannot be read.
double peakRssMib(qint64 pid)
{
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stod(line.substr(6)) / 1024.0;
    }
    return 0;
}

// A process's CPU time (user + system) in seconds so far; 0 when it cannot be read.
double cpuSeconds(qint64 pid)
{
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    // The fields after the command's name, which may hold spaces, in parentheses.
    const auto close = text.rfind(')');
    if (close == std::string::npos)
        return 0;
    std::istringstream fields(text.substr(close + 2));
    std::string field;
    double ticks = 0;
    for (int i = 3; fields >> field && i <= 15; ++i) {
        if (i == 14 || i == 15)
            ticks += std::stod(field);
    }
    return ticks / double(sysconf(_SC_CLK_TCK));
}

// Starts this process's peak resident memory afresh (Linux: clear_refs 5).
void resetPeakRss()
{
    std::ofstream("/proc/self/clear_refs") << "5";
}

QJsonObject pullWhole(const QString &url, qint64 serverPid, QJsonObject result);

QJsonObject initial(const QString &url, qint64 serverPid, int patients, int appointments)
{
    QElapsedTimer t;
    t.start();
    auto a = std::make_unique<Workstation>();
    a->open();
    DemoSeeder::Options options;
    options.patients = patients;
    options.appointments = appointments;
    options.today = QDate(2026, 12, 4);
    if (auto seeded = DemoSeeder(a->db()).seed(options); !seeded)
        die(seeded.error());
    std::fprintf(stderr, "initial: seeded %d patients, %d appointments at A in %.1f s\n", patients,
                 appointments, double(t.elapsed()) / 1000);
    a->transport = signIn(url);
    // As an enrolled workstation queues its demo clinic (SyncEngine::push), all at once here
    // so that the upload below is timed alone.
    t.restart();
    qint64 records = 0;
    for (;;) {
        auto queued = SyncResources::queueDemoRecords(a->db(), QStringLiteral("alice"), 20000);
        if (!queued)
            die(queued.error());
        if (*queued == 0)
            break;
        records += *queued;
    }
    const double queueSeconds = double(t.elapsed()) / 1000;
    std::fprintf(stderr, "initial: %lld records queued for the server in %.1f s\n",
                 static_cast<long long>(records), queueSeconds);
    t.restart();
    qint64 pushed = 0;
    for (;;) {
        const SyncRound r = round(*a);
        pushed += r.pushed;
        if (r.rejected > 0 || r.conflicts > 0) {
            auto why = a->db().scalar(QStringLiteral(
                "SELECT group_concat(resource_type || ' ' || resource_id || ': ' || problem, "
                "'; ') FROM sync_records WHERE problem <> ''"));
            die(QStringLiteral("initial: the upload had %1 rejected, %2 in conflict: %3")
                    .arg(r.rejected)
                    .arg(r.conflicts)
                    .arg(why ? why->toString() : why.error()));
        }
        auto waiting = Outbox(a->db()).waitingRecords();
        if (!waiting)
            die(waiting.error());
        if (*waiting == 0)
            break;
        if (r.pushed == 0)
            die(QStringLiteral("initial: %1 records wait and none went up").arg(*waiting));
    }
    const double uploadSeconds = double(t.elapsed()) / 1000;
    std::fprintf(stderr, "initial: %lld records queued, %lld pushed in %.1f s\n",
                 static_cast<long long>(records), static_cast<long long>(pushed), uploadSeconds);
    a.reset();
    return pullWhole(
        url, serverPid,
        {{QStringLiteral("patients"), patients},
         {QStringLiteral("appointments"), appointments},
         {QStringLiteral("queue_seconds"), queueSeconds},
         {QStringLiteral("upload_records"), double(pushed)},
         {QStringLiteral("upload_seconds"), uploadSeconds},
         {QStringLiteral("upload_records_per_second"), double(pushed) / uploadSeconds}});
}

// A new, empty workstation pulls everything the server holds; its figures added to result.
QJsonObject pullWhole(const QString &url, qint64 serverPid, QJsonObject result)
{
    QElapsedTimer t;
    resetPeakRss();
    Workstation b;
    b.open();
    b.transport = signIn(url);
    const double clientCpu = cpuSeconds(QCoreApplication::applicationPid());
    const double serverCpu = cpuSeconds(serverPid);
    t.restart();
    qint64 pulled = 0;
    for (;;) {
        const SyncRound r = round(b);
        if (r.unapplied > 0)
            die(QStringLiteral("initial: %1 changes could not be written at B").arg(r.unapplied));
        pulled += r.pulled;
        if (r.pulled == 0)
            break;
    }
    const double pullSeconds = double(t.elapsed()) / 1000;
    const double clientCpuPull = cpuSeconds(QCoreApplication::applicationPid()) - clientCpu;
    const double serverCpuPull = cpuSeconds(serverPid) - serverCpu;
    const double clientRss = peakRssMib(QCoreApplication::applicationPid());
    const double serverRss = peakRssMib(serverPid);
    std::fprintf(stderr,
                 "initial: %lld records pulled by a new workstation in %.1f s (CPU: %.1f s "
                 "here, %.1f s at the server)\n",
                 static_cast<long long>(pulled), pullSeconds, clientCpuPull, serverCpuPull);
    result.insert(QStringLiteral("records"), double(pulled));
    result.insert(QStringLiteral("seconds"), pullSeconds);
    result.insert(QStringLiteral("records_per_second"), double(pulled) / pullSeconds);
    result.insert(QStringLiteral("client_cpu_seconds"), clientCpuPull);
    result.insert(QStringLiteral("server_cpu_seconds"), serverCpuPull);
    result.insert(QStringLiteral("client_peak_rss_mib"), clientRss);
    result.insert(QStringLiteral("server_peak_rss_mib"), serverRss);
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption serverOption(
        QStringLiteral("server"), QStringLiteral("frontdesk-server"), QStringLiteral("PATH"));
    const QCommandLineOption changesOption(QStringLiteral("changes"), QStringLiteral("changes"),
                                           QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption propagationsOption(QStringLiteral("propagations"),
                                                QStringLiteral("propagations"), QStringLiteral("P"),
                                                QStringLiteral("20"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("results"),
                                        QStringLiteral("OUT"));
    const QCommandLineOption initialOption(QStringLiteral("initial"),
                                           QStringLiteral("the initial sync of a demo clinic"),
                                           QStringLiteral("PATIENTS,APPOINTMENTS"));
    const QCommandLineOption databaseOption(QStringLiteral("database"),
                                            QStringLiteral("the server on PostgreSQL"),
                                            QStringLiteral("URL"));
    const QCommandLineOption pullAgainOption(
        QStringLiteral("pull-again"),
        QStringLiteral("only the pull, of the clinic the --database server already holds"));
    parser.addOptions({serverOption, changesOption, propagationsOption, jsonOption, initialOption,
                       databaseOption, pullAgainOption});
    parser.process(app);
    if (!parser.isSet(serverOption) || !parser.isSet(jsonOption))
        die(QStringLiteral("usage: frontdesk_bench_sync --server PATH [--changes N] "
                           "[--propagations P] --json OUT\n"
                           "       frontdesk_bench_sync --server PATH --initial "
                           "PATIENTS,APPOINTMENTS [--database URL [--pull-again]] --json OUT"));

    QTemporaryDir dir;
    QFile none(dir.filePath(QStringLiteral("none.conf")));
    if (!dir.isValid() || !none.open(QIODevice::WriteOnly))
        die(QStringLiteral("no temporary directory"));
    none.write("login_attempts_per_minute = 1000\n");
    none.close();
    const QStringList storage =
        parser.isSet(databaseOption)
            ? QStringList{QStringLiteral("--config"), none.fileName(), QStringLiteral("--database"),
                          parser.value(databaseOption)}
            : QStringList{QStringLiteral("--config"), none.fileName(), QStringLiteral("--data-dir"),
                          dir.filePath(QStringLiteral("server"))};
    QProcess add;
    add.start(parser.value(serverOption),
              storage + QStringList{QStringLiteral("user"), QStringLiteral("add"),
                                    QStringLiteral("alice"), QStringLiteral("--role"),
                                    QStringLiteral("admin")});
    add.write(kPassword.toUtf8() + '\n');
    add.closeWriteChannel();
    const bool pullAgain = parser.isSet(pullAgainOption);
    if (pullAgain && (!parser.isSet(databaseOption) || !parser.isSet(initialOption)))
        die(QStringLiteral("--pull-again pulls what a --database server holds from an earlier "
                           "--initial run: give both"));
    if (!add.waitForFinished(60000) || (add.exitCode() != 0 && !pullAgain))
        die(QString::fromUtf8(add.readAllStandardError()));
    QProcess server;
    QByteArray said;
    const QString url = testing::startServerProcess(
        server, parser.value(serverOption),
        storage + QStringList{QStringLiteral("--insecure-http"), QStringLiteral("--listen"),
                              QStringLiteral("127.0.0.1:0")},
        &said);
    if (url.isEmpty())
        die(QString::fromUtf8(said));

    if (parser.isSet(initialOption)) {
        const QStringList size = parser.value(initialOption).split(QLatin1Char(','));
        bool patientsOk = false;
        bool appointmentsOk = false;
        const int patients = size.value(0).toInt(&patientsOk);
        const int appointments = size.value(1).toInt(&appointmentsOk);
        if (size.size() != 2 || !patientsOk || !appointmentsOk || patients < 1 || appointments < 0)
            die(QStringLiteral("--initial takes PATIENTS,APPOINTMENTS, e.g. 100000,1000000"));
        const QJsonObject result = pullAgain
                                       ? pullWhole(url, server.processId(),
                                                   {{QStringLiteral("patients"), patients},
                                                    {QStringLiteral("appointments"), appointments}})
                                       : initial(url, server.processId(), patients, appointments);
        server.terminate();
        server.waitForFinished(10000);
        QFile out(parser.value(jsonOption));
        if (!out.open(QIODevice::WriteOnly))
            die(out.errorString());
        out.write(QJsonDocument(QJsonObject{{QStringLiteral("initial"), result}})
                      .toJson(QJsonDocument::Indented));
        std::printf("initial sync: %.0f records pulled by a new workstation in %.1f s (%.0f "
                    "records/s; uploaded at %.0f records/s); peak RSS %.0f MiB here, %.0f MiB "
                    "at the server\n",
                    result.value(QStringLiteral("records")).toDouble(),
                    result.value(QStringLiteral("seconds")).toDouble(),
                    result.value(QStringLiteral("records_per_second")).toDouble(),
                    result.value(QStringLiteral("upload_records_per_second")).toDouble(),
                    result.value(QStringLiteral("client_peak_rss_mib")).toDouble(),
                    result.value(QStringLiteral("server_peak_rss_mib")).toDouble());
        return 0;
    }

    Workstation a;
    Workstation b;
    a.open();
    b.open();
    a.transport = signIn(url);
    b.transport = signIn(url);
    const QJsonObject inc = incremental(a, b, parser.value(changesOption).toInt());
    const QJsonObject prop = propagation(a, b, url, parser.value(propagationsOption).toInt());
    server.terminate();
    server.waitForFinished(10000);

    const QJsonObject results{{QStringLiteral("incremental"), inc},
                              {QStringLiteral("propagation"), prop}};
    QFile out(parser.value(jsonOption));
    if (!out.open(QIODevice::WriteOnly))
        die(out.errorString());
    out.write(QJsonDocument(results).toJson(QJsonDocument::Indented));
    std::printf("sync: %d changes pushed in %.0f ms, pulled in %.0f ms (round trip %.0f ms); "
                "a change shows at the other workstation after %.0f ms (median), %.0f ms (p95), "
                "%.0f ms (max) of %d\n",
                inc.value(QStringLiteral("changes")).toInt(),
                inc.value(QStringLiteral("push_ms")).toDouble(),
                inc.value(QStringLiteral("pull_ms")).toDouble(),
                inc.value(QStringLiteral("round_trip_ms")).toDouble(),
                prop.value(QStringLiteral("p50_ms")).toDouble(),
                prop.value(QStringLiteral("p95_ms")).toDouble(),
                prop.value(QStringLiteral("max_ms")).toDouble(),
                prop.value(QStringLiteral("changes")).toInt());
    return 0;
}
