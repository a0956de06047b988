#include "Dispatcher.h"

#include "MimeMessage.h"
#include "ResourceStore.h"
#include "automation/AutomatedRecords.h"
#include "automation/ClinicContext.h"
#include "database/Database.h"
#include "domain/SearchText.h"
#include "fhir/FhirMapping.h"

#include <QLoggingCategory>

namespace frontdesk::server {

Q_LOGGING_CATEGORY(lcDispatch, "frontdesk.server.dispatch")

Dispatcher::Dispatcher(Database &db, DispatchSettings settings, QString owner, QObject *parent)
    : QObject(parent), m_db(db), m_settings(std::move(settings)), m_queue(db, std::move(owner))
{
    m_timer.setInterval(m_settings.pollMs);
    connect(&m_timer, &QTimer::timeout, this, &Dispatcher::tick);
}

void Dispatcher::start()
{
    m_timer.start();
    QTimer::singleShot(0, this, &Dispatcher::tick);
}

qint64 Dispatcher::backoffMs(const DispatchSettings &settings, int attempts)
{
    qint64 wait = settings.retryBaseMs;
    for (int i = 1; i < attempts && wait < settings.retryMaxMs; ++i)
        wait *= 2;
    return std::min(wait, settings.retryMaxMs);
}

void Dispatcher::tick()
{
    if (m_busy)
        return;
    if (auto expired = m_queue.expireLeases(); !expired)
        qCWarning(lcDispatch).noquote()
            << "could not look for interrupted sends:" << expired.error();
    else if (*expired > 0)
        qCWarning(lcDispatch).noquote()
            << *expired << "message(s) were being sent by a server that stopped: recorded as "
            << "failed with an unknown outcome, not sent again";
    QStringList channels;
    if (m_settings.smtp)
        channels << QStringLiteral("email");
    if (m_settings.kannel)
        channels << QStringLiteral("sms");
    auto claim = m_queue.claimNext(channels, m_settings.leaseMs);
    if (!claim) {
        qCWarning(lcDispatch).noquote() << "could not take the next message:" << claim.error();
        return;
    }
    if (!claim->has_value())
        return;
    m_busy = true;
    process(**claim);
}

void Dispatcher::process(const DispatchQueue::Claim &claim)
{
    const auto endWith = [&](SendResult::Kind kind, const QString &reason, const QString &logCode) {
        SendResult r;
        r.kind = kind;
        r.reason = reason;
        r.logCode = logCode;
        done(claim, r);
    };
    const auto failNow = [&](const QString &reason, const QString &logCode) {
        endWith(SendResult::Kind::Permanent, reason, logCode);
    };
    auto m = m_queue.message(claim.communicationId);
    if (!m)
        return failNow(m.error(), QStringLiteral("no such Communication"));
    auto stored = ResourceStore(m_db).current(QStringLiteral("Patient"), m->patientId);
    if (!stored || !stored->has_value() || (*stored)->deleted)
        return failNow(tr("The patient %1 is not on this server.").arg(m->patientId),
                       QStringLiteral("no patient"));
    auto patient = FhirMapping::patientFromFhir((*stored)->content);
    if (!patient)
        return failNow(patient.error(), QStringLiteral("unreadable patient"));
    // The rule again at the moment of sending: a STOP, an opt-out or quiet hours may have come
    // since the message was queued. The patient's preferred channel is not in the synced
    // Patient; the channel the message was queued for stands for it.
    auto clinic = ClinicContext::load(m_db);
    if (!clinic)
        return endWith(SendResult::Kind::Temporary, clinic.error(),
                       QStringLiteral("clinic settings unreadable"));
    auto facts = AutomatedRecords(m_db).contactFacts(m->patientId, claim.channel);
    if (!facts)
        return endWith(SendResult::Kind::Temporary, facts.error(),
                       QStringLiteral("preferences unreadable"));
    const QDateTime now = m_db.clock().nowUtc();
    const ContactDecision decision =
        clinic->policy().decide(*facts, m->purpose, claim.channel, now);
    if (decision.action == ContactDecision::Action::CallTask ||
        decision.action == ContactDecision::Action::LetterTask)
        return failNow(tr("Not sent: the patient wants a phone call or a letter for this "
                          "instead."),
                       QStringLiteral("refused by the contact rule"));
    if (!decision.allowed)
        return failNow(tr("Not sent: %1").arg(decision.reason),
                       QStringLiteral("refused by the contact rule"));
    if (decision.sendAtUtc > now)
        return hold(claim, decision.sendAtUtc, decision.reason);
    if (claim.channel == QLatin1String("email")) {
        if (patient->email.trimmed().isEmpty())
            return failNow(tr("The patient has no email address."), QStringLiteral("no address"));
        sendEmail(claim, *m, patient->email.trimmed());
    } else {
        const QString phone =
            !patient->phoneMobile.trimmed().isEmpty() ? patient->phoneMobile : patient->phoneHome;
        if (phone.trimmed().isEmpty())
            return failNow(tr("The patient has no phone number."), QStringLiteral("no number"));
        // Kannel reads a space in `to` as the start of another recipient.
        sendSms(claim, *m, SearchText::phoneDigits(phone));
    }
}

void Dispatcher::sendEmail(const DispatchQueue::Claim &claim, const Message &m, const QString &to)
{
    const SmtpSettings &smtp = *m_settings.smtp;
    MimeMessage mail;
    mail.from = smtp.from;
    mail.to = to;
    mail.subject = m.subject;
    mail.body = m.body;
    // The idempotency key in the message itself: a relay or a mailbox that sees the same
    // Message-ID twice knows it is one message.
    const QString fromAddress = MimeMessage::addressOf(smtp.from);
    const QString domain = fromAddress.mid(fromAddress.indexOf(QLatin1Char('@')) + 1);
    mail.messageId = claim.communicationId + QLatin1Char('@') + domain;
    mail.date = QDateTime::fromMSecsSinceEpoch(m_db.clock().nowMs(), Qt::UTC);
    auto *client = new SmtpClient(smtp, this);
    const QString messageId = QLatin1Char('<') + mail.messageId + QLatin1Char('>');
    connect(client, &SmtpClient::finished, this, [this, client, claim, messageId](SendResult r) {
        client->deleteLater();
        if (r.kind == SendResult::Kind::Sent)
            r.providerId = messageId;
        done(claim, r);
    });
    client->send(fromAddress, to, mail.toBytes());
}

void Dispatcher::sendSms(const DispatchQueue::Claim &claim, const Message &m, const QString &to)
{
    auto *client = new KannelClient(*m_settings.kannel, m_network, this);
    connect(client, &KannelClient::finished, this, [this, client, claim](const SendResult &r) {
        client->deleteLater();
        done(claim, r);
    });
    client->send(claim.communicationId, to, m.body);
}

void Dispatcher::hold(const DispatchQueue::Claim &claim, const QDateTime &until,
                      const QString &reason)
{
    const Status recorded =
        m_queue.record(claim, DispatchQueue::Outcome::Held, reason, until.toMSecsSinceEpoch());
    if (recorded)
        qCInfo(lcDispatch).noquote()
            << "Communication" << claim.communicationId << claim.channel
            << "held by quiet hours until" << until.toUTC().toString(Qt::ISODate);
    else
        qCWarning(lcDispatch).noquote()
            << "Communication" << claim.communicationId << "hold not recorded:" << recorded.error();
    next();
}

void Dispatcher::next()
{
    m_busy = false;
    QTimer::singleShot(0, this, &Dispatcher::tick);
}

void Dispatcher::done(const DispatchQueue::Claim &claim, const SendResult &result)
{
    Status recorded;
    const QString id = claim.communicationId;
    switch (result.kind) {
    case SendResult::Kind::Sent:
        recorded = m_queue.record(claim, DispatchQueue::Outcome::Sent, result.providerId);
        qCInfo(lcDispatch).noquote() << "Communication" << id << claim.channel << "sent"
                                     << QStringLiteral("(%1)").arg(result.logCode);
        break;
    case SendResult::Kind::Temporary:
        if (claim.attempts >= m_settings.maxAttempts) {
            recorded = m_queue.record(claim, DispatchQueue::Outcome::Failed,
                                      tr("Gave up after %1 attempts; the last: %2")
                                          .arg(claim.attempts)
                                          .arg(result.reason));
            qCWarning(lcDispatch).noquote()
                << "Communication" << id << claim.channel << "failed after" << claim.attempts
                << "attempts" << QStringLiteral("(%1)").arg(result.logCode);
        } else {
            const qint64 wait = backoffMs(m_settings, claim.attempts);
            recorded = m_queue.record(claim, DispatchQueue::Outcome::Retry, result.reason,
                                      m_db.clock().nowMs() + wait);
            qCWarning(lcDispatch).noquote()
                << "Communication" << id << claim.channel
                << QStringLiteral("temporary failure (%1), attempt %2 - next in %3 s")
                       .arg(result.logCode)
                       .arg(claim.attempts)
                       .arg(double(wait) / 1000);
        }
        break;
    case SendResult::Kind::Permanent:
        recorded = m_queue.record(claim, DispatchQueue::Outcome::Failed, result.reason);
        qCWarning(lcDispatch).noquote() << "Communication" << id << claim.channel << "failed"
                                        << QStringLiteral("(%1)").arg(result.logCode);
        break;
    case SendResult::Kind::Unknown:
        recorded = m_queue.record(claim, DispatchQueue::Outcome::Unknown, result.reason);
        qCWarning(lcDispatch).noquote()
            << "Communication" << id << claim.channel
            << QStringLiteral("outcome unknown: the connection broke after the message was "
                              "handed over (%1); not sent again")
                   .arg(result.logCode);
        break;
    }
    if (!recorded)
        qCWarning(lcDispatch).noquote()
            << "Communication" << id << "outcome not recorded:" << recorded.error();
    next();
}

} // namespace frontdesk::server
