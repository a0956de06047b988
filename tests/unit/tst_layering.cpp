#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

// The folders of models/ are layers: a file includes headers of its own folder and of folders
// listed before it, never after. core/ and domain/ (frontdesk_domain) and fhir/ (frontdesk_fhir)
// come first, so they can see nothing with a database under it; the item models at the top
// level of models/ may include anything.
class TestLayering : public QObject
{
    Q_OBJECT

    static const QStringList &layers()
    {
        static const QStringList order{
            QStringLiteral("core"),     QStringLiteral("domain"),     QStringLiteral("fhir"),
            QStringLiteral("database"), QStringLiteral("access"),     QStringLiteral("storage"),
            QStringLiteral("patients"), QStringLiteral("scheduling"), QStringLiteral("messaging"),
            QStringLiteral("kpi"),      QStringLiteral("interop"),    QStringLiteral("demo")};
        return order;
    }

    static QString modelsDir() { return QStringLiteral(FRONTDESK_SOURCE_DIR "/models"); }

private slots:
    void everyFolderIsALayer()
    {
        const QStringList folders =
            QDir(modelsDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const QString &folder : folders)
            QVERIFY2(layers().contains(folder),
                     qPrintable(QStringLiteral("models/%1 is not in the layer list of "
                                               "tst_layering (and the README's layout)")
                                    .arg(folder)));
    }

    void includesPointDown_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString &folder : layers()) {
            QDirIterator it(modelsDir() + QLatin1Char('/') + folder,
                            {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files);
            QStringList files;
            while (it.hasNext())
                files << it.next();
            files.sort();
            for (const QString &file : files) {
                const QString relative = QDir(modelsDir()).relativeFilePath(file);
                QTest::newRow(qPrintable(relative)) << relative;
            }
        }
    }

    void includesPointDown()
    {
        QFETCH(QString, path);
        const QString folder = path.section(QLatin1Char('/'), 0, 0);
        const qsizetype rank = layers().indexOf(folder);
        QFile file(modelsDir() + QLatin1Char('/') + path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
        static const QRegularExpression include(QStringLiteral("^\\s*#\\s*include\\s*\"([^\"]+)\""),
                                                QRegularExpression::MultilineOption);
        const QString text = QString::fromUtf8(file.readAll());
        auto matches = include.globalMatch(text);
        QStringList wrong;
        while (matches.hasNext()) {
            const QString header = matches.next().captured(1);
            if (!header.contains(QLatin1Char('/'))) {
                // A bare name is a header beside this file; an item model's header from a
                // folder below would also resolve through the include path, and point up.
                if (!QFileInfo::exists(QFileInfo(file).dir().filePath(header)))
                    wrong << header;
                continue;
            }
            const QString target = header.section(QLatin1Char('/'), 0, 0);
            const qsizetype targetRank = layers().indexOf(target);
            if (targetRank < 0)
                continue;
            if (targetRank > rank)
                wrong << header;
        }
        QVERIFY2(wrong.isEmpty(),
                 qPrintable(QStringLiteral("models/%1 includes a layer above its own: %2")
                                .arg(path, wrong.join(QStringLiteral(", ")))));
    }
};

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"
