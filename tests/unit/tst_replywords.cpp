// The one definition of the reply words (issue 18): what confirms is exactly what the dashboard
// counted before, cancel and stop words are told apart, and only the first word counts.
#include "domain/ReplyWords.h"
#include "kpi/KpiDefinitions.h"

#include <QTest>

using frontdesk::KpiDefinitions;
using frontdesk::ReplyWords;
using Meaning = frontdesk::ReplyWords::Meaning;

Q_DECLARE_METATYPE(frontdesk::ReplyWords::Meaning)

class TestReplyWords : public QObject
{
    Q_OBJECT

private slots:
    void classify_data()
    {
        QTest::addColumn<QString>("reply");
        QTest::addColumn<Meaning>("meaning");
        // The dashboard's confirmations, as they always were.
        QTest::newRow("C") << QStringLiteral("C") << Meaning::Confirm;
        QTest::newRow("c with words") << QStringLiteral("c danke, bis morgen") << Meaning::Confirm;
        QTest::newRow("YES") << QStringLiteral("YES") << Meaning::Confirm;
        QTest::newRow("ja!") << QStringLiteral("  ja!") << Meaning::Confirm;
        QTest::newRow("1") << QStringLiteral("1") << Meaning::Confirm;
        QTest::newRow("ok.") << QStringLiteral("Ok.") << Meaning::Confirm;
        QTest::newRow("confirm") << QStringLiteral("Confirm please") << Meaning::Confirm;
        QTest::newRow("y") << QStringLiteral("y") << Meaning::Confirm;
        QTest::newRow("j") << QStringLiteral("J") << Meaning::Confirm;
        // Not a confirmation: a word that only starts like one, an accented look-alike.
        QTest::newRow("yesterday") << QStringLiteral("yesterday?") << Meaning::Other;
        QTest::newRow("ý") << QStringLiteral("ý") << Meaning::Other;
        QTest::newRow("R") << QStringLiteral("R") << Meaning::Other;
        QTest::newRow("question") << QStringLiteral("can we move it?") << Meaning::Other;
        QTest::newRow("empty") << QString() << Meaning::Other;
        QTest::newRow("punctuation") << QStringLiteral("?!") << Meaning::Other;
        // Cancel words in four languages, in any case.
        QTest::newRow("cancel") << QStringLiteral("CANCEL") << Meaning::Cancel;
        QTest::newRow("storno") << QStringLiteral("Storno bitte") << Meaning::Cancel;
        QTest::newRow("absagen") << QStringLiteral("absagen") << Meaning::Cancel;
        QTest::newRow("annuler") << QStringLiteral("Annuler svp") << Meaning::Cancel;
        QTest::newRow("annulé") << QStringLiteral("annulé") << Meaning::Cancel;
        QTest::newRow("cancelar") << QStringLiteral("cancelar") << Meaning::Cancel;
        // A cancel word later in the text is no cancellation: a person reads it.
        QTest::newRow("late cancel") << QStringLiteral("I cannot cancel") << Meaning::Other;
        // Stop words, with and without the accent.
        QTest::newRow("STOP") << QStringLiteral("STOP") << Meaning::Stop;
        QTest::newRow("stopp") << QStringLiteral("Stopp") << Meaning::Stop;
        QTest::newRow("ARRET") << QStringLiteral("ARRET") << Meaning::Stop;
        QTest::newRow("arrêt") << QStringLiteral("arrêt") << Meaning::Stop;
        QTest::newRow("BAJA") << QStringLiteral("BAJA") << Meaning::Stop;
    }

    void classify()
    {
        QFETCH(QString, reply);
        QFETCH(Meaning, meaning);
        QCOMPARE(ReplyWords::classify(reply), meaning);
        // The dashboard counts exactly the confirmations the server acts on.
        QCOMPARE(KpiDefinitions::confirms(reply), meaning == Meaning::Confirm);
    }

    void theListsDoNotOverlap()
    {
        for (const QString &w : ReplyWords::cancelWords()) {
            QVERIFY(!ReplyWords::confirmWords().contains(w));
            QVERIFY(!ReplyWords::stopWords().contains(w));
        }
        for (const QString &w : ReplyWords::stopWords())
            QVERIFY(!ReplyWords::confirmWords().contains(w));
        // The dashboard's definition names the same confirm words.
        const QString described = KpiDefinitions::of(frontdesk::Kpi::RemindersConfirmed).definition;
        for (const QString &w : ReplyWords::confirmWords())
            QVERIFY2(described.contains(w), qPrintable(w));
    }
};

QTEST_GUILESS_MAIN(TestReplyWords)
#include "tst_replywords.moc"
