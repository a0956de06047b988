#pragma once

#include <QWidget>

#include <optional>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QMenu;
class QModelIndex;
class QPushButton;
class QTableView;

namespace frontdesk {

class MessageThreadListModel;
class MessageThreadModel;

// The conversations with patients, keyboard first: Up/Down moves between conversations, Return
// opens one (its replies become read), R replies, A assigns, M takes it, U marks it unread
// again. Filters by channel, status, purpose, unread and unassigned.
class MessagesView : public QWidget
{
    Q_OBJECT
public:
    MessagesView(MessageThreadListModel *conversations, MessageThreadModel *thread,
                 QWidget *parent = nullptr);

    QTableView *conversationTable() const { return m_conversations; }
    QTableView *threadTable() const { return m_thread; }
    QPushButton *newButton() const { return m_new; }
    QPushButton *outreachButton() const { return m_outreach; }
    QPushButton *replyButton() const { return m_reply; }
    QPushButton *assignButton() const { return m_assign; }
    QMenu *assignMenu() const { return m_assignMenu; }
    QAction *assignToMeAction() const { return m_assignToMe; }
    QAction *markUnreadAction() const { return m_markUnread; }
    QAction *surveyAnswerAction() const { return m_surveyAnswer; }
    QPushButton *surveyAnswerButton() const { return m_surveyAnswerButton; }
    QComboBox *channelFilter() const { return m_channel; }
    QComboBox *statusFilter() const { return m_status; }
    QComboBox *purposeFilter() const { return m_purpose; }
    QCheckBox *unreadOnly() const { return m_unreadOnly; }
    QCheckBox *unassignedOnly() const { return m_unassignedOnly; }
    QLabel *threadHeading() const { return m_threadHeading; }

    // Sending and assigning need the permission to send messages; without it they are hidden.
    void setMaySend(bool maySend);
    // Opens the conversation in the current row, as Return does.
    void openCurrent();
    // The sync worker brought messages: both lists update in place. While the view is hidden
    // they are read when it is next shown: a clinic's conversations are all of its messages,
    // too many to read on every sync (or at start) for a view no one looks at.
    void refresh();

signals:
    // patientId empty: a message to a patient still to be chosen.
    void composeRequested(const QString &patientId);
    // Recall Outreach… : the patients due for a recall, written to as a batch.
    void outreachRequested();
    // Survey answer… : the patient's answer to a follow-up's survey, given on the phone.
    void surveyAnswerRequested(const QString &patientId);
    void errorOccurred(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void applyFilter();
    void updateCount();
    void updateActions();
    void updateThreadHeading();
    void fillAssignMenu();
    void assignTo(const QString &accountId);
    void markUnread();
    // The current row's conversation: its patient id, "" for the inbox; nullopt without one.
    std::optional<QString> currentConversation() const;

    MessageThreadListModel *m_model;
    MessageThreadModel *m_threadModel;
    QLabel *m_countLabel;
    QComboBox *m_channel;
    QComboBox *m_status;
    QComboBox *m_purpose;
    QCheckBox *m_unreadOnly;
    QCheckBox *m_unassignedOnly;
    QTableView *m_conversations;
    QLabel *m_threadHeading;
    QTableView *m_thread;
    QPushButton *m_new;
    QPushButton *m_outreach;
    QPushButton *m_reply;
    QPushButton *m_assign;
    QMenu *m_assignMenu;
    QAction *m_replyAction;
    QAction *m_assignAction;
    QAction *m_assignToMe;
    QAction *m_markUnread;
    QPushButton *m_markUnreadButton;
    QPushButton *m_assignToMeButton;
    QAction *m_surveyAnswer;
    QPushButton *m_surveyAnswerButton;
    bool m_maySend = true;
    bool m_stale = true; // refreshed while hidden (or never read): read at the next show
};

} // namespace frontdesk
