#include "SmsGateway.h"

#include "DispatchQueue.h"
#include "automation/ReplyHandler.h"
#include "database/Database.h"
#include "domain/SearchText.h"

#include <QCryptographicHash>
#include <QLoggingCategory>
#include <QSqlQuery>

namespace frontdesk::server {

Q_LOGGING_CATEGORY(lcSms, "frontdesk.server.sms")

namespace {

// The significant end of a number: enough to tell numbers apart, the same with or without the
// country code or the trunk 0.
constexpr qsizetype kCompared = 9;
constexpr qsizetype kShortest = 7;

// Kannel writes its parameters as an HTML form does: '+' is a space, "%2B" a plus.
QString formValue(const HttpRequest &request, const QString &key)
{
    QString encoded = request.query.queryItemValue(key, QUrl::FullyEncoded);
    encoded.replace(QLatin1Char('+'), QLatin1Char(' '));
    return QUrl::fromPercentEncoding(encoded.toLatin1());
}

QString digitsOnly(const QString &phone)
{
    QString d = SearchText::phoneDigits(phone);
    if (d.startsWith(QLatin1Char('+')))
        d.remove(0, 1);
    return d;
}

} // namespace

HttpResponse SmsGateway::text(int status, const QString &body)
{
    HttpResponse r;
    r.status = status;
    r.contentType = "text/plain; charset=utf-8";
    r.body = body.toUtf8();
    return r;
}

HttpResponse SmsGateway::handle(const HttpRequest &request)
{
    if (request.method != "GET" && request.method != "POST")
        return text(405, tr("Kannel calls these with GET."));
    // Compared as hashes, so the time taken says nothing about how much of the secret matched.
    const QByteArray given = QCryptographicHash::hash(
        formValue(request, QStringLiteral("secret")).toUtf8(), QCryptographicHash::Sha256);
    const QByteArray expected =
        QCryptographicHash::hash(m_secret.toUtf8(), QCryptographicHash::Sha256);
    if (m_secret.isEmpty() || given != expected) {
        qCWarning(lcSms).noquote()
            << "refused a gateway call with a wrong secret from" << request.remoteAddress;
        return text(403, tr("Wrong or missing secret."));
    }
    if (request.path == QLatin1String("/sms/kannel/dlr"))
        return deliveryReport(request);
    if (request.path == QLatin1String("/sms/kannel/inbound"))
        return inbound(request);
    return text(404, tr("Nothing here: /sms/kannel/dlr and /sms/kannel/inbound."));
}

HttpResponse SmsGateway::deliveryReport(const HttpRequest &request)
{
    const QString id = formValue(request, QStringLiteral("id"));
    bool ok = false;
    const int type = formValue(request, QStringLiteral("type")).toInt(&ok);
    if (id.isEmpty() || !ok)
        return text(400, tr("A delivery report needs id and type."));
    // 1 delivered, 2 undelivered, 16 rejected by the SMSC; 4 (queued) and 8 (accepted by the
    // SMSC) change nothing the front desk sees.
    if (type != 1 && type != 2 && type != 16) {
        qCInfo(lcSms).noquote() << "Communication" << id << "intermediate delivery report" << type;
        return text(200, {});
    }
    const QString reply = formValue(request, QStringLiteral("reply")).left(200);
    const QString reason = type == 16 ? tr("The SMS centre rejected the message: %1").arg(reply)
                                      : tr("The SMS was not delivered: %1").arg(reply);
    auto found = DispatchQueue(m_db, m_owner).recordDelivery(id, type == 1, reason);
    if (!found) {
        qCWarning(lcSms).noquote()
            << "Communication" << id << "delivery report not recorded:" << found.error();
        return text(500, found.error());
    }
    if (!*found)
        return text(404, tr("No message %1 was sent by this server.").arg(id.left(64)));
    qCInfo(lcSms).noquote() << "Communication" << id << (type == 1 ? "delivered" : "not delivered")
                            << "(report" << type << ")";
    return text(200, {});
}

Result<QStringList> SmsGateway::patientsWithNumber(const QString &phone) const
{
    const QString sender = digitsOnly(phone);
    if (sender.size() < kShortest)
        return QStringList();
    const QString tail = sender.right(kCompared);
    auto q = m_db.query(QStringLiteral("SELECT DISTINCT t.id, t.value FROM search_tokens t JOIN "
                                       "resources r ON r.type = t.type AND r.id = t.id WHERE "
                                       "t.type = 'Patient' AND t.param = 'phone' AND "
                                       "r.deleted = 0 AND t.value LIKE ? ORDER BY t.id"),
                        {QStringLiteral("%") + tail});
    if (!q)
        return fail(q.error());
    QStringList ids;
    while (q->next()) {
        const QString number = digitsOnly(q->value(1).toString());
        if (number.size() >= kShortest && number.right(kCompared) == tail &&
            !ids.contains(q->value(0).toString()))
            ids << q->value(0).toString();
    }
    return ids;
}

HttpResponse SmsGateway::inbound(const HttpRequest &request)
{
    const QString from = formValue(request, QStringLiteral("from"));
    const QString body = formValue(request, QStringLiteral("text"));
    if (from.isEmpty())
        return text(400, tr("An inbound SMS needs from (Kannel's %p)."));
    auto patients = patientsWithNumber(from);
    if (!patients)
        return text(500, patients.error());
    Message m;
    m.direction = QStringLiteral("inbound");
    m.channel = QStringLiteral("sms");
    m.purpose = QStringLiteral("administrative");
    m.status = QStringLiteral("received");
    m.body = body;
    m.fromAddress = from;
    m.deliveredAt = QDateTime::fromMSecsSinceEpoch(m_db.clock().nowMs(), Qt::UTC);
    if (patients->size() == 1)
        m.patientId = patients->first();
    else
        m.candidatePatientIds = *patients;
    // The reply's meaning is acted on with the message stored, or neither: never acted on
    // twice. Should acting fail, the message is still kept, unread, for a person.
    const Message asReceived = m;
    ReplyHandler::Outcome outcome;
    QString stored;
    const Status s = m_db.write([&]() -> Status {
        auto handled = ReplyHandler(m_db).handle(m);
        if (!handled)
            return fail(handled.error());
        outcome = *handled;
        auto id = DispatchQueue(m_db, m_owner).storeInbound(m);
        if (!id)
            return fail(id.error());
        stored = *id;
        return {};
    });
    if (!s) {
        qCWarning(lcSms).noquote() << "inbound SMS not acted on:" << s.error();
        outcome = {};
        outcome.note = QStringLiteral("not acted on, see above: left for a person");
        auto id = DispatchQueue(m_db, m_owner).storeInbound(asReceived);
        if (!id) {
            qCWarning(lcSms).noquote() << "inbound SMS not stored:" << id.error();
            return text(500, id.error());
        }
        stored = *id;
    }
    qCInfo(lcSms).noquote()
        << "inbound SMS stored as Communication" << stored
        << (patients->size() == 1
                ? QStringLiteral("(matched)")
                : QStringLiteral("(unassigned, %1 candidates)").arg(patients->size()))
        << QStringLiteral("- reply %1: %2").arg(ReplyWords::name(outcome.meaning), outcome.note);
    return text(200, {});
}

} // namespace frontdesk::server
