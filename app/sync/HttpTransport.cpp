#include "HttpTransport.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace frontdesk {

HttpTransport::HttpTransport(QUrl server, QByteArray token, int timeoutMs)
    : m_server(std::move(server)), m_token(std::move(token)), m_timeoutMs(timeoutMs),
      m_network(std::make_unique<QNetworkAccessManager>())
{
    if (!m_server.path().endsWith(QLatin1Char('/')))
        m_server.setPath(m_server.path() + QLatin1Char('/'));
}

HttpTransport::~HttpTransport() = default;

Result<std::unique_ptr<HttpTransport>> HttpTransport::signIn(const QUrl &server,
                                                             const QString &username,
                                                             const QString &password, int timeoutMs)
{
    auto transport = std::make_unique<HttpTransport>(server, QByteArray(), timeoutMs);
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("username"), username},
                                                      {QStringLiteral("password"), password}})
                                .toJson(QJsonDocument::Compact);
    const HttpReply reply = transport->send("POST", QStringLiteral("auth/login"), body);
    if (!reply.reached())
        return fail(reply.error);
    const QJsonObject answer = QJsonDocument::fromJson(reply.body).object();
    if (reply.status != 200) {
        const QString why = answer.value(QStringLiteral("issue"))
                                .toArray()
                                .first()
                                .toObject()
                                .value(QStringLiteral("diagnostics"))
                                .toString();
        return fail(tr("The server refused the sign-in as %1 (HTTP %2): %3")
                        .arg(username)
                        .arg(reply.status)
                        .arg(why.isEmpty() ? QString::fromUtf8(reply.body.left(200)) : why));
    }
    const QString token = answer.value(QStringLiteral("access_token")).toString();
    if (token.isEmpty())
        return fail(tr("The server's answer to the sign-in holds no access token."));
    transport->m_token = token.toUtf8();
    return transport;
}

HttpReply HttpTransport::send(const QByteArray &method, const QString &path, const QByteArray &body,
                              const Headers &headers)
{
    QNetworkRequest request(m_server.resolved(QUrl(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/fhir+json"));
    request.setRawHeader("Accept", "application/fhir+json");
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token);
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    request.setTransferTimeout(m_timeoutMs);

    QNetworkReply *reply = m_network->sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec(QEventLoop::ExcludeUserInputEvents);

    HttpReply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    if (!out.reached())
        out.error = tr("The server at %1 could not be reached: %2")
                        .arg(m_server.toString(QUrl::RemoveUserInfo), reply->errorString());
    reply->deleteLater();
    return out;
}

} // namespace frontdesk
