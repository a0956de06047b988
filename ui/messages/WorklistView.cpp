#include "WorklistView.h"

#include "WorklistModel.h"
#include "common/RecordTable.h"
#include "common/ViewHelpers.h"
#include "domain/Recall.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace frontdesk {

WorklistView::WorklistView(WorklistModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    auto *title = new QLabel(tr("Worklist"), this);
    view::makeHeading(title, 1.25);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("worklistCount"));

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("worklistKind"));
    m_kind->setAccessibleName(tr("Kind"));
    m_kind->setToolTip(tr("Kind"));
    m_kind->addItem(tr("All kinds"), QString());
    for (const QString &kind : Recall::kinds())
        m_kind->addItem(WorklistModel::kindLabel(kind), kind);
    m_kind->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_kind, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setKind(m_kind->currentData().toString()); });

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("worklistTable"));
    m_table->setAccessibleName(tr("Tasks due"));
    m_table->setModel(m_model);
    setUpRecordTable(m_table);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(WorklistModel::ToDoColumn, QHeaderView::Stretch);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit openPatientRequested(index.data(WorklistModel::PatientIdRole).toString());
    });

    QAction *done = view::shortcutAction(this, tr("Mark done"), QKeySequence(Qt::Key_D),
                                         tr("The task is done: it leaves the worklist"));
    connect(done, &QAction::triggered, this, &WorklistView::markCurrentDone);
    m_done = new QPushButton(tr("Mark &done"), this);
    m_done->setObjectName(QStringLiteral("worklistDone"));
    m_done->setToolTip(done->toolTip());
    connect(m_done, &QPushButton::clicked, this, &WorklistView::markCurrentDone);
    m_outreach = new QPushButton(tr("Recall &Outreach…"), this);
    m_outreach->setObjectName(QStringLiteral("worklistOutreach"));
    connect(m_outreach, &QPushButton::clicked, this, &WorklistView::outreachRequested);

    connect(m_model, &QAbstractItemModel::modelReset, this, &WorklistView::updateCount);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &WorklistView::updateCount);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &WorklistView::updateCount);

    auto *bar = new QHBoxLayout;
    bar->addWidget(title);
    bar->addStretch();
    bar->addWidget(m_outreach);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_kind);
    filters->addStretch();
    filters->addWidget(m_count);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_done);
    actions->addStretch();
    auto *hint = new QLabel(tr("Return opens the patient; D marks the task done."), this);
    actions->addWidget(hint);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addLayout(actions);
    setFocusProxy(m_table);
    updateCount();
}

void WorklistView::setMayWork(bool mayWork)
{
    m_mayWork = mayWork;
    m_done->setVisible(mayWork);
    m_outreach->setVisible(mayWork);
}

void WorklistView::refresh()
{
    const QModelIndex current = m_table->currentIndex();
    m_model->refresh();
    if (!m_table->currentIndex().isValid() && m_model->rowCount() > 0)
        m_table->setCurrentIndex(
            m_model->index(std::min(current.row(), m_model->rowCount() - 1), 0));
}

void WorklistView::markCurrentDone()
{
    if (!m_mayWork)
        return;
    const int row = m_table->currentIndex().row();
    if (row < 0)
        return;
    const QString who = m_model->index(row, WorklistModel::PatientColumn).data().toString();
    if (auto s = m_model->markDone(row); !s) {
        emit errorOccurred(s.error());
        return;
    }
    if (m_model->rowCount() > 0)
        m_table->setCurrentIndex(m_model->index(std::min(row, m_model->rowCount() - 1), 0));
    emit statusMessage(tr("Done: %1.").arg(who));
}

void WorklistView::updateCount()
{
    m_count->setText(tr("%n task(s) due", nullptr, m_model->rowCount()));
}

} // namespace frontdesk
