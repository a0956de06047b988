#include "FhirHttpServer.h"

#include "OperationOutcome.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLoggingCategory>
#include <QMetaEnum>

namespace frontdesk::server {

Q_LOGGING_CATEGORY(lcHttp, "frontdesk.server.http")

FhirHttpServer::FhirHttpServer(FhirApi &api, QObject *parent)
    : QAbstractHttpServer(parent), m_api(api)
{}

bool FhirHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();
    HttpRequest r;
    r.method = QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(request.method()));
    r.method = r.method.toUpper();
    r.path = request.url().path(QUrl::FullyDecoded);
    r.query = request.query();
    r.headers = request.headers();
    r.body = request.body();
    r.remoteAddress = request.remoteAddress().toString();
    const HttpResponse answer = m_api.handle(r);

    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(QHttpServerResponder::StatusCode(answer.status));
    responder.writeHeader("Content-Type", answer.contentType);
    for (const auto &h : answer.headers)
        responder.writeHeader(h.first, h.second);
    responder.writeHeader("Content-Length", QByteArray::number(answer.body.size()));
    responder.writeBody(answer.body);
    // The path only: queries can hold names and birth dates, and logs hold no patient data.
    qCInfo(lcHttp).noquote() << r.remoteAddress << r.method << r.path.left(120) << answer.status
                             << timer.elapsed() << "ms";
    return true;
}

void FhirHttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const HttpResponse answer = OperationOutcome::response(404, QStringLiteral("not-found"),
                                                           QStringLiteral("Nothing here."));
    makeResponder(request, socket)
        .write(answer.body, {{"Content-Type", answer.contentType}},
               QHttpServerResponder::StatusCode::NotFound);
}

} // namespace frontdesk::server
