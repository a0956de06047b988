#pragma once

#include "core/Result.h"

#include <QCoreApplication>

namespace frontdesk {

class Database;

// After how many idle minutes the workstation locks (settings key auto_lock_minutes). An
// administrator sets it; the change is audited.
class AutoLockSetting
{
    Q_DECLARE_TR_FUNCTIONS(AutoLockSetting)
public:
    static constexpr int DefaultMinutes = 5;
    static constexpr int MaximumMinutes = 240;
    static QString key() { return QStringLiteral("auto_lock_minutes"); }

    static int minutes(const Database &db);
    static Status setMinutes(Database &db, int minutes);
};

} // namespace frontdesk
