#include "ScheduleView.h"

#include "AppointmentDayModel.h"
#include "DayScheduleModel.h"
#include "common/RecordTable.h"
#include "common/StatusBadgeDelegate.h"
#include "common/ViewHelpers.h"
#include "schedule/SchedulePanel.h"

#include <QAction>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace frontdesk {

ScheduleView::ScheduleView(AppointmentDayModel *model, QWidget *parent)
    : QWidget(parent), m_model(model)
{
    m_previousButton = view::textButton(
        this, view::shortcutAction(this, tr("◀"), QKeySequence(Qt::ALT | Qt::Key_Left),
                                   tr("Previous day")));
    m_previousButton->setAccessibleName(tr("Previous day"));
    m_todayButton = view::textButton(
        this, view::shortcutAction(this, tr("&Today"), QKeySequence(Qt::ALT | Qt::Key_Home),
                                   tr("Go to today")));
    m_nextButton = view::textButton(
        this,
        view::shortcutAction(this, tr("▶"), QKeySequence(Qt::ALT | Qt::Key_Right), tr("Next day")));
    m_nextButton->setAccessibleName(tr("Next day"));
    connect(m_previousButton->defaultAction(), &QAction::triggered, this,
            &ScheduleView::showPreviousDay);
    connect(m_todayButton->defaultAction(), &QAction::triggered, this, &ScheduleView::showToday);
    connect(m_nextButton->defaultAction(), &QAction::triggered, this, &ScheduleView::showNextDay);

    m_dateEdit = new QDateEdit(this);
    m_dateEdit->setObjectName(QStringLiteral("scheduleDate"));
    m_dateEdit->setCalendarPopup(true);
    m_dateEdit->setDisplayFormat(view::fullYearDateFormat());
    m_dateEdit->setAccessibleName(tr("Day shown"));
    m_dateEdit->setDate(m_model->date());
    connect(m_dateEdit, &QDateEdit::dateChanged, m_model, &AppointmentDayModel::setDate);

    m_dayLabel = new QLabel(this);
    view::makeHeading(m_dayLabel, 1.25);
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("scheduleCount"));

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("scheduleTable"));
    m_table->setModel(m_model);
    setUpRecordTable(m_table);
    m_table->setItemDelegateForColumn(AppointmentDayModel::StatusColumn,
                                      new StatusBadgeDelegate(m_table));
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    // Short columns fit their contents (a day has a few hundred rows at most); names get room
    // and can be widened; the reason takes what is left.
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(AppointmentDayModel::PatientColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(AppointmentDayModel::PractitionerColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(AppointmentDayModel::ReasonColumn, QHeaderView::Stretch);
    const int em = m_table->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    header->resizeSection(AppointmentDayModel::PatientColumn, 15 * em);
    header->resizeSection(AppointmentDayModel::PractitionerColumn, 13 * em);
    connect(m_table, &QTableView::activated, this, &ScheduleView::showDetails);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_previousButton);
    bar->addWidget(m_todayButton);
    bar->addWidget(m_nextButton);
    bar->addWidget(m_dateEdit);
    bar->addSpacing(12);
    bar->addWidget(m_dayLabel);
    bar->addStretch();
    bar->addWidget(m_countLabel);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_table);
    setFocusProxy(m_table);

    connect(m_model, &AppointmentDayModel::dateChanged, this, [this](QDate date) {
        m_dateEdit->setDate(date);
        updateHeading();
    });
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_currentId = m_table->currentIndex().data(DatabaseTableModel::IdRole).toString();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &ScheduleView::updateHeading);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ScheduleView::restoreCurrentRow);
    updateHeading();
    restoreCurrentRow();
}

void ScheduleView::setCalendar(SchedulePanel *calendar)
{
    m_calendar = calendar;
    calendar->setDayNavigationVisible(false);
    m_pages = new QStackedWidget(this);
    delete layout()->replaceWidget(m_table, m_pages);
    m_pages->addWidget(m_table);
    m_pages->addWidget(calendar);
    // Names the view it switches to, not the one on screen (showCalendar sets the text).
    m_calendarAction = new QAction(tr("&List"), this);
    m_calendarAction->setObjectName(QStringLiteral("calendarOrList"));
    m_calendarAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_calendarAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_calendarAction);
    auto *toggle = new QToolButton(this);
    toggle->setDefaultAction(m_calendarAction);
    if (auto *bar = qobject_cast<QHBoxLayout *>(layout()->itemAt(0)->layout()))
        bar->addWidget(toggle);
    connect(m_calendarAction, &QAction::triggered, this,
            [this] { showCalendar(m_pages->currentWidget() != m_calendar); });
    connect(m_model, &AppointmentDayModel::dateChanged, calendar, &SchedulePanel::showDate);
    connect(calendar->model(), &DayScheduleModel::dateChanged, m_model,
            &AppointmentDayModel::setDate);
    connect(calendar, &SchedulePanel::changed, m_model, &AppointmentDayModel::refresh);
    // A reload of the list (F5, a change elsewhere) reloads the calendar of the same day.
    connect(m_model, &QAbstractItemModel::modelReset, calendar, [this] {
        if (m_calendar->model()->date() == m_model->date())
            m_calendar->refresh();
    });
    calendar->showDate(m_model->date());
    // The calendar is where a receptionist works; the list is a choice that is remembered.
    const bool on = QSettings(QStringLiteral("frontdesk"), QStringLiteral("frontdesk"))
                        .value(QStringLiteral("schedule/calendar"), true)
                        .toBool();
    showCalendar(on);
}

void ScheduleView::showCalendar(bool on)
{
    if (!m_calendar)
        return;
    const QString key = m_calendarAction->shortcut().toString(QKeySequence::NativeText);
    m_calendarAction->setText(on ? tr("&List") : tr("&Calendar"));
    m_calendarAction->setToolTip(on ? tr("Show the appointments as a list (%1)").arg(key)
                                    : tr("Show the day calendar (%1)").arg(key));
    QWidget *page = on ? static_cast<QWidget *>(m_calendar) : m_table;
    m_pages->setCurrentWidget(page);
    setFocusProxy(page);
    page->setFocus();
    QSettings(QStringLiteral("frontdesk"), QStringLiteral("frontdesk"))
        .setValue(QStringLiteral("schedule/calendar"), on);
}

void ScheduleView::showToday()
{
    m_model->setDate(m_model->today());
}

void ScheduleView::showPreviousDay()
{
    m_model->setDate(m_model->date().addDays(-1));
}

void ScheduleView::showNextDay()
{
    m_model->setDate(m_model->date().addDays(1));
}

void ScheduleView::updateHeading()
{
    const QLocale locale;
    const QDate date = m_model->date();
    const QString day = locale.toString(date, QLocale::LongFormat);
    m_dayLabel->setText(date == m_model->today() ? tr("Today, %1").arg(day) : day);
    const int count = m_model->rowCount();
    m_countLabel->setText(tr("%Ln appointments", nullptr, count));
    m_todayButton->setEnabled(date != m_model->today());
}

void ScheduleView::restoreCurrentRow()
{
    int row = m_currentId.isEmpty() ? -1 : m_model->rowOf(m_currentId);
    if (row < 0)
        row = m_model->rowOfNow();
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, AppointmentDayModel::TimeColumn);
    m_table->setCurrentIndex(index);
    // Deferred: right after a reset the table does not know its row heights yet.
    QMetaObject::invokeMethod(
        this, [this, index] { m_table->scrollTo(index, QAbstractItemView::PositionAtCenter); },
        Qt::QueuedConnection);
}

void ScheduleView::showDetails(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const AppointmentRow &row = m_model->appointmentAt(index.row());
    const auto cell = [&](int column) {
        return m_model->index(index.row(), column).data().toString().toHtmlEscaped();
    };
    QString text =
        tr("<p><b>%1</b><br>%2</p>")
            .arg(cell(AppointmentDayModel::PatientColumn), cell(AppointmentDayModel::TimeColumn));
    text += tr("<p>Practitioner: %1<br>Room: %2<br>Type: %3<br>Status: %4</p>")
                .arg(cell(AppointmentDayModel::PractitionerColumn),
                     cell(AppointmentDayModel::RoomColumn), cell(AppointmentDayModel::TypeColumn),
                     cell(AppointmentDayModel::StatusColumn));
    if (!row.appointment.reason.isEmpty())
        text += tr("<p>Reason: %1</p>").arg(row.appointment.reason.toHtmlEscaped());
    if (!row.appointment.notes.isEmpty())
        text += tr("<p>Notes: %1</p>").arg(row.appointment.notes.toHtmlEscaped());
    QMessageBox box(QMessageBox::NoIcon, tr("Appointment"), text, QMessageBox::Close, this);
    box.setTextFormat(Qt::RichText);
    box.exec();
}

} // namespace frontdesk
