#include "ViewHelpers.h"

#include "core/LocaleFormat.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QLabel>
#include <QStandardPaths>
#include <QToolButton>

namespace frontdesk::view {

QAction *shortcutAction(QWidget *owner, const QString &text, const QKeySequence &key,
                        const QString &tip)
{
    auto *action = new QAction(text, owner);
    if (!key.isEmpty()) {
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(QStringLiteral("%1 (%2)").arg(tip.isEmpty() ? text : tip,
                                                         key.toString(QKeySequence::NativeText)));
    }
    owner->addAction(action);
    return action;
}

QToolButton *textButton(QWidget *parent, QAction *action)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

void makeHeading(QLabel *label, qreal scale)
{
    QFont font = label->font();
    if (scale != 1.0)
        font.setPointSizeF(font.pointSizeF() * scale);
    font.setBold(true);
    label->setFont(font);
}

QString fullYearDateFormat()
{
    return LocaleFormat::fullYearDateFormat();
}

QString documentsFolder()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return folder.isEmpty() ? QDir::homePath() : folder;
}

QString inDocuments(const QString &fileName)
{
    return QDir(documentsFolder()).filePath(fileName);
}

QString mrn(const QString &number)
{
    if (number.startsWith(QLatin1String("MRN"), Qt::CaseInsensitive))
        return number;
    return QCoreApplication::translate("frontdesk::view", "MRN %1").arg(number);
}

} // namespace frontdesk::view
