#pragma once

#include "storage/DataDirectory.h"
#include "storage/SecretStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

#include <memory>

namespace frontdesk {

// frontdeskctl: one method per command. Exit codes: 0 done, 1 usage error, 2 failure,
// 3 refused by a business rule.
class Ctl
{
    Q_DECLARE_TR_FUNCTIONS(Ctl)
public:
    enum Exit { Ok = 0, UsageError = 1, Failed = 2, Refused = 3 };

    Ctl();
    int run(const QStringList &arguments);

private:
    struct Command
    {
        QString name;
        QString summary;
        QList<QCommandLineOption> options;
        int (Ctl::*handler)(const QCommandLineParser &);
    };

    QList<Command> commands() const;
    int usage(const QString &problem);
    int failure(const QString &message);
    // Opens the data directory's database as the OS user who runs this tool.
    Result<DataDirectory::Opened> openDatabase(bool create = false);

    int cmdInit(const QCommandLineParser &p);
    int cmdSeed(const QCommandLineParser &p);
    int cmdStats(const QCommandLineParser &p);
    int cmdRekey(const QCommandLineParser &p);
    int cmdCheck(const QCommandLineParser &p);
    int cmdWipe(const QCommandLineParser &p);

    QTextStream m_out;
    QTextStream m_err;
    QString m_dataDir;
    std::unique_ptr<SecretStore> m_store;
    std::unique_ptr<DataDirectory> m_directory;
};

} // namespace frontdesk
