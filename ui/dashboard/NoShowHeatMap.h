#pragma once

#include <QWidget>

#include <array>

namespace frontdesk {

struct KpiReport;

// No-shows by weekday (rows) and local hour (columns) of the current period. Qt Charts has no
// heat-map series, so this is painted: each cell coloured by its no-show rate (no-shows /
// appointments not cancelled that started in that hour), the number of no-shows written in
// it, a tooltip with the figures. Only the hours in which anything was booked are drawn.
class NoShowHeatMap : public QWidget
{
    Q_OBJECT
public:
    explicit NoShowHeatMap(QWidget *parent = nullptr);

    void setReport(const KpiReport &report);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    // The cell under a point, as {weekday 1..7, hour}; {0, -1} outside the grid.
    std::pair<int, int> cellAt(const QPoint &point) const;
    QString cellToolTip(int weekday, int hour) const;
    QRectF cellRect(int weekday, int hour) const;
    int firstHour() const { return m_firstHour; }
    int lastHour() const { return m_lastHour; }

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRect gridRect() const;
    double scaleTop() const;

    std::array<std::array<qint64, 24>, 7> m_noShows{};
    std::array<std::array<qint64, 24>, 7> m_appointments{};
    int m_firstHour = 8;
    int m_lastHour = 18;
};

} // namespace frontdesk
