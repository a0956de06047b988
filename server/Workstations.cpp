#include "Workstations.h"

#include "JsonInput.h"
#include "OperationOutcome.h"
#include "access/AuditLog.h"
#include "access/Permissions.h"
#include "database/Database.h"
#include "database/DatabaseKeys.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace frontdesk::server {

HttpResponse Workstations::enroll(const Principal &who, const HttpRequest &request)
{
    // A workstation may not enroll others: only a person answers for a new one.
    if (who.isWorkstation())
        return OperationOutcome::response(403, QStringLiteral("forbidden"),
                                          tr("Enroll with an administrator's own token (POST "
                                             "/auth/login), not a workstation's."));
    if (!Permissions::allows(who.role, Permission::ManageUsers))
        return OperationOutcome::response(
            403, QStringLiteral("forbidden"),
            tr("The role %1 may not %2; enrolling a workstation takes an administrator.")
                .arg(Roles::name(who.role), Permissions::describe(Permission::ManageUsers)));
    auto json = JsonInput::parseObject(request.body);
    if (!json)
        return OperationOutcome::response(400, QStringLiteral("invalid"), json.error());
    const QString name = json->value(QStringLiteral("name")).toString().simplified();
    if (name.isEmpty())
        return OperationOutcome::response(
            400, QStringLiteral("required"),
            tr("Send {\"name\": \"...\"} as JSON: the workstation's name, e.g. \"Reception 1\"."));
    if (name.size() > maxNameLength)
        return OperationOutcome::response(
            400, QStringLiteral("invalid"),
            tr("The workstation's name is longer than %1 characters.").arg(maxNameLength));

    const QByteArray secret = DatabaseKeys::generateKey().toBase64(QByteArray::Base64UrlEncoding |
                                                                   QByteArray::OmitTrailingEquals);
    if (secret.size() < 40)
        return OperationOutcome::response(500, QStringLiteral("exception"),
                                          tr("No random numbers for a workstation secret."));
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const qint64 now = m_db.clock().nowMs();
    const Status stored = m_db.write([&]() -> Status {
        if (auto q = m_db.query(QStringLiteral("INSERT INTO workstations (id, name, secret_hash, "
                                               "enrolled_by, enrolled_at) VALUES (?, ?, ?, ?, ?)"),
                                {id, name, AuthService::hashToken(secret), who.accountId, now});
            !q)
            return fail(q.error());
        const Actor previous = m_db.actor();
        m_db.setActor(who.actor());
        AuditEntry entry;
        entry.action = QStringLiteral("workstation-enroll");
        entry.entityType = QStringLiteral("Workstation");
        entry.entityId = id;
        entry.detail = {{QStringLiteral("name"), name},
                        {QStringLiteral("remote"), request.remoteAddress},
                        {QStringLiteral("via"), QStringLiteral("frontdesk-server")}};
        auto appended = AuditLog(m_db).append(entry);
        m_db.setActor(previous);
        if (!appended)
            return fail(appended.error());
        return {};
    });
    if (!stored)
        return OperationOutcome::response(500, QStringLiteral("exception"), stored.error());

    HttpResponse r;
    r.status = 201;
    r.contentType = "application/json";
    r.setHeader("Cache-Control", "no-store");
    r.body = QJsonDocument(
                 QJsonObject{{QStringLiteral("workstation_id"), id},
                             {QStringLiteral("secret"), QString::fromLatin1(secret)},
                             {QStringLiteral("name"), name},
                             {QStringLiteral("enrolled_by"), who.username},
                             {QStringLiteral("enrolled_at"),
                              QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).toString(Qt::ISODate)}})
                 .toJson(QJsonDocument::Compact);
    return r;
}

Result<QList<WorkstationRecord>> Workstations::list() const
{
    auto q = m_db.query(QStringLiteral("SELECT w.id, w.name, COALESCE(a.username, ''), "
                                       "w.enrolled_at, w.last_seen_at, w.revoked_at "
                                       "FROM workstations w LEFT JOIN staff_accounts a "
                                       "ON a.id = w.enrolled_by ORDER BY w.enrolled_at, w.id"));
    if (!q)
        return fail(q.error());
    QList<WorkstationRecord> all;
    while (q->next())
        all.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                    q->value(3).toLongLong(), q->value(4).toLongLong(), q->value(5).toLongLong()});
    return all;
}

Result<WorkstationRecord> Workstations::revoke(const QString &idOrName)
{
    auto all = list();
    if (!all)
        return fail(all.error());
    QList<WorkstationRecord> matching;
    for (const WorkstationRecord &w : *all) {
        if (w.id == idOrName)
            matching = {w};
    }
    if (matching.isEmpty()) {
        for (const WorkstationRecord &w : *all) {
            if (w.revokedAt == 0 && w.name.compare(idOrName, Qt::CaseInsensitive) == 0)
                matching << w;
        }
    }
    if (matching.isEmpty())
        return fail(
            tr("There is no workstation %1; see frontdesk-server workstation list.").arg(idOrName));
    if (matching.size() > 1)
        return fail(tr("%1 workstations are named \"%2\"; revoke one by its id.")
                        .arg(matching.size())
                        .arg(idOrName));
    WorkstationRecord w = matching.first();
    if (w.revokedAt != 0)
        return fail(tr("The workstation %1 (%2) was already revoked.").arg(w.name, w.id));
    w.revokedAt = m_db.clock().nowMs();
    const Status done = m_db.write([&]() -> Status {
        if (auto q =
                m_db.query(QStringLiteral("UPDATE workstations SET revoked_at = ? WHERE id = ? "
                                          "AND revoked_at = 0"),
                           {w.revokedAt, w.id});
            !q)
            return fail(q.error());
        if (auto q = m_db.query(
                QStringLiteral("DELETE FROM workstation_tokens WHERE workstation_id = ?"), {w.id});
            !q)
            return fail(q.error());
        AuditEntry entry;
        entry.action = QStringLiteral("workstation-revoke");
        entry.entityType = QStringLiteral("Workstation");
        entry.entityId = w.id;
        entry.detail = {{QStringLiteral("name"), w.name}};
        if (auto a = AuditLog(m_db).append(entry); !a)
            return fail(a.error());
        return {};
    });
    if (!done)
        return fail(done.error());
    return w;
}

} // namespace frontdesk::server
