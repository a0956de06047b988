#include "messaging/SmsSegments.h"

#include <QTest>

using namespace frontdesk;

// The SMS part counter: GSM-7 with its extension table, UCS-2 from the first character outside
// it, and the part boundaries that never split a character.
class TestSmsSegments : public QObject
{
    Q_OBJECT

private slots:
    void empty()
    {
        const SmsSegments s = SmsSegments::count(QString());
        QCOMPARE(s.segments, 0);
        QCOMPARE(s.encoding, SmsSegments::Encoding::Gsm7);
        QCOMPARE(s.remainingInSegment, 160);
    }

    void gsm7Limits_data()
    {
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("segments");
        QTest::addColumn<int>("remaining");
        QTest::newRow("one char") << 1 << 1 << 159;
        QTest::newRow("exactly one part") << 160 << 1 << 0;
        QTest::newRow("one over") << 161 << 2 << 153 * 2 - 161;
        QTest::newRow("two full parts") << 306 << 2 << 0;
        QTest::newRow("three parts") << 307 << 3 << 152;
    }
    void gsm7Limits()
    {
        QFETCH(int, length);
        QFETCH(int, segments);
        QFETCH(int, remaining);
        const SmsSegments s = SmsSegments::count(QString(length, QLatin1Char('a')));
        QCOMPARE(s.encoding, SmsSegments::Encoding::Gsm7);
        QCOMPARE(s.units, length);
        QCOMPARE(s.segments, segments);
        QCOMPARE(s.remainingInSegment, remaining);
        QCOMPARE(s.forcingIndex, -1);
    }

    // German and French letters of the basic table stay in GSM-7; € and [ take two septets.
    void basicAndExtensionTables()
    {
        QCOMPARE(SmsSegments::count(QStringLiteral(u"Grüße, Müller: café à 9 h")).encoding,
                 SmsSegments::Encoding::Gsm7);
        const SmsSegments euro = SmsSegments::count(QStringLiteral(u"10 € [fee]"));
        QCOMPARE(euro.encoding, SmsSegments::Encoding::Gsm7);
        QCOMPARE(euro.units, 13);
        // 80 euro signs fill one part exactly; one more needs a second part.
        QCOMPARE(SmsSegments::count(QString(80, QChar(0x20AC))).segments, 1);
        const SmsSegments over = SmsSegments::count(QString(81, QChar(0x20AC)));
        QCOMPARE(over.segments, 2);
        // 76 pairs fill 152 of a part's 153 septets: the 77th does not split across parts.
        QCOMPARE(SmsSegments::count(QString(77, QChar(0x20AC))).segments, 1);
        QCOMPARE(SmsSegments::count(QString(153, QChar(0x20AC))).segments, 3);
    }

    // A curly quote from a word processor forces UCS-2 and is named.
    void ucs2NamesTheCharacter()
    {
        const QString text =
            QStringLiteral(u"Your appointment is on Monday. Reply “C” to confirm.");
        const SmsSegments s = SmsSegments::count(text);
        QCOMPARE(s.encoding, SmsSegments::Encoding::Ucs2);
        QCOMPARE(s.forcingCharacter, QStringLiteral(u"“"));
        QCOMPARE(s.forcingIndex, int(text.indexOf(QChar(0x201C))));
        QCOMPARE(s.units, int(text.size()));
        QCOMPARE(s.segments, 1);
        QCOMPARE(s.remainingInSegment, 70 - int(text.size()));
    }

    void ucs2Limits()
    {
        QCOMPARE(SmsSegments::count(QString(70, QChar(0x0142))).segments, 1);
        QCOMPARE(SmsSegments::count(QString(71, QChar(0x0142))).segments, 2);
        QCOMPARE(SmsSegments::count(QString(134, QChar(0x0142))).segments, 2);
        QCOMPARE(SmsSegments::count(QString(135, QChar(0x0142))).segments, 3);
    }

    // An emoji is two UTF-16 units, never split between parts, and named whole.
    void surrogatePairs()
    {
        const QString smile = QStringLiteral(u"🙂");
        const SmsSegments one = SmsSegments::count(smile);
        QCOMPARE(one.forcingCharacter, smile);
        QCOMPARE(one.units, 2);
        // 66 single units then a pair: 68 units fit one message of 70.
        QCOMPARE(SmsSegments::count(QString(66, QChar(0x0142)) + smile).segments, 1);
        // 66 + pair + 3 = 71 units: two parts; the pair at 67-68 does not fit the first part of
        // 67, so it starts the second.
        const SmsSegments two =
            SmsSegments::count(QString(66, QChar(0x0142)) + smile + QString(3, QChar(0x0142)));
        QCOMPARE(two.segments, 2);
        QCOMPARE(two.remainingInSegment, 67 - 5);
    }
};

QTEST_GUILESS_MAIN(TestSmsSegments)
#include "tst_smssegments.moc"
