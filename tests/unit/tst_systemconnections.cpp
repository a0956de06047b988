#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QTest>

// A connection opened for the system passes every permission check (Database::actAsSystem), so
// the places that open one are few and named here; a new one is a decision to review, not a
// way round a refusal.
class TestSystemConnections : public QObject
{
    Q_OBJECT

    static QString sourceDir() { return QStringLiteral(FRONTDESK_SOURCE_DIR); }

    // Each file allowed to call actAsSystem, and why.
    static const QHash<QString, QString> &allowed()
    {
        static const QHash<QString, QString> files{
            {QStringLiteral("models/database/Database.h"), QStringLiteral("declares it")},
            {QStringLiteral("models/database/Database.cpp"), QStringLiteral("defines it")},
            {QStringLiteral("server/ServerStorage.cpp"),
             QStringLiteral("the server checks each request's person itself (FhirApi)")},
            {QStringLiteral("server/ServerUserCommand.cpp"),
             QStringLiteral("frontdesk-server user, run by whoever holds the server's key")},
            {QStringLiteral("server/automation/RemindersCommand.cpp"),
             QStringLiteral("frontdesk-server reminders, run by whoever holds the server's key")},
            {QStringLiteral("app/ctl/Ctl.cpp"),
             QStringLiteral("frontdeskctl's first accounts, before anyone can sign in")},
            {QStringLiteral("app/ctl/SyncCommands.cpp"),
             QStringLiteral("frontdeskctl sync writes what the server holds, for every role")},
            {QStringLiteral("app/sync/SyncWorker.cpp"),
             QStringLiteral("the sync rounds write what the server holds, for every role")},
        };
        return files;
    }

private slots:
    void onlyTheNamedPlacesActAsTheSystem()
    {
        QStringList found;
        for (const char *folder : {"models", "app", "ui", "server"}) {
            QDirIterator it(sourceDir() + QLatin1Char('/') + QLatin1String(folder),
                            {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                QFile file(path);
                QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
                if (file.readAll().contains("actAsSystem("))
                    found << QDir(sourceDir()).relativeFilePath(path);
            }
        }
        found.sort();
        for (const QString &file : std::as_const(found))
            QVERIFY2(allowed().contains(file),
                     qPrintable(QStringLiteral("%1 opens a system connection; name it and the "
                                               "reason in tst_systemconnections, or sign in")
                                    .arg(file)));
        // The scan itself finds what it should, so an empty result cannot pass by accident.
        QVERIFY(found.contains(QStringLiteral("server/ServerStorage.cpp")));
        QVERIFY(found.contains(QStringLiteral("app/ctl/Ctl.cpp")));
    }
};

QTEST_GUILESS_MAIN(TestSystemConnections)
#include "tst_systemconnections.moc"
