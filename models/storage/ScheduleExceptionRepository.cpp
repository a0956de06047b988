#include "ScheduleExceptionRepository.h"

namespace frontdesk {

RecordStore::Table ScheduleExceptionRepository::table()
{
    return {QStringLiteral("schedule_exceptions"),
            QStringLiteral("ScheduleException"),
            {QStringLiteral("practitioner_id"), QStringLiteral("kind"), QStringLiteral("start_at"),
             QStringLiteral("end_at"), QStringLiteral("note")},
            {},
            QStringLiteral("Slot")};
}

ScheduleExceptionRepository::ScheduleExceptionRepository(Database &db) : Repository(db, table()) {}

QVariantMap ScheduleExceptionRepository::toValues(const ScheduleException &e) const
{
    return {{QStringLiteral("practitioner_id"),
             e.practitionerId.isEmpty() ? QVariant() : QVariant(e.practitionerId)},
            {QStringLiteral("kind"), ScheduleException::kindName(e.kind)},
            {QStringLiteral("start_at"), e.start.toMSecsSinceEpoch()},
            {QStringLiteral("end_at"), e.end.toMSecsSinceEpoch()},
            {QStringLiteral("note"), e.note}};
}

ScheduleException ScheduleExceptionRepository::fromRecord(const QSqlRecord &r) const
{
    ScheduleException e;
    e.meta = RecordStore::metaFrom(r);
    e.practitionerId = r.value(QStringLiteral("practitioner_id")).toString();
    e.kind = ScheduleException::kindFromName(r.value(QStringLiteral("kind")).toString())
                 .value_or(ScheduleException::Kind::Blocked);
    e.start =
        QDateTime::fromMSecsSinceEpoch(r.value(QStringLiteral("start_at")).toLongLong(), Qt::UTC);
    e.end = QDateTime::fromMSecsSinceEpoch(r.value(QStringLiteral("end_at")).toLongLong(), Qt::UTC);
    e.note = r.value(QStringLiteral("note")).toString();
    return e;
}

Status ScheduleExceptionRepository::validate(const ScheduleException &e) const
{
    if (!e.start.isValid() || !e.end.isValid() || e.end <= e.start)
        return fail(tr("Time off must end after it starts."));
    if (e.kind == ScheduleException::Kind::Leave && e.practitionerId.isEmpty())
        return fail(tr("Leave belongs to a practitioner; choose one."));
    return {};
}

Result<QList<ScheduleException>>
ScheduleExceptionRepository::between(const QDateTime &fromUtc, const QDateTime &toUtc,
                                     const QString &practitionerId) const
{
    const QVariantList span{toUtc.toMSecsSinceEpoch(), fromUtc.toMSecsSinceEpoch()};
    if (practitionerId.isEmpty())
        return select(QStringLiteral("WHERE deleted = 0 AND start_at < ? AND end_at > ? "
                                     "ORDER BY start_at"),
                      span);
    return select(QStringLiteral("WHERE deleted = 0 AND start_at < ? AND end_at > ? AND "
                                 "(practitioner_id IS NULL OR practitioner_id = ?) "
                                 "ORDER BY start_at"),
                  span + QVariantList{practitionerId});
}

} // namespace frontdesk
