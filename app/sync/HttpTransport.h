#pragma once

#include "SyncTransport.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace frontdesk {

// SyncTransport over HTTP(S) with a bearer token (POST /auth/login of frontdesk-server).
// Blocks the calling thread in a local event loop, bounded by a time limit.
class HttpTransport final : public SyncTransport
{
    Q_DECLARE_TR_FUNCTIONS(HttpTransport)
public:
    HttpTransport(QUrl server, QByteArray token, int timeoutMs = 15000);
    ~HttpTransport() override;

    // Signs in as a staff account; a reply that is not a token is an error saying why.
    static Result<std::unique_ptr<HttpTransport>> signIn(const QUrl &server,
                                                         const QString &username,
                                                         const QString &password,
                                                         int timeoutMs = 15000);

    HttpReply send(const QByteArray &method, const QString &path, const QByteArray &body = {},
                   const Headers &headers = {}) override;

private:
    QUrl m_server;
    QByteArray m_token;
    int m_timeoutMs;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

} // namespace frontdesk
