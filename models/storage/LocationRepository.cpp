#include "LocationRepository.h"

namespace frontdesk {

RecordStore::Table LocationRepository::table()
{
    return {QStringLiteral("locations"),
            QStringLiteral("Location"),
            {QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("description"),
             QStringLiteral("active")},
            {}};
}

LocationRepository::LocationRepository(Database &db) : Repository(db, table()) {}

QVariantMap LocationRepository::toValues(const Location &l) const
{
    return {{QStringLiteral("name"), l.name},
            {QStringLiteral("kind"), l.kind},
            {QStringLiteral("description"), l.description},
            {QStringLiteral("active"), l.active ? 1 : 0}};
}

Location LocationRepository::fromRecord(const QSqlRecord &r) const
{
    Location l;
    l.meta = RecordStore::metaFrom(r);
    l.name = r.value(QStringLiteral("name")).toString();
    l.kind = r.value(QStringLiteral("kind")).toString();
    l.description = r.value(QStringLiteral("description")).toString();
    l.active = r.value(QStringLiteral("active")).toInt() != 0;
    return l;
}

Status LocationRepository::validate(const Location &l) const
{
    if (l.name.trimmed().isEmpty())
        return fail(tr("A room or location needs a name."));
    return {};
}

Result<QList<Location>> LocationRepository::active() const
{
    return select(QStringLiteral("WHERE deleted = 0 AND active = 1 ORDER BY name"));
}

} // namespace frontdesk
