#include "RowDiff.h"

#include <QHash>
#include <QSet>

namespace frontdesk {

RowDiff RowDiff::between(const QStringList &before, const QStringList &after)
{
    RowDiff diff;
    QHash<QString, int> position;
    for (int i = 0; i < after.size(); ++i)
        position.insert(after.at(i), i);
    if (position.size() != after.size() ||
        QSet<QString>(before.begin(), before.end()).size() != before.size()) {
        diff.reset = true;
        return diff;
    }
    QSet<QString> staying;
    int last = -1;
    for (int i = before.size() - 1; i >= 0; --i) {
        if (!position.contains(before.at(i)))
            diff.removals << i;
    }
    for (const QString &key : before) {
        const auto found = position.constFind(key);
        if (found == position.constEnd())
            continue;
        if (*found < last) {
            diff = RowDiff();
            diff.reset = true;
            return diff;
        }
        last = *found;
        staying.insert(key);
    }
    // What stays is now in the new order, so every other row of the new list goes in where the
    // new list has it.
    for (int i = 0; i < after.size(); ++i) {
        if (!staying.contains(after.at(i)))
            diff.insertions << i;
    }
    return diff;
}

} // namespace frontdesk
