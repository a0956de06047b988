#include "PatientValidation.h"

#include "core/LocaleFormat.h"

#include <QLocale>
#include <QRegularExpression>

namespace frontdesk {

bool PatientValidation::isPhoneNumber(const QString &text)
{
    static const QRegularExpression allowed(QStringLiteral("^\\+?[0-9 ()/.\\-]+$"));
    const QString t = text.trimmed();
    if (!allowed.match(t).hasMatch())
        return false;
    int digits = 0;
    for (const QChar c : t)
        digits += c.isDigit() ? 1 : 0;
    // E.164 allows 15 digits; anything under 6 is an extension, not a number to call back.
    return digits >= 6 && digits <= 15;
}

bool PatientValidation::isEmailAddress(const QString &text)
{
    static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$"));
    return email.match(text.trimmed()).hasMatch();
}

QMap<QString, QString> PatientValidation::check(const Patient &p, const QDate &today)
{
    QMap<QString, QString> errors;
    if (p.mrn.trimmed().isEmpty())
        errors.insert(QStringLiteral("mrn"), tr("A patient needs a medical record number (MRN)."));
    if (p.familyName.trimmed().isEmpty())
        errors.insert(QStringLiteral("familyName"), tr("A patient needs a family name."));
    if (p.birthDate.isValid() && today.isValid() && p.birthDate > today)
        errors.insert(
            QStringLiteral("birthDate"),
            tr("The birth date %1 is in the future.").arg(LocaleFormat::fullYearDate(p.birthDate)));
    else if (p.birthDate.isValid() && p.birthDate.year() < 1880)
        errors.insert(QStringLiteral("birthDate"), tr("The birth date is before 1880."));
    static const QStringList sexes{QStringLiteral("female"), QStringLiteral("male"),
                                   QStringLiteral("other"), QStringLiteral("unknown")};
    if (!sexes.contains(p.sex))
        errors.insert(QStringLiteral("sex"),
                      tr("Sex must be female, male, other or unknown; got \"%1\".").arg(p.sex));
    const QString phoneHint = tr("Enter a phone number of 6 to 15 digits, e.g. +49 170 1234567 "
                                 "or 0170 1234567.");
    if (!p.phoneMobile.trimmed().isEmpty() && !isPhoneNumber(p.phoneMobile))
        errors.insert(QStringLiteral("phoneMobile"), phoneHint);
    if (!p.phoneHome.trimmed().isEmpty() && !isPhoneNumber(p.phoneHome))
        errors.insert(QStringLiteral("phoneHome"), phoneHint);
    if (!p.emergencyContactPhone.trimmed().isEmpty() && !isPhoneNumber(p.emergencyContactPhone))
        errors.insert(QStringLiteral("emergencyContactPhone"), phoneHint);
    if (!p.email.trimmed().isEmpty() && !isEmailAddress(p.email))
        errors.insert(QStringLiteral("email"),
                      tr("Enter an e-mail address such as name@example.org."));
    return errors;
}

QMap<QString, QString> PatientValidation::checkForEditing(const Patient &p, const QDate &today)
{
    QMap<QString, QString> errors = check(p, today);
    if (p.preferredChannel == QLatin1String("email") && p.email.trimmed().isEmpty() &&
        !errors.contains(QStringLiteral("email")))
        errors.insert(QStringLiteral("email"),
                      tr("E-mail is the preferred channel: enter an e-mail address."));
    if (p.preferredChannel == QLatin1String("sms") && p.phoneMobile.trimmed().isEmpty() &&
        !errors.contains(QStringLiteral("phoneMobile")))
        errors.insert(QStringLiteral("phoneMobile"),
                      tr("SMS is the preferred channel: enter a mobile number."));
    if (!p.emergencyContactPhone.trimmed().isEmpty() && p.emergencyContactName.trimmed().isEmpty())
        errors.insert(QStringLiteral("emergencyContactName"),
                      tr("Whose number is the emergency phone? Enter their name."));
    return errors;
}

} // namespace frontdesk
