#pragma once

#include <QWidget>

class QChartView;
class QComboBox;

namespace frontdesk {

struct KpiReport;

// One horizontal bar per practitioner: utilisation, appointments or no-show rate, as chosen.
class PractitionerChart : public QWidget
{
    Q_OBJECT
public:
    enum Measure
    {
        Utilisation,
        Appointments,
        NoShowRate
    };

    explicit PractitionerChart(QWidget *parent = nullptr);

    void setReport(const KpiReport &report);
    void setMeasure(Measure measure);
    Measure measure() const;
    QChartView *chartView() const { return m_view; }

private:
    void rebuild();

    QComboBox *m_measure;
    QChartView *m_view;
    struct Bar
    {
        QString name;
        double utilisation = 0;
        double appointments = 0;
        double noShowRate = 0;
    };
    QList<Bar> m_bars;
};

} // namespace frontdesk
