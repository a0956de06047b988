#include "NoShowHeatMap.h"

#include "NoShowHeatMapAccessible.h"

#include "KpiBreakdownModel.h"
#include "KpiFigureModel.h"
#include "kpi/KpiReport.h"

#include <QAccessible>
#include <QEvent>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <climits>
#include <cmath>

namespace frontdesk {

namespace {

std::optional<double> rateOf(qint64 noShows, qint64 base)
{
    if (base <= 0)
        return std::nullopt;
    return double(noShows) / double(base);
}

QColor blend(const QColor &from, const QColor &to, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return QColor::fromRgbF(float(from.redF() + (to.redF() - from.redF()) * t),
                            float(from.greenF() + (to.greenF() - from.greenF()) * t),
                            float(from.blueF() + (to.blueF() - from.blueF()) * t));
}

const QColor kHot(0xc0, 0x39, 0x2b);

} // namespace

NoShowHeatMap::NoShowHeatMap(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("No-shows by weekday and hour"));
    // Screen readers read each painted cell: weekday, hour, no-shows and rate.
    static const bool accessible =
        (QAccessible::installFactory(&NoShowHeatMapAccessible::factory), true);
    Q_UNUSED(accessible);
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
}

void NoShowHeatMap::setReport(const KpiReport &report)
{
    m_noShows = report.noShowHeat;
    m_appointments = report.appointmentHeat;
    int first = 24;
    int last = -1;
    for (int day = 0; day < 7; ++day) {
        for (int hour = 0; hour < 24; ++hour) {
            if (m_appointments[day][hour] > 0 || m_noShows[day][hour] > 0) {
                first = std::min(first, hour);
                last = std::max(last, hour);
            }
        }
    }
    if (last < 0) {
        first = 8;
        last = 18;
    }
    m_firstHour = first;
    m_lastHour = last;
    updateGeometry();
    update();
}

QSize NoShowHeatMap::sizeHint() const
{
    const int row = fontMetrics().height() * 2;
    return {fontMetrics().horizontalAdvance(QLatin1Char('M')) * 60, row * 9 + 8};
}

QSize NoShowHeatMap::minimumSizeHint() const
{
    const int row = fontMetrics().height() * 2;
    return {fontMetrics().horizontalAdvance(QLatin1Char('M')) * 30, row * 9 + 8};
}

// The rate that is drawn darkest: the worst cell, but at least 20%, so a clinic with few
// no-shows is not painted alarming red for a 3% hour.
double NoShowHeatMap::scaleTop() const
{
    double top = 0.2;
    for (int day = 0; day < 7; ++day)
        for (int hour = 0; hour < 24; ++hour)
            if (const auto r = rateOf(m_noShows[day][hour], m_appointments[day][hour]))
                top = std::max(top, *r);
    return top;
}

QRect NoShowHeatMap::gridRect() const
{
    const QFontMetrics fm = fontMetrics();
    int labelWidth = 0;
    for (int day = 1; day <= 7; ++day)
        labelWidth =
            std::max(labelWidth, fm.horizontalAdvance(KpiBreakdownModel::weekdayName(day)));
    const int top = fm.height() * 2 + 4; // the title line and the hour labels
    const int bottom = fm.height() + 8;  // the legend
    return QRect(labelWidth + 12, top, width() - labelWidth - 16, height() - top - bottom);
}

QRectF NoShowHeatMap::cellRect(int weekday, int hour) const
{
    const QRect grid = gridRect();
    const int hours = m_lastHour - m_firstHour + 1;
    const double w = double(grid.width()) / hours;
    const double h = double(grid.height()) / 7.0;
    return QRectF(grid.left() + (hour - m_firstHour) * w, grid.top() + (weekday - 1) * h, w, h);
}

std::pair<int, int> NoShowHeatMap::cellAt(const QPoint &point) const
{
    const QRect grid = gridRect();
    if (!grid.contains(point))
        return {0, -1};
    const int hours = m_lastHour - m_firstHour + 1;
    const int column = int((point.x() - grid.left()) * hours / double(grid.width()));
    const int row = int((point.y() - grid.top()) * 7 / double(grid.height()));
    return {std::clamp(row, 0, 6) + 1, m_firstHour + std::clamp(column, 0, hours - 1)};
}

QString NoShowHeatMap::cellToolTip(int weekday, int hour) const
{
    const qint64 base = m_appointments[weekday - 1][hour];
    const qint64 noShows = m_noShows[weekday - 1][hour];
    return tr("%1, %2\n%3 of %4\nNo-show rate: %5", "weekday, hour, no-shows of appointments")
        .arg(QLocale().dayName(weekday), KpiBreakdownModel::hourText(hour),
             tr("%Ln no-show(s)", nullptr, int(std::min<qint64>(noShows, INT_MAX))),
             tr("%Ln appointment(s) not cancelled", nullptr, int(std::min<qint64>(base, INT_MAX))),
             KpiFigureModel::percentText(rateOf(noShows, base)));
}

bool NoShowHeatMap::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const auto [weekday, hour] = cellAt(help->pos());
        if (weekday > 0)
            QToolTip::showText(help->globalPos(), cellToolTip(weekday, hour), this,
                               cellRect(weekday, hour).toAlignedRect());
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void NoShowHeatMap::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QFontMetrics fm = fontMetrics();
    const QRect grid = gridRect();
    const QColor base = palette().color(QPalette::Base);
    const QColor text = palette().color(QPalette::Text);
    const QColor muted = palette().color(QPalette::PlaceholderText);
    const QColor empty = blend(base, palette().color(QPalette::Mid), 0.25);
    const double top = scaleTop();

    QFont titleFont = font();
    titleFont.setBold(true);
    painter.setFont(titleFont);
    painter.setPen(text);
    painter.drawText(QRect(0, 0, width(), fm.height() + 2), Qt::AlignHCenter | Qt::AlignVCenter,
                     tr("No-shows by weekday and hour"));
    painter.setFont(font());

    // Hour labels: every hour when there is room, else every second or third.
    const int hours = m_lastHour - m_firstHour + 1;
    const double cellWidth = double(grid.width()) / hours;
    const int labelWidth = fm.horizontalAdvance(QStringLiteral("00:00")) + 6;
    const int step = std::max(1, int(std::ceil(labelWidth / std::max(cellWidth, 1.0))));
    const QLocale locale;
    painter.setPen(muted);
    for (int hour = m_firstHour; hour <= m_lastHour; hour += step) {
        const QRectF cell = cellRect(1, hour);
        painter.drawText(QRectF(cell.left(), grid.top() - fm.height() - 2, labelWidth, fm.height()),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         locale.toString(QTime(hour, 0), QStringLiteral("HH:mm")));
    }
    for (int day = 1; day <= 7; ++day) {
        const QRectF cell = cellRect(day, m_firstHour);
        painter.drawText(QRectF(0, cell.top(), grid.left() - 8, cell.height()),
                         Qt::AlignRight | Qt::AlignVCenter, KpiBreakdownModel::weekdayName(day));
    }

    for (int day = 1; day <= 7; ++day) {
        for (int hour = m_firstHour; hour <= m_lastHour; ++hour) {
            const QRectF cell = cellRect(day, hour).adjusted(1, 1, -1, -1);
            const qint64 appointments = m_appointments[day - 1][hour];
            const qint64 noShows = m_noShows[day - 1][hour];
            const auto rate = rateOf(noShows, appointments);
            const QColor fill = rate ? blend(base, kHot, 0.08 + 0.92 * (*rate / top)) : empty;
            painter.fillRect(cell, fill);
            if (noShows > 0 && cell.width() >= fm.horizontalAdvance(QStringLiteral("00"))) {
                painter.setPen(qGray(fill.rgb()) < 140 ? QColor(Qt::white) : text);
                painter.drawText(cell, Qt::AlignCenter, locale.toString(noShows));
            }
        }
    }

    // Legend: the scale from 0 to the darkest rate.
    const int legendTop = grid.bottom() + 6;
    const int legendWidth = std::min(160, grid.width() / 3);
    QLinearGradient gradient(grid.left(), 0, grid.left() + legendWidth, 0);
    gradient.setColorAt(0, blend(base, kHot, 0.08));
    gradient.setColorAt(1, kHot);
    painter.fillRect(QRect(grid.left(), legendTop + 2, legendWidth, fm.height() - 4), gradient);
    painter.setPen(muted);
    painter.drawText(QRect(grid.left() + legendWidth + 8, legendTop, grid.width(), fm.height()),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     tr("no-show rate 0 to %1 · number = no-shows · grey: nothing booked")
                         .arg(KpiFigureModel::percentText(top)));
}

} // namespace frontdesk
