#pragma once

#include "domain/AppointmentType.h"
#include "domain/Practitioner.h"
#include "scheduling/FreeSlotFinder.h"

#include <QDialog>
#include <QTimeZone>

class QComboBox;
class QLabel;
class QListWidget;
class QSpinBox;

namespace frontdesk {

class Database;
class TimeWindowEdit;
class WeekdayPicker;

// "Find next available": the next free slots for a practitioner or anyone, a type and length,
// and the patient's preferred weekdays and time of day. Choosing one books it.
class FindSlotDialog : public QDialog
{
    Q_OBJECT
public:
    FindSlotDialog(Database &db, const QList<Practitioner> &practitioners,
                   const QList<AppointmentType> &types, const QTimeZone &zone,
                   QWidget *parent = nullptr);

    QListWidget *results() const { return m_results; }
    void setPractitioner(const QString &id);
    void setMinutes(int minutes);
    void setWeekdays(const QSet<int> &weekdays);
    void setWindow(int fromMinute, int toMinute);
    void search();
    // The slot chosen when the dialog was accepted.
    FreeSlot chosen() const { return m_chosen; }
    void accept() override;

private:
    Database &m_db;
    QTimeZone m_zone;
    QList<AppointmentType> m_types;
    QComboBox *m_practitioner;
    QComboBox *m_type;
    QSpinBox *m_minutes;
    WeekdayPicker *m_days;
    TimeWindowEdit *m_window;
    QListWidget *m_results;
    QLabel *m_message;
    QList<FreeSlot> m_found;
    FreeSlot m_chosen;
};

} // namespace frontdesk
