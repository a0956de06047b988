#include "core/LocaleFormat.h"

#include <QTest>

using namespace frontdesk;

// Times a person reads carry no seconds, whatever the locale's short format says.
class TestLocaleFormat : public QObject
{
    Q_OBJECT

private slots:
    void noSecondsInAnyLocale_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::newRow("C") << QLocale::c();
        QTest::newRow("en_US") << QLocale(QLocale::English, QLocale::UnitedStates);
        QTest::newRow("de_DE") << QLocale(QLocale::German, QLocale::Germany);
        QTest::newRow("fr_FR") << QLocale(QLocale::French, QLocale::France);
        QTest::newRow("es_ES") << QLocale(QLocale::Spanish, QLocale::Spain);
        QTest::newRow("fi_FI") << QLocale(QLocale::Finnish, QLocale::Finland);
    }
    void noSecondsInAnyLocale()
    {
        QFETCH(QLocale, locale);
        const QTime t(8, 5, 42);
        const QString time = LocaleFormat::time(t, locale);
        QVERIFY2(!time.contains(QStringLiteral("42")), qPrintable(time));
        QVERIFY2(time.contains(QStringLiteral("05")), qPrintable(time));
        const QDateTime when(QDate(2026, 3, 3), t, Qt::UTC);
        const QString both = LocaleFormat::dateTime(when, locale);
        QVERIFY2(!both.contains(QStringLiteral("42")), qPrintable(both));
        QVERIFY2(both.contains(QStringLiteral("05")), qPrintable(both));
        QVERIFY(!LocaleFormat::timeFormat(locale).contains(QLatin1Char('s')));
    }

    void datesPeopleActOnHaveAFourDigitYear_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("date");
        QTest::newRow("en_US") << QLocale(QLocale::English, QLocale::UnitedStates)
                               << QStringLiteral("3/4/2027");
        QTest::newRow("de_DE") << QLocale(QLocale::German, QLocale::Germany)
                               << QStringLiteral("04.03.2027");
        QTest::newRow("fr_FR") << QLocale(QLocale::French, QLocale::France)
                               << QStringLiteral("04/03/2027");
        QTest::newRow("es_ES") << QLocale(QLocale::Spanish, QLocale::Spain)
                               << QStringLiteral("4/3/2027");
    }
    void datesPeopleActOnHaveAFourDigitYear()
    {
        QFETCH(QLocale, locale);
        QFETCH(QString, date);
        QCOMPARE(LocaleFormat::fullYearDate(QDate(2027, 3, 4), locale), date);
        // The locale's own order and separators, a four-digit year, no seconds.
        const QString both =
            LocaleFormat::fullYearDateTime(QDateTime(QDate(2027, 3, 4), QTime(8, 5, 42)), locale);
        QVERIFY2(both.startsWith(date), qPrintable(both));
        QVERIFY2(both.contains(QStringLiteral("8:05")) && !both.contains(QStringLiteral("42")),
                 qPrintable(both));
        QVERIFY(LocaleFormat::fullYearDate(QDate()).isEmpty());
        QVERIFY(LocaleFormat::fullYearDateTime(QDateTime()).isEmpty());
    }

    void theCLocaleReadsLikeAClock()
    {
        QCOMPARE(LocaleFormat::time(QTime(8, 0), QLocale::c()), QStringLiteral("08:00"));
        QVERIFY(LocaleFormat::time(QTime()).isEmpty());
        QVERIFY(LocaleFormat::dateTime(QDateTime()).isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestLocaleFormat)
#include "tst_localeformat.moc"
