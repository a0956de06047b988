// The app started as main() starts it (StartUp::run, the sign-in dialog answered as a person
// would), on a workstation enrolled with the real frontdesk-server on loopback by frontdeskctl
// init and enroll: the sync worker StartUp starts brings a patient registered at another
// workstation into the local database and the patient list, the status bar says online and
// when it last synced, and a patient registered in the app reaches the server.
// FRONTDESK_TEST_LANGUAGE (default en) chooses the language; with FRONTDESK_SCREENSHOT_DIR set
// the synced window's status bar is saved there as <language>-status-bar-synced.png.
#include "CtlProcess.h"
#include "KeyFileDatabase.h"
#include "PrivateSettings.h"
#include "ServerProcess.h"
#include "StartUp.h"
#include "SyncEngine.h"
#include "TestDatabase.h"
#include "TestSignIn.h"

#include "MainWindow.h"
#include "SyncStatus.h"
#include "common/InfoBar.h"
#include "common/SignInDialog.h"
#include "common/SyncStatusWidget.h"
#include "core/LocaleFormat.h"
#include "core/Translations.h"
#include "patients/PatientEditor.h"
#include "patients/PatientProfileView.h"
#include "patients/PatientsView.h"
#include "storage/PatientRepository.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace frontdesk;

namespace {

const QString kPassword = QStringLiteral("tidal marble orchard 7");

QString language()
{
    return qEnvironmentVariable("FRONTDESK_TEST_LANGUAGE", QStringLiteral("en"));
}

// Whether a cell of the view's model shows this text.
bool shows(const QTableView *table, const QString &text)
{
    const QAbstractItemModel *model = table->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column = 0; column < model->columnCount(); ++column) {
            if (model->index(row, column).data().toString().contains(text))
                return true;
        }
    }
    return false;
}

} // namespace

class TestAppStartUp : public QObject
{
    Q_OBJECT

    test::PrivateSettings m_settings;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_server;
    QString m_url;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    testing::CtlRun ctl(const QStringList &args, const QByteArray &input = {})
    {
        return testing::runCtl(QStringLiteral(FRONTDESK_CTL_PATH), path(QStringLiteral("desk")),
                               path(QStringLiteral("desk.key")), args, input);
    }

    // What the person sees once the app is up, checked in its own event loop.
    void checkTheApp(MainWindow &window, const Patient &fromElsewhere, SyncTransport &server)
    {
        SyncStatus *status = window.syncStatus();
        QTRY_VERIFY_WITH_TIMEOUT(status->online() && status->lastSyncAt().isValid(), 30000);

        // The patient from the other workstation: in this workstation's database, and in the
        // patient list without a refresh.
        auto local = testing::openWithKeyFile(path(QStringLiteral("desk")),
                                              path(QStringLiteral("desk.key")));
        QVERIFY(local);
        const auto familyName = [&local](const QString &id) {
            auto v = local->scalar(QStringLiteral("SELECT family_name FROM patients WHERE id = ?"),
                                   {id});
            return v ? v->toString() : QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(familyName(fromElsewhere.meta.id), fromElsewhere.familyName,
                                  30000);
        QTRY_VERIFY_WITH_TIMEOUT(shows(window.patientsView()->table(), fromElsewhere.familyName),
                                 30000);

        // The status bar, in this language: online, and when it last synced.
        window.resize(1366, 768);
        QTRY_VERIFY_WITH_TIMEOUT(
            window.syncStatusWidget()->text().startsWith(SyncStatusWidget::tr("Online")) &&
                window.syncStatusWidget()->text().contains(
                    SyncStatusWidget::tr(" (last synced %1)")
                        .arg(LocaleFormat::fullYearDateTime(status->lastSyncAt().toLocalTime()))),
            30000);
        if (const QString shots = qEnvironmentVariable("FRONTDESK_SCREENSHOT_DIR");
            !shots.isEmpty()) {
            QVERIFY(QDir().mkpath(shots));
            QVERIFY(window.statusBar()->grab().save(
                QDir(shots).filePath(QStringLiteral("%1-status-bar-synced.png").arg(language()))));
        }

        // A patient registered here, in the app: at the server a moment later, nothing waiting.
        window.showView(MainWindow::View::Patients);
        PatientProfileView *draft = window.patientsView()->newPatient();
        QVERIFY(draft);
        PatientEditor *editor = draft->editor();
        const auto type = [editor](const char *field, const QString &text) {
            auto *edit = qobject_cast<QLineEdit *>(editor->input(QLatin1String(field)));
            QVERIFY2(edit, field);
            edit->setText(text);
        };
        type("familyName", QStringLiteral("Brandt"));
        type("givenName", QStringLiteral("Jonas"));
        type("birthDate", QStringLiteral("1972-05-06"));
        type("mrn", QStringLiteral("APP-1"));
        type("phoneMobile", QStringLiteral("0151 2345678"));
        const auto problems = [editor, draft] {
            QStringList said{draft->messageLabel()->text()};
            for (const char *field :
                 {"familyName", "givenName", "birthDate", "mrn", "sex", "phoneMobile", "email"})
                if (const QString error = editor->errorFor(QLatin1String(field)); !error.isEmpty())
                    said << QLatin1String(field) + QLatin1String(": ") + error;
            return said.join(QLatin1String("; "));
        };
        QVERIFY2(draft->save(), qPrintable(problems()));
        const QString id = draft->patientId();
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(
            server.send("GET", QStringLiteral("fhir/Patient/%1").arg(id)).status, 200, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(status->pendingChanges(), 0, 30000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        QVERIFY(m_dir.isValid());
        const QLocale locale(language());
        QLocale::setDefault(locale);
        Translations::install(locale);

        QFile none(path(QStringLiteral("none.conf")));
        QVERIFY(none.open(QIODevice::WriteOnly));
        none.close();
        const QStringList storage{QStringLiteral("--config"), path(QStringLiteral("none.conf")),
                                  QStringLiteral("--data-dir"), path(QStringLiteral("server"))};
        QVERIFY(frontdesk::testing::addServerUser(QStringLiteral(FRONTDESK_SERVER_PATH), storage,
                                                  QStringLiteral("alice"), QStringLiteral("admin"),
                                                  kPassword.toUtf8()));
        m_server = std::make_unique<QProcess>();
        QByteArray said;
        m_url = testing::startServerProcess(*m_server, QStringLiteral(FRONTDESK_SERVER_PATH),
                                            storage + QStringList{QStringLiteral("--insecure-http"),
                                                                  QStringLiteral("--listen"),
                                                                  QStringLiteral("127.0.0.1:0")},
                                            &said);
        QVERIFY2(!m_url.isEmpty(), said.constData());

        // The workstation, enrolled as an administrator does it.
        const testing::CtlRun init = ctl({QStringLiteral("init")});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        const testing::CtlRun enrolled =
            ctl({QStringLiteral("enroll"), QStringLiteral("--server"), m_url,
                 QStringLiteral("--insecure-http"), QStringLiteral("--user"),
                 QStringLiteral("alice"), QStringLiteral("--name"), QStringLiteral("desk")},
                kPassword.toUtf8() + '\n');
        QVERIFY2(enrolled.exitCode == 0, qPrintable(enrolled.err));
    }

    void cleanupTestCase()
    {
        if (m_server) {
            m_server->terminate();
            m_server->waitForFinished(10000);
        }
    }

    void anEnrolledWorkstationSyncsFromTheStart()
    {
        // Another workstation registers a patient and syncs it to the server.
        test::TestDatabase other;
        QVERIFY(other.open());
        std::unique_ptr<SyncTransport> server =
            testing::signInAt(m_url, QStringLiteral("alice"), kPassword);
        QVERIFY(server);
        Patient quast;
        quast.mrn = QStringLiteral("ELSEWHERE-1");
        quast.familyName = QStringLiteral("Quast");
        quast.givenName = QStringLiteral("Ilse");
        quast.birthDate = QDate(1961, 2, 3);
        quast.sex = QStringLiteral("female");
        QVERIFY(PatientRepository(*other.db).save(quast).ok());
        const SyncRound pushed = SyncEngine(*other.db, *server).round();
        QVERIFY2(pushed.problem.isEmpty(), qPrintable(pushed.problem));
        QCOMPARE(pushed.pushed, 1);

        // The app, as main() starts it: the sign-in dialog answered, then the checks run in the
        // app's event loop, which they end.
        StartUp startUp;
        bool answered = false;
        bool checked = false;
        QString signInProblem;
        QTimer driver;
        driver.setInterval(50);
        connect(&driver, &QTimer::timeout, this, [&] {
            QWidget *modal = QApplication::activeModalWidget();
            if (auto *dialog = qobject_cast<SignInDialog *>(modal)) {
                if (!answered) {
                    answered = true;
                    dialog->usernameEdit()->setText(QStringLiteral("alice"));
                    dialog->passwordEdit()->setText(kPassword);
                    dialog->accept();
                } else if (!dialog->isChecking() && !dialog->errorLabel()->text().isEmpty()) {
                    signInProblem = dialog->errorLabel()->text();
                    dialog->reject();
                }
                return;
            }
            if (auto *box = qobject_cast<QMessageBox *>(modal)) {
                qWarning("the app said: %s", qPrintable(box->text()));
                box->accept();
                return;
            }
            MainWindow *window = nullptr;
            for (QWidget *w : QApplication::topLevelWidgets()) {
                if (auto *candidate = qobject_cast<MainWindow *>(w); candidate && w->isVisible())
                    window = candidate;
            }
            if (!window || checked)
                return;
            checked = true;
            driver.stop();
            checkTheApp(*window, quast, *server);
            QApplication::quit();
        });
        driver.start();
        // Should the sign-in hang, the test ends rather than waits for ctest's timeout.
        QTimer watchdog;
        watchdog.setSingleShot(true);
        watchdog.start(120000);
        connect(&watchdog, &QTimer::timeout, this, [&] {
            if (checked)
                return;
            signInProblem = QStringLiteral("no main window within two minutes");
            if (auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget()))
                dialog->reject();
            QApplication::quit();
        });
        const int code = startUp.run({QStringLiteral("frontdesk"), QStringLiteral("--data-dir"),
                                      path(QStringLiteral("desk")), QStringLiteral("--key-file"),
                                      path(QStringLiteral("desk.key"))});
        QVERIFY2(signInProblem.isEmpty(), qPrintable(signInProblem));
        QCOMPARE(code, 0);
        QVERIFY(checked);
    }
};

QTEST_MAIN(TestAppStartUp)
#include "tst_appstartup.moc"
