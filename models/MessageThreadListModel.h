#pragma once

#include "DatabaseTableModel.h"
#include "storage/MessageThreads.h"

#include <QList>

namespace frontdesk {

// The Messages view's conversations: one per patient and the inbox of messages no single
// patient's, newest activity first, with unread counts and the assignee (MessageThreads).
// A refresh moves, inserts and removes rows instead of resetting, so the view keeps its
// current conversation when the sync worker brings messages.
class MessageThreadListModel : public DatabaseTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        ConversationColumn,
        TimeColumn,
        UnreadColumn,
        AssigneeColumn,
        LatestColumn,
        ColumnCount
    };
    enum Role
    {
        PatientIdRole = FirstCustomRole, // empty for the inbox
        UnreadRole,                      // int
        TimeRole,                        // QDateTime, UTC
        AssigneeIdRole,
    };

    explicit MessageThreadListModel(Database &db, QObject *parent = nullptr);

    const ThreadFilter &filter() const { return m_filter; }
    void setFilter(const ThreadFilter &filter);
    const ThreadSummary &threadAt(int row) const { return m_rows.at(row); }
    // The row of a patient's conversation (patientId empty: the inbox); -1 when not listed.
    int rowOf(const QString &patientId) const;

    void refresh() override;

    // What a person does with the conversation of a row; the list updates in place after.
    // accountId empty: nobody has it any more.
    Status assign(int row, const QString &accountId);
    Status markUnread(int row);
    // Who a conversation can be assigned to, and the signed-in person's account id.
    Result<QList<StaffMember>> staff() const { return m_threads.staff(); }
    QString me() const { return m_threads.me(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The key a row is known by: the patient's id, or a fixed one for the inbox.
    static QString keyOf(const ThreadSummary &thread);

private:
    void takeRows(QList<ThreadSummary> next);

    MessageThreads m_threads;
    ThreadFilter m_filter;
    ClinicTime m_clinicTime;
    QList<ThreadSummary> m_rows;
};

} // namespace frontdesk
