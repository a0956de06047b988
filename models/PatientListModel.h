#pragma once

#include "DatabaseTableModel.h"
#include "storage/PatientRepository.h"

#include <QList>

namespace frontdesk {

// All live patients in name order, loaded a page at a time as the view scrolls (keyset paging),
// so a list of 100k patients opens as fast as one of 100.
class PatientListModel : public DatabaseTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        BirthDateColumn,
        MrnColumn,
        PhoneColumn,
        EmailColumn,
        ColumnCount
    };
    static constexpr int PageSize = 200;

    explicit PatientListModel(Database &db, QObject *parent = nullptr);

    // Shows the patient search's ranked results for text (PatientSearch: name parts in any
    // order, birth date, phone, MRN, e-mail), best first; empty text shows everyone in name
    // order again.
    void filter(const QString &text);
    // At most this many ranked results are shown.
    static constexpr int RankedLimit = 100;
    QString filterText() const { return m_filter; }
    // How many patients match, loaded or not.
    qint64 matchCount() const { return m_matchCount; }
    const Patient &patientAt(int row) const { return m_rows.at(row); }

    void refresh() override;
    // Reads the list again and updates the rows in place (RowDiff): the sync worker's changes
    // show without losing the current row, the selection or the scroll position.
    void reload();
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void matchCountChanged(qint64 count);

private:
    struct Loaded
    {
        QList<Patient> rows;
        qint64 count = 0;
        bool atEnd = true;
    };
    Result<Loaded> load(int limit) const;

    PatientRepository m_repository;
    QString m_filter;
    QList<Patient> m_rows;
    qint64 m_matchCount = 0;
    bool m_atEnd = true;
    bool m_resetting = false;
    QString m_birthDateFormat;
};

} // namespace frontdesk
