#include "ServerWorkstationCommand.h"

#include "AppEnvironment.h"
#include "ServerStorage.h"
#include "Workstations.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace frontdesk::server {

namespace {

QString isoTime(qint64 ms)
{
    return ms == 0 ? QString() : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

} // namespace

ServerWorkstationCommand::ServerWorkstationCommand(ServerConfig config)
    : m_config(std::move(config)), m_out(stdout), m_err(stderr)
{}

int ServerWorkstationCommand::usage(const QString &problem)
{
    m_err << "frontdesk-server: " << problem << '\n'
          << tr("Usage: frontdesk-server [--config PATH] [--data-dir DIR | --database URL] "
                "workstation list [--json] | workstation revoke ID")
          << '\n'
          << Qt::flush;
    return 1;
}

int ServerWorkstationCommand::failure(const QString &message)
{
    m_err << "frontdesk-server: " << message << '\n' << Qt::flush;
    return 2;
}

int ServerWorkstationCommand::run(const QStringList &arguments)
{
    const QString sub = arguments.value(1);
    const QStringList rest = arguments.mid(2);
    const bool list = sub == QLatin1String("list") &&
                      (rest.isEmpty() || rest == QStringList{QStringLiteral("--json")});
    const bool revoke = sub == QLatin1String("revoke") && rest.size() == 1 &&
                        !rest.first().startsWith(QLatin1Char('-'));
    if (!list && !revoke)
        return usage(sub.isEmpty() ? tr("workstation needs list or revoke.")
                                   : tr("unknown or incomplete: workstation %1")
                                         .arg(arguments.mid(1).join(QLatin1Char(' '))));
    auto db = ServerStorage::open(m_config);
    if (!db)
        return failure(db.error());
    // The trail names the command and the operating-system user who ran it.
    (*db)->setActor(Actor::system(QStringLiteral("frontdesk-server workstation (os user %1)")
                                      .arg(AppEnvironment::operatingSystemUser())));
    Workstations workstations(**db);

    if (revoke) {
        auto revoked = workstations.revoke(rest.first());
        if (!revoked)
            return failure(revoked.error());
        m_out << tr("Revoked workstation %1 (%2): its tokens stop working now.")
                     .arg(revoked->name, revoked->id)
              << '\n'
              << Qt::flush;
        return 0;
    }

    auto all = workstations.list();
    if (!all)
        return failure(all.error());
    if (rest.contains(QStringLiteral("--json"))) {
        QJsonArray out;
        for (const WorkstationRecord &w : std::as_const(*all))
            out.append(
                QJsonObject{{QStringLiteral("id"), w.id},
                            {QStringLiteral("name"), w.name},
                            {QStringLiteral("enrolled_by"), w.enrolledBy},
                            {QStringLiteral("enrolled_at"), isoTime(w.enrolledAt)},
                            {QStringLiteral("last_seen_at"),
                             w.lastSeenAt ? QJsonValue(isoTime(w.lastSeenAt)) : QJsonValue()},
                            {QStringLiteral("revoked_at"),
                             w.revokedAt ? QJsonValue(isoTime(w.revokedAt)) : QJsonValue()},
                            {QStringLiteral("state"),
                             w.revokedAt ? QStringLiteral("revoked") : QStringLiteral("active")}});
        m_out << QJsonDocument(out).toJson(QJsonDocument::Indented) << Qt::flush;
        return 0;
    }
    if (all->isEmpty()) {
        m_out << tr("No workstation is enrolled yet: run frontdeskctl enroll on one.") << '\n'
              << Qt::flush;
        return 0;
    }
    m_out << tr("ID").leftJustified(38) << tr("NAME").leftJustified(24)
          << tr("ENROLLED BY").leftJustified(16) << tr("ENROLLED AT").leftJustified(22)
          << tr("LAST SEEN").leftJustified(22) << tr("STATE") << '\n';
    for (const WorkstationRecord &w : std::as_const(*all))
        m_out << w.id.leftJustified(38) << w.name.left(23).leftJustified(24)
              << w.enrolledBy.left(15).leftJustified(16) << isoTime(w.enrolledAt).leftJustified(22)
              << (w.lastSeenAt ? isoTime(w.lastSeenAt) : tr("never")).leftJustified(22)
              << (w.revokedAt ? tr("revoked %1").arg(isoTime(w.revokedAt)) : tr("active")) << '\n';
    m_out.flush();
    return 0;
}

} // namespace frontdesk::server
