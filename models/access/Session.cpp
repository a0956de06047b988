#include "Session.h"

#include "access/AuditLog.h"
#include "access/Permissions.h"
#include "access/SignIn.h"
#include "access/StaffAccountRepository.h"
#include "database/Database.h"

#include <QHash>
#include <QMutex>

namespace frontdesk {

namespace {

// Each connection belongs to one thread, but the sync worker's thread asks too.
QMutex &registryMutex()
{
    static QMutex mutex;
    return mutex;
}

QHash<const Database *, Session *> &registry()
{
    static QHash<const Database *, Session *> sessions;
    return sessions;
}

} // namespace

Session::Session(Database &db, QObject *parent) : QObject(parent), m_db(db)
{
    QMutexLocker locker(&registryMutex());
    registry().insert(&db, this);
    if (m_db.actor().kind == Actor::Kind::Staff)
        m_db.setActor(Actor::system());
    m_anonymous = m_db.actor();
}

Session::~Session()
{
    QMutexLocker locker(&registryMutex());
    if (registry().value(&m_db) == this)
        registry().remove(&m_db);
}

Session *Session::of(const Database &db)
{
    QMutexLocker locker(&registryMutex());
    if (Session *own = registry().value(&db, nullptr))
        return own;
    const Database *source = db.serves();
    return source ? registry().value(source, nullptr) : nullptr;
}

bool Session::allows(Permission permission) const
{
    return m_account && !m_locked && Permissions::allows(m_account->role, permission);
}

Status Session::require(Permission permission) const
{
    if (!m_account)
        return fail(tr("Sign in first."));
    if (m_locked)
        return fail(tr("The workstation is locked. Unlock it first."));
    if (!Permissions::allows(m_account->role, permission))
        return fail(tr("As %1, %2 may not %3.")
                        .arg(Roles::displayName(m_account->role).toLower(), m_account->username,
                             Permissions::describe(permission)));
    return {};
}

Result<StaffAccount> Session::signIn(const QString &username, const QString &password,
                                     const std::optional<ServerVerdict> &server)
{
    if (m_account)
        return fail(tr("%1 is already signed in; sign out first.").arg(m_account->username));
    auto account = SignIn(m_db).attempt(username, password, QStringLiteral("login"), server);
    if (!account)
        return account;
    m_account = *account;
    m_locked = false;
    m_brokenGlass.clear();
    m_db.setActor(Actor::staff(account->username));
    emit changed();
    return account;
}

Result<bool> Session::needsFirstAdministrator() const
{
    auto count = StaffAccountRepository(m_db).count();
    if (!count)
        return fail(count.error());
    return *count == 0;
}

Result<StaffAccount> Session::createFirstAdministrator(const QString &username,
                                                       const QString &password,
                                                       const QString &displayName)
{
    return StaffAccountRepository(m_db).create(username, Role::Admin, password, displayName);
}

Status Session::signOut()
{
    if (!m_account)
        return {};
    AuditEntry entry;
    entry.action = QStringLiteral("logout");
    entry.entityType = QStringLiteral("StaffAccount");
    entry.entityId = m_account->id;
    auto appended = AuditLog(m_db).append(entry);
    m_account.reset();
    m_locked = false;
    m_brokenGlass.clear();
    m_db.setActor(m_anonymous);
    emit changed();
    if (!appended)
        return fail(appended.error());
    emit anchorPoint();
    return {};
}

Status Session::lock(const QString &reason)
{
    if (!m_account || m_locked)
        return {};
    m_locked = true;
    emit changed();
    AuditEntry entry;
    entry.action = QStringLiteral("lock");
    entry.entityType = QStringLiteral("StaffAccount");
    entry.entityId = m_account->id;
    entry.detail = {{QStringLiteral("reason"), reason}};
    if (auto a = AuditLog(m_db).append(entry); !a)
        return fail(a.error());
    emit anchorPoint();
    return {};
}

Status Session::unlock(const QString &username, const QString &password,
                       const std::optional<ServerVerdict> &server)
{
    if (!m_account)
        return fail(tr("Nobody is signed in."));
    if (!m_locked)
        return {};
    const bool sameUser = username.trimmed().compare(m_account->username, Qt::CaseInsensitive) == 0;
    if (!sameUser) {
        // Refused before the password is checked: only an administrator may take over.
        auto other = StaffAccountRepository(m_db).find(username.trimmed());
        if (!other)
            return fail(other.error());
        if (other->has_value() &&
            !Permissions::allows((*other)->role, Permission::UnlockOtherSessions)) {
            AuditEntry refused;
            refused.action = QStringLiteral("unlock");
            refused.outcome = QStringLiteral("failure");
            refused.entityType = QStringLiteral("StaffAccount");
            refused.entityId = m_account->id;
            refused.detail = {{QStringLiteral("reason"), QStringLiteral("not-session-owner")},
                              {QStringLiteral("by"), (*other)->username}};
            if (auto a = AuditLog(m_db).append(refused); !a)
                return fail(a.error());
            return fail(tr("Only %1 or an administrator can unlock this session.")
                            .arg(m_account->username));
        }
    }
    auto who = SignIn(m_db).attempt(username.trimmed(), password, QStringLiteral("unlock"), server);
    if (!who)
        return fail(who.error());
    if (!sameUser) {
        AuditEntry takeover;
        takeover.action = QStringLiteral("session-takeover");
        takeover.entityType = QStringLiteral("StaffAccount");
        takeover.entityId = m_account->id;
        takeover.detail = {{QStringLiteral("previous_user"), m_account->username},
                           {QStringLiteral("by"), who->username}};
        m_db.setActor(Actor::staff(who->username));
        if (auto a = AuditLog(m_db).append(takeover); !a)
            return fail(a.error());
        m_account = *who;
        m_brokenGlass.clear();
    }
    m_locked = false;
    emit changed();
    return {};
}

Status Session::switchUser(const QString &username, const QString &password,
                           const std::optional<ServerVerdict> &server)
{
    if (!m_account)
        return fail(tr("Nobody is signed in."));
    if (!m_locked)
        return fail(tr("Lock the workstation first; then another person can take it over."));
    if (username.trimmed().compare(m_account->username, Qt::CaseInsensitive) == 0)
        return unlock(username, password, server);
    auto who = SignIn(m_db).attempt(username.trimmed(), password, QStringLiteral("login"), server);
    if (!who)
        return fail(who.error());
    AuditEntry signedOut;
    signedOut.action = QStringLiteral("logout");
    signedOut.entityType = QStringLiteral("StaffAccount");
    signedOut.entityId = m_account->id;
    signedOut.detail = {{QStringLiteral("reason"), QStringLiteral("switch-user")},
                        {QStringLiteral("by"), who->username}};
    // Still the previous person's actor: the sign-out is theirs.
    auto appended = AuditLog(m_db).append(signedOut);
    m_account = *who;
    m_locked = false;
    m_brokenGlass.clear();
    m_db.setActor(Actor::staff(who->username));
    emit changed();
    if (!appended)
        return fail(appended.error());
    emit anchorPoint();
    return {};
}

void Session::rememberBrokenGlass(const QString &patientId, const QString &reason)
{
    m_brokenGlass.insert(patientId, reason);
}

QString Session::brokenGlassReason(const QString &patientId) const
{
    return m_brokenGlass.value(patientId);
}

} // namespace frontdesk
