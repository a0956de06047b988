#include "AuthService.h"

#include "JsonInput.h"
#include "OperationOutcome.h"
#include "access/AuditLog.h"
#include "access/Permissions.h"
#include "access/SignIn.h"
#include "database/Database.h"
#include "database/DatabaseKeys.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace frontdesk::server {

QString AuthService::hashToken(const QByteArray &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex());
}

std::optional<HttpResponse> AuthService::throttle(const QString &remote, qint64 now)
{
    // Counted before any password or secret is looked at, so a flood costs no Argon2id time.
    Result<qint64> recent = qint64(0);
    const Status counted = m_db.write([&]() -> Status {
        if (auto q = m_db.query(QStringLiteral("DELETE FROM login_attempts WHERE attempted_at < ?"),
                                {now - 3'600'000});
            !q)
            return fail(q.error());
        recent = [&]() -> Result<qint64> {
            auto v = m_db.scalar(QStringLiteral("SELECT count(*) FROM login_attempts WHERE "
                                                "remote = ? AND attempted_at > ?"),
                                 {remote, now - 60'000});
            if (!v)
                return fail(v.error());
            return v->toLongLong();
        }();
        if (!recent)
            return fail(recent.error());
        if (auto q = m_db.query(QStringLiteral("INSERT INTO login_attempts (remote, attempted_at) "
                                               "VALUES (?, ?)"),
                                {remote, now});
            !q)
            return fail(q.error());
        return {};
    });
    if (!counted)
        return OperationOutcome::response(500, QStringLiteral("exception"), counted.error());
    if (*recent >= m_settings.attemptsPerMinute) {
        HttpResponse r = OperationOutcome::response(
            429, QStringLiteral("throttled"),
            tr("Too many sign-in attempts from this address; wait a minute and try again."));
        r.setHeader("Retry-After", "60");
        return r;
    }
    return std::nullopt;
}

Status AuthService::forgive(const QString &remote, qint64 at)
{
    auto q = m_db.query(QStringLiteral("DELETE FROM login_attempts WHERE id = (SELECT max(id) FROM "
                                       "login_attempts WHERE remote = ? AND attempted_at = ?)"),
                        {remote, at});
    return q ? Status() : fail(q.error());
}

Result<QByteArray> AuthService::issueToken(const QString &table, const QString &ownerColumn,
                                           const QString &owner, qint64 expires)
{
    const QByteArray token = DatabaseKeys::generateKey().toBase64(QByteArray::Base64UrlEncoding |
                                                                  QByteArray::OmitTrailingEquals);
    if (token.size() < 40)
        return fail(tr("No random numbers for a token."));
    const qint64 now = m_db.clock().nowMs();
    // table and ownerColumn are this class's constants, never request text.
    const Status stored = m_db.write([&]() -> Status {
        if (auto q =
                m_db.query(QStringLiteral("DELETE FROM %1 WHERE expires_at < ?").arg(table), {now});
            !q)
            return fail(q.error());
        if (auto q = m_db.query(QStringLiteral("INSERT INTO %1 (token_hash, %2, issued_at, "
                                               "expires_at) VALUES (?, ?, ?, ?)")
                                    .arg(table, ownerColumn),
                                {hashToken(token), owner, now, expires});
            !q)
            return fail(q.error());
        return {};
    });
    if (!stored)
        return fail(stored.error());
    return token;
}

HttpResponse AuthService::tokenResponse(const QByteArray &token, int lifetimeMinutes,
                                        qint64 expires, QJsonObject extra)
{
    extra.insert(QStringLiteral("access_token"), QString::fromLatin1(token));
    extra.insert(QStringLiteral("token_type"), QStringLiteral("Bearer"));
    extra.insert(QStringLiteral("expires_in"), lifetimeMinutes * 60);
    extra.insert(QStringLiteral("expires_at"),
                 QDateTime::fromMSecsSinceEpoch(expires, Qt::UTC).toString(Qt::ISODate));
    HttpResponse r;
    r.contentType = "application/json";
    r.setHeader("Cache-Control", "no-store");
    r.body = QJsonDocument(extra).toJson(QJsonDocument::Compact);
    return r;
}

HttpResponse AuthService::login(const HttpRequest &request)
{
    const qint64 tried = m_db.clock().nowMs();
    if (auto refused = throttle(request.remoteAddress, tried))
        return *refused;

    auto json = JsonInput::parseObject(request.body);
    if (!json)
        return OperationOutcome::response(400, QStringLiteral("invalid"), json.error());
    const QString username = json->value(QStringLiteral("username")).toString();
    const QString password = json->value(QStringLiteral("password")).toString();
    if (username.isEmpty() || password.isEmpty())
        return OperationOutcome::response(
            400, QStringLiteral("required"),
            tr("Send {\"username\": \"...\", \"password\": \"...\"} as JSON."));

    const Actor previous = m_db.actor();
    auto account = SignIn(m_db).attempt(username, password);
    m_db.setActor(previous);
    if (!account)
        return OperationOutcome::response(401, QStringLiteral("login"), account.error());
    if (auto f = forgive(request.remoteAddress, tried); !f)
        return OperationOutcome::response(500, QStringLiteral("exception"), f.error());

    const qint64 expires = m_db.clock().nowMs() + qint64(m_settings.tokenLifetimeMinutes) * 60'000;
    auto token = issueToken(QStringLiteral("auth_tokens"), QStringLiteral("account_id"),
                            account->id, expires);
    if (!token)
        return OperationOutcome::response(500, QStringLiteral("exception"), token.error());
    return tokenResponse(*token, m_settings.tokenLifetimeMinutes, expires,
                         {{QStringLiteral("username"), account->username},
                          {QStringLiteral("display_name"), account->displayName},
                          {QStringLiteral("role"), Roles::name(account->role)}});
}

HttpResponse AuthService::workstationToken(const HttpRequest &request)
{
    const qint64 tried = m_db.clock().nowMs();
    if (auto refused = throttle(request.remoteAddress, tried))
        return *refused;
    auto json = JsonInput::parseObject(request.body);
    if (!json)
        return OperationOutcome::response(400, QStringLiteral("invalid"), json.error());
    const QString id = json->value(QStringLiteral("workstation_id")).toString();
    const QString secret = json->value(QStringLiteral("secret")).toString();
    if (id.isEmpty() || secret.isEmpty() || id.size() > 64)
        return OperationOutcome::response(
            400, QStringLiteral("required"),
            tr("Send {\"workstation_id\": \"...\", \"secret\": \"...\"} as JSON, as "
               "enrollment gave them."));

    auto q = m_db.query(QStringLiteral("SELECT name, secret_hash, revoked_at FROM workstations "
                                       "WHERE id = ?"),
                        {id});
    if (!q)
        return OperationOutcome::response(500, QStringLiteral("exception"), q.error());
    const bool known = q->next();
    const QString name = known ? q->value(0).toString() : QString();
    // Both sides are SHA-256 of a 256-bit secret: timing reveals nothing worth having.
    const bool matches = known && q->value(1).toString() == hashToken(secret.toUtf8());
    const bool revoked = known && q->value(2).toLongLong() != 0;

    const Actor previous = m_db.actor();
    m_db.setActor(Actor::system(QStringLiteral("workstation %1 (%2)").arg(name, id.left(64))));
    AuditEntry entry;
    entry.action = QStringLiteral("workstation-token");
    entry.entityType = QStringLiteral("Workstation");
    entry.entityId = id.left(64);
    entry.outcome = matches && !revoked ? QStringLiteral("success") : QStringLiteral("failure");
    entry.detail = {{QStringLiteral("remote"), request.remoteAddress},
                    {QStringLiteral("via"), QStringLiteral("frontdesk-server")}};
    if (!matches)
        entry.detail.insert(QStringLiteral("reason"), QStringLiteral("bad-credential"));
    else if (revoked)
        entry.detail.insert(QStringLiteral("reason"), QStringLiteral("revoked"));
    auto appended = AuditLog(m_db).append(entry);
    m_db.setActor(previous);
    if (!appended)
        return OperationOutcome::response(500, QStringLiteral("exception"), appended.error());
    // One answer for an unknown id, a wrong secret and a revoked workstation.
    if (!matches || revoked)
        return OperationOutcome::response(
            401, QStringLiteral("login"),
            tr("The workstation credential is unknown or was revoked; an administrator has to "
               "enroll this workstation again."));
    if (auto f = forgive(request.remoteAddress, tried); !f)
        return OperationOutcome::response(500, QStringLiteral("exception"), f.error());

    const qint64 now = m_db.clock().nowMs();
    const qint64 expires = now + qint64(m_settings.tokenLifetimeMinutes) * 60'000;
    auto token = issueToken(QStringLiteral("workstation_tokens"), QStringLiteral("workstation_id"),
                            id, expires);
    if (!token)
        return OperationOutcome::response(500, QStringLiteral("exception"), token.error());
    if (auto seen = m_db.query(
            QStringLiteral("UPDATE workstations SET last_seen_at = ? WHERE id = ?"), {now, id});
        !seen)
        return OperationOutcome::response(500, QStringLiteral("exception"), seen.error());
    return tokenResponse(*token, m_settings.tokenLifetimeMinutes, expires,
                         {{QStringLiteral("workstation_id"), id}, {QStringLiteral("name"), name}});
}

HttpResponse AuthService::staffList(const Principal &who) const
{
    if (!who.isWorkstation() && !Permissions::allows(who.role, Permission::ManageUsers))
        return OperationOutcome::response(
            403, QStringLiteral("forbidden"),
            tr("The staff accounts are read by enrolled workstations and administrators."));
    auto q = m_db.query(QStringLiteral("SELECT a.username, a.display_name, a.role, a.active, "
                                       "coalesce(c.locked_until, 0) FROM staff_accounts a "
                                       "LEFT JOIN staff_credentials c ON c.account_id = a.id "
                                       "ORDER BY a.username"));
    if (!q)
        return OperationOutcome::response(500, QStringLiteral("exception"), q.error());
    const qint64 now = m_db.clock().nowMs();
    QJsonArray staff;
    while (q->next()) {
        const qint64 lockedUntil = q->value(4).toLongLong();
        staff.append(QJsonObject{
            {QStringLiteral("username"), q->value(0).toString()},
            {QStringLiteral("display_name"), q->value(1).toString()},
            {QStringLiteral("role"), q->value(2).toString()},
            {QStringLiteral("disabled"), q->value(3).toInt() == 0},
            {QStringLiteral("locked_until"), lockedUntil > now ? double(lockedUntil) : 0.0}});
    }
    HttpResponse r;
    r.contentType = "application/json";
    r.setHeader("Cache-Control", "no-store");
    r.body =
        QJsonDocument(QJsonObject{{QStringLiteral("staff"), staff}}).toJson(QJsonDocument::Compact);
    return r;
}

Result<Principal> AuthService::authenticate(const QByteArray &authorization) const
{
    const QByteArray prefix("Bearer ");
    if (!authorization.startsWith(prefix) || authorization.size() <= prefix.size())
        return fail(tr("Sign in first: POST /auth/login, then send \"Authorization: Bearer "
                       "TOKEN\"."));
    const QByteArray token = authorization.mid(prefix.size()).trimmed();
    auto q = m_db.query(QStringLiteral("SELECT a.id, a.username, a.role FROM auth_tokens t "
                                       "JOIN staff_accounts a ON a.id = t.account_id "
                                       "WHERE t.token_hash = ? AND t.expires_at > ? "
                                       "AND a.active = 1"),
                        {hashToken(token), m_db.clock().nowMs()});
    if (!q)
        return fail(q.error());
    if (!q->next()) {
        // A workstation's token, valid only while the workstation is not revoked: a revocation
        // takes effect on the next request, at every server process.
        auto w = m_db.query(QStringLiteral("SELECT w.id, w.name FROM workstation_tokens t "
                                           "JOIN workstations w ON w.id = t.workstation_id "
                                           "WHERE t.token_hash = ? AND t.expires_at > ? "
                                           "AND w.revoked_at = 0"),
                            {hashToken(token), m_db.clock().nowMs()});
        if (!w)
            return fail(w.error());
        if (!w->next())
            return fail(tr("The token is unknown or has expired, or the account was disabled or "
                           "the workstation revoked; sign in again."));
        Principal workstation;
        workstation.workstationId = w->value(0).toString();
        workstation.workstationName = w->value(1).toString();
        return workstation;
    }
    const auto role = Roles::fromName(q->value(2).toString());
    if (!role)
        return fail(tr("The account has no known role."));
    Principal person;
    person.accountId = q->value(0).toString();
    person.username = q->value(1).toString();
    person.role = *role;
    return person;
}

Result<Principal> AuthService::actingFor(const Principal &workstation, const QString &staff) const
{
    if (!workstation.isWorkstation())
        return fail(tr("Only a workstation's token may name a staff member (X-Frontdesk-Staff); "
                       "a person's token acts for that person."));
    auto q = m_db.query(QStringLiteral("SELECT id, username, role, active FROM staff_accounts "
                                       "WHERE username = ?"),
                        {staff});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(tr("The server has no staff account \"%1\" to act for.").arg(staff.left(80)));
    if (q->value(3).toInt() == 0)
        return fail(tr("The account %1 is disabled; its changes are not accepted.")
                        .arg(q->value(1).toString()));
    const auto role = Roles::fromName(q->value(2).toString());
    if (!role)
        return fail(tr("The account has no known role."));
    Principal acting = workstation;
    acting.accountId = q->value(0).toString();
    acting.username = q->value(1).toString();
    acting.role = *role;
    return acting;
}

} // namespace frontdesk::server
