#pragma once

#include <QChartView>
#include <QStringList>

namespace frontdesk {

struct KpiReport;

// Appointments per ISO week as bars (left axis) and the week's no-show rate as a line (right
// axis, percent). A week cut by the period counts only its days inside the period. Numbers are
// written in the UI language's locale (1.234 and 12,5% in German), on the axes, in each week's
// tooltip and in the accessible description that reads the figures to a screen reader.
class WeeklyTrendChart : public QChartView
{
    Q_OBJECT
public:
    explicit WeeklyTrendChart(QWidget *parent = nullptr);

    void setReport(const KpiReport &report);
    QSize sizeHint() const override;

    // A week's figures in a sentence, e.g. "W10: 1,234 appointments, no-show rate 12.5%"; the
    // index is the report's week (and bar) index.
    QString weekText(qsizetype index) const;

private:
    QStringList m_weekTexts;
};

} // namespace frontdesk
