#include "MessageThreadModel.h"

#include "access/AccessGuard.h"
#include "core/LocaleFormat.h"
#include "domain/MessageLabels.h"
#include "storage/MessageRepository.h"

namespace frontdesk {

MessageThreadModel::MessageThreadModel(Database &db, QObject *parent)
    : DatabaseTableModel(db, parent), m_threads(db), m_clinicTime(clinicTime())
{}

Status MessageThreadModel::open(const QString &patientId)
{
    auto messages = m_threads.messages(patientId);
    if (!messages)
        return fail(tr("Could not open the conversation: %1").arg(messages.error()));
    // Someone who may read messages but not change them reads without leaving a read mark.
    if (AccessGuard(database()).requireWrite(MessageRepository::table().resourceType)) {
        auto marked = m_threads.markRead(patientId);
        if (!marked)
            return fail(marked.error());
        if (*marked > 0) {
            messages = m_threads.current(patientId);
            if (!messages)
                return fail(messages.error());
        }
    }
    clearError();
    beginResetModel();
    m_clinicTime = clinicTime();
    m_patientId = patientId;
    m_open = true;
    m_rows = std::move(*messages);
    endResetModel();
    return {};
}

void MessageThreadModel::refresh()
{
    if (!m_open)
        return;
    auto messages = m_threads.current(m_patientId);
    if (!messages) {
        reportError(tr("Could not load the conversation: %1").arg(messages.error()));
        return;
    }
    clearError();
    m_clinicTime = clinicTime();
    updateRowsInPlace(m_rows, std::move(*messages), [](const Message &m) { return m.meta.id; });
}

int MessageThreadModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MessageThreadModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MessageThreadModel::authorOf(const Message &m)
{
    if (m.direction == QLatin1String("inbound"))
        return m.patientId.isEmpty() ? m.fromAddress : tr("Patient");
    if (!m.ruleName.isEmpty())
        return tr("Automatic (%1)", "the automation rule that sent it").arg(m.ruleName);
    if (!m.authorName.isEmpty())
        return m.authorName;
    if (!m.templateName.isEmpty())
        return tr("Template %1").arg(m.templateName);
    return tr("Clinic");
}

QString MessageThreadModel::textOf(const Message &m)
{
    return (m.subject.isEmpty() ? m.body : tr("%1 — %2", "subject — body").arg(m.subject, m.body))
        .simplified();
}

QVariant MessageThreadModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Message &m = m_rows.at(index.row());
    const bool inbound = m.direction == QLatin1String("inbound");
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return LocaleFormat::fullYearDateTime(m_clinicTime.toLocal(m.when()));
        case AuthorColumn:
            return authorOf(m);
        case ChannelColumn:
            return inbound ? tr("%1 received").arg(MessageLabels::channel(m.channel))
                           : tr("%1 sent").arg(MessageLabels::channel(m.channel));
        case StatusColumn:
            if (m.isUnread())
                return tr("Unread");
            return m.failureReason.isEmpty()
                       ? MessageLabels::status(m.status)
                       : tr("%1: %2", "status: why it failed")
                             .arg(MessageLabels::status(m.status), m.failureReason);
        case TextColumn:
            return textOf(m);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TextColumn)
            return m.subject.isEmpty() ? m.body : tr("Subject: %1\n\n%2").arg(m.subject, m.body);
        if (index.column() == StatusColumn && m.deliveredAt.isValid() && !inbound)
            return tr("Delivered %1")
                .arg(LocaleFormat::fullYearDateTime(m_clinicTime.toLocal(m.deliveredAt)));
        if (index.column() == AuthorColumn && inbound && m.patientId.isEmpty())
            return tr("No single patient has this number or address.");
        return {};
    case IdRole:
        return m.meta.id;
    case StatusKeyRole:
        return m.status;
    case UnreadRole:
        return m.isUnread();
    case DirectionRole:
        return m.direction;
    case TimeRole:
        return m.when();
    }
    return {};
}

QVariant MessageThreadModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case AuthorColumn:
        return tr("From");
    case ChannelColumn:
        return tr("Channel");
    case StatusColumn:
        return tr("Status");
    case TextColumn:
        return tr("Message");
    }
    return {};
}

} // namespace frontdesk
