#pragma once

#include "common/InfoBar.h"
#include "core/Result.h"
#include "domain/Appointment.h"
#include "domain/StatusChange.h"

#include <QDateTime>
#include <QModelIndex>
#include <QPointer>
#include <QWidget>

#include <functional>

class QAction;
class QComboBox;
class QDateEdit;
class QLabel;
class QMenu;
class QPrinter;
class QToolBar;
class QBoxLayout;
class QResizeEvent;

namespace frontdesk {

class BookingDialog;
class CancelDialog;
class FindSlotDialog;
class ScheduleAdminDialog;
class WaitlistDialog;
class Database;
class DayCalendarView;
class DayScheduleModel;

// The day calendar with what a receptionist does on it: navigate days, book from a free slot,
// move and resize by drag or keys, change the status (confirm, check in, into the room,
// complete, cancel, no-show, revert a mistake), undo the last actions. Every change goes
// through BookingService; a refusal is shown in the message bar above the calendar.
class SchedulePanel : public QWidget
{
    Q_OBJECT
public:
    explicit SchedulePanel(Database &db, QWidget *parent = nullptr);

    DayScheduleModel *model() const { return m_model; }
    DayCalendarView *calendar() const { return m_calendar; }
    InfoBar *messageBar() const { return m_message; }
    // The booking dialog now open (booking is not modal to the rest of the app), or null.
    BookingDialog *bookingDialog() const;
    CancelDialog *cancelDialog() const;

    void refresh();
    // Inside a view that has its own day navigation: hide this one's (the date stays in step
    // through showDate and the model's dateChanged).
    void setDayNavigationVisible(bool visible);
    // "Find next available": the dialog, then the booking dialog on the chosen time.
    void findNextAvailable();
    FindSlotDialog *findSlotDialog() const;
    // Working hours, time off, appointment types and rooms.
    void openSettings();
    ScheduleAdminDialog *settingsDialog() const;
    void openWaitlist();
    WaitlistDialog *waitlistDialog() const;
    void showDate(QDate date);
    void openBooking(int column, const QDateTime &startUtc);
    // Book appointment… from a patient's profile: the booking dialog at the calendar's cursor,
    // with the patient (found by their MRN) already chosen.
    void bookForPatient(const QString &patientId, const QString &mrn);
    void changeStatus(AppointmentStatus to);
    // The current appointment's replies from the patient (PatientReplies) are answered: the
    // "patient replied" mark goes, everywhere.
    void markReplyHandled();
    // Cancels the current appointment; with restOfSeries, it and the later ones of its series.
    void cancelCurrent(bool restOfSeries = false);
    // Gives this and the later appointments of the current one's series its time of day,
    // length and practitioner.
    void moveRestOfSeries();
    void revertCurrent();
    void move(const QModelIndex &index, int column, const QDateTime &startUtc,
              const QDateTime &endUtc);
    // Undoes the latest change made here (a booking is cancelled again, a move moved back,
    // a status reverted); false when there is nothing to undo.
    bool undo();
    int undoCount() const { return int(m_undo.size()); }
    QMenu *statusMenu(const QModelIndex &index);
    // The day list of the practitioner chosen in the filter (all: one page each) as a PDF.
    Status exportDayList(const QString &path);
    // The same list on a printer (Print day list…, Ctrl+Shift+P, after the print dialog).
    Status printDayList(QPrinter &printer);

signals:
    void errorOccurred(const QString &message);
    // Something was booked, moved or changed here: other views of the day should reload.
    void changed();
    // Write to the patient about this appointment (the message window, with it chosen).
    void composeMessageRequested(const QString &patientId, const QString &appointmentId);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // The filters and the commands side by side when they fit, else the commands in a row
    // under the filters: nothing goes behind a tool bar's extension button.
    void fitToolBars();
    // The constructor's parts: the day navigation (returned for the tool bar), the column
    // and filter choices, the commands (for the tool bar), the status actions (keys and the
    // context menu), and what follows the model and the calendar.
    QWidget *buildDayNavigation(QWidget *parent);
    void buildFilters(QToolBar *bar);
    QList<QAction *> buildCommands();
    void buildStatusActions();
    void connectModelAndCalendar();

    struct UndoStep
    {
        QString text;
        std::function<Status()> undo;
    };
    void showMessage(const QString &text, bool error);
    void pushUndo(const QString &text, std::function<Status()> undo);
    void offerWaitlist(const QString &practitionerId, const QDateTime &startUtc,
                       const QDateTime &endUtc);
    void updateHeading();
    void updateActions();
    QString currentId() const;

    Database &m_db;
    DayScheduleModel *m_model;
    DayCalendarView *m_calendar;
    QWidget *m_dayNavigation;
    QAction *m_dayNavigationAction;
    QToolBar *m_filterBar;
    QToolBar *m_commandBar;
    QBoxLayout *m_toolBars;
    QDateEdit *m_date;
    QLabel *m_heading;
    QComboBox *m_columns;
    QComboBox *m_practitionerFilter;
    QComboBox *m_typeFilter;
    QComboBox *m_locationFilter;
    InfoBar *m_message;
    QAction *m_undoAction;
    QList<QAction *> m_statusActions;
    QList<UndoStep> m_undo;
    QPointer<BookingDialog> m_bookingDialog;
    QPointer<CancelDialog> m_cancelDialog;
    QPointer<FindSlotDialog> m_findDialog;
    QPointer<ScheduleAdminDialog> m_settingsDialog;
    QPointer<WaitlistDialog> m_waitlistDialog;
};

} // namespace frontdesk
