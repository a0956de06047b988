#include "Enrollment.h"

#include "ServerConnection.h"
#include "database/Database.h"
#include "database/SecretStore.h"

#include <QJsonObject>
#include <QSysInfo>

namespace frontdesk {

Result<Enrollment::Enrolled> Enrollment::contact(const Request &request)
{
    if (auto s = request.endpoint.validate(); !s)
        return fail(s.error());
    if (request.adminUser.isEmpty() || request.adminPassword.isEmpty())
        return fail(tr("Enrolling takes an administrator's name and password at the server."));
    const QString name = request.workstationName.trimmed().isEmpty()
                             ? QSysInfo::machineHostName()
                             : request.workstationName.trimmed();

    ServerConnection connection(request.endpoint);
    auto signedIn =
        connection.sendJson("POST", QStringLiteral("/auth/login"),
                            QJsonObject{{QStringLiteral("username"), request.adminUser},
                                        {QStringLiteral("password"), request.adminPassword}});
    if (!signedIn)
        return fail(signedIn.error());
    connection.setBearerToken(
        signedIn->value(QStringLiteral("access_token")).toString().toLatin1());
    auto enrolled = connection.sendJson("POST", QStringLiteral("/auth/enroll"),
                                        QJsonObject{{QStringLiteral("name"), name}});
    if (!enrolled)
        return fail(enrolled.error());

    Enrolled result;
    result.endpoint = request.endpoint;
    result.credential.workstationId = enrolled->value(QStringLiteral("workstation_id")).toString();
    result.credential.secret = enrolled->value(QStringLiteral("secret")).toString();
    result.credential.name = enrolled->value(QStringLiteral("name")).toString();
    result.enrolledBy = enrolled->value(QStringLiteral("enrolled_by")).toString();
    result.enrolledAt = enrolled->value(QStringLiteral("enrolled_at")).toString();
    if (result.credential.workstationId.isEmpty() || result.credential.secret.isEmpty())
        return fail(tr("The server's answer to the enrollment holds no workstation credential."));
    // Proven before it is kept: a credential that cannot get a token would fail every sync.
    connection.setCredential(result.credential);
    if (auto s = connection.obtainWorkstationToken(); !s)
        return fail(tr("The server enrolled the workstation but refused its credential: %1")
                        .arg(s.error()));
    return result;
}

Status Enrollment::keep(Database &db, SecretStore &store, const QString &dataDir,
                        const Enrolled &enrolled)
{
    if (auto s = enrolled.credential.store(store, dataDir); !s)
        return s;
    return db.write([&]() -> Status {
        if (auto s = enrolled.endpoint.saveTo(db); !s)
            return s;
        for (const auto &[key, value] :
             {std::pair{QStringLiteral("sync_workstation_id"), enrolled.credential.workstationId},
              std::pair{QStringLiteral("sync_workstation_name"), enrolled.credential.name},
              std::pair{QStringLiteral("sync_enrolled_by"), enrolled.enrolledBy},
              std::pair{QStringLiteral("sync_enrolled_at"), enrolled.enrolledAt}}) {
            if (auto s = db.setSetting(key, value); !s)
                return s;
        }
        return {};
    });
}

Enrollment::State Enrollment::state(const Database &db, SecretStore &store, const QString &dataDir)
{
    State s;
    auto endpoint = ServerEndpoint::fromSettings(db);
    s.enrolled = endpoint.ok();
    if (!s.enrolled)
        return s;
    s.endpoint = *endpoint;
    s.workstationId = db.setting(QStringLiteral("sync_workstation_id"));
    s.workstationName = db.setting(QStringLiteral("sync_workstation_name"));
    s.enrolledBy = db.setting(QStringLiteral("sync_enrolled_by"));
    s.enrolledAt = db.setting(QStringLiteral("sync_enrolled_at"));
    auto credential = WorkstationCredential::load(store, dataDir);
    if (!credential)
        s.credentialProblem = credential.error();
    else if (!credential->has_value())
        s.credentialProblem =
            tr("No workstation credential in %1; enroll again.").arg(store.description());
    else if ((*credential)->workstationId != s.workstationId)
        s.credentialProblem = tr("The credential in %1 is for another workstation (%2); enroll "
                                 "again.")
                                  .arg(store.description(), (*credential)->workstationId);
    else
        s.credentialKept = true;
    return s;
}

Result<std::unique_ptr<ServerConnection>>
Enrollment::connect(const Database &db, SecretStore &store, const QString &dataDir)
{
    auto endpoint = ServerEndpoint::fromSettings(db);
    if (!endpoint)
        return fail(endpoint.error());
    auto credential = WorkstationCredential::load(store, dataDir);
    if (!credential)
        return fail(credential.error());
    if (!credential->has_value())
        return fail(tr("No workstation credential in %1; enroll this workstation again.")
                        .arg(store.description()));
    auto connection = std::make_unique<ServerConnection>(*endpoint);
    connection->setCredential(**credential);
    return connection;
}

} // namespace frontdesk
