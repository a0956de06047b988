#include "TestClock.h"
#include "TestDatabase.h"

#include "access/AuditAnchor.h"
#include "access/PasswordHash.h"
#include "access/PasswordPolicy.h"
#include "access/Session.h"
#include "access/SignIn.h"
#include "access/StaffAccountRepository.h"
#include "database/MemorySecretStore.h"

#include <QSignalSpy>
#include <QTest>

using namespace frontdesk;

class TestSignIn : public QObject
{
    Q_OBJECT

    test::TestDatabase t;
    TestClock clock{QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC)};
    const QString m_password = QStringLiteral("tidal marble orchard 7");

    qint64 audits(const QString &action, const QString &outcome)
    {
        auto v = t.db->scalar(
            QStringLiteral("SELECT count(*) FROM audit_log WHERE action = ? AND outcome = ?"),
            {action, outcome});
        return v ? v->toLongLong() : -1;
    }
    qint64 credential(const QString &column, const QString &username)
    {
        auto v = t.db->scalar(QStringLiteral("SELECT c.%1 FROM staff_credentials c JOIN "
                                             "staff_accounts a ON a.id = c.account_id WHERE "
                                             "a.username = ?")
                                  .arg(column),
                              {username});
        return v ? v->toLongLong() : -1;
    }
    qint64 lockedUntil(const QString &username)
    {
        return credential(QStringLiteral("locked_until"), username);
    }
    qint64 failedAttempts(const QString &username)
    {
        return credential(QStringLiteral("failed_attempts"), username);
    }
    QString lastDetail()
    {
        return t.db->scalar(QStringLiteral("SELECT detail FROM audit_log ORDER BY seq DESC"))
            ->toString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(t.open());
        t.db->setClock(clock);
        StaffAccountRepository accounts(*t.db);
        QVERIFY(accounts.create(QStringLiteral("nina"), Role::Nurse, m_password).ok());
        QVERIFY(accounts.create(QStringLiteral("rita"), Role::Receptionist, m_password).ok());
        QVERIFY(accounts.create(QStringLiteral("alex"), Role::Admin, m_password).ok());
    }

    // The first start of a database without accounts: the session offers to create the
    // administrator once; after that, accounts are made by someone signed in who may.
    void theFirstAdministratorIsCreatedOnce()
    {
        test::TestDatabase fresh;
        QVERIFY(fresh.open());
        fresh.db->setClock(clock);
        Session session(*fresh.db);
        auto needed = session.needsFirstAdministrator();
        QVERIFY2(needed, qPrintable(needed.error()));
        QVERIFY(*needed);
        auto made = session.createFirstAdministrator(QStringLiteral("ada"), m_password,
                                                     QStringLiteral("Ada Admin"));
        QVERIFY2(made, qPrintable(made.error()));
        QCOMPARE(made->role, Role::Admin);
        QVERIFY(!*session.needsFirstAdministrator());
        QVERIFY(!session.createFirstAdministrator(QStringLiteral("eve"), m_password, {}));
        QVERIFY(session.signIn(QStringLiteral("ada"), m_password));
    }

    void theHashIsArgon2idAndNeverThePassword()
    {
        auto hash = t.db->scalar(QStringLiteral("SELECT password_hash FROM staff_credentials"));
        QVERIFY(hash && hash->toString().startsWith(QStringLiteral("$argon2id$")));
        auto leaked = t.db->scalar(
            QStringLiteral("SELECT count(*) FROM audit_log WHERE detail LIKE ? OR detail LIKE ?"),
            {QStringLiteral("%marble%"), QStringLiteral("%argon2%")});
        QCOMPARE(leaked->toInt(), 0);
    }

    void goodPasswordSignsIn()
    {
        const qint64 before = audits(QStringLiteral("login"), QStringLiteral("success"));
        auto account = SignIn(*t.db).attempt(QStringLiteral("NINA"), m_password);
        QVERIFY2(account.ok(), qPrintable(account.error()));
        QCOMPARE(account->username, QStringLiteral("nina"));
        QCOMPARE(account->role, Role::Nurse);
        QCOMPARE(audits(QStringLiteral("login"), QStringLiteral("success")), before + 1);
    }

    void unknownUserAndWrongPasswordLookTheSame()
    {
        auto unknown = SignIn(*t.db).attempt(QStringLiteral("nobody"), m_password);
        auto wrong = SignIn(*t.db).attempt(QStringLiteral("rita"), QStringLiteral("not it at all"));
        QVERIFY(!unknown.ok());
        QVERIFY(!wrong.ok());
        QCOMPARE(unknown.error(), wrong.error());
        QVERIFY(SignIn(*t.db).attempt(QStringLiteral("rita"), m_password).ok());
    }

    void fiveFailuresLockForFiveMinutes()
    {
        const qint64 failuresBefore = audits(QStringLiteral("login"), QStringLiteral("failure"));
        const QString wrong =
            SignIn(*t.db).attempt(QStringLiteral("nobody"), QStringLiteral("x")).error();
        for (int i = 1; i <= SignIn::MaxFailures; ++i) {
            auto r = SignIn(*t.db).attempt(QStringLiteral("nina"),
                                           QStringLiteral("wrong guess %1").arg(i));
            QVERIFY(!r.ok());
            QCOMPARE(r.error(), wrong);
        }
        QVERIFY(lockedUntil(QStringLiteral("nina")) > clock.nowMs());

        // Even the right password is refused while the lock lasts.
        clock.advanceSecs(4 * 60 + 59);
        auto during = SignIn(*t.db).attempt(QStringLiteral("nina"), m_password);
        QVERIFY(!during.ok());
        QCOMPARE(during.error(), wrong);
        QCOMPARE(audits(QStringLiteral("login"), QStringLiteral("failure")), failuresBefore + 7);
        QVERIFY(lastDetail().contains(QStringLiteral("locked-out")));

        clock.advanceSecs(2);
        auto after = SignIn(*t.db).attempt(QStringLiteral("nina"), m_password);
        QVERIFY2(after.ok(), qPrintable(after.error()));
        QCOMPARE(after->failedAttempts, 0);
    }

    // Typos spread out over time are not a guessing run: once the lock-out period has passed
    // since the last failure, the count starts over.
    void failureCountStartsOverAfterTheLockPeriod()
    {
        for (int i = 1; i < SignIn::MaxFailures; ++i)
            QVERIFY(!SignIn(*t.db).attempt(QStringLiteral("nina"), QStringLiteral("typo")).ok());
        QCOMPARE(failedAttempts(QStringLiteral("nina")), SignIn::MaxFailures - 1);
        clock.advanceSecs(SignIn::LockoutSeconds);
        QVERIFY(!SignIn(*t.db).attempt(QStringLiteral("nina"), QStringLiteral("typo")).ok());
        QCOMPARE(failedAttempts(QStringLiteral("nina")), 1);
        QCOMPARE(lockedUntil(QStringLiteral("nina")), 0);
        QVERIFY(SignIn(*t.db).attempt(QStringLiteral("nina"), m_password).ok());

        // Within the period they still add up to a lock.
        for (int i = 1; i < SignIn::MaxFailures; ++i) {
            QVERIFY(!SignIn(*t.db).attempt(QStringLiteral("nina"), QStringLiteral("guess")).ok());
            clock.advanceSecs(SignIn::LockoutSeconds - 1);
        }
        QVERIFY(!SignIn(*t.db).attempt(QStringLiteral("nina"), QStringLiteral("guess")).ok());
        QVERIFY(lockedUntil(QStringLiteral("nina")) > clock.nowMs());
        clock.advanceSecs(SignIn::LockoutSeconds);
        QVERIFY(SignIn(*t.db).attempt(QStringLiteral("nina"), m_password).ok());
    }

    // Unknown, disabled, locked and wrong: one answer, after exactly one Argon2id check each, so
    // they also take the same time (the time itself is for a benchmark, not a unit test).
    void everyRefusalLooksAndCostsTheSame()
    {
        QVERIFY(StaffAccountRepository(*t.db)
                    .create(QStringLiteral("dora"), Role::Receptionist, m_password)
                    .ok());
        QVERIFY(StaffAccountRepository(*t.db).setActive(QStringLiteral("dora"), false).ok());
        QVERIFY(StaffAccountRepository(*t.db)
                    .create(QStringLiteral("lou"), Role::Receptionist, m_password)
                    .ok());
        for (int i = 0; i < SignIn::MaxFailures; ++i)
            (void)SignIn(*t.db).attempt(QStringLiteral("lou"), QStringLiteral("bad"));
        QVERIFY(lockedUntil(QStringLiteral("lou")) > clock.nowMs());

        SignIn signIn(*t.db);
        const auto refusal = [&](const QString &name, const QString &password) {
            const qint64 before = PasswordHash::verifications();
            auto r = signIn.attempt(name, password);
            return std::make_pair(r.ok() ? QString() : r.error(),
                                  PasswordHash::verifications() - before);
        };
        const auto wrong = refusal(QStringLiteral("rita"), QStringLiteral("not it"));
        QVERIFY(!wrong.first.isEmpty());
        QCOMPARE(wrong.second, 1);
        QCOMPARE(refusal(QStringLiteral("nobody-here"), m_password), wrong);
        QCOMPARE(refusal(QStringLiteral("dora"), m_password), wrong);
        QCOMPARE(refusal(QStringLiteral("dora"), QStringLiteral("not it")), wrong);
        QCOMPARE(refusal(QStringLiteral("lou"), m_password), wrong);
        QCOMPARE(refusal(QStringLiteral("lou"), QStringLiteral("not it")), wrong);
        QCOMPARE(refusal(QStringLiteral("rita"), m_password).second, 1);
        clock.advanceSecs(SignIn::LockoutSeconds);
    }

    void successResetsTheCount()
    {
        for (int i = 0; i < SignIn::MaxFailures - 1; ++i)
            QVERIFY(!SignIn(*t.db).attempt(QStringLiteral("rita"), QStringLiteral("bad")).ok());
        QVERIFY(SignIn(*t.db).attempt(QStringLiteral("rita"), m_password).ok());
        auto r = SignIn(*t.db).attempt(QStringLiteral("rita"), QStringLiteral("bad"));
        QVERIFY(!r.ok());
        QCOMPARE(lockedUntil(QStringLiteral("rita")), 0);
        QVERIFY(SignIn(*t.db).attempt(QStringLiteral("rita"), m_password).ok());
    }

    void newPasswordLiftsTheLock()
    {
        for (int i = 0; i < SignIn::MaxFailures; ++i)
            (void)SignIn(*t.db).attempt(QStringLiteral("rita"), QStringLiteral("bad"));
        QVERIFY(!SignIn(*t.db).attempt(QStringLiteral("rita"), m_password).ok());
        const QString fresh = QStringLiteral("quiet violet harbour 42");
        QVERIFY(StaffAccountRepository(*t.db).setPassword(QStringLiteral("rita"), fresh).ok());
        QVERIFY(SignIn(*t.db).attempt(QStringLiteral("rita"), fresh).ok());
        QVERIFY(!SignIn(*t.db).attempt(QStringLiteral("rita"), m_password).ok());
        QVERIFY(StaffAccountRepository(*t.db).setPassword(QStringLiteral("rita"), m_password).ok());
    }

    void disabledAccountCannotSignIn()
    {
        StaffAccountRepository accounts(*t.db);
        QVERIFY(accounts.setActive(QStringLiteral("rita"), false).ok());
        auto r = SignIn(*t.db).attempt(QStringLiteral("rita"), m_password);
        QVERIFY(!r.ok());
        QVERIFY(lastDetail().contains(QStringLiteral("disabled")));
        QVERIFY(accounts.setActive(QStringLiteral("rita"), true).ok());
        auto change = t.db->scalar(QStringLiteral(
            "SELECT detail FROM audit_log WHERE action = 'user-update' ORDER BY seq DESC"));
        QVERIFY(change->toString().contains(QStringLiteral("\"before\":false")));
    }

    void theLastAdminCannotBeDisabled()
    {
        auto s = StaffAccountRepository(*t.db).setActive(QStringLiteral("alex"), false);
        QVERIFY(!s.ok());
        QVERIFY(s.error().contains(QStringLiteral("last active administrator")));
    }

    void weakPasswordsAreRefusedWithTheReason()
    {
        StaffAccountRepository accounts(*t.db);
        auto shortOne = accounts.create(QStringLiteral("sam"), Role::Nurse, QStringLiteral("abc"));
        QVERIFY(!shortOne.ok());
        QVERIFY(shortOne.error().contains(QStringLiteral("too short")));
        auto common =
            accounts.create(QStringLiteral("sam"), Role::Nurse, QStringLiteral("qwertyuiop123"));
        QVERIFY(!common.ok());
        QVERIFY(common.error().contains(QStringLiteral("common passwords")));
        QVERIFY(!StaffAccountRepository(*t.db).find(QStringLiteral("sam"))->has_value());
    }

    void policy()
    {
        QVERIFY(!PasswordPolicy::check(QStringLiteral("elevenchars")).ok());
        QVERIFY(PasswordPolicy::check(QStringLiteral("elevenchars"))
                    .error()
                    .contains(QStringLiteral("12")));
        for (const char *common : {"password1234", "Password2026!", "iloveyou1234", "123456789012",
                                   "1qaz2wsx3edc", "qwertyuiopasdfghjkl", "aaaaaaaaaaaa",
                                   "Welcome12345", "letmein12345!", "Football2025"}) {
            const Status s = PasswordPolicy::check(QString::fromLatin1(common));
            QVERIFY2(!s.ok(), common);
        }
        QVERIFY(!PasswordPolicy::check(QStringLiteral("nina-likes-trains"), QStringLiteral("nina"))
                     .ok());
        QVERIFY(!PasswordPolicy::check(QStringLiteral("abababababab")).ok());
        QVERIFY(!PasswordPolicy::check(QStringLiteral(" leading space x")).ok());
        QVERIFY(PasswordPolicy::check(QStringLiteral("tidal marble orchard 7")).ok());
        QVERIFY(PasswordPolicy::check(QStringLiteral("Kq8#vLz2!mWp")).ok());
    }

    void lockedSessionUnlocksForOwnerOrAdminOnly()
    {
        Session session(*t.db);
        QVERIFY(session.signIn(QStringLiteral("nina"), m_password).ok());
        QCOMPARE(t.db->actor().name, QStringLiteral("nina"));
        QVERIFY(session.lock(QStringLiteral("idle")).ok());
        QVERIFY(session.isLocked());
        auto other = session.unlock(QStringLiteral("rita"), m_password);
        QVERIFY(!other.ok());
        QVERIFY(other.error().contains(QStringLiteral("nina")));
        QVERIFY(session.isLocked());
        QVERIFY(!session.unlock(QStringLiteral("nina"), QStringLiteral("wrong password")).ok());
        QVERIFY(session.isLocked());
        QVERIFY(session.unlock(QStringLiteral("nina"), m_password).ok());
        QVERIFY(!session.isLocked());

        QVERIFY(session.lock(QStringLiteral("manual")).ok());
        QVERIFY(session.unlock(QStringLiteral("alex"), m_password).ok());
        QCOMPARE(session.account()->username, QStringLiteral("alex"));
        QCOMPARE(t.db->actor().name, QStringLiteral("alex"));
        QCOMPARE(audits(QStringLiteral("session-takeover"), QStringLiteral("success")), 1);
        QVERIFY(audits(QStringLiteral("lock"), QStringLiteral("success")) >= 2);
        QVERIFY(session.signOut().ok());
        QCOMPARE(audits(QStringLiteral("logout"), QStringLiteral("success")), 1);
        QCOMPARE(t.db->actor().kind, Actor::Kind::System);
    }

    // Switch user: anyone with an account takes a locked workstation over, checked like a
    // sign-in; the trail shows the new person's sign-in and the previous person's sign-out.
    void switchUserSignsTheOtherPersonIn()
    {
        Session session(*t.db);
        QVERIFY(session.signIn(QStringLiteral("nina"), m_password).ok());
        auto unlocked = session.switchUser(QStringLiteral("rita"), m_password);
        QVERIFY(!unlocked.ok());
        QVERIFY(unlocked.error().contains(QStringLiteral("Lock")));
        QCOMPARE(session.account()->username, QStringLiteral("nina"));

        session.rememberBrokenGlass(QStringLiteral("p1"), QStringLiteral("emergency"));
        QVERIFY(session.lock(QStringLiteral("manual")).ok());
        const qint64 logouts = audits(QStringLiteral("logout"), QStringLiteral("success"));
        const qint64 failedLogins = audits(QStringLiteral("login"), QStringLiteral("failure"));
        QVERIFY(!session.switchUser(QStringLiteral("rita"), QStringLiteral("wrong password")).ok());
        QCOMPARE(audits(QStringLiteral("login"), QStringLiteral("failure")), failedLogins + 1);
        QVERIFY(session.isLocked());
        QCOMPARE(session.account()->username, QStringLiteral("nina"));

        QSignalSpy anchored(&session, &Session::anchorPoint);
        QVERIFY(session.switchUser(QStringLiteral("rita"), m_password).ok());
        QVERIFY(!session.isLocked());
        QCOMPARE(session.account()->username, QStringLiteral("rita"));
        QCOMPARE(t.db->actor().name, QStringLiteral("rita"));
        QVERIFY(session.brokenGlassReason(QStringLiteral("p1")).isEmpty());
        QCOMPARE(anchored.size(), 1);
        QCOMPARE(audits(QStringLiteral("logout"), QStringLiteral("success")), logouts + 1);
        auto last = t.db->scalar(QStringLiteral(
            "SELECT actor || ' ' || detail FROM audit_log WHERE action = 'logout' ORDER BY seq "
            "DESC"));
        QVERIFY2(last->toString().startsWith(QStringLiteral("nina ")),
                 qPrintable(last->toString()));
        QVERIFY(last->toString().contains(QStringLiteral("switch-user")));
        QVERIFY(last->toString().contains(QStringLiteral("rita")));
        auto login = t.db->scalar(
            QStringLiteral("SELECT seq FROM audit_log WHERE action = 'login' AND outcome = "
                           "'success' ORDER BY seq DESC"));
        auto logout = t.db->scalar(
            QStringLiteral("SELECT seq FROM audit_log WHERE action = 'logout' ORDER BY seq DESC"));
        QVERIFY(login->toLongLong() < logout->toLongLong());

        // Typing one's own name at the lock screen is an unlock, not a switch.
        QVERIFY(session.lock(QStringLiteral("manual")).ok());
        QVERIFY(session.switchUser(QStringLiteral("Rita"), m_password).ok());
        QCOMPARE(audits(QStringLiteral("logout"), QStringLiteral("success")), logouts + 1);
        QVERIFY(session.signOut().ok());
    }

    // The app anchors the trail on anchorPoint (StartUp); the anchor must then hold the lock's
    // and the sign-out's own entries.
    void lockAndSignOutAnchorTheTrail()
    {
        MemorySecretStore store;
        AuditAnchor anchor(store, t.dir.path());
        Session session(*t.db);
        connect(&session, &Session::anchorPoint, this, [&] { QVERIFY(anchor.update(*t.db).ok()); });
        const auto newest = [this] {
            return t.db->scalar(QStringLiteral("SELECT max(seq) FROM audit_log"))->toLongLong();
        };
        QVERIFY(session.signIn(QStringLiteral("nina"), m_password).ok());
        QCOMPARE(anchor.read()->state, AuditAnchor::State::None);
        QVERIFY(session.lock(QStringLiteral("manual")).ok());
        QCOMPARE(anchor.read()->head.seq, newest());
        QVERIFY(session.unlock(QStringLiteral("nina"), m_password).ok());
        QVERIFY(session.signOut().ok());
        QCOMPARE(anchor.read()->state, AuditAnchor::State::Valid);
        QCOMPARE(anchor.read()->head.seq, newest());
    }
};

QTEST_GUILESS_MAIN(TestSignIn)
#include "tst_signin.moc"
