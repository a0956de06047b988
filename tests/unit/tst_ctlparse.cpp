// frontdeskctl's command line (Ctl::parse, the path Ctl::run takes before running anything):
// which command, which options, and a usage error with a message for everything else. The
// regression cases come from tests/fuzz/fuzz_ctl_args.

#include "Ctl.h"

#include <QTest>

using namespace frontdesk;

class TestCtlParse : public QObject
{
    Q_OBJECT

    static Ctl::Invocation parse(const QStringList &arguments)
    {
        return Ctl::parse(QStringList{QStringLiteral("frontdeskctl")} + arguments);
    }

private slots:
    void aCommandWithItsOptions()
    {
        const auto call = parse({QStringLiteral("--data-dir"), QStringLiteral("/srv/fd"),
                                 QStringLiteral("seed"), QStringLiteral("--patients"),
                                 QStringLiteral("300"), QStringLiteral("--appointments=2000")});
        QCOMPARE(call.action, Ctl::Invocation::Action::RunCommand);
        QVERIFY(call.problem.isEmpty());
        QCOMPARE(call.command->name, QStringLiteral("seed"));
        QCOMPARE(call.parser->value(QStringLiteral("patients")), QStringLiteral("300"));
        QCOMPARE(call.parser->value(QStringLiteral("appointments")), QStringLiteral("2000"));
        QCOMPARE(call.parser->value(QStringLiteral("data-dir")), QStringLiteral("/srv/fd"));
        QVERIFY(call.arguments.isEmpty());
    }

    void positionalArgumentsAfterTheCommand()
    {
        const auto call = parse({QStringLiteral("search"), QStringLiteral("--limit"),
                                 QStringLiteral("5"), QStringLiteral("Müller 1985")});
        QCOMPARE(call.action, Ctl::Invocation::Action::RunCommand);
        QCOMPARE(call.command->name, QStringLiteral("search"));
        QCOMPARE(call.arguments, QStringList{QStringLiteral("Müller 1985")});
    }

    void helpAndVersion()
    {
        QCOMPARE(parse({QStringLiteral("--version")}).action, Ctl::Invocation::Action::ShowVersion);
        const auto help = parse({QStringLiteral("seed"), QStringLiteral("--help")});
        QCOMPARE(help.action, Ctl::Invocation::Action::ShowHelp);
        QVERIFY(help.helpText.contains(QLatin1String("--patients")));
        const auto bare = parse({QStringLiteral("--help")});
        QCOMPARE(bare.action, Ctl::Invocation::Action::Usage);
        QVERIFY(bare.problem.isEmpty());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("problem");
        QTest::newRow("nothing") << QStringList() << Ctl::tr("no command given.");
        QTest::newRow("unknown command")
            << QStringList{QStringLiteral("frobnicate")}
            << Ctl::tr("unknown command \"%1\".").arg(QStringLiteral("frobnicate"));
        QTest::newRow("unexpected argument")
            << QStringList{QStringLiteral("stats"), QStringLiteral("tables")}
            << Ctl::tr("unexpected argument \"%1\".").arg(QStringLiteral("tables"));
        QTest::newRow("missing value")
            << QStringList{QStringLiteral("stats"), QStringLiteral("--data-dir")}
            << QStringLiteral("Missing value after '--data-dir'.");
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("stats"), QStringLiteral("--patients")}
            << QStringLiteral("Unknown option 'patients'.");
        // From fuzz_ctl_args: the command was found after an argument the parser did not read
        // as an option, or was taken as an option's value; it ran with the wrong arguments.
        QTest::newRow("command as an option's value")
            << QStringList{QStringLiteral("--limit"), QStringLiteral("search"),
                           QStringLiteral("anna")}
            << Ctl::tr("\"%1\" was read as the value of an option before it; write the command "
                       "first, then its options.")
                   .arg(QStringLiteral("search"));
        QTest::newRow("command after a lone dash (fuzz_ctl_args crash f6455076)")
            << QStringList{QStringLiteral("-"), QStringLiteral("audit"), QStringLiteral("l")}
            << Ctl::tr("unexpected argument \"%1\" before the command \"%2\".")
                   .arg(QStringLiteral("-"), QStringLiteral("audit"));
        QTest::newRow("command after --")
            << QStringList{QStringLiteral("--"), QStringLiteral("--json"), QStringLiteral("stats")}
            << Ctl::tr("unexpected argument \"%1\" before the command \"%2\".")
                   .arg(QStringLiteral("--json"), QStringLiteral("stats"));
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, problem);
        const auto call = parse(arguments);
        QCOMPARE(call.action, Ctl::Invocation::Action::Usage);
        QCOMPARE(call.problem, problem);
        // run() turns it into exit code 1 without opening anything.
        QCOMPARE(Ctl().run(QStringList{QStringLiteral("frontdeskctl")} + arguments),
                 int(CtlContext::UsageError));
    }
};

QTEST_GUILESS_MAIN(TestCtlParse)
#include "tst_ctlparse.moc"
