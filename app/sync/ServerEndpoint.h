#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace frontdesk {

class Database;

// How this workstation reaches frontdesk-server: the address and how to trust it. Enrollment
// keeps it in the workstation's settings (sync_server_url, sync_ca_file, sync_pin_sha256,
// sync_insecure), and every request (ServerConnection) uses it.
struct ServerEndpoint
{
    Q_DECLARE_TR_FUNCTIONS(ServerEndpoint)
public:
    QUrl url;          // the server's base, e.g. https://fd.clinic.example:8443
    QString caFile;    // PEM certificates to trust besides the system's CAs
    QString pinSha256; // base64 SHA-256 of the server's public key (its SPKI); empty: no pin
    // Development only: plain http:// and certificates that do not verify are accepted.
    bool insecure = false;
    int timeoutMs = 15000;

    // The URL typed by a person, checked: https (http only when insecure), a host, no query;
    // a trailing slash is dropped. The pin, when given, must be 32 bytes of base64.
    static Result<QUrl> parseUrl(const QString &text, bool insecure);
    Status validate() const;

    // The settings enrollment wrote, or a failure saying the workstation is not enrolled.
    static Result<ServerEndpoint> fromSettings(const Database &db);
    Status saveTo(Database &db) const;
};

} // namespace frontdesk
