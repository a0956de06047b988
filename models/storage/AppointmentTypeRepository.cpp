#include "AppointmentTypeRepository.h"

namespace frontdesk {

RecordStore::Table AppointmentTypeRepository::table()
{
    return {QStringLiteral("appointment_types"),
            QStringLiteral("AppointmentType"),
            {QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("default_minutes"),
             QStringLiteral("color"), QStringLiteral("active")},
            {},
            QStringLiteral("HealthcareService")};
}

AppointmentTypeRepository::AppointmentTypeRepository(Database &db) : Repository(db, table()) {}

QVariantMap AppointmentTypeRepository::toValues(const AppointmentType &t) const
{
    return {{QStringLiteral("code"), t.code},
            {QStringLiteral("name"), t.name},
            {QStringLiteral("default_minutes"), t.defaultMinutes},
            {QStringLiteral("color"), t.color},
            {QStringLiteral("active"), t.active ? 1 : 0}};
}

AppointmentType AppointmentTypeRepository::fromRecord(const QSqlRecord &r) const
{
    AppointmentType t;
    t.meta = RecordStore::metaFrom(r);
    t.code = r.value(QStringLiteral("code")).toString();
    t.name = r.value(QStringLiteral("name")).toString();
    t.defaultMinutes = r.value(QStringLiteral("default_minutes")).toInt();
    t.color = r.value(QStringLiteral("color")).toString();
    t.active = r.value(QStringLiteral("active")).toInt() != 0;
    return t;
}

Status AppointmentTypeRepository::validate(const AppointmentType &t) const
{
    if (t.code.trimmed().isEmpty() || t.name.trimmed().isEmpty())
        return fail(tr("An appointment type needs a code and a name."));
    if (t.defaultMinutes < 5 || t.defaultMinutes > 24 * 60)
        return fail(tr("The default length must be between 5 minutes and 24 hours."));
    auto same = m_db.scalar(QStringLiteral("SELECT count(*) FROM appointment_types WHERE "
                                           "deleted = 0 AND code = ? AND id <> ?"),
                            {t.code, t.meta.id});
    if (!same)
        return fail(same.error());
    if (same->toInt() > 0)
        return fail(tr("There is already an appointment type with the code \"%1\".").arg(t.code));
    return {};
}

Result<QList<AppointmentType>> AppointmentTypeRepository::active() const
{
    return select(QStringLiteral("WHERE deleted = 0 AND active = 1 ORDER BY name"));
}

Result<std::optional<AppointmentType>> AppointmentTypeRepository::byCode(const QString &code) const
{
    auto found = select(QStringLiteral("WHERE deleted = 0 AND code = ?"), {code});
    if (!found)
        return fail(found.error());
    if (found->isEmpty())
        return std::optional<AppointmentType>();
    return std::optional<AppointmentType>(found->first());
}

} // namespace frontdesk
