#pragma once

#include <QDate>
#include <QDateTime>
#include <QVariant>

#include <optional>

namespace frontdesk::columns {

// How the patient-record tables store times and optional values: UTC ms or NULL, ISO dates
// or ''.
inline QVariant fromTime(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}
inline QDateTime toTime(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}
inline QString fromDate(const QDate &d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}
inline QDate toDate(const QVariant &v)
{
    return QDate::fromString(v.toString(), Qt::ISODate);
}
inline QVariant fromNumber(const std::optional<double> &n)
{
    return n ? QVariant(*n) : QVariant(QMetaType(QMetaType::Double));
}
inline std::optional<double> toNumber(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
}

} // namespace frontdesk::columns
