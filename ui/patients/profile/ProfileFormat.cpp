#include "ProfileFormat.h"

#include "common/ViewHelpers.h"
#include "core/LocaleFormat.h"
#include "domain/ClinicTime.h"

#include <QHeaderView>
#include <QLocale>
#include <QTreeWidget>

namespace frontdesk::profile {

QString when(const QDateTime &t, const ClinicTime &clinic)
{
    if (!t.isValid())
        return {};
    const QDateTime local = clinic.toLocal(t);
    return day(local.date()) + QLatin1Char(' ') + LocaleFormat::time(local.time());
}

QString dayOf(const QDateTime &t, const ClinicTime &clinic)
{
    if (!t.isValid())
        return {};
    const QDateTime utc = t.toUTC();
    return day(utc.time() == QTime(0, 0) ? utc.date() : clinic.toLocal(t).date());
}

QString day(const QDate &d)
{
    // With the whole year, as the date fields show it: "3/7/85" is no birth date to read.
    return d.isValid() ? QLocale().toString(d, view::fullYearDateFormat()) : QString();
}

QTreeWidget *makeTree(const QStringList &headers, QWidget *parent)
{
    auto *tree = new QTreeWidget(parent);
    tree->setHeaderLabels(headers);
    tree->setRootIsDecorated(false);
    tree->setAlternatingRowColors(true);
    tree->setUniformRowHeights(true);
    tree->setWordWrap(false);
    tree->header()->setStretchLastSection(true);
    return tree;
}

QTreeWidgetItem *section(QTreeWidget *tree, const QString &title)
{
    auto *item = new QTreeWidgetItem(tree, {title});
    QFont bold = item->font(0);
    bold.setBold(true);
    item->setFont(0, bold);
    item->setFirstColumnSpanned(true);
    return item;
}

QColor warningColor()
{
    return QColor(0xb3, 0x26, 0x1e);
}

} // namespace frontdesk::profile
