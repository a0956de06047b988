#pragma once

#include <QList>
#include <QLocale>
#include <QString>

namespace frontdesk {

// Languages and countries by name instead of by code, wherever a person reads them, in the UI's
// language.
// - UI in English: Qt's English names ("Turkish", "Poland").
// - Otherwise ICU's names, the whole of CLDR (Qt carries only each locale's own language and
//   country): "Türkisch" and "Polen" in German, "Allemand" and "Allemagne" in French, "Alemán"
//   in Spanish. Where ICU has no name in the UI's language, the language's or country's own
//   ("Türkçe", "Polska").
// Names start with a capital letter (CLDR writes "français", "allemand"). A code nobody knows
// is shown as stored, never dropped.
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

    // A name or a code as typed back into a code: in the UI's language, in English or the
    // language's own ("Allemand", "german", "Deutsch", "de" -> "de"); text that is neither is
    // returned trimmed, as typed.
    static QString languageCode(const QString &text, const QLocale &ui = QLocale());
    static QString countryCode(const QString &text, const QLocale &ui = QLocale());
};

} // namespace frontdesk
