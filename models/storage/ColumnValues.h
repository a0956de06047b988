#pragma once

#include "domain/ClinicalCode.h"

#include <QDate>
#include <QDateTime>
#include <QSqlRecord>
#include <QVariant>
#include <QVariantMap>

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

// A coded concept is stored in three columns: code_system, code, display.
inline void putCode(QVariantMap &values, const ClinicalCode &code)
{
    values.insert(QStringLiteral("code_system"), code.system);
    values.insert(QStringLiteral("code"), code.code);
    values.insert(QStringLiteral("display"), code.display);
}
inline ClinicalCode toCode(const QSqlRecord &record)
{
    return {record.value(QStringLiteral("code_system")).toString(),
            record.value(QStringLiteral("code")).toString(),
            record.value(QStringLiteral("display")).toString()};
}

} // namespace frontdesk::columns
