#pragma once

#include <QString>

namespace frontdesk {

// How an SMS text travels: in the GSM 03.38 7-bit alphabet (160 characters in one message, 153
// per part of a longer one; a character of the extension table such as € or [ takes two) or,
// as soon as one character is outside it, in UCS-2 (70, and 67 per part). The composer shows
// the count and names the character that forced UCS-2, so a receptionist can replace a curly
// quote pasted from a word processor and halve the cost.
struct SmsSegments
{
    enum class Encoding
    {
        Gsm7,
        Ucs2
    };

    Encoding encoding = Encoding::Gsm7;
    // Septets (GSM-7) or UTF-16 code units (UCS-2) the text needs.
    int units = 0;
    int segments = 0;
    // What is left in the last part before another one starts.
    int remainingInSegment = 0;
    // The first character outside GSM-7 and its position in the text; -1 when there is none.
    int forcingIndex = -1;
    QString forcingCharacter;

    static SmsSegments count(const QString &text);
    // The septets a character takes in GSM-7: 1 (basic table), 2 (extension table) or 0 (none).
    static int gsm7Septets(QChar c);
};

} // namespace frontdesk
