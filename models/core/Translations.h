#pragma once

#include <QLocale>

namespace frontdesk {

namespace Translations {
// Loads Qt's own and Frontdesk's translations for the locale into the running application.
// Missing translations are not an error: the English source text is shown.
void install(const QLocale &locale = QLocale());
} // namespace Translations

} // namespace frontdesk
