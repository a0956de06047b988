#pragma once

#include "SendResult.h"

#include <QObject>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace frontdesk::server {

// Where and how frontdesk-server hands SMS to a Kannel gateway.
struct KannelSettings
{
    QUrl sendsmsUrl; // smsbox's sendsms interface, e.g. http://127.0.0.1:13013/cgi-bin/sendsms
    QString user;
    QString password;
    QString from;           // the sender (number or name); empty: Kannel's default
    QUrl callbackBase;      // this server as Kannel reaches it, e.g. http://10.0.0.5:8443
    QString callbackSecret; // in every URL Kannel calls back on (delivery reports, inbound SMS)
    int timeoutMs = 30000;
};

// One SMS handed to Kannel's sendsms (HTTP GET), GSM-7 when the text fits it and UCS-2 when not
// (SmsSegments), with a dlr-url that brings the delivery reports of this message back to
// /sms/kannel/dlr. Accepted (2xx) is sent; 503, other 5xx, a refused connection and a wrong
// account (401/403: the administrator's to fix) are temporary; another 4xx is a refusal of this
// message, permanent; a connection lost after the request went out is Unknown.
class KannelClient : public QObject
{
    Q_OBJECT
public:
    KannelClient(KannelSettings settings, QNetworkAccessManager &network,
                 QObject *parent = nullptr);

    void send(const QString &communicationId, const QString &to, const QString &text);
    // The URL Kannel calls with a delivery report (%d is its type, %A the SMSC's words).
    static QString dlrUrl(const KannelSettings &settings, const QString &communicationId);

signals:
    void finished(const frontdesk::server::SendResult &result);

private:
    void onFinished(QNetworkReply *reply);

    KannelSettings m_settings;
    QNetworkAccessManager &m_network;
};

} // namespace frontdesk::server
