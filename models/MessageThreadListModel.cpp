#include "MessageThreadListModel.h"

#include "MessageThreadModel.h"

#include "core/LocaleFormat.h"
#include "domain/MessageLabels.h"

#include <QSet>

namespace frontdesk {

MessageThreadListModel::MessageThreadListModel(Database &db, QObject *parent)
    : DatabaseTableModel(db, parent), m_threads(db), m_clinicTime(clinicTime())
{}

QString MessageThreadListModel::keyOf(const ThreadSummary &thread)
{
    return thread.isInbox() ? QStringLiteral("inbox") : thread.patientId;
}

void MessageThreadListModel::setFilter(const ThreadFilter &filter)
{
    m_filter = filter;
    refresh();
}

int MessageThreadListModel::rowOf(const QString &patientId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).patientId == patientId)
            return row;
    }
    return -1;
}

void MessageThreadListModel::refresh()
{
    m_clinicTime = clinicTime();
    auto threads = m_threads.conversations(m_filter);
    if (!threads) {
        reportError(threads.error());
        return;
    }
    clearError();
    takeRows(std::move(*threads));
}

Status MessageThreadListModel::assign(int row, const QString &accountId)
{
    if (row < 0 || row >= m_rows.size())
        return fail(tr("Choose a conversation first."));
    if (auto s = m_threads.assign(m_rows.at(row).patientId, accountId); !s)
        return s;
    refresh();
    return {};
}

Status MessageThreadListModel::markUnread(int row)
{
    if (row < 0 || row >= m_rows.size())
        return fail(tr("Choose a conversation first."));
    if (auto s = m_threads.markUnread(m_rows.at(row).patientId); !s)
        return s;
    refresh();
    return {};
}

void MessageThreadListModel::takeRows(QList<ThreadSummary> next)
{
    QStringList wanted;
    wanted.reserve(next.size());
    for (const ThreadSummary &t : next)
        wanted << keyOf(t);
    // A clinic has a conversation per patient written to: thousands.
    const QSet<QString> kept(wanted.cbegin(), wanted.cend());
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (kept.contains(keyOf(m_rows.at(row))))
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    // A conversation with new activity moves up: moved, not removed and inserted, so a view
    // keeps it current and selected.
    for (int row = 0; row < next.size(); ++row) {
        const QString key = wanted.at(row);
        if (row < m_rows.size() && keyOf(m_rows.at(row)) == key) {
            m_rows[row] = next.at(row);
            continue;
        }
        int from = -1;
        for (int i = row + 1; i < m_rows.size(); ++i) {
            if (keyOf(m_rows.at(i)) == key) {
                from = i;
                break;
            }
        }
        if (from < 0) {
            beginInsertRows({}, row, row);
            m_rows.insert(row, next.at(row));
            endInsertRows();
            continue;
        }
        beginMoveRows({}, from, from, {}, row);
        m_rows.move(from, row);
        endMoveRows();
        m_rows[row] = next.at(row);
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

int MessageThreadListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MessageThreadListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MessageThreadListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ThreadSummary &t = m_rows.at(index.row());
    const Message &latest = t.latest;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ConversationColumn:
            return t.isInbox() ? tr("Unassigned inbox") : t.patientName;
        case TimeColumn:
            return LocaleFormat::fullYearDateTime(m_clinicTime.toLocal(t.lastActivity));
        case UnreadColumn:
            return t.unread > 0 ? QString::number(t.unread) : QString();
        case AssigneeColumn:
            return t.assignedName;
        case LatestColumn: {
            const QString text = MessageThreadModel::textOf(latest);
            return latest.direction == QLatin1String("inbound")
                       ? tr("%1 received: %2", "channel received: text")
                             .arg(MessageLabels::channel(latest.channel), text)
                       : tr("%1 (%2): %3", "channel (status): text")
                             .arg(MessageLabels::channel(latest.channel),
                                  MessageLabels::status(latest.status), text);
        }
        }
        return {};
    case Qt::ToolTipRole:
        if (t.isInbox())
            return tr("Messages whose sender matched no patient, or several:\n%1")
                .arg(t.candidates.join(QLatin1Char('\n')));
        if (index.column() == LatestColumn)
            return latest.body;
        return {};
    case Qt::AccessibleDescriptionRole: {
        QStringList parts{tr("messages: %1").arg(t.messageCount)};
        if (t.unread > 0)
            parts << tr("unread: %1").arg(t.unread);
        if (t.failed > 0)
            parts << tr("failed: %1").arg(t.failed);
        parts << (t.assignedName.isEmpty() ? tr("not assigned")
                                           : tr("assigned to %1").arg(t.assignedName));
        return parts.join(QStringLiteral(", "));
    }
    case IdRole:
        return keyOf(t);
    case StatusKeyRole:
        return latest.status;
    case PatientIdRole:
        return t.patientId;
    case UnreadRole:
        return t.unread;
    case TimeRole:
        return t.lastActivity;
    case AssigneeIdRole:
        return t.assignedTo;
    }
    return {};
}

QVariant MessageThreadListModel::headerData(int section, Qt::Orientation orientation,
                                            int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ConversationColumn:
        return tr("Conversation");
    case TimeColumn:
        return tr("Last activity");
    case UnreadColumn:
        return tr("Unread");
    case AssigneeColumn:
        return tr("Assigned to");
    case LatestColumn:
        return tr("Latest message");
    }
    return {};
}

} // namespace frontdesk
