#include "PrivateSettings.h"
#include "TestClock.h"
#include "TestDatabase.h"

#include "MainWindow.h"
#include "Workstation.h"
#include "access/Session.h"
#include "access/StaffAccountRepository.h"
#include "common/AccessController.h"
#include "common/IdleMonitor.h"
#include "common/LockScreen.h"
#include "common/SignInDialog.h"
#include "demo/DemoSeeder.h"
#include "patients/PatientsView.h"
#include "storage/AutoLockSetting.h"
#include "storage/PatientRepository.h"
#include "storage/SharedSettings.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSemaphore>
#include <QSettings>
#include <QStatusBar>
#include <QTest>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

#include <atomic>

using namespace frontdesk;

namespace {
const QDate kToday(2026, 3, 3);
const QString kPassword = QStringLiteral("tidal marble orchard 7");

// A server that answers what the test says, when the test lets it: the windows must stay
// responsive while it has not answered yet.
class GatedAuthority final : public AccountAuthority
{
public:
    ServerVerdict verdict;
    QSemaphore gate;
    std::atomic<int> asked{0};

    bool enrolled() const override { return true; }
    Check prepare(const QString &, const QString &) override
    {
        return [this] {
            ++asked;
            gate.acquire();
            return verdict;
        };
    }
};

// Stands in for the sync worker, which tells the application about each pulled record.
class PullSignal : public QObject
{
    Q_OBJECT
signals:
    void recordsChanged(const QString &resourceType, const QStringList &ids);
};
} // namespace

// Auto-lock with a short idle time, on the real main window over demo data: once locked, no
// patient's name may be left in anything a person could see.
class TestAutoLock : public QObject
{
    Q_OBJECT

    test::PrivateSettings m_settings;

    test::TestDatabase t;
    TestClock clock{QDateTime(kToday, QTime(10, 30), QTimeZone("Europe/Berlin"))};
    QStringList m_names;

    // Every text a visible widget shows: window titles, tooltips, labels, fields, buttons and
    // the cells of visible item views.
    QStringList visibleTexts() const
    {
        QStringList texts;
        const auto widgets = QApplication::allWidgets();
        for (QWidget *w : widgets) {
            if (!w->isVisible())
                continue;
            texts << w->windowTitle() << w->toolTip() << w->statusTip();
            if (auto *label = qobject_cast<QLabel *>(w))
                texts << label->text();
            if (auto *edit = qobject_cast<QLineEdit *>(w))
                texts << edit->text() << edit->placeholderText();
            if (auto *button = qobject_cast<QAbstractButton *>(w))
                texts << button->text();
            if (auto *combo = qobject_cast<QComboBox *>(w))
                texts << combo->currentText();
            if (auto *view = qobject_cast<QAbstractItemView *>(w); view && view->model()) {
                const QAbstractItemModel *m = view->model();
                for (int r = 0; r < m->rowCount(); ++r) {
                    for (int c = 0; c < m->columnCount(); ++c) {
                        texts << m->data(m->index(r, c)).toString()
                              << m->data(m->index(r, c), Qt::ToolTipRole).toString();
                    }
                }
            }
        }
        return texts;
    }
    QString firstPatientNameShown() const
    {
        const QStringList texts = visibleTexts();
        for (const QString &name : m_names) {
            for (const QString &text : texts) {
                if (text.contains(name))
                    return name;
            }
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        QVERIFY(t.open());
        t.db->setClock(clock);
        QVERIFY(
            t.db->setSetting(QStringLiteral("clinic_time_zone"), QStringLiteral("Europe/Berlin")));
        DemoSeeder::Options options;
        options.patients = 200;
        options.appointments = 1500;
        options.today = kToday;
        QVERIFY(DemoSeeder(*t.db).seed(options).ok());
        auto patients = PatientRepository(*t.db).page(std::nullopt, 1000);
        QVERIFY(patients.ok());
        for (const Patient &p : *patients) {
            if (p.familyName.size() >= 4)
                m_names << p.familyName;
        }
        QVERIFY(m_names.size() > 50);
        StaffAccountRepository accounts(*t.db);
        QVERIFY(accounts.create(QStringLiteral("nina"), Role::Nurse, kPassword).ok());
        QVERIFY(accounts.create(QStringLiteral("rita"), Role::Receptionist, kPassword).ok());
        QVERIFY(accounts.create(QStringLiteral("alex"), Role::Admin, kPassword).ok());
    }

    void cleanupTestCase()
    {
        QSettings(QStringLiteral("frontdesk"), QStringLiteral("frontdesk")).clear();
    }

    void signInDialogRefusesAWrongPassword()
    {
        AccessController access(*t.db);
        SignInDialog dialog(access.session(), SignInDialog::Mode::SignIn, QStringLiteral("Clinic"));
        dialog.show();
        dialog.usernameEdit()->setText(QStringLiteral("nina"));
        dialog.passwordEdit()->setText(QStringLiteral("not the password"));
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.errorLabel()->text().contains(QStringLiteral("wrong")));
        QVERIFY(!access.session().isSignedIn());
        dialog.passwordEdit()->setText(kPassword);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(access.session().account()->username, QStringLiteral("nina"));
        QCOMPARE(t.db->actor().name, QStringLiteral("nina"));
        QVERIFY(access.session().signOut().ok());
    }

    void idleLockHidesEveryPatientNameAndKeepsEdits()
    {
        AccessController access(*t.db);
        QVERIFY(access.session().signIn(QStringLiteral("nina"), kPassword).ok());
        MainWindow window(*t.db, QStringLiteral("Test clinic"));
        access.attach(&window);
        window.showView(MainWindow::View::Patients);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // A dialog with an unsaved edit, a tooltip and a title naming a patient.
        const QString name = m_names.first();
        QDialog editor(&window);
        editor.setWindowTitle(QStringLiteral("Note for %1").arg(name));
        auto *layout = new QVBoxLayout(&editor);
        auto *label = new QLabel(QStringLiteral("Patient: %1").arg(name), &editor);
        label->setToolTip(QStringLiteral("About %1").arg(name));
        auto *edit = new QLineEdit(&editor);
        edit->setText(QStringLiteral("unsaved note on %1").arg(name));
        layout->addWidget(label);
        layout->addWidget(edit);
        editor.show();
        window.setWindowTitle(QStringLiteral("Frontdesk — %1").arg(name));

        QVERIFY2(!firstPatientNameShown().isEmpty(), "the test must see names before the lock");

        // Searching for a patient leaves a trace naming the search and who ran it.
        window.patientsView()
            ->findChild<QLineEdit *>(QStringLiteral("patientSearch"))
            ->setText(name);
        QTRY_VERIFY(
            t.db->scalar(
                    QStringLiteral(
                        "SELECT count(*) FROM audit_log WHERE action = 'search' AND detail LIKE ?"),
                    {QStringLiteral("%") + name + QStringLiteral("%")})
                ->toInt() == 1);
        QCOMPARE(t.db
                     ->scalar(QStringLiteral(
                         "SELECT actor FROM audit_log WHERE action = 'search' ORDER BY seq DESC"))
                     ->toString(),
                 QStringLiteral("nina"));

        access.idleMonitor().setTimeout(200);
        access.idleMonitor().start();
        QTRY_VERIFY_WITH_TIMEOUT(access.session().isLocked(), 5000);
        QVERIFY(access.lockScreen()->isShown());
        QVERIFY(access.lockScreen()->panel()->isVisible());
        const QString leaked = firstPatientNameShown();
        QVERIFY2(leaked.isEmpty(), qPrintable(QStringLiteral("still shown: ") + leaked));
        QVERIFY(!window.windowTitle().contains(name));
        QVERIFY(editor.isVisible()); // concealed, not closed

        // The models refuse patient data while locked, too.
        QVERIFY(!PatientRepository(*t.db).page(std::nullopt, 10).ok());

        // Another non-admin cannot unlock; a wrong password neither.
        access.lockScreen()->usernameEdit()->setText(QStringLiteral("rita"));
        access.lockScreen()->passwordEdit()->setText(kPassword);
        access.lockScreen()->tryUnlock();
        QVERIFY(access.session().isLocked());
        QVERIFY(access.lockScreen()->errorLabel()->text().contains(QStringLiteral("nina")));
        access.lockScreen()->usernameEdit()->setText(QStringLiteral("nina"));
        access.lockScreen()->passwordEdit()->setText(QStringLiteral("wrong wrong wrong"));
        access.lockScreen()->tryUnlock();
        QVERIFY(access.session().isLocked());
        QVERIFY(firstPatientNameShown().isEmpty());

        access.lockScreen()->passwordEdit()->setText(kPassword);
        access.lockScreen()->tryUnlock();
        QVERIFY(!access.session().isLocked());
        QVERIFY(!access.lockScreen()->panel()->isVisible());
        QCOMPARE(edit->text(), QStringLiteral("unsaved note on %1").arg(name));
        QVERIFY(edit->isVisible());
        QVERIFY(window.windowTitle().contains(name));
        QVERIFY(!firstPatientNameShown().isEmpty());

        // The idle timer runs again: it locks a second time; an administrator unlocks.
        QTRY_VERIFY_WITH_TIMEOUT(access.session().isLocked(), 5000);
        QVERIFY(firstPatientNameShown().isEmpty());
        access.lockScreen()->usernameEdit()->setText(QStringLiteral("alex"));
        access.lockScreen()->passwordEdit()->setText(kPassword);
        access.idleMonitor().setTimeout(60 * 60 * 1000);
        access.lockScreen()->tryUnlock();
        QVERIFY(!access.session().isLocked());
        QCOMPARE(access.session().account()->username, QStringLiteral("alex"));
        QVERIFY(access.session().signOut().ok());
    }

    void typingKeepsTheWorkstationUnlocked()
    {
        AccessController access(*t.db);
        QVERIFY(access.session().signIn(QStringLiteral("rita"), kPassword).ok());
        MainWindow window(*t.db, QStringLiteral("Test clinic"));
        access.attach(&window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // A receptionist is not offered dashboards or the audit trail.
        const auto lists = window.findChildren<QListWidget *>();
        QVERIFY(!lists.isEmpty());
        bool dashboardHidden = false;
        for (QListWidget *list : lists) {
            for (int i = 0; i < list->count(); ++i) {
                if (list->item(i)->text().contains(QStringLiteral("Dashboard")))
                    dashboardHidden = list->item(i)->isHidden();
            }
        }
        QVERIFY(dashboardHidden);
        for (QAction *a : window.findChildren<QAction *>()) {
            if (a->text().contains(QStringLiteral("Audit Trail")) ||
                a->text().contains(QStringLiteral("Wipe")))
                QVERIFY(!a->isVisible());
        }
        access.idleMonitor().setTimeout(400);
        access.idleMonitor().start();
        for (int i = 0; i < 12; ++i) {
            QTest::keyClick(&window, Qt::Key_Shift);
            QTest::qWait(100);
        }
        QVERIFY(!access.session().isLocked());
        QTRY_VERIFY_WITH_TIMEOUT(access.session().isLocked(), 5000);
        // A receptionist's session: the auto-lock entry names her.
        auto actor = t.db->scalar(
            QStringLiteral("SELECT actor FROM audit_log WHERE action = 'lock' ORDER BY seq DESC"));
        QCOMPARE(actor->toString(), QStringLiteral("rita"));
        access.lockScreen()->passwordEdit()->setText(kPassword);
        access.lockScreen()->tryUnlock();
        QVERIFY(!access.session().isLocked());
    }

    void dialogsOpenedWhileLockedAreHiddenToo()
    {
        AccessController access(*t.db);
        QVERIFY(access.session().signIn(QStringLiteral("nina"), kPassword).ok());
        MainWindow window(*t.db, QStringLiteral("Test clinic"));
        access.attach(&window);
        window.show();
        // A modal dialog is open when the lock comes: the unlock form must still take input.
        QDialog modal(&window);
        modal.setWindowTitle(QStringLiteral("Edit %1").arg(m_names.first()));
        modal.setWindowModality(Qt::ApplicationModal);
        modal.show();
        QCOMPARE(QApplication::activeModalWidget(), &modal);
        access.lockNow(QStringLiteral("manual"));
        QCOMPARE(QApplication::activeModalWidget(), access.lockScreen()->panel());
        QVERIFY(access.session().isLocked());
        QDialog late(&window);
        late.setWindowTitle(QStringLiteral("Reminder for %1").arg(m_names.first()));
        new QLabel(m_names.first(), &late);
        late.show();
        QVERIFY2(firstPatientNameShown().isEmpty(),
                 qPrintable(visibleTexts().join(QLatin1Char('|'))));
        access.lockScreen()->passwordEdit()->setText(kPassword);
        access.lockScreen()->tryUnlock();
        QVERIFY(late.windowTitle().contains(m_names.first()));
        QCOMPARE(QApplication::activeModalWidget(), &modal);
    }

    // Pre-answers the next question box with the button whose text contains answer.
    void answerNextQuestion(const QString &answer)
    {
        QTimer::singleShot(0, this, [answer] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            for (QAbstractButton *button : box->buttons()) {
                if (button->text().remove(QLatin1Char('&')).contains(answer)) {
                    button->click();
                    return;
                }
            }
            QFAIL(qPrintable(QStringLiteral("no button ") + answer));
        });
    }

    // A nurse takes over the receptionist's locked PC: the receptionist's windows, with what
    // she typed, are kept hidden and come back when she switches back; an application-modal
    // form cannot be kept and is closed only after the person switching was told.
    void switchUserKeepsThePreviousPersonsWindows()
    {
        AccessController access(*t.db);
        QVERIFY(access.session().signIn(QStringLiteral("rita"), kPassword).ok());
        Workstation workstation(*t.db, access, QStringLiteral("Test clinic"));
        MainWindow *ritas = workstation.openForCurrentPerson();
        QVERIFY(QTest::qWaitForWindowActive(ritas));
        access.idleMonitor().setTimeout(60 * 60 * 1000);
        // A receptionist has no Dashboard: its shortcut says why instead of doing nothing.
        QTest::keyClick(ritas, Qt::Key_4, Qt::ControlModifier);
        QVERIFY2(ritas->statusBar()->currentMessage().contains(QStringLiteral("dashboards")),
                 qPrintable(ritas->statusBar()->currentMessage()));

        QPointer<QDialog> draft = new QDialog(ritas);
        draft->setWindowTitle(QStringLiteral("Draft"));
        auto *edit = new QLineEdit(draft);
        edit->setText(QStringLiteral("half-written"));
        draft->open();
        QPointer<QDialog> blocking = new QDialog(ritas);
        blocking->setWindowModality(Qt::ApplicationModal);
        blocking->show();

        access.lockNow(QStringLiteral("manual"));
        LockScreen *lock = access.lockScreen();
        lock->usernameEdit()->setText(QStringLiteral("nina"));
        lock->passwordEdit()->setText(kPassword);
        lock->trySwitchUser();
        // Told first: nothing happened yet.
        QVERIFY(lock->errorLabel()->text().contains(QStringLiteral("cannot be kept")));
        QVERIFY(lock->errorLabel()->text().contains(QStringLiteral("rita")));
        QVERIFY(access.session().isLocked());
        QCOMPARE(access.session().account()->username, QStringLiteral("rita"));
        lock->passwordEdit()->setText(kPassword);
        lock->trySwitchUser();
        QVERIFY(!access.session().isLocked());
        QCOMPARE(access.session().account()->username, QStringLiteral("nina"));
        QVERIFY(!lock->panel()->isVisible());

        MainWindow *ninas = workstation.currentWindow();
        QVERIFY(ninas != ritas);
        QVERIFY(ninas->isVisible());
        QVERIFY(!ritas->isVisible());
        QVERIFY(draft && !draft->isVisible());
        QVERIFY(blocking && !blocking->isVisible());
        QCOMPARE(blocking->result(), int(QDialog::Rejected));
        QCOMPARE(workstation.keptFor(), QStringList{QStringLiteral("rita")});
        QCOMPARE(ritas->windowTitle(), QStringLiteral("Frontdesk — Test clinic"));
        QCOMPARE(QApplication::activeModalWidget(), nullptr);
        auto logout = t.db->scalar(QStringLiteral(
            "SELECT actor || ' ' || detail FROM audit_log WHERE action = 'logout' ORDER BY seq "
            "DESC"));
        QVERIFY(logout->toString().startsWith(QStringLiteral("rita ")));
        QVERIFY(logout->toString().contains(QStringLiteral("switch-user")));

        // Rita is back: her window and her draft as she left them; Nina's are kept now.
        access.lockNow(QStringLiteral("manual"));
        lock->usernameEdit()->setText(QStringLiteral("rita"));
        lock->passwordEdit()->setText(kPassword);
        lock->trySwitchUser();
        QCOMPARE(access.session().account()->username, QStringLiteral("rita"));
        QCOMPARE(workstation.currentWindow(), ritas);
        QVERIFY(ritas->isVisible());
        QVERIFY(!ninas->isVisible());
        QVERIFY(draft->isVisible());
        QCOMPARE(edit->text(), QStringLiteral("half-written"));
        QCOMPARE(workstation.keptFor(), QStringList{QStringLiteral("nina")});

        // File → Sign Out asks about the open draft first; staying keeps everything.
        answerNextQuestion(QStringLiteral("Cancel"));
        QVERIFY(!workstation.signOut());
        QVERIFY(access.session().isSignedIn());
        QVERIFY(draft->isVisible());
        answerNextQuestion(QStringLiteral("Sign Out"));
        QVERIFY(workstation.signOut());
        QVERIFY(!access.session().isSignedIn());
        QCOMPARE(workstation.currentWindow(), nullptr);
        QTRY_VERIFY(!draft);
        logout =
            t.db->scalar(QStringLiteral("SELECT actor || ' ' || coalesce(detail, '') FROM "
                                        "audit_log WHERE action = 'logout' ORDER BY seq DESC"));
        QVERIFY(logout->toString().startsWith(QStringLiteral("rita")));
        QVERIFY(!logout->toString().contains(QStringLiteral("switch-user")));

        // Nina signs in at the sign-in screen and finds her window.
        QVERIFY(access.session().signIn(QStringLiteral("nina"), kPassword).ok());
        QCOMPARE(workstation.openForCurrentPerson(), ninas);
        QVERIFY(ninas->isVisible());
        QVERIFY(workstation.keptFor().isEmpty());
    }

    // Enrolled: the sign-in dialog and the lock screen wait for the server's word on a thread
    // of their own, and a sync that disables the signed-in person locks the workstation.
    void anEnrolledWorkstationAsksTheServerOffTheWindowsThread()
    {
        GatedAuthority server;
        AccessController access(*t.db);
        access.setAuthority(&server);
        SignInDialog dialog(access.session(), SignInDialog::Mode::SignIn, QString());
        dialog.setAuthority(&server);
        dialog.show();
        server.verdict.kind = ServerVerdict::Kind::Accepted;
        server.verdict.role = Role::Manager;
        server.verdict.displayName = QStringLiteral("Olga Ortmann");
        dialog.usernameEdit()->setText(QStringLiteral("olga"));
        dialog.passwordEdit()->setText(kPassword);
        dialog.accept();
        QVERIFY(dialog.isChecking());
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("checking"))->isVisible());
        QTRY_COMPARE(server.asked.load(), 1);
        // The window's event loop runs while the server has not answered.
        QTest::qWait(50);
        QVERIFY(dialog.isChecking());
        QVERIFY(!access.session().isSignedIn());
        server.gate.release();
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(access.session().account()->role, Role::Manager);
        QCOMPARE(StaffAccountRepository(*t.db).find(QStringLiteral("olga"))->value().displayName,
                 QStringLiteral("Olga Ortmann"));

        MainWindow window(*t.db, QStringLiteral("Test clinic"));
        access.attach(&window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        access.accountsDisabled({QStringLiteral("someone else")});
        QVERIFY(!access.session().isLocked());
        access.accountsDisabled({QStringLiteral("OLGA")});
        QVERIFY(access.session().isLocked());
        QVERIFY(access.lockScreen()->isShown());
        QVERIFY2(access.lockScreen()->errorLabel()->text().contains(QStringLiteral("disabled")),
                 qPrintable(access.lockScreen()->errorLabel()->text()));

        // The server refuses: the neutral answer, counted here too.
        server.verdict = ServerVerdict{ServerVerdict::Kind::Refused, {}, Role::Receptionist, {}};
        access.lockScreen()->usernameEdit()->setText(QStringLiteral("olga"));
        access.lockScreen()->passwordEdit()->setText(kPassword);
        access.lockScreen()->tryUnlock();
        QVERIFY(access.lockScreen()->isChecking());
        server.gate.release();
        QTRY_VERIFY(!access.lockScreen()->isChecking());
        QVERIFY(access.session().isLocked());
        QCOMPARE(access.lockScreen()->errorLabel()->text(),
                 QStringLiteral("The user name or the password is wrong."));
        QCOMPARE(StaffAccountRepository(*t.db).find(QStringLiteral("olga"))->value().failedAttempts,
                 1);

        // No answer: the cache of her last online sign-in unlocks, and the trail says offline.
        server.verdict = ServerVerdict{ServerVerdict::Kind::Unreachable,
                                       {},
                                       Role::Receptionist,
                                       QStringLiteral("connection refused")};
        access.lockScreen()->passwordEdit()->setText(kPassword);
        access.lockScreen()->tryUnlock();
        server.gate.release();
        QTRY_VERIFY(!access.session().isLocked());
        QVERIFY(t.db->scalar(QStringLiteral("SELECT detail FROM audit_log WHERE action = "
                                            "'unlock' ORDER BY seq DESC"))
                    ->toString()
                    .contains(QStringLiteral("\"offline\"")));
        QVERIFY(access.session().signOut().ok());
    }

    // Issue 17: another workstation's administrator changed the clinic's auto-lock time; the
    // running app uses the pulled time at once, with the idle timer still counting.
    void aPulledAutoLockTimeAppliesAtOnce()
    {
        AccessController access(*t.db);
        QVERIFY(access.session().signIn(QStringLiteral("nina"), kPassword).ok());
        MainWindow window(*t.db, QStringLiteral("Test clinic"));
        access.attach(&window);
        PullSignal worker;
        connect(&worker, &PullSignal::recordsChanged, &access,
                &AccessController::applySyncedChanges);
        const int before = AutoLockSetting::minutes(*t.db);
        QCOMPARE(access.idleMonitor().timeout(), before * 60 * 1000);
        const int pulled = before == 7 ? 9 : 7;

        // As a round pulls it: the server's version of the whole record, written unqueued.
        auto values = SharedSettings(*t.db).values();
        QVERIFY(values.ok());
        ClinicSettingsMapping::Values server = *values;
        server.insert(AutoLockSetting::key(), QString::number(pulled));
        QVERIFY(SharedSettings(*t.db).applyServer(server, 4711));
        QCOMPARE(AutoLockSetting::minutes(*t.db), pulled);

        // Other records pulled leave the timer alone.
        emit worker.recordsChanged(QStringLiteral("Patient"), {QStringLiteral("p1")});
        QCOMPARE(access.idleMonitor().timeout(), before * 60 * 1000);

        emit worker.recordsChanged(QStringLiteral("Organization"), {QStringLiteral("clinic")});
        QCOMPARE(access.idleMonitor().timeout(), pulled * 60 * 1000);
        QVERIFY(access.idleMonitor().isRunning());

        // And back again, as often as it changes.
        server.insert(AutoLockSetting::key(), QString::number(before));
        QVERIFY(SharedSettings(*t.db).applyServer(server, 4712));
        emit worker.recordsChanged(QStringLiteral("Organization"), {QStringLiteral("clinic")});
        QCOMPARE(access.idleMonitor().timeout(), before * 60 * 1000);
    }
};

QTEST_MAIN(TestAutoLock)
#include "tst_autolock.moc"
