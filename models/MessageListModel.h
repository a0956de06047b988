#pragma once

#include "DatabaseTableModel.h"
#include "storage/MessageRepository.h"

#include <QList>

namespace frontdesk {

// The most recent messages to and from patients, newest first.
class MessageListModel : public DatabaseTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TimeColumn,
        PatientColumn,
        ChannelColumn,
        PurposeColumn,
        StatusColumn,
        TextColumn,
        ColumnCount
    };
    enum Role
    {
        PatientIdRole = FirstCustomRole,
        TimeRole /* QDateTime, UTC */
    };

    explicit MessageListModel(Database &db, QObject *parent = nullptr);

    int limit() const { return m_limit; }
    void setLimit(int limit);
    const MessageRow &messageAt(int row) const { return m_rows.at(row); }

    void refresh() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    static QDateTime timeOf(const Message &m);

    MessageRepository m_repository;
    int m_limit = 500;
    ClinicTime m_clinicTime;
    QList<MessageRow> m_rows;
};

} // namespace frontdesk
