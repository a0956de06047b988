#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QString>

namespace frontdesk {

// What a staff password must be: at least MinimumLength characters, not one of the common
// passwords shipped with the app (resources/access/common-passwords.txt) nor one of them with
// digits or symbols added at the end, and not the user name. The reason reaches the person.
class PasswordPolicy
{
    Q_DECLARE_TR_FUNCTIONS(PasswordPolicy)
public:
    static constexpr int MinimumLength = 12;

    static Status check(const QString &password, const QString &username = {});
    static bool isCommon(const QString &password);
};

} // namespace frontdesk
