#pragma once

#include "domain/Patient.h"

#include <QDialog>

class QButtonGroup;
class QGridLayout;
class QLabel;
class QTableWidget;

namespace frontdesk {

class Database;

// The duplicates list and the merge screen in one dialog: pick a scored pair, choose the
// surviving record and, field by field, whose value to keep; the merge moves everything over
// and keeps the other record as a link (PatientMerge).
class MergeDialog : public QDialog
{
    Q_OBJECT
public:
    explicit MergeDialog(Database &db, QWidget *parent = nullptr);

    // Fills the list of possible duplicates; false (with the message shown) on failure.
    bool loadDuplicates();
    QTableWidget *pairs() const { return m_pairs; }
    // Merges the selected pair as chosen; false when nothing was merged.
    bool mergeSelected();

signals:
    void merged(const QString &survivorId, const QString &mergedId);

private:
    void showPair(int row);
    void swapSides();
    void showFields();

    Database &m_db;
    QTableWidget *m_pairs;
    QWidget *m_fieldsBox;
    QGridLayout *m_fields;
    QLabel *m_message;
    QList<QPair<Patient, Patient>> m_candidates;
    Patient m_survivor;
    Patient m_merged;
    QList<QPair<QString, QButtonGroup *>> m_choices;
};

} // namespace frontdesk
