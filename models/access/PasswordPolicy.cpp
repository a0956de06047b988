#include "PasswordPolicy.h"

#include <QFile>
#include <QSet>

namespace frontdesk {

namespace {

const QSet<QString> &commonPasswords()
{
    static const QSet<QString> list = [] {
        QSet<QString> set;
        QFile file(QStringLiteral(":/access/common-passwords.txt"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("The list of common passwords is missing from the build.");
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine()).trimmed();
            if (!line.isEmpty())
                set.insert(line);
        }
        return set;
    }();
    return list;
}

// "Password2026!" is "password" with a decoration people add to pass a length rule.
QString withoutDecoration(const QString &lowered)
{
    qsizetype end = lowered.size();
    while (end > 0 && !lowered.at(end - 1).isLetter())
        --end;
    return lowered.left(end);
}

} // namespace

bool PasswordPolicy::isCommon(const QString &password)
{
    const QString lowered = password.toLower();
    if (commonPasswords().contains(lowered))
        return true;
    const QString stem = withoutDecoration(lowered);
    return stem.size() >= 4 && commonPasswords().contains(stem);
}

Status PasswordPolicy::check(const QString &password, const QString &username)
{
    const auto length = password.toUcs4().size();
    if (length < MinimumLength)
        return fail(tr("The password is too short: it has %1 characters and needs at least %2.")
                        .arg(length)
                        .arg(MinimumLength));
    if (password.trimmed() != password)
        return fail(tr("The password must not start or end with a space."));
    if (isCommon(password))
        return fail(tr("This password is on the list of common passwords that attackers try "
                       "first. Choose another one, e.g. several unrelated words."));
    if (!username.isEmpty() && password.contains(username, Qt::CaseInsensitive))
        return fail(tr("The password must not contain the user name."));
    QSet<QChar> distinct(password.begin(), password.end());
    if (distinct.size() < 4)
        return fail(tr("The password repeats too few different characters (%1); use more.")
                        .arg(distinct.size()));
    return {};
}

} // namespace frontdesk
