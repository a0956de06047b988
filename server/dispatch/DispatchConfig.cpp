#include "DispatchConfig.h"

#include <QFile>
#include <QSettings>
#include <QSslCertificate>

namespace frontdesk::server {

namespace {

// A secret from the file itself or from the file it names.
Status secret(const QSettings &file, const QString &path, const QString &key, QString *out)
{
    const QString fileKey = key + QStringLiteral("_file");
    if (file.contains(key))
        *out = file.value(key).toString();
    if (!file.contains(fileKey))
        return {};
    const QString name = file.value(fileKey).toString();
    QFile f(name);
    if (!f.open(QIODevice::ReadOnly))
        return fail(DispatchConfig::tr("%1: %2: could not read %3: %4")
                        .arg(path, fileKey, name, f.errorString()));
    *out = QString::fromUtf8(f.readAll()).trimmed();
    return {};
}

Status number(const QSettings &file, const QString &path, const QString &key, double minimum,
              double *out)
{
    if (!file.contains(key))
        return {};
    bool ok = false;
    const double v = file.value(key).toString().toDouble(&ok);
    if (!ok || v < minimum)
        return fail(DispatchConfig::tr("%1: %2 must be a number of at least %3.")
                        .arg(path, key)
                        .arg(minimum));
    *out = v;
    return {};
}

} // namespace

Status DispatchConfig::read(const QSettings &file, const QString &path)
{
    smtp = file.value(QStringLiteral("smtp"), smtp).toString();
    smtpFrom = file.value(QStringLiteral("smtp_from"), smtpFrom).toString();
    smtpCaFile = file.value(QStringLiteral("smtp_ca_file"), smtpCaFile).toString();
    kannel = file.value(QStringLiteral("kannel"), kannel).toString();
    kannelUser = file.value(QStringLiteral("kannel_user"), kannelUser).toString();
    kannelFrom = file.value(QStringLiteral("kannel_from"), kannelFrom).toString();
    kannelCallbackUrl =
        file.value(QStringLiteral("kannel_callback_url"), kannelCallbackUrl).toString();
    for (const auto &[key, target] :
         {std::pair{QStringLiteral("smtp_password"), &smtpPassword},
          std::pair{QStringLiteral("kannel_password"), &kannelPassword},
          std::pair{QStringLiteral("kannel_callback_secret"), &kannelCallbackSecret}}) {
        if (auto s = secret(file, path, key, target); !s)
            return s;
    }
    for (const auto &[key, minimum, target] :
         {std::tuple{QStringLiteral("dispatch_interval_seconds"), 0.05, &intervalSeconds},
          std::tuple{QStringLiteral("dispatch_lease_seconds"), 1.0, &leaseSeconds},
          std::tuple{QStringLiteral("dispatch_retry_seconds"), 0.05, &retrySeconds}}) {
        if (auto s = number(file, path, key, minimum, target); !s)
            return s;
    }
    double attempts = maxAttempts;
    if (auto s = number(file, path, QStringLiteral("dispatch_max_attempts"), 1, &attempts); !s)
        return s;
    maxAttempts = int(attempts);
    return {};
}

Status DispatchConfig::validate() const
{
    if (!smtp.isEmpty()) {
        const QUrl url(smtp, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("smtp") && url.scheme() != QLatin1String("smtps")))
            return fail(tr("smtp must read smtp://[user@]host[:port] or smtps://...; got \"%1\".")
                            .arg(QUrl(smtp).toString(QUrl::RemovePassword)));
        if (!url.password().isEmpty())
            return fail(tr("The SMTP password belongs in smtp_password or smtp_password_file of "
                           "the configuration file, not in the URL."));
        if (!smtpFrom.contains(QLatin1Char('@')))
            return fail(tr("Sending email needs smtp_from, the sender's address, e.g. Praxis "
                           "<noreply@praxis.example>."));
        if (!url.userName().isEmpty() && smtpPassword.isEmpty())
            return fail(tr("The SMTP user %1 needs smtp_password or smtp_password_file.")
                            .arg(url.userName()));
    }
    if (!kannel.isEmpty()) {
        const QUrl url(kannel, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
            return fail(tr("kannel must be the URL of smsbox's sendsms, e.g. "
                           "http://127.0.0.1:13013/cgi-bin/sendsms; got \"%1\".")
                            .arg(QUrl(kannel).toString(QUrl::RemovePassword | QUrl::RemoveQuery)));
        if (kannelUser.isEmpty() || kannelPassword.isEmpty())
            return fail(tr("Sending SMS needs kannel_user and kannel_password (or "
                           "kannel_password_file): a sendsms-user of smsbox."));
        if (kannelCallbackSecret.size() < 16)
            return fail(tr("Sending SMS needs kannel_callback_secret (or "
                           "kannel_callback_secret_file) of at least 16 characters: Kannel "
                           "puts it in every delivery report and inbound SMS it sends here."));
        if (!kannelCallbackUrl.isEmpty() && !QUrl(kannelCallbackUrl, QUrl::StrictMode).isValid())
            return fail(tr("kannel_callback_url is not a URL: \"%1\".").arg(kannelCallbackUrl));
    }
    return {};
}

Result<DispatchSettings> DispatchConfig::settings(const QUrl &listening) const
{
    DispatchSettings s;
    s.pollMs = int(intervalSeconds * 1000);
    s.leaseMs = qint64(leaseSeconds * 1000);
    s.retryBaseMs = qint64(retrySeconds * 1000);
    s.maxAttempts = maxAttempts;
    if (!smtp.isEmpty()) {
        SmtpSettings smtpSettings;
        smtpSettings.url = QUrl(smtp);
        smtpSettings.password = smtpPassword;
        smtpSettings.from = smtpFrom;
        if (!smtpCaFile.isEmpty()) {
            smtpSettings.caCertificates = QSslCertificate::fromPath(smtpCaFile);
            if (smtpSettings.caCertificates.isEmpty())
                return fail(tr("smtp_ca_file %1 holds no PEM certificate.").arg(smtpCaFile));
        }
        s.smtp = smtpSettings;
    }
    if (!kannel.isEmpty()) {
        KannelSettings k;
        k.sendsmsUrl = QUrl(kannel);
        k.user = kannelUser;
        k.password = kannelPassword;
        k.from = kannelFrom;
        k.callbackSecret = kannelCallbackSecret;
        k.callbackBase = kannelCallbackUrl.isEmpty() ? listening : QUrl(kannelCallbackUrl);
        s.kannel = k;
    }
    return s;
}

} // namespace frontdesk::server
