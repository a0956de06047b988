#pragma once

#include "HttpExchange.h"
#include "core/Result.h"

#include <QCoreApplication>

namespace frontdesk {
class Database;
}

namespace frontdesk::server {

// What Kannel calls on frontdesk-server, authenticated by the secret in the URL (Kannel can send
// no other credential): GET /sms/kannel/dlr?secret=S&id=COMMUNICATION&type=%d&reply=%A, a
// delivery report for a message this server sent, and GET
// /sms/kannel/inbound?secret=S&from=%p&to=%P&text=%a, an SMS from a patient (smsbox's get-url).
// An inbound SMS is matched to the patient by number (SearchText's digits, the last nine
// compared, so +49 170 1234567 and 0170 1234567 are one number); no patient or several leave it
// unassigned with the candidates. Answers are empty text, so Kannel sends no reply SMS.
class SmsGateway
{
    Q_DECLARE_TR_FUNCTIONS(SmsGateway)
public:
    SmsGateway(Database &db, QString secret, QString owner)
        : m_db(db), m_secret(std::move(secret)), m_owner(std::move(owner))
    {}

    static bool handles(const QString &path) { return path.startsWith(QLatin1String("/sms/")); }
    HttpResponse handle(const HttpRequest &request);

    // The patients whose mobile or home number is this one.
    Result<QStringList> patientsWithNumber(const QString &phone) const;

private:
    HttpResponse deliveryReport(const HttpRequest &request);
    HttpResponse inbound(const HttpRequest &request);
    static HttpResponse text(int status, const QString &body);

    Database &m_db;
    QString m_secret;
    QString m_owner;
};

} // namespace frontdesk::server
