#include "SharedSettings.h"

#include "access/AccessGuard.h"
#include "access/AuditLog.h"
#include "database/Database.h"
#include "domain/ClinicTime.h"
#include "domain/QuietHours.h"
#include "storage/AutoLockSetting.h"
#include "storage/MessageRetention.h"
#include "storage/Outbox.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace frontdesk {

namespace {

Status writeValue(Database &db, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        return db.setSetting(key, value);
    auto q = db.query(QStringLiteral("DELETE FROM settings WHERE key = ?"), {key});
    return q ? Status() : fail(q.error());
}

} // namespace

Status SharedSettings::validate(const QString &key, const QString &value)
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
    if (key == QLatin1String("clinic_phone")) {
        static const QRegularExpression phone(QStringLiteral("^\\+?[0-9 ()/-]{3,40}$"));
        if (!phone.match(value).hasMatch())
            return fail(
                tr("The clinic's phone number \"%1\" is not a phone number.").arg(value.left(40)));
        return {};
    }
    if (key == ClinicTime::settingKey()) {
        if (!QTimeZone::isTimeZoneIdAvailable(value.toUtf8()))
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
    // Read by the dashboard (KpiDefinitions::lateCancellationHoursSettingKey()).
    if (key == QLatin1String("late_cancellation_hours"))
        return number(0, 14 * 24);
    if (key == AutoLockSetting::key())
        return number(1, AutoLockSetting::MaximumMinutes);
    if (key == MessageRetention::key())
        return number(0, MessageRetention::MaximumDays);
    if (key == QLatin1String("clinic_quiet_hours")) {
        if (auto q = QuietHours::parse(value); !q)
            return fail(q.error());
        return {};
    }
    return fail(tr("%1 is not a setting of the clinic.").arg(key));
}

Status SharedSettings::set(const QString &key, const QString &value)
{
    if (!ClinicSettingsMapping::isShared(key))
        return fail(tr("%1 is not a setting of the clinic.").arg(key));
    const QString v = value.trimmed();
    if (auto s = validate(key, v); !s)
        return s;
    if (m_db.setting(key) == v)
        return {};
    return m_db.write([&]() -> Status {
        if (auto s = writeValue(m_db, key, v); !s)
            return s;
        auto current = meta();
        if (!current)
            return fail(current.error());
        const qint64 now = m_db.clock().nowMs();
        const qint64 version = current->has_value() ? (*current)->version + 1 : 1;
        const auto q = current->has_value()
                           ? m_db.query(QStringLiteral("UPDATE clinic_settings_sync SET version = "
                                                       "?, sync_state = ?, updated_at = ? WHERE "
                                                       "id = ?"),
                                        {version, SyncState::pending(), now,
                                         ClinicSettingsMapping::resourceId()})
                           : m_db.query(QStringLiteral("INSERT INTO clinic_settings_sync (id, "
                                                       "version, sync_state, updated_at) VALUES "
                                                       "(?, ?, ?, ?)"),
                                        {ClinicSettingsMapping::resourceId(), version,
                                         SyncState::pending(), now});
        if (!q)
            return fail(q.error());
        OutboxEntry entry;
        entry.resourceType = resourceType();
        entry.resourceId = ClinicSettingsMapping::resourceId();
        // The clinic's record always exists at the server once anyone set anything: an update
        // on top of the version this workstation last saw (none: the server's first).
        entry.operation = OutboxEntry::Operation::Update;
        entry.baseVersion = current->has_value() ? (*current)->serverVersion : QString();
        entry.localVersion = version;
        return Outbox(m_db).enqueue(entry);
    });
}

Status SharedSettings::change(const QString &key, const QString &value)
{
    if (auto s = AccessGuard(m_db).require(Permission::ManageSettings); !s)
        return s;
    const QString before = m_db.setting(key);
    const QString after = value.trimmed();
    if (before == after && ClinicSettingsMapping::isShared(key))
        return {};
    return AuditLog(m_db).changeSetting(key, before, after, [&] { return set(key, after); });
}

Result<ClinicSettingsMapping::Values> SharedSettings::values() const
{
    ClinicSettingsMapping::Values out;
    for (const QString &key : ClinicSettingsMapping::keys()) {
        if (const QString v = m_db.setting(key); !v.isEmpty())
            out.insert(key, v);
    }
    return out;
}

Result<std::optional<RecordMeta>> SharedSettings::meta() const
{
    auto q = m_db.query(QStringLiteral("SELECT version, server_version, sync_state, updated_at "
                                       "FROM clinic_settings_sync WHERE id = ?"),
                        {ClinicSettingsMapping::resourceId()});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return std::optional<RecordMeta>();
    RecordMeta m;
    m.id = ClinicSettingsMapping::resourceId();
    m.version = q->value(0).toLongLong();
    m.serverVersion = q->value(1).toString();
    m.syncState = q->value(2).toString();
    m.updatedAt = q->value(3).toLongLong();
    m.createdAt = m.updatedAt;
    return std::optional<RecordMeta>(m);
}

Status SharedSettings::applyServer(const ClinicSettingsMapping::Values &values,
                                   qint64 serverVersion)
{
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (auto s = validate(it.key(), it.value()); !s)
            return s;
    }
    return m_db.write([&]() -> Status {
        for (const QString &key : ClinicSettingsMapping::keys()) {
            if (auto s = writeValue(m_db, key, values.value(key)); !s)
                return s;
        }
        auto current = meta();
        if (!current)
            return fail(current.error());
        const qint64 now = m_db.clock().nowMs();
        const QString version = QString::number(serverVersion);
        const auto q =
            current->has_value()
                ? m_db.query(
                      QStringLiteral("UPDATE clinic_settings_sync SET server_version = ?, "
                                     "sync_state = ?, updated_at = ? WHERE id = ?"),
                      {version, SyncState::synced(), now, ClinicSettingsMapping::resourceId()})
                : m_db.query(
                      QStringLiteral("INSERT INTO clinic_settings_sync (id, version, "
                                     "server_version, sync_state, updated_at) VALUES (?, "
                                     "1, ?, ?, ?)"),
                      {ClinicSettingsMapping::resourceId(), version, SyncState::synced(), now});
        return q ? Status() : fail(q.error());
    });
}

} // namespace frontdesk
