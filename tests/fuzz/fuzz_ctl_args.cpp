// frontdeskctl's command line, through the same Ctl::parse() that Ctl::run() acts on, without
// running any command. Input: the arguments after the program name, separated by NUL bytes.
// Invariants: a usage error says what is wrong; a command to run is a registered one, named
// where the parser found it, with exactly the positional arguments after its name.

#include "Ctl.h"
#include "FuzzSupport.h"

#include <QSet>

using namespace frontdesk;

namespace {

constexpr int kMaxArguments = 64;

void require(bool condition)
{
    if (!condition)
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::ensureApplication();
    static const QSet<QString> registered = [] {
        QSet<QString> names;
        for (const CtlCommand &c : Ctl::commands())
            names.insert(c.name);
        return names;
    }();

    QStringList arguments{QStringLiteral("frontdeskctl")};
    if (size > 0) {
        for (const QByteArray &part : fuzz::bytes(data, size).split('\0')) {
            if (arguments.size() > kMaxArguments)
                break;
            arguments << QString::fromUtf8(part);
        }
    }

    const Ctl::Invocation call = Ctl::parse(arguments);
    switch (call.action) {
    case Ctl::Invocation::Action::ShowVersion:
        require(arguments.contains(QLatin1String("--version")));
        break;
    case Ctl::Invocation::Action::Usage:
        // Exit 1 with a message; only a bare --help shows the usage without one.
        require(!call.problem.trimmed().isEmpty() || arguments.contains(QLatin1String("--help")));
        break;
    case Ctl::Invocation::Action::ShowHelp:
        require(call.command && call.parser && !call.helpText.isEmpty());
        break;
    case Ctl::Invocation::Action::RunCommand: {
        require(call.problem.isEmpty());
        require(call.command && registered.contains(call.command->name));
        require(call.parser && call.command->run);
        const QStringList positional = call.parser->positionalArguments();
        require(positional.value(0) == call.command->name);
        require(call.arguments == positional.mid(1));
        require(!call.command->syntax.isEmpty() || call.arguments.isEmpty());
        break;
    }
    }

    // The same line always means the same thing.
    const Ctl::Invocation again = Ctl::parse(arguments);
    require(again.action == call.action && again.problem == call.problem &&
            again.arguments == call.arguments);
    return 0;
}
