#include "ClinicSettings.h"

#include "access/AutoLockSetting.h"
#include "database/Database.h"
#include "kpi/KpiDefinitions.h"
#include "storage/MessageRetention.h"

#include <QRegularExpression>
#include <QTimeZone>

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

Status ClinicSettings::validate(const QString &key, const QString &value)
{
    if (value.isEmpty())
        return {};
    auto number = [&](int min, int max) -> Status {
        bool ok = false;
        const int n = value.toInt(&ok);
        if (ok && n >= min && n <= max)
            return {};
        return fail(tr("The setting %1 must be a whole number from %2 to %3; got \"%4\".")
                        .arg(key)
                        .arg(min)
                        .arg(max)
                        .arg(value.left(40)));
    };
    if (key == QLatin1String("clinic_name")) {
        if (value.size() > 200)
            return fail(tr("The clinic's name is longer than 200 characters."));
        return {};
    }
    if (key == clinicPhoneKey()) {
        static const QRegularExpression phone(QStringLiteral("^\\+?[0-9 ()/-]{3,40}$"));
        if (!phone.match(value).hasMatch())
            return fail(
                tr("The clinic's phone number \"%1\" is not a phone number.").arg(value.left(40)));
        return {};
    }
    if (key == ClinicTime::settingKey()) {
        if (!QTimeZone(value.toUtf8()).isValid())
            return fail(tr("\"%1\" is not a time zone; use its IANA name, e.g. Europe/Berlin.")
                            .arg(value.left(60)));
        return {};
    }
    if (key == QLatin1String("phone_country_code")) {
        static const QRegularExpression code(QStringLiteral("^[1-9][0-9]{0,2}$"));
        if (!code.match(value).hasMatch())
            return fail(tr("The phone country code must be 1 to 3 digits, e.g. 49; got \"%1\".")
                            .arg(value.left(40)));
        return {};
    }
    if (key == KpiDefinitions::lateCancellationHoursSettingKey())
        return number(0, 14 * 24);
    if (key == AutoLockSetting::key())
        return number(1, AutoLockSetting::MaximumMinutes);
    if (key == MessageRetention::key())
        return number(0, MessageRetention::MaximumDays);
    if (key == quietHoursKey()) {
        if (auto q = QuietHours::parse(value); !q)
            return fail(q.error());
        return {};
    }
    return fail(tr("%1 is not a setting of the clinic.").arg(key));
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
