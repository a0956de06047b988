#pragma once

#include <QWidget>

class QLabel;
class QModelIndex;
class QTableView;

namespace frontdesk {

class MessageListModel;

// The most recent messages to and from patients.
class MessagesView : public QWidget
{
    Q_OBJECT
public:
    explicit MessagesView(MessageListModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }

private:
    void updateCount();
    void showDetails(const QModelIndex &index);

    MessageListModel *m_model;
    QLabel *m_countLabel;
    QTableView *m_table;
};

} // namespace frontdesk
