#include "ScheduleAdminDialog.h"

#include "core/LocaleFormat.h"

#include "common/TimeWindowEdit.h"

#include "ClinicSettings.h"
#include "scheduling/LocalTime.h"
#include "scheduling/ReferenceData.h"

#include <QColor>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace frontdesk {

namespace {
QString minuteText(int minute)
{
    const QString format = LocaleFormat::timeFormat();
    return minute >= 24 * 60 ? QLocale().toString(QTime(0, 0), format) + QStringLiteral("⁺")
                             : QLocale().toString(QTime(minute / 60, minute % 60), format);
}

int minuteOf(const QTime &t)
{
    return t.hour() * 60 + t.minute();
}

// Removes the selected record of a list whose items carry the id.
Status removeSelected(QListWidget *list, const std::function<Status(const QString &)> &remove)
{
    QListWidgetItem *item = list->currentItem();
    if (!item)
        return fail(ScheduleAdminDialog::tr("Choose an entry first."));
    return remove(item->data(Qt::UserRole).toString());
}
} // namespace

ScheduleAdminDialog::ScheduleAdminDialog(Database &db, QWidget *parent) : QDialog(parent), m_db(db)
{
    setObjectName(QStringLiteral("scheduleAdmin"));
    setWindowTitle(tr("Schedule settings"));
    m_tabs = new QTabWidget(this);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    m_tabs->addTab(hoursTab(), tr("&Working hours"));
    m_tabs->addTab(timeOffTab(), tr("&Time off"));
    m_tabs->addTab(typesTab(), tr("Appointment t&ypes"));
    m_tabs->addTab(roomsTab(), tr("&Rooms"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(720, 520);
    reload();
}

bool ScheduleAdminDialog::report(const QString &error)
{
    m_message->setText(error);
    if (error.isEmpty())
        reload();
    return error.isEmpty();
}

QWidget *ScheduleAdminDialog::hoursTab()
{
    auto *page = new QWidget(this);
    m_hoursPractitioner = new QComboBox(page);
    m_hoursList = new QListWidget(page);
    m_hoursList->setAccessibleName(tr("Working hours"));
    m_weekday = new QComboBox(page);
    for (int d = 1; d <= 7; ++d)
        m_weekday->addItem(QLocale().dayName(d), d);
    m_hoursWindow = new TimeWindowEdit(8 * 60, 12 * 60, page);
    m_hoursRoom = new QComboBox(page);
    auto *add = new QPushButton(tr("&Add"), page);
    auto *remove = new QPushButton(tr("Re&move"), page);
    connect(m_hoursPractitioner, &QComboBox::activated, this, &ScheduleAdminDialog::reload);
    connect(add, &QPushButton::clicked, this, [this] {
        addWorkingHours(m_hoursPractitioner->currentData().toString(),
                        m_weekday->currentData().toInt(), m_hoursWindow->fromMinute(),
                        m_hoursWindow->toMinute(), m_hoursRoom->currentData().toString());
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const Status s = removeSelected(m_hoursList, [this](const QString &id) {
            return ReferenceData(m_db).removeWorkingHours(id);
        });
        report(s ? QString() : s.error());
    });
    auto *row = new QHBoxLayout;
    row->addWidget(m_weekday);
    row->addWidget(m_hoursWindow);
    row->addWidget(m_hoursRoom);
    row->addWidget(add);
    row->addWidget(remove);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_hoursPractitioner);
    layout->addWidget(m_hoursList);
    layout->addLayout(row);
    return page;
}

QWidget *ScheduleAdminDialog::timeOffTab()
{
    auto *page = new QWidget(this);
    m_timeOffList = new QListWidget(page);
    m_timeOffList->setAccessibleName(tr("Time off"));
    m_offPractitioner = new QComboBox(page);
    m_offKind = new QComboBox(page);
    m_offKind->addItem(tr("Leave"), QStringLiteral("leave"));
    m_offKind->addItem(tr("Holiday"), QStringLiteral("holiday"));
    m_offKind->addItem(tr("Blocked"), QStringLiteral("blocked"));
    const QDate tomorrow = ClinicSettings(m_db).today().addDays(1);
    m_offFrom = new QDateTimeEdit(QDateTime(tomorrow, QTime(0, 0)), page);
    m_offTo = new QDateTimeEdit(QDateTime(tomorrow.addDays(1), QTime(0, 0)), page);
    m_offFrom->setCalendarPopup(true);
    m_offTo->setCalendarPopup(true);
    // The whole year, as in the list of time off above them.
    m_offFrom->setDisplayFormat(LocaleFormat::fullYearDateTimeFormat());
    m_offTo->setDisplayFormat(LocaleFormat::fullYearDateTimeFormat());
    m_offNote = new QLineEdit(page);
    auto *add = new QPushButton(tr("&Add"), page);
    auto *remove = new QPushButton(tr("Re&move"), page);
    connect(add, &QPushButton::clicked, this, [this] {
        // The edits show wall time in the clinic's zone.
        const QTimeZone zone = ClinicSettings(m_db).clinicTime().zone();
        const QDateTime from = m_offFrom->dateTime();
        const QDateTime to = m_offTo->dateTime();
        addTimeOff(m_offPractitioner->currentData().toString(), m_offKind->currentData().toString(),
                   LocalTime::toUtc(from.date(), minuteOf(from.time()), zone),
                   LocalTime::toUtc(to.date(), minuteOf(to.time()), zone), m_offNote->text());
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const Status s = removeSelected(m_timeOffList, [this](const QString &id) {
            return ReferenceData(m_db).removeTimeOff(id);
        });
        report(s ? QString() : s.error());
    });
    auto *form = new QFormLayout;
    form->addRow(tr("Who:"), m_offPractitioner);
    form->addRow(tr("What:"), m_offKind);
    form->addRow(tr("From:"), m_offFrom);
    form->addRow(tr("Until:"), m_offTo);
    form->addRow(tr("Note:"), m_offNote);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(add);
    buttons->addWidget(remove);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_timeOffList);
    layout->addLayout(form);
    layout->addLayout(buttons);
    return page;
}

QWidget *ScheduleAdminDialog::typesTab()
{
    auto *page = new QWidget(this);
    m_typesList = new QListWidget(page);
    m_typesList->setAccessibleName(tr("Appointment types"));
    m_typeCode = new QLineEdit(page);
    m_typeCode->setPlaceholderText(tr("code, e.g. ultrasound"));
    m_typeName = new QLineEdit(page);
    m_typeName->setPlaceholderText(tr("name"));
    m_typeMinutes = new QSpinBox(page);
    m_typeMinutes->setRange(5, 24 * 60);
    m_typeMinutes->setValue(15);
    m_typeMinutes->setSuffix(tr(" min"));
    m_typeColor = new QLineEdit(QStringLiteral("#9c755f"), page);
    auto *add = new QPushButton(tr("&Add"), page);
    auto *remove = new QPushButton(tr("Re&move"), page);
    connect(add, &QPushButton::clicked, this, [this] {
        addType(m_typeCode->text(), m_typeName->text(), m_typeMinutes->value(),
                m_typeColor->text());
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const Status s = removeSelected(m_typesList, [this](const QString &id) {
            return ReferenceData(m_db).removeAppointmentType(id);
        });
        report(s ? QString() : s.error());
    });
    auto *row = new QHBoxLayout;
    for (QWidget *w : std::initializer_list<QWidget *>{m_typeCode, m_typeName, m_typeMinutes,
                                                       m_typeColor, add, remove})
        row->addWidget(w);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_typesList);
    layout->addLayout(row);
    return page;
}

QWidget *ScheduleAdminDialog::roomsTab()
{
    auto *page = new QWidget(this);
    m_roomsList = new QListWidget(page);
    m_roomsList->setAccessibleName(tr("Rooms"));
    m_roomName = new QLineEdit(page);
    m_roomName->setPlaceholderText(tr("Room name"));
    auto *add = new QPushButton(tr("&Add"), page);
    auto *remove = new QPushButton(tr("Re&move"), page);
    connect(add, &QPushButton::clicked, this, [this] { addRoom(m_roomName->text()); });
    connect(remove, &QPushButton::clicked, this, [this] {
        const Status s = removeSelected(
            m_roomsList, [this](const QString &id) { return ReferenceData(m_db).removeRoom(id); });
        report(s ? QString() : s.error());
    });
    auto *row = new QHBoxLayout;
    row->addWidget(m_roomName);
    row->addWidget(add);
    row->addWidget(remove);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_roomsList);
    layout->addLayout(row);
    return page;
}

void ScheduleAdminDialog::reload()
{
    const ReferenceData reference(m_db);
    auto practitioners = reference.practitioners();
    auto rooms = reference.rooms();
    auto types = reference.appointmentTypes();
    if (!practitioners || !rooms || !types) {
        m_message->setText(!practitioners ? practitioners.error()
                           : !rooms       ? rooms.error()
                                          : types.error());
        return;
    }
    const QString chosen = m_hoursPractitioner->currentData().toString();
    const QString chosenOff = m_offPractitioner->currentData().toString();
    m_hoursPractitioner->clear();
    m_offPractitioner->clear();
    m_offPractitioner->addItem(tr("The whole clinic"), QString());
    QHash<QString, QString> names;
    for (const Practitioner &p : *practitioners) {
        m_hoursPractitioner->addItem(p.displayName(), p.meta.id);
        m_offPractitioner->addItem(p.displayName(), p.meta.id);
        names.insert(p.meta.id, p.displayName());
    }
    m_hoursPractitioner->setCurrentIndex(std::max(0, m_hoursPractitioner->findData(chosen)));
    m_offPractitioner->setCurrentIndex(std::max(0, m_offPractitioner->findData(chosenOff)));
    QHash<QString, QString> roomNames;
    m_hoursRoom->clear();
    m_hoursRoom->addItem(tr("No room"), QString());
    m_roomsList->clear();
    for (const Location &r : *rooms) {
        m_hoursRoom->addItem(r.name, r.meta.id);
        roomNames.insert(r.meta.id, r.name);
        auto *item = new QListWidgetItem(r.name, m_roomsList);
        item->setData(Qt::UserRole, r.meta.id);
    }
    m_hoursList->clear();
    auto hours = reference.workingHours(m_hoursPractitioner->currentData().toString());
    if (hours) {
        for (const WorkingHours &h : *hours) {
            auto *item = new QListWidgetItem(
                tr("%1 %2–%3 %4")
                    .arg(QLocale().dayName(h.weekday), minuteText(h.startMinute),
                         minuteText(h.endMinute), roomNames.value(h.locationId)),
                m_hoursList);
            item->setData(Qt::UserRole, h.meta.id);
        }
    }
    m_timeOffList->clear();
    const ClinicSettings settings(m_db);
    const ClinicTime clinic = settings.clinicTime();
    const QDateTime now = settings.nowUtc();
    auto off = reference.timeOff(now.addDays(-30), now.addDays(730));
    if (off) {
        const QLocale locale;
        for (const ScheduleException &e : *off) {
            auto *item = new QListWidgetItem(
                tr("%1 – %2: %3, %4 %5")
                    .arg(LocaleFormat::fullYearDateTime(e.start.toTimeZone(clinic.zone()), locale),
                         LocaleFormat::fullYearDateTime(e.end.toTimeZone(clinic.zone()), locale),
                         e.practitionerId.isEmpty() ? tr("the whole clinic")
                                                    : names.value(e.practitionerId),
                         m_offKind->itemText(
                             std::max(0, m_offKind->findData(ScheduleException::kindName(e.kind)))),
                         e.note),
                m_timeOffList);
            item->setData(Qt::UserRole, e.meta.id);
        }
    }
    m_typesList->clear();
    for (const AppointmentType &t : *types) {
        auto *item = new QListWidgetItem(
            tr("%1 (%2) — %3 min").arg(t.name, t.code).arg(t.defaultMinutes), m_typesList);
        item->setData(Qt::UserRole, t.meta.id);
        item->setData(Qt::DecorationRole, QColor(t.color));
    }
}

bool ScheduleAdminDialog::addWorkingHours(const QString &practitionerId, int weekday,
                                          int fromMinute, int toMinute, const QString &roomId)
{
    WorkingHours h;
    h.practitionerId = practitionerId;
    h.weekday = weekday;
    h.startMinute = fromMinute;
    h.endMinute = toMinute;
    h.locationId = roomId;
    const Status s = ReferenceData(m_db).saveWorkingHours(h);
    return report(s ? QString() : s.error());
}

bool ScheduleAdminDialog::addTimeOff(const QString &practitionerId, const QString &kind,
                                     const QDateTime &fromUtc, const QDateTime &toUtc,
                                     const QString &note)
{
    ScheduleException e;
    e.practitionerId = practitionerId;
    e.kind = ScheduleException::kindFromName(kind).value_or(ScheduleException::Kind::Blocked);
    e.start = fromUtc;
    e.end = toUtc;
    e.note = note.trimmed();
    const Status s = ReferenceData(m_db).saveTimeOff(e);
    return report(s ? QString() : s.error());
}

bool ScheduleAdminDialog::addType(const QString &code, const QString &name, int minutes,
                                  const QString &color)
{
    if (!QColor(color).isValid())
        return report(tr("The colour must be like #4e79a7."));
    AppointmentType t;
    t.code = code.trimmed();
    t.name = name.trimmed();
    t.defaultMinutes = minutes;
    t.color = color;
    const Status s = ReferenceData(m_db).saveAppointmentType(t);
    return report(s ? QString() : s.error());
}

bool ScheduleAdminDialog::addRoom(const QString &name)
{
    Location l;
    l.name = name.trimmed();
    const Status s = ReferenceData(m_db).saveRoom(l);
    return report(s ? QString() : s.error());
}

} // namespace frontdesk
