#include "AuthService.h"

#include "JsonInput.h"
#include "OperationOutcome.h"
#include "access/SignIn.h"
#include "database/Database.h"
#include "database/DatabaseKeys.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace frontdesk::server {

QString AuthService::hashToken(const QByteArray &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex());
}

HttpResponse AuthService::login(const HttpRequest &request)
{
    const qint64 now = m_db.clock().nowMs();
    const QString remote = request.remoteAddress;
    // Counted before the password is looked at, so a flood costs no Argon2id time.
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

    const QByteArray token = DatabaseKeys::generateKey().toBase64(QByteArray::Base64UrlEncoding |
                                                                  QByteArray::OmitTrailingEquals);
    if (token.size() < 40)
        return OperationOutcome::response(500, QStringLiteral("exception"),
                                          tr("No random numbers for a token."));
    const qint64 expires = now + qint64(m_settings.tokenLifetimeMinutes) * 60'000;
    const Status stored = m_db.write([&]() -> Status {
        if (auto q =
                m_db.query(QStringLiteral("DELETE FROM auth_tokens WHERE expires_at < ?"), {now});
            !q)
            return fail(q.error());
        if (auto q = m_db.query(QStringLiteral("INSERT INTO auth_tokens (token_hash, account_id, "
                                               "issued_at, expires_at) VALUES (?, ?, ?, ?)"),
                                {hashToken(token), account->id, now, expires});
            !q)
            return fail(q.error());
        return {};
    });
    if (!stored)
        return OperationOutcome::response(500, QStringLiteral("exception"), stored.error());

    HttpResponse r;
    r.contentType = "application/json";
    r.setHeader("Cache-Control", "no-store");
    r.body =
        QJsonDocument(
            QJsonObject{{QStringLiteral("access_token"), QString::fromLatin1(token)},
                        {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                        {QStringLiteral("expires_in"), m_settings.tokenLifetimeMinutes * 60},
                        {QStringLiteral("expires_at"),
                         QDateTime::fromMSecsSinceEpoch(expires, Qt::UTC).toString(Qt::ISODate)},
                        {QStringLiteral("username"), account->username},
                        {QStringLiteral("role"), Roles::name(account->role)}})
            .toJson(QJsonDocument::Compact);
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
    if (!q->next())
        return fail(tr("The token is unknown or has expired, or the account was disabled; sign "
                       "in again."));
    const auto role = Roles::fromName(q->value(2).toString());
    if (!role)
        return fail(tr("The account has no known role."));
    return Principal{q->value(0).toString(), q->value(1).toString(), *role};
}

} // namespace frontdesk::server
