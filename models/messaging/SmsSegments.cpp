#include "SmsSegments.h"

namespace frontdesk {

namespace {

// GSM 03.38 basic character set (3GPP TS 23.038, 6.2.1), in table order; ESC (0x1B) left out.
const QString &basicTable()
{
    static const QString table =
        QStringLiteral(u"@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                       u"¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà");
    return table;
}

// The extension table (6.2.1.1): each is sent as ESC plus one septet.
const QString &extensionTable()
{
    static const QString table = QStringLiteral(u"\f^{}\\[~]|€");
    return table;
}

// How many parts `units` make when one part holds `single` and a part of a longer message
// `perPart`; `unitAt` tells the units of the character starting at each position, so that a
// character is never split across two parts (an escape pair, a surrogate pair).
template <typename UnitsOf>
void fillParts(const QString &text, int single, int perPart, UnitsOf unitsOf, SmsSegments &out)
{
    int total = 0;
    for (qsizetype i = 0; i < text.size(); ++i)
        total += unitsOf(i);
    out.units = total;
    if (total == 0) {
        out.segments = 0;
        out.remainingInSegment = single;
        return;
    }
    if (total <= single) {
        out.segments = 1;
        out.remainingInSegment = single - total;
        return;
    }
    int parts = 1;
    int used = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const int u = unitsOf(i);
        if (u == 0)
            continue;
        if (used + u > perPart) {
            ++parts;
            used = 0;
        }
        used += u;
    }
    out.segments = parts;
    out.remainingInSegment = perPart - used;
}

} // namespace

int SmsSegments::gsm7Septets(QChar c)
{
    if (basicTable().contains(c))
        return 1;
    if (extensionTable().contains(c))
        return 2;
    return 0;
}

SmsSegments SmsSegments::count(const QString &text)
{
    SmsSegments out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (gsm7Septets(text.at(i)) == 0) {
            out.encoding = Encoding::Ucs2;
            out.forcingIndex = int(i);
            const bool pair = text.at(i).isHighSurrogate() && i + 1 < text.size();
            out.forcingCharacter = text.mid(i, pair ? 2 : 1);
            break;
        }
    }
    if (out.encoding == Encoding::Gsm7) {
        fillParts(
            text, 160, 153, [&](qsizetype i) { return gsm7Septets(text.at(i)); }, out);
    } else {
        // A surrogate pair counts two units, both in the part where the pair starts.
        fillParts(
            text, 70, 67,
            [&](qsizetype i) {
                if (text.at(i).isLowSurrogate() && i > 0 && text.at(i - 1).isHighSurrogate())
                    return 0;
                return text.at(i).isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
            },
            out);
    }
    return out;
}

} // namespace frontdesk
