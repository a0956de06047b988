#pragma once

#include "access/AuditQuery.h"

#include <QAbstractTableModel>

namespace frontdesk {

class Database;

// The audit trail as the managers' viewer shows it: one row per entry, newest first, for the
// filter set last. Reading it needs the audit-viewer permission (AuditQuery checks).
class AuditTrailModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        User,
        Action,
        Outcome,
        Record,
        Patient,
        Details,
        ColumnCount
    };
    // The action, outcome and record type as stored ("clinical-read"); the display shows their
    // names in the person's language (AuditLabels).
    static constexpr int CodeRole = Qt::UserRole + 1;

    explicit AuditTrailModel(Database &db, QObject *parent = nullptr);

    // Reloads with this filter; on failure the model is empty and the message says why.
    Status setFilter(const AuditQuery::Filter &filter);
    const AuditQuery::Filter &filter() const { return m_filter; }
    const QList<AuditEntry> &entries() const { return m_entries; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Database &m_db;
    AuditQuery::Filter m_filter;
    QList<AuditEntry> m_entries;
};

} // namespace frontdesk
