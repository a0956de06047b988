#pragma once

#include "domain/Appointment.h"
#include "domain/AppointmentType.h"
#include "domain/Location.h"
#include "domain/Practitioner.h"

#include <QDateTime>
#include <QDialog>
#include <QHash>
#include <QTimeZone>

class QCheckBox;
class QDateEdit;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTimeEdit;

namespace frontdesk {

class Database;
class PatientPicker;

// Books one appointment: find the patient as you type (or register a new one), choose type (its
// default length comes along), length, room (the practitioner's usual room to start with),
// reason and notes. The booking runs when OK is pressed; a refusal (a
// conflict, time off) is shown in the dialog, which stays open so nothing typed is lost.
class BookingDialog : public QDialog
{
    Q_OBJECT
public:
    BookingDialog(Database &db, const QList<Practitioner> &practitioners,
                  const QList<Location> &rooms, const QList<AppointmentType> &types,
                  const QHash<QString, QList<WorkingHours>> &hours, const QString &practitionerId,
                  const QDateTime &startUtc, const QTimeZone &zone, QWidget *parent = nullptr);

    QLineEdit *searchField() const;
    QListWidget *patientList() const;
    QLabel *messageLabel() const { return m_message; }
    QComboBox *roomBox() const { return m_room; }
    QPushButton *newPatientButton() const { return m_newPatient; }
    // Chooses this patient, found by text (their MRN), as if picked from the list.
    bool choosePatient(const QString &patientId, const QString &text);
    QString chosenPatientId() const;
    // New patient…: registers one and chooses them.
    void registerNewPatient();
    // The appointment booked when the dialog was accepted; with a series, the first one, and
    // every appointment of it in bookedIds().
    const Appointment &booked() const { return m_booked; }
    const QStringList &bookedIds() const { return m_bookedIds; }
    // Every interval weeks (monthly: months), count times or until a date.
    void setRepeat(bool monthly, int interval, int count, QDate until = {});
    void setReason(const QString &reason);
    void setMinutes(int minutes);
    void setType(const QString &code);
    // Runs the search now instead of after the typing pause.
    void searchNow();

    void accept() override;

private:
    // The practitioner's usual room at the chosen time, until a person picks a room.
    void suggestRoom();

    Database &m_db;
    QDate m_date;
    QTimeZone m_zone;
    QList<AppointmentType> m_types;
    QHash<QString, QList<WorkingHours>> m_hours;
    bool m_roomChosen = false;
    QPushButton *m_newPatient;
    PatientPicker *m_picker;
    QComboBox *m_practitioner;
    QTimeEdit *m_time;
    QComboBox *m_type;
    QSpinBox *m_minutes;
    QComboBox *m_room;
    QLineEdit *m_reason;
    QPlainTextEdit *m_notes;
    QCheckBox *m_doubleBook;
    QComboBox *m_repeat;
    QSpinBox *m_interval;
    QComboBox *m_endKind;
    QSpinBox *m_count;
    QDateEdit *m_until;
    QLabel *m_message;
    Appointment m_booked;
    QStringList m_bookedIds;
};

} // namespace frontdesk
