#pragma once

#include <QString>

namespace frontdesk {

// The bookkeeping every syncable record carries (see migrations/001_initial.sql).
struct RecordMeta
{
    QString id;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 version = 0;
    QString serverVersion;
    QString syncState;
    bool deleted = false;

    bool isNew() const { return version == 0; }
};

namespace SyncState {
inline QString pending()
{
    return QStringLiteral("pending");
}
inline QString synced()
{
    return QStringLiteral("synced");
}
inline QString conflict()
{
    return QStringLiteral("conflict");
}
inline QString rejected()
{
    return QStringLiteral("rejected");
}
// Demo data made by `frontdeskctl seed`: never pushed to a server.
inline QString demo()
{
    return QStringLiteral("demo");
}
} // namespace SyncState

} // namespace frontdesk
