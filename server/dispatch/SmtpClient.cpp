#include "SmtpClient.h"

#include <QHostInfo>
#include <QSslConfiguration>
#include <QSslSocket>

namespace frontdesk::server {

SmtpClient::SmtpClient(SmtpSettings settings, QObject *parent)
    : QObject(parent), m_settings(std::move(settings))
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        finish(m_step == Step::Body ? SendResult::Kind::Unknown : SendResult::Kind::Temporary,
               tr("The mail relay did not answer within %1 s.").arg(m_settings.timeoutMs / 1000),
               QStringLiteral("SMTP timeout"));
    });
}

SmtpClient::~SmtpClient() = default;

void SmtpClient::send(const QString &mailFrom, const QString &rcptTo, const QByteArray &data)
{
    m_mailFrom = mailFrom;
    m_rcptTo = rcptTo;
    m_data = data;
    m_socket = std::make_unique<QSslSocket>();
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    if (!m_settings.caCertificates.isEmpty())
        tls.addCaCertificates(m_settings.caCertificates);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    m_socket->setSslConfiguration(tls);
    connect(m_socket.get(), &QSslSocket::readyRead, this, &SmtpClient::onReadyRead);
    connect(m_socket.get(), &QSslSocket::errorOccurred, this, &SmtpClient::onSocketError);
    connect(m_socket.get(), &QSslSocket::disconnected, this, [this] {
        finish(m_step == Step::Body ? SendResult::Kind::Unknown : SendResult::Kind::Temporary,
               tr("The mail relay closed the connection."), QStringLiteral("SMTP closed"));
    });
    connect(m_socket.get(), &QSslSocket::encrypted, this, [this] {
        // After STARTTLS the session starts over (RFC 3207): EHLO again.
        if (m_tlsStarted)
            command("EHLO " + (m_settings.heloName.isEmpty() ? QHostInfo::localHostName()
                                                             : m_settings.heloName)
                                  .toUtf8(),
                    Step::Ehlo);
    });
    const QString host = m_settings.url.host();
    const bool implicitTls = m_settings.url.scheme() == QLatin1String("smtps");
    const auto port = quint16(m_settings.url.port(implicitTls ? 465 : 25));
    m_step = Step::Greeting;
    m_timeout.start(m_settings.timeoutMs);
    if (implicitTls)
        m_socket->connectToHostEncrypted(host, port);
    else
        m_socket->connectToHost(host, port);
}

void SmtpClient::onSocketError()
{
    const QString why = m_socket->errorString();
    const bool refused = m_socket->error() == QAbstractSocket::ConnectionRefusedError;
    finish(m_step == Step::Body ? SendResult::Kind::Unknown : SendResult::Kind::Temporary,
           tr("Could not talk to the mail relay %1: %2").arg(m_settings.url.host(), why),
           refused ? QStringLiteral("SMTP connection refused")
                   : QStringLiteral("SMTP connection error %1").arg(int(m_socket->error())));
}

void SmtpClient::onReadyRead()
{
    m_buffer += m_socket->readAll();
    for (qsizetype nl = m_buffer.indexOf('\n'); nl >= 0 && !m_finished;
         nl = m_buffer.indexOf('\n')) {
        const QString line = QString::fromUtf8(m_buffer.left(nl)).trimmed();
        m_buffer.remove(0, nl + 1);
        bool ok = false;
        const int code = line.left(3).toInt(&ok);
        if (!ok || code < 200 || code > 599) {
            finish(m_step == Step::Body ? SendResult::Kind::Unknown : SendResult::Kind::Temporary,
                   tr("The mail relay's answer is not SMTP: \"%1\"").arg(line.left(80)),
                   QStringLiteral("SMTP protocol error"));
            return;
        }
        m_replyLines << line.mid(4);
        if (line.size() > 3 && line.at(3) == QLatin1Char('-'))
            continue;
        const QStringList lines = m_replyLines;
        m_replyLines.clear();
        onReply(code, lines);
    }
}

void SmtpClient::command(const QByteArray &line, Step next)
{
    m_step = next;
    m_timeout.start(m_settings.timeoutMs);
    m_socket->write(line + "\r\n");
}

void SmtpClient::onReply(int code, const QStringList &lines)
{
    switch (m_step) {
    case Step::Greeting:
        if (code != 220)
            return failByCode(code, lines);
        command("EHLO " + (m_settings.heloName.isEmpty() ? QHostInfo::localHostName()
                                                         : m_settings.heloName)
                              .toUtf8(),
                Step::Ehlo);
        return;
    case Step::Ehlo:
        if (code != 250)
            return failByCode(code, lines);
        afterEhlo(lines);
        return;
    case Step::StartTls:
        if (code != 220)
            return failByCode(code, lines);
        m_tlsStarted = true;
        m_timeout.start(m_settings.timeoutMs);
        m_socket->startClientEncryption();
        return;
    case Step::AuthLogin:
        if (code != 334)
            break;
        command(m_settings.url.userName().toUtf8().toBase64(), Step::AuthLoginUser);
        return;
    case Step::AuthLoginUser:
        if (code != 334)
            break;
        command(m_settings.password.toUtf8().toBase64(), Step::AuthLoginPassword);
        return;
    case Step::AuthPlain:
    case Step::AuthLoginPassword:
        if (code != 235)
            break;
        startMail();
        return;
    case Step::MailFrom:
        if (code != 250)
            return failByCode(code, lines);
        command("RCPT TO:<" + m_rcptTo.toUtf8() + '>', Step::RcptTo);
        return;
    case Step::RcptTo:
        if (code != 250 && code != 251)
            return failByCode(code, lines);
        command("DATA", Step::Data);
        return;
    case Step::Data: {
        if (code != 354)
            return failByCode(code, lines);
        QByteArray stuffed = m_data;
        if (!stuffed.endsWith("\r\n"))
            stuffed += "\r\n";
        stuffed.replace("\r\n.", "\r\n..");
        if (stuffed.startsWith('.'))
            stuffed.prepend('.');
        m_step = Step::Body;
        m_timeout.start(m_settings.timeoutMs);
        m_socket->write(stuffed + ".\r\n");
        return;
    }
    case Step::Body:
        if (code != 250)
            return failByCode(code, lines);
        finish(SendResult::Kind::Sent, {}, QStringLiteral("SMTP 250"));
        m_socket->write("QUIT\r\n");
        m_socket->disconnectFromHost();
        return;
    case Step::Done:
        return;
    }
    // A refused sign-in: the administrator fixes the account, and the messages wait for it.
    finish(SendResult::Kind::Temporary,
           tr("The mail relay refused the sign-in as %1: %2 %3")
               .arg(m_settings.url.userName())
               .arg(code)
               .arg(lines.join(QLatin1Char(' '))),
           QStringLiteral("SMTP AUTH %1").arg(code));
}

void SmtpClient::afterEhlo(const QStringList &lines)
{
    QStringList mechanisms;
    bool startTls = false;
    for (const QString &l : lines.mid(1)) {
        const QString upper = l.toUpper();
        if (upper == QLatin1String("STARTTLS"))
            startTls = true;
        if (upper.startsWith(QLatin1String("AUTH ")) || upper.startsWith(QLatin1String("AUTH=")))
            mechanisms << upper.mid(5).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }
    if (!m_socket->isEncrypted() && startTls) {
        command("STARTTLS", Step::StartTls);
        return;
    }
    if (m_settings.url.userName().isEmpty()) {
        startMail();
        return;
    }
    if (!mayAuthenticate()) {
        finish(SendResult::Kind::Temporary,
               tr("The mail relay %1 offers no TLS: the password is not sent in clear text.")
                   .arg(m_settings.url.host()),
               QStringLiteral("SMTP no TLS for AUTH"));
        return;
    }
    if (mechanisms.contains(QLatin1String("PLAIN"))) {
        const QByteArray user = m_settings.url.userName().toUtf8();
        command("AUTH PLAIN " +
                    (QByteArray(1, '\0') + user + '\0' + m_settings.password.toUtf8()).toBase64(),
                Step::AuthPlain);
    } else if (mechanisms.contains(QLatin1String("LOGIN"))) {
        command("AUTH LOGIN", Step::AuthLogin);
    } else {
        finish(SendResult::Kind::Temporary,
               tr("The mail relay %1 offers no AUTH PLAIN or LOGIN.").arg(m_settings.url.host()),
               QStringLiteral("SMTP no AUTH"));
    }
}

bool SmtpClient::mayAuthenticate() const
{
    return m_socket->isEncrypted() || m_socket->peerAddress().isLoopback();
}

void SmtpClient::startMail()
{
    command("MAIL FROM:<" + m_mailFrom.toUtf8() + '>', Step::MailFrom);
}

void SmtpClient::failByCode(int code, const QStringList &lines)
{
    finish(code >= 500 ? SendResult::Kind::Permanent : SendResult::Kind::Temporary,
           tr("The mail relay answered %1 %2").arg(code).arg(lines.join(QLatin1Char(' '))),
           QStringLiteral("SMTP %1").arg(code));
}

void SmtpClient::finish(SendResult::Kind kind, const QString &reason, const QString &logCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_step = Step::Done;
    m_timeout.stop();
    SendResult r;
    r.kind = kind;
    r.reason = reason;
    r.logCode = logCode;
    if (kind != SendResult::Kind::Sent && m_socket)
        m_socket->abort();
    emit finished(r);
}

} // namespace frontdesk::server
