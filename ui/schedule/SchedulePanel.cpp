#include "SchedulePanel.h"

#include "BookingDialog.h"
#include "CancelDialog.h"
#include "ClinicSettings.h"
#include "DayCalendarView.h"
#include "DayListExport.h"
#include "DayScheduleModel.h"
#include "FindSlotDialog.h"
#include "ScheduleAdminDialog.h"
#include "WaitlistDialog.h"
#include "access/AccessGuard.h"
#include "common/ViewHelpers.h"
#include "domain/AppointmentLabels.h"
#include "scheduling/BookingService.h"
#include "scheduling/LocalTime.h"
#include "scheduling/ReferenceData.h"
#include "scheduling/StatusTransitions.h"
#include "scheduling/WaitlistService.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPrintDialog>
#include <QPrinter>
#include <QResizeEvent>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace frontdesk {

SchedulePanel::SchedulePanel(Database &db, QWidget *parent)
    : QWidget(parent), m_db(db), m_model(new DayScheduleModel(db, this))
{
    setObjectName(QStringLiteral("schedulePanel"));
    m_calendar = new DayCalendarView(m_model, this);

    // A tool bar: on a narrow window what does not fit goes behind its extension button
    // instead of making the window wider.
    m_filterBar = new QToolBar(this);
    m_filterBar->setObjectName(QStringLiteral("scheduleFilters"));
    m_filterBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_dayNavigationAction = m_filterBar->addWidget(buildDayNavigation(m_filterBar));
    buildFilters(m_filterBar);
    m_commandBar = new QToolBar(this);
    m_commandBar->setObjectName(QStringLiteral("scheduleCommands"));
    m_commandBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (QAction *a : buildCommands())
        m_commandBar->addAction(a);
    buildStatusActions();
    m_toolBars = new QBoxLayout(QBoxLayout::LeftToRight);
    m_toolBars->setSpacing(0);
    m_toolBars->addWidget(m_filterBar);
    m_toolBars->addWidget(m_commandBar, 1);

    m_message = new InfoBar([&db] { return db.clock().nowUtc(); }, this);
    m_message->setObjectName(QStringLiteral("scheduleMessage"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_toolBars);
    layout->addWidget(m_message);
    layout->addWidget(m_calendar, 1);
    setFocusProxy(m_calendar);

    connectModelAndCalendar();
    refresh();
    // Today, the hour around now is what a receptionist looks at first; other days, the morning.
    int first = m_model->firstMinute();
    if (m_model->date() == m_model->today())
        first = std::max(first, LocalTime::minuteOfDay(m_model->nowUtc(), m_model->zone()) - 60);
    m_calendar->scrollToMinute(first);
}

QWidget *SchedulePanel::buildDayNavigation(QWidget *parent)
{
    QAction *previous =
        view::shortcutAction(this, tr("◀"), QKeySequence(Qt::CTRL | Qt::Key_PageUp));
    previous->setToolTip(
        tr("Previous day (%1)").arg(previous->shortcut().toString(QKeySequence::NativeText)));
    QAction *today = view::shortcutAction(this, tr("Today"), QKeySequence(Qt::CTRL | Qt::Key_Home));
    QAction *next = view::shortcutAction(this, tr("▶"), QKeySequence(Qt::CTRL | Qt::Key_PageDown));
    next->setToolTip(tr("Next day (%1)").arg(next->shortcut().toString(QKeySequence::NativeText)));
    // A step is a day, or a week in the week view.
    auto step = [this] { return m_model->mode() == DayScheduleModel::ColumnMode::Week ? 7 : 1; };
    connect(previous, &QAction::triggered, this,
            [this, step] { showDate(m_model->date().addDays(-step())); });
    connect(next, &QAction::triggered, this,
            [this, step] { showDate(m_model->date().addDays(step())); });
    connect(today, &QAction::triggered, this, [this] { showDate(m_model->today()); });
    m_date = new QDateEdit(m_model->date(), parent);
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(view::fullYearDateFormat());
    m_date->setAccessibleName(tr("Day shown"));
    connect(m_date, &QDateEdit::dateChanged, this, &SchedulePanel::showDate);
    m_heading = new QLabel(parent);
    view::makeHeading(m_heading);

    m_dayNavigation = new QWidget(parent);
    auto *days = new QHBoxLayout(m_dayNavigation);
    days->setContentsMargins(0, 0, 0, 0);
    days->addWidget(view::textButton(m_dayNavigation, previous));
    days->addWidget(view::textButton(m_dayNavigation, today));
    days->addWidget(view::textButton(m_dayNavigation, next));
    days->addWidget(m_date);
    days->addSpacing(8);
    days->addWidget(m_heading);
    return m_dayNavigation;
}

void SchedulePanel::fitToolBars()
{
    const int needed = m_filterBar->sizeHint().width() + m_commandBar->sizeHint().width();
    const auto direction = needed <= width() ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
    if (m_toolBars->direction() != direction)
        m_toolBars->setDirection(direction);
}

void SchedulePanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitToolBars();
}

void SchedulePanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LanguageChange)
        fitToolBars();
}

void SchedulePanel::buildFilters(QToolBar *bar)
{
    m_columns = new QComboBox(bar);
    m_columns->setAccessibleName(tr("Columns"));
    m_columns->addItem(tr("By practitioner"));
    m_columns->addItem(tr("By room"));
    m_columns->addItem(tr("Week of one practitioner"));
    connect(m_columns, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i == 2)
            m_model->setWeekPractitioner(m_practitionerFilter->currentData().toString());
        m_model->setMode(i == 2   ? DayScheduleModel::ColumnMode::Week
                         : i == 1 ? DayScheduleModel::ColumnMode::Rooms
                                  : DayScheduleModel::ColumnMode::Practitioners);
    });
    m_practitionerFilter = new QComboBox(bar);
    m_practitionerFilter->setAccessibleName(tr("Practitioner filter"));
    m_typeFilter = new QComboBox(bar);
    m_typeFilter->setAccessibleName(tr("Appointment type filter"));
    m_locationFilter = new QComboBox(bar);
    m_locationFilter->setAccessibleName(tr("Room filter"));
    auto applyFilters = [this] {
        const QString p = m_practitionerFilter->currentData().toString();
        const QString room = m_locationFilter->currentData().toString();
        if (m_model->mode() == DayScheduleModel::ColumnMode::Week) {
            m_model->setWeekPractitioner(p);
            m_model->setFilters({}, room, m_typeFilter->currentData().toString());
            return;
        }
        m_model->setFilters(p.isEmpty() ? QSet<QString>() : QSet<QString>{p}, room,
                            m_typeFilter->currentData().toString());
    };
    connect(m_practitionerFilter, &QComboBox::activated, this, applyFilters);
    connect(m_locationFilter, &QComboBox::activated, this, applyFilters);
    connect(m_typeFilter, &QComboBox::activated, this, applyFilters);

    bar->addWidget(m_columns);
    bar->addWidget(m_practitionerFilter);
    bar->addWidget(m_locationFilter);
    bar->addWidget(m_typeFilter);
}

QList<QAction *> SchedulePanel::buildCommands()
{
    QAction *find =
        view::shortcutAction(this, tr("Find next available…"), QKeySequence(Qt::CTRL | Qt::Key_N));
    connect(find, &QAction::triggered, this, &SchedulePanel::findNextAvailable);
    QAction *exportList =
        view::shortcutAction(this, tr("Day list (PDF)…"), QKeySequence(Qt::CTRL | Qt::Key_P));
    connect(exportList, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save the day list"),
            view::inDocuments(tr("day-list-%1.pdf").arg(m_model->date().toString(Qt::ISODate))),
            tr("PDF (*.pdf)"));
        if (path.isEmpty())
            return;
        const Status s = exportDayList(path);
        showMessage(s ? tr("Saved the day list to %1.").arg(path) : s.error(), !s);
    });
    QAction *printList = view::shortcutAction(this, tr("Print day list…"),
                                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    printList->setObjectName(QStringLiteral("printDayList"));
    connect(printList, &QAction::triggered, this, [this] {
        QPrinter printer;
        QPrintDialog dialog(&printer, this);
        dialog.setWindowTitle(tr("Print the day list"));
        if (dialog.exec() != QDialog::Accepted)
            return;
        const Status s = printDayList(printer);
        showMessage(s ? tr("The day list went to %1.").arg(printer.printerName()) : s.error(), !s);
    });
    QAction *waitlist = view::shortcutAction(this, tr("Waitlist…"));
    connect(waitlist, &QAction::triggered, this, &SchedulePanel::openWaitlist);
    QAction *settings = view::shortcutAction(this, tr("Settings…"));
    connect(settings, &QAction::triggered, this, &SchedulePanel::openSettings);
    m_undoAction = view::shortcutAction(this, tr("Undo"), QKeySequence(Qt::CTRL | Qt::Key_Z));
    connect(m_undoAction, &QAction::triggered, this, &SchedulePanel::undo);

    return {find, exportList, printList, waitlist, m_undoAction, settings};
}

// Status changes on the appointment under the cursor, with keys as in the context menu.
void SchedulePanel::buildStatusActions()
{
    struct StatusKey
    {
        AppointmentStatus to;
        QString text;
        QKeySequence key;
    };
    const QList<StatusKey> keys{
        {AppointmentStatus::Confirmed, tr("Con&firm"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F)},
        {AppointmentStatus::Arrived, tr("&Check in"), QKeySequence(Qt::CTRL | Qt::Key_I)},
        {AppointmentStatus::InRoom, tr("Into the &room"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I)},
        {AppointmentStatus::Completed, tr("Co&mplete"), QKeySequence(Qt::CTRL | Qt::Key_E)},
        {AppointmentStatus::NoShow, tr("&No-show"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)},
        {AppointmentStatus::Cancelled, tr("C&ancel…"), QKeySequence(Qt::Key_Delete)},
    };
    for (const StatusKey &k : keys) {
        QAction *a = view::shortcutAction(this, k.text, k.key);
        a->setData(int(k.to));
        connect(a, &QAction::triggered, this, [this, to = k.to] {
            if (to == AppointmentStatus::Cancelled)
                cancelCurrent();
            else
                changeStatus(to);
        });
        m_statusActions << a;
    }
    QAction *revert = view::shortcutAction(this, tr("&Revert the last status"),
                                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    connect(revert, &QAction::triggered, this, &SchedulePanel::revertCurrent);
    m_statusActions << revert;
}

void SchedulePanel::connectModelAndCalendar()
{
    connect(m_calendar, &DayCalendarView::bookRequested, this, &SchedulePanel::openBooking);
    connect(m_calendar, &DayCalendarView::moveRequested, this, &SchedulePanel::move);
    connect(m_calendar, &DayCalendarView::contextMenuRequested, this,
            [this](const QModelIndex &index, const QPoint &pos) { statusMenu(index)->popup(pos); });
    connect(m_calendar, &DayCalendarView::appointmentActivated, this,
            [this](const QModelIndex &index) {
                statusMenu(index)->popup(m_calendar->viewport()->mapToGlobal(
                    m_calendar->appointmentRect(index.row()).center()));
            });
    connect(m_calendar, &DayCalendarView::currentChanged, this, &SchedulePanel::updateActions);
    connect(m_model, &DayScheduleModel::errorOccurred, this, [this](const QString &e) {
        showMessage(e, true);
        emit errorOccurred(e);
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &SchedulePanel::updateHeading);
    connect(m_model, &DayScheduleModel::dateChanged, this, [this](QDate d) {
        const QSignalBlocker block(m_date);
        m_date->setDate(d);
    });
}

void SchedulePanel::refresh()
{
    const QString current = currentId();
    m_model->refresh();
    // Filters list what the day has; keep the choice across reloads.
    const QString practitioner = m_practitionerFilter->currentData().toString();
    m_practitionerFilter->clear();
    m_practitionerFilter->addItem(tr("All practitioners"), QString());
    for (const Practitioner &p : m_model->snapshot().practitioners)
        m_practitionerFilter->addItem(p.displayName(), p.meta.id);
    m_practitionerFilter->setCurrentIndex(
        std::max(0, m_practitionerFilter->findData(practitioner)));
    const QString room = m_locationFilter->currentData().toString();
    m_locationFilter->clear();
    m_locationFilter->addItem(tr("All rooms"), QString());
    for (const Location &l : m_model->snapshot().rooms)
        m_locationFilter->addItem(l.name, l.meta.id);
    m_locationFilter->setCurrentIndex(std::max(0, m_locationFilter->findData(room)));
    const QString type = m_typeFilter->currentData().toString();
    m_typeFilter->clear();
    m_typeFilter->addItem(tr("All types"), QString());
    for (const AppointmentType &t : m_model->snapshot().types)
        m_typeFilter->addItem(t.name, t.code);
    m_typeFilter->setCurrentIndex(std::max(0, m_typeFilter->findData(type)));
    if (!current.isEmpty())
        m_calendar->setCurrentAppointment(current);
    updateActions();
}

void SchedulePanel::setDayNavigationVisible(bool visible)
{
    m_dayNavigationAction->setVisible(visible);
}

void SchedulePanel::showDate(QDate date)
{
    if (!date.isValid())
        return;
    m_model->setDate(date);
    updateActions();
}

void SchedulePanel::updateHeading()
{
    const QLocale locale;
    const QDate d = m_model->date();
    QString text = locale.toString(d, QLocale::LongFormat);
    if (d == m_model->today())
        text = tr("Today, %1").arg(text);
    m_heading->setText(tr("%1 — %n appointment(s)", nullptr, m_model->rowCount()).arg(text));
}

QString SchedulePanel::currentId() const
{
    return m_calendar->currentAppointment().data(DayScheduleModel::IdRole).toString();
}

void SchedulePanel::updateActions()
{
    const QModelIndex current = m_calendar->currentAppointment();
    const auto status =
        appointmentStatusFromName(current.data(DayScheduleModel::StatusRole).toString());
    for (QAction *a : m_statusActions) {
        if (a->data().isValid())
            a->setEnabled(status && StatusTransitions::isAllowed(
                                        *status, AppointmentStatus(a->data().toInt())));
        else
            a->setEnabled(current.isValid());
    }
    m_undoAction->setEnabled(!m_undo.isEmpty());
    m_undoAction->setText(m_undo.isEmpty() ? tr("Undo") : tr("Undo %1").arg(m_undo.last().text));
}

void SchedulePanel::showMessage(const QString &text, bool error)
{
    if (error)
        m_message->showError(text);
    else
        m_message->showInfo(text);
}

void SchedulePanel::pushUndo(const QString &text, std::function<Status()> undo)
{
    m_undo.append({text, std::move(undo)});
    // The last few actions: older ones are changed history by then.
    while (m_undo.size() > 20)
        m_undo.removeFirst();
    updateActions();
}

bool SchedulePanel::undo()
{
    if (m_undo.isEmpty())
        return false;
    const UndoStep step = m_undo.takeLast();
    const Status s = step.undo();
    if (!s)
        showMessage(tr("Could not undo %1: %2").arg(step.text, s.error()), true);
    else
        showMessage(tr("Undone: %1.").arg(step.text), false);
    refresh();
    emit changed();
    return s.ok();
}

void SchedulePanel::openWaitlist()
{
    if (m_waitlistDialog)
        return;
    auto practitioners = ReferenceData(m_db).practitioners();
    if (!practitioners) {
        showMessage(practitioners.error(), true);
        return;
    }
    auto *dialog = new WaitlistDialog(m_db, *practitioners, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_waitlistDialog = dialog;
    dialog->open();
}

void SchedulePanel::openSettings()
{
    if (m_settingsDialog)
        return;
    auto *dialog = new ScheduleAdminDialog(m_db, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_settingsDialog = dialog;
    connect(dialog, &QDialog::finished, this, [this] {
        refresh();
        emit changed();
    });
    dialog->open();
}

void SchedulePanel::findNextAvailable()
{
    if (m_findDialog)
        return;
    const auto &snapshot = m_model->snapshot();
    const ReferenceData reference(m_db);
    auto types = reference.appointmentTypes();
    auto practitioners = reference.practitioners();
    if (!types || !practitioners) {
        showMessage(types ? practitioners.error() : types.error(), true);
        return;
    }
    auto *dialog = new FindSlotDialog(m_db, *practitioners, *types, snapshot.zone, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setPractitioner(m_practitionerFilter->currentData().toString());
    m_findDialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const FreeSlot slot = dialog->chosen();
        // Show that day by practitioner, then book in the slot's column.
        if (m_model->mode() != DayScheduleModel::ColumnMode::Practitioners)
            m_columns->setCurrentIndex(0);
        m_practitionerFilter->setCurrentIndex(0);
        m_model->setFilters({}, {}, {});
        showDate(slot.startUtc.toTimeZone(m_model->zone()).date());
        for (int c = 0; c < m_model->columns().size(); ++c) {
            if (m_model->columns().at(c).practitionerId == slot.practitionerId) {
                m_calendar->setCursor(c, LocalTime::minuteOfDay(slot.startUtc, m_model->zone()));
                openBooking(c, slot.startUtc);
                return;
            }
        }
    });
    dialog->open();
    dialog->search();
}

CancelDialog *SchedulePanel::cancelDialog() const
{
    return m_cancelDialog;
}

FindSlotDialog *SchedulePanel::findSlotDialog() const
{
    return m_findDialog;
}

ScheduleAdminDialog *SchedulePanel::settingsDialog() const
{
    return m_settingsDialog;
}

WaitlistDialog *SchedulePanel::waitlistDialog() const
{
    return m_waitlistDialog;
}

BookingDialog *SchedulePanel::bookingDialog() const
{
    return m_bookingDialog;
}

void SchedulePanel::openBooking(int column, const QDateTime &startUtc)
{
    if (column < 0 || column >= m_model->columns().size() || m_bookingDialog)
        return;
    const auto &snapshot = m_model->snapshot();
    QString practitionerId = m_model->columns().at(column).practitionerId;
    if (practitionerId.isEmpty() && !snapshot.practitioners.isEmpty())
        practitionerId = snapshot.practitioners.first().meta.id;
    auto *dialog =
        new BookingDialog(m_db, snapshot.practitioners, snapshot.rooms, snapshot.types.values(),
                          snapshot.hours, practitionerId, startUtc, snapshot.zone, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_bookingDialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString id = dialog->booked().meta.id;
        const QStringList ids = dialog->bookedIds();
        pushUndo(ids.size() > 1 ? tr("the series") : tr("the booking"),
                 [this, ids] { return BookingService(m_db).undoBooking(ids); });
        showMessage({}, false);
        refresh();
        emit changed();
        m_calendar->setCurrentAppointment(id);
    });
    dialog->open();
}

void SchedulePanel::bookForPatient(const QString &patientId, const QString &mrn)
{
    if (!m_bookingDialog)
        openBooking(m_calendar->cursorColumn(),
                    LocalTime::toUtc(m_model->date(), m_calendar->cursorMinute(), m_model->zone()));
    if (!m_bookingDialog)
        return;
    if (!m_bookingDialog->choosePatient(patientId, mrn))
        showMessage(tr("The search did not find %1; choose the patient in the booking dialog.")
                        .arg(view::mrn(mrn)),
                    true);
    m_bookingDialog->raise();
    m_bookingDialog->activateWindow();
}

void SchedulePanel::move(const QModelIndex &index, int column, const QDateTime &startUtc,
                         const QDateTime &endUtc)
{
    if (!index.isValid() || column < 0 || column >= m_model->columns().size())
        return;
    const QString id = index.data(DayScheduleModel::IdRole).toString();
    const QString oldPractitioner = index.data(DayScheduleModel::PractitionerIdRole).toString();
    const QString oldRoom = index.data(DayScheduleModel::LocationIdRole).toString();
    const QDateTime oldStart = index.data(DayScheduleModel::StartRole).toDateTime();
    const QDateTime oldEnd = index.data(DayScheduleModel::EndRole).toDateTime();
    const auto &target = m_model->columns().at(column);
    // A column is a practitioner or a room: moving across columns changes that one.
    const bool rooms = m_model->mode() == DayScheduleModel::ColumnMode::Rooms;
    const QString practitioner = rooms ? oldPractitioner : target.practitionerId;
    const QString room = rooms ? target.id : oldRoom;
    BookingService service(m_db);
    auto moved = service.move(id, startUtc, endUtc, practitioner, room,
                              index.data(DayScheduleModel::VersionRole).toLongLong(), {});
    if (!moved) {
        showMessage(moved.error(), true);
        return;
    }
    pushUndo(tr("the move"), [this, id, oldStart, oldEnd, oldPractitioner, oldRoom]() -> Status {
        BookingService s(m_db);
        auto back = s.move(id, oldStart, oldEnd, oldPractitioner, oldRoom, std::nullopt, {});
        return back ? Status() : fail(back.error());
    });
    showMessage({}, false);
    refresh();
    emit changed();
    m_calendar->setCurrentAppointment(id);
    offerWaitlist(oldPractitioner, oldStart, oldEnd);
}

void SchedulePanel::changeStatus(AppointmentStatus to)
{
    const QString id = currentId();
    if (id.isEmpty())
        return;
    BookingService service(m_db);
    auto done = service.changeStatus(id, {to, {}, CancelledBy::Nobody});
    if (!done) {
        showMessage(done.error(), true);
        return;
    }
    pushUndo(tr("“%1”").arg(AppointmentLabels::status(to)), [this, id]() -> Status {
        BookingService s(m_db);
        auto r = s.revertStatus(id, tr("Undone"));
        return r ? Status() : fail(r.error());
    });
    showMessage({}, false);
    refresh();
    emit changed();
    if (to == AppointmentStatus::NoShow)
        offerWaitlist(done->practitionerId, done->start, done->end);
}

void SchedulePanel::markReplyHandled()
{
    const QString id = currentId();
    if (id.isEmpty())
        return;
    auto handled = m_model->markReplyHandled(id);
    if (!handled) {
        showMessage(handled.error(), true);
        return;
    }
    showMessage(tr("The patient's reply is marked handled."), false);
    refresh();
    emit changed();
}

void SchedulePanel::cancelCurrent(bool restOfSeries)
{
    const QModelIndex current = m_calendar->currentAppointment();
    if (!current.isValid() || m_cancelDialog)
        return;
    const QString id = current.data(DayScheduleModel::IdRole).toString();
    const QLocale locale;
    const QString summary =
        tr("%1, %2").arg(current.data(DayScheduleModel::PatientNameRole).toString(),
                         locale.toString(current.data(DayScheduleModel::StartRole)
                                             .toDateTime()
                                             .toTimeZone(m_model->zone())
                                             .time(),
                                         QLocale::ShortFormat));
    auto *dialog = new CancelDialog(summary, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_cancelDialog = dialog;
    if (restOfSeries)
        dialog->setWindowTitle(tr("Cancel the rest of the series"));
    connect(dialog, &QDialog::accepted, this, [this, dialog, id, restOfSeries] {
        BookingService service(m_db);
        if (restOfSeries) {
            auto count = service.cancelSeriesFrom(id, dialog->reason(), dialog->cancelledBy());
            showMessage(count ? tr("Cancelled %n appointment(s) of the series; each can be "
                                   "reverted on its own.",
                                   nullptr, *count)
                              : count.error(),
                        !count);
            refresh();
            emit changed();
            return;
        }
        auto cancelled = service.changeStatus(
            id, {AppointmentStatus::Cancelled, dialog->reason(), dialog->cancelledBy()});
        if (!cancelled) {
            showMessage(cancelled.error(), true);
            return;
        }
        pushUndo(tr("the cancellation"), [this, id]() -> Status {
            BookingService s(m_db);
            auto r = s.revertStatus(id, tr("Undone"));
            return r ? Status() : fail(r.error());
        });
        showMessage({}, false);
        refresh();
        emit changed();
        offerWaitlist(cancelled->practitionerId, cancelled->start, cancelled->end);
    });
    dialog->open();
}

void SchedulePanel::moveRestOfSeries()
{
    const QModelIndex current = m_calendar->currentAppointment();
    if (!current.isValid())
        return;
    const QDateTime start = current.data(DayScheduleModel::StartRole).toDateTime();
    const QDateTime end = current.data(DayScheduleModel::EndRole).toDateTime();
    BookingService service(m_db);
    auto moved = service.rescheduleSeriesFrom(
        current.data(DayScheduleModel::IdRole).toString(),
        LocalTime::minuteOfDay(start, m_model->zone()), int(start.secsTo(end) / 60),
        current.data(DayScheduleModel::PractitionerIdRole).toString(), {});
    showMessage(moved ? tr("%n appointment(s) of the series now at this time.", nullptr, *moved)
                      : moved.error(),
                !moved);
    if (moved) {
        refresh();
        emit changed();
    }
}

void SchedulePanel::revertCurrent()
{
    const QString id = currentId();
    if (id.isEmpty())
        return;
    BookingService service(m_db);
    auto reverted = service.revertStatus(id, tr("Set by mistake"));
    if (!reverted) {
        showMessage(reverted.error(), true);
        return;
    }
    showMessage(tr("The status is back to “%1”; the history keeps both.")
                    .arg(AppointmentLabels::status(reverted->status)),
                false);
    refresh();
    emit changed();
}

void SchedulePanel::offerWaitlist(const QString &practitionerId, const QDateTime &startUtc,
                                  const QDateTime &endUtc)
{
    if (startUtc <= ClinicSettings(m_db).nowUtc())
        return;
    auto suited = WaitlistService(m_db).suitedTo(practitionerId, startUtc, endUtc, m_model->zone());
    if (!suited || suited->isEmpty())
        return;
    const auto &matches = *suited;
    QStringList names;
    for (const WaitlistService::Waiting &w : matches.mid(0, 3))
        names << w.patientName;
    const QLocale locale;
    showMessage(
        tr("The freed time at %1 suits %n patient(s) on the waitlist: %2.", nullptr,
           int(matches.size()))
            .arg(locale.toString(startUtc.toTimeZone(m_model->zone()).time(), QLocale::ShortFormat),
                 names.join(QStringLiteral(", "))),
        false);
}

Status SchedulePanel::exportDayList(const QString &path)
{
    return DayListExport::writePdf(m_db, *m_model, m_practitionerFilter->currentData().toString(),
                                   ClinicSettings(m_db).clinicName(), path);
}

Status SchedulePanel::printDayList(QPrinter &printer)
{
    return DayListExport::print(m_db, *m_model, m_practitionerFilter->currentData().toString(),
                                ClinicSettings(m_db).clinicName(), printer);
}

QMenu *SchedulePanel::statusMenu(const QModelIndex &index)
{
    m_calendar->setCurrentAppointment(index.data(DayScheduleModel::IdRole).toString());
    updateActions();
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    for (QAction *a : m_statusActions) {
        if (a == m_statusActions.last())
            menu->addSeparator();
        menu->addAction(a);
    }
    if (!index.data(DayScheduleModel::PendingReplyRole).toString().isEmpty()) {
        menu->addSeparator();
        menu->addAction(tr("Mark the patient's reply &handled"), this,
                        &SchedulePanel::markReplyHandled);
    }
    if (AccessGuard(m_db).require(Permission::SendMessages)) {
        menu->addSeparator();
        QAction *write =
            menu->addAction(tr("&Write to the patient…"), this,
                            [this, patient = index.data(DayScheduleModel::PatientIdRole).toString(),
                             appointment = index.data(DayScheduleModel::IdRole).toString()] {
                                emit composeMessageRequested(patient, appointment);
                            });
        write->setObjectName(QStringLiteral("writeToPatient"));
    }
    auto series = BookingService(m_db).seriesOf(index.data(DayScheduleModel::IdRole).toString());
    if (series && !series->isEmpty()) {
        menu->addSeparator();
        menu->addAction(tr("Move the rest of the series to this time"), this,
                        &SchedulePanel::moveRestOfSeries);
        menu->addAction(tr("Cancel the rest of the series…"), this,
                        [this] { cancelCurrent(true); });
    }
    return menu;
}

} // namespace frontdesk
