#include "FhirApi.h"
#include "FhirHttpServer.h"
#include "ServerConfig.h"
#include "ServerStorage.h"
#include "ServerUserCommand.h"
#include "ServerWorkstationCommand.h"
#include "automation/ReminderScheduler.h"
#include "automation/RemindersCommand.h"
#include "automation/ServerTexts.h"
#include "dispatch/Dispatcher.h"
#include "dispatch/MessagesCommand.h"
#include "dispatch/SmsGateway.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSysInfo>
#include <QTcpServer>
#include <QUuid>

#include <csignal>
#include <cstdio>
#include <memory>

using namespace frontdesk;
using namespace frontdesk::server;

namespace {

int complain(const QString &message, int code)
{
    std::fprintf(stderr, "frontdesk-server: %s\n", qPrintable(message));
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("frontdesk-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FRONTDESK_VERSION));
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{type} %{message}"));

    auto config = ServerConfig::parse(QCoreApplication::arguments());
    if (!config)
        return complain(config.error(), 1);
    // The records' texts (a cancellation's reason, the front desk's Tasks) in the clinic's
    // language, also for a dry run's preview.
    ServerTexts::setLanguage(config->language);
    switch (config->action) {
    case ServerConfig::Action::ShowHelp:
        std::fputs(qPrintable(config->helpText), stdout);
        return 0;
    case ServerConfig::Action::ShowVersion:
        std::printf("frontdesk-server %s\n", FRONTDESK_VERSION);
        return 0;
    case ServerConfig::Action::UserCommand:
        return ServerUserCommand(*config).run(config->userCommand);
    case ServerConfig::Action::MessagesCommand:
        return MessagesCommand(*config).run(config->messagesCommand);
    case ServerConfig::Action::WorkstationCommand:
        return ServerWorkstationCommand(*config).run(config->workstationCommand);
    case ServerConfig::Action::RemindersCommand:
        return RemindersCommand(*config).run(config->remindersCommand);
    case ServerConfig::Action::Serve:
        break;
    }

    auto db = ServerStorage::open(*config);
    if (!db)
        return complain(db.error(), 2);
    qInfo().noquote() << "database" << ServerStorage::describe(*config) << "at schema version"
                      << (*db)->schemaVersion();
    if (config->migrateOnly)
        return 0;

    FhirApi::Settings settings;
    settings.maxBodyBytes = config->maxBodyBytes;
    settings.auth.tokenLifetimeMinutes = config->tokenLifetimeMinutes;
    settings.auth.attemptsPerMinute = config->loginAttemptsPerMinute;
    settings.scheme = config->insecureHttp ? QStringLiteral("http") : QStringLiteral("https");
    // Names this process in the dispatch queue's claims: several may share one database.
    const QString owner = QStringLiteral("%1:%2:%3")
                              .arg(QSysInfo::machineHostName())
                              .arg(QCoreApplication::applicationPid())
                              .arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
    std::unique_ptr<SmsGateway> smsGateway;
    if (!config->dispatch.kannel.isEmpty()) {
        smsGateway =
            std::make_unique<SmsGateway>(**db, config->dispatch.kannelCallbackSecret, owner);
        settings.smsGateway = [&smsGateway](const HttpRequest &r) { return smsGateway->handle(r); };
    }
    FhirApi api(**db, settings);
    FhirHttpServer server(api);
    server.setRequestTimeout(std::chrono::seconds(config->requestTimeoutSeconds));
    if (!config->insecureHttp) {
        QFile certFile(config->tlsCertificate);
        QFile keyFile(config->tlsKey);
        if (!certFile.open(QIODevice::ReadOnly))
            return complain(QStringLiteral("Could not read the TLS certificate %1: %2")
                                .arg(config->tlsCertificate, certFile.errorString()),
                            2);
        if (!keyFile.open(QIODevice::ReadOnly))
            return complain(QStringLiteral("Could not read the TLS key %1: %2")
                                .arg(config->tlsKey, keyFile.errorString()),
                            2);
        const QList<QSslCertificate> chain = QSslCertificate::fromDevice(&certFile, QSsl::Pem);
        const QSslKey key(&keyFile, QSsl::Rsa, QSsl::Pem);
        QSslKey usable = key;
        if (usable.isNull()) {
            keyFile.seek(0);
            usable = QSslKey(&keyFile, QSsl::Ec, QSsl::Pem);
        }
        if (chain.isEmpty() || usable.isNull())
            return complain(QStringLiteral("%1 holds no PEM certificate, or %2 no RSA or EC key.")
                                .arg(config->tlsCertificate, config->tlsKey),
                            2);
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificateChain(chain);
        tls.setPrivateKey(usable);
        tls.setProtocol(QSsl::TlsV1_2OrLater);
        server.sslSetup(tls);
    }
    const quint16 port = server.listen(config->listenAddress, config->listenPort);
    if (port == 0)
        return complain(QStringLiteral("Could not listen on %1:%2 (in use, or not allowed).")
                            .arg(config->listenAddress.toString())
                            .arg(config->listenPort),
                        2);
    // Tests ask for port 0 and read the port the system chose from this line.
    qInfo().noquote() << QStringLiteral("listening on %1://%2:%3")
                             .arg(config->insecureHttp ? QStringLiteral("http")
                                                       : QStringLiteral("https"),
                                  config->listenAddress.toString())
                             .arg(port);
    std::unique_ptr<Dispatcher> dispatcher;
    if (config->dispatch.sendsAnything()) {
        const QString host = config->listenAddress == QHostAddress::Any ||
                                     config->listenAddress == QHostAddress::AnyIPv6 ||
                                     config->listenAddress == QHostAddress::AnyIPv4
                                 ? QStringLiteral("127.0.0.1")
                                 : config->listenAddress.toString();
        QUrl self;
        self.setScheme(config->insecureHttp ? QStringLiteral("http") : QStringLiteral("https"));
        self.setHost(host);
        self.setPort(port);
        auto dispatch = config->dispatch.settings(self);
        if (!dispatch)
            return complain(dispatch.error(), 1);
        if (dispatch->smtp)
            qInfo().noquote() << "sending email through"
                              << dispatch->smtp->url.toString(QUrl::RemovePassword);
        if (dispatch->kannel)
            qInfo().noquote() << "sending SMS through"
                              << dispatch->kannel->sendsmsUrl.toString(QUrl::RemoveUserInfo |
                                                                       QUrl::RemoveQuery)
                              << "- delivery reports to"
                              << dispatch->kannel->callbackBase.toString() +
                                     QStringLiteral("/sms/kannel/dlr");
        dispatcher = std::make_unique<Dispatcher>(**db, *dispatch, owner);
        dispatcher->start();
    }
    // Reminders are made whether or not this process sends: the queue waits for one that does.
    ReminderScheduler reminders(**db, int(config->reminderIntervalSeconds * 1000));
    reminders.start();
    std::signal(SIGTERM, [](int) { QCoreApplication::quit(); });
    std::signal(SIGINT, [](int) { QCoreApplication::quit(); });
    return QCoreApplication::exec();
}
