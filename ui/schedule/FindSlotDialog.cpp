#include "FindSlotDialog.h"

#include "common/TimeWindowEdit.h"
#include "common/WeekdayPicker.h"

#include "ClinicSettings.h"
#include "scheduling/BookingService.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace frontdesk {

FindSlotDialog::FindSlotDialog(Database &db, const QList<Practitioner> &practitioners,
                               const QList<AppointmentType> &types, const QTimeZone &zone,
                               QWidget *parent)
    : QDialog(parent), m_db(db), m_zone(zone), m_types(types)
{
    setObjectName(QStringLiteral("findSlotDialog"));
    setWindowTitle(tr("Find the next available time"));
    m_practitioner = new QComboBox(this);
    m_practitioner->addItem(tr("Anyone"), QString());
    for (const Practitioner &p : practitioners)
        m_practitioner->addItem(p.displayName(), p.meta.id);
    m_type = new QComboBox(this);
    for (const AppointmentType &t : types)
        m_type->addItem(t.name, t.code);
    m_minutes = new QSpinBox(this);
    m_minutes->setRange(5, 8 * 60);
    m_minutes->setSingleStep(5);
    m_minutes->setSuffix(tr(" min"));
    m_minutes->setValue(types.isEmpty() ? 15 : types.first().defaultMinutes);
    connect(m_type, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i >= 0 && i < m_types.size())
            m_minutes->setValue(m_types.at(i).defaultMinutes);
    });
    m_days = new WeekdayPicker(this);
    m_window = new TimeWindowEdit(0, 24 * 60, this);
    auto *searchButton = new QPushButton(tr("&Search"), this);
    connect(searchButton, &QPushButton::clicked, this, &FindSlotDialog::search);
    m_results = new QListWidget(this);
    m_results->setAccessibleName(tr("Free times found"));
    m_results->setMinimumHeight(fontMetrics().height() * 10);
    connect(m_results, &QListWidget::itemActivated, this, &FindSlotDialog::accept);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&With:"), m_practitioner);
    form->addRow(tr("&Type:"), m_type);
    form->addRow(tr("&Length:"), m_minutes);
    form->addRow(tr("Preferred days (none: any):"), m_days);
    form->addRow(tr("Preferred time:"), m_window);
    form->addRow(QString(), searchButton);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Book this time…"));
    connect(buttons, &QDialogButtonBox::accepted, this, &FindSlotDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &FindSlotDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_results);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
}

void FindSlotDialog::setPractitioner(const QString &id)
{
    m_practitioner->setCurrentIndex(std::max(0, m_practitioner->findData(id)));
}

void FindSlotDialog::setMinutes(int minutes)
{
    m_minutes->setValue(minutes);
}

void FindSlotDialog::setWeekdays(const QSet<int> &weekdays)
{
    m_days->setWeekdays(weekdays);
}

void FindSlotDialog::setWindow(int fromMinute, int toMinute)
{
    m_window->setWindow(fromMinute, toMinute);
}

void FindSlotDialog::search()
{
    SlotQuery q;
    q.fromUtc = ClinicSettings(m_db).nowUtc();
    q.minutes = m_minutes->value();
    q.count = 10;
    q.weekdays = m_days->weekdays();
    if (!m_window->isWholeDay())
        q.windows = {{m_window->fromMinute(), m_window->toMinute()}};
    const QString who = m_practitioner->currentData().toString();
    auto found =
        BookingService(m_db).findSlots(who.isEmpty() ? QStringList() : QStringList{who}, q);
    m_results->clear();
    if (!found) {
        m_message->setText(found.error());
        return;
    }
    m_found = *found;
    const QLocale locale;
    for (const FreeSlot &s : m_found) {
        const QDateTime local = s.startUtc.toTimeZone(m_zone);
        const int i = m_practitioner->findData(s.practitionerId);
        m_results->addItem(tr("%1, %2 — %3")
                               .arg(locale.toString(local.date(), QLocale::LongFormat),
                                    locale.toString(local.time(), QLocale::ShortFormat),
                                    i >= 0 ? m_practitioner->itemText(i) : s.practitionerId));
    }
    m_message->setText(m_found.isEmpty() ? tr("No free time in the next 120 days.") : QString());
    if (!m_found.isEmpty())
        m_results->setCurrentRow(0);
}

void FindSlotDialog::accept()
{
    const int row = m_results->currentRow();
    if (row < 0 || row >= m_found.size()) {
        m_message->setText(tr("Search first, then choose a time."));
        return;
    }
    m_chosen = m_found.at(row);
    QDialog::accept();
}

} // namespace frontdesk
