// Help → About Frontdesk (issue 19): the version, git commit and build date, and the versions and
// licences of Qt, SQLCipher, QtKeychain, libsodium and (where it is the programs' allocator)
// jemalloc with their licence texts.

#include "AboutDialog.h"
#include "BuildInfo.h"
#include "core/LocaleFormat.h"

#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QTableWidget>
#include <QTest>

using namespace frontdesk;

namespace {

// The checkout the test was built from: FRONTDESK_TEST_DATA is its tests/data.
QString sourceDir()
{
    return QDir(qEnvironmentVariable("FRONTDESK_TEST_DATA") + QStringLiteral("/../.."))
        .absolutePath();
}

} // namespace

class TestAboutDialog : public QObject
{
    Q_OBJECT

private slots:
    void namesTheBuild()
    {
        QCOMPARE(BuildInfo::version(), QStringLiteral(FRONTDESK_VERSION));
        // Built from a git checkout: its commit (12 hex digits, "-modified" with local
        // changes); from a tarball: "unknown".
        static const QRegularExpression commit(QStringLiteral("^[0-9a-f]{12}(-modified)?$"));
        if (QFileInfo::exists(sourceDir() + QStringLiteral("/.git")))
            QVERIFY2(commit.match(BuildInfo::commit()).hasMatch(), qPrintable(BuildInfo::commit()));
        else
            QCOMPARE(BuildInfo::commit(), QStringLiteral("unknown"));
        const QDate built = QDate::fromString(BuildInfo::date(), Qt::ISODate);
        QVERIFY2(built.isValid(), qPrintable(BuildInfo::date()));
        QVERIFY(built <= QDate::currentDate().addDays(1));

        AboutDialog about(QStringLiteral("/srv/<clinic>/frontdesk.db"), QStringLiteral("4.5.5"));
        const auto *heading = about.findChild<QLabel *>(QStringLiteral("aboutHeading"));
        QVERIFY(heading);
        const QString text = heading->text();
        for (const QString &part :
             {BuildInfo::version(), BuildInfo::commit(), LocaleFormat::fullYearDate(built),
              QString::number(built.year()), QStringLiteral(QT_VERSION_STR),
              QStringLiteral("/srv/&lt;clinic&gt;/frontdesk.db")})
            QVERIFY2(text.contains(part), qPrintable(part + QStringLiteral(" not in ") + text));
    }

    void listsTheLibrariesWithTheirLicences()
    {
        AboutDialog about(QStringLiteral("/tmp/frontdesk.db"), QStringLiteral("4.5.5 community"));
        auto *table = about.findChild<QTableWidget *>(QStringLiteral("components"));
        auto *licence = about.findChild<QPlainTextEdit *>(QStringLiteral("licenceText"));
        QVERIFY(table && licence);
        QStringList names{QStringLiteral("Qt"), QStringLiteral("SQLCipher"),
                          QStringLiteral("QtKeychain"), QStringLiteral("libsodium")};
#ifdef FRONTDESK_JEMALLOC
        names << QStringLiteral("jemalloc"); // the programs' allocator (FRONTDESK_JEMALLOC)
#endif
        QCOMPARE(table->rowCount(), int(names.size()));
        static const QRegularExpression version(QStringLiteral("^\\d+\\.\\d+"));
        for (int row = 0; row < table->rowCount(); ++row) {
            const QString name = table->item(row, 0)->text();
            QCOMPARE(name, names.at(row));
            const QString shown = table->item(row, 1)->text();
            QVERIFY2(version.match(shown).hasMatch(), qPrintable(name + QLatin1Char(' ') + shown));
            QVERIFY2(!table->item(row, 2)->text().isEmpty(), qPrintable(name));
            // The running versions: Qt's library, the database's SQLCipher.
            if (name == QLatin1String("Qt"))
                QCOMPARE(shown, QString::fromLatin1(qVersion()));
            if (name == QLatin1String("SQLCipher"))
                QCOMPARE(shown, QStringLiteral("4.5.5 community"));

            // The licence text is shipped (a resource built from Debian's copyright file) and
            // shown when the library is chosen.
            const QString text = AboutDialog::licenceText(name);
            QVERIFY2(text.size() > 500, qPrintable(name));
            QVERIFY2(text.contains(QLatin1String("License"), Qt::CaseInsensitive),
                     qPrintable(name));
            table->setCurrentCell(row, 0);
            QCOMPARE(licence->toPlainText(), text);
        }
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("LGPL-3.0-only OR GPL-2.0-or-later"));
    }
};

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
