#include "WeeklyTrendChart.h"

#include "KpiFigureModel.h"
#include "kpi/KpiReport.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCursor>
#include <QLineSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <climits>
#include <cmath>

namespace frontdesk {

WeeklyTrendChart::WeeklyTrendChart(QWidget *parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(240);
    setAccessibleName(tr("Weekly trend: appointments and no-show rate"));
    chart()->setTitle(tr("Weekly trend"));
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    // The axes' numbers in the person's format (1.400 in German), not C's.
    chart()->setLocalizeNumbers(true);
}

QString WeeklyTrendChart::weekText(qsizetype index) const
{
    return index >= 0 && index < m_weekTexts.size() ? m_weekTexts.at(index) : QString();
}

QSize WeeklyTrendChart::sizeHint() const
{
    return {520, 300};
}

void WeeklyTrendChart::setReport(const KpiReport &report)
{
    QChart *c = chart();
    // The language may have been set after the chart was made.
    c->setLocale(QLocale());
    c->removeAllSeries();
    // removeAllSeries() deletes the series; removeAxis() hands the axis back to us.
    for (QAbstractAxis *axis : c->axes()) {
        c->removeAxis(axis);
        delete axis;
    }

    auto *appointments = new QBarSet(tr("Appointments"));
    appointments->setColor(QColor(0x4c, 0x78, 0xa8));
    auto *rate = new QLineSeries;
    rate->setName(tr("No-show rate"));
    rate->setColor(QColor(0xc0, 0x39, 0x2b));
    rate->setPointsVisible(true);
    rate->setMarkerSize(9);
    QPen line = rate->pen();
    line.setWidth(3);
    rate->setPen(line);
    QStringList categories;
    QList<int> partialWeeks;
    m_weekTexts.clear();
    qint64 most = 0;
    double highestRate = 0;
    for (qsizetype i = 0; i < report.weeks.size(); ++i) {
        const KpiWeek &w = report.weeks.at(i);
        *appointments << double(w.appointments);
        most = std::max(most, w.appointments);
        const QString week = tr("W%1", "ISO week number").arg(w.monday.weekNumber());
        // A week the period covers only in part, or not over yet, is marked: its bar is not
        // comparable with a whole week's.
        if (w.partial())
            partialWeeks << int(i);
        categories << (w.partial()
                           ? tr("%1 (part)", "a week's label: only part of it counted").arg(week)
                           : week);
        // %Ln writes the count with the locale's grouping.
        QString text = tr("%1: %Ln appointments", "a week of the weekly trend chart",
                          int(std::min<qint64>(w.appointments, INT_MAX)))
                           .arg(week);
        if (w.noShowRate) {
            rate->append(double(i), *w.noShowRate * 100.0);
            highestRate = std::max(highestRate, *w.noShowRate * 100.0);
            text = tr("%1, no-show rate %2", "a week's appointments, then its no-show rate")
                       .arg(text, KpiFigureModel::percentText(w.noShowRate));
        }
        if (w.partial())
            text = tr("%1 (partial week: %n of 7 days)", "a week of the weekly trend chart", w.days)
                       .arg(text);
        m_weekTexts << text;
    }
    // The partial weeks' bars lighter, and the title says what "(part)" means.
    appointments->setSelectedColor(QColor(0x4c, 0x78, 0xa8).lighter(160));
    appointments->selectBars(partialWeeks);
    c->setTitle(partialWeeks.isEmpty()
                    ? tr("Weekly trend")
                    : tr("Weekly trend — lighter, “(part)”: a week not wholly counted"));
    setAccessibleDescription(m_weekTexts.join(QStringLiteral("; ")));
    connect(appointments, &QBarSet::hovered, this, [this](bool on, int index) {
        if (on)
            QToolTip::showText(QCursor::pos(), weekText(index), this);
        else
            QToolTip::hideText();
    });
    connect(rate, &QLineSeries::hovered, this, [this](const QPointF &point, bool on) {
        if (on)
            QToolTip::showText(QCursor::pos(), weekText(qRound(point.x())), this);
        else
            QToolTip::hideText();
    });
    auto *bars = new QBarSeries;
    bars->append(appointments);
    c->addSeries(bars);
    c->addSeries(rate);

    auto *weeks = new QBarCategoryAxis;
    weeks->append(categories);
    c->addAxis(weeks, Qt::AlignBottom);
    bars->attachAxis(weeks);
    rate->attachAxis(weeks);

    auto *count = new QValueAxis;
    // Localized, Qt Charts reads only "%.<precision><conversion>" formats; "%d" left the axis
    // without labels.
    count->setLabelFormat(QStringLiteral("%.0f"));
    count->setRange(0, std::max<qint64>(most, 1) * 1.1);
    count->applyNiceNumbers();
    count->setTitleText(tr("Appointments"));
    c->addAxis(count, Qt::AlignLeft);
    bars->attachAxis(count);

    // Five intervals of a round step, so the percent labels read 0, 10, 20 ... not 12.5.
    double step = 1;
    for (const double candidate : {1.0, 2.0, 5.0, 10.0, 20.0})
        if (candidate * 5 >= highestRate * 1.1 || candidate == 20.0) {
            step = candidate;
            break;
        }
    auto *percent = new QValueAxis;
    // Localized, the text after the number is taken as it stands: "%%" would show twice.
    percent->setLabelFormat(QStringLiteral("%.0f") + QLocale().percent());
    percent->setRange(0, step * 5);
    percent->setTickCount(6);
    percent->setGridLineVisible(false);
    percent->setTitleText(tr("No-show rate"));
    c->addAxis(percent, Qt::AlignRight);
    rate->attachAxis(percent);

    if (!categories.isEmpty())
        weeks->setRange(categories.first(), categories.last());
    // Many weeks (a 90-day or longer period) would crowd level labels: tilt them.
    if (categories.size() > 14)
        weeks->setLabelsAngle(-60);
}

} // namespace frontdesk
