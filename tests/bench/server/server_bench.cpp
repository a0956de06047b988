// frontdesk_bench_server: frontdesk-server as its clients see it, over HTTP on loopback.
//
//   ingest --url URL --user NAME --password-file PATH --patients N --appointments M
//          [--bundle ENTRIES] [--clients C] [--copy-file PATH] --json OUT
//       N patients, then M appointments (spread over practitioners so none collide), pushed as
//       transaction Bundles by C clients at once; rows per second. With --copy-file, the same
//       rows as the server stores them (type, id, content) are written there as a COPY text
//       file, so scripts/bench can time PostgreSQL's own COPY of them beside the API.
//   load   --url URL --user NAME --password-file PATH --clients C --seconds S --json OUT
//       C clients at once, each in a loop of a read, a patient search, an appointment search
//       and a transaction push (a new patient and an appointment for them); per kind: count,
//       errors, mean, p50, p95, p99 and throughput. Needs the patients of a prior ingest.
//
// Each client runs in its own thread with its own QNetworkAccessManager (and so its own
// connection): one manager would funnel everyone through at most six connections.

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QThread>
#include <QUuid>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <memory>
#include <vector>

namespace {

const QUuid kNamespace = QUuid(QStringLiteral("{6c1c3f0e-8d43-4a5e-9a2f-5b0c7f3d2e11}"));
// How many practitioners the appointments are spread over (--practitioners, default 200).
int kPractitioners = 200;
constexpr int kSlotMinutes = 15;
// Appointments of the ingest start here, one slot after another per practitioner; those the
// load test pushes start a year later, so the two never collide.
const QDateTime kIngestStart(QDate(2027, 1, 4), QTime(0, 0), Qt::UTC);
const QDateTime kLoadStart(QDate(2028, 1, 3), QTime(0, 0), Qt::UTC);

QString idOf(const char *kind, qint64 n)
{
    return QUuid::createUuidV5(kNamespace, QStringLiteral("%1-%2").arg(QLatin1String(kind)).arg(n))
        .toString(QUuid::WithoutBraces);
}

const char *const kFamilies[] = {"Hoffmann", "Weber",  "Schmidt", "Meyer",  "Wagner",
                                 "Becker",   "Schulz", "Fischer", "Keller", "Richter"};
const char *const kGiven[] = {"Lena", "Jonas", "Mia", "Paul", "Emma", "Felix", "Hanna", "Noah"};

QJsonObject patient(qint64 n)
{
    const QString family = QLatin1String(kFamilies[n % 10]) + QString::number(n % 997);
    return QJsonObject{
        {QStringLiteral("resourceType"), QStringLiteral("Patient")},
        {QStringLiteral("id"), idOf("patient", n)},
        {QStringLiteral("identifier"),
         QJsonArray{QJsonObject{
             {QStringLiteral("system"), QStringLiteral("urn:frontdesk:mrn")},
             {QStringLiteral("value"), QStringLiteral("B%1").arg(n, 8, 10, QLatin1Char('0'))}}}},
        {QStringLiteral("name"),
         QJsonArray{
             QJsonObject{{QStringLiteral("family"), family},
                         {QStringLiteral("given"), QJsonArray{QLatin1String(kGiven[n % 8])}}}}},
        {QStringLiteral("telecom"),
         QJsonArray{QJsonObject{
             {QStringLiteral("system"), QStringLiteral("phone")},
             {QStringLiteral("value"), QStringLiteral("+4930%1").arg(n, 8, 10, QLatin1Char('0'))},
             {QStringLiteral("use"), QStringLiteral("mobile")}}}},
        {QStringLiteral("gender"), n % 2 ? QStringLiteral("female") : QStringLiteral("male")},
        {QStringLiteral("birthDate"), QDate(1940, 1, 1).addDays(n % 25000).toString(Qt::ISODate)}};
}

QJsonObject practitioner(int k)
{
    return QJsonObject{
        {QStringLiteral("resourceType"), QStringLiteral("Practitioner")},
        {QStringLiteral("id"), idOf("practitioner", k)},
        {QStringLiteral("name"),
         QJsonArray{QJsonObject{{QStringLiteral("family"), QStringLiteral("Arzt%1").arg(k)},
                                {QStringLiteral("given"), QJsonArray{QStringLiteral("Eva")}}}}}};
}

QJsonObject participant(const QString &reference)
{
    return QJsonObject{
        {QStringLiteral("actor"), QJsonObject{{QStringLiteral("reference"), reference}}},
        {QStringLiteral("status"), QStringLiteral("accepted")}};
}

// Appointment n of a series starting at `from`: practitioner n % P, the (n / P)th slot of that
// practitioner; patients of one slot differ as long as there are at least P of them.
QJsonObject appointment(const char *kind, qint64 n, const QDateTime &from, qint64 patients)
{
    const QDateTime start = from.addSecs((n / kPractitioners) * kSlotMinutes * 60);
    return QJsonObject{
        {QStringLiteral("resourceType"), QStringLiteral("Appointment")},
        {QStringLiteral("id"), idOf(kind, n)},
        {QStringLiteral("status"), QStringLiteral("booked")},
        {QStringLiteral("start"), start.toString(Qt::ISODate)},
        {QStringLiteral("end"), start.addSecs(kSlotMinutes * 60).toString(Qt::ISODate)},
        {QStringLiteral("participant"),
         QJsonArray{participant(QStringLiteral("Patient/") + idOf("patient", n % patients)),
                    participant(QStringLiteral("Practitioner/") +
                                idOf("practitioner", int(n % kPractitioners)))}}};
}

QJsonObject putEntry(const QJsonObject &resource)
{
    const QString url = resource.value(QStringLiteral("resourceType")).toString() +
                        QLatin1Char('/') + resource.value(QStringLiteral("id")).toString();
    return QJsonObject{
        {QStringLiteral("fullUrl"), url},
        {QStringLiteral("resource"), resource},
        {QStringLiteral("request"), QJsonObject{{QStringLiteral("method"), QStringLiteral("PUT")},
                                                {QStringLiteral("url"), url}}}};
}

QByteArray transaction(const QJsonArray &entries)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                                     {QStringLiteral("type"), QStringLiteral("transaction")},
                                     {QStringLiteral("entry"), entries}})
        .toJson(QJsonDocument::Compact);
}

struct Answer
{
    int status = 0;
    QByteArray body;
    QString error;
};

// One client: its own manager, requests one after another, waiting for each.
class Client
{
public:
    Client(QString base, QByteArray token) : m_base(std::move(base)), m_token(std::move(token)) {}

    Answer send(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        QNetworkRequest request(QUrl(m_base + path));
        request.setRawHeader("Authorization", "Bearer " + m_token);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/fhir+json"));
        request.setTransferTimeout(120000);
        // As the workstations push: the answer names each entry's new version, without the
        // stored resource.
        if (method == "POST" && path == QLatin1String("/fhir"))
            request.setRawHeader("Prefer", "return=minimal");
        QNetworkReply *reply = m_manager.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        Answer a;
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.body = reply->readAll();
        if (reply->error() != QNetworkReply::NoError && a.status == 0)
            a.error = reply->errorString();
        reply->deleteLater();
        return a;
    }

private:
    QString m_base;
    QByteArray m_token;
    QNetworkAccessManager m_manager;
};

QByteArray signIn(const QString &base, const QString &user, const QString &passwordFile,
                  QString *error)
{
    QFile f(passwordFile);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(passwordFile);
        return {};
    }
    const QString password = QString::fromUtf8(f.readLine()).trimmed();
    Client anonymous(base, {});
    const Answer a =
        anonymous.send("POST", QStringLiteral("/auth/login"),
                       QJsonDocument(QJsonObject{{QStringLiteral("username"), user},
                                                 {QStringLiteral("password"), password}})
                           .toJson(QJsonDocument::Compact));
    if (a.status != 200) {
        *error = QStringLiteral("sign-in as %1 failed: %2 %3")
                     .arg(user)
                     .arg(a.status)
                     .arg(a.error.isEmpty() ? QString::fromUtf8(a.body) : a.error);
        return {};
    }
    return QJsonDocument::fromJson(a.body)
        .object()
        .value(QStringLiteral("access_token"))
        .toString()
        .toUtf8();
}

// Runs `work(clientIndex)` in `clients` threads at once and waits for all.
void inThreads(int clients, const std::function<void(int)> &work)
{
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < clients; ++i)
        threads.emplace_back(QThread::create([i, &work] { work(i); }));
    for (auto &t : threads)
        t->start();
    for (auto &t : threads)
        t->wait();
}

struct Latencies
{
    std::vector<double> ms;
    qint64 errors = 0;
    QString firstError;
};

QJsonObject summary(Latencies l, double seconds)
{
    std::sort(l.ms.begin(), l.ms.end());
    auto at = [&](double q) {
        if (l.ms.empty())
            return 0.0;
        return l.ms[std::min(l.ms.size() - 1, size_t(q * double(l.ms.size())))];
    };
    double sum = 0;
    for (double v : l.ms)
        sum += v;
    QJsonObject o{{QStringLiteral("count"), qint64(l.ms.size())},
                  {QStringLiteral("errors"), l.errors},
                  {QStringLiteral("mean_ms"), l.ms.empty() ? 0.0 : sum / double(l.ms.size())},
                  {QStringLiteral("p50_ms"), at(0.50)},
                  {QStringLiteral("p95_ms"), at(0.95)},
                  {QStringLiteral("p99_ms"), at(0.99)},
                  {QStringLiteral("per_second"), double(l.ms.size()) / seconds}};
    if (!l.firstError.isEmpty())
        o.insert(QStringLiteral("first_error"), l.firstError.left(300));
    return o;
}

bool writeJson(const QString &path, const QJsonObject &o)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    f.write(QJsonDocument(o).toJson());
    return true;
}

// COPY's text format: tabs, newlines and backslashes escaped.
QByteArray copyField(const QByteArray &value)
{
    QByteArray out;
    out.reserve(value.size());
    for (char c : value) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\t')
            out += "\\t";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

int ingest(const QCommandLineParser &p, const QString &base, const QByteArray &token)
{
    const qint64 patients = p.value(QStringLiteral("patients")).toLongLong();
    const qint64 appointments = p.value(QStringLiteral("appointments")).toLongLong();
    const int bundle = std::max(1, p.value(QStringLiteral("bundle")).toInt());
    const int clients = std::max(1, p.value(QStringLiteral("clients")).toInt());
    if (patients < kPractitioners) {
        std::fprintf(stderr, "--patients must be at least %d\n", kPractitioners);
        return 1;
    }

    std::unique_ptr<QFile> copy;
    if (p.isSet(QStringLiteral("copy-file"))) {
        copy = std::make_unique<QFile>(p.value(QStringLiteral("copy-file")));
        if (!copy->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(copy->fileName()));
            return 1;
        }
    }
    QMutex copyLock;

    {
        Client c(base, token);
        QJsonArray entries;
        for (int k = 0; k < kPractitioners; ++k)
            entries.append(putEntry(practitioner(k)));
        const Answer a = c.send("POST", QStringLiteral("/fhir"), transaction(entries));
        if (a.status != 200) {
            std::fprintf(stderr, "practitioners: %d %s\n", a.status, a.body.left(400).constData());
            return 2;
        }
    }

    struct Phase
    {
        const char *name;
        qint64 rows;
        std::function<QJsonObject(qint64)> make;
    };
    const QList<Phase> phases{{"patients", patients, [](qint64 n) { return patient(n); }},
                              {"appointments", appointments, [patients](qint64 n) {
                                   return appointment("appointment", n, kIngestStart, patients);
                               }}};
    QJsonObject out{{QStringLiteral("patients"), patients},
                    {QStringLiteral("appointments"), appointments},
                    {QStringLiteral("bundle_entries"), bundle},
                    {QStringLiteral("clients"), clients}};
    qint64 allRows = 0;
    double allSeconds = 0;
    for (const Phase &phase : phases) {
        std::atomic<qint64> next{0};
        Latencies merged;
        QMutex mergeLock;
        QElapsedTimer wall;
        wall.start();
        inThreads(clients, [&](int) {
            Client c(base, token);
            Latencies mine;
            for (;;) {
                const qint64 from = next.fetch_add(bundle);
                if (from >= phase.rows)
                    break;
                const qint64 to = std::min(phase.rows, from + bundle);
                QJsonArray entries;
                QByteArray copyRows;
                for (qint64 n = from; n < to; ++n) {
                    const QJsonObject r = phase.make(n);
                    entries.append(putEntry(r));
                    if (copy)
                        copyRows +=
                            r.value(QStringLiteral("resourceType")).toString().toUtf8() + '\t' +
                            r.value(QStringLiteral("id")).toString().toUtf8() + '\t' +
                            copyField(QJsonDocument(r).toJson(QJsonDocument::Compact)) + '\n';
                }
                QElapsedTimer t;
                t.start();
                const Answer a = c.send("POST", QStringLiteral("/fhir"), transaction(entries));
                mine.ms.push_back(double(t.nsecsElapsed()) / 1e6);
                if (a.status != 200) {
                    ++mine.errors;
                    if (mine.firstError.isEmpty())
                        mine.firstError = QStringLiteral("%1 %2").arg(a.status).arg(
                            a.error.isEmpty() ? QString::fromUtf8(a.body) : a.error);
                }
                if (copy) {
                    QMutexLocker locked(&copyLock);
                    copy->write(copyRows);
                }
            }
            QMutexLocker locked(&mergeLock);
            merged.ms.insert(merged.ms.end(), mine.ms.begin(), mine.ms.end());
            merged.errors += mine.errors;
            if (merged.firstError.isEmpty())
                merged.firstError = mine.firstError;
        });
        const double seconds = double(wall.nsecsElapsed()) / 1e9;
        QJsonObject o = summary(merged, seconds);
        o.insert(QStringLiteral("rows"), phase.rows);
        o.insert(QStringLiteral("seconds"), seconds);
        o.insert(QStringLiteral("rows_per_second"), double(phase.rows) / seconds);
        out.insert(QLatin1String(phase.name), o);
        allRows += phase.rows;
        allSeconds += seconds;
        std::fprintf(stderr, "  %s: %lld rows in %.1f s (%.0f rows/s, %lld failed bundles)\n",
                     phase.name, static_cast<long long>(phase.rows), seconds,
                     double(phase.rows) / seconds, static_cast<long long>(merged.errors));
        if (merged.errors > 0)
            std::fprintf(stderr, "  first failure: %s\n", qPrintable(merged.firstError));
    }
    out.insert(QStringLiteral("rows_per_second"), double(allRows) / allSeconds);
    out.insert(QStringLiteral("seconds"), allSeconds);
    if (!writeJson(p.value(QStringLiteral("json")), out))
        return 1;
    const bool failed =
        out.value(QStringLiteral("patients")).toObject().value(QStringLiteral("errors")).toInt() +
            out.value(QStringLiteral("appointments"))
                .toObject()
                .value(QStringLiteral("errors"))
                .toInt() >
        0;
    return failed ? 2 : 0;
}

int load(const QCommandLineParser &p, const QString &base, const QByteArray &token)
{
    const int clients = std::max(1, p.value(QStringLiteral("clients")).toInt());
    const double seconds = std::max(1.0, p.value(QStringLiteral("seconds")).toDouble());
    const qint64 patients =
        std::max<qint64>(kPractitioners, p.value(QStringLiteral("patients")).toLongLong());
    enum Kind
    {
        Read,
        SearchPatient,
        SearchAppointment,
        Push,
        Kinds
    };
    const char *const names[Kinds] = {"read", "search_patient", "search_appointment", "push"};
    std::vector<Latencies> merged(Kinds);
    QMutex mergeLock;
    // Pushes take appointment numbers from one counter, so no two collide at the server.
    std::atomic<qint64> nextPush{0};
    QElapsedTimer wall;
    wall.start();
    inThreads(clients, [&](int index) {
        Client c(base, token);
        QRandomGenerator random(quint32(index) + 1);
        std::vector<Latencies> mine(Kinds);
        QElapsedTimer running;
        running.start();
        while (running.elapsed() < qint64(seconds * 1000)) {
            for (int kind = 0; kind < Kinds; ++kind) {
                const qint64 n = random.bounded(patients);
                QElapsedTimer t;
                t.start();
                Answer a;
                int expected = 200;
                if (kind == Read) {
                    a = c.send("GET", QStringLiteral("/fhir/Patient/") + idOf("patient", n));
                } else if (kind == SearchPatient) {
                    a = c.send("GET", QStringLiteral("/fhir/Patient?family=%1&_count=20")
                                          .arg(QLatin1String(kFamilies[n % 10]) +
                                               QString::number(n % 997)));
                } else if (kind == SearchAppointment) {
                    const QDate day = kIngestStart.date().addDays(n % 28);
                    a = c.send("GET", QStringLiteral("/fhir/Appointment?practitioner=%1&date=ge%2"
                                                     "&date=le%2&_count=50")
                                          .arg(idOf("practitioner", int(n % kPractitioners)),
                                               day.toString(Qt::ISODate)));
                } else {
                    const qint64 k = nextPush.fetch_add(1);
                    const qint64 newPatient = 10'000'000'000LL + k;
                    QJsonObject pat = patient(newPatient);
                    QJsonObject appt = appointment("load-appointment", k, kLoadStart, 1);
                    QJsonArray participants = appt.value(QStringLiteral("participant")).toArray();
                    participants[0] =
                        participant(QStringLiteral("Patient/") + idOf("patient", newPatient));
                    appt.insert(QStringLiteral("participant"), participants);
                    a = c.send("POST", QStringLiteral("/fhir"),
                               transaction({putEntry(pat), putEntry(appt)}));
                }
                mine[kind].ms.push_back(double(t.nsecsElapsed()) / 1e6);
                if (a.status != expected) {
                    ++mine[kind].errors;
                    if (mine[kind].firstError.isEmpty())
                        mine[kind].firstError = QStringLiteral("%1 %2").arg(a.status).arg(
                            a.error.isEmpty() ? QString::fromUtf8(a.body) : a.error);
                }
            }
        }
        QMutexLocker locked(&mergeLock);
        for (int kind = 0; kind < Kinds; ++kind) {
            merged[kind].ms.insert(merged[kind].ms.end(), mine[kind].ms.begin(),
                                   mine[kind].ms.end());
            merged[kind].errors += mine[kind].errors;
            if (merged[kind].firstError.isEmpty())
                merged[kind].firstError = mine[kind].firstError;
        }
    });
    const double elapsed = double(wall.nsecsElapsed()) / 1e9;
    QJsonObject out{{QStringLiteral("clients"), clients}, {QStringLiteral("seconds"), elapsed}};
    qint64 errors = 0;
    for (int kind = 0; kind < Kinds; ++kind) {
        const QJsonObject s = summary(merged[kind], elapsed);
        out.insert(QLatin1String(names[kind]), s);
        errors += merged[kind].errors;
        std::fprintf(stderr, "  %-18s %6lld requests, %lld errors, p50 %.1f ms, p95 %.1f ms\n",
                     names[kind], static_cast<long long>(merged[kind].ms.size()),
                     static_cast<long long>(merged[kind].errors),
                     s.value(QStringLiteral("p50_ms")).toDouble(),
                     s.value(QStringLiteral("p95_ms")).toDouble());
        if (merged[kind].errors > 0)
            std::fprintf(stderr, "    first failure: %s\n", qPrintable(merged[kind].firstError));
    }
    if (!writeJson(p.value(QStringLiteral("json")), out))
        return 1;
    return errors > 0 ? 2 : 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("mode"), QStringLiteral("ingest | load"));
    for (const auto &[name, value] :
         std::initializer_list<std::pair<const char *, const char *>>{{"url", "URL"},
                                                                      {"user", "NAME"},
                                                                      {"password-file", "PATH"},
                                                                      {"patients", "N"},
                                                                      {"appointments", "N"},
                                                                      {"bundle", "ENTRIES"},
                                                                      {"clients", "N"},
                                                                      {"seconds", "S"},
                                                                      {"copy-file", "PATH"},
                                                                      {"practitioners", "N"},
                                                                      {"json", "PATH"}})
        p.addOption(
            QCommandLineOption(QLatin1String(name), QLatin1String(name), QLatin1String(value)));
    p.process(app);
    const QString mode = p.positionalArguments().value(0);
    if ((mode != QLatin1String("ingest") && mode != QLatin1String("load")) ||
        !p.isSet(QStringLiteral("url")) || !p.isSet(QStringLiteral("json"))) {
        std::fprintf(stderr, "%s", qPrintable(p.helpText()));
        return 1;
    }
    if (p.isSet(QStringLiteral("practitioners")))
        kPractitioners = std::max(1, p.value(QStringLiteral("practitioners")).toInt());
    const QString base = p.value(QStringLiteral("url"));
    QString error;
    const QByteArray token = signIn(base, p.value(QStringLiteral("user")),
                                    p.value(QStringLiteral("password-file")), &error);
    if (token.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    return mode == QLatin1String("ingest") ? ingest(p, base, token) : load(p, base, token);
}
