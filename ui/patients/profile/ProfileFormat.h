#pragma once

#include <QColor>
#include <QDate>
#include <QDateTime>
#include <QStringList>

class QTreeWidget;
class QTreeWidgetItem;
class QWidget;

namespace frontdesk {

class ClinicTime;

// How the tabs of a patient's profile show dates and lists alike.
namespace profile {

// A stored (UTC) time as the clinic's date and time; empty when unset.
QString when(const QDateTime &t, const ClinicTime &clinic);
// The locale's short date with the whole year (view::fullYearDateFormat).
QString day(const QDate &d);
// A value that is a day, not a moment (onset, recorded, given on): only its date. A date-only
// value (stored as midnight UTC) keeps its own date, whatever the clinic's zone.
QString dayOf(const QDateTime &t, const ClinicTime &clinic);
// A flat, sortable-looking list with the given column headers.
QTreeWidget *makeTree(const QStringList &headers, QWidget *parent);
// A bold heading row spanning the columns.
QTreeWidgetItem *section(QTreeWidget *tree, const QString &title);
// An overdue recall (a care gap) and an allergy stand out in this colour.
QColor warningColor();

} // namespace profile
} // namespace frontdesk
