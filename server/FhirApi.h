#pragma once

#include "AuthService.h"
#include "HttpExchange.h"
#include "ResourceStore.h"
#include "WorkstationAudit.h"
#include "Workstations.h"

#include "domain/AuditEntry.h"
#include "domain/ScheduleException.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>

#include <functional>
#include <optional>

namespace frontdesk {
class Database;
}

namespace frontdesk::server {

// The HTTP API of frontdesk-server, apart from sockets: POST /auth/login, workstation enrollment
// (POST /auth/enroll, POST /auth/token) and FHIR R4 REST under
// /fhir (metadata, read, vread, history, search, create, update, delete, transaction and batch
// Bundles, the system _history for sync, AuditEvent for the trail). Every call but login and
// metadata needs a bearer token; every access is checked against the permission table and
// recorded in the server's audit trail. Every error is an OperationOutcome.
class FhirApi
{
    Q_DECLARE_TR_FUNCTIONS(FhirApi)
public:
    struct Settings
    {
        qint64 maxBodyBytes = 8 * 1024 * 1024;
        AuthService::Settings auth;
        QString scheme = QStringLiteral("https");
        int defaultPageSize = 50;
        int maxPageSize = 500;
        // A workstation's pull: a new one's first reads the whole clinic, and each page is a
        // request, an audit entry here and a transaction there.
        int maxHistoryPageSize = 2000;
        // Answers /sms/... (the SMS gateway's callbacks); unset: those paths are not found.
        std::function<HttpResponse(const HttpRequest &)> smsGateway;
    };

    FhirApi(Database &db, Settings settings);

    HttpResponse handle(const HttpRequest &request);

    // The result of one create, update or delete (alone or as a Bundle entry).
    struct WriteOutcome
    {
        int status = 200;
        QString code; // OperationOutcome issue code when status >= 400
        QString message;
        std::optional<StoredResource> stored;
        bool ok() const { return status < 400; }
    };

private:
    HttpResponse route(const HttpRequest &request);
    HttpResponse metadata(const HttpRequest &request) const;
    HttpResponse read(const Principal &who, const QString &type, const QString &id,
                      std::optional<qint64> versionId);
    HttpResponse instanceHistory(const Principal &who, const QString &type, const QString &id);
    HttpResponse search(const Principal &who, const QString &type, const HttpRequest &request);
    HttpResponse systemHistory(const Principal &who, const HttpRequest &request);
    HttpResponse auditEvents(const Principal &who, const HttpRequest &request);
    // POST /fhir/AuditEvent/$upload and GET /fhir/AuditEvent/$chain: a workstation's own trail.
    HttpResponse workstationAudit(const Principal &who, const HttpRequest &request,
                                  const QString &operation);
    HttpResponse single(const Principal &who, const QByteArray &method, const QString &type,
                        const QString &id, const HttpRequest &request);
    HttpResponse bundle(const Principal &who, const HttpRequest &request);

    // A write's preconditions (HTTP's, or a Bundle entry's request): If-Match, a version's
    // ETag the record must be at; If-None-Match "*", a PUT only where the record is not yet.
    struct Preconditions
    {
        QString ifMatch;
        QString ifNoneMatch;
    };
    WriteOutcome write(const Principal &who, const QString &method, const QString &type,
                       const QString &id, const QJsonObject &body, const Preconditions &given);
    // A storage error as the answer to a write: 409 for the booking rule's constraints.
    static WriteOutcome storageFailure(const QString &error);
    WriteOutcome checkBookingRule(const Appointment &candidate, bool doubleBooked,
                                  const std::optional<StoredResource> &before);
    // The time off (Slot busy-unavailable) that applies to each of these practitioners: their
    // own and the whole clinic's, in one statement; every one named has an entry.
    using TimeOffs = QList<std::pair<QString, ScheduleException>>;
    Result<QHash<QString, TimeOffs>> readTimeOff(const QStringList &practitionerIds);

    // Records one access in the trail, as the signed-in person.
    Status audit(const Principal &who, const QString &action, const QString &type,
                 const QString &id, const QString &patientId, bool success,
                 const QJsonObject &detail = {});
    HttpResponse refuse(const Principal &who, const QString &action, const QString &type,
                        const QString &id, int status, const QString &code, const QString &message);
    bool mayRead(const Principal &who, const QString &type) const;
    bool mayWrite(const Principal &who, const QString &type) const;
    static QString refusedAccess(const QString &type, bool write);
    QString baseUrl(const HttpRequest &request) const;
    static HttpResponse json(int status, const QJsonObject &body);
    static HttpResponse fromOutcome(const WriteOutcome &outcome);

    // Writes the audit entries a transaction Bundle collected (see m_auditBatch).
    Status flushAudit(const Principal &who);

    Database &m_db;
    Settings m_settings;
    AuthService m_auth;
    Workstations m_workstations;
    WorkstationAudit m_workstationAudit;
    ResourceStore m_store;
    // While a transaction Bundle runs: its audit entries, written together before it commits
    // (AuditLog::appendAll), and each practitioner's time off as read once in it (no Slot of
    // the Bundle waits when it is read; a Slot written in the Bundle empties it).
    std::optional<QList<AuditEntry>> m_auditBatch;
    QHash<QString, TimeOffs> m_timeOffRead;
    // Whether the booking rule reads what could collide (false: a Bundle's first try on
    // PostgreSQL, whose exclusion constraints keep the same rule).
    bool m_lookForCollisions = true;
};

} // namespace frontdesk::server
