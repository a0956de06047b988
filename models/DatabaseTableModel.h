#pragma once

#include "RowDiff.h"
#include "domain/ClinicTime.h"

#include <QAbstractTableModel>
#include <QString>

namespace frontdesk {

class Database;

// What the table models over the local database share: the database, the clinic's calendar and
// error reporting. A failed load keeps the rows shown before (or none), remembers the message
// and emits errorOccurred, so the window can tell the user instead of showing a silent gap.
class DatabaseTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role
    {
        IdRole = Qt::UserRole, // the record's id
        StatusKeyRole,         // the stored status name ("no-show", "failed"), for colouring
        FirstCustomRole = Qt::UserRole + 16,
    };

    // Loads from the database; a new model is empty until the first refresh, so its owner can
    // connect errorOccurred first.
    virtual void refresh() = 0;
    QString lastError() const { return m_lastError; }

    // How a record's sync_state reads in a list.
    static QString syncStateText(const QString &syncState);

signals:
    void errorOccurred(const QString &message);

protected:
    DatabaseTableModel(Database &db, QObject *parent);

    Database &database() const { return m_db; }
    // Read on every use: the setting may change while the window is open.
    ClinicTime clinicTime() const;
    void reportError(const QString &message);
    void clearError() { m_lastError.clear(); }

    // Takes the rows shown to those just read with RowDiff's removals and insertions (a reset
    // only when it must), then refreshes every row's data, so a view keeps its current row,
    // selection and scroll position. keyOf(row) names a row.
    template <typename Row, typename KeyOf>
    void updateRowsInPlace(QList<Row> &rows, QList<Row> next, KeyOf keyOf)
    {
        QStringList before;
        QStringList after;
        for (const Row &r : rows)
            before << keyOf(r);
        for (const Row &r : next)
            after << keyOf(r);
        const RowDiff diff = RowDiff::between(before, after);
        if (diff.reset) {
            beginResetModel();
            rows = std::move(next);
            endResetModel();
            return;
        }
        for (int row : diff.removals) {
            beginRemoveRows({}, row, row);
            rows.removeAt(row);
            endRemoveRows();
        }
        for (int row : diff.insertions) {
            beginInsertRows({}, row, row);
            rows.insert(row, next.at(row));
            endInsertRows();
        }
        rows = std::move(next);
        if (!rows.isEmpty())
            emit dataChanged(index(0, 0), index(int(rows.size()) - 1, columnCount() - 1));
    }

private:
    Database &m_db;
    QString m_lastError;
};

} // namespace frontdesk
