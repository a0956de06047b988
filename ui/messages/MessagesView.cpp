#include "MessagesView.h"

#include "MessageListModel.h"
#include "common/RecordTable.h"
#include "common/StatusBadgeDelegate.h"
#include "common/ViewHelpers.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace frontdesk {

MessagesView::MessagesView(MessageListModel *model, QWidget *parent)
    : QWidget(parent), m_model(model)
{
    auto *title = new QLabel(tr("Recent messages"), this);
    view::makeHeading(title, 1.25);
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("messageCount"));

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("messageTable"));
    m_table->setAccessibleName(tr("Recent messages"));
    m_table->setModel(m_model);
    setUpRecordTable(m_table);
    m_table->setItemDelegateForColumn(MessageListModel::StatusColumn,
                                      new StatusBadgeDelegate(m_table));
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(MessageListModel::PatientColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(MessageListModel::TextColumn, QHeaderView::Stretch);
    header->resizeSection(MessageListModel::PatientColumn,
                          15 * m_table->fontMetrics().horizontalAdvance(QLatin1Char('M')));
    connect(m_table, &QTableView::activated, this, &MessagesView::showDetails);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MessagesView::updateCount);

    m_new = new QPushButton(tr("&New message…"), this);
    m_new->setObjectName(QStringLiteral("newMessage"));
    connect(m_new, &QPushButton::clicked, this, [this] { emit composeRequested({}); });
    m_reply = new QPushButton(tr("&Reply…"), this);
    m_reply->setObjectName(QStringLiteral("replyMessage"));
    m_reply->setToolTip(tr("A new message to the patient of the selected message"));
    m_reply->setEnabled(false);
    connect(m_reply, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        if (current.isValid())
            emit composeRequested(m_model->messageAt(current.row()).message.patientId);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { m_reply->setEnabled(current.isValid()); });
    connect(m_model, &QAbstractItemModel::modelReset, this,
            [this] { m_reply->setEnabled(m_table->currentIndex().isValid()); });

    auto *bar = new QHBoxLayout;
    bar->addWidget(title);
    bar->addStretch();
    bar->addWidget(m_countLabel);
    bar->addWidget(m_reply);
    bar->addWidget(m_new);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_table);
    setFocusProxy(m_table);
    updateCount();
}

void MessagesView::updateCount()
{
    const int count = m_model->rowCount();
    m_countLabel->setText(count == 1 ? tr("The latest message")
                                     : tr("The latest %Ln messages", nullptr, count));
}

void MessagesView::showDetails(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const MessageRow &row = m_model->messageAt(index.row());
    const auto cell = [&](int column) {
        return m_model->index(index.row(), column).data().toString().toHtmlEscaped();
    };
    QString text =
        tr("<p><b>%1</b><br>%2 · %3 · %4 · %5</p>")
            .arg(cell(MessageListModel::PatientColumn), cell(MessageListModel::TimeColumn),
                 cell(MessageListModel::ChannelColumn), cell(MessageListModel::PurposeColumn),
                 cell(MessageListModel::StatusColumn));
    if (!row.message.subject.isEmpty())
        text += tr("<p>Subject: %1</p>").arg(row.message.subject.toHtmlEscaped());
    text += QStringLiteral("<p>%1</p>")
                .arg(row.message.body.toHtmlEscaped().replace(QLatin1Char('\n'),
                                                              QStringLiteral("<br>")));
    QMessageBox box(QMessageBox::NoIcon, tr("Message"), text, QMessageBox::Close, this);
    box.setTextFormat(Qt::RichText);
    box.exec();
}

} // namespace frontdesk
