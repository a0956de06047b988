#include "core/LocaleNames.h"

#include <QSet>
#include <QTest>

using namespace frontdesk;

// Languages and countries by name in the UI's language (ICU's names where Qt has none), else the
// name in the language or country itself; codes nobody knows kept as they are.
class TestLocaleNames : public QObject
{
    Q_OBJECT

    const QLocale m_en{QLocale::English, QLocale::UnitedKingdom};
    const QLocale m_de{QLocale::German, QLocale::Germany};
    const QLocale m_fr{QLocale::French, QLocale::France};
    const QLocale m_es{QLocale::Spanish, QLocale::Spain};

private slots:
    void languagesByName()
    {
        QCOMPARE(LocaleNames::language(QStringLiteral("de"), m_en), QStringLiteral("German"));
        QCOMPARE(LocaleNames::language(QStringLiteral("tr"), m_en), QStringLiteral("Turkish"));
        QCOMPARE(LocaleNames::language(QStringLiteral("de"), m_de), QStringLiteral("Deutsch"));
        // CLDR writes "français": a name in a form starts with a capital.
        QCOMPARE(LocaleNames::language(QStringLiteral("fr"), m_fr), QStringLiteral("Français"));
        QCOMPARE(LocaleNames::language(QStringLiteral("es"), m_es), QStringLiteral("Español"));
        // Other languages in the UI's language, with a capital in a form.
        QCOMPARE(LocaleNames::language(QStringLiteral("tr"), m_de), QStringLiteral("Türkisch"));
        QCOMPARE(LocaleNames::language(QStringLiteral("de"), m_fr), QStringLiteral("Allemand"));
        QCOMPARE(LocaleNames::language(QStringLiteral("tr"), m_fr), QStringLiteral("Turc"));
        QCOMPARE(LocaleNames::language(QStringLiteral("de"), m_es), QStringLiteral("Alemán"));
        QCOMPARE(LocaleNames::language(QStringLiteral("pl"), m_es), QStringLiteral("Polaco"));
        QCOMPARE(LocaleNames::language(QStringLiteral("en-GB"), m_en),
                 QStringLiteral("English (United Kingdom)"));
        QCOMPARE(LocaleNames::language(QStringLiteral("de-AT"), m_de),
                 QStringLiteral("Deutsch (Österreich)"));
        QCOMPARE(LocaleNames::language(QStringLiteral("de-CH"), m_fr),
                 QStringLiteral("Allemand (Suisse)"));
        QCOMPARE(LocaleNames::language(QStringLiteral(" DE "), m_en), QStringLiteral("German"));
        // Unknown: as stored.
        QCOMPARE(LocaleNames::language(QStringLiteral("klingon"), m_en), QStringLiteral("klingon"));
        QCOMPARE(LocaleNames::language(QString(), m_de), QString());
    }

    void countriesByName()
    {
        QCOMPARE(LocaleNames::country(QStringLiteral("DE"), m_en), QStringLiteral("Germany"));
        QCOMPARE(LocaleNames::country(QStringLiteral("de"), m_de), QStringLiteral("Deutschland"));
        // A German locale for the country names it in German.
        QCOMPARE(LocaleNames::country(QStringLiteral("AT"), m_de), QStringLiteral("Österreich"));
        QCOMPARE(LocaleNames::country(QStringLiteral("CH"), m_de), QStringLiteral("Schweiz"));
        QCOMPARE(LocaleNames::country(QStringLiteral("BE"), m_fr), QStringLiteral("Belgique"));
        QCOMPARE(LocaleNames::country(QStringLiteral("MX"), m_es), QStringLiteral("México"));
        // Every other country in the UI's language too.
        QCOMPARE(LocaleNames::country(QStringLiteral("PL"), m_de), QStringLiteral("Polen"));
        QCOMPARE(LocaleNames::country(QStringLiteral("DE"), m_fr), QStringLiteral("Allemagne"));
        QCOMPARE(LocaleNames::country(QStringLiteral("TR"), m_fr), QStringLiteral("Turquie"));
        QCOMPARE(LocaleNames::country(QStringLiteral("DE"), m_es), QStringLiteral("Alemania"));
        QCOMPARE(LocaleNames::country(QStringLiteral("PL"), m_en), QStringLiteral("Poland"));
        QCOMPARE(LocaleNames::country(QStringLiteral("Atlantis"), m_de),
                 QStringLiteral("Atlantis"));
        QCOMPARE(LocaleNames::country(QStringLiteral("ZZ"), m_de), QStringLiteral("ZZ"));
    }

    void namesTypedBackAreCodes()
    {
        QCOMPARE(LocaleNames::languageCode(QStringLiteral("deutsch"), m_de), QStringLiteral("de"));
        QCOMPARE(LocaleNames::languageCode(QStringLiteral("türkisch"), m_de), QStringLiteral("tr"));
        // The English name and the language's own work in any UI language.
        QCOMPARE(LocaleNames::languageCode(QStringLiteral("Türkçe"), m_de), QStringLiteral("tr"));
        QCOMPARE(LocaleNames::languageCode(QStringLiteral("turkish"), m_fr), QStringLiteral("tr"));
        QCOMPARE(LocaleNames::languageCode(QStringLiteral("Allemand"), m_fr), QStringLiteral("de"));
        QCOMPARE(LocaleNames::languageCode(QStringLiteral("TR"), m_de), QStringLiteral("tr"));
        QCOMPARE(LocaleNames::countryCode(QStringLiteral("Österreich"), m_de),
                 QStringLiteral("AT"));
        QCOMPARE(LocaleNames::countryCode(QStringLiteral("poland"), m_en), QStringLiteral("PL"));
        QCOMPARE(LocaleNames::countryCode(QStringLiteral("Polska"), m_de), QStringLiteral("PL"));
        QCOMPARE(LocaleNames::countryCode(QStringLiteral("allemagne"), m_fr), QStringLiteral("DE"));
        QCOMPARE(LocaleNames::countryCode(QStringLiteral(" Atlantis "), m_en),
                 QStringLiteral("Atlantis"));
    }

    void listsAreCompleteUniqueAndSorted()
    {
        for (const QLocale &ui : {m_en, m_de, m_fr, m_es}) {
            for (const auto &list : {LocaleNames::languages(ui), LocaleNames::countries(ui)}) {
                QVERIFY(list.size() > 100);
                QSet<QString> codes;
                for (const LocaleNames::Entry &e : list) {
                    QVERIFY2(!codes.contains(e.code), qPrintable(e.code));
                    codes.insert(e.code);
                    QVERIFY(!e.name.isEmpty());
                }
            }
        }
        const auto countries = LocaleNames::countries(m_de);
        int deutschland = -1, oesterreich = -1, polen = -1;
        for (int i = 0; i < countries.size(); ++i) {
            if (countries.at(i).code == QLatin1String("DE"))
                deutschland = i;
            if (countries.at(i).code == QLatin1String("AT"))
                oesterreich = i;
            if (countries.at(i).code == QLatin1String("PL"))
                polen = i;
        }
        QVERIFY(deutschland >= 0 && oesterreich >= 0 && polen >= 0);
        // Collated for German: Ö sorts with O.
        QVERIFY(deutschland < oesterreich);
        QVERIFY(oesterreich < polen);
    }
};

QTEST_GUILESS_MAIN(TestLocaleNames)
#include "tst_localenames.moc"
