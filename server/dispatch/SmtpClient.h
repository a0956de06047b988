#pragma once

#include "SendResult.h"

#include <QObject>
#include <QSslCertificate>
#include <QSslError>
#include <QTimer>
#include <QUrl>

#include <memory>

class QSslSocket;

namespace frontdesk::server {

// Where and how frontdesk-server hands email over.
struct SmtpSettings
{
    QUrl url; // smtp://[user@]host[:port] (STARTTLS when offered) or smtps://... (TLS at once)
    QString password;
    QString from;     // "Praxis Müller <noreply@praxis.example>"
    QString heloName; // the name this host gives in EHLO; empty: the machine's host name
    QList<QSslCertificate> caCertificates; // trusted besides the system's, for a private CA
    int timeoutMs = 60000;                 // for each answer of the relay
};

// One email handed to an SMTP relay (RFC 5321) on QSslSocket: greeting, EHLO, STARTTLS when the
// relay offers it (then EHLO again), AUTH PLAIN or LOGIN when a user is configured (only over
// TLS, or to a relay on this machine), MAIL FROM, RCPT TO, DATA with dot-stuffing. Emits
// finished() exactly once. 4xx answers, a refused or broken connection and timeouts are
// temporary, 5xx permanent, except a refused AUTH (the administrator's to fix: temporary); a
// connection lost after the message's final dot is Unknown, since the relay may have taken it.
class SmtpClient : public QObject
{
    Q_OBJECT
public:
    SmtpClient(SmtpSettings settings, QObject *parent = nullptr);
    ~SmtpClient() override;

    // mailFrom and rcptTo are bare addresses; data is the message (MimeMessage::toBytes()).
    void send(const QString &mailFrom, const QString &rcptTo, const QByteArray &data);

signals:
    void finished(const frontdesk::server::SendResult &result);

private:
    enum class Step
    {
        Greeting,
        Ehlo,
        StartTls,
        AuthPlain,
        AuthLogin,
        AuthLoginUser,
        AuthLoginPassword,
        MailFrom,
        RcptTo,
        Data,
        Body,
        Done
    };

    void onReadyRead();
    void onSocketError();
    void onReply(int code, const QStringList &lines);
    void afterEhlo(const QStringList &lines);
    void startMail();
    void command(const QByteArray &line, Step next);
    void finish(SendResult::Kind kind, const QString &reason, const QString &logCode);
    void failByCode(int code, const QStringList &lines);
    bool mayAuthenticate() const;

    SmtpSettings m_settings;
    std::unique_ptr<QSslSocket> m_socket;
    QTimer m_timeout;
    Step m_step = Step::Greeting;
    QByteArray m_buffer;
    QStringList m_replyLines;
    QString m_mailFrom;
    QString m_rcptTo;
    QByteArray m_data;
    bool m_tlsStarted = false;
    bool m_finished = false;
};

} // namespace frontdesk::server
