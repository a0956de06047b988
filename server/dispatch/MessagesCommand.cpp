#include "MessagesCommand.h"

#include "DispatchQueue.h"
#include "ServerStorage.h"
#include "database/Database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace frontdesk::server {

namespace {

QString utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

} // namespace

int MessagesCommand::run(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const bool json = arguments == QStringList{QStringLiteral("--json")};
    if (!json && !arguments.isEmpty()) {
        err << "frontdesk-server: " << tr("messages takes only --json.") << '\n';
        return 2;
    }
    auto db = ServerStorage::open(m_config);
    if (!db) {
        err << "frontdesk-server: " << db.error() << '\n';
        return 1;
    }
    auto overview = DispatchQueue(**db, {}).overview(50);
    if (!overview) {
        err << "frontdesk-server: " << overview.error() << '\n';
        return 1;
    }
    if (json) {
        QJsonObject counts;
        for (const auto &c : overview->counts) {
            QJsonObject channel = counts.value(c.channel).toObject();
            channel.insert(c.state, c.count);
            counts.insert(c.channel, channel);
        }
        QJsonArray attention;
        for (const auto &e : overview->attention)
            attention.append(QJsonObject{
                {QStringLiteral("communication"), e.communicationId},
                {QStringLiteral("channel"), e.channel},
                {QStringLiteral("state"), e.state},
                {QStringLiteral("attempts"), e.attempts},
                {QStringLiteral("updated"), utc(e.updatedAt)},
                {QStringLiteral("next_attempt"),
                 e.state == QLatin1String("due") ? QJsonValue(utc(e.nextAttemptAt)) : QJsonValue()},
                {QStringLiteral("reason"), e.reason}});
        out << QJsonDocument(QJsonObject{{QStringLiteral("counts"), counts},
                                         {QStringLiteral("attention"), attention}})
                   .toJson(QJsonDocument::Indented);
        return 0;
    }
    if (overview->counts.isEmpty())
        out << tr("No message has been queued for sending yet.") << '\n';
    for (const auto &c : overview->counts)
        out << qSetFieldWidth(7) << Qt::left << c.channel << qSetFieldWidth(9) << c.state
            << qSetFieldWidth(0) << c.count << '\n';
    if (!overview->attention.isEmpty())
        out << '\n' << tr("Failed, of unknown outcome, or being retried (newest first):") << '\n';
    for (const auto &e : overview->attention) {
        out << "  Communication/" << e.communicationId << "  " << e.channel << "  " << e.state
            << "  " << tr("%n attempt(s)", nullptr, e.attempts) << "  " << utc(e.updatedAt);
        if (e.state == QLatin1String("due"))
            out << "  " << tr("next %1").arg(utc(e.nextAttemptAt));
        out << "\n    " << e.reason << '\n';
    }
    return 0;
}

} // namespace frontdesk::server
