#include "MessageListModel.h"

#include "core/LocaleFormat.h"

#include "domain/MessageLabels.h"

#include <QLocale>

namespace frontdesk {

MessageListModel::MessageListModel(Database &db, QObject *parent)
    : DatabaseTableModel(db, parent), m_repository(db), m_clinicTime(clinicTime())
{}

void MessageListModel::setLimit(int limit)
{
    if (limit < 1 || limit == m_limit)
        return;
    m_limit = limit;
    refresh();
}

void MessageListModel::refresh()
{
    const ClinicTime clinic = clinicTime();
    auto rows = m_repository.recent(m_limit);
    beginResetModel();
    m_clinicTime = clinic;
    if (rows) {
        m_rows = std::move(*rows);
        clearError();
    } else {
        m_rows.clear();
    }
    endResetModel();
    if (!rows)
        reportError(tr("Could not load the messages: %1").arg(rows.error()));
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MessageListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QDateTime MessageListModel::timeOf(const Message &m)
{
    // A queued message has not been sent: when it was written is what there is.
    return m.sentAt.isValid() ? m.sentAt
                              : QDateTime::fromMSecsSinceEpoch(m.meta.createdAt, Qt::UTC);
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MessageRow &row = m_rows.at(index.row());
    const Message &m = row.message;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return LocaleFormat::dateTime(m_clinicTime.toLocal(timeOf(m)));
        case PatientColumn:
            if (m.patientId.isEmpty())
                return m.candidatePatientIds.isEmpty() ? tr("Unknown sender %1").arg(m.fromAddress)
                                                       : tr("%1 (%n possible patients)", nullptr,
                                                            int(m.candidatePatientIds.size()))
                                                             .arg(m.fromAddress);
            return row.patientName;
        case ChannelColumn:
            return m.direction == QLatin1String("inbound")
                       ? tr("%1 (received)").arg(MessageLabels::channel(m.channel))
                       : MessageLabels::channel(m.channel);
        case PurposeColumn:
            return MessageLabels::purpose(m.purpose);
        case StatusColumn:
            return m.failureReason.isEmpty()
                       ? MessageLabels::status(m.status)
                       : tr("%1: %2", "status: why it failed")
                             .arg(MessageLabels::status(m.status), m.failureReason);
        case TextColumn: {
            QString text = m.subject.isEmpty()
                               ? m.body
                               : tr("%1 — %2", "subject — body").arg(m.subject, m.body);
            return text.simplified();
        }
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TextColumn)
            return m.subject.isEmpty() ? m.body : tr("Subject: %1\n\n%2").arg(m.subject, m.body);
        if (index.column() == StatusColumn && m.deliveredAt.isValid())
            return tr("Delivered %1")
                .arg(LocaleFormat::dateTime(m_clinicTime.toLocal(m.deliveredAt)));
        return {};
    case IdRole:
        return m.meta.id;
    case StatusKeyRole:
        return m.status;
    case PatientIdRole:
        return m.patientId;
    case TimeRole:
        return timeOf(m);
    }
    return {};
}

QVariant MessageListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case PatientColumn:
        return tr("Patient");
    case ChannelColumn:
        return tr("Channel");
    case PurposeColumn:
        return tr("Purpose");
    case StatusColumn:
        return tr("Status");
    case TextColumn:
        return tr("Text");
    }
    return {};
}

} // namespace frontdesk
