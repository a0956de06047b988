#pragma once

#include "DatabaseTableModel.h"
#include "core/Result.h"
#include "domain/Recall.h"

namespace frontdesk {

// The front desk's worklist: open recalls and tasks (call, letter, offer a freed time) due up to
// today in the clinic's zone, earliest first, with the patient's phone and what to do. One kind
// only when filtered. Marking one done is an ordinary save of the recall: audited and synced.
class WorklistModel : public DatabaseTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        DueColumn,
        PatientColumn,
        PhoneColumn,
        KindColumn,
        ToDoColumn,
        ColumnCount
    };
    enum Role
    {
        PatientIdRole = FirstCustomRole,
        KindRole,
    };

    explicit WorklistModel(Database &db, QObject *parent = nullptr);

    // How a kind reads in the list and its filter ("Call", "Waitlist offer").
    static QString kindLabel(const QString &kind);
    // Empty: every kind.
    void setKind(const QString &kind);
    QString kind() const { return m_kind; }
    void refresh() override;
    const WorklistTask &task(int row) const { return m_rows.at(row); }
    // Marks the row's recall or task done; the list drops it.
    Status markDone(int row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString m_kind;
    QList<WorklistTask> m_rows;
};

} // namespace frontdesk
