#include "BookingDialog.h"

#include "common/ViewHelpers.h"
#include "patients/NewPatientDialog.h"
#include "patients/PatientPicker.h"

#include "access/AccessGuard.h"
#include "core/LocaleFormat.h"
#include "scheduling/BookingService.h"
#include "scheduling/LocalTime.h"
#include "scheduling/UsualRoom.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace frontdesk {

BookingDialog::BookingDialog(Database &db, const QList<Practitioner> &practitioners,
                             const QList<Location> &rooms, const QList<AppointmentType> &types,
                             const QHash<QString, QList<WorkingHours>> &hours,
                             const QString &practitionerId, const QDateTime &startUtc,
                             const QTimeZone &zone, QWidget *parent)
    : QDialog(parent), m_db(db), m_zone(zone), m_types(types), m_hours(hours)
{
    setObjectName(QStringLiteral("bookingDialog"));
    const QDateTime local = startUtc.toTimeZone(zone);
    m_date = local.date();
    setWindowTitle(
        tr("Book an appointment on %1").arg(QLocale().toString(m_date, QLocale::LongFormat)));

    m_picker = new PatientPicker(db, PatientPicker::Trigger::AsYouType, 20, this);
    m_picker->searchField()->setPlaceholderText(tr("Name, birth date, phone or MRN"));
    m_picker->results()->setMinimumHeight(fontMetrics().height() * 7);
    // Wide enough for a long name, the birth date and the whole MRN, which tells namesakes apart.
    m_picker->results()->setMinimumWidth(
        fontMetrics().horizontalAdvance(tr("%1 — born %2 — %3")
                                            .arg(QStringLiteral("Maximiliane Schmidt-Hohenstein"),
                                                 LocaleFormat::fullYearDate(QDate(2000, 12, 28)),
                                                 QStringLiteral("MRN0000000"))) +
        4 * fontMetrics().horizontalAdvance(QLatin1Char('M')));
    m_newPatient = new QPushButton(tr("&New Patient…"), this);
    m_newPatient->setObjectName(QStringLiteral("bookingNewPatient"));
    m_newPatient->setAutoDefault(false);
    m_newPatient->setVisible(bool(AccessGuard(m_db).require(Permission::EditDemographics)));
    connect(m_newPatient, &QPushButton::clicked, this, &BookingDialog::registerNewPatient);
    connect(m_picker, &PatientPicker::errorOccurred, this, [this](const QString &error) {
        m_message->setText(error);
        m_message->show();
    });

    m_practitioner = new QComboBox(this);
    for (const Practitioner &p : practitioners)
        m_practitioner->addItem(p.displayName(), p.meta.id);
    m_practitioner->setCurrentIndex(std::max(0, m_practitioner->findData(practitionerId)));

    m_time = new QTimeEdit(local.time(), this);
    m_time->setDisplayFormat(LocaleFormat::timeFormat());

    m_minutes = new QSpinBox(this);
    m_minutes->setRange(5, 8 * 60);
    m_minutes->setSingleStep(5);
    m_minutes->setSuffix(tr(" min"));
    m_minutes->setValue(15);

    m_type = new QComboBox(this);
    for (const AppointmentType &t : types)
        m_type->addItem(t.name, t.code);
    connect(m_type, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i >= 0 && i < m_types.size())
            m_minutes->setValue(m_types.at(i).defaultMinutes);
    });
    const int consultation = m_type->findData(QStringLiteral("consultation"));
    m_type->setCurrentIndex(consultation >= 0 ? consultation : 0);
    if (m_type->currentIndex() >= 0 && m_type->currentIndex() < m_types.size())
        m_minutes->setValue(m_types.at(m_type->currentIndex()).defaultMinutes);

    m_room = new QComboBox(this);
    m_room->addItem(tr("No room"), QString());
    for (const Location &r : rooms)
        m_room->addItem(r.name, r.meta.id);
    connect(m_room, &QComboBox::activated, this, [this] { m_roomChosen = true; });
    connect(m_practitioner, &QComboBox::currentIndexChanged, this, &BookingDialog::suggestRoom);
    connect(m_time, &QTimeEdit::timeChanged, this, &BookingDialog::suggestRoom);
    suggestRoom();

    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("bookingReason"));
    m_notes = new QPlainTextEdit(this);
    m_notes->setMaximumHeight(fontMetrics().height() * 4);
    m_doubleBook =
        new QCheckBox(tr("Book even if the time is taken (double-booking, recorded)"), this);
    m_doubleBook->setVisible(bool(AccessGuard(m_db).require(Permission::OverrideDoubleBooking)));

    // Repeating: every N weeks or months, a number of times or until a date.
    m_repeat = new QComboBox(this);
    m_repeat->setObjectName(QStringLiteral("bookingRepeat"));
    m_repeat->addItem(tr("Does not repeat"));
    m_repeat->addItem(tr("Weekly"));
    m_repeat->addItem(tr("Monthly"));
    m_interval = new QSpinBox(this);
    m_interval->setRange(1, 52);
    m_interval->setPrefix(tr("every "));
    m_endKind = new QComboBox(this);
    m_endKind->addItem(tr("times"));
    m_endKind->addItem(tr("until"));
    m_count = new QSpinBox(this);
    m_count->setRange(2, Recurrence::MaxOccurrences);
    m_count->setValue(6);
    m_until = new QDateEdit(m_date.addMonths(3), this);
    m_until->setCalendarPopup(true);
    // "5/3/26" is no date to end a series on.
    m_until->setDisplayFormat(view::fullYearDateFormat());
    m_interval->setAccessibleName(tr("Repeat interval"));
    m_count->setAccessibleName(tr("Number of appointments"));
    m_endKind->setAccessibleName(tr("Series ends"));
    m_until->setAccessibleName(tr("Last appointment on"));
    auto *repeatRow = new QHBoxLayout;
    repeatRow->addWidget(m_repeat);
    repeatRow->addWidget(m_interval);
    repeatRow->addWidget(m_count);
    repeatRow->addWidget(m_endKind);
    repeatRow->addWidget(m_until);
    auto updateRepeat = [this] {
        const bool on = m_repeat->currentIndex() > 0;
        m_interval->setVisible(on);
        m_endKind->setVisible(on);
        m_count->setVisible(on && m_endKind->currentIndex() == 0);
        m_until->setVisible(on && m_endKind->currentIndex() == 1);
    };
    connect(m_repeat, &QComboBox::currentIndexChanged, this, updateRepeat);
    connect(m_endKind, &QComboBox::currentIndexChanged, this, updateRepeat);
    updateRepeat();

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("bookingMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    m_message->hide();

    auto *form = new QFormLayout;
    auto *patientRow = new QHBoxLayout;
    patientRow->addWidget(m_picker, 1);
    patientRow->addWidget(m_newPatient, 0, Qt::AlignTop);
    // A row of a layout gets no buddy from addRow: the label names the picker itself.
    auto *patientLabel = new QLabel(tr("&Patient:"), this);
    patientLabel->setBuddy(m_picker);
    form->addRow(patientLabel, patientRow);
    form->addRow(tr("P&ractitioner:"), m_practitioner);
    form->addRow(tr("&Time:"), m_time);
    form->addRow(tr("T&ype:"), m_type);
    form->addRow(tr("&Length:"), m_minutes);
    form->addRow(tr("R&oom:"), m_room);
    form->addRow(tr("Rea&son:"), m_reason);
    form->addRow(tr("&Notes:"), m_notes);
    // Its mnemonic needs a buddy too, or the label shows the "&" (as the patient's row).
    auto *repeatLabel = new QLabel(tr("Re&peat:"), this);
    repeatLabel->setBuddy(m_repeat);
    form->addRow(repeatLabel, repeatRow);
    form->addRow(QString(), m_doubleBook);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Book"));
    connect(buttons, &QDialogButtonBox::accepted, this, &BookingDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &BookingDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    // Tab follows the rows as they read, not the order the fields were made in; in the notes
    // Tab moves on instead of typing a tab.
    m_notes->setTabChangesFocus(true);
    const QList<QWidget *> order{
        m_picker->results(), m_newPatient, m_practitioner, m_time,  m_type,
        m_minutes,           m_room,       m_reason,       m_notes, m_repeat,
        m_interval,          m_count,      m_endKind,      m_until, m_doubleBook};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
    m_picker->setFocus();
}

QLineEdit *BookingDialog::searchField() const
{
    return m_picker->searchField();
}

QListWidget *BookingDialog::patientList() const
{
    return m_picker->results();
}

void BookingDialog::suggestRoom()
{
    if (m_roomChosen)
        return;
    const QTime t = m_time->time();
    const QString room = UsualRoom::at(m_hours.value(m_practitioner->currentData().toString()),
                                       m_date.dayOfWeek(), t.hour() * 60 + t.minute());
    m_room->setCurrentIndex(std::max(0, m_room->findData(room)));
}

bool BookingDialog::choosePatient(const QString &patientId, const QString &text)
{
    return m_picker->choose(patientId, text);
}

QString BookingDialog::chosenPatientId() const
{
    return m_picker->currentPatientId();
}

void BookingDialog::registerNewPatient()
{
    auto *dialog = new NewPatientDialog(m_db, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (!choosePatient(dialog->patientId(), dialog->mrn())) {
            m_message->setText(tr("The patient was saved, but the search does not find them "
                                  "yet: search for %1.")
                                   .arg(view::mrn(dialog->mrn())));
            m_message->show();
            return;
        }
        m_message->hide();
        m_practitioner->setFocus();
    });
    dialog->open();
}

void BookingDialog::searchNow()
{
    m_picker->searchNow();
}

void BookingDialog::setReason(const QString &reason)
{
    m_reason->setText(reason);
}

void BookingDialog::setMinutes(int minutes)
{
    m_minutes->setValue(minutes);
}

void BookingDialog::setType(const QString &code)
{
    const int i = m_type->findData(code);
    if (i >= 0)
        m_type->setCurrentIndex(i);
}

void BookingDialog::setRepeat(bool monthly, int interval, int count, QDate until)
{
    m_repeat->setCurrentIndex(monthly ? 2 : 1);
    m_interval->setValue(interval);
    m_endKind->setCurrentIndex(until.isValid() ? 1 : 0);
    if (until.isValid())
        m_until->setDate(until);
    else
        m_count->setValue(count);
}

void BookingDialog::accept()
{
    const QString patientId = m_picker->currentPatientId();
    if (patientId.isEmpty()) {
        m_message->setText(tr("Choose the patient first: type part of the name and pick them "
                              "from the list."));
        m_message->show();
        m_picker->setFocus();
        return;
    }
    const QTime t = m_time->time();
    const auto start = LocalTime::exactUtc(m_date, t.hour() * 60 + t.minute(), m_zone);
    if (!start) {
        m_message->setText(tr("That time does not exist on this day (the clocks change); "
                              "choose another."));
        m_message->show();
        return;
    }
    Appointment a;
    a.patientId = patientId;
    a.practitionerId = m_practitioner->currentData().toString();
    a.locationId = m_room->currentData().toString();
    a.start = *start;
    a.end = start->addSecs(qint64(m_minutes->value()) * 60);
    a.type = m_type->currentData().toString();
    a.reason = m_reason->text().trimmed();
    a.notes = m_notes->toPlainText().trimmed();
    BookingService::Options options;
    options.allowDoubleBooking = m_doubleBook->isVisible() && m_doubleBook->isChecked();
    BookingService service(m_db);
    if (m_repeat->currentIndex() > 0) {
        Recurrence rule;
        rule.frequency = m_repeat->currentIndex() == 2 ? Recurrence::Frequency::Monthly
                                                       : Recurrence::Frequency::Weekly;
        rule.interval = m_interval->value();
        if (m_endKind->currentIndex() == 0)
            rule.count = m_count->value();
        else
            rule.until = m_until->date();
        auto series = service.bookSeries(a, rule, options);
        if (!series) {
            m_message->setText(series.error());
            m_message->show();
            return;
        }
        m_booked = series->appointments.first();
        for (const Appointment &b : series->appointments)
            m_bookedIds << b.meta.id;
        QDialog::accept();
        return;
    }
    auto booked = service.book(a, options);
    if (!booked) {
        m_message->setText(booked.error());
        m_message->show();
        return;
    }
    m_booked = *booked;
    m_bookedIds = {booked->meta.id};
    QDialog::accept();
}

} // namespace frontdesk
