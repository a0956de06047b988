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

    void theCLocaleReadsLikeAClock()
    {
        QCOMPARE(LocaleFormat::time(QTime(8, 0), QLocale::c()), QStringLiteral("08:00"));
        QVERIFY(LocaleFormat::time(QTime()).isEmpty());
        QVERIFY(LocaleFormat::dateTime(QDateTime()).isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestLocaleFormat)
#include "tst_localeformat.moc"
