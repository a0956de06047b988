#include "ServerUserCommand.h"

#include "AppEnvironment.h"
#include "Ctl.h"
#include "ServerStorage.h"

#include <QDir>

namespace frontdesk::server {

ServerUserCommand::ServerUserCommand(ServerConfig config)
    : m_config(std::move(config)), m_out(stdout), m_err(stderr),
      m_store(std::make_unique<KeyFileSecretStore>(
          QDir(m_config.dataDir).filePath(ServerStorage::keyFileName()))),
      m_directory(std::make_unique<DataDirectory>(m_config.dataDir, *m_store))
{}

int ServerUserCommand::run(const QStringList &arguments)
{
    Ctl::Invocation invocation =
        Ctl::parse(QStringList{QStringLiteral("frontdesk-server")} + arguments);
    switch (invocation.action) {
    case Ctl::Invocation::Action::ShowHelp:
        m_out << invocation.helpText << Qt::flush;
        return Ok;
    case Ctl::Invocation::Action::ShowVersion:
    case Ctl::Invocation::Action::Usage:
        return usage(invocation.problem.isEmpty() ? tr("see frontdesk-server user --help")
                                                  : invocation.problem);
    case Ctl::Invocation::Action::RunCommand:
        break;
    }
    if (invocation.command->name != QLatin1String("user"))
        return usage(tr("frontdesk-server only runs the user command."));
    const int code = invocation.command->run(*this, *invocation.parser, invocation.arguments);
    m_out.flush();
    m_err.flush();
    return code;
}

Result<DataDirectory::Opened> ServerUserCommand::openDatabase(bool)
{
    auto db = ServerStorage::open(m_config);
    if (!db)
        return fail(db.error());
    // Whoever may read the server's configuration and key manages its accounts; the trail
    // names the command and the operating-system user who ran it.
    (*db)->actAsSystem(QStringLiteral("frontdesk-server user (os user %1)")
                           .arg(AppEnvironment::operatingSystemUser()));
    DataDirectory::Opened opened;
    opened.database = std::move(*db);
    return opened;
}

int ServerUserCommand::usage(const QString &problem)
{
    m_err << "frontdesk-server: " << problem << '\n' << Qt::flush;
    return UsageError;
}

int ServerUserCommand::failure(const QString &message)
{
    m_err << "frontdesk-server: " << message << '\n' << Qt::flush;
    return Failed;
}

int ServerUserCommand::refused(const QString &message)
{
    m_err << "frontdesk-server: " << message << '\n' << Qt::flush;
    return Refused;
}

} // namespace frontdesk::server
