#pragma once

#include <QWidget>

class QAction;
class QDateEdit;
class QLabel;
class QModelIndex;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace frontdesk {

class AppointmentDayModel;
class SchedulePanel;

// One day's appointments in a table, with day navigation. The rich calendar comes later.
class ScheduleView : public QWidget
{
    Q_OBJECT
public:
    explicit ScheduleView(AppointmentDayModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    void showToday();
    void showPreviousDay();
    void showNextDay();
    // The painted calendar beside the table (Ctrl+K switches; the choice is remembered). Both
    // show the same day.
    void setCalendar(SchedulePanel *calendar);
    SchedulePanel *calendar() const { return m_calendar; }
    void showCalendar(bool on);

private:
    void updateHeading();
    void restoreCurrentRow();
    void showDetails(const QModelIndex &index);

    AppointmentDayModel *m_model;
    QToolButton *m_todayButton;
    QToolButton *m_previousButton;
    QToolButton *m_nextButton;
    QDateEdit *m_dateEdit;
    QLabel *m_dayLabel;
    QLabel *m_countLabel;
    QTableView *m_table;
    QString m_currentId; // kept across a reload
    SchedulePanel *m_calendar = nullptr;
    QStackedWidget *m_pages = nullptr;
    QAction *m_calendarAction = nullptr;
};

} // namespace frontdesk
