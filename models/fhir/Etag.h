#pragma once

#include <QString>

#include <optional>

namespace frontdesk {

// A resource version as FHIR's ETag and ifMatch write it: W/"3". The server reads If-Match
// with it, the sync engine the versions in a transaction-response and a history page.
// "W/\"3\"" or "3" -> 3; nullopt when it is no version.
inline std::optional<qint64> versionFromEtag(QString tag)
{
    tag = tag.trimmed();
    if (tag.startsWith(QLatin1String("W/")))
        tag = tag.mid(2);
    if (tag.startsWith(QLatin1Char('"')) && tag.endsWith(QLatin1Char('"')) && tag.size() >= 2)
        tag = tag.mid(1, tag.size() - 2);
    bool ok = false;
    const qint64 v = tag.toLongLong(&ok);
    if (!ok || v < 1)
        return std::nullopt;
    return v;
}

} // namespace frontdesk
