#pragma once

#include "FhirApi.h"

#include <QAbstractHttpServer>

namespace frontdesk::server {

// Feeds every HTTP request to FhirApi and writes its answer. QtHttpServer parses HTTP (and TLS
// after sslSetup); routing, limits and errors are FhirApi's, so a path nobody routed still gets
// an OperationOutcome instead of QtHttpServer's own 404 page.
class FhirHttpServer final : public QAbstractHttpServer
{
    Q_OBJECT
public:
    FhirHttpServer(FhirApi &api, QObject *parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    FhirApi &m_api;
};

} // namespace frontdesk::server
