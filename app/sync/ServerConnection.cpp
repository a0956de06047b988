#include "ServerConnection.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslKey>

namespace frontdesk {

QJsonObject ServerReply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray ServerReply::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QString ServerReply::problem() const
{
    QStringList texts;
    const QJsonObject o = json();
    if (o.value(QStringLiteral("resourceType")).toString() == QLatin1String("OperationOutcome")) {
        for (const QJsonValue &issue : o.value(QStringLiteral("issue")).toArray()) {
            const QString text = issue.toObject().value(QStringLiteral("diagnostics")).toString();
            if (!text.isEmpty())
                texts << text;
        }
    }
    const QString text = texts.isEmpty() ? QString::fromUtf8(body.left(200)).simplified()
                                         : texts.join(QLatin1Char(' '));
    switch (status) {
    case 401:
        return ServerConnection::tr("The server refused the sign-in (401): %1").arg(text);
    case 403:
        return ServerConnection::tr("The server refused this (403): %1").arg(text);
    default:
        return ServerConnection::tr("The server answered %1: %2").arg(status).arg(text);
    }
}

ServerConnection::ServerConnection(ServerEndpoint endpoint)
    : m_endpoint(std::move(endpoint)), m_network(std::make_unique<QNetworkAccessManager>())
{
    // Every answer is read as it comes; a cached or redirected one could come from elsewhere.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

ServerConnection::~ServerConnection() = default;

void ServerConnection::setCredential(WorkstationCredential credential)
{
    m_credential = std::move(credential);
    m_token.clear();
}

void ServerConnection::setBearerToken(const QByteArray &token)
{
    m_credential.reset();
    m_token = token;
}

QString ServerConnection::pinOf(const QByteArray &subjectPublicKeyInfoDer)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(subjectPublicKeyInfoDer, QCryptographicHash::Sha256).toBase64());
}

Result<ServerReply> ServerConnection::fetchToken()
{
    if (!m_credential)
        return fail(tr("This connection has no workstation credential."));
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("workstation_id"), m_credential->workstationId},
                                  {QStringLiteral("secret"), m_credential->secret}})
            .toJson(QJsonDocument::Compact);
    auto reply = exchange("POST", QStringLiteral("/auth/token"), body,
                          {{"Content-Type", "application/json"}});
    if (!reply || !reply->ok())
        return reply;
    m_token = reply->json().value(QStringLiteral("access_token")).toString().toLatin1();
    if (m_token.isEmpty())
        return fail(tr("The server gave no token for the workstation."));
    return reply;
}

Status ServerConnection::obtainWorkstationToken()
{
    auto reply = fetchToken();
    if (!reply)
        return fail(reply.error());
    if (!reply->ok())
        return fail(reply->problem());
    return {};
}

Result<ServerReply> ServerConnection::send(const QByteArray &method, const QString &path,
                                           const QByteArray &body, const HttpHeaders &headers)
{
    return start(method, path, body, headers)->wait();
}

std::unique_ptr<ServerConnection::Pending> ServerConnection::start(const QByteArray &method,
                                                                   const QString &path,
                                                                   const QByteArray &body,
                                                                   const HttpHeaders &headers)
{
    std::unique_ptr<Pending> pending(new Pending);
    pending->m_connection = this;
    pending->m_method = method;
    pending->m_path = path;
    pending->m_body = body;
    pending->m_headers = headers;
    // A credential the server refuses (a revoked workstation) answers as that refusal.
    if (m_credential && m_token.isEmpty()) {
        auto token = fetchToken();
        if (!token || !token->ok()) {
            pending->m_answer = token;
            return pending;
        }
    }
    auto exchange = begin(method, path, body, headers);
    if (!exchange)
        pending->m_answer = Result<ServerReply>(fail(exchange.error()));
    else
        pending->m_exchange = std::move(*exchange);
    // Qt's network thread takes the request from this thread's events: without one turn of
    // them it would not leave before the answer is waited for.
    QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    return pending;
}

ServerConnection::Pending::~Pending() = default;

Result<ServerReply> ServerConnection::Pending::wait()
{
    if (m_answer)
        return *m_answer;
    auto reply = m_connection->finish(*m_exchange);
    m_exchange.reset();
    // A token that expired or that the server no longer knows: once more with a fresh one. A
    // refused credential is then the answer.
    if (reply && reply->status == 401 && m_connection->m_credential) {
        auto token = m_connection->fetchToken();
        if (!token || !token->ok())
            return token;
        reply = m_connection->exchange(m_method, m_path, m_body, m_headers);
    }
    return reply;
}

Result<QJsonObject> ServerConnection::sendJson(const QByteArray &method, const QString &path,
                                               const std::optional<QJsonObject> &body,
                                               const HttpHeaders &headers)
{
    HttpHeaders all = headers;
    QByteArray bytes;
    if (body) {
        bytes = QJsonDocument(*body).toJson(QJsonDocument::Compact);
        all.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    }
    auto reply = send(method, path, bytes, all);
    if (!reply)
        return fail(reply.error());
    if (!reply->ok())
        return fail(reply->problem());
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(reply->body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return fail(tr("The server's answer to %1 %2 is not a JSON object.")
                        .arg(QString::fromLatin1(method), path.section(QLatin1Char('?'), 0, 0)));
    return doc.object();
}

// A request and what was learnt while it went: the TLS problems, a pin that did not match.
struct ServerConnection::Exchange
{
    QNetworkReply *reply = nullptr;
    bool https = false;
    QStringList tlsProblems;
    QString pinProblem;

    Exchange() = default;
    Exchange(const Exchange &) = delete;
    Exchange &operator=(const Exchange &) = delete;
    ~Exchange()
    {
        if (!reply)
            return;
        // Abandoned before its answer: nothing more is read for it. (Its signals reach
        // lambdas that use this exchange, which is still whole here.)
        if (!reply->isFinished())
            reply->abort();
        delete reply;
    }
};

Result<ServerReply> ServerConnection::exchange(const QByteArray &method, const QString &path,
                                               const QByteArray &body, const HttpHeaders &headers)
{
    auto started = begin(method, path, body, headers);
    if (!started)
        return fail(started.error());
    return finish(**started);
}

Result<std::unique_ptr<ServerConnection::Exchange>>
ServerConnection::begin(const QByteArray &method, const QString &path, const QByteArray &body,
                        const HttpHeaders &headers)
{
    if (auto s = m_endpoint.validate(); !s)
        return fail(s.error());
    // "fhir/..." and "/fhir/..." both name a path under the server's base address.
    const QUrl url(m_endpoint.url.toString() +
                   (path.startsWith(QLatin1Char('/')) ? path : QLatin1Char('/') + path));
    const bool https = url.scheme() == QLatin1String("https");
    QNetworkRequest request(url);
    request.setTransferTimeout(m_endpoint.timeoutMs);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setRawHeader("Accept", "application/fhir+json, application/json");
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token);
    if (!m_actingFor.isEmpty())
        request.setRawHeader("X-Frontdesk-Staff", m_actingFor.toUtf8());
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    if (https) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setProtocol(QSsl::TlsV1_2OrLater);
        if (!m_endpoint.caFile.isEmpty()) {
            QFile pem(m_endpoint.caFile);
            if (!pem.open(QIODevice::ReadOnly))
                return fail(tr("The CA file %1 cannot be read: %2")
                                .arg(m_endpoint.caFile, pem.errorString()));
            const QList<QSslCertificate> cas = QSslCertificate::fromData(pem.readAll(), QSsl::Pem);
            if (cas.isEmpty())
                return fail(tr("The CA file %1 holds no PEM certificate.").arg(m_endpoint.caFile));
            tls.addCaCertificates(cas);
        }
        request.setSslConfiguration(tls);
    }

    auto exchange = std::make_unique<Exchange>();
    Exchange *ex = exchange.get();
    ex->https = https;
    ex->reply = m_network->sendCustomRequest(request, method, body);
    QNetworkReply *reply = ex->reply;
    // Checked as soon as the handshake is done, before the request (a password, a token)
    // leaves, and again on the answer (finish()), since a reused connection has no new
    // handshake.
    QObject::connect(reply, &QNetworkReply::encrypted, reply, [this, ex] { checkPin(*ex); });
    QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                     [this, ex](const QList<QSslError> &errors) {
                         for (const QSslError &e : errors)
                             ex->tlsProblems << e.errorString();
                         if (m_endpoint.insecure)
                             ex->reply->ignoreSslErrors();
                     });
    return exchange;
}

void ServerConnection::checkPin(Exchange &ex)
{
    if (m_endpoint.pinSha256.isEmpty() || !ex.pinProblem.isEmpty())
        return;
    const QSslCertificate peer = ex.reply->sslConfiguration().peerCertificate();
    const QString seen = pinOf(peer.publicKey().toDer());
    if (peer.isNull() || seen != m_endpoint.pinSha256) {
        ex.pinProblem = tr("The server's public key (sha256 %1) is not the pinned one (%2): "
                           "this may not be your server. Nothing was sent.")
                            .arg(peer.isNull() ? tr("none") : seen, m_endpoint.pinSha256);
        ex.reply->abort();
    }
}

Result<ServerReply> ServerConnection::finish(Exchange &ex)
{
    QNetworkReply *reply = ex.reply;
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (ex.https && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid())
        checkPin(ex);
    const QStringList &tlsProblems = ex.tlsProblems;

    const QString where = m_endpoint.url.toDisplayString();
    if (!ex.pinProblem.isEmpty())
        return fail(ex.pinProblem);
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        switch (reply->error()) {
        case QNetworkReply::SslHandshakeFailedError:
            return fail(tr("TLS with %1 failed: %2")
                            .arg(where, tlsProblems.isEmpty()
                                            ? reply->errorString()
                                            : tlsProblems.join(QStringLiteral("; "))));
        case QNetworkReply::OperationCanceledError:
        case QNetworkReply::TimeoutError:
            return fail(tr("The server at %1 did not answer within %2 seconds.")
                            .arg(where)
                            .arg(m_endpoint.timeoutMs / 1000.0));
        case QNetworkReply::ConnectionRefusedError:
        case QNetworkReply::HostNotFoundError:
        case QNetworkReply::RemoteHostClosedError:
        case QNetworkReply::NetworkSessionFailedError:
        case QNetworkReply::TemporaryNetworkFailureError:
        case QNetworkReply::UnknownNetworkError:
            return fail(
                tr("The server at %1 cannot be reached: %2").arg(where, reply->errorString()));
        default:
            if (!tlsProblems.isEmpty())
                return fail(tr("TLS with %1 failed: %2")
                                .arg(where, tlsProblems.join(QStringLiteral("; "))));
            return fail(tr("No answer from %1: %2").arg(where, reply->errorString()));
        }
    }
    ServerReply answer;
    answer.status = status.toInt();
    answer.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs())
        answer.headers.append(pair);
    return answer;
}

} // namespace frontdesk
