#pragma once

#include "FhirApi.h"

#include <QAbstractHttpServer>
#include <QTimer>

#include <chrono>

namespace frontdesk::server {

// Feeds every HTTP request to FhirApi and writes its answer. QtHttpServer parses HTTP (and TLS
// after sslSetup); routing, limits and errors are FhirApi's, so a path nobody routed still gets
// an OperationOutcome instead of QtHttpServer's own 404 page.
//
// QtHttpServer 6.4 has no timeout of its own: a client that sends a request slowly, or opens a
// connection and sends nothing (or no TLS handshake), would hold its socket for ever. Every
// connection therefore has a deadline — the request timeout after it was accepted or last
// answered — and is closed once that passes without a complete request.
class FhirHttpServer final : public QAbstractHttpServer
{
    Q_OBJECT
public:
    FhirHttpServer(FhirApi &api, QObject *parent = nullptr);

    // Also the longest a connection may stay idle between requests. At least 100 ms.
    void setRequestTimeout(std::chrono::milliseconds timeout);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void closeOverdueConnections();
    static void renewDeadline(QObject *socket, std::chrono::milliseconds timeout);

    FhirApi &m_api;
    std::chrono::milliseconds m_requestTimeout{30000};
    QTimer m_sweep;
};

} // namespace frontdesk::server
