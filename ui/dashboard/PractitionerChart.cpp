#include "PractitionerChart.h"

#include "kpi/KpiReport.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace frontdesk {

PractitionerChart::PractitionerChart(QWidget *parent)
    : QWidget(parent), m_measure(new QComboBox(this)), m_view(new QChartView(this))
{
    m_measure->setObjectName(QStringLiteral("practitionerMeasure"));
    m_measure->addItem(tr("Utilisation"), Utilisation);
    m_measure->addItem(tr("Appointments"), Appointments);
    m_measure->addItem(tr("No-show rate"), NoShowRate);
    auto *label = new QLabel(tr("&Bars show:"), this);
    label->setBuddy(m_measure);
    connect(m_measure, &QComboBox::currentIndexChanged, this, &PractitionerChart::rebuild);

    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(240);
    m_view->setAccessibleName(tr("Per practitioner"));
    m_view->chart()->legend()->hide();
    m_view->chart()->setMargins(QMargins(4, 4, 4, 4));
    // Bar labels and the axis in the person's number format (22,6 % in French), not C's.
    m_view->chart()->setLocalizeNumbers(true);

    // Below the chart, so the chart's top lines up with the weekly trend beside it.
    auto *bottom = new QHBoxLayout;
    bottom->addStretch();
    bottom->addWidget(label);
    bottom->addWidget(m_measure);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addLayout(bottom);
}

void PractitionerChart::setReport(const KpiReport &report)
{
    m_bars.clear();
    for (const KpiPractitionerRow &p : report.practitioners)
        m_bars << Bar{p.name, p.utilisation.value_or(0) * 100.0, double(p.appointments),
                      p.noShowRate.value_or(0) * 100.0};
    // A readable bar and name for each practitioner, however many the clinic has: the chart
    // grows and the dashboard scrolls.
    const int row = fontMetrics().height() + 12;
    m_view->setMinimumHeight(std::max(240, int(m_bars.size()) * row + 110));
    rebuild();
}

void PractitionerChart::setMeasure(Measure measure)
{
    m_measure->setCurrentIndex(m_measure->findData(measure));
}

PractitionerChart::Measure PractitionerChart::measure() const
{
    return Measure(m_measure->currentData().toInt());
}

void PractitionerChart::rebuild()
{
    QChart *c = m_view->chart();
    c->removeAllSeries();
    // removeAllSeries() deletes the series; removeAxis() hands the axis back to us.
    for (QAbstractAxis *axis : c->axes()) {
        c->removeAxis(axis);
        delete axis;
    }
    const Measure shown = measure();
    c->setTitle(tr("Per practitioner: %1").arg(m_measure->currentText()));

    auto *set = new QBarSet(m_measure->currentText());
    set->setColor(shown == NoShowRate ? QColor(0xc0, 0x39, 0x2b) : QColor(0x59, 0xa1, 0x4f));
    set->setLabelColor(palette().color(QPalette::WindowText));
    QStringList names;
    double highest = 0;
    // The horizontal series draws its first category at the bottom; reversed, the list reads
    // top-down by name like the table.
    for (auto it = m_bars.crbegin(); it != m_bars.crend(); ++it) {
        const double v = shown == Utilisation    ? it->utilisation
                         : shown == Appointments ? it->appointments
                                                 : it->noShowRate;
        *set << v;
        highest = std::max(highest, v);
        names << it->name;
    }
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    series->setLabelsFormat(shown == Appointments ? QStringLiteral("@value")
                                                  : QStringLiteral("@value %"));
    series->setLabelsPrecision(3);
    c->addSeries(series);

    auto *axisNames = new QBarCategoryAxis;
    axisNames->append(names);
    c->addAxis(axisNames, Qt::AlignLeft);
    series->attachAxis(axisNames);
    auto *values = new QValueAxis;
    if (shown == Appointments) {
        values->setLabelFormat(QStringLiteral("%.0f"));
        values->setRange(0, std::max(highest, 1.0) * 1.1);
        values->applyNiceNumbers();
    } else {
        // Localized numbers take the text after the number as it stands: "%%" would show twice.
        values->setLabelFormat(QStringLiteral("%.0f") + QLocale().percent());
        values->setRange(0, shown == Utilisation ? std::max(100.0, highest)
                                                 : std::max(10.0, highest * 1.2));
    }
    c->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);
}

} // namespace frontdesk
