#include "core/Translations.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace frontdesk;

// The .ts files are compiled into the binary and chosen by locale, or by the language chosen
// for the workstation.
class TestTranslations : public QObject
{
    Q_OBJECT

    static QString schedule()
    {
        return QCoreApplication::translate("frontdesk::MainWindow", "&Schedule");
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup() { Translations::setChosenLanguage(QString()); }

    void germanIsLoadedFromTheResources()
    {
        Translations::install(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(schedule(), QStringLiteral("&Terminplan"));
        QCOMPARE(
            QCoreApplication::translate("frontdesk::ScheduleView", "%Ln appointments", nullptr, 3),
            QStringLiteral("3 Termine"));
        QCOMPARE(
            QCoreApplication::translate("frontdesk::ScheduleView", "%Ln appointments", nullptr, 1),
            QStringLiteral("1 Termin"));
    }

    void frenchAndSpanishReplaceTheEarlierLanguage()
    {
        Translations::install(QLocale(QLocale::German));
        Translations::install(QLocale(QLocale::French, QLocale::France));
        QCOMPARE(schedule(), QStringLiteral("P&lanning"));
        QCOMPARE(
            QCoreApplication::translate("frontdesk::ScheduleView", "%Ln appointments", nullptr, 2),
            QStringLiteral("2 rendez-vous"));
        Translations::install(QLocale(QLocale::Spanish, QLocale::Spain));
        QCOMPARE(schedule(), QStringLiteral("A&genda"));
        // A class whose strings lupdate could only place with the include paths.
        QCOMPARE(
            QCoreApplication::translate("frontdesk::SqlCipherDriver", "The database is not open."),
            QStringLiteral("La base de datos no está abierta."));
        Translations::install(QLocale::c());
        QCOMPARE(schedule(), QStringLiteral("&Schedule"));
    }

    // English is the source text; its catalogue holds only the plurals, and is the fallback of
    // a language without a catalogue of its own.
    void englishPluralsComeFromTheEnglishCatalogue()
    {
        const auto appointments = [](int n) {
            return QCoreApplication::translate("frontdesk::ScheduleView", "%Ln appointments",
                                               nullptr, n);
        };
        const auto due = [](int n) {
            return QCoreApplication::translate("frontdesk::WorklistView", "%n task(s) due", nullptr,
                                               n);
        };
        for (const QLocale &locale : {QLocale(QLocale::English, QLocale::UnitedStates),
                                      QLocale::c(), QLocale(QLocale::Italian, QLocale::Italy)}) {
            Translations::install(locale);
            QCOMPARE(appointments(1), QStringLiteral("1 appointment"));
            QCOMPARE(appointments(2), QStringLiteral("2 appointments"));
            QCOMPARE(appointments(0), QStringLiteral("0 appointments"));
            QCOMPARE(due(1), QStringLiteral("1 task due"));
            QCOMPARE(due(3), QStringLiteral("3 tasks due"));
            QCOMPARE(schedule(), QStringLiteral("&Schedule"));
        }
        // A language with its own catalogue keeps its words.
        Translations::install(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(appointments(1), QStringLiteral("1 Termin"));
        QCOMPARE(schedule(), QStringLiteral("&Terminplan"));
        Translations::install(QLocale::c());
    }

    void theWorkstationKeepsTheChosenLanguage()
    {
        QCOMPARE(Translations::chosenLanguage(), QString());
        QCOMPARE(Translations::effectiveLocale(), QLocale::system());

        Translations::setChosenLanguage(QStringLiteral("fr"));
        QCOMPARE(Translations::chosenLanguage(), QStringLiteral("fr"));
        QCOMPARE(Translations::effectiveLocale().language(), QLocale::French);
        // Kept where the next start reads it.
        QCOMPARE(QSettings(QStringLiteral("frontdesk"), QStringLiteral("frontdesk"))
                     .value(QStringLiteral("workstation/language"))
                     .toString(),
                 QStringLiteral("fr"));

        Translations::setChosenLanguage(QString());
        QCOMPARE(Translations::chosenLanguage(), QString());
        QCOMPARE(Translations::effectiveLocale(), QLocale::system());
    }

    void aLanguageWithoutCatalogueFollowsTheSystem()
    {
        QSettings(QStringLiteral("frontdesk"), QStringLiteral("frontdesk"))
            .setValue(QStringLiteral("workstation/language"), QStringLiteral("tlh"));
        QCOMPARE(Translations::chosenLanguage(), QString());
        QCOMPARE(Translations::effectiveLocale(), QLocale::system());
    }

    void everyLanguageNamesItself()
    {
        QCOMPARE(Translations::available(),
                 (QStringList{QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr"),
                              QStringLiteral("es")}));
        QCOMPARE(Translations::nativeName(QStringLiteral("en")), QStringLiteral("English"));
        QCOMPARE(Translations::nativeName(QStringLiteral("de")), QStringLiteral("Deutsch"));
        QCOMPARE(Translations::nativeName(QStringLiteral("fr")), QStringLiteral("Français"));
        QCOMPARE(Translations::nativeName(QStringLiteral("es")), QStringLiteral("Español"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
