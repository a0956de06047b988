#pragma once

#include <QWidget>

class QLineEdit;
class QListWidget;
class QTimer;

namespace frontdesk {

class Database;
class PatientListModel;

// Choosing a patient in a dialog: a search field and the best matches under it (name, birth
// date, MRN), found by the patient list's ranked search (PatientListModel, so the search is
// audited like any other). Down or Return from the search field goes to the results, down the
// list with the arrow keys; the current row is the choice.
class PatientPicker : public QWidget
{
    Q_OBJECT
public:
    enum class Trigger
    {
        // Searches after a short typing pause; Return moves to the first result.
        AsYouType,
        // Searches when Return is pressed.
        OnReturn,
    };

    PatientPicker(Database &db, Trigger trigger, int limit, QWidget *parent = nullptr);

    QLineEdit *searchField() const { return m_search; }
    QListWidget *results() const { return m_results; }
    // The chosen patient's id; empty when none is chosen.
    QString currentPatientId() const;
    // Runs the search now instead of after the typing pause.
    void searchNow();
    // Searches for text (e.g. an MRN) and chooses the patient with this id among the results;
    // false when the search did not find them.
    bool choose(const QString &patientId, const QString &text);

signals:
    void errorOccurred(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void goToResults();

    PatientListModel *m_model;
    QLineEdit *m_search;
    QListWidget *m_results;
    QTimer *m_searchTimer;
    int m_limit;
    Trigger m_trigger;
};

} // namespace frontdesk
