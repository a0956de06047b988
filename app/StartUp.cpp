#include "StartUp.h"

#include "SyncStatus.h"
#include "SyncWorker.h"

#include "AppEnvironment.h"
#include "BackgroundEnroller.h"
#include "MainWindow.h"
#include "ServerConnection.h"
#include "ServerEndpoint.h"
#include "ServerSignIn.h"
#include "ServerTransport.h"
#include "SyncConflicts.h"
#include "Workstation.h"
#include "WorkstationCredential.h"
#include "access/AuditAnchor.h"
#include "access/Session.h"
#include "common/AccessController.h"
#include "database/Database.h"
#include "database/SecretStore.h"
#include "storage/MessageRetention.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QMutex>
#include <QProcess>

#include <cstdio>
#include <cstring>

namespace frontdesk {

namespace {

// The workstation's credential as the sync worker's rounds use it: read on the main thread
// (the keychain wants it), taken by the worker's thread.
struct SharedCredential
{
    QMutex mutex;
    std::optional<WorkstationCredential> credential;
};

struct Options
{
    QCommandLineOption dataDir{
        QStringLiteral("data-dir"),
        StartUp::tr("The data directory (default: %1).").arg(AppEnvironment::defaultDataDir()),
        QStringLiteral("DIR")};
    QCommandLineOption keyFile{
        QStringLiteral("key-file"),
        StartUp::tr("Keep the database key in this file (mode 0600) instead of the OS "
                    "keychain. Weaker: for test and demo machines."),
        QStringLiteral("PATH")};
    QCommandLineOption view{QStringLiteral("view"),
                            StartUp::tr("Start on this view: %1.")
                                .arg(MainWindow::viewNames().join(QStringLiteral(", "))),
                            QStringLiteral("VIEW")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.setApplicationDescription(StartUp::tr("Frontdesk, the front desk of a clinic."));
        parser.addOptions({dataDir, keyFile, view});
        parser.addHelpOption();
        parser.addVersionOption();
    }
};

void printTo(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

bool isOneOf(const char *arg, std::initializer_list<const char *> names)
{
    for (const char *name : names) {
        if (std::strcmp(arg, name) == 0)
            return true;
    }
    return false;
}

} // namespace

StartUp::StartUp() = default;
StartUp::~StartUp()
{
    // The windows still write (sign-out) as they go, after the sync worker has gone.
    if (m_database)
        m_database->setOnCommit({});
}

void StartUp::setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("frontdesk"));
    QCoreApplication::setApplicationName(QStringLiteral("frontdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FRONTDESK_VERSION));
}

std::optional<int> StartUp::answerWithoutGui(int argc, char *argv[])
{
    bool help = false;
    bool version = false;
    for (int i = 1; i < argc; ++i) {
        // A value given to an option is not itself an option.
        if (isOneOf(argv[i], {"--data-dir", "--key-file", "--view"})) {
            ++i;
            continue;
        }
        help = help || isOneOf(argv[i], {"-h", "--help", "-?", "--help-all"});
        version = version || isOneOf(argv[i], {"-v", "--version"});
    }
    if (version) {
        printTo(stdout, QStringLiteral("frontdesk %1\n").arg(QStringLiteral(FRONTDESK_VERSION)));
        return Ok;
    }
    if (help) {
        // QCoreApplication needs no display; the help text takes the program name from it.
        QCoreApplication app(argc, argv);
        setApplicationNames();
        QCommandLineParser parser;
        Options().addTo(parser);
        printTo(stdout, parser.helpText());
        return Ok;
    }
    return std::nullopt;
}

int StartUp::fail(const QString &message)
{
    printTo(stderr, QStringLiteral("frontdesk: %1\n").arg(message));
    QMessageBox box(QMessageBox::Critical, tr("Frontdesk"), message, QMessageBox::Ok);
    box.setTextFormat(Qt::PlainText);
    box.exec();
    return Failed;
}

int StartUp::run()
{
    return run(QCoreApplication::arguments());
}

int StartUp::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    const Options options;
    options.addTo(parser);
    if (!parser.parse(arguments))
        return fail(tr("%1\nRun frontdesk --help for the options.").arg(parser.errorText()));
    if (!parser.positionalArguments().isEmpty())
        return fail(tr("Unexpected argument \"%1\". Run frontdesk --help for the options.")
                        .arg(parser.positionalArguments().constFirst()));
    std::optional<MainWindow::View> view;
    if (parser.isSet(options.view)) {
        view = MainWindow::viewFromName(parser.value(options.view));
        if (!view)
            return fail(tr("Unknown view \"%1\"; choose one of %2.")
                            .arg(parser.value(options.view),
                                 MainWindow::viewNames().join(QStringLiteral(", "))));
    }

    const QString dataDir = parser.isSet(options.dataDir) ? parser.value(options.dataDir)
                                                          : AppEnvironment::defaultDataDir();
    m_store = AppEnvironment::secretStore(parser.value(options.keyFile));
    m_directory = std::make_unique<DataDirectory>(dataDir, *m_store);
    m_anchorStore = AppEnvironment::anchorKeyStore(parser.value(options.keyFile));
    m_anchor = std::make_unique<AuditAnchor>(*m_anchorStore, dataDir);
    // An anchor left from a database removed by hand belongs to no trail any more.
    if (!m_directory->databaseExists()) {
        if (auto s = m_anchor->remove(); !s)
            return fail(s.error());
    }
    auto opened = m_directory->open();
    if (!opened)
        return fail(tr("Frontdesk could not open its database in %1.\n\n%2")
                        .arg(m_directory->path(), opened.error()));
    m_database = std::move(opened->database);
    // Until staff sign in, the audit trail names the workstation.
    m_database->setActor(Actor::system(QStringLiteral("workstation")));

    // The clinic's name (init --clinic-name) in the sign-in and the window titles; a data
    // folder's path means nothing to the person at the desk, so without a name none is shown.
    const QString place = m_database->setting(QStringLiteral("clinic_name"));
    m_access = std::make_unique<AccessController>(*m_database);
    m_authority = std::make_unique<ServerSignIn>(*m_database);
    m_access->setAuthority(m_authority.get());
    QObject::connect(&m_access->session(), &Session::anchorPoint, [this] {
        if (auto s = m_anchor->update(*m_database); !s)
            printTo(stderr, QStringLiteral("frontdesk: %1\n").arg(s.error()));
    });
    if (!m_access->signIn(place))
        return Ok;
    if (auto purged = MessageRetention::purge(*m_database); !purged)
        printTo(stderr, QStringLiteral("frontdesk: %1\n").arg(purged.error()));
    m_workstation = std::make_unique<Workstation>(*m_database, *m_access, place);
    m_enroller = std::make_unique<BackgroundEnroller>(*m_database, *m_store, m_directory->path());
    m_access->setEnroller(m_enroller.get());
    m_conflicts = std::make_unique<SyncConflicts>(*m_database);
    QObject::connect(m_access.get(), &AccessController::wipeRequested, qApp,
                     [this](const QString &by) {
                         // Queued: the wipe deletes the window whose menu asked for it.
                         QMetaObject::invokeMethod(
                             qApp, [this, by] { wipe(by); }, Qt::QueuedConnection);
                     });
    m_sync = std::make_unique<SyncThread>(SyncWorker::connectionServing(*m_database));
    auto shared = std::make_shared<SharedCredential>();
    const auto readCredential = [this, shared] {
        auto loaded = WorkstationCredential::load(*m_store, m_directory->path());
        QMutexLocker locker(&shared->mutex);
        shared->credential = loaded ? *loaded : std::nullopt;
    };
    readCredential();
    m_sync->worker()->setTransport(
        [shared](Database &db) -> Result<std::unique_ptr<SyncTransport>> {
            std::optional<WorkstationCredential> credential;
            {
                QMutexLocker locker(&shared->mutex);
                credential = shared->credential;
            }
            if (!credential)
                return frontdesk::fail(
                    tr("This workstation is not enrolled with a server (Workstation → "
                       "Connect to Server…)."));
            auto endpoint = ServerEndpoint::fromSettings(db);
            if (!endpoint)
                return frontdesk::fail(endpoint.error());
            auto connection = std::make_unique<ServerConnection>(*endpoint);
            connection->setCredential(*credential);
            return std::unique_ptr<SyncTransport>(
                std::make_unique<ServerTransport>(std::move(connection), true));
        });
    // Each person's window shows the sync state and asks for rounds, also one made after a
    // switch of user. Sync Now reads the credential again first, so a workstation enrolled in
    // this session syncs from then on.
    QObject::connect(
        m_workstation.get(), &Workstation::windowCreated, m_workstation.get(),
        [this, readCredential](MainWindow *window) {
            SyncWorker *worker = m_sync->worker();
            window->setSyncIssues(m_conflicts.get());
            QObject::connect(worker, &SyncWorker::stateChanged, window->syncStatus(),
                             &SyncStatus::apply);
            QObject::connect(worker, &SyncWorker::progressed, window->syncStatus(),
                             &SyncStatus::setProgress);
            QObject::connect(worker, &SyncWorker::recordsChanged, window,
                             &MainWindow::showSyncedChanges);
            QObject::connect(worker, &SyncWorker::roundFinished, window,
                             [this](const SyncRound &round) {
                                 if (!round.accountsDisabled.isEmpty())
                                     m_access->accountsDisabled(round.accountsDisabled);
                             });
            QObject::connect(window, &MainWindow::syncRequested, window, [readCredential, worker] {
                readCredential();
                QMetaObject::invokeMethod(worker, &SyncWorker::syncNow, Qt::QueuedConnection);
            });
            QObject::connect(window->syncStatus(), &SyncStatus::localChangesWaiting, worker,
                             &SyncWorker::localChange);
        });
    // A change made here goes to the server a moment later (the worker waits for the changes
    // to stop coming), so the other workstations show it within seconds.
    SyncWorker *worker = m_sync->worker();
    // A pulled change of the clinic's auto-lock time applies at once.
    QObject::connect(worker, &SyncWorker::recordsChanged, m_access.get(),
                     &AccessController::applySyncedChanges);
    m_database->setOnCommit([worker] {
        QMetaObject::invokeMethod(worker, &SyncWorker::localChange, Qt::QueuedConnection);
    });
    MainWindow *window = m_workstation->openForCurrentPerson();
    m_sync->start();
    if (view)
        window->showView(*view);
    if (!opened->notes.isEmpty()) {
        QMessageBox box(QMessageBox::Information, tr("Frontdesk"),
                        opened->notes.join(QStringLiteral("\n\n")), QMessageBox::Ok, window);
        box.setTextFormat(Qt::PlainText);
        box.exec();
    }
    return QApplication::exec();
}

void StartUp::wipe(const QString &requestedBy)
{
    QApplication::setQuitOnLastWindowClosed(false);
    m_database->setOnCommit({});
    m_sync.reset(); // its connection must be closed before the files go
    m_workstation.reset();
    m_access.reset();
    m_authority.reset();
    m_enroller.reset();
    m_database.reset();
    // The server credential goes with the data: a wiped workstation is enrolled anew.
    if (auto s = WorkstationCredential::remove(*m_store, m_directory->path()); !s) {
        fail(tr("This workstation could not be wiped: %1").arg(s.error()));
        QApplication::exit(Failed);
        return;
    }
    if (auto s = m_directory->wipe(requestedBy); !s) {
        fail(tr("This workstation could not be wiped: %1").arg(s.error()));
        QApplication::exit(Failed);
        return;
    }
    if (auto s = m_anchor->remove(); !s) {
        fail(tr("This workstation could not be wiped: %1").arg(s.error()));
        QApplication::exit(Failed);
        return;
    }
    QMessageBox::information(nullptr, tr("Frontdesk"),
                             tr("This workstation was wiped: its database and key are gone. "
                                "Frontdesk starts again as new."));
    QProcess::startDetached(QCoreApplication::applicationFilePath(),
                            QCoreApplication::arguments().mid(1));
    QApplication::quit();
}

} // namespace frontdesk
