#pragma once

#include <QChartView>

namespace frontdesk {

struct KpiReport;

// Appointments per ISO week as bars (left axis) and the week's no-show rate as a line (right
// axis, percent). A week cut by the period counts only its days inside the period.
class WeeklyTrendChart : public QChartView
{
    Q_OBJECT
public:
    explicit WeeklyTrendChart(QWidget *parent = nullptr);

    void setReport(const KpiReport &report);
    QSize sizeHint() const override;
};

} // namespace frontdesk
