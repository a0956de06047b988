#include "ServerEndpoint.h"

#include "database/Database.h"

namespace frontdesk {

namespace {

const QString kUrl = QStringLiteral("sync_server_url");
const QString kCaFile = QStringLiteral("sync_ca_file");
const QString kPin = QStringLiteral("sync_pin_sha256");
const QString kInsecure = QStringLiteral("sync_insecure");

} // namespace

Result<QUrl> ServerEndpoint::parseUrl(const QString &text, bool insecure)
{
    const QString trimmed = text.trimmed();
    // A bare host means https, never a guess at http.
    QUrl url(trimmed.contains(QLatin1String("://")) ? trimmed
                                                    : QStringLiteral("https://") + trimmed,
             QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty())
        return fail(tr("\"%1\" is not a server address such as https://fd.clinic.example:8443.")
                        .arg(text.left(200)));
    if (scheme == QLatin1String("http") && !insecure)
        return fail(tr("%1 is plain HTTP: everything, passwords included, would cross the network "
                       "readable. Use https://, or --insecure-http for development only.")
                        .arg(url.toDisplayString()));
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return fail(tr("%1 is not an https:// address.").arg(url.toDisplayString()));
    if (url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
        return fail(tr("The server address takes no user, query or fragment: %1")
                        .arg(url.toDisplayString()));
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    return url;
}

Status ServerEndpoint::validate() const
{
    if (auto parsed = parseUrl(url.toString(), insecure); !parsed)
        return fail(parsed.error());
    if (!pinSha256.isEmpty()) {
        const auto decoded = QByteArray::fromBase64Encoding(pinSha256.toLatin1());
        if (!decoded || decoded.decoded.size() != 32)
            return fail(tr("The pin \"%1\" is not a base64 SHA-256 (44 characters ending in '='), "
                           "e.g. from: openssl x509 -in server.pem -pubkey -noout | openssl pkey "
                           "-pubin -outform der | openssl dgst -sha256 -binary | base64")
                            .arg(pinSha256.left(80)));
    }
    return {};
}

Result<ServerEndpoint> ServerEndpoint::fromSettings(const Database &db)
{
    ServerEndpoint e;
    const QString url = db.setting(kUrl);
    if (url.isEmpty())
        return fail(tr("This workstation is not enrolled with a server: frontdeskctl enroll "
                       "--server URL --user ADMIN, or Workstation → Connect to server…"));
    e.url = QUrl(url);
    e.caFile = db.setting(kCaFile);
    e.pinSha256 = db.setting(kPin);
    e.insecure = db.setting(kInsecure) == QLatin1String("1");
    return e;
}

Status ServerEndpoint::saveTo(Database &db) const
{
    for (const auto &[key, value] :
         {std::pair{kUrl, url.toString()}, std::pair{kCaFile, caFile}, std::pair{kPin, pinSha256},
          std::pair{kInsecure, insecure ? QStringLiteral("1") : QStringLiteral("0")}}) {
        if (auto s = db.setSetting(key, value); !s)
            return s;
    }
    return {};
}

} // namespace frontdesk
