#pragma once

#include "Dispatcher.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QUrl>

class QSettings;

namespace frontdesk::server {

// frontdesk-server's configuration for sending messages: the keys of server.conf below, and
// --smtp URL / --kannel URL on the command line. Passwords and the callback secret come from
// the file (or a file it names), never from the command line, where any local user can read
// them.
//
//   smtp = smtp://[user@]host[:port] | smtps://[user@]host[:port]
//   smtp_password = ... | smtp_password_file = PATH
//   smtp_from = Praxis Müller <noreply@praxis.example>
//   smtp_ca_file = PATH                     (PEM; trusted besides the system's CAs)
//   kannel = http://127.0.0.1:13013/cgi-bin/sendsms
//   kannel_user = ... ; kannel_password = ... | kannel_password_file = PATH
//   kannel_from = +4930123456                (optional sender)
//   kannel_callback_url = http://10.0.0.5:8443   (this server as Kannel reaches it; default the
//                                                 listening address, 127.0.0.1 for any)
//   kannel_callback_secret = ... | kannel_callback_secret_file = PATH  (at least 16 characters)
//   dispatch_interval_seconds = 5 ; dispatch_lease_seconds = 300
//   dispatch_retry_seconds = 60   ; dispatch_max_attempts = 8
struct DispatchConfig
{
    Q_DECLARE_TR_FUNCTIONS(DispatchConfig)
public:
    QString smtp;
    QString smtpPassword;
    QString smtpFrom;
    QString smtpCaFile;
    QString kannel;
    QString kannelUser;
    QString kannelPassword;
    QString kannelFrom;
    QString kannelCallbackUrl;
    QString kannelCallbackSecret;
    double intervalSeconds = 5;
    double leaseSeconds = 300;
    double retrySeconds = 60;
    int maxAttempts = 8;

    // Reads the keys above from the configuration file `path`.
    Status read(const QSettings &file, const QString &path);
    // Checks what was read and the flags together.
    Status validate() const;
    // The dispatcher's settings; `listening` is this server's own base URL (for the callbacks
    // when kannel_callback_url is not set).
    Result<DispatchSettings> settings(const QUrl &listening) const;
    bool sendsAnything() const { return !smtp.isEmpty() || !kannel.isEmpty(); }
};

} // namespace frontdesk::server
