#include "WaitlistDialog.h"

#include "common/TimeWindowEdit.h"
#include "common/WeekdayPicker.h"

#include "core/LocaleFormat.h"
#include "patients/PatientPicker.h"
#include "scheduling/WaitlistService.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace frontdesk {

WaitlistDialog::WaitlistDialog(Database &db, const QList<Practitioner> &practitioners,
                               QWidget *parent)
    : QDialog(parent), m_db(db)
{
    setObjectName(QStringLiteral("waitlistDialog"));
    setWindowTitle(tr("Waitlist"));
    m_entries = new QListWidget(this);
    m_entries->setAccessibleName(tr("Waitlist"));
    m_picker = new PatientPicker(db, PatientPicker::Trigger::OnReturn, 10, this);
    m_picker->searchField()->setPlaceholderText(
        tr("Find the patient: name, birth date, phone or MRN"));
    m_picker->results()->setMaximumHeight(fontMetrics().height() * 5);
    connect(m_picker, &PatientPicker::errorOccurred, this,
            [this](const QString &error) { m_message->setText(error); });
    m_practitioner = new QComboBox(this);
    m_practitioner->addItem(tr("Anyone"), QString());
    for (const Practitioner &p : practitioners)
        m_practitioner->addItem(p.displayName(), p.meta.id);
    m_minutes = new QSpinBox(this);
    m_minutes->setRange(5, 8 * 60);
    m_minutes->setValue(15);
    m_minutes->setSuffix(tr(" min"));
    m_days = new WeekdayPicker(this);
    m_window = new TimeWindowEdit(0, 24 * 60, this);
    m_note = new QLineEdit(this);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    auto *add = new QPushButton(tr("&Add to the waitlist"), this);
    connect(add, &QPushButton::clicked, this, [this] {
        this->add(m_practitioner->currentData().toString(), m_minutes->value(), m_days->weekdays(),
                  m_window->fromMinute(), m_window->toMinute(), m_note->text());
    });
    auto *remove = new QPushButton(tr("&Remove"), this);
    connect(remove, &QPushButton::clicked, this, &WaitlistDialog::removeCurrent);

    auto *form = new QFormLayout;
    form->addRow(tr("&Patient:"), m_picker);
    form->addRow(tr("&With:"), m_practitioner);
    form->addRow(tr("&Length:"), m_minutes);
    form->addRow(tr("Days (none: any):"), m_days);
    form->addRow(tr("Time of day:"), m_window);
    form->addRow(tr("&Note:"), m_note);
    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(add);
    row->addWidget(remove);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_entries);
    layout->addLayout(form);
    layout->addLayout(row);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    reload();
}

QLineEdit *WaitlistDialog::searchField() const
{
    return m_picker->searchField();
}

QListWidget *WaitlistDialog::patientList() const
{
    return m_picker->results();
}

void WaitlistDialog::searchNow()
{
    m_picker->searchNow();
}

bool WaitlistDialog::add(const QString &practitionerId, int minutes, const QSet<int> &weekdays,
                         int earliestMinute, int latestMinute, const QString &note)
{
    const QString patientId = m_picker->currentPatientId();
    if (patientId.isEmpty()) {
        m_message->setText(tr("Find and choose the patient first."));
        return false;
    }
    WaitlistEntry e;
    e.patientId = patientId;
    e.practitionerId = practitionerId;
    e.minutes = minutes;
    e.weekdays = weekdays;
    e.earliestMinute = earliestMinute;
    e.latestMinute = latestMinute;
    e.note = note.trimmed();
    const Status s = WaitlistService(m_db).add(e);
    m_message->setText(s ? QString() : s.error());
    if (s)
        reload();
    return s.ok();
}

bool WaitlistDialog::removeCurrent()
{
    QListWidgetItem *item = m_entries->currentItem();
    if (!item)
        return false;
    const Status s = WaitlistService(m_db).remove(item->data(Qt::UserRole).toString());
    m_message->setText(s ? QString() : s.error());
    reload();
    return s.ok();
}

void WaitlistDialog::reload()
{
    m_entries->clear();
    auto waiting = WaitlistService(m_db).waiting();
    if (!waiting) {
        m_message->setText(waiting.error());
        return;
    }
    const QLocale locale;
    for (const WaitlistService::Waiting &w : *waiting) {
        const WaitlistEntry &e = w.entry;
        const int i = m_practitioner->findData(e.practitionerId);
        QStringList days;
        QList<int> sorted(e.weekdays.begin(), e.weekdays.end());
        std::sort(sorted.begin(), sorted.end());
        for (int d : sorted)
            days << locale.dayName(d, QLocale::ShortFormat);
        auto *item = new QListWidgetItem(
            tr("%1 — %2 min with %3; %4 %5–%6; waiting since %7 %8")
                .arg(w.patientName)
                .arg(e.minutes)
                .arg(i > 0 ? m_practitioner->itemText(i) : tr("anyone"),
                     days.isEmpty() ? tr("any day") : days.join(QStringLiteral(", ")),
                     QStringLiteral("%1:%2")
                         .arg(e.earliestMinute / 60, 2, 10, QLatin1Char('0'))
                         .arg(e.earliestMinute % 60, 2, 10, QLatin1Char('0')),
                     QStringLiteral("%1:%2")
                         .arg(e.latestMinute / 60, 2, 10, QLatin1Char('0'))
                         .arg(e.latestMinute % 60, 2, 10, QLatin1Char('0')),
                     LocaleFormat::fullYearDate(
                         QDateTime::fromMSecsSinceEpoch(e.meta.createdAt, Qt::UTC).date(), locale),
                     e.note),
            m_entries);
        item->setData(Qt::UserRole, e.meta.id);
    }
}

} // namespace frontdesk
