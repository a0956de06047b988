#include "FhirHttpServer.h"

#include "OperationOutcome.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QTcpSocket>

namespace frontdesk::server {

Q_LOGGING_CATEGORY(lcHttp, "frontdesk.server.http")

namespace {
// The monotonic time (QDeadlineTimer) by which a connection must have sent a whole request.
constexpr char kDeadline[] = "frontdesk_request_deadline";
} // namespace

FhirHttpServer::FhirHttpServer(FhirApi &api, QObject *parent)
    : QAbstractHttpServer(parent), m_api(api)
{
    connect(&m_sweep, &QTimer::timeout, this, &FhirHttpServer::closeOverdueConnections);
    setRequestTimeout(m_requestTimeout);
}

void FhirHttpServer::setRequestTimeout(std::chrono::milliseconds timeout)
{
    m_requestTimeout = std::max(timeout, std::chrono::milliseconds(100));
    // A connection is closed at most a quarter of the timeout late.
    m_sweep.start(std::max(m_requestTimeout / 4, std::chrono::milliseconds(25)));
}

void FhirHttpServer::renewDeadline(QObject *socket, std::chrono::milliseconds timeout)
{
    socket->setProperty(kDeadline, QDeadlineTimer(timeout).deadline());
}

// The sockets are QtHttpServer's, children of the listening servers it owns; they are found
// afresh on every sweep, so a socket QtHttpServer has let go of is never touched.
void FhirHttpServer::closeOverdueConnections()
{
    const qint64 now = QDeadlineTimer::current().deadline();
    const QList<QTcpSocket *> sockets = findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets) {
        const QVariant deadline = socket->property(kDeadline);
        if (!deadline.isValid()) {
            renewDeadline(socket, m_requestTimeout);
            continue;
        }
        if (deadline.toLongLong() > now || socket->state() != QAbstractSocket::ConnectedState)
            continue;
        qCInfo(lcHttp).noquote() << socket->peerAddress().toString()
                                 << "closed: no complete request within" << m_requestTimeout.count()
                                 << "ms";
        socket->abort();
    }
}

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
    renewDeadline(socket, m_requestTimeout);
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
