#pragma once

#include "DispatchQueue.h"
#include "KannelClient.h"
#include "SendResult.h"
#include "SmtpClient.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>

#include <optional>

namespace frontdesk {
class Database;
}

namespace frontdesk::server {

struct DispatchSettings
{
    std::optional<SmtpSettings> smtp;     // no relay: email messages wait, queued
    std::optional<KannelSettings> kannel; // no gateway: SMS wait, queued
    int pollMs = 5000;
    qint64 leaseMs = 5 * 60 * 1000; // longer than any one send can take
    qint64 retryBaseMs = 60 * 1000; // the first retry's wait, doubled each time
    qint64 retryMaxMs = 60 * 60 * 1000;
    int maxAttempts = 8; // temporary failures in a row before the message is failed
};

// Sends the queued outbound messages of frontdesk-server, one at a time per process: takes the
// next due one (DispatchQueue), finds the patient's address in their Patient record, asks the
// contact rule (ContactPolicy, with the patient's preferences and the clinic's quiet hours in
// its zone: ClinicContext) whether it may go now, hands the message to the SMTP relay or
// Kannel, and records the outcome. A message the rule refuses fails with the rule's reason; an
// SMS inside quiet hours stays queued until they end, which is not counted as an attempt. Any
// number of processes may run it on one database; each also finds the messages of processes that
// died mid-send.
class Dispatcher : public QObject
{
    Q_OBJECT
public:
    Dispatcher(Database &db, DispatchSettings settings, QString owner, QObject *parent = nullptr);

    void start();
    // The wait before attempt `attempts` + 1 after a temporary failure.
    static qint64 backoffMs(const DispatchSettings &settings, int attempts);

private:
    void tick();
    void process(const DispatchQueue::Claim &claim);
    void sendEmail(const DispatchQueue::Claim &claim, const Message &m, const QString &to);
    void sendSms(const DispatchQueue::Claim &claim, const Message &m, const QString &to);
    void hold(const DispatchQueue::Claim &claim, const QDateTime &until, const QString &reason);
    void done(const DispatchQueue::Claim &claim, const SendResult &result);
    void next();

    Database &m_db;
    DispatchSettings m_settings;
    DispatchQueue m_queue;
    QNetworkAccessManager m_network;
    QTimer m_timer;
    bool m_busy = false;
};

} // namespace frontdesk::server
