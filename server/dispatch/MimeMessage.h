#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace frontdesk::server {

// One plain-text email as RFC 5322 bytes (CRLF lines): Date, From, To, Subject (RFC 2047
// encoded-words in UTF-8 when it is not plain ASCII, folded so no line passes 78 characters),
// Message-ID, MIME-Version, and the body as UTF-8 text/plain in base64, so any text survives
// any relay (no line-length or 8-bit limits, no dot-stuffing of the body's own lines).
struct MimeMessage
{
    QString from; // "Name <address>" or "address"
    QString to;   // address
    QString subject;
    QString body;
    QString messageId; // without the angle brackets
    QDateTime date;

    QByteArray toBytes() const;
    // The text as is when it is short printable ASCII, else "=?UTF-8?B?...?=" words (each
    // under 75 characters, never splitting a character) folded onto continuation lines.
    static QByteArray encodeHeaderText(const QString &text);
    // The address inside "Name <address>", or the whole text.
    static QString addressOf(const QString &mailbox);
    // RFC 5322's date-time, e.g. "Mon, 06 Jul 2026 09:00:00 +0000".
    static QByteArray rfc5322Date(const QDateTime &t);
};

} // namespace frontdesk::server
