#include "LocaleNames.h"

#include <QCollator>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <unicode/uloc.h>

#include <algorithm>
#include <functional>

namespace frontdesk {

namespace {

QString capitalised(QString name, const QLocale &locale)
{
    if (!name.isEmpty())
        name.replace(0, 1, locale.toUpper(name.left(1)));
    return name;
}

bool english(const QLocale &ui)
{
    return ui.language() == QLocale::English || ui.language() == QLocale::C;
}

// A language's own name without a region: of its locales' native names the shortest, since
// CLDR names some by their region ("español de España", "American English") and the plain one
// ("español", "English") belongs to another of its locales. Built once, by every thread alike.
QString nativeLanguageName(QLocale::Language language)
{
    static const QHash<QLocale::Language, QString> names = [] {
        QHash<QLocale::Language, QString> shortest;
        for (const QLocale &l : QLocale::matchingLocales(QLocale::AnyLanguage, QLocale::AnyScript,
                                                         QLocale::AnyTerritory)) {
            const QString name = capitalised(l.nativeLanguageName(), l);
            const auto it = shortest.constFind(l.language());
            if (!name.isEmpty() && (it == shortest.constEnd() || name.size() < it->size()))
                shortest.insert(l.language(), name);
        }
        return shortest;
    }();
    return names.value(language, QLocale::languageToString(language));
}

QString languageCodeOf(QLocale::Language language)
{
    const QString part1 = QLocale::languageToCode(language, QLocale::ISO639Part1);
    return part1.isEmpty() ? QLocale::languageToCode(language) : part1;
}

using IcuDisplayName = int32_t (*)(const char *, const char *, UChar *, int32_t, UErrorCode *);

// The name ICU's locale data (the whole of CLDR, which Qt carries only for each locale's own
// language and country) gives a locale's language or country in the UI's language, or empty
// where it has none there.
QString icuName(IcuDisplayName display, const QString &locale, const QLocale &ui)
{
    const QByteArray uiLanguage = languageCodeOf(ui.language()).toLatin1();
    UChar buffer[160];
    UErrorCode status = U_ZERO_ERROR;
    const int32_t length =
        display(locale.toLatin1().constData(), uiLanguage.constData(), buffer, 160, &status);
    // A name ICU lacks comes back as the code, with a warning that the root's data was used.
    if (U_FAILURE(status) || status == U_USING_DEFAULT_WARNING || length <= 0 || length > 160)
        return {};
    return capitalised(QString::fromUtf16(reinterpret_cast<const char16_t *>(buffer), length), ui);
}

QString languageName(QLocale::Language language, const QLocale &ui)
{
    if (english(ui))
        return QLocale::languageToString(language);
    const QString name = icuName(uloc_getDisplayLanguage, languageCodeOf(language), ui);
    return name.isEmpty() ? nativeLanguageName(language) : name;
}

QString countryName(QLocale::Territory territory, const QLocale &ui)
{
    if (english(ui))
        return QLocale::territoryToString(territory);
    const QString code = QLocale::territoryToCode(territory);
    const QString name = code.size() == 2
                             ? icuName(uloc_getDisplayCountry, QStringLiteral("und_") + code, ui)
                             : QString();
    if (!name.isEmpty())
        return name;
    const QLocale inUiLanguage(ui.language(), territory);
    if (inUiLanguage.language() == ui.language() && inUiLanguage.territory() == territory &&
        !inUiLanguage.nativeTerritoryName().isEmpty())
        return capitalised(inUiLanguage.nativeTerritoryName(), ui);
    const QLocale own(QLocale::AnyLanguage, territory);
    if (own.territory() == territory && !own.nativeTerritoryName().isEmpty())
        return capitalised(own.nativeTerritoryName(), own);
    return QLocale::territoryToString(territory);
}

QList<LocaleNames::Entry> sorted(QList<LocaleNames::Entry> entries, const QLocale &ui)
{
    QCollator collator(ui);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(entries.begin(), entries.end(),
              [&](const LocaleNames::Entry &a, const LocaleNames::Entry &b) {
                  return collator.compare(a.name, b.name) < 0;
              });
    return entries;
}

// The code of the entry whose code or name the text is, or empty.
QString codeFor(const QList<LocaleNames::Entry> &entries, const QString &text)
{
    const QString t = text.trimmed();
    for (const LocaleNames::Entry &e : entries) {
        if (e.code.compare(t, Qt::CaseInsensitive) == 0 ||
            e.name.compare(t, Qt::CaseInsensitive) == 0)
            return e.code;
    }
    return {};
}

// A name typed in the UI's language, in English or in the language or country's own ("Türkçe",
// "Polska"), as the code; other text as typed.
QString codeFor(const std::function<QList<LocaleNames::Entry>(const QLocale &)> &list,
                const QList<LocaleNames::Entry> &ownNames, const QString &text, const QLocale &ui)
{
    for (const QString &code :
         {codeFor(list(ui), text), codeFor(list(QLocale(QLocale::English)), text),
          codeFor(ownNames, text)})
        if (!code.isEmpty())
            return code;
    return text.trimmed();
}

// Every language Qt's locale data knows, once, by its code and the name nameOf gives it.
QList<LocaleNames::Entry> languageEntries(const std::function<QString(QLocale::Language)> &nameOf)
{
    QList<LocaleNames::Entry> out;
    QSet<QLocale::Language> seen;
    for (const QLocale &l : QLocale::matchingLocales(QLocale::AnyLanguage, QLocale::AnyScript,
                                                     QLocale::AnyTerritory)) {
        if (l.language() == QLocale::C || seen.contains(l.language()))
            continue;
        seen.insert(l.language());
        out.append({languageCodeOf(l.language()), nameOf(l.language())});
    }
    return out;
}

QList<LocaleNames::Entry> ownLanguageNames()
{
    return languageEntries(&nativeLanguageName);
}

QList<LocaleNames::Entry> ownCountryNames()
{
    QList<LocaleNames::Entry> out;
    for (const QLocale &l : QLocale::matchingLocales(QLocale::AnyLanguage, QLocale::AnyScript,
                                                     QLocale::AnyTerritory)) {
        const QString code = QLocale::territoryToCode(l.territory());
        if (code.size() == 2 && !l.nativeTerritoryName().isEmpty())
            out.append({code, l.nativeTerritoryName()});
    }
    return out;
}

} // namespace

QString LocaleNames::language(const QString &tag, const QLocale &ui)
{
    const QString trimmed = tag.trimmed();
    const QStringList parts = trimmed.split(QRegularExpression(QStringLiteral("[-_]")));
    const QLocale::Language language = QLocale::codeToLanguage(parts.value(0));
    if (trimmed.isEmpty() || language == QLocale::AnyLanguage)
        return trimmed;
    const QString name = languageName(language, ui);
    // A region subtag is two letters (a script is four, e.g. "sr-Latn").
    for (const QString &part : parts.mid(1)) {
        if (part.size() != 2)
            continue;
        const QLocale::Territory territory = QLocale::codeToTerritory(part);
        if (territory != QLocale::AnyTerritory)
            return QStringLiteral("%1 (%2)").arg(name, countryName(territory, ui));
    }
    return name;
}

QString LocaleNames::country(const QString &code, const QLocale &ui)
{
    const QString trimmed = code.trimmed();
    const QLocale::Territory territory =
        trimmed.size() == 2 ? QLocale::codeToTerritory(trimmed.toUpper()) : QLocale::AnyTerritory;
    if (territory == QLocale::AnyTerritory)
        return trimmed;
    return countryName(territory, ui);
}

QList<LocaleNames::Entry> LocaleNames::languages(const QLocale &ui)
{
    return sorted(languageEntries([&ui](QLocale::Language l) { return languageName(l, ui); }), ui);
}

QList<LocaleNames::Entry> LocaleNames::countries(const QLocale &ui)
{
    QList<Entry> out;
    QSet<QLocale::Territory> seen;
    for (const QLocale &l : QLocale::matchingLocales(QLocale::AnyLanguage, QLocale::AnyScript,
                                                     QLocale::AnyTerritory)) {
        const QLocale::Territory t = l.territory();
        if (t == QLocale::AnyTerritory || seen.contains(t))
            continue;
        const QString code = QLocale::territoryToCode(t);
        if (code.size() != 2) // regions such as "Latin America" (419) have no country code
            continue;
        seen.insert(t);
        out.append({code, countryName(t, ui)});
    }
    return sorted(out, ui);
}

QString LocaleNames::languageCode(const QString &text, const QLocale &ui)
{
    return codeFor(&LocaleNames::languages, ownLanguageNames(), text, ui);
}

QString LocaleNames::countryCode(const QString &text, const QLocale &ui)
{
    return codeFor(&LocaleNames::countries, ownCountryNames(), text, ui);
}

} // namespace frontdesk
