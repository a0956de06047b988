// The email frontdesk-server hands to the SMTP relay: RFC 2047 subjects that decode to the text
// and never split a character, lines within RFC 5322's limit, the body in base64, and no header
// that a line break in a subject could smuggle in.
#include "dispatch/MimeMessage.h"

#include <QTest>

using namespace frontdesk::server;

namespace {

// Decodes a header value of "=?UTF-8?B?...?=" words (folded or not) back to text.
QString decodeWords(const QByteArray &value)
{
    QByteArray bytes;
    for (QByteArray word : value.split('\n')) {
        word = word.trimmed();
        if (!word.startsWith("=?UTF-8?B?") || !word.endsWith("?="))
            return QString::fromLatin1(value);
        bytes += QByteArray::fromBase64(word.mid(10, word.size() - 12));
    }
    return QString::fromUtf8(bytes);
}

QByteArray header(const QByteArray &message, const QByteArray &name)
{
    const QByteArray head = message.left(message.indexOf("\r\n\r\n") + 2);
    const qsizetype at = head.indexOf("\r\n" + name + ": ") >= 0
                             ? head.indexOf("\r\n" + name + ": ") + 2
                             : (head.startsWith(name + ": ") ? 0 : -1);
    if (at < 0)
        return {};
    QByteArray value;
    for (qsizetype i = at + name.size() + 2; i < head.size();) {
        const qsizetype end = head.indexOf("\r\n", i);
        value += head.mid(i, end - i);
        i = end + 2;
        if (i >= head.size() || head.at(i) != ' ')
            break;
        value += '\n';
    }
    return value;
}

} // namespace

class TestMimeMessage : public QObject
{
    Q_OBJECT

private slots:
    void subjectsDecodeToTheirText_data()
    {
        QTest::addColumn<QString>("subject");
        QTest::newRow("ascii") << QStringLiteral("Your appointment");
        QTest::newRow("umlauts") << QStringLiteral("Ihr Termin – Grüße");
        QTest::newRow("long") << QStringLiteral("Ihr Termin am Dienstag, 7. Juli, um 9:30 Uhr – "
                                                "bitte bestätigen Sie ihn mit einem C ✓✓✓");
        QTest::newRow("emoji at every boundary")
            << QString(40, QChar(0x2713)) + QStringLiteral("👋👋👋👋👋👋👋👋👋👋👋👋");
        QTest::newRow("long ascii") << QString(120, QLatin1Char('a'));
        QTest::newRow("empty") << QString();
    }
    void subjectsDecodeToTheirText()
    {
        QFETCH(QString, subject);
        MimeMessage m;
        m.from = QStringLiteral("noreply@praxis.example");
        m.to = QStringLiteral("anna@patients.example");
        m.subject = subject;
        m.body = QStringLiteral("x");
        m.messageId = QStringLiteral("id-1@praxis.example");
        m.date = QDateTime(QDate(2026, 7, 6), QTime(9, 0), Qt::UTC);
        const QByteArray bytes = m.toBytes();
        QCOMPARE(decodeWords(header(bytes, "Subject")), subject);
        for (const QByteArray &line : bytes.split('\n'))
            QVERIFY2(line.size() <= 79, line.constData());
    }

    void headersAndBody()
    {
        MimeMessage m;
        m.from = QStringLiteral("Praxis Müller <noreply@praxis.example>");
        m.to = QStringLiteral("anna@patients.example");
        m.subject = QStringLiteral("Termin\r\nBcc: everyone@example.org");
        m.body = QStringLiteral("Zeile 1\nZeile 2 – ü\r\n.\n");
        m.messageId = QStringLiteral("id-1@praxis.example");
        m.date = QDateTime(QDate(2026, 7, 6), QTime(9, 0, 5), Qt::UTC);
        const QByteArray bytes = m.toBytes();
        QCOMPARE(header(bytes, "Date"), QByteArray("Mon, 06 Jul 2026 09:00:05 +0000"));
        QCOMPARE(decodeWords(header(bytes, "From").split(' ').first()),
                 QStringLiteral("Praxis Müller"));
        QVERIFY(header(bytes, "From").endsWith(" <noreply@praxis.example>"));
        QCOMPARE(header(bytes, "Message-ID"), QByteArray("<id-1@praxis.example>"));
        QCOMPARE(header(bytes, "Content-Type"), QByteArray("text/plain; charset=UTF-8"));
        QCOMPARE(header(bytes, "Content-Transfer-Encoding"), QByteArray("base64"));
        QVERIFY(header(bytes, "Bcc").isEmpty());
        QCOMPARE(decodeWords(header(bytes, "Subject")),
                 QStringLiteral("Termin  Bcc: everyone@example.org"));
        const QByteArray body = bytes.mid(bytes.indexOf("\r\n\r\n") + 4);
        QCOMPARE(QString::fromUtf8(QByteArray::fromBase64(body)),
                 QStringLiteral("Zeile 1\r\nZeile 2 – ü\r\n.\r\n"));
        QCOMPARE(MimeMessage::addressOf(m.from), QStringLiteral("noreply@praxis.example"));
        QCOMPARE(MimeMessage::addressOf(QStringLiteral(" a@b.example ")),
                 QStringLiteral("a@b.example"));
    }
};

QTEST_GUILESS_MAIN(TestMimeMessage)
#include "tst_mimemessage.moc"
