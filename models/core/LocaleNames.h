#pragma once

#include <QList>
#include <QLocale>
#include <QString>

namespace frontdesk {

// Languages and countries by name instead of by code, wherever a person reads them. The rule:
// the name in the UI's language where Qt's locale data (CLDR) has it, else the language's or
// country's own name.
// - UI in English: Qt's English names ("Turkish", "Poland").
// - A language: in the UI's language when it is that language ("Deutsch" in German); otherwise
//   its own name ("Türkçe", "Polski"): Qt carries no names of other languages in German,
//   French or Spanish, and a patient's own language by its own name is what they would say.
// - A country: as a locale of the UI's language for it names it ("Österreich", "Schweiz" and
//   "Italien" in German, "Belgique" in French, "México" in Spanish); otherwise the country's own
//   name ("Polska", "Türkiye").
// Names start with a capital letter (CLDR writes "français", "español"). A code Qt does not
// know is shown as stored, never dropped.
struct LocaleNames
{
    struct Entry
    {
        QString code;
        QString name;
    };

    // A BCP 47 tag ("de", "en-GB", "tr"): "English (United Kingdom)" for a tag with a region.
    static QString language(const QString &tag, const QLocale &ui = QLocale());
    // An ISO 3166-1 alpha-2 code ("DE", "at").
    static QString country(const QString &code, const QLocale &ui = QLocale());

    // Every language and country Qt knows, by their ISO code, sorted by name for the UI's
    // language: what a form offers to choose from.
    static QList<Entry> languages(const QLocale &ui = QLocale());
    static QList<Entry> countries(const QLocale &ui = QLocale());

    // A name or a code as typed back into a code ("Deutsch", "german", "de" -> "de"); text that
    // is neither is returned trimmed, as typed.
    static QString languageCode(const QString &text, const QLocale &ui = QLocale());
    static QString countryCode(const QString &text, const QLocale &ui = QLocale());
};

} // namespace frontdesk
