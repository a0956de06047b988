#pragma once

#include "core/Result.h"
#include "dispatch/DispatchConfig.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace frontdesk::server {

// How frontdesk-server runs: from the configuration file (INI: `key = value`), overridden by
// the command line. Only the command line can allow plain HTTP.
struct ServerConfig
{
    Q_DECLARE_TR_FUNCTIONS(ServerConfig)
public:
    static QString defaultConfigPath() { return QStringLiteral("/etc/frontdesk/server.conf"); }

    QString configPath;
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 listenPort = 8443;
    QString dataDir = QStringLiteral("/var/lib/frontdesk-server");
    QString databaseUrl; // postgresql://...; empty: the SQLCipher file in dataDir
    QString tlsCertificate;
    QString tlsKey;
    bool insecureHttp = false;
    bool migrateOnly = false;
    int tokenLifetimeMinutes = 8 * 60;
    qint64 maxBodyBytes = 8 * 1024 * 1024;
    int loginAttemptsPerMinute = 10;
    // A connection that has not sent a whole request this long after it opened or was last
    // answered is closed (slow or idle clients).
    int requestTimeoutSeconds = 30;
    DispatchConfig dispatch; // email and SMS
    // Everything after "user": the staff-account command, run instead of the server.
    QStringList userCommand;
    // Everything after "messages": the dispatch queue's overview, run instead of the server.
    QStringList messagesCommand;
    // Everything after "workstation": list or revoke enrolled workstations.
    QStringList workstationCommand;
    // Everything from "reminders" or "followups" on: those rules and what is due now.
    QStringList remindersCommand;
    // How often each process turns due reminder rules into messages.
    double reminderIntervalSeconds = 60;
    // The clinic's language for the texts the server writes into records (ServerTexts): the
    // configuration key `language`, de, fr, es or en.
    QString language = QStringLiteral("en");

    enum class Action
    {
        Serve,
        ShowVersion,
        ShowHelp,
        UserCommand,
        MessagesCommand,
        WorkstationCommand,
        RemindersCommand
    };
    Action action = Action::Serve;
    QString helpText;

    // Parses the command line (arguments[0] is the program) and the configuration file it
    // names, or the default one when that exists.
    static Result<ServerConfig> parse(const QStringList &arguments);
    // "ADDR:PORT", "[v6]:PORT" or ":PORT".
    static Status parseListen(const QString &text, QHostAddress *address, quint16 *port);
};

} // namespace frontdesk::server
