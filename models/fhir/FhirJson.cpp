#include "FhirJson.h"

#include <QRegularExpression>

namespace frontdesk {

QJsonObject FhirJson::extension(const QString &url, const QString &valueKey,
                                const QJsonValue &value)
{
    return QJsonObject{{QStringLiteral("url"), url}, {valueKey, value}};
}

QJsonValue FhirJson::extensionValue(const QJsonObject &o, const QString &url,
                                    const QString &valueKey)
{
    for (const QJsonValue &e : o.value(QStringLiteral("extension")).toArray()) {
        const QJsonObject ext = e.toObject();
        if (ext.value(QStringLiteral("url")).toString() == url)
            return ext.value(valueKey);
    }
    return QJsonValue(QJsonValue::Undefined);
}

Status FhirJson::expectType(const QJsonObject &o, const QString &type)
{
    if (o.value(QStringLiteral("resourceType")).toString() == type)
        return {};
    return fail(tr("resourceType must be %1.").arg(type));
}

QJsonObject FhirJson::reference(const QString &type, const QString &id)
{
    return QJsonObject{{QStringLiteral("reference"), type + QLatin1Char('/') + id}};
}

Result<QString> FhirJson::referenceId(const QJsonObject &reference, const QString &type,
                                      const QString &path, bool required)
{
    const QString ref = reference.value(QStringLiteral("reference")).toString();
    if (ref.isEmpty()) {
        if (required)
            return fail(tr("%1 is missing: it must read %2/ID.").arg(path, type));
        return QString();
    }
    static const QRegularExpression id(QStringLiteral("^[A-Za-z0-9\\-.]{1,64}$"));
    const QString prefix = type + QLatin1Char('/');
    if (!ref.startsWith(prefix) || !id.match(ref.mid(prefix.size())).hasMatch())
        return fail(tr("%1 must read %2/ID; got \"%3\".").arg(path, type, ref));
    return ref.mid(prefix.size());
}

QString FhirJson::instant(const QDateTime &t)
{
    return t.toUTC().toString(t.time().msec() == 0 ? Qt::ISODate : Qt::ISODateWithMs);
}

Result<QDateTime> FhirJson::readInstant(const QJsonObject &o, const QString &key)
{
    const QString text = o.value(key).toString();
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    // FHIR's instant needs seconds and a zone; a local time would be read in the reader's zone.
    static const QRegularExpression zoned(QStringLiteral(
        "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$"));
    if (text.isEmpty() || !t.isValid() || !zoned.match(text).hasMatch())
        return fail(tr("%1 must be an instant with seconds and a time zone, e.g. "
                       "2026-07-06T09:00:00Z; got \"%2\".")
                        .arg(key, text));
    return t.toUTC();
}

Result<QDate> FhirJson::readDate(const QJsonObject &o, const QString &key, const QString &path,
                                 bool required)
{
    const QString text = o.value(key).toString();
    if (text.isEmpty() && !required)
        return QDate();
    const QDate d = QDate::fromString(text, Qt::ISODate);
    if (text.size() != 10 || !d.isValid())
        return fail(tr("%1 must be a date (YYYY-MM-DD); got \"%2\".").arg(path, text));
    return d;
}

QString FhirJson::time(int minuteOfDay)
{
    if (minuteOfDay >= 24 * 60)
        return QStringLiteral("23:59:59");
    return QTime(minuteOfDay / 60, minuteOfDay % 60).toString(QStringLiteral("HH:mm:ss"));
}

Result<int> FhirJson::readTime(const QJsonValue &v, const QString &path)
{
    const QString text = v.toString();
    const QTime t = QTime::fromString(text, QStringLiteral("HH:mm:ss"));
    if (!v.isString() || !t.isValid())
        return fail(tr("%1 must be a time of day (hh:mm:ss); got \"%2\".").arg(path, text));
    if (text == QLatin1String("23:59:59"))
        return 24 * 60;
    return t.hour() * 60 + t.minute();
}

Result<QString> FhirJson::readCode(const QJsonValue &v, const QStringList &allowed,
                                   const QString &path)
{
    const QString code = v.toString();
    if (!v.isString() || !allowed.contains(code))
        return fail(tr("%1 must be one of %2; got \"%3\".")
                        .arg(path, allowed.join(QStringLiteral(", ")), code));
    return code;
}

Result<int> FhirJson::readInteger(const QJsonValue &v, int min, int max, const QString &path)
{
    const double n = v.toDouble(-1e18);
    if (!v.isDouble() || n != double(qint64(n)) || n < min || n > max)
        return fail(tr("%1 must be a whole number from %2 to %3.").arg(path).arg(min).arg(max));
    return int(n);
}

} // namespace frontdesk
