#pragma once

#include "AuthService.h"
#include "HttpExchange.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace frontdesk {
class Database;
}

namespace frontdesk::server {

// One enrolled workstation, as `frontdesk-server workstation list` shows it.
struct WorkstationRecord
{
    QString id;
    QString name;
    QString enrolledBy; // the administrator's user name
    qint64 enrolledAt = 0;
    qint64 lastSeenAt = 0; // its last token; 0: never
    qint64 revokedAt = 0;  // 0: active
};

// The workstations of the clinic: an administrator enrolls one (POST /auth/enroll), which gives
// it an id and a secret it exchanges for tokens (AuthService::workstationToken); revoking it
// ends its tokens at once. Every enrollment and revocation is in the server's trail.
class Workstations
{
    Q_DECLARE_TR_FUNCTIONS(Workstations)
public:
    explicit Workstations(Database &db) : m_db(db) {}

    // POST /auth/enroll {"name": "..."} with an administrator's own token: 201 with
    // {"workstation_id", "secret", "name", "enrolled_at"}. The secret is shown this once.
    HttpResponse enroll(const Principal &who, const HttpRequest &request);
    Result<QList<WorkstationRecord>> list() const;
    // Revokes an active workstation (by id, or by its name when that names exactly one),
    // recorded as the database's actor; the record revoked.
    Result<WorkstationRecord> revoke(const QString &idOrName);

    static constexpr int maxNameLength = 100;

private:
    Database &m_db;
};

} // namespace frontdesk::server
