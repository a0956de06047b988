#include "AutoLockSetting.h"

#include "access/AccessGuard.h"
#include "access/AuditLog.h"
#include "database/Database.h"
#include "storage/SharedSettings.h"

namespace frontdesk {

int AutoLockSetting::minutes(const Database &db)
{
    bool ok = false;
    const int value = db.setting(key()).toInt(&ok);
    return ok && value >= 1 && value <= MaximumMinutes ? value : DefaultMinutes;
}

Status AutoLockSetting::setMinutes(Database &db, int minutes)
{
    if (auto s = AccessGuard(db).require(Permission::ManageSettings); !s)
        return s;
    if (minutes < 1 || minutes > MaximumMinutes)
        return fail(tr("The idle time before the workstation locks must be from 1 to %1 minutes.")
                        .arg(MaximumMinutes));
    const int before = AutoLockSetting::minutes(db);
    if (before == minutes)
        return {};
    return AuditLog(db).changeSetting(key(), before, minutes, [&] {
        return SharedSettings(db).set(key(), QString::number(minutes));
    });
}

} // namespace frontdesk
