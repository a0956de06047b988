#pragma once

#include <QKeySequence>
#include <QString>

class QAction;
class QLabel;
class QToolButton;
class QWidget;

namespace frontdesk {

// What the views build alike: actions with a shortcut named in the tooltip, text-only tool
// buttons, headings, and the date format of date fields.
namespace view {

// An action with a shortcut that works anywhere in owner (and its children), added to owner;
// its tooltip is tip (text when empty) with the shortcut, e.g. "Today (Ctrl+Home)".
QAction *shortcutAction(QWidget *owner, const QString &text, const QKeySequence &key = {},
                        const QString &tip = {});
// A tool button showing the action's text.
QToolButton *textButton(QWidget *parent, QAction *action);
// A bold heading, scale times the label's font size.
void makeHeading(QLabel *label, qreal scale = 1.0);
// The locale's short date with a four-digit year: "3/4/27" is no date to act on.
QString fullYearDateFormat();
// A medical record number as a person reads it: "MRN0100266" as it is, a bare "100266" as
// "MRN 100266", never "MRN MRN0100266".
QString mrn(const QString &number);
// Where a file dialog starts: the person's Documents folder (their home when the system names
// none), never the program's working directory.
QString documentsFolder();
// Where a save dialog starts: the file name in documentsFolder().
QString inDocuments(const QString &fileName);

} // namespace view
} // namespace frontdesk
