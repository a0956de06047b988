#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace frontdesk {

// The small pieces of FHIR JSON every mapping reads and writes alike: extensions, references,
// instants, dates and times of day. Readers fail with a message that names the element.
class FhirJson
{
    Q_DECLARE_TR_FUNCTIONS(FhirJson)
public:
    static QJsonObject extension(const QString &url, const QString &valueKey,
                                 const QJsonValue &value);
    // The value of the first extension with this url, or undefined.
    static QJsonValue extensionValue(const QJsonObject &o, const QString &url,
                                     const QString &valueKey);

    static Status expectType(const QJsonObject &o, const QString &type);

    // Who made a version at frontdesk-server: an extension of the resource's meta, valueString
    // the staff member (or workstation) the change was made for.
    static QString changedByUrl() { return QStringLiteral("urn:frontdesk:changed-by"); }
    // Its value in a resource as the server returns it; empty when meta does not say.
    static QString changedBy(const QJsonObject &resource)
    {
        return extensionValue(resource.value(QStringLiteral("meta")).toObject(), changedByUrl(),
                              QStringLiteral("valueString"))
            .toString();
    }

    // {"reference": "TYPE/ID"}
    static QJsonObject reference(const QString &type, const QString &id);
    // The ID of a reference that must read TYPE/ID; `path` names the element in the message.
    // An empty or missing reference is an empty ID unless `required`.
    static Result<QString> referenceId(const QJsonObject &reference, const QString &type,
                                       const QString &path, bool required);
    // The same for the reference's text itself.
    static Result<QString> referenceId(const QString &reference, const QString &type,
                                       const QString &path, bool required);

    // FHIR's id: 1 to 64 of A-Z, a-z, 0-9, '-' and '.'.
    static bool isId(QStringView text);
    // The form of FHIR's instant: yyyy-mm-ddThh:mm:ss, a fraction of a second or none, then Z
    // or +hh:mm / -hh:mm. Whether it is a real date and time, QDateTime says.
    static bool hasInstantForm(QStringView text);

    static QString instant(const QDateTime &t);
    // An instant with seconds and a time zone, as UTC.
    static Result<QDateTime> readInstant(const QJsonObject &o, const QString &key);

    static QString date(const QDate &d) { return d.toString(Qt::ISODate); }
    static Result<QDate> readDate(const QJsonObject &o, const QString &key, const QString &path,
                                  bool required);

    // FHIR's time (hh:mm:ss) for minutes after midnight. The end of the day (1440), which a
    // time cannot say, is written 23:59:59 and read back as 1440.
    static QString time(int minuteOfDay);
    static Result<int> readTime(const QJsonValue &v, const QString &path);

    // A code that must be one of `allowed`.
    static Result<QString> readCode(const QJsonValue &v, const QStringList &allowed,
                                    const QString &path);
    // A whole number within [min, max].
    static Result<int> readInteger(const QJsonValue &v, int min, int max, const QString &path);
};

} // namespace frontdesk
