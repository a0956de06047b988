#include "WeekdayPicker.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLocale>

namespace frontdesk {

WeekdayPicker::WeekdayPicker(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const QLocale locale;
    for (int d = 1; d <= 7; ++d) {
        auto *box = new QCheckBox(locale.dayName(d, QLocale::ShortFormat), this);
        m_days << box;
        layout->addWidget(box);
    }
}

QSet<int> WeekdayPicker::weekdays() const
{
    QSet<int> days;
    for (int d = 1; d <= 7; ++d) {
        if (m_days.at(d - 1)->isChecked())
            days.insert(d);
    }
    return days;
}

void WeekdayPicker::setWeekdays(const QSet<int> &weekdays)
{
    for (int d = 1; d <= 7; ++d)
        m_days.at(d - 1)->setChecked(weekdays.contains(d));
}

} // namespace frontdesk
