#include "ClinicSettings.h"

#include "database/Database.h"
#include "storage/AutoLockSetting.h"

namespace frontdesk {

ClinicTime ClinicSettings::clinicTime() const
{
    return ClinicTime::fromZoneName(m_db.setting(ClinicTime::settingKey()));
}

QDate ClinicSettings::today() const
{
    return clinicTime().today(m_db.clock());
}

QDateTime ClinicSettings::nowUtc() const
{
    return m_db.clock().nowUtc();
}

QString ClinicSettings::clinicName() const
{
    return m_db.setting(QStringLiteral("clinic_name"));
}

QString ClinicSettings::clinicPhone() const
{
    return m_db.setting(clinicPhoneKey());
}

Result<QuietHours> ClinicSettings::quietHours() const
{
    return QuietHours::parse(
        m_db.setting(quietHoursKey(), ContactPolicy::defaultClinicQuietHours()));
}

int ClinicSettings::autoLockMinutes() const
{
    return AutoLockSetting::minutes(m_db);
}

int ClinicSettings::maximumAutoLockMinutes()
{
    return AutoLockSetting::MaximumMinutes;
}

Status ClinicSettings::setAutoLockMinutes(int minutes)
{
    return AutoLockSetting::setMinutes(m_db, minutes);
}

QString ClinicSettings::databasePath() const
{
    return m_db.path();
}

QString ClinicSettings::cipherVersion() const
{
    return m_db.cipherVersion();
}

} // namespace frontdesk
