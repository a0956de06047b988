#pragma once

#include "CtlCommand.h"
#include "ServerConfig.h"
#include "database/KeyFileSecretStore.h"

#include <QCoreApplication>
#include <QTextStream>

#include <memory>

namespace frontdesk::server {

// `frontdesk-server user ...`: frontdeskctl's own `user` command (app/ctl/AccessCommands.cpp),
// run against the server's database instead of a workstation's, so the two tools manage
// accounts with one piece of code.
class ServerUserCommand final : public CtlContext
{
    Q_DECLARE_TR_FUNCTIONS(ServerUserCommand)
public:
    explicit ServerUserCommand(ServerConfig config);

    // arguments: "user", the sub-command and its options.
    int run(const QStringList &arguments);

    QTextStream &out() override { return m_out; }
    QTextStream &err() override { return m_err; }
    DataDirectory &directory() override { return *m_directory; }
    SecretStore &secretStore() override { return *m_store; }
    Result<DataDirectory::Opened> openDatabase(bool create = false) override;
    int usage(const QString &problem) override;
    int failure(const QString &message) override;
    int refused(const QString &message) override;

private:
    ServerConfig m_config;
    QTextStream m_out;
    QTextStream m_err;
    std::unique_ptr<KeyFileSecretStore> m_store;
    std::unique_ptr<DataDirectory> m_directory;
};

} // namespace frontdesk::server
