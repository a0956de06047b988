#include "FhirJson.h"

#include <algorithm>
#include <iterator>

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
    return referenceId(reference.value(QStringLiteral("reference")).toString(), type, path,
                       required);
}

Result<QString> FhirJson::referenceId(const QString &reference, const QString &type,
                                      const QString &path, bool required)
{
    if (reference.isEmpty()) {
        if (required)
            return fail(tr("%1 is missing: it must read %2/ID.").arg(path, type));
        return QString();
    }
    const qsizetype prefix = type.size() + 1;
    if (!reference.startsWith(type) || reference.size() <= prefix ||
        reference.at(type.size()) != QLatin1Char('/') ||
        !isId(QStringView(reference).sliced(prefix)))
        return fail(tr("%1 must read %2/ID; got \"%3\".").arg(path, type, reference));
    return reference.sliced(prefix);
}

bool FhirJson::isId(QStringView text)
{
    if (text.isEmpty() || text.size() > 64)
        return false;
    return std::all_of(text.begin(), text.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') ||
               u == u'-' || u == u'.';
    });
}

bool FhirJson::hasInstantForm(QStringView text)
{
    // Each character of "yyyy-mm-ddThh:mm:ss": a digit where the pattern has a letter.
    static constexpr char16_t kPattern[] = u"dddd-dd-ddTdd:dd:dd";
    constexpr qsizetype kLength = std::size(kPattern) - 1;
    const auto digit = [](QChar c) { return c.unicode() >= u'0' && c.unicode() <= u'9'; };
    if (text.size() < kLength + 1)
        return false;
    for (qsizetype i = 0; i < kLength; ++i) {
        if (kPattern[i] == u'd' ? !digit(text[i]) : text[i].unicode() != kPattern[i])
            return false;
    }
    qsizetype at = kLength;
    if (text[at] == QLatin1Char('.')) {
        const qsizetype first = ++at;
        while (at < text.size() && digit(text[at]))
            ++at;
        if (at == first)
            return false;
    }
    const QStringView zone = text.sliced(at);
    if (zone == u"Z")
        return true;
    return zone.size() == 6 && (zone[0] == QLatin1Char('+') || zone[0] == QLatin1Char('-')) &&
           digit(zone[1]) && digit(zone[2]) && zone[3] == QLatin1Char(':') && digit(zone[4]) &&
           digit(zone[5]);
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
    if (text.isEmpty() || !t.isValid() || !hasInstantForm(text))
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
