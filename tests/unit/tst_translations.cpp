#include "core/Translations.h"

#include <QCoreApplication>
#include <QTest>

using namespace frontdesk;

// The .ts files are compiled into the binary and chosen by locale.
class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void germanIsLoadedFromTheResources()
    {
        Translations::install(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(QCoreApplication::translate("frontdesk::MainWindow", "&Schedule"),
                 QStringLiteral("&Terminplan"));
        QCOMPARE(
            QCoreApplication::translate("frontdesk::ScheduleView", "%Ln appointments", nullptr, 3),
            QStringLiteral("3 Termine"));
        QCOMPARE(
            QCoreApplication::translate("frontdesk::ScheduleView", "%Ln appointments", nullptr, 1),
            QStringLiteral("1 Termin"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
