#pragma once

#include "DatabaseTableModel.h"
#include "storage/MessageThreads.h"

#include <QList>

namespace frontdesk {

// One conversation, oldest message first: inbound and outbound, with channel, time (clinic
// zone), author and delivery state. open() is a person reading it: audited as opening the
// patient's record, and its unread inbound messages become read.
class MessageThreadModel : public DatabaseTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TimeColumn,
        AuthorColumn,
        ChannelColumn,
        StatusColumn,
        TextColumn,
        ColumnCount
    };
    enum Role
    {
        UnreadRole = FirstCustomRole, // bool
        DirectionRole,                // "inbound" | "outbound"
        TimeRole,                     // QDateTime, UTC
    };

    explicit MessageThreadModel(Database &db, QObject *parent = nullptr);

    // Reads the conversation and marks it read; patientId empty: the inbox. A refusal is the
    // caller's to show (errorOccurred is for refresh()).
    Status open(const QString &patientId);
    bool isOpen() const { return m_open; }
    const QString &patientId() const { return m_patientId; }
    const Message &messageAt(int row) const { return m_rows.at(row); }

    // Shows the open conversation again (a sync brought changes) without a new audit entry
    // and without marking anything read: the person has not looked again yet.
    void refresh() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Who a message is from as the thread names them: the patient (or the inbox's sender), the
    // staff member who wrote it, the automation rule or template that made it.
    static QString authorOf(const Message &m);
    // A message's subject and text on one line, as the lists show it.
    static QString textOf(const Message &m);

private:
    MessageThreads m_threads;
    ClinicTime m_clinicTime;
    QString m_patientId;
    bool m_open = false;
    QList<Message> m_rows;
};

} // namespace frontdesk
