#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace frontdesk {

// How patient search sees text: the same folding on the index side and on the query side, so a
// receptionist finds "Müller" by typing "muller", "MÜLLER" or "mueller", and "+49 170 1234567" by
// typing "0170/1234567". Pure functions, no database.
class SearchText
{
public:
    // Case- and accent-folded: NFKD, combining marks dropped, case-folded, plus the letters that
    // do not decompose (ß → ss, ı → i, ł → l, ø → o, æ → ae, œ → oe, đ → d, þ → th).
    static QString fold(const QString &text);
    // The German transliteration (ä → ae, ö → oe, ü → ue) before folding; equals fold() for
    // names without umlauts.
    static QString foldGerman(const QString &text);

    // The searchable words of a name: each part folded ("van Dijk" → van, dijk), the parts of a
    // compound joined as well (vandijk, obrien for O'Brien), and the German transliteration of
    // parts with umlauts. No duplicates.
    static QStringList nameTokens(const QString &name);

    // Only the digits; a leading "+" or "00" is kept as the international marker "+".
    static QString phoneDigits(const QString &phone);
    // The forms a phone number is found by: its national form (leading 0) and its international
    // digits (country code first), given the clinic's country calling code (e.g. "49").
    // "+49 170 1234567" and "0170 1234567" both give {"01701234567", "491701234567"}.
    static QStringList phoneForms(const QString &phone, const QString &countryCode);

    // Lower-case letters and digits only: "Anna.Mueller@Mail.example" → "annamuellermailexample".
    static QString compact(const QString &text);

    // The dates a person may mean by text: ISO (1985-03-12), DD.MM.YYYY, YYYYMMDD and
    // DD/MM/YYYY or MM/DD/YYYY — both when the slash form is ambiguous. Empty when none.
    static QList<QDate> parseDates(const QString &text);
};

} // namespace frontdesk
