#pragma once

#include <QMenu>

class QActionGroup;

namespace frontdesk {

// Workstation → Language: the system's language or one Frontdesk speaks, kept for this
// workstation. The choice applies from the next start: every window would otherwise have to
// rebuild its texts, and half-translated windows are worse than one restart.
class LanguageMenu : public QMenu
{
    Q_OBJECT
public:
    explicit LanguageMenu(QWidget *parent = nullptr);

signals:
    void languageChosen(const QString &code);

private:
    void choose(const QString &code);

    QActionGroup *m_group = nullptr;
};

} // namespace frontdesk
