#include "FhirApi.h"
#include "FhirHttpServer.h"
#include "ServerConfig.h"
#include "ServerStorage.h"
#include "ServerUserCommand.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>

#include <csignal>
#include <cstdio>

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
    switch (config->action) {
    case ServerConfig::Action::ShowHelp:
        std::fputs(qPrintable(config->helpText), stdout);
        return 0;
    case ServerConfig::Action::ShowVersion:
        std::printf("frontdesk-server %s\n", FRONTDESK_VERSION);
        return 0;
    case ServerConfig::Action::UserCommand:
        return ServerUserCommand(*config).run(config->userCommand);
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
    std::signal(SIGTERM, [](int) { QCoreApplication::quit(); });
    std::signal(SIGINT, [](int) { QCoreApplication::quit(); });
    return QCoreApplication::exec();
}
