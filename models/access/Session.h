#pragma once

#include "access/AccountAuthority.h"
#include "access/Permission.h"
#include "access/StaffAccount.h"
#include "core/Actor.h"
#include "core/Result.h"

#include <QHash>
#include <QObject>

#include <optional>

namespace frontdesk {

class Database;

// Who is signed in at this workstation, and whether the screen is locked. While a Session
// exists for a database, the models refuse patient data (AccessGuard) unless someone is
// signed in, the session is not locked, and their role allows it. A connection without a
// Session is refused as well, unless it was opened for the system (Database::actAsSystem).
class Session : public QObject
{
    Q_OBJECT
public:
    explicit Session(Database &db, QObject *parent = nullptr);
    ~Session() override;

    // The session enforcing access on db, or nullptr. A connection that works for another one
    // (a ReadWorker's, Database::serves) answers to the session of the connection it serves:
    // the same person, lock and role; without that it would have no Session of its own, and
    // every check made on it would be refused.
    static Session *of(const Database &db);

    Database &database() { return m_db; }
    bool isSignedIn() const { return m_account.has_value(); }
    bool isLocked() const { return m_locked; }
    const std::optional<StaffAccount> &account() const { return m_account; }

    // True when someone is signed in, the session is unlocked and the role allows it.
    bool allows(Permission permission) const;
    Status require(Permission permission) const;

    // A database without staff accounts: whoever starts the app first creates the
    // administrator (createFirstAdministrator), then signs in.
    Result<bool> needsFirstAdministrator() const;
    Result<StaffAccount> createFirstAdministrator(const QString &username, const QString &password,
                                                  const QString &displayName);
    // Audited; on success the database's actor becomes the staff member. server: the server's
    // verdict on this password on an enrolled workstation (SignIn::attempt).
    Result<StaffAccount> signIn(const QString &username, const QString &password,
                                const std::optional<ServerVerdict> &server = std::nullopt);
    Status signOut();
    // Hides everything until unlock(); reason is e.g. "idle" or "manual".
    Status lock(const QString &reason);
    // The same user, or an administrator (who then takes over the session, so what follows
    // is recorded under their name).
    Status unlock(const QString &username, const QString &password,
                  const std::optional<ServerVerdict> &server = std::nullopt);
    // Another staff member takes the locked workstation over without quitting (the lock
    // screen's Switch user): any account, checked like a sign-in. The trail records the
    // previous person's sign-out (reason switch-user, by whom) after the new person's sign-in.
    // The same person typing their own name simply unlocks.
    Status switchUser(const QString &username, const QString &password,
                      const std::optional<ServerVerdict> &server = std::nullopt);

    // Patients whose glass the signed-in person broke in this session, with their reason: the
    // next read of the same patient asks for no new reason (it is still audited). Forgotten when
    // the person changes (sign-out, sign-in, an administrator's takeover).
    void rememberBrokenGlass(const QString &patientId, const QString &reason);
    QString brokenGlassReason(const QString &patientId) const;

signals:
    void changed();
    // After sign-out and lock have recorded their audit entries: the moments at which the
    // trail's head is also kept outside the database (AuditAnchor).
    void anchorPoint();

private:
    Database &m_db;
    // Who the trail names while nobody is signed in, e.g. the workstation.
    Actor m_anonymous;
    std::optional<StaffAccount> m_account;
    bool m_locked = false;
    QHash<QString, QString> m_brokenGlass; // patient id -> reason
};

} // namespace frontdesk
