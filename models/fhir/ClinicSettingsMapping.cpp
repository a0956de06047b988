#include "ClinicSettingsMapping.h"

#include "FhirJson.h"

#include <QJsonArray>

namespace frontdesk {

namespace {

const QString kName = QStringLiteral("clinic_name");
const QString kPhone = QStringLiteral("clinic_phone");

} // namespace

const QStringList &ClinicSettingsMapping::keys()
{
    static const QStringList k = {
        kName,
        kPhone,
        QStringLiteral("clinic_time_zone"),
        QStringLiteral("phone_country_code"),
        QStringLiteral("late_cancellation_hours"),
        QStringLiteral("auto_lock_minutes"),
        QStringLiteral("message_retention_days"),
        QStringLiteral("clinic_quiet_hours"),
    };
    return k;
}

QJsonObject ClinicSettingsMapping::toFhir(const Values &values)
{
    // org-1: an Organization has a name or an identifier; the identifier is always there, so a
    // clinic that has not named itself yet is still valid.
    QJsonObject o{
        {QStringLiteral("resourceType"), QStringLiteral("Organization")},
        {QStringLiteral("id"), resourceId()},
        {QStringLiteral("identifier"),
         QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("urn:frontdesk:clinic")},
                                {QStringLiteral("value"), resourceId()}}}},
        {QStringLiteral("active"), true},
    };
    if (const QString name = values.value(kName); !name.isEmpty())
        o.insert(QStringLiteral("name"), name);
    if (const QString phone = values.value(kPhone); !phone.isEmpty())
        o.insert(QStringLiteral("telecom"),
                 QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("phone")},
                                        {QStringLiteral("value"), phone},
                                        {QStringLiteral("use"), QStringLiteral("work")}}});
    QJsonArray extensions;
    for (const QString &key : keys()) {
        if (key == kName || key == kPhone)
            continue;
        if (const QString value = values.value(key); !value.isEmpty())
            extensions.append(
                FhirJson::extension(settingUrl(key), QStringLiteral("valueString"), value));
    }
    if (!extensions.isEmpty())
        o.insert(QStringLiteral("extension"), extensions);
    return o;
}

Result<ClinicSettingsMapping::Values> ClinicSettingsMapping::fromFhir(const QJsonObject &resource)
{
    if (auto s = FhirJson::expectType(resource, QStringLiteral("Organization")); !s)
        return fail(s.error());
    const QJsonValue id = resource.value(QStringLiteral("id"));
    if (!id.isUndefined() && id.toString() != resourceId())
        return fail(tr("The clinic's settings are the Organization with id \"%1\"; got \"%2\".")
                        .arg(resourceId(), id.toString()));
    Values values;
    const QJsonValue name = resource.value(QStringLiteral("name"));
    if (!name.isUndefined()) {
        if (!name.isString())
            return fail(tr("Organization.name must be text."));
        if (!name.toString().trimmed().isEmpty())
            values.insert(kName, name.toString().trimmed());
    }
    for (const QJsonValue &t : resource.value(QStringLiteral("telecom")).toArray()) {
        const QJsonObject contact = t.toObject();
        if (contact.value(QStringLiteral("system")).toString() != QLatin1String("phone"))
            continue;
        const QString phone = contact.value(QStringLiteral("value")).toString().trimmed();
        if (!phone.isEmpty() && !values.contains(kPhone))
            values.insert(kPhone, phone);
    }
    const QString prefix = settingUrl(QString());
    const QJsonArray extensions = resource.value(QStringLiteral("extension")).toArray();
    for (int i = 0; i < extensions.size(); ++i) {
        const QJsonObject ext = extensions.at(i).toObject();
        const QString url = ext.value(QStringLiteral("url")).toString();
        if (!url.startsWith(prefix))
            continue;
        const QString key = url.mid(prefix.size());
        if (!keys().contains(key) || key == kName || key == kPhone)
            continue;
        const QJsonValue value = ext.value(QStringLiteral("valueString"));
        if (!value.isString())
            return fail(
                tr("Organization.extension[%1] (%2) must have a valueString.").arg(i).arg(url));
        if (!value.toString().trimmed().isEmpty())
            values.insert(key, value.toString().trimmed());
    }
    return values;
}

} // namespace frontdesk
