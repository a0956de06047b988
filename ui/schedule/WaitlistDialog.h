#pragma once

#include "domain/Practitioner.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace frontdesk {

class Database;
class PatientPicker;
class TimeWindowEdit;
class WeekdayPicker;

// Patients waiting for an earlier slot and what suits them: practitioner (or anyone), length,
// weekdays and time of day. When a booked time frees up, the schedule names the waiting patients
// it suits (WaitlistMatcher), longest waiting first.
class WaitlistDialog : public QDialog
{
    Q_OBJECT
public:
    WaitlistDialog(Database &db, const QList<Practitioner> &practitioners,
                   QWidget *parent = nullptr);

    QListWidget *entries() const { return m_entries; }
    QLineEdit *searchField() const;
    QListWidget *patientList() const;
    QLabel *messageLabel() const { return m_message; }
    void searchNow();
    // Adds the chosen patient with the constraints entered.
    bool add(const QString &practitionerId, int minutes, const QSet<int> &weekdays,
             int earliestMinute, int latestMinute, const QString &note);
    bool removeCurrent();
    void reload();

private:
    Database &m_db;
    QListWidget *m_entries;
    PatientPicker *m_picker;
    QComboBox *m_practitioner;
    QSpinBox *m_minutes;
    WeekdayPicker *m_days;
    TimeWindowEdit *m_window;
    QLineEdit *m_note;
    QLabel *m_message;
};

} // namespace frontdesk
