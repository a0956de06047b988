#pragma once

#include <QList>
#include <QStringList>

namespace frontdesk {

// How a list model's rows go from what a view shows to what was just read (both in display
// order, each row named by its id) with removals and insertions instead of a reset, so the view
// keeps its current row, selection and scroll position when the sync worker brings changes.
// A reset only when rows that stay changed their order.
struct RowDiff
{
    bool reset = false;
    QList<int> removals;   // rows of the old list, last first: remove them in this order
    QList<int> insertions; // rows of the new list, first first: insert them in this order
    static RowDiff between(const QStringList &before, const QStringList &after);
};

} // namespace frontdesk
