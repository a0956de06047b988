#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

namespace frontdesk {

namespace Translations {
// Loads Qt's own and Frontdesk's translations for the locale into the running application,
// replacing the ones an earlier call loaded. Missing translations are not an error: the English
// source text is shown, with its plurals from the English catalogue ("1 task due").
void install(const QLocale &locale = QLocale());

// The languages Frontdesk speaks, as ISO 639-1 codes: "en" (the source text) first.
QStringList available();
// A language's own name with a capital, e.g. "Deutsch", for a menu that lists each language in
// itself, so that someone who cannot read the current one still finds theirs.
QString nativeName(const QString &code);

// The language chosen on this workstation (Workstation → Language), or empty: follow the system.
// Kept in the workstation's settings, not in the synced database, since each desk may differ.
QString chosenLanguage();
void setChosenLanguage(const QString &code);

// The chosen language's locale, or the system's when none is chosen (or the chosen one is not
// available any more).
QLocale effectiveLocale();
} // namespace Translations

} // namespace frontdesk
