#pragma once

// frontdeskctl run as a child process, as an administrator's shell would: on one data directory
// with its key in a key file; standard input gets stdinData and is then closed.

#include <QProcess>
#include <QString>
#include <QStringList>

namespace frontdesk::testing {

struct CtlRun
{
    int exitCode = -1; // -1: did not start, crashed or took longer than two minutes
    QString out;
    QString err;
};

inline CtlRun runCtl(const QString &program, const QString &dataDir, const QString &keyFile,
                     const QStringList &args, const QByteArray &stdinData = {},
                     const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, QStringList{QStringLiteral("--data-dir"), dataDir,
                                 QStringLiteral("--key-file"), keyFile} +
                         args);
    if (!p.waitForStarted())
        return {};
    p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace frontdesk::testing
