#pragma once

// frontdesk-server as a child process of a test: started with the arguments given (say
// --listen 127.0.0.1:0 for a free port), its base URL once it says it listens.

#include <QByteArray>
#include <QDeadlineTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

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

} // namespace frontdesk::testing
