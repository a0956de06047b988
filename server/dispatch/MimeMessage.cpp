#include "MimeMessage.h"

#include <QLocale>

namespace frontdesk::server {

namespace {

bool plainAscii(const QString &text)
{
    for (const QChar c : text)
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    return true;
}

// Header values come from people and the database: a line break would start a header of its own.
QString oneLine(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\r'), QLatin1Char(' '));
    out.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return out;
}

} // namespace

QByteArray MimeMessage::encodeHeaderText(const QString &text)
{
    if (plainAscii(text) && text.size() <= 60)
        return text.toLatin1();
    // 39 bytes of UTF-8 are 52 base64 characters: a 64-character word, which fits a line even
    // after "Subject: ".
    constexpr qsizetype maxBytes = 39;
    QList<QByteArray> words;
    QByteArray chunk;
    for (qsizetype i = 0; i < text.size();) {
        const qsizetype n = text.at(i).isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
        const QByteArray one = text.mid(i, n).toUtf8();
        if (chunk.size() + one.size() > maxBytes) {
            words << chunk;
            chunk.clear();
        }
        chunk += one;
        i += n;
    }
    if (!chunk.isEmpty() || words.isEmpty())
        words << chunk;
    QByteArray out;
    for (const QByteArray &w : words) {
        if (!out.isEmpty())
            out += "\r\n ";
        out += "=?UTF-8?B?" + w.toBase64() + "?=";
    }
    return out;
}

QString MimeMessage::addressOf(const QString &mailbox)
{
    const qsizetype open = mailbox.lastIndexOf(QLatin1Char('<'));
    const qsizetype close = mailbox.lastIndexOf(QLatin1Char('>'));
    if (open >= 0 && close > open)
        return mailbox.mid(open + 1, close - open - 1).trimmed();
    return mailbox.trimmed();
}

QByteArray MimeMessage::rfc5322Date(const QDateTime &t)
{
    return QLocale::c()
        .toString(t.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss '+0000'"))
        .toLatin1();
}

QByteArray MimeMessage::toBytes() const
{
    const QString fromAddress = addressOf(from);
    QString fromName = oneLine(from);
    if (const qsizetype open = fromName.lastIndexOf(QLatin1Char('<')); open >= 0)
        fromName = fromName.left(open).trimmed();
    else
        fromName.clear();
    if (fromName.startsWith(QLatin1Char('"')) && fromName.endsWith(QLatin1Char('"')) &&
        fromName.size() >= 2)
        fromName = fromName.mid(1, fromName.size() - 2);
    QByteArray fromHeader = fromAddress.toUtf8();
    if (!fromName.isEmpty()) {
        // A display name in ASCII goes quoted (it may hold commas or dots); any other encoded.
        const bool ascii = plainAscii(fromName) && fromName.size() <= 60;
        QString quoted = fromName;
        quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        quoted.replace(QLatin1Char('"'), QLatin1String("\\\""));
        fromHeader = (ascii ? '"' + quoted.toLatin1() + '"' : encodeHeaderText(fromName)) + " <" +
                     fromAddress.toUtf8() + '>';
    }

    QByteArray out;
    out += "Date: " + rfc5322Date(date) + "\r\n";
    out += "From: " + fromHeader + "\r\n";
    out += "To: " + oneLine(to).toUtf8() + "\r\n";
    out += "Subject: " + encodeHeaderText(oneLine(subject)) + "\r\n";
    out += "Message-ID: <" + oneLine(messageId).toUtf8() + ">\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: base64\r\n";
    out += "\r\n";
    // Line breaks as email has them, whatever the text was written with.
    QString text = body;
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    text.replace(QLatin1Char('\n'), QLatin1String("\r\n"));
    const QByteArray encoded = text.toUtf8().toBase64();
    for (qsizetype i = 0; i < encoded.size(); i += 76)
        out += encoded.mid(i, 76) + "\r\n";
    return out;
}

} // namespace frontdesk::server
