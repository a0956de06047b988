#pragma once

#include "CtlCommand.h"
#include "access/AuditAnchor.h"
#include "database/SecretStore.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

#include <memory>
#include <optional>

namespace frontdesk {

// frontdeskctl: finds the command, parses its options and runs it.
// Exit codes: 0 done, 1 usage error, 2 failure, 3 refused by a business rule.
class Ctl final : public CtlContext
{
    Q_DECLARE_TR_FUNCTIONS(Ctl)
public:
    Ctl();
    int run(const QStringList &arguments);

    // What a command line asks for, worked out without running anything or touching the data
    // directory or the keychain: run() acts on it, and the fuzzer (tests/fuzz) checks it alone.
    struct Invocation
    {
        enum class Action
        {
            RunCommand,
            ShowHelp,    // COMMAND --help: helpText
            ShowVersion, // --version
            // problem says what is wrong; it is empty for a bare --help, which exits 1 as well
            Usage
        };
        Action action = Action::Usage;
        QString problem;
        std::optional<CtlCommand> command;
        // RunCommand and ShowHelp: the parser holding the command's options.
        std::unique_ptr<QCommandLineParser> parser;
        QStringList arguments; // RunCommand: the positional arguments after the command's name
        QString helpText;
    };
    static Invocation parse(const QStringList &arguments);

    static QList<CtlCommand> commands();

    QTextStream &out() override { return m_out; }
    QTextStream &err() override { return m_err; }
    DataDirectory &directory() override { return *m_directory; }
    SecretStore &secretStore() override { return *m_store; }
    AuditAnchor *auditAnchor() override { return m_anchor.get(); }
    Result<DataDirectory::Opened> openDatabase(bool create = false) override;
    int usage(const QString &problem) override;
    int failure(const QString &message) override;
    int refused(const QString &message) override;

private:
    // After every command that leaves a database behind: the trail's head goes to the anchor.
    void anchorTrail();

    QTextStream m_out;
    QTextStream m_err;
    std::unique_ptr<SecretStore> m_store;
    std::unique_ptr<DataDirectory> m_directory;
    std::unique_ptr<SecretStore> m_anchorStore;
    std::unique_ptr<AuditAnchor> m_anchor;
};

} // namespace frontdesk
