#include "MessagesView.h"

#include "MessageThreadListModel.h"
#include "MessageThreadModel.h"
#include "common/RecordTable.h"
#include "common/StatusBadgeDelegate.h"
#include "common/ViewHelpers.h"
#include "domain/MessageLabels.h"
#include "messaging/ContactPolicy.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace frontdesk {

namespace {

// A conversation or message nobody has read yet reads in bold.
class UnreadBoldDelegate : public QStyledItemDelegate
{
public:
    UnreadBoldDelegate(int unreadRole, QObject *parent)
        : QStyledItemDelegate(parent), m_unreadRole(unreadRole)
    {}

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(m_unreadRole).toInt() > 0)
            option->font.setBold(true);
    }

private:
    int m_unreadRole;
};

QComboBox *filterCombo(QWidget *parent, const QString &name, const QString &objectName,
                       const QString &all, const QList<std::pair<QString, QString>> &values)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    combo->setAccessibleName(name);
    combo->setToolTip(name);
    combo->addItem(all, QString());
    for (const auto &[key, label] : values)
        combo->addItem(label, key);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    return combo;
}

} // namespace

MessagesView::MessagesView(MessageThreadListModel *conversations, MessageThreadModel *thread,
                           QWidget *parent)
    : QWidget(parent), m_model(conversations), m_threadModel(thread)
{
    auto *title = new QLabel(tr("Conversations"), this);
    view::makeHeading(title, 1.25);
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("messageCount"));

    QList<std::pair<QString, QString>> channels;
    for (const QString &c : ContactPolicy::sendChannels())
        channels.append({c, MessageLabels::channel(c)});
    m_channel = filterCombo(this, tr("Channel"), QStringLiteral("channelFilter"),
                            tr("All channels"), channels);
    QList<std::pair<QString, QString>> statuses;
    for (const char *s : {"queued", "sent", "delivered", "failed", "received", "handled"})
        statuses.append({QLatin1String(s), MessageLabels::status(QLatin1String(s))});
    m_status = filterCombo(this, tr("Status"), QStringLiteral("statusFilter"), tr("All statuses"),
                           statuses);
    QList<std::pair<QString, QString>> purposes;
    for (const QString &p : ContactPolicy::purposes())
        purposes.append({p, MessageLabels::purpose(p)});
    m_purpose = filterCombo(this, tr("Purpose"), QStringLiteral("purposeFilter"),
                            tr("All purposes"), purposes);
    m_unreadOnly = new QCheckBox(tr("Unread only"), this);
    m_unreadOnly->setObjectName(QStringLiteral("unreadOnly"));
    m_unassignedOnly = new QCheckBox(tr("Unassigned only"), this);
    m_unassignedOnly->setObjectName(QStringLiteral("unassignedOnly"));
    for (QComboBox *combo : {m_channel, m_status, m_purpose})
        connect(combo, &QComboBox::currentIndexChanged, this, &MessagesView::applyFilter);
    for (QCheckBox *box : {m_unreadOnly, m_unassignedOnly})
        connect(box, &QCheckBox::toggled, this, &MessagesView::applyFilter);

    m_conversations = new QTableView(this);
    m_conversations->setObjectName(QStringLiteral("conversationTable"));
    m_conversations->setAccessibleName(tr("Conversations"));
    m_conversations->setModel(m_model);
    setUpRecordTable(m_conversations);
    m_conversations->setItemDelegate(
        new UnreadBoldDelegate(MessageThreadListModel::UnreadRole, m_conversations));
    QHeaderView *header = m_conversations->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(MessageThreadListModel::ConversationColumn,
                                 QHeaderView::Interactive);
    header->setSectionResizeMode(MessageThreadListModel::LatestColumn, QHeaderView::Stretch);
    header->resizeSection(MessageThreadListModel::ConversationColumn,
                          24 * m_conversations->fontMetrics().horizontalAdvance(QLatin1Char('M')));
    connect(m_conversations, &QTableView::activated, this, &MessagesView::openCurrent);

    m_threadHeading = new QLabel(tr("Choose a conversation and press Return to open it."), this);
    m_threadHeading->setObjectName(QStringLiteral("threadHeading"));
    m_threadHeading->setWordWrap(true);
    m_threadHeading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_thread = new QTableView(this);
    m_thread->setObjectName(QStringLiteral("threadTable"));
    m_thread->setAccessibleName(tr("Messages of the conversation"));
    m_thread->setModel(m_threadModel);
    setUpRecordTable(m_thread);
    m_thread->setItemDelegate(new UnreadBoldDelegate(MessageThreadModel::UnreadRole, m_thread));
    m_thread->setItemDelegateForColumn(MessageThreadModel::StatusColumn,
                                       new StatusBadgeDelegate(m_thread));
    QHeaderView *threadHeader = m_thread->horizontalHeader();
    threadHeader->setHighlightSections(false);
    threadHeader->setSectionResizeMode(QHeaderView::ResizeToContents);
    threadHeader->setSectionResizeMode(MessageThreadModel::TextColumn, QHeaderView::Stretch);

    m_new = new QPushButton(tr("&New message…"), this);
    m_new->setObjectName(QStringLiteral("newMessage"));
    connect(m_new, &QPushButton::clicked, this, [this] { emit composeRequested({}); });
    m_outreach = new QPushButton(tr("Recall &outreach…"), this);
    m_outreach->setObjectName(QStringLiteral("recallOutreachButton"));
    m_outreach->setToolTip(tr("The patients due for a recall, written to as a batch"));
    connect(m_outreach, &QPushButton::clicked, this, &MessagesView::outreachRequested);

    // Single keys, as in a mail reader; they work while the focus is anywhere in the view.
    m_replyAction = view::shortcutAction(this, tr("Reply…"), QKeySequence(Qt::Key_R),
                                         tr("A new message to this patient"));
    connect(m_replyAction, &QAction::triggered, this, [this] {
        const auto current = currentConversation();
        if (current && !current->isEmpty())
            emit composeRequested(*current);
    });
    m_reply = new QPushButton(tr("&Reply…"), this);
    m_reply->setObjectName(QStringLiteral("replyMessage"));
    m_reply->setToolTip(m_replyAction->toolTip());
    connect(m_reply, &QPushButton::clicked, m_replyAction, &QAction::trigger);

    m_assignMenu = new QMenu(this);
    m_assignMenu->setObjectName(QStringLiteral("assignMenu"));
    m_assignMenu->setAccessibleName(tr("Assign to"));
    connect(m_assignMenu, &QMenu::aboutToShow, this, &MessagesView::fillAssignMenu);
    m_assign = new QPushButton(tr("&Assign to…"), this);
    m_assign->setObjectName(QStringLiteral("assignConversation"));
    m_assign->setMenu(m_assignMenu);
    m_assignAction = view::shortcutAction(this, tr("Assign to…"), QKeySequence(Qt::Key_A),
                                          tr("Give the conversation to a staff member"));
    m_assign->setToolTip(m_assignAction->toolTip());
    // A popup, not the button's modal menu: the view goes on updating while it is open.
    connect(m_assignAction, &QAction::triggered, this,
            [this] { m_assignMenu->popup(m_assign->mapToGlobal(QPoint(0, m_assign->height()))); });

    m_assignToMe = view::shortcutAction(this, tr("Assign to me"), QKeySequence(Qt::Key_M));
    connect(m_assignToMe, &QAction::triggered, this, [this] { assignTo(m_model->me()); });
    m_assignToMeButton = new QPushButton(tr("Assign to &me"), this);
    m_assignToMeButton->setObjectName(QStringLiteral("assignToMe"));
    m_assignToMeButton->setToolTip(m_assignToMe->toolTip());
    connect(m_assignToMeButton, &QPushButton::clicked, m_assignToMe, &QAction::trigger);

    m_markUnread = view::shortcutAction(this, tr("Mark unread"), QKeySequence(Qt::Key_U),
                                        tr("The newest reply counts as unread again"));
    connect(m_markUnread, &QAction::triggered, this, &MessagesView::markUnread);
    m_markUnreadButton = new QPushButton(tr("Mark &unread"), this);
    m_markUnreadButton->setObjectName(QStringLiteral("markUnread"));
    m_markUnreadButton->setToolTip(m_markUnread->toolTip());
    connect(m_markUnreadButton, &QPushButton::clicked, m_markUnread, &QAction::trigger);

    // A follow-up's survey answered on the phone, recorded in the patient's conversation, where
    // the survey and the SMS answers are.
    m_surveyAnswer = view::shortcutAction(this, tr("Survey answer…"), QKeySequence(Qt::Key_S),
                                          tr("Record the answer to a follow-up's survey the "
                                             "patient gave on the phone"));
    connect(m_surveyAnswer, &QAction::triggered, this, [this] {
        const auto current = currentConversation();
        if (current && !current->isEmpty())
            emit surveyAnswerRequested(*current);
    });
    m_surveyAnswerButton = new QPushButton(tr("&Survey answer…"), this);
    m_surveyAnswerButton->setObjectName(QStringLiteral("surveyAnswer"));
    m_surveyAnswerButton->setToolTip(m_surveyAnswer->toolTip());
    connect(m_surveyAnswerButton, &QPushButton::clicked, m_surveyAnswer, &QAction::trigger);

    connect(m_conversations->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MessagesView::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MessagesView::updateCount);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MessagesView::updateCount);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MessagesView::updateCount);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MessagesView::updateCount);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MessagesView::updateThreadHeading);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MessagesView::updateActions);
    connect(m_threadModel, &QAbstractItemModel::modelReset, this,
            &MessagesView::updateThreadHeading);
    connect(m_threadModel, &QAbstractItemModel::rowsInserted, this,
            [this] { m_thread->scrollToBottom(); });

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_channel);
    filters->addWidget(m_status);
    filters->addWidget(m_purpose);
    filters->addWidget(m_unreadOnly);
    filters->addWidget(m_unassignedOnly);
    filters->addStretch();
    filters->addWidget(m_countLabel);
    auto *bar = new QHBoxLayout;
    bar->addWidget(title);
    bar->addStretch();
    bar->addWidget(m_outreach);
    bar->addWidget(m_new);

    auto *threadPane = new QWidget(this);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_reply);
    actions->addWidget(m_assign);
    actions->addWidget(m_assignToMeButton);
    actions->addWidget(m_markUnreadButton);
    actions->addStretch();
    actions->addWidget(m_surveyAnswerButton);
    auto *threadLayout = new QVBoxLayout(threadPane);
    threadLayout->setContentsMargins(0, 0, 0, 0);
    threadLayout->addWidget(m_threadHeading);
    threadLayout->addWidget(m_thread, 1);
    threadLayout->addLayout(actions);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("messagesSplit"));
    split->setChildrenCollapsible(false);
    split->addWidget(m_conversations);
    split->addWidget(threadPane);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addLayout(filters);
    layout->addWidget(split, 1);
    setFocusProxy(m_conversations);
    updateCount();
    updateActions();
}

void MessagesView::setMaySend(bool maySend)
{
    m_maySend = maySend;
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_new, m_outreach, m_reply, m_assign, m_assignToMeButton,
                                          m_markUnreadButton, m_surveyAnswerButton})
        w->setVisible(maySend);
    updateActions();
}

std::optional<QString> MessagesView::currentConversation() const
{
    const QModelIndex current = m_conversations->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    return m_model->threadAt(current.row()).patientId;
}

void MessagesView::openCurrent()
{
    const auto current = currentConversation();
    if (!current)
        return;
    if (auto opened = m_threadModel->open(*current); !opened) {
        emit errorOccurred(opened.error());
        return;
    }
    m_thread->scrollToBottom();
    // Its replies are read now: the list says so, and keeps this conversation current.
    m_model->refresh();
}

void MessagesView::refresh()
{
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    m_model->refresh();
    m_threadModel->refresh();
}

void MessagesView::showEvent(QShowEvent *event)
{
    // Before the first paint, so the lists never show empty first.
    if (m_stale)
        refresh();
    QWidget::showEvent(event);
}

void MessagesView::applyFilter()
{
    ThreadFilter filter;
    filter.channel = m_channel->currentData().toString();
    filter.status = m_status->currentData().toString();
    filter.purpose = m_purpose->currentData().toString();
    filter.unreadOnly = m_unreadOnly->isChecked();
    filter.unassignedOnly = m_unassignedOnly->isChecked();
    m_model->setFilter(filter);
    if (!m_conversations->currentIndex().isValid() && m_model->rowCount() > 0)
        m_conversations->setCurrentIndex(m_model->index(0, 0));
}

void MessagesView::updateCount()
{
    int unread = 0;
    for (int row = 0; row < m_model->rowCount(); ++row)
        unread += m_model->threadAt(row).unread;
    m_countLabel->setText(
        unread == 0 ? tr("Conversations: %1").arg(m_model->rowCount())
                    : tr("Conversations: %1 · unread: %2").arg(m_model->rowCount()).arg(unread));
}

void MessagesView::updateActions()
{
    const auto current = currentConversation();
    const bool patient = current && !current->isEmpty();
    m_replyAction->setEnabled(m_maySend && patient);
    m_reply->setEnabled(m_maySend && patient);
    m_surveyAnswer->setEnabled(m_maySend && patient);
    m_surveyAnswerButton->setEnabled(m_maySend && patient);
    for (QAction *a : {m_assignAction, m_assignToMe, m_markUnread})
        a->setEnabled(m_maySend && current.has_value());
    for (QPushButton *b : {m_assign, m_assignToMeButton, m_markUnreadButton})
        b->setEnabled(m_maySend && current.has_value());
}

void MessagesView::updateThreadHeading()
{
    if (!m_threadModel->isOpen()) {
        m_threadHeading->setText(tr("Choose a conversation and press Return to open it."));
        return;
    }
    const int row = m_model->rowOf(m_threadModel->patientId());
    if (row < 0)
        return;
    const ThreadSummary &t = m_model->threadAt(row);
    QString text = t.isInbox() ? tr("Unassigned inbox") : t.patientName;
    text = t.assignedName.isEmpty() ? tr("%1 · not assigned").arg(text)
                                    : tr("%1 · assigned to %2").arg(text, t.assignedName);
    if (t.isInbox() && !t.candidates.isEmpty())
        text += QLatin1Char('\n') + t.candidates.join(QLatin1Char('\n'));
    m_threadHeading->setText(text);
}

void MessagesView::fillAssignMenu()
{
    m_assignMenu->clear();
    auto staff = m_model->staff();
    if (!staff) {
        m_assignMenu->addAction(staff.error())->setEnabled(false);
        return;
    }
    const QString me = m_model->me();
    if (!me.isEmpty()) {
        QAction *mine = m_assignMenu->addAction(tr("Me"));
        mine->setObjectName(QStringLiteral("assignMe"));
        connect(mine, &QAction::triggered, this, [this, me] { assignTo(me); });
        m_assignMenu->addSeparator();
    }
    for (const StaffMember &member : std::as_const(*staff)) {
        QAction *a = m_assignMenu->addAction(member.name);
        a->setData(member.id);
        connect(a, &QAction::triggered, this, [this, id = member.id] { assignTo(id); });
    }
    m_assignMenu->addSeparator();
    QAction *nobody = m_assignMenu->addAction(tr("Nobody"));
    nobody->setObjectName(QStringLiteral("assignNobody"));
    connect(nobody, &QAction::triggered, this, [this] { assignTo({}); });
}

void MessagesView::assignTo(const QString &accountId)
{
    const QModelIndex current = m_conversations->currentIndex();
    if (!current.isValid())
        return;
    if (auto s = m_model->assign(current.row(), accountId); !s)
        emit errorOccurred(s.error());
}

void MessagesView::markUnread()
{
    const QModelIndex current = m_conversations->currentIndex();
    if (!current.isValid())
        return;
    if (auto s = m_model->markUnread(current.row()); !s) {
        emit errorOccurred(s.error());
        return;
    }
    m_threadModel->refresh();
}

} // namespace frontdesk
