#include "DatabaseTableModel.h"

#include "database/Database.h"
#include "domain/RecordMeta.h"

namespace frontdesk {

DatabaseTableModel::DatabaseTableModel(Database &db, QObject *parent)
    : QAbstractTableModel(parent), m_db(db)
{}

ClinicTime DatabaseTableModel::clinicTime() const
{
    return ClinicTime::fromZoneName(m_db.setting(ClinicTime::settingKey()));
}

void DatabaseTableModel::reportError(const QString &message)
{
    m_lastError = message;
    emit errorOccurred(message);
}

QString DatabaseTableModel::syncStateText(const QString &syncState)
{
    if (syncState == SyncState::pending())
        return tr("Waiting to sync");
    if (syncState == SyncState::synced())
        return tr("Synced");
    if (syncState == SyncState::conflict())
        return tr("Conflict");
    if (syncState == SyncState::rejected())
        return tr("Rejected by server");
    if (syncState == SyncState::demo())
        return tr("Demo data");
    return syncState;
}

} // namespace frontdesk
