#pragma once

#include "core/Result.h"
#include "storage/DataDirectory.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QTextStream>

#include <functional>

namespace frontdesk {

class AuditAnchor;
class SecretStore;

// What a frontdeskctl command gets to work with.
class CtlContext
{
public:
    enum Exit
    {
        Ok = 0,
        UsageError = 1,
        Failed = 2,
        Refused = 3
    };

    virtual ~CtlContext() = default;
    virtual QTextStream &out() = 0;
    virtual QTextStream &err() = 0;
    virtual DataDirectory &directory() = 0;
    virtual SecretStore &secretStore() = 0;
    // The audit chain's head outside the database, for this data directory; nullptr where
    // there is none (frontdesk-server's user commands run on the server's own storage).
    virtual AuditAnchor *auditAnchor() { return nullptr; }
    // Opens the database as the operating-system user running the tool (that is who the audit
    // trail names). Only `init` creates a database; the others refuse when there is none.
    virtual Result<DataDirectory::Opened> openDatabase(bool create = false) = 0;
    // Print the message to stderr and return the exit code to use.
    virtual int usage(const QString &problem) = 0;
    virtual int failure(const QString &message) = 0;
    virtual int refused(const QString &message) = 0;
};

struct CtlCommand
{
    QString name;   // e.g. "seed", or "user" for a command with sub-commands
    QString syntax; // the positional part, e.g. "add NAME" (empty: none accepted)
    QString summary;
    QList<QCommandLineOption> options;
    // arguments: the positional arguments after the command's name.
    std::function<int(CtlContext &, const QCommandLineParser &, const QStringList &arguments)> run;
};

// Each group lives in its own file; Ctl.cpp lists the groups.
QList<CtlCommand> databaseCommands();
QList<CtlCommand> patientCommands();
QList<CtlCommand> accessCommands();
QList<CtlCommand> scheduleCommands();
QList<CtlCommand> kpiCommands();
QList<CtlCommand> recallCommands();
QList<CtlCommand> messageCommands();
QList<CtlCommand> surveyCommands();
QList<CtlCommand> syncCommands();

} // namespace frontdesk
