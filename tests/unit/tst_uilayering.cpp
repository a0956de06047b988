// The one way from the views into the data (ARCHITECTURE.md): ui/ reaches data through item
// models and services. This scans every source file under ui/ and names each line that
// includes a storage/ or database/ header, constructs a repository, opens a transaction or runs
// SQL.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Rule
{
    QRegularExpression pattern;
    const char *what;
};

const QList<Rule> &rules()
{
    static const QList<Rule> list{
        {QRegularExpression(QStringLiteral(R"(^\s*#\s*include\s*[<"](storage|database)/)")),
         "includes a storage/ or database/ header"},
        {QRegularExpression(QStringLiteral(R"(\b\w+Repository\s*(\w+\s*)?[({])")),
         "constructs a repository"},
        {QRegularExpression(QStringLiteral(R"(\bQSql[A-Z]\w*)")), "uses Qt SQL"},
        {QRegularExpression(QStringLiteral(R"(\b(transaction|rollback)\s*\()")),
         "opens or rolls back a transaction"},
        {QRegularExpression(QStringLiteral(R"((\.|->)\s*write\s*\(\s*\[)")),
         "runs a write transaction"},
        {QRegularExpression(QStringLiteral(R"((\.|->)\s*(query|scalar)\s*\(\s*QString)")),
         "runs SQL"},
        {QRegularExpression(
             QStringLiteral(R"("\s*(SELECT\s|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM))")),
         "holds SQL"},
    };
    return list;
}

// "ui/x.cpp:12: runs SQL: <the line>" for each finding.
QStringList findings(const QString &root, const QString &folder)
{
    QStringList out;
    QDirIterator it(QDir(root).filePath(folder), {QStringLiteral("*.h"), QStringLiteral("*.cpp")},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
            out << QStringLiteral("%1: cannot be read: %2").arg(path, file.errorString());
            continue;
        }
        const QString relative = QDir(root).relativeFilePath(path);
        int number = 0;
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine()).trimmed();
            ++number;
            if (line.startsWith(QLatin1String("//")))
                continue;
            for (const Rule &rule : rules()) {
                if (rule.pattern.match(line).hasMatch())
                    out << QStringLiteral("%1:%2: %3: %4")
                               .arg(relative)
                               .arg(number)
                               .arg(QLatin1String(rule.what), line);
            }
        }
    }
    out.sort();
    return out;
}

int sourceFiles(const QString &root, const QString &folder)
{
    int n = 0;
    QDirIterator it(QDir(root).filePath(folder), {QStringLiteral("*.h"), QStringLiteral("*.cpp")},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

} // namespace

class TestUiLayering : public QObject
{
    Q_OBJECT

private slots:
    // The scan itself: each kind of reach into the data is found, with its file and line, and
    // what views ordinarily do is not.
    void theScanFindsEachKindAndNamesTheLine()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("ui/schedule")));
        QFile bad(dir.filePath(QStringLiteral("ui/schedule/Bad.cpp")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("#include \"Bad.h\"\n"
                  "#include \"database/Database.h\"\n"
                  "#include <QSqlQuery>\n"
                  "void f(Database &db) {\n"
                  "    PatientRepository patients(db);\n"
                  "    auto list = LocationRepository(db).active();\n"
                  "    db.write([&] { return Status(); });\n"
                  "    db.transaction();\n"
                  "    db.scalar(QStringLiteral(\"SELECT 1\"));\n"
                  "    // a comment naming PatientRepository(db) is no finding\n"
                  "}\n");
        bad.close();
        QFile good(dir.filePath(QStringLiteral("ui/Good.cpp")));
        QVERIFY(good.open(QIODevice::WriteOnly));
        good.write("#include \"scheduling/BookingService.h\"\n"
                   "void g(QDialog &dialog, QFile &file) {\n"
                   "    dialog.exec();\n"
                   "    file.write(bytes);\n"
                   "    saveFile.commit();\n"
                   "    label->setText(tr(\"Select a patient\"));\n"
                   "}\n");
        good.close();

        const QStringList found = findings(dir.path(), QStringLiteral("ui"));
        const QStringList expected{
            QStringLiteral("ui/schedule/Bad.cpp:2: includes a storage/ or database/ header: "
                           "#include \"database/Database.h\""),
            QStringLiteral("ui/schedule/Bad.cpp:3: uses Qt SQL: #include <QSqlQuery>"),
            QStringLiteral("ui/schedule/Bad.cpp:5: constructs a repository: PatientRepository "
                           "patients(db);"),
            QStringLiteral("ui/schedule/Bad.cpp:6: constructs a repository: auto list = "
                           "LocationRepository(db).active();"),
            QStringLiteral("ui/schedule/Bad.cpp:7: runs a write transaction: db.write([&] { "
                           "return Status(); });"),
            QStringLiteral(
                "ui/schedule/Bad.cpp:8: opens or rolls back a transaction: db.transaction();"),
            QStringLiteral("ui/schedule/Bad.cpp:9: holds SQL: db.scalar(QStringLiteral(\"SELECT "
                           "1\"));"),
            QStringLiteral("ui/schedule/Bad.cpp:9: runs SQL: db.scalar(QStringLiteral(\"SELECT "
                           "1\"));"),
        };
        QCOMPARE(found, expected);
    }

    void noViewReachesPastTheModelsAndServices()
    {
        const QString root = qEnvironmentVariable("FRONTDESK_SOURCE_DIR");
        QVERIFY2(!root.isEmpty(), "FRONTDESK_SOURCE_DIR must name the source tree");
        // Guards against scanning the wrong folder and passing on nothing.
        QVERIFY2(sourceFiles(root, QStringLiteral("ui")) > 40,
                 qPrintable(QStringLiteral("no ui/ sources under %1").arg(root)));
        const QStringList found = findings(root, QStringLiteral("ui"));
        QVERIFY2(found.isEmpty(),
                 qPrintable(QStringLiteral("ui/ reaches past the item models and services "
                                           "(use or add a service in models/):\n") +
                            found.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestUiLayering)
#include "tst_uilayering.moc"
