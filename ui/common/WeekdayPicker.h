#pragma once

#include <QList>
#include <QSet>
#include <QWidget>

class QCheckBox;

namespace frontdesk {

// Monday to Sunday as check boxes named by the locale; none ticked means any day.
class WeekdayPicker : public QWidget
{
    Q_OBJECT
public:
    explicit WeekdayPicker(QWidget *parent = nullptr);

    // 1 = Monday ... 7 = Sunday (Qt::DayOfWeek).
    QSet<int> weekdays() const;
    void setWeekdays(const QSet<int> &weekdays);

private:
    QList<QCheckBox *> m_days;
};

} // namespace frontdesk
