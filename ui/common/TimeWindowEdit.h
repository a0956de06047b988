#pragma once

#include <QWidget>

class QTimeEdit;

namespace frontdesk {

// A time of day from–to, in minutes after midnight. The last minute of the day, 23:59, stands
// for the end of the day (24 * 60), which a time field cannot show.
class TimeWindowEdit : public QWidget
{
    Q_OBJECT
public:
    TimeWindowEdit(int fromMinute, int toMinute, QWidget *parent = nullptr);

    int fromMinute() const;
    int toMinute() const;
    void setWindow(int fromMinute, int toMinute);
    // The whole day (00:00 to the end of the day).
    bool isWholeDay() const { return fromMinute() == 0 && toMinute() == 24 * 60; }

private:
    QTimeEdit *m_from;
    QTimeEdit *m_to;
};

} // namespace frontdesk
