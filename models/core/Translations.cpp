#include "Translations.h"

#include <QCoreApplication>
#include <QHash>
#include <QLibraryInfo>
#include <QPointer>
#include <QSettings>
#include <QTranslator>

namespace frontdesk::Translations {

namespace {

const QString kLanguageKey = QStringLiteral("workstation/language");

QSettings workstationSettings()
{
    return QSettings(QStringLiteral("frontdesk"), QStringLiteral("frontdesk"));
}

// The translators an earlier install() put in, so that a second call replaces them.
QList<QPointer<QTranslator>> &installed()
{
    static QList<QPointer<QTranslator>> translators;
    return translators;
}

} // namespace

void install(const QLocale &locale)
{
    for (const QPointer<QTranslator> &old : std::as_const(installed())) {
        if (old) {
            QCoreApplication::removeTranslator(old);
            delete old;
        }
    }
    installed().clear();
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    // English is the source text, but its plurals ("1 task due", not "1 task(s) due") come from
    // frontdesk_en.qm. It is loaded first, under every language: the text of a language without
    // a catalogue (or of the C locale) is English, and a translator installed later is asked
    // first, so the language's own catalogue wins where it has the text.
    auto *english = new QTranslator(QCoreApplication::instance());
    if (english->load(QStringLiteral(":/i18n/frontdesk_en.qm")))
        QCoreApplication::installTranslator(english);
    installed() << qt << english;
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return;
    auto *ours = new QTranslator(QCoreApplication::instance());
    if (ours->load(locale, QStringLiteral("frontdesk"), QStringLiteral("_"),
                   QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(ours);
    installed() << ours;
}

QStringList available()
{
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr"), QStringLiteral("es")};
}

QString nativeName(const QString &code)
{
    // Written out: QLocale names some languages by a country ("American English", "español de
    // España"), and a menu of languages wants the plain names.
    static const QHash<QString, QString> names{{QStringLiteral("en"), QStringLiteral("English")},
                                               {QStringLiteral("de"), QStringLiteral("Deutsch")},
                                               {QStringLiteral("fr"), QStringLiteral("Français")},
                                               {QStringLiteral("es"), QStringLiteral("Español")}};
    return names.value(code, code);
}

QString chosenLanguage()
{
    const QString code = workstationSettings().value(kLanguageKey).toString();
    return available().contains(code) ? code : QString();
}

void setChosenLanguage(const QString &code)
{
    QSettings settings = workstationSettings();
    if (code.isEmpty())
        settings.remove(kLanguageKey);
    else
        settings.setValue(kLanguageKey, code);
}

QLocale effectiveLocale()
{
    const QString code = chosenLanguage();
    if (code.isEmpty())
        return QLocale::system();
    // The language alone keeps the system's country where it speaks that language (de_AT stays
    // de_AT); otherwise the language's main country.
    const QLocale system = QLocale::system();
    if (system.language() == QLocale(code).language())
        return system;
    return QLocale(code);
}

} // namespace frontdesk::Translations
