#include "KannelClient.h"

#include "messaging/SmsSegments.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace frontdesk::server {

namespace {

QByteArray param(const char *name, const QString &value)
{
    return QByteArray(name) + '=' + QUrl::toPercentEncoding(value);
}

} // namespace

KannelClient::KannelClient(KannelSettings settings, QNetworkAccessManager &network, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_network(network)
{}

QString KannelClient::dlrUrl(const KannelSettings &settings, const QString &communicationId)
{
    QString base = settings.callbackBase.toString(QUrl::StripTrailingSlash);
    return base + QStringLiteral("/sms/kannel/dlr?secret=") +
           QString::fromLatin1(QUrl::toPercentEncoding(settings.callbackSecret)) +
           QStringLiteral("&id=") + QString::fromLatin1(QUrl::toPercentEncoding(communicationId)) +
           QStringLiteral("&type=%d&reply=%A");
}

void KannelClient::send(const QString &communicationId, const QString &to, const QString &text)
{
    const bool gsm = SmsSegments::count(text).encoding == SmsSegments::Encoding::Gsm7;
    QList<QByteArray> query{param("username", m_settings.user),
                            param("password", m_settings.password), param("to", to),
                            param("text", text), param("charset", QStringLiteral("UTF-8")),
                            // 0: GSM 7-bit, 2: UCS-2 (Kannel converts the UTF-8 text to either).
                            param("coding", gsm ? QStringLiteral("0") : QStringLiteral("2")),
                            // 1 delivered, 2 undelivered, 4 queued at the SMSC, 8 accepted by
                            // it, 16 rejected by it.
                            param("dlr-mask", QStringLiteral("31")),
                            param("dlr-url", dlrUrl(m_settings, communicationId))};
    if (!m_settings.from.isEmpty())
        query << param("from", m_settings.from);
    QUrl url = m_settings.sendsmsUrl;
    url.setQuery(QString::fromLatin1(query.join('&')), QUrl::StrictMode);
    QNetworkRequest request(url);
    request.setTransferTimeout(m_settings.timeoutMs);
    QNetworkReply *reply = m_network.get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
}

void KannelClient::onFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString answer = QString::fromUtf8(reply->readAll()).trimmed().left(200);
    SendResult r;
    if (status == 0) {
        const QNetworkReply::NetworkError e = reply->error();
        const bool neverArrived = e == QNetworkReply::ConnectionRefusedError ||
                                  e == QNetworkReply::HostNotFoundError ||
                                  e == QNetworkReply::UnknownNetworkError;
        r.kind = neverArrived ? SendResult::Kind::Temporary : SendResult::Kind::Unknown;
        r.reason = tr("Could not reach the SMS gateway: %1").arg(reply->errorString());
        r.logCode = QStringLiteral("Kannel network error %1").arg(int(e));
        emit finished(r);
        return;
    }
    r.logCode = QStringLiteral("Kannel %1").arg(status);
    if (status >= 200 && status < 300) {
        r.kind = SendResult::Kind::Sent;
    } else if (status >= 500 || status == 401 || status == 403) {
        r.kind = SendResult::Kind::Temporary;
        r.reason = tr("The SMS gateway answered %1: %2").arg(status).arg(answer);
    } else {
        r.kind = SendResult::Kind::Permanent;
        r.reason = tr("The SMS gateway refused the message (%1): %2").arg(status).arg(answer);
    }
    emit finished(r);
}

} // namespace frontdesk::server
