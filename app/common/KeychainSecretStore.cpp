#include "KeychainSecretStore.h"

#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>

#include <sys/stat.h>

namespace frontdesk {

namespace {

#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
constexpr bool usesSecretService = true;
#else
constexpr bool usesSecretService = false;
#endif

enum class Operation
{
    Read,
    Write,
    Remove
};

QString fixes()
{
    return KeychainSecretStore::tr(
        "Start Frontdesk inside a desktop session, or run it under `dbus-run-session` with "
        "gnome-keyring-daemon started and unlocked, or pass --key-file PATH to keep the key in a "
        "file readable only by you instead.");
}

QString whatFailed(Operation operation, const QString &account)
{
    switch (operation) {
    case Operation::Read:
        return KeychainSecretStore::tr("Could not read \"%1\" from the OS keychain.").arg(account);
    case Operation::Write:
        return KeychainSecretStore::tr("Could not store \"%1\" in the OS keychain.").arg(account);
    case Operation::Remove:
        return KeychainSecretStore::tr("Could not remove \"%1\" from the OS keychain.")
            .arg(account);
    }
    return {};
}

QString failureMessage(Operation operation, const QString &account, const QKeychain::Job &job)
{
    QString reason;
    switch (job.error()) {
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        reason = KeychainSecretStore::tr(
            "The keychain refused access: it may be locked, or access was declined. Unlock the "
            "Secret Service (e.g. gnome-keyring or KWallet) and try again.");
        break;
    case QKeychain::CouldNotDeleteEntry:
        reason = KeychainSecretStore::tr("The keychain could not delete the entry.");
        break;
    default:
        reason = usesSecretService
                     ? KeychainSecretStore::tr(
                           "The Secret Service (e.g. gnome-keyring or KWallet) on the D-Bus "
                           "session bus is missing, or has no unlocked default keyring.")
                     : KeychainSecretStore::tr("The system keychain is not available.");
        break;
    }
    return KeychainSecretStore::tr("%1 %2 %3 (QtKeychain: %4)")
        .arg(whatFailed(operation, account), reason, fixes(), job.errorString());
}

// Runs the job in a local event loop until it finishes or the timeout passes. A job that timed
// out is still pending inside QtKeychain, whose backend callbacks point at it, so it must not be
// deleted: it is handed over to delete itself whenever it does finish.
template <typename JobType>
bool runJob(std::unique_ptr<JobType> &job, std::chrono::milliseconds timeout)
{
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    bool finished = false;
    QObject::connect(job.get(), &QKeychain::Job::finished, &loop, [&finished, &loop] {
        finished = true;
        loop.quit();
    });
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    job->start();
    timer.start(timeout);
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (!finished)
        job.release()->setAutoDelete(true);
    return finished;
}

template <typename JobType>
std::unique_ptr<JobType> makeJob(const QString &service, const QString &account)
{
    auto job = std::make_unique<JobType>(service);
    job->setAutoDelete(false);
    // QtKeychain would otherwise keep the secret in a plain-text QSettings file when no keychain
    // answers; that must never happen to a database key.
    job->setInsecureFallback(false);
    job->setKey(account);
    return job;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service) : m_service(std::move(service)) {}

QString KeychainSecretStore::description() const
{
    return usesSecretService ? tr("the OS keychain (Secret Service, service '%1')").arg(m_service)
                             : tr("the OS keychain (service '%1')").arg(m_service);
}

Status KeychainSecretStore::checkEnvironment() const
{
    if (!QCoreApplication::instance())
        return fail(tr("The OS keychain can only be used once the application has started."));
    if (!usesSecretService)
        return {};
    if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return {};
    // Without the variable, libdbus and GDBus both use the systemd user bus if there is one.
    const QByteArray runtimeDir = qgetenv("XDG_RUNTIME_DIR");
    struct stat info = {};
    if (!runtimeDir.isEmpty() && ::stat((runtimeDir + "/bus").constData(), &info) == 0 &&
        S_ISSOCK(info.st_mode)) {
        return {};
    }
    return fail(tr("Frontdesk keeps its database key in the OS keychain, which is reached "
                   "through the D-Bus session bus, and there is no D-Bus session here "
                   "(DBUS_SESSION_BUS_ADDRESS is not set). %1")
                    .arg(fixes()));
}

Result<std::optional<QByteArray>> KeychainSecretStore::read(const QString &account)
{
    if (Status ready = checkEnvironment(); !ready)
        return fail(ready.error());
    auto job = makeJob<QKeychain::ReadPasswordJob>(m_service, account);
    if (!runJob(job, m_timeout)) {
        return fail(tr("The OS keychain did not answer within %1 seconds while reading \"%2\". "
                       "It may be waiting to be unlocked in a dialog that is hidden or cannot be "
                       "shown. %3")
                        .arg(QString::number(m_timeout.count() / 1000.0), account, fixes()));
    }
    switch (job->error()) {
    case QKeychain::NoError:
        return std::optional<QByteArray>(job->binaryData());
    case QKeychain::EntryNotFound:
        return std::optional<QByteArray>();
    default:
        return fail(failureMessage(Operation::Read, account, *job));
    }
}

Status KeychainSecretStore::write(const QString &account, const QByteArray &secret)
{
    if (Status ready = checkEnvironment(); !ready)
        return ready;
    auto job = makeJob<QKeychain::WritePasswordJob>(m_service, account);
    job->setBinaryData(secret);
    if (!runJob(job, m_timeout)) {
        return fail(tr("The OS keychain did not answer within %1 seconds while storing \"%2\". "
                       "It may be waiting to be unlocked in a dialog that is hidden or cannot be "
                       "shown. %3")
                        .arg(QString::number(m_timeout.count() / 1000.0), account, fixes()));
    }
    if (job->error() != QKeychain::NoError)
        return fail(failureMessage(Operation::Write, account, *job));
    return {};
}

Status KeychainSecretStore::remove(const QString &account)
{
    if (Status ready = checkEnvironment(); !ready)
        return ready;
    auto job = makeJob<QKeychain::DeletePasswordJob>(m_service, account);
    if (!runJob(job, m_timeout)) {
        return fail(tr("The OS keychain did not answer within %1 seconds while removing \"%2\". "
                       "It may be waiting to be unlocked in a dialog that is hidden or cannot be "
                       "shown. %3")
                        .arg(QString::number(m_timeout.count() / 1000.0), account, fixes()));
    }
    if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound)
        return fail(failureMessage(Operation::Remove, account, *job));
    return {};
}

} // namespace frontdesk
