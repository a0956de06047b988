#include "SyncStatus.h"

namespace frontdesk {

SyncStatus::SyncStatus(Database &db, QObject *parent) : QObject(parent), m_outbox(db) {}

void SyncStatus::refresh()
{
    auto pending = m_outbox.waitingRecords();
    if (!pending) {
        // Reported once per new message: this runs on a timer.
        const QString message =
            tr("Could not count the changes waiting to sync: %1").arg(pending.error());
        if (message != m_lastError) {
            m_lastError = message;
            emit errorOccurred(message);
        }
        return;
    }
    m_lastError.clear();
    if (*pending != m_pending) {
        const bool more = *pending > m_pending;
        m_pending = *pending;
        emit changed();
        if (more)
            emit localChangesWaiting();
    }
}

void SyncStatus::setProgress(const SyncProgress &step)
{
    m_progress = step;
    emit changed();
}

void SyncStatus::apply(const SyncReport &state)
{
    m_progress = {};
    if (!state.problem.isEmpty()) {
        if (state.problem != m_lastError) {
            m_lastError = state.problem;
            emit errorOccurred(state.problem);
        }
        return;
    }
    m_lastError.clear();
    m_state = state;
    m_pending = state.waiting;
    emit changed();
}

} // namespace frontdesk
