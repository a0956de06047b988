#include "FhirApi.h"

#include "JsonInput.h"
#include "OperationOutcome.h"
#include "access/AuditLog.h"
#include "access/AuditQuery.h"
#include "access/Permissions.h"
#include "database/Database.h"
#include "domain/SearchText.h"
#include "fhir/AuditEventMapping.h"
#include "fhir/Etag.h"
#include "fhir/ScheduleMapping.h"
#include "scheduling/ConflictDetector.h"
#include "scheduling/StatusTransitions.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSet>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>

namespace frontdesk::server {

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// s as a JSON string, quotes and all.
void appendJsonString(QByteArray &out, const QString &s)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (const char c : s.toUtf8()) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            out += "\\u00";
            out += kHex[(c >> 4) & 0xf];
            out += kHex[c & 0xf];
        } else {
            out += c;
        }
    }
    out += '"';
}

QString httpDate(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)
        .toString(QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
}

// A date search value as a UTC range [lower, upper): a day, or one instant.
bool dateRange(const QString &text, qint64 *lower, qint64 *upper)
{
    const QDate day = QDate::fromString(text, Qt::ISODate);
    if (day.isValid() && text.size() == 10) {
        *lower = QDateTime(day, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        *upper = QDateTime(day.addDays(1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        return true;
    }
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        return false;
    *lower = t.toMSecsSinceEpoch();
    *upper = *lower + 1;
    return true;
}

// FHIR's comparison prefixes of date parameters.
QString splitPrefix(QString *value)
{
    for (const char *p : {"eq", "ge", "le", "gt", "lt"}) {
        if (value->startsWith(QLatin1String(p)) && value->size() > 2 && value->at(2).isDigit()) {
            const QString prefix = value->left(2);
            *value = value->mid(2);
            return prefix;
        }
    }
    return QStringLiteral("eq");
}

QString escapeLike(QString value)
{
    value.replace(QLatin1Char('!'), QLatin1String("!!"));
    value.replace(QLatin1Char('%'), QLatin1String("!%"));
    value.replace(QLatin1Char('_'), QLatin1String("!_"));
    return value;
}

QString actionFor(const QString &method)
{
    return method == QLatin1String("DELETE") ? QStringLiteral("delete")
           : method == QLatin1String("POST") ? QStringLiteral("create")
                                             : QStringLiteral("update");
}

// Rewrites references to urn:uuid fullUrls of a transaction to the ids the server gave them.
void resolveReferences(QJsonValueRef value, const QHash<QString, QString> &map);
void resolveReferences(QJsonObject &o, const QHash<QString, QString> &map)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() == QLatin1String("reference") && it.value().isString()) {
            const auto found = map.constFind(it.value().toString());
            if (found != map.constEnd())
                it.value() = *found;
        } else {
            resolveReferences(it.value(), map);
        }
    }
}
void resolveReferences(QJsonValueRef value, const QHash<QString, QString> &map)
{
    if (value.isObject()) {
        QJsonObject o = value.toObject();
        resolveReferences(o, map);
        value = o;
    } else if (value.isArray()) {
        QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            resolveReferences(a[i], map);
        value = a;
    }
}

} // namespace

FhirApi::FhirApi(Database &db, Settings settings)
    : m_db(db), m_settings(std::move(settings)), m_auth(db, m_settings.auth), m_workstations(db),
      m_workstationAudit(db), m_store(db)
{}

HttpResponse FhirApi::json(int status, const QJsonObject &body)
{
    HttpResponse r;
    r.status = status;
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return r;
}

HttpResponse FhirApi::fromOutcome(const WriteOutcome &outcome)
{
    if (!outcome.ok())
        return OperationOutcome::response(outcome.status, outcome.code, outcome.message);
    const StoredResource &s = *outcome.stored;
    HttpResponse r =
        s.deleted ? json(outcome.status,
                         OperationOutcome::information(tr("%1/%2 was deleted.").arg(s.type, s.id)))
                  : json(outcome.status, s.withMeta());
    r.setHeader("ETag", s.etag());
    r.setHeader("Last-Modified", httpDate(s.lastUpdated).toLatin1());
    if (outcome.status == 201)
        r.setHeader(
            "Location",
            QStringLiteral("fhir/%1/%2/_history/%3").arg(s.type, s.id).arg(s.versionId).toUtf8());
    return r;
}

QString FhirApi::baseUrl(const HttpRequest &request) const
{
    const QByteArray host = request.header("Host");
    return QStringLiteral("%1://%2/fhir")
        .arg(m_settings.scheme,
             host.isEmpty() ? QStringLiteral("localhost") : QString::fromUtf8(host));
}

// A type the permission table does not know is nobody's to read or write. A workstation reads
// every type the table lists: it holds the whole clinic so that every role can work offline,
// and what a person sees there is decided by that person's role in its models.
bool FhirApi::mayRead(const Principal &who, const QString &type) const
{
    const std::optional<Permission> needed = Permissions::toRead(type);
    return needed && (who.isWorkstation() || Permissions::allows(who.role, *needed));
}

// A workstation writes only on behalf of a person, with that person's role.
bool FhirApi::mayWrite(const Principal &who, const QString &type) const
{
    const std::optional<Permission> needed = Permissions::toWrite(type);
    return needed && !who.isWorkstationAlone() && Permissions::allows(who.role, *needed);
}

// What a refused person may not do, for the OperationOutcome.
QString FhirApi::refusedAccess(const QString &type, bool write)
{
    const std::optional<Permission> needed =
        write ? Permissions::toWrite(type) : Permissions::toRead(type);
    if (!needed)
        return tr("use %1 resources, which the permission table does not list").arg(type);
    return Permissions::describe(*needed);
}

Status FhirApi::audit(const Principal &who, const QString &action, const QString &type,
                      const QString &id, const QString &patientId, bool success,
                      const QJsonObject &detail)
{
    const Actor previous = m_db.actor();
    m_db.setActor(who.actor());
    AuditEntry entry;
    entry.action = action;
    entry.entityType = type;
    entry.entityId = id;
    entry.patientId = patientId;
    entry.outcome = success ? QStringLiteral("success") : QStringLiteral("failure");
    entry.detail = detail;
    entry.detail.insert(QStringLiteral("via"), QStringLiteral("frontdesk-server"));
    if (who.isWorkstation())
        entry.detail.insert(QStringLiteral("workstation"),
                            QJsonObject{{QStringLiteral("id"), who.workstationId},
                                        {QStringLiteral("name"), who.workstationName}});
    if (m_auditBatch) {
        m_db.setActor(previous);
        m_auditBatch->append(entry);
        return {};
    }
    auto appended = AuditLog(m_db).append(entry);
    m_db.setActor(previous);
    if (!appended)
        return fail(appended.error());
    return {};
}

Status FhirApi::flushAudit(const Principal &who)
{
    if (!m_auditBatch || m_auditBatch->isEmpty())
        return {};
    const Actor previous = m_db.actor();
    m_db.setActor(who.actor());
    const Status s = AuditLog(m_db).appendAll(*m_auditBatch);
    m_db.setActor(previous);
    m_auditBatch->clear();
    return s;
}

HttpResponse FhirApi::refuse(const Principal &who, const QString &action, const QString &type,
                             const QString &id, int status, const QString &code,
                             const QString &message)
{
    if (auto s = audit(who, action, type, id, {}, false,
                       {{QStringLiteral("status"), status}, {QStringLiteral("reason"), code}});
        !s)
        return OperationOutcome::response(500, QStringLiteral("exception"), s.error());
    return OperationOutcome::response(status, code, message);
}

HttpResponse FhirApi::handle(const HttpRequest &request)
{
    const qint64 declared = request.header("Content-Length").toLongLong();
    if (request.body.size() > m_settings.maxBodyBytes || declared > m_settings.maxBodyBytes)
        return OperationOutcome::response(
            413, QStringLiteral("too-costly"),
            tr("The body is larger than %1 bytes.").arg(m_settings.maxBodyBytes));
    HttpResponse r = route(request);
    r.setHeader("X-Content-Type-Options", "nosniff");
    return r;
}

HttpResponse FhirApi::route(const HttpRequest &request)
{
    const QString path = request.path;
    const QByteArray method = request.method;
    if (path == QLatin1String("/auth/login")) {
        if (method != "POST")
            return OperationOutcome::response(405, QStringLiteral("not-supported"),
                                              tr("Sign in with POST /auth/login."));
        return m_auth.login(request);
    }
    if (path.startsWith(QLatin1String("/sms/")) && m_settings.smsGateway)
        return m_settings.smsGateway(request);
    if (path == QLatin1String("/auth/token")) {
        if (method != "POST")
            return OperationOutcome::response(405, QStringLiteral("not-supported"),
                                              tr("A workstation gets its token with POST "
                                                 "/auth/token."));
        return m_auth.workstationToken(request);
    }
    const bool enrolling = path == QLatin1String("/auth/enroll");
    const bool staffList = path == QLatin1String("/auth/staff");
    if (!enrolling && !staffList && path != QLatin1String("/fhir") &&
        !path.startsWith(QLatin1String("/fhir/")))
        return OperationOutcome::response(404, QStringLiteral("not-found"),
                                          tr("Nothing here: the FHIR API is under /fhir, sign-in "
                                             "at /auth/login."));
    const QStringList parts = path.mid(5).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.size() == 1 && parts[0] == QLatin1String("metadata")) {
        if (method != "GET")
            return OperationOutcome::response(405, QStringLiteral("not-supported"),
                                              tr("The CapabilityStatement is read with GET."));
        return metadata(request);
    }

    auto principal = m_auth.authenticate(request.header("Authorization"));
    if (!principal) {
        HttpResponse r =
            OperationOutcome::response(401, QStringLiteral("login"), principal.error());
        r.setHeader("WWW-Authenticate", "Bearer realm=\"frontdesk\"");
        return r;
    }
    // A workstation's request names the staff member it acts for; that person's role and
    // account state decide what it may change.
    const QByteArray staff = request.header("X-Frontdesk-Staff");
    if (!staff.isEmpty()) {
        auto acting = m_auth.actingFor(*principal, QString::fromUtf8(staff).trimmed());
        if (!acting)
            return refuse(*principal, QStringLiteral("act-for"), QStringLiteral("StaffAccount"), {},
                          403, QStringLiteral("forbidden"), acting.error());
        principal = std::move(*acting);
    }
    const Principal &who = *principal;
    if (staffList) {
        if (method != "GET")
            return OperationOutcome::response(405, QStringLiteral("not-supported"),
                                              tr("The staff accounts are read with GET "
                                                 "/auth/staff."));
        return m_auth.staffList(who);
    }
    if (enrolling) {
        if (method != "POST")
            return OperationOutcome::response(405, QStringLiteral("not-supported"),
                                              tr("Enroll a workstation with POST /auth/enroll."));
        return m_workstations.enroll(who, request);
    }

    if (parts.isEmpty()) {
        if (method != "POST")
            return OperationOutcome::response(405, QStringLiteral("not-supported"),
                                              tr("POST a transaction or batch Bundle to /fhir."));
        return bundle(who, request);
    }
    if (parts[0] == QLatin1String("_history")) {
        if (parts.size() != 1 || method != "GET")
            return OperationOutcome::response(405, QStringLiteral("not-supported"),
                                              tr("The system history is read with GET "
                                                 "/fhir/_history."));
        return systemHistory(who, request);
    }
    const QString type = parts[0];
    if (type == QLatin1String("AuditEvent") && parts.size() == 1 && method == "GET")
        return auditEvents(who, request);
    if (type == QLatin1String("AuditEvent") && parts.size() == 2 &&
        (parts[1] == QLatin1String("$upload") || parts[1] == QLatin1String("$chain")))
        return workstationAudit(who, request, parts[1]);
    // The role comes first: a receptionist asking for clinical data is refused as such, whether
    // or not this server keeps that type yet. A type no role may use (the permission table does
    // not list it) is simply not kept here.
    if (!Permissions::toRead(type))
        return refuse(who, QStringLiteral("read"), type, {}, 404, QStringLiteral("not-supported"),
                      tr("This server does not keep %1 resources; it keeps %2.")
                          .arg(type, ResourceTypes::supported().join(QStringLiteral(", "))));
    if (!mayRead(who, type))
        return refuse(
            who, QStringLiteral("read"), type, {}, 403, QStringLiteral("forbidden"),
            tr("The role %1 may not %2.").arg(Roles::name(who.role), refusedAccess(type, false)));
    // A workstation reads everything, but changes only what the person it names may change.
    if ((method == "POST" || method == "PUT" || method == "DELETE") && who.isWorkstation() &&
        !who.isWorkstationAlone() && !mayWrite(who, type))
        return refuse(
            who, actionFor(QString::fromLatin1(method)), type, {}, 403, QStringLiteral("forbidden"),
            tr("The role %1 may not %2.").arg(Roles::name(who.role), refusedAccess(type, true)));
    if (!ResourceTypes::isSupported(type))
        return refuse(who, QStringLiteral("read"), type, {}, 404, QStringLiteral("not-supported"),
                      tr("This server does not keep %1 resources; it keeps %2.")
                          .arg(type, ResourceTypes::supported().join(QStringLiteral(", "))));
    if (parts.size() > 1 && !ResourceTypes::isValidId(parts[1]))
        return OperationOutcome::response(400, QStringLiteral("invalid"),
                                          tr("\"%1\" is not a FHIR id (1 to 64 letters, digits, "
                                             "'-' and '.').")
                                              .arg(parts[1].left(80)));
    if (parts.size() == 1) {
        if (method == "GET")
            return search(who, type, request);
        if (method == "POST")
            return single(who, method, type, {}, request);
    } else if (parts.size() == 2) {
        if (method == "GET")
            return read(who, type, parts[1], std::nullopt);
        if (method == "PUT" || method == "DELETE")
            return single(who, method, type, parts[1], request);
    } else if (parts.size() == 3 && parts[2] == QLatin1String("_history") && method == "GET") {
        return instanceHistory(who, type, parts[1]);
    } else if (parts.size() == 4 && parts[2] == QLatin1String("_history") && method == "GET") {
        bool ok = false;
        const qint64 v = parts[3].toLongLong(&ok);
        if (!ok || v < 1)
            return OperationOutcome::response(
                400, QStringLiteral("invalid"),
                tr("\"%1\" is not a version number.").arg(parts[3].left(40)));
        return read(who, type, parts[1], v);
    }
    return OperationOutcome::response(
        405, QStringLiteral("not-supported"),
        tr("%1 %2 is not an interaction this server offers.")
            .arg(QString::fromLatin1(method.left(16)), path.left(200)));
}

HttpResponse FhirApi::metadata(const HttpRequest &request) const
{
    QJsonArray resources;
    for (const QString &type : ResourceTypes::supported()) {
        QJsonArray params;
        for (const QString &p : ResourceTypes::searchParameters(type)) {
            const QString kind =
                p == QLatin1String("date") || p == QLatin1String("birthdate")
                    ? QStringLiteral("date")
                : (p == QLatin1String("patient") || p == QLatin1String("practitioner") ||
                   p == QLatin1String("location") || p == QLatin1String("schedule"))
                    ? QStringLiteral("reference")
                : (p == QLatin1String("identifier") || p == QLatin1String("status") ||
                   p == QLatin1String("phone"))
                    ? QStringLiteral("token")
                    : QStringLiteral("string");
            params.append(QJsonObject{{QStringLiteral("name"), p}, {QStringLiteral("type"), kind}});
        }
        QJsonArray interactions;
        for (const char *code :
             {"read", "vread", "update", "delete", "history-instance", "create", "search-type"})
            interactions.append(QJsonObject{{QStringLiteral("code"), QLatin1String(code)}});
        resources.append(
            QJsonObject{{QStringLiteral("type"), type},
                        {QStringLiteral("interaction"), interactions},
                        {QStringLiteral("versioning"), QStringLiteral("versioned")},
                        {QStringLiteral("readHistory"), true},
                        {QStringLiteral("updateCreate"), true},
                        {QStringLiteral("conditionalUpdate"), false},
                        {QStringLiteral("conditionalDelete"), QStringLiteral("not-supported")},
                        {QStringLiteral("searchParam"), params}});
    }
    resources.append(QJsonObject{
        {QStringLiteral("type"), QStringLiteral("AuditEvent")},
        {QStringLiteral("interaction"),
         QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("search-type")}}}},
        {QStringLiteral("searchParam"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("patient")},
                                {QStringLiteral("type"), QStringLiteral("reference")}},
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("agent-name")},
                                {QStringLiteral("type"), QStringLiteral("string")}}}},
        // A workstation's own trail: uploaded, and the copy held of it.
        {QStringLiteral("operation"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("upload")},
                                {QStringLiteral("definition"),
                                 QStringLiteral("urn:frontdesk:operation:audit-upload")}},
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("chain")},
                                {QStringLiteral("definition"),
                                 QStringLiteral("urn:frontdesk:operation:audit-chain")}}}}});
    QJsonArray systemInteractions;
    for (const char *code : {"transaction", "batch", "history-system"})
        systemInteractions.append(QJsonObject{{QStringLiteral("code"), QLatin1String(code)}});
    const QJsonObject capability{
        {QStringLiteral("resourceType"), QStringLiteral("CapabilityStatement")},
        {QStringLiteral("status"), QStringLiteral("active")},
        {QStringLiteral("date"), QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate)},
        {QStringLiteral("kind"), QStringLiteral("instance")},
        {QStringLiteral("software"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("frontdesk-server")},
                     {QStringLiteral("version"), QStringLiteral(FRONTDESK_VERSION)}}},
        {QStringLiteral("implementation"),
         QJsonObject{{QStringLiteral("description"), QStringLiteral("Frontdesk clinic server")},
                     {QStringLiteral("url"), baseUrl(request)}}},
        {QStringLiteral("fhirVersion"), QStringLiteral("4.0.1")},
        {QStringLiteral("format"), QJsonArray{QStringLiteral("json")}},
        {QStringLiteral("rest"),
         QJsonArray{QJsonObject{
             {QStringLiteral("mode"), QStringLiteral("server")},
             {QStringLiteral("security"),
              QJsonObject{{QStringLiteral("description"),
                           QStringLiteral("POST /auth/login with {\"username\", \"password\"} "
                                          "gives a bearer token; send it as "
                                          "\"Authorization: Bearer TOKEN\". An enrolled "
                                          "workstation gets its own with POST /auth/token and "
                                          "names the staff member it acts for in "
                                          "X-Frontdesk-Staff.")}}},
             {QStringLiteral("resource"), resources},
             {QStringLiteral("interaction"), systemInteractions}}}}};
    return json(200, capability);
}

HttpResponse FhirApi::read(const Principal &who, const QString &type, const QString &id,
                           std::optional<qint64> versionId)
{
    const QString action = versionId ? QStringLiteral("vread") : QStringLiteral("read");
    if (!mayRead(who, type))
        return refuse(
            who, action, type, id, 403, QStringLiteral("forbidden"),
            tr("The role %1 may not %2.").arg(Roles::name(who.role), refusedAccess(type, false)));
    auto found = versionId ? m_store.version(type, id, *versionId) : m_store.current(type, id);
    if (!found)
        return OperationOutcome::response(500, QStringLiteral("exception"), found.error());
    if (!found->has_value())
        return refuse(who, action, type, id, 404, QStringLiteral("not-found"),
                      versionId ? tr("%1/%2 has no version %3.").arg(type, id).arg(*versionId)
                                : tr("There is no %1/%2.").arg(type, id));
    const StoredResource &s = **found;
    const QString patientId = type == QLatin1String("Patient") ? id : QString();
    if (auto a = audit(who, action, type, id, patientId, true); !a)
        return OperationOutcome::response(500, QStringLiteral("exception"), a.error());
    if (s.deleted) {
        HttpResponse r = OperationOutcome::response(410, QStringLiteral("deleted"),
                                                    tr("%1/%2 was deleted.").arg(type, id));
        r.setHeader("ETag", s.etag());
        return r;
    }
    HttpResponse r = json(200, s.withMeta());
    r.setHeader("ETag", s.etag());
    r.setHeader("Last-Modified", httpDate(s.lastUpdated).toLatin1());
    return r;
}

HttpResponse FhirApi::instanceHistory(const Principal &who, const QString &type, const QString &id)
{
    if (!mayRead(who, type))
        return refuse(
            who, QStringLiteral("history"), type, id, 403, QStringLiteral("forbidden"),
            tr("The role %1 may not %2.").arg(Roles::name(who.role), refusedAccess(type, false)));
    auto versions = m_store.versionsOf(type, id);
    if (!versions)
        return OperationOutcome::response(500, QStringLiteral("exception"), versions.error());
    if (versions->isEmpty())
        return refuse(who, QStringLiteral("history"), type, id, 404, QStringLiteral("not-found"),
                      tr("There is no %1/%2.").arg(type, id));
    if (auto a = audit(who, QStringLiteral("history"), type, id,
                       type == QLatin1String("Patient") ? id : QString(), true);
        !a)
        return OperationOutcome::response(500, QStringLiteral("exception"), a.error());
    QJsonArray entries;
    for (const StoredResource &s : *versions) {
        QJsonObject entry{
            {QStringLiteral("request"),
             QJsonObject{{QStringLiteral("method"), s.method},
                         {QStringLiteral("url"), QStringLiteral("%1/%2").arg(type, id)}}},
            {QStringLiteral("response"),
             QJsonObject{{QStringLiteral("status"),
                          s.deleted ? QStringLiteral("204") : QStringLiteral("200")},
                         {QStringLiteral("etag"), QString::fromLatin1(s.etag())}}}};
        if (!s.deleted)
            entry.insert(QStringLiteral("resource"), s.withMeta());
        entries.append(entry);
    }
    return json(200, QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                                 {QStringLiteral("type"), QStringLiteral("history")},
                                 {QStringLiteral("total"), entries.size()},
                                 {QStringLiteral("entry"), entries}});
}

HttpResponse FhirApi::search(const Principal &who, const QString &type, const HttpRequest &request)
{
    if (!mayRead(who, type))
        return refuse(
            who, QStringLiteral("search"), type, {}, 403, QStringLiteral("forbidden"),
            tr("The role %1 may not %2.").arg(Roles::name(who.role), refusedAccess(type, false)));
    const bool appointments = type == QLatin1String("Appointment");
    QStringList where{QStringLiteral("r.type = ?"), QStringLiteral("r.deleted = 0")};
    QVariantList values{type};
    int count = m_settings.defaultPageSize;
    qint64 offset = 0;
    QString order = appointments ? QStringLiteral("s.start_ms, r.id") : QStringLiteral("r.id");
    const QStringList known = ResourceTypes::searchParameters(type);
    const auto bad = [&](const QString &message) {
        return OperationOutcome::response(400, QStringLiteral("invalid"), message);
    };
    for (const auto &[rawName, rawValue] : request.query.queryItems(QUrl::FullyDecoded)) {
        const QString name = rawName;
        const QString value = rawValue;
        if (name == QLatin1String("_count")) {
            bool ok = false;
            count = value.toInt(&ok);
            if (!ok || count < 0)
                return bad(tr("_count must be a whole number of at least 0."));
            count = std::min(count, m_settings.maxPageSize);
            continue;
        }
        if (name == QLatin1String("_offset")) {
            bool ok = false;
            offset = value.toLongLong(&ok);
            if (!ok || offset < 0)
                return bad(tr("_offset must be a whole number of at least 0."));
            continue;
        }
        if (name == QLatin1String("_sort")) {
            if (value == QLatin1String("_lastUpdated"))
                order = QStringLiteral("r.last_updated, r.id");
            else if (value == QLatin1String("-_lastUpdated"))
                order = QStringLiteral("r.last_updated DESC, r.id");
            else if (appointments && value == QLatin1String("date"))
                order = QStringLiteral("s.start_ms, r.id");
            else if (appointments && value == QLatin1String("-date"))
                order = QStringLiteral("s.start_ms DESC, r.id");
            else
                return bad(tr("_sort can be _lastUpdated%1, each with '-' for descending.")
                               .arg(appointments ? QStringLiteral(" or date") : QString()));
            continue;
        }
        if (name == QLatin1String("_format"))
            continue;
        QString param = name;
        QString modifier;
        if (const qsizetype colon = name.indexOf(QLatin1Char(':')); colon > 0) {
            param = name.left(colon);
            modifier = name.mid(colon + 1);
        }
        if (!known.contains(param))
            return bad(tr("%1 has no search parameter \"%2\"; it has %3.")
                           .arg(type, name.left(60), known.join(QStringLiteral(", "))));
        if (value.isEmpty())
            return bad(tr("The search parameter %1 has no value.").arg(param));
        if (appointments &&
            (param == QLatin1String("patient") || param == QLatin1String("practitioner") ||
             param == QLatin1String("location"))) {
            QStringList ors;
            for (QString ref : value.split(QLatin1Char(','))) {
                const QString prefix =
                    param == QLatin1String("patient")        ? QStringLiteral("Patient/")
                    : param == QLatin1String("practitioner") ? QStringLiteral("Practitioner/")
                                                             : QStringLiteral("Location/");
                if (ref.startsWith(prefix))
                    ref = ref.mid(prefix.size());
                ors << QStringLiteral("s.%1_id = ?").arg(param);
                values << ref;
            }
            where << QLatin1Char('(') + ors.join(QStringLiteral(" OR ")) + QLatin1Char(')');
            continue;
        }
        if (appointments && param == QLatin1String("date")) {
            QString v = value;
            const QString prefix = splitPrefix(&v);
            qint64 lower = 0;
            qint64 upper = 0;
            if (!dateRange(v, &lower, &upper))
                return bad(tr("date must be a date or a date-time, e.g. ge2026-07-06; got \"%1\".")
                               .arg(value.left(60)));
            if (prefix == QLatin1String("eq")) {
                where << QStringLiteral("s.start_ms >= ? AND s.start_ms < ?");
                values << lower << upper;
            } else if (prefix == QLatin1String("ge")) {
                where << QStringLiteral("s.start_ms >= ?");
                values << lower;
            } else if (prefix == QLatin1String("gt")) {
                where << QStringLiteral("s.start_ms >= ?");
                values << upper;
            } else if (prefix == QLatin1String("le")) {
                where << QStringLiteral("s.start_ms < ?");
                values << upper;
            } else {
                where << QStringLiteral("s.start_ms < ?");
                values << lower;
            }
            continue;
        }
        // Token and string parameters, through the search_tokens index: the ids whose tokens
        // match, found by (type, param, value), then their resources by key, instead of every
        // resource of the type asked in turn. Commas mean "or".
        QStringList ors;
        for (QString v : value.split(QLatin1Char(','))) {
            const QString base = QStringLiteral(
                "r.id IN (SELECT t.id FROM search_tokens t WHERE t.type = ? AND t.param = ? AND ");
            values << type;
            if (param == QLatin1String("birthdate")) {
                const QString prefix = splitPrefix(&v);
                if (!QDate::fromString(v, Qt::ISODate).isValid() || v.size() != 10)
                    return bad(tr("birthdate must be a date such as 1985-03-12; got \"%1\".")
                                   .arg(value.left(60)));
                const QString op = prefix == QLatin1String("ge")   ? QStringLiteral(">=")
                                   : prefix == QLatin1String("le") ? QStringLiteral("<=")
                                   : prefix == QLatin1String("gt") ? QStringLiteral(">")
                                   : prefix == QLatin1String("lt") ? QStringLiteral("<")
                                                                   : QStringLiteral("=");
                ors << base + QStringLiteral("t.value %1 ?)").arg(op);
                values << param << v;
            } else if (param == QLatin1String("phone")) {
                ors << base + QStringLiteral("t.value = ?)");
                values << param << SearchText::phoneDigits(v);
            } else if (param == QLatin1String("patient")) {
                if (v.startsWith(QLatin1String("Patient/")))
                    v = v.mid(8);
                ors << base + QStringLiteral("t.value = ?)");
                values << param << v;
            } else if (param == QLatin1String("identifier") || param == QLatin1String("status") ||
                       param == QLatin1String("schedule")) {
                ors << base + QStringLiteral("t.value = ?)");
                values << param << v;
            } else if (param == QLatin1String("practitioner")) {
                if (v.startsWith(QLatin1String("Practitioner/")))
                    v = v.mid(13);
                ors << base + QStringLiteral("t.value = ?)");
                values << param << v;
            } else {
                // FHIR string search: starts with, case and accents ignored; :exact is equal.
                const QStringList words = SearchText::nameTokens(v);
                if (words.isEmpty())
                    return bad(tr("%1 needs letters or digits to search for.").arg(param));
                QStringList all;
                for (const QString &word : words) {
                    if (!all.isEmpty())
                        values << type; // each word's subquery names the type again
                    if (modifier == QLatin1String("exact")) {
                        all << base + QStringLiteral("t.value = ?)");
                        values << param << word;
                    } else {
                        // The prefix as a range of the index too (tokens compare in code
                        // point order on both backends, schema 012: everything that starts
                        // with word sorts from word to word followed by the last code point);
                        // LIKE alone, its pattern bound, would read every token of the
                        // parameter.
                        all << base + QStringLiteral("t.value >= ? AND t.value < ? AND t.value "
                                                     "LIKE ? ESCAPE '!')");
                        values << param << word << word + QString::fromUcs4(U"\U0010FFFF")
                               << escapeLike(word) + QLatin1Char('%');
                    }
                }
                ors << QLatin1Char('(') + all.join(QStringLiteral(" AND ")) + QLatin1Char(')');
            }
        }
        where << QLatin1Char('(') + ors.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    }

    const QString from = appointments
                             ? QStringLiteral("resources r JOIN appointment_slots s ON s.id = r.id")
                             : QStringLiteral("resources r");
    const QString condition = where.join(QStringLiteral(" AND "));
    auto total = m_db.scalar(
        QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(from, condition), values);
    if (!total)
        return OperationOutcome::response(500, QStringLiteral("exception"), total.error());
    QVariantList pageValues = values;
    pageValues << count << offset;
    auto q = m_db.query(QStringLiteral("SELECT r.type, r.id, r.version_id, r.seq, "
                                       "r.last_updated, r.content, r.changed_by FROM %1 WHERE "
                                       "%2 ORDER BY %3 "
                                       "LIMIT ? OFFSET ?")
                            .arg(from, condition, order),
                        pageValues);
    if (!q)
        return OperationOutcome::response(500, QStringLiteral("exception"), q.error());
    const QString base = baseUrl(request);
    QJsonArray entries;
    while (q->next()) {
        StoredResource s;
        s.type = q->value(0).toString();
        s.id = q->value(1).toString();
        s.versionId = q->value(2).toLongLong();
        s.seq = q->value(3).toLongLong();
        s.lastUpdated = q->value(4).toLongLong();
        s.content = QJsonDocument::fromJson(q->value(5).toString().toUtf8()).object();
        s.changedBy = q->value(6).toString();
        entries.append(QJsonObject{
            {QStringLiteral("fullUrl"), QStringLiteral("%1/%2/%3").arg(base, s.type, s.id)},
            {QStringLiteral("resource"), s.withMeta()},
            {QStringLiteral("search"),
             QJsonObject{{QStringLiteral("mode"), QStringLiteral("match")}}}});
    }
    if (auto a = audit(who, QStringLiteral("search"), type, {}, {}, true,
                       {{QStringLiteral("query"), request.query.toString(QUrl::FullyDecoded)},
                        {QStringLiteral("results"), entries.size()}});
        !a)
        return OperationOutcome::response(500, QStringLiteral("exception"), a.error());
    QUrlQuery self = request.query;
    QJsonArray links{QJsonObject{
        {QStringLiteral("relation"), QStringLiteral("self")},
        {QStringLiteral("url"),
         QStringLiteral("%1/%2?%3").arg(base, type, self.toString(QUrl::FullyEncoded))}}};
    if (offset + entries.size() < total->toLongLong() && count > 0) {
        QUrlQuery next = request.query;
        next.removeAllQueryItems(QStringLiteral("_offset"));
        next.addQueryItem(QStringLiteral("_offset"), QString::number(offset + count));
        links.append(QJsonObject{
            {QStringLiteral("relation"), QStringLiteral("next")},
            {QStringLiteral("url"),
             QStringLiteral("%1/%2?%3").arg(base, type, next.toString(QUrl::FullyEncoded))}});
    }
    return json(200, QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                                 {QStringLiteral("type"), QStringLiteral("searchset")},
                                 {QStringLiteral("total"), total->toLongLong()},
                                 {QStringLiteral("link"), links},
                                 {QStringLiteral("entry"), entries}});
}

HttpResponse FhirApi::systemHistory(const Principal &who, const HttpRequest &request)
{
    bool ok = true;
    const qint64 cursor =
        request.query.hasQueryItem(QStringLiteral("_cursor"))
            ? request.query.queryItemValue(QStringLiteral("_cursor")).toLongLong(&ok)
            : 0;
    if (!ok || cursor < 0)
        return OperationOutcome::response(400, QStringLiteral("invalid"),
                                          tr("_cursor must be a change number from an earlier "
                                             "page (or 0 for the beginning)."));
    int count = m_settings.defaultPageSize;
    if (request.query.hasQueryItem(QStringLiteral("_count"))) {
        count = request.query.queryItemValue(QStringLiteral("_count")).toInt(&ok);
        if (!ok || count < 1)
            return OperationOutcome::response(400, QStringLiteral("invalid"),
                                              tr("_count must be a whole number of at least 1."));
        count = std::min(count, m_settings.maxHistoryPageSize);
    }
    auto changes = m_store.changesSince(cursor, count);
    if (!changes)
        return OperationOutcome::response(500, QStringLiteral("exception"), changes.error());
    const QString base = baseUrl(request);
    // Written as text: a page is up to 2,000 resources, and parsing each stored one to write it
    // out again with its meta took most of the server's time of a new workstation's first pull.
    QByteArray entries;
    entries.reserve(changes->size() * 900);
    int shown = 0;
    qint64 last = cursor;
    int withheld = 0;
    for (const StoredResource &s : *changes) {
        last = s.seq;
        // A role sees the changes of what it may read; the cursor moves past the others.
        if (!mayRead(who, s.type)) {
            ++withheld;
            continue;
        }
        entries += shown++ > 0 ? ",{\"fullUrl\":" : "{\"fullUrl\":";
        appendJsonString(entries, QStringLiteral("%1/%2/%3").arg(base, s.type, s.id));
        entries += ",\"request\":{\"method\":";
        appendJsonString(entries, s.method);
        entries += ",\"url\":";
        appendJsonString(entries, QStringLiteral("%1/%2").arg(s.type, s.id));
        entries += "},\"response\":{\"etag\":";
        appendJsonString(entries, QString::fromLatin1(s.etag()));
        entries += ",\"lastModified\":";
        appendJsonString(
            entries,
            QDateTime::fromMSecsSinceEpoch(s.lastUpdated, Qt::UTC).toString(Qt::ISODateWithMs));
        entries += ",\"status\":";
        entries += s.deleted ? "\"204\"" : (s.versionId == 1 ? "\"201\"" : "\"200\"");
        entries += '}';
        if (!s.deleted) {
            entries += ",\"resource\":";
            entries += s.withMetaJson();
        }
        entries += '}';
    }
    // Workstations poll every few seconds: a page that showed nothing read nothing, and would
    // fill the trail with entries that say so.
    if (!changes->isEmpty()) {
        if (auto a = audit(who, QStringLiteral("history"), {}, {}, {}, true,
                           {{QStringLiteral("cursor"), cursor},
                            {QStringLiteral("next_cursor"), last},
                            {QStringLiteral("entries"), shown},
                            {QStringLiteral("withheld"), withheld}});
            !a)
            return OperationOutcome::response(500, QStringLiteral("exception"), a.error());
    }
    QJsonArray links{QJsonObject{
        {QStringLiteral("relation"), QStringLiteral("self")},
        {QStringLiteral("url"),
         QStringLiteral("%1/_history?_cursor=%2&_count=%3").arg(base).arg(cursor).arg(count)}}};
    if (changes->size() == count)
        links.append(QJsonObject{
            {QStringLiteral("relation"), QStringLiteral("next")},
            {QStringLiteral("url"),
             QStringLiteral("%1/_history?_cursor=%2&_count=%3").arg(base).arg(last).arg(count)}});
    auto newest = m_store.newestChange();
    if (!newest)
        return OperationOutcome::response(500, QStringLiteral("exception"), newest.error());
    // Bundle has no extensions; its identifier carries where the next pull starts, and a header
    // how far the changes go now (a workstation's progress on a long pull).
    const QJsonObject envelope{
        {QStringLiteral("resourceType"), QStringLiteral("Bundle")},
        {QStringLiteral("type"), QStringLiteral("history")},
        {QStringLiteral("identifier"),
         QJsonObject{{QStringLiteral("system"), QStringLiteral("urn:frontdesk:history-cursor")},
                     {QStringLiteral("value"), QString::number(last)}}},
        {QStringLiteral("link"), links}};
    HttpResponse r = json(200, envelope);
    r.body = "{\"entry\":[" + entries + "]," + r.body.sliced(1);
    r.setHeader("X-Frontdesk-Newest-Change", QByteArray::number(*newest));
    // The same cursor as the next link's, where a workstation can read it before the page: it
    // asks for the next page while it reads this one.
    if (changes->size() == count)
        r.setHeader("X-Frontdesk-Next-Cursor", QByteArray::number(last));
    return r;
}

HttpResponse FhirApi::workstationAudit(const Principal &who, const HttpRequest &request,
                                       const QString &operation)
{
    const bool upload = operation == QLatin1String("$upload");
    if ((upload && request.method != "POST") || (!upload && request.method != "GET"))
        return OperationOutcome::response(405, QStringLiteral("not-supported"),
                                          upload ? tr("Upload an audit trail with POST.")
                                                 : tr("Read the audit trail's copy with GET."));
    if (!who.isWorkstation())
        return refuse(who, upload ? QStringLiteral("audit-upload") : QStringLiteral("read"),
                      QStringLiteral("AuditEvent"), {}, 403, QStringLiteral("forbidden"),
                      tr("Only an enrolled workstation keeps its audit trail here, with its own "
                         "token."));
    if (!upload) {
        auto head = m_workstationAudit.head(who.workstationId);
        if (!head)
            return OperationOutcome::response(500, QStringLiteral("exception"), head.error());
        return json(200, QJsonObject{{QStringLiteral("workstation_id"), who.workstationId},
                                     {QStringLiteral("entries"), head->entries},
                                     {QStringLiteral("last_seq"), head->lastSeq},
                                     {QStringLiteral("last_hash"), head->lastHash}});
    }
    auto body = JsonInput::parseObject(request.body);
    if (!body)
        return OperationOutcome::response(400, QStringLiteral("invalid"), body.error());
    const WorkstationAudit::Upload result = m_workstationAudit.upload(who.workstationId, *body);
    if (result.status >= 500)
        return OperationOutcome::response(result.status, result.code, result.message);
    // A refused chain is a security event in the server's own trail.
    if (result.status >= 400)
        return refuse(who, QStringLiteral("audit-upload"), QStringLiteral("AuditEvent"), {},
                      result.status, result.code, result.message);
    return json(200, QJsonObject{{QStringLiteral("workstation_id"), who.workstationId},
                                 {QStringLiteral("accepted"), result.accepted},
                                 {QStringLiteral("entries"), result.head.entries},
                                 {QStringLiteral("last_seq"), result.head.lastSeq},
                                 {QStringLiteral("last_hash"), result.head.lastHash}});
}

HttpResponse FhirApi::auditEvents(const Principal &who, const HttpRequest &request)
{
    if (!Permissions::allows(who.role, Permission::ViewAuditLog))
        return refuse(
            who, QStringLiteral("search"), QStringLiteral("AuditEvent"), {}, 403,
            QStringLiteral("forbidden"),
            tr("The role %1 may not %2.")
                .arg(Roles::name(who.role), Permissions::describe(Permission::ViewAuditLog)));
    AuditQuery::Filter filter;
    QString patient = request.query.queryItemValue(QStringLiteral("patient"), QUrl::FullyDecoded);
    if (patient.startsWith(QLatin1String("Patient/")))
        patient = patient.mid(8);
    filter.patientId = patient;
    filter.actor = request.query.queryItemValue(QStringLiteral("agent-name"), QUrl::FullyDecoded);
    filter.limit = m_settings.defaultPageSize;
    if (request.query.hasQueryItem(QStringLiteral("_count"))) {
        bool ok = false;
        filter.limit = request.query.queryItemValue(QStringLiteral("_count")).toInt(&ok);
        if (!ok || filter.limit < 1)
            return OperationOutcome::response(400, QStringLiteral("invalid"),
                                              tr("_count must be a whole number of at least 1."));
        filter.limit = std::min(filter.limit, m_settings.maxPageSize);
    }
    // The listing records itself (audit-read) under the database's actor: the person asking.
    const Actor previous = m_db.actor();
    m_db.setActor(who.actor());
    auto entries = AuditQuery(m_db).list(filter);
    m_db.setActor(previous);
    if (!entries)
        return OperationOutcome::response(500, QStringLiteral("exception"), entries.error());
    // The workstations' trails beside the server's own, newest first.
    auto uploaded = m_workstationAudit.events(filter.patientId, filter.actor, filter.limit);
    if (!uploaded)
        return OperationOutcome::response(500, QStringLiteral("exception"), uploaded.error());
    QList<QJsonObject> events = *uploaded;
    for (const AuditEntry &e : *entries)
        events.append(AuditEventMapping::toFhir(e));
    std::stable_sort(events.begin(), events.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return QDateTime::fromString(a.value(QStringLiteral("recorded")).toString(),
                                     Qt::ISODateWithMs) >
               QDateTime::fromString(b.value(QStringLiteral("recorded")).toString(),
                                     Qt::ISODateWithMs);
    });
    QJsonArray out;
    for (const QJsonObject &event : events.mid(0, filter.limit))
        out.append(QJsonObject{{QStringLiteral("resource"), event}});
    if (auto a = audit(who, QStringLiteral("search"), QStringLiteral("AuditEvent"), {}, patient,
                       true, {{QStringLiteral("results"), out.size()}});
        !a)
        return OperationOutcome::response(500, QStringLiteral("exception"), a.error());
    return json(200, QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                                 {QStringLiteral("type"), QStringLiteral("searchset")},
                                 {QStringLiteral("total"), out.size()},
                                 {QStringLiteral("entry"), out}});
}

FhirApi::WriteOutcome FhirApi::checkBookingRule(const Appointment &candidate, bool doubleBooked,
                                                const std::optional<StoredResource> &before)
{
    WriteOutcome outcome;
    std::optional<Appointment> previous;
    if (before && !before->deleted) {
        auto old = ResourceTypes::read(QStringLiteral("Appointment"), before->id, before->content);
        if (old && old->appointment)
            previous = old->appointment;
    }
    // The status flow of the workstation (StatusTransitions), applied to the server's copy.
    if (previous && previous->status != candidate.status &&
        !StatusTransitions::isAllowed(previous->status, candidate.status))
        return {409, QStringLiteral("business-rule"),
                tr("An appointment cannot go from %1 to %2.")
                    .arg(appointmentStatusName(previous->status),
                         appointmentStatusName(candidate.status)),
                std::nullopt};
    if (doubleBooked || !ConflictDetector::blocksTime(candidate.status))
        return outcome;
    // Time off (Slot busy-unavailable) of the practitioner or the whole clinic, under the
    // workstation's rule (ScheduleException::blocks); a manager's override skips it as there.
    // In a transaction Bundle, a Slot of the Bundle is stored first and each practitioner's
    // time off is read once.
    if (m_store.waitingType(QStringLiteral("Slot"))) {
        if (auto f = m_store.flush(); !f)
            return storageFailure(f.error());
    }
    TimeOffs timeOffs;
    if (m_store.batching() && m_timeOffRead.contains(candidate.practitionerId)) {
        timeOffs = m_timeOffRead.value(candidate.practitionerId);
    } else {
        auto read = readTimeOff({candidate.practitionerId});
        if (!read)
            return {500, QStringLiteral("exception"), read.error(), std::nullopt};
        timeOffs = read->value(candidate.practitionerId);
        if (m_store.batching())
            m_timeOffRead.insert(candidate.practitionerId, timeOffs);
    }
    for (const auto &[slotId, timeOff] : std::as_const(timeOffs)) {
        if (timeOff.blocks(candidate.practitionerId, candidate.start, candidate.end))
            return {409, QStringLiteral("business-rule"),
                    tr("The practitioner is not available then: time off (%1) from %2 to %3 "
                       "UTC, Slot/%4.")
                        .arg(ScheduleException::kindName(timeOff.kind),
                             timeOff.start.toString(Qt::ISODate), timeOff.end.toString(Qt::ISODate),
                             slotId),
                    std::nullopt};
    }
    // In a transaction Bundle on PostgreSQL, left to the exclusion constraints (bundle()).
    if (!m_lookForCollisions)
        return outcome;
    // The workstation's own rule (ConflictDetector) over the appointments that could collide,
    // read inside this write transaction. On PostgreSQL the exclusion constraints of the schema
    // enforce the same rule once more, in the database itself. The indexes are searched by
    // where the others end (after this one starts: the few after it, schema 011); "+start_ms"
    // keeps the planner off the start, whose range ("before this one ends") is all history.
    QList<Appointment> existing;
    if (auto s = m_db.each(
            QStringLiteral("SELECT id, patient_id, practitioner_id, location_id, start_ms, end_ms, "
                           "status FROM appointment_slots WHERE +start_ms < ? AND end_ms > ? AND "
                           "overridden = 0 AND id <> ? AND (practitioner_id = ? OR patient_id = ? "
                           "OR (location_id <> '' AND location_id = ?))"),
            {candidate.end.toMSecsSinceEpoch(), candidate.start.toMSecsSinceEpoch(),
             candidate.meta.id, candidate.practitionerId, candidate.patientId,
             candidate.locationId},
            [&](const QSqlQuery &row) {
                Appointment a;
                a.meta.id = row.value(0).toString();
                a.patientId = row.value(1).toString();
                a.practitionerId = row.value(2).toString();
                a.locationId = row.value(3).toString();
                a.start = QDateTime::fromMSecsSinceEpoch(row.value(4).toLongLong(), Qt::UTC);
                a.end = QDateTime::fromMSecsSinceEpoch(row.value(5).toLongLong(), Qt::UTC);
                a.status = appointmentStatusFromName(row.value(6).toString())
                               .value_or(AppointmentStatus::Booked);
                existing << a;
                return true;
            });
        !s)
        return {500, QStringLiteral("exception"), s.error(), std::nullopt};
    // The Bundle's own appointments that wait to be written, under the same condition.
    for (const Appointment &a : m_store.waitingAppointments()) {
        if (a.start < candidate.end && a.end > candidate.start && a.meta.id != candidate.meta.id &&
            (a.practitionerId == candidate.practitionerId || a.patientId == candidate.patientId ||
             (!a.locationId.isEmpty() && a.locationId == candidate.locationId)))
            existing << a;
    }
    const QList<Conflict> conflicts = ConflictDetector::find(candidate, existing);
    if (conflicts.isEmpty())
        return outcome;
    const Conflict &c = conflicts.first();
    const QString what = c.practitioner ? tr("the practitioner")
                         : c.room       ? tr("the room")
                                        : tr("the patient");
    return {409, QStringLiteral("conflict"),
            tr("%1 is already booked then: Appointment/%2 (%3 to %4 UTC).")
                .arg(what, c.existing.meta.id, c.existing.start.toString(Qt::ISODate),
                     c.existing.end.toString(Qt::ISODate)),
            std::nullopt};
}

Result<QHash<QString, FhirApi::TimeOffs>> FhirApi::readTimeOff(const QStringList &practitionerIds)
{
    QHash<QString, TimeOffs> out;
    if (practitionerIds.isEmpty())
        return out;
    // A power of two of marks (the last schedule repeated), so that few statement texts are
    // made and kept whatever the number of practitioners.
    const QLatin1StringView schedulePrefix("Schedule/");
    QVariantList values;
    QString marks;
    qsizetype width = 1;
    while (width < practitionerIds.size())
        width *= 2;
    for (qsizetype i = 0; i < width; ++i) {
        marks += marks.isEmpty() ? QStringLiteral("?") : QStringLiteral(", ?");
        values << QString(schedulePrefix +
                          practitionerIds.value(std::min(i, practitionerIds.size() - 1)));
    }
    for (const QString &id : practitionerIds)
        out.insert(id, {});
    QString unreadable;
    if (auto s = m_db.each(
            QStringLiteral("SELECT r.id, r.content, t.value FROM resources r JOIN search_tokens t "
                           "ON t.type = r.type AND t.id = r.id AND t.param = 'schedule' WHERE "
                           "r.type = 'Slot' AND r.deleted = 0 AND (t.value = '' OR t.value IN "
                           "(%1))")
                .arg(marks),
            values,
            [&](const QSqlQuery &row) {
                const QJsonObject content =
                    QJsonDocument::fromJson(row.value(1).toString().toUtf8()).object();
                auto timeOff = ScheduleMapping::timeOffFromFhir(content);
                if (!timeOff) {
                    unreadable = tr("Slot/%1 is stored but unreadable: %2")
                                     .arg(row.value(0).toString(), timeOff.error());
                    return false;
                }
                const std::pair<QString, ScheduleException> entry{row.value(0).toString(),
                                                                  *timeOff};
                const QString schedule = row.value(2).toString();
                // The whole clinic's time off applies to every practitioner.
                if (schedule.isEmpty()) {
                    for (TimeOffs &list : out)
                        list.append(entry);
                } else if (auto it = out.find(schedule.mid(schedulePrefix.size()));
                           it != out.end()) {
                    it->append(entry);
                }
                return true;
            });
        !s)
        return fail(s.error());
    if (!unreadable.isEmpty())
        return fail(unreadable);
    return out;
}

FhirApi::WriteOutcome FhirApi::storageFailure(const QString &error)
{
    // PostgreSQL's exclusion constraints: the booking rule, enforced by the database.
    if (error.contains(QLatin1String("appointment_")) && error.contains(QLatin1String("_free")))
        return {409, QStringLiteral("conflict"),
                tr("The time is already booked for the practitioner, the room or the patient."),
                std::nullopt};
    return {500, QStringLiteral("exception"), error, std::nullopt};
}

FhirApi::WriteOutcome FhirApi::write(const Principal &who, const QString &method,
                                     const QString &type, const QString &givenId,
                                     const QJsonObject &body, const Preconditions &given)
{
    // The role comes first, as for single requests (route).
    if (who.isWorkstationAlone())
        return {403, QStringLiteral("forbidden"),
                tr("A workstation changes records only on behalf of a staff member: name them "
                   "with the header X-Frontdesk-Staff: NAME."),
                std::nullopt};
    if (Permissions::toWrite(type) && !mayWrite(who, type))
        return {403, QStringLiteral("forbidden"),
                tr("The role %1 may not %2.").arg(Roles::name(who.role), refusedAccess(type, true)),
                std::nullopt};
    if (!ResourceTypes::isSupported(type))
        return {404, QStringLiteral("not-supported"),
                tr("This server does not keep %1 resources.").arg(type), std::nullopt};
    if (!mayWrite(who, type))
        return {403, QStringLiteral("forbidden"),
                tr("The role %1 may not %2.").arg(Roles::name(who.role), refusedAccess(type, true)),
                std::nullopt};
    const QString id = givenId.isEmpty() ? newId() : givenId;
    // A POST creates under an id made here (newId), which nothing has yet.
    auto before = method == QLatin1String("POST")
                      ? Result<std::optional<StoredResource>>(std::optional<StoredResource>())
                      : m_store.current(type, id);
    if (!before)
        return {500, QStringLiteral("exception"), before.error(), std::nullopt};
    if (!given.ifMatch.isEmpty()) {
        const auto expected = versionFromEtag(given.ifMatch);
        if (!expected)
            return {400, QStringLiteral("invalid"),
                    tr("If-Match must be a version's ETag, e.g. W/\"3\"."), std::nullopt};
        const qint64 actual = before->has_value() ? (*before)->versionId : 0;
        if (actual != *expected)
            return {412, QStringLiteral("conflict"),
                    before->has_value()
                        ? tr("%1/%2 is at version %3, not %4: someone else changed it.")
                              .arg(type, id)
                              .arg(actual)
                              .arg(*expected)
                        : tr("There is no %1/%2 at version %3.").arg(type, id).arg(*expected),
                    std::nullopt};
    }
    // If-None-Match: * (HTTP's "only if there is none"): a workstation's first sending of a
    // record it never received from here, so that one made under the same id elsewhere (the
    // clinic's settings, Organization/clinic) is merged there rather than overwritten here.
    if (!given.ifNoneMatch.isEmpty()) {
        if (given.ifNoneMatch != QLatin1String("*") || method != QLatin1String("PUT"))
            return {400, QStringLiteral("invalid"),
                    tr("If-None-Match on a write is only \"*\" on a PUT: create the record "
                       "only if there is none."),
                    std::nullopt};
        if (before->has_value() && !(*before)->deleted)
            return {412, QStringLiteral("conflict"),
                    tr("%1/%2 exists already (version %3): read it and send the change with "
                       "If-Match.")
                        .arg(type, id)
                        .arg((*before)->versionId),
                    std::nullopt};
    }

    // Time off read earlier in a Bundle is read again after any change of a Slot.
    if (type == QLatin1String("Slot"))
        m_timeOffRead.clear();
    if (method == QLatin1String("DELETE")) {
        if (!before->has_value() || (*before)->deleted)
            return {404, QStringLiteral("not-found"), tr("There is no %1/%2.").arg(type, id),
                    std::nullopt};
        auto removed = m_store.remove(type, id, who.actor().name);
        if (!removed)
            return {500, QStringLiteral("exception"), removed.error(), std::nullopt};
        auto old = ResourceTypes::read(type, id, (*before)->content);
        if (auto a =
                audit(who, QStringLiteral("delete"), type, id, old ? old->patientId : QString(),
                      true, {{QStringLiteral("version"), removed->versionId}});
            !a)
            return {500, QStringLiteral("exception"), a.error(), std::nullopt};
        return {200, {}, {}, *removed};
    }

    if (body.value(QStringLiteral("resourceType")).toString() != type)
        return {400, QStringLiteral("invalid"),
                tr("The body must be a %1 resource (resourceType \"%1\").").arg(type),
                std::nullopt};
    if (method == QLatin1String("PUT") && body.contains(QStringLiteral("id")) &&
        body.value(QStringLiteral("id")).toString() != id)
        return {400, QStringLiteral("invalid"),
                tr("The resource's id (%1) is not the id in the URL (%2).")
                    .arg(body.value(QStringLiteral("id")).toString().left(64), id),
                std::nullopt};
    auto indexed = ResourceTypes::read(type, id, body);
    if (!indexed)
        return {422, QStringLiteral("processing"), indexed.error(), std::nullopt};
    if (indexed->appointment) {
        if (indexed->doubleBooked &&
            !Permissions::allows(who.role, Permission::OverrideDoubleBooking))
            return {403, QStringLiteral("forbidden"),
                    tr("The role %1 may not %2.")
                        .arg(Roles::name(who.role),
                             Permissions::describe(Permission::OverrideDoubleBooking)),
                    std::nullopt};
        WriteOutcome rule =
            checkBookingRule(*indexed->appointment, indexed->doubleBooked,
                             before->has_value() ? std::optional(**before) : std::nullopt);
        if (!rule.ok())
            return rule;
    }
    auto saved = m_store.save(type, id, *indexed, method, who.actor().name, &*before);
    if (!saved)
        return storageFailure(saved.error());
    const bool created = !before->has_value() || (*before)->deleted;
    QJsonObject detail{{QStringLiteral("version"), saved->versionId}};
    if (indexed->doubleBooked)
        detail.insert(QStringLiteral("double_book"), true);
    if (auto a = audit(who, created ? QStringLiteral("create") : QStringLiteral("update"), type, id,
                       indexed->patientId, true, detail);
        !a)
        return {500, QStringLiteral("exception"), a.error(), std::nullopt};
    return {created ? 201 : 200, {}, {}, *saved};
}

HttpResponse FhirApi::single(const Principal &who, const QByteArray &method, const QString &type,
                             const QString &id, const HttpRequest &request)
{
    QJsonObject body;
    if (method != "DELETE") {
        auto parsed = JsonInput::parseObject(request.body);
        if (!parsed)
            return OperationOutcome::response(400, QStringLiteral("invalid"), parsed.error());
        body = *parsed;
    }
    WriteOutcome outcome;
    const Status s = m_db.write([&]() -> Status {
        outcome = write(who, QString::fromLatin1(method), type, id, body,
                        {QString::fromUtf8(request.header("If-Match")),
                         QString::fromUtf8(request.header("If-None-Match"))});
        // Anything refused leaves nothing behind.
        return outcome.ok() ? Status() : fail(outcome.message);
    });
    if (!s && outcome.ok())
        return OperationOutcome::response(500, QStringLiteral("exception"), s.error());
    if (!outcome.ok()) {
        return refuse(who, actionFor(QString::fromLatin1(method)), type, id, outcome.status,
                      outcome.code, outcome.message);
    }
    return fromOutcome(outcome);
}

HttpResponse FhirApi::bundle(const Principal &who, const HttpRequest &request)
{
    auto parsed = JsonInput::parseObject(request.body);
    if (!parsed)
        return OperationOutcome::response(400, QStringLiteral("invalid"), parsed.error());
    const QJsonObject bundle = *parsed;
    const QString bundleType = bundle.value(QStringLiteral("type")).toString();
    if (bundle.value(QStringLiteral("resourceType")).toString() != QLatin1String("Bundle") ||
        (bundleType != QLatin1String("transaction") && bundleType != QLatin1String("batch")))
        return OperationOutcome::response(400, QStringLiteral("invalid"),
                                          tr("POST /fhir takes a Bundle of type transaction or "
                                             "batch."));
    const bool transaction = bundleType == QLatin1String("transaction");
    QString requestId = QString::fromUtf8(request.header("X-Request-Id"));
    if (requestId.isEmpty())
        requestId = bundle.value(QStringLiteral("identifier"))
                        .toObject()
                        .value(QStringLiteral("value"))
                        .toString();
    if (requestId.size() > 200)
        return OperationOutcome::response(400, QStringLiteral("invalid"),
                                          tr("The request id is longer than 200 characters."));
    if (!requestId.isEmpty()) {
        auto q = m_db.query(QStringLiteral("SELECT account_id, response FROM applied_requests "
                                           "WHERE request_id = ?"),
                            {requestId});
        if (!q)
            return OperationOutcome::response(500, QStringLiteral("exception"), q.error());
        if (q->next()) {
            if (q->value(0).toString() != who.accountId)
                return OperationOutcome::response(
                    409, QStringLiteral("duplicate"),
                    tr("The request id %1 was used by someone else.").arg(requestId));
            HttpResponse r;
            r.body = q->value(1).toString().toUtf8();
            r.setHeader("X-Request-Replayed", "true");
            return r;
        }
    }

    const QJsonArray entries = bundle.value(QStringLiteral("entry")).toArray();
    // Entries to create with a urn:uuid fullUrl get their ids first, so the others' references
    // to them can be rewritten before anything is read.
    QHash<QString, QString> assigned;
    struct Planned
    {
        QString method;
        QString type;
        QString id;
        Preconditions given;
        QJsonObject resource;
        QString error;
    };
    QList<Planned> plan;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject entry = entries[i].toObject();
        const QJsonObject req = entry.value(QStringLiteral("request")).toObject();
        Planned p;
        p.method = req.value(QStringLiteral("method")).toString();
        p.given = {req.value(QStringLiteral("ifMatch")).toString(),
                   req.value(QStringLiteral("ifNoneMatch")).toString()};
        p.resource = entry.value(QStringLiteral("resource")).toObject();
        const QStringList url =
            req.value(QStringLiteral("url")).toString().split(QLatin1Char('/'), Qt::SkipEmptyParts);
        p.type = url.value(0);
        if (p.method == QLatin1String("POST") && url.size() == 1) {
            p.id = newId();
            const QString fullUrl = entry.value(QStringLiteral("fullUrl")).toString();
            if (fullUrl.startsWith(QLatin1String("urn:uuid:")))
                assigned.insert(fullUrl, p.type + QLatin1Char('/') + p.id);
        } else if ((p.method == QLatin1String("PUT") || p.method == QLatin1String("DELETE")) &&
                   url.size() == 2 && ResourceTypes::isValidId(url[1])) {
            p.id = url[1];
        } else {
            p.error =
                tr("entry %1: request must be POST TYPE, PUT TYPE/ID or DELETE TYPE/ID.").arg(i);
        }
        plan << p;
    }
    for (Planned &p : plan)
        resolveReferences(p.resource, assigned);

    const QString base = baseUrl(request);
    // Prefer: return=minimal (FHIR's http.html#ops): each entry's answer without the stored
    // resource, for a client that needs only the new versions (the workstations' push).
    const bool minimal = request.header("Prefer").contains("return=minimal");
    QJsonArray results;
    const auto resultOf = [&](const WriteOutcome &o) {
        QJsonObject response{{QStringLiteral("status"), QString::number(o.status)}};
        QJsonObject entry;
        if (o.ok()) {
            const StoredResource &s = *o.stored;
            response.insert(QStringLiteral("etag"), QString::fromLatin1(s.etag()));
            response.insert(QStringLiteral("location"),
                            QStringLiteral("%1/%2/_history/%3").arg(s.type, s.id).arg(s.versionId));
            response.insert(
                QStringLiteral("lastModified"),
                QDateTime::fromMSecsSinceEpoch(s.lastUpdated, Qt::UTC).toString(Qt::ISODateWithMs));
            entry.insert(QStringLiteral("fullUrl"),
                         QStringLiteral("%1/%2/%3").arg(base, s.type, s.id));
            if (!s.deleted && !minimal)
                entry.insert(QStringLiteral("resource"), s.withMeta());
        } else {
            response.insert(QStringLiteral("outcome"), OperationOutcome::make(o.code, o.message));
        }
        entry.insert(QStringLiteral("response"), response);
        return entry;
    };
    const auto runEntry = [&](qsizetype i) -> WriteOutcome {
        const Planned &p = plan[i];
        if (!p.error.isEmpty())
            return {400, QStringLiteral("invalid"), p.error, std::nullopt};
        WriteOutcome o = write(who, p.method, p.type, p.id, p.resource, p.given);
        if (!o.ok())
            o.message = tr("entry %1 (%2 %3): %4").arg(i).arg(p.method, p.type, o.message);
        return o;
    };

    WriteOutcome failed;
    const auto remember = [&](const QByteArray &body) -> Status {
        if (requestId.isEmpty())
            return {};
        if (auto q = m_db.query(
                QStringLiteral("INSERT INTO applied_requests (request_id, "
                               "account_id, applied_at, response) "
                               "VALUES (?, ?, ?, ?)"),
                {requestId, who.accountId, m_db.clock().nowMs(), QString::fromUtf8(body)});
            !q)
            return fail(q.error());
        return {};
    };
    QJsonObject answer{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                       {QStringLiteral("type"), transaction ? QStringLiteral("transaction-response")
                                                            : QStringLiteral("batch-response")}};
    QByteArray body;
    if (transaction) {
        // All or nothing: the first entry that fails rolls back the whole bundle. Its rows and
        // audit entries are written together before it commits (ResourceStore::beginBatch).
        const auto endBatch = [&] {
            m_store.endBatch();
            m_auditBatch.reset();
            m_timeOffRead.clear();
            m_lookForCollisions = true;
        };
        const auto ended = qScopeGuard(endBatch);
        // look: whether the booking rule looks for collisions itself (see checkBookingRule).
        const auto attempt = [&](bool look) -> Status {
            m_store.beginBatch(plan.size());
            m_auditBatch.emplace();
            m_timeOffRead.clear();
            m_lookForCollisions = look;
            failed = {};
            results = QJsonArray();
            const Status s = m_db.write([&]() -> Status {
                QList<std::pair<QString, QString>> named;
                for (const Planned &p : std::as_const(plan)) {
                    if (p.error.isEmpty() && p.method != QLatin1String("POST"))
                        named.append({p.type, p.id});
                }
                if (auto f = m_store.prefetch(named); !f)
                    return f;
                // The time off of every practitioner the Bundle books, read at once (the booking
                // rule reads it again only after a Slot of the Bundle is written).
                const QLatin1StringView practitioner("Practitioner/");
                QStringList practitioners;
                QSet<QString> seen;
                for (const Planned &p : std::as_const(plan)) {
                    if (!p.error.isEmpty() || p.type != QLatin1String("Appointment"))
                        continue;
                    const QJsonArray participants =
                        p.resource.value(QStringLiteral("participant")).toArray();
                    for (const QJsonValue &one : participants) {
                        const QString ref = one.toObject()
                                                .value(QStringLiteral("actor"))
                                                .toObject()
                                                .value(QStringLiteral("reference"))
                                                .toString();
                        if (!ref.startsWith(practitioner))
                            continue;
                        const QString id = ref.mid(practitioner.size());
                        if (!seen.contains(id)) {
                            seen.insert(id);
                            practitioners << id;
                        }
                    }
                }
                constexpr qsizetype kAtOnce = 256;
                for (qsizetype from = 0; from < practitioners.size(); from += kAtOnce) {
                    auto read = readTimeOff(practitioners.mid(from, kAtOnce));
                    if (!read)
                        return fail(read.error());
                    for (auto it = read->cbegin(); it != read->cend(); ++it)
                        m_timeOffRead.insert(it.key(), it.value());
                }
                for (qsizetype i = 0; i < plan.size(); ++i) {
                    WriteOutcome o = runEntry(i);
                    if (!o.ok()) {
                        failed = o;
                        return fail(o.message);
                    }
                    results.append(resultOf(o));
                }
                if (auto f = m_store.flush(); !f) {
                    failed = storageFailure(f.error());
                    if (failed.status == 409)
                        return fail(failed.message);
                    failed = {};
                    return f;
                }
                if (auto f = flushAudit(who); !f)
                    return f;
                answer.insert(QStringLiteral("entry"), results);
                body = QJsonDocument(answer).toJson(QJsonDocument::Compact);
                return remember(body);
            });
            endBatch();
            return s;
        };
        // On PostgreSQL its exclusion constraints keep the booking rule for a Bundle's
        // appointments at the flush (one statement, no look per appointment); a Bundle refused
        // there (or by any other rule: 409) goes once more with the look, which names the
        // entry and the appointment it collides with; if that one finds none, it stands.
        const bool constraintsKeepTheRule = m_db.dialect() == Database::Dialect::PostgreSql;
        Status s = attempt(!constraintsKeepTheRule);
        if (!s && constraintsKeepTheRule && failed.status == 409)
            s = attempt(true);
        if (!s) {
            if (failed.ok())
                return OperationOutcome::response(500, QStringLiteral("exception"), s.error());
            return refuse(who, QStringLiteral("transaction"), QStringLiteral("Bundle"), {},
                          failed.status, failed.code, failed.message);
        }
    } else {
        // A batch: each entry on its own, and each answered.
        for (qsizetype i = 0; i < plan.size(); ++i) {
            WriteOutcome o;
            const Status s = m_db.write([&]() -> Status {
                o = runEntry(i);
                return o.ok() ? Status() : fail(o.message);
            });
            if (!s && o.ok())
                o = {500, QStringLiteral("exception"), s.error(), std::nullopt};
            if (!o.ok()) {
                if (auto a = audit(who, actionFor(plan[i].method), plan[i].type, plan[i].id, {},
                                   false, {{QStringLiteral("status"), o.status}});
                    !a)
                    return OperationOutcome::response(500, QStringLiteral("exception"), a.error());
            }
            results.append(resultOf(o));
        }
        answer.insert(QStringLiteral("entry"), results);
        body = QJsonDocument(answer).toJson(QJsonDocument::Compact);
        if (auto s = m_db.write([&] { return remember(body); }); !s)
            return OperationOutcome::response(500, QStringLiteral("exception"), s.error());
    }
    HttpResponse r;
    r.body = body;
    return r;
}

} // namespace frontdesk::server
