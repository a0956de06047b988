#pragma once

// frontdesk-server as a child process of a test: started with the arguments given (say
// --listen 127.0.0.1:0 for a free port), its base URL once it says it listens.

#include <QByteArray>
#include <QDeadlineTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QtGlobal>

namespace frontdesk::testing {

// The base URL, or empty (with what the server said) when it did not start listening in time.
inline QString startServerProcess(QProcess &server, const QString &program,
                                  const QStringList &arguments, QByteArray *said = nullptr)
{
    server.start(program, arguments);
    static const QRegularExpression listening(QStringLiteral("listening on (\\S+)"));
    QByteArray seen;
    QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired() && server.state() != QProcess::NotRunning) {
        server.waitForReadyRead(200);
        seen += server.readAllStandardError();
        const auto m = listening.match(QString::fromUtf8(seen));
        if (m.hasMatch())
            return m.captured(1);
    }
    if (said)
        *said = seen;
    return {};
}

// Starts the server and reads the port it listens on (for a restart on the same port); false,
// with what the server said as a warning, when it did not start.
inline bool startServerOnLoopback(QProcess &server, const QString &program,
                                  const QStringList &arguments, QString *url, quint16 *port)
{
    QByteArray said;
    *url = startServerProcess(server, program, arguments, &said);
    if (url->isEmpty()) {
        qWarning("the server did not start: %s", said.constData());
        return false;
    }
    *port = quint16(QUrl(*url).port());
    return true;
}

// `frontdesk-server STORAGE... user add NAME --role ROLE` with the password on stdin; false,
// with what the server said as a warning, when it did not add the account.
inline bool addServerUser(const QString &program, const QStringList &storage, const QString &name,
                          const QString &role, const QByteArray &password)
{
    QProcess add;
    add.start(program, storage + QStringList{QStringLiteral("user"), QStringLiteral("add"), name,
                                             QStringLiteral("--role"), role});
    add.write(password + '\n');
    add.closeWriteChannel();
    if (add.waitForFinished(60000) && add.exitStatus() == QProcess::NormalExit &&
        add.exitCode() == 0)
        return true;
    qWarning("user add %s: %s", qPrintable(name), add.readAllStandardError().constData());
    return false;
}

} // namespace frontdesk::testing
