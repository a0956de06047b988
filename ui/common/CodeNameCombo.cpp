#include "CodeNameCombo.h"

#include <QCompleter>

namespace frontdesk {

CodeNameCombo::CodeNameCombo(const QList<LocaleNames::Entry> &entries, QWidget *parent)
    : QComboBox(parent)
{
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    addItem(QString(), QString());
    for (const LocaleNames::Entry &e : entries) {
        addItem(e.name, e.code);
        setItemData(count() - 1, e.code, Qt::ToolTipRole);
    }
    completer()->setCompletionMode(QCompleter::PopupCompletion);
    completer()->setFilterMode(Qt::MatchContains);
    completer()->setCaseSensitivity(Qt::CaseInsensitive);
}

void CodeNameCombo::setCode(const QString &code)
{
    const QString trimmed = code.trimmed();
    for (int i = 0; i < count(); ++i) {
        if (itemData(i).toString().compare(trimmed, Qt::CaseInsensitive) == 0) {
            setCurrentIndex(i);
            return;
        }
    }
    setCurrentIndex(-1);
    setEditText(trimmed);
}

QString CodeNameCombo::code() const
{
    const QString text = currentText().trimmed();
    if (text.isEmpty())
        return {};
    for (int i = 1; i < count(); ++i) {
        if (itemText(i).compare(text, Qt::CaseInsensitive) == 0 ||
            itemData(i).toString().compare(text, Qt::CaseInsensitive) == 0)
            return itemData(i).toString();
    }
    return text;
}

} // namespace frontdesk
