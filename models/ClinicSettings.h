#pragma once

#include "domain/ClinicTime.h"
#include "messaging/ContactPolicy.h"

#include <QDate>
#include <QDateTime>
#include <QString>

namespace frontdesk {

class Database;

// What a view needs to know about the clinic and this workstation's copy of its data: the
// clinic's calendar (its zone, today there), the time now by the injected clock, the clinic's
// name, where the data lives and with which cipher. Read on every call: an administrator may change
// a setting while a window is open.
class ClinicSettings
{
public:
    explicit ClinicSettings(Database &db) : m_db(db) {}

    ClinicTime clinicTime() const;
    QDate today() const;
    QDateTime nowUtc() const;
    // Empty when none was set.
    QString clinicName() const;
    // The number patients call the clinic on (templates' {clinic_phone}); empty when none was set.
    QString clinicPhone() const;
    static QString clinicPhoneKey() { return QStringLiteral("clinic_phone"); }
    // The clinic's quiet hours (no SMS), "clinic_quiet_hours"; 20:00-08:00 when none was set.
    // An unreadable setting fails rather than silently allowing SMS at night.
    Result<QuietHours> quietHours() const;
    static QString quietHoursKey() { return QStringLiteral("clinic_quiet_hours"); }
    // The idle minutes before the workstation locks (AutoLockSetting, a shared setting of the
    // clinic), for the views.
    int autoLockMinutes() const;
    static int maximumAutoLockMinutes();
    Status setAutoLockMinutes(int minutes);

    QString databasePath() const;
    // The SQLCipher version the data is encrypted with (the About box names it).
    QString cipherVersion() const;

private:
    Database &m_db;
};

} // namespace frontdesk
