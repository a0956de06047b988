#include "DashboardView.h"

#include "DashboardModel.h"
#include "FigureTile.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace frontdesk {

namespace {
constexpr int kColumns = 3;
} // namespace

DashboardView::DashboardView(DashboardModel *model, QWidget *parent)
    : QWidget(parent), m_model(model)
{
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("dashboardHeading"));
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.25);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);

    auto *grid = new QGridLayout;
    grid->setSpacing(12);
    for (int figure = 0; figure < DashboardModel::FigureCount; ++figure) {
        auto *tile =
            new FigureTile(DashboardModel::figureName(DashboardModel::Figure(figure)), this);
        tile->setToolTip(DashboardModel::figureDefinition(DashboardModel::Figure(figure)));
        grid->addWidget(tile, figure / kColumns, figure % kColumns);
        m_tiles << tile;
    }
    auto *note =
        new QLabel(tr("Figures from this workstation's database. Rest the pointer on a figure "
                      "to see how it is counted."),
                   this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addSpacing(8);
    layout->addLayout(grid);
    layout->addSpacing(8);
    layout->addWidget(note);
    layout->addStretch();

    connect(m_model, &QAbstractItemModel::modelReset, this, &DashboardView::updateTiles);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &DashboardView::updateTiles);
    updateTiles();
}

void DashboardView::updateTiles()
{
    m_heading->setText(
        tr("Today, %1").arg(QLocale().toString(m_model->lastDay(), QLocale::LongFormat)));
    const QString periodName = DashboardModel::periodName(DashboardModel::Last30DaysPeriod);
    for (int figure = 0; figure < m_tiles.size(); ++figure) {
        const QString today = m_model->index(figure, DashboardModel::TodayPeriod).data().toString();
        const QString period =
            m_model->index(figure, DashboardModel::Last30DaysPeriod).data().toString();
        m_tiles.at(figure)->setValues(today, period, periodName);
    }
}

} // namespace frontdesk
