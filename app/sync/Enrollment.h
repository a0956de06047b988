#pragma once

#include "ServerEndpoint.h"
#include "WorkstationCredential.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace frontdesk {

class Database;
class SecretStore;
class ServerConnection;

// Joining a server: an administrator's sign-in at the server gives this workstation its own
// credential. Two steps, so that the network part can run off the UI thread and the local part
// on the thread that owns the database: contact() signs the administrator in (POST
// /auth/login), enrolls (POST /auth/enroll) and proves the new credential (POST /auth/token);
// keep() stores the credential through the SecretStore and the endpoint in the settings.
// frontdeskctl enroll and Workstation → Connect to server… both run it.
class Enrollment
{
    Q_DECLARE_TR_FUNCTIONS(Enrollment)
public:
    struct Request
    {
        ServerEndpoint endpoint;
        QString adminUser;
        QString adminPassword;
        QString workstationName;
    };
    struct Enrolled
    {
        ServerEndpoint endpoint;
        WorkstationCredential credential;
        QString enrolledBy;
        QString enrolledAt; // ISO 8601, as the server gave it
    };
    // What `frontdeskctl enroll --status` shows.
    struct State
    {
        bool enrolled = false;
        ServerEndpoint endpoint;
        QString workstationId;
        QString workstationName;
        QString enrolledBy;
        QString enrolledAt;
        bool credentialKept = false;
        QString credentialProblem;
    };

    // The network part: no database, no SecretStore; safe on any thread but the UI's.
    static Result<Enrolled> contact(const Request &request);
    // The local part, on the database's thread. Replaces an earlier enrollment.
    static Status keep(Database &db, SecretStore &store, const QString &dataDir,
                       const Enrolled &enrolled);
    static State state(const Database &db, SecretStore &store, const QString &dataDir);
    // A connection to the enrolled server with this workstation's credential.
    static Result<std::unique_ptr<ServerConnection>> connect(const Database &db, SecretStore &store,
                                                             const QString &dataDir);
};

} // namespace frontdesk
