#include "LanguageMenu.h"

#include "core/Translations.h"

#include <QActionGroup>
#include <QMessageBox>

namespace frontdesk {

LanguageMenu::LanguageMenu(QWidget *parent) : QMenu(tr("La&nguage"), parent)
{
    setObjectName(QStringLiteral("languageMenu"));
    m_group = new QActionGroup(this);
    const QString chosen = Translations::chosenLanguage();
    const QString system = QLocale::system().name().left(2);
    QAction *followSystem =
        addAction(tr("&System language (%1)")
                      .arg(Translations::available().contains(system)
                               ? Translations::nativeName(system)
                               : Translations::nativeName(QStringLiteral("en"))));
    followSystem->setCheckable(true);
    followSystem->setChecked(chosen.isEmpty());
    followSystem->setActionGroup(m_group);
    connect(followSystem, &QAction::triggered, this, [this] { choose(QString()); });
    addSeparator();
    // Each language in its own words and without an accelerator: the names are not translated.
    for (const QString &code : Translations::available()) {
        QAction *action = addAction(Translations::nativeName(code));
        action->setObjectName(QStringLiteral("language_") + code);
        action->setCheckable(true);
        action->setChecked(chosen == code);
        action->setActionGroup(m_group);
        connect(action, &QAction::triggered, this, [this, code] { choose(code); });
    }
}

void LanguageMenu::choose(const QString &code)
{
    if (code == Translations::chosenLanguage())
        return;
    Translations::setChosenLanguage(code);
    // Told in the language chosen, which the person may read better than the current one.
    const QLocale next = Translations::effectiveLocale();
    Translations::install(next);
    const QString title = tr("Language");
    const QString text = tr("Frontdesk will use %1 from its next start on this workstation.")
                             .arg(Translations::nativeName(next.name().left(2)));
    Translations::install(QLocale());
    QMessageBox::information(parentWidget(), title, text);
    emit languageChosen(code);
}

} // namespace frontdesk
