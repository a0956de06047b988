#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QModelIndex;
class QTableView;

namespace frontdesk {

class MessageListModel;

// The most recent messages to and from patients; a new message or a reply to the selected
// one's patient from here.
class MessagesView : public QWidget
{
    Q_OBJECT
public:
    explicit MessagesView(MessageListModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QPushButton *newButton() const { return m_new; }
    QPushButton *replyButton() const { return m_reply; }

signals:
    // patientId empty: a message to a patient still to be chosen.
    void composeRequested(const QString &patientId);

private:
    void updateCount();
    void showDetails(const QModelIndex &index);

    MessageListModel *m_model;
    QLabel *m_countLabel;
    QTableView *m_table;
    QPushButton *m_new;
    QPushButton *m_reply;
};

} // namespace frontdesk
