#pragma once

#include <QDialog>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QTabWidget;

namespace frontdesk {

class Database;
class TimeWindowEdit;

// The schedule's settings: practitioners' weekly working hours, time off (holidays for the
// whole clinic, leave, blocked time), appointment types with their length and colour, and
// rooms. Every change is a normal audited, synced record write.
class ScheduleAdminDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ScheduleAdminDialog(Database &db, QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    QListWidget *hoursList() const { return m_hoursList; }
    QListWidget *timeOffList() const { return m_timeOffList; }
    QListWidget *typesList() const { return m_typesList; }
    QListWidget *roomsList() const { return m_roomsList; }
    QLabel *messageLabel() const { return m_message; }

    // What the Add buttons do, with the values given (for keyboard users and tests alike).
    bool addWorkingHours(const QString &practitionerId, int weekday, int fromMinute, int toMinute,
                         const QString &roomId);
    bool addTimeOff(const QString &practitionerId, const QString &kind, const QDateTime &fromUtc,
                    const QDateTime &toUtc, const QString &note);
    bool addType(const QString &code, const QString &name, int minutes, const QString &color);
    bool addRoom(const QString &name);

private:
    QWidget *hoursTab();
    QWidget *timeOffTab();
    QWidget *typesTab();
    QWidget *roomsTab();
    void reload();
    bool report(const QString &error);

    Database &m_db;
    QTabWidget *m_tabs;
    QLabel *m_message;
    QComboBox *m_hoursPractitioner;
    QListWidget *m_hoursList;
    QComboBox *m_weekday;
    TimeWindowEdit *m_hoursWindow;
    QComboBox *m_hoursRoom;
    QListWidget *m_timeOffList;
    QComboBox *m_offPractitioner;
    QComboBox *m_offKind;
    QDateTimeEdit *m_offFrom;
    QDateTimeEdit *m_offTo;
    QLineEdit *m_offNote;
    QListWidget *m_typesList;
    QLineEdit *m_typeCode;
    QLineEdit *m_typeName;
    QSpinBox *m_typeMinutes;
    QLineEdit *m_typeColor;
    QListWidget *m_roomsList;
    QLineEdit *m_roomName;
};

} // namespace frontdesk
