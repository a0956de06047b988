#include "ServerConfig.h"

#include "automation/ServerTexts.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QSettings>

namespace frontdesk::server {

Status ServerConfig::parseListen(const QString &text, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const uint number = colon < 0 ? 0 : text.mid(colon + 1).toUInt(&ok);
    if (colon < 0 || !ok || number > 65535)
        return fail(
            tr("\"%1\" is not ADDRESS:PORT (e.g. 127.0.0.1:8443 or [::1]:8443).").arg(text));
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    QHostAddress parsed = host.isEmpty() ? QHostAddress(QHostAddress::Any) : QHostAddress(host);
    if (parsed.isNull())
        return fail(tr("\"%1\" is not an IP address to listen on.").arg(host));
    *address = parsed;
    *port = quint16(number);
    return {};
}

Result<ServerConfig> ServerConfig::parse(const QStringList &arguments)
{
    ServerConfig config;
    // The first command word splits the line: everything from "user" on belongs to the
    // staff-account command (frontdeskctl's), after "messages" to the dispatch queue's overview,
    // from "workstation" on to the enrolled workstations, from "reminders" or "followups" on to
    // the rules of the automated messages.
    QStringList own = arguments;
    qsizetype commandAt = -1;
    for (const QString &word :
         {QStringLiteral("user"), QStringLiteral("messages"), QStringLiteral("workstation"),
          QStringLiteral("reminders"), QStringLiteral("followups")}) {
        const qsizetype at = arguments.indexOf(word, 1);
        if (at > 0 && (commandAt < 0 || at < commandAt))
            commandAt = at;
    }
    if (commandAt > 0) {
        own = arguments.mid(0, commandAt);
        const QString word = arguments.at(commandAt);
        if (word == QLatin1String("user")) {
            config.userCommand = arguments.mid(commandAt);
            config.action = Action::UserCommand;
        } else if (word == QLatin1String("messages")) {
            config.messagesCommand = arguments.mid(commandAt + 1);
            config.action = Action::MessagesCommand;
        } else if (word == QLatin1String("reminders") || word == QLatin1String("followups")) {
            config.remindersCommand = arguments.mid(commandAt);
            config.action = Action::RemindersCommand;
        } else {
            config.workstationCommand = arguments.mid(commandAt);
            config.action = Action::WorkstationCommand;
        }
    }

    QCommandLineParser p;
    p.setApplicationDescription(tr("frontdesk-server: the clinic's FHIR R4 server."));
    const QCommandLineOption configOption(
        QStringLiteral("config"), tr("Configuration file (default %1).").arg(defaultConfigPath()),
        QStringLiteral("PATH"));
    const QCommandLineOption listenOption(QStringLiteral("listen"),
                                          tr("Address and port to listen on (default "
                                             "127.0.0.1:8443)."),
                                          QStringLiteral("ADDR:PORT"));
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
                                           tr("Directory of the encrypted database file, used "
                                              "when no --database is given."),
                                           QStringLiteral("DIR"));
    const QCommandLineOption databaseOption(QStringLiteral("database"),
                                            tr("PostgreSQL URL, e.g. "
                                               "postgresql://frontdesk@db.example/frontdesk."),
                                            QStringLiteral("URL"));
    const QCommandLineOption certOption(QStringLiteral("tls-certificate"),
                                        tr("PEM certificate (chain) for HTTPS."),
                                        QStringLiteral("PATH"));
    const QCommandLineOption keyOption(QStringLiteral("tls-key"), tr("PEM private key for HTTPS."),
                                       QStringLiteral("PATH"));
    const QCommandLineOption insecureOption(QStringLiteral("insecure-http"),
                                            tr("Serve plain HTTP without TLS (development only)."));
    const QCommandLineOption migrateOption(QStringLiteral("migrate-only"),
                                           tr("Bring the database schema up to date and exit."));
    const QCommandLineOption timeoutOption(
        QStringLiteral("request-timeout"),
        tr("Close a connection that has sent no complete request for this many seconds "
           "(default 30)."),
        QStringLiteral("SECONDS"));
    const QCommandLineOption smtpOption(QStringLiteral("smtp"),
                                        tr("Send email through this SMTP relay: "
                                           "smtp://[user@]host:port or smtps://... (the password "
                                           "only in the configuration file)."),
                                        QStringLiteral("URL"));
    const QCommandLineOption kannelOption(QStringLiteral("kannel"),
                                          tr("Send SMS through this Kannel sendsms URL (user, "
                                             "password and callback secret in the configuration "
                                             "file)."),
                                          QStringLiteral("URL"));
    const QCommandLineOption versionOption(QStringLiteral("version"), tr("Print the version."));
    const QCommandLineOption helpOption(QStringList{QStringLiteral("help"), QStringLiteral("h")},
                                        tr("Show this help."));
    p.addOptions({configOption, listenOption, dataDirOption, databaseOption, certOption, keyOption,
                  insecureOption, migrateOption, timeoutOption, smtpOption, kannelOption,
                  versionOption, helpOption});
    p.addPositionalArgument(QStringLiteral("user"),
                            tr("user add NAME --role ROLE | user disable|enable|passwd NAME | "
                               "user role NAME --role ROLE | user list [--json]"));
    p.addPositionalArgument(QStringLiteral("messages"),
                            tr("messages [--json]: the email and SMS queue, and the messages "
                               "that failed or are being retried"));
    p.addPositionalArgument(QStringLiteral("workstation"),
                            tr("workstation list [--json] | workstation revoke ID"));
    p.addPositionalArgument(QStringLiteral("reminders"),
                            tr("reminders list [--json] | reminders add --before 48h [--type "
                               "TYPE] (--text TEXT | --template NAME) | reminders pause|resume|"
                               "remove ID | reminders --dry-run [--json]"));
    p.addPositionalArgument(QStringLiteral("followups"),
                            tr("followups list [--json] | followups add --after 1d [--type TYPE] "
                               "(--text TEXT | --template NAME) [--survey QUESTION] | followups "
                               "pause|resume|remove ID | followups --dry-run [--json]"));
    if (!p.parse(own))
        return fail(p.errorText());
    if (!p.positionalArguments().isEmpty())
        return fail(
            tr("Unknown argument \"%1\"; see --help.").arg(p.positionalArguments().first()));
    if (p.isSet(helpOption)) {
        config.action = Action::ShowHelp;
        config.helpText = p.helpText();
        return config;
    }
    if (p.isSet(versionOption)) {
        config.action = Action::ShowVersion;
        return config;
    }

    config.configPath = p.isSet(configOption) ? p.value(configOption) : defaultConfigPath();
    if (QFileInfo::exists(config.configPath)) {
        QSettings file(config.configPath, QSettings::IniFormat);
        if (file.status() != QSettings::NoError)
            return fail(tr("Could not read the configuration file %1.").arg(config.configPath));
        if (file.contains(QStringLiteral("listen"))) {
            if (auto s = parseListen(file.value(QStringLiteral("listen")).toString(),
                                     &config.listenAddress, &config.listenPort);
                !s)
                return fail(tr("%1: listen: %2").arg(config.configPath, s.error()));
        }
        config.dataDir = file.value(QStringLiteral("data_dir"), config.dataDir).toString();
        config.databaseUrl = file.value(QStringLiteral("database")).toString();
        config.tlsCertificate = file.value(QStringLiteral("tls_certificate")).toString();
        config.tlsKey = file.value(QStringLiteral("tls_key")).toString();
        bool ok = true;
        if (file.contains(QStringLiteral("token_lifetime_minutes")))
            config.tokenLifetimeMinutes =
                file.value(QStringLiteral("token_lifetime_minutes")).toInt(&ok);
        if (!ok || config.tokenLifetimeMinutes < 1)
            return fail(tr("%1: token_lifetime_minutes must be a whole number of at least 1.")
                            .arg(config.configPath));
        if (file.contains(QStringLiteral("max_body_bytes")))
            config.maxBodyBytes = file.value(QStringLiteral("max_body_bytes")).toLongLong(&ok);
        if (!ok || config.maxBodyBytes < 1024)
            return fail(tr("%1: max_body_bytes must be a whole number of at least 1024.")
                            .arg(config.configPath));
        if (file.contains(QStringLiteral("login_attempts_per_minute")))
            config.loginAttemptsPerMinute =
                file.value(QStringLiteral("login_attempts_per_minute")).toInt(&ok);
        if (!ok || config.loginAttemptsPerMinute < 1)
            return fail(tr("%1: login_attempts_per_minute must be a whole number of at least 1.")
                            .arg(config.configPath));
        if (file.contains(QStringLiteral("request_timeout_seconds")))
            config.requestTimeoutSeconds =
                file.value(QStringLiteral("request_timeout_seconds")).toInt(&ok);
        if (!ok || config.requestTimeoutSeconds < 1)
            return fail(tr("%1: request_timeout_seconds must be a whole number of at least 1.")
                            .arg(config.configPath));
        if (file.contains(QStringLiteral("reminder_interval_seconds")))
            config.reminderIntervalSeconds =
                file.value(QStringLiteral("reminder_interval_seconds")).toDouble(&ok);
        if (!ok || config.reminderIntervalSeconds < 0.05 ||
            config.reminderIntervalSeconds > 24 * 3600)
            return fail(tr("%1: reminder_interval_seconds must be a number of seconds from "
                           "0.05 to 86400.")
                            .arg(config.configPath));
        if (auto s = config.dispatch.read(file, config.configPath); !s)
            return fail(s.error());
        if (file.contains(QStringLiteral("language"))) {
            auto language =
                ServerTexts::parseLanguage(file.value(QStringLiteral("language")).toString());
            if (!language)
                return fail(tr("%1: %2").arg(config.configPath, language.error()));
            config.language = *language;
        }
    } else if (p.isSet(configOption)) {
        return fail(tr("There is no configuration file %1.").arg(config.configPath));
    }

    if (p.isSet(timeoutOption)) {
        bool ok = false;
        config.requestTimeoutSeconds = p.value(timeoutOption).toInt(&ok);
        if (!ok || config.requestTimeoutSeconds < 1)
            return fail(tr("--request-timeout must be a whole number of seconds, at least 1."));
    }
    if (p.isSet(listenOption)) {
        if (auto s = parseListen(p.value(listenOption), &config.listenAddress, &config.listenPort);
            !s)
            return fail(s.error());
    }
    if (p.isSet(dataDirOption))
        config.dataDir = p.value(dataDirOption);
    if (p.isSet(databaseOption))
        config.databaseUrl = p.value(databaseOption);
    if (p.isSet(certOption))
        config.tlsCertificate = p.value(certOption);
    if (p.isSet(keyOption))
        config.tlsKey = p.value(keyOption);
    if (p.isSet(smtpOption))
        config.dispatch.smtp = p.value(smtpOption);
    if (p.isSet(kannelOption))
        config.dispatch.kannel = p.value(kannelOption);
    if (auto s = config.dispatch.validate(); !s)
        return fail(s.error());
    config.insecureHttp = p.isSet(insecureOption);
    config.migrateOnly = p.isSet(migrateOption);
    if (config.action == Action::Serve && !config.migrateOnly && !config.insecureHttp &&
        (config.tlsCertificate.isEmpty() || config.tlsKey.isEmpty()))
        return fail(tr("HTTPS needs a certificate and a key: set tls_certificate and tls_key in "
                       "%1 (or --tls-certificate and --tls-key). Plain HTTP only with "
                       "--insecure-http, for development.")
                        .arg(config.configPath));
    return config;
}

} // namespace frontdesk::server
