#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QModelIndex;
class QTabWidget;
class QTableView;
class QTimer;

namespace frontdesk {

class Database;
class PatientListModel;
class PatientProfileView;

// The patient search (ranked as you type) and one tab per open patient profile.
class PatientsView : public QWidget
{
    Q_OBJECT
public:
    PatientsView(Database &db, PatientListModel *model, QWidget *parent = nullptr);

    QLineEdit *searchField() const { return m_search; }
    QTableView *table() const { return m_table; }
    QTabWidget *tabs() const { return m_tabs; }
    // Puts the cursor in the search field with its text selected, ready to type over.
    void focusSearch();

    // Opens the patient's profile in its own tab (or shows the tab already open).
    PatientProfileView *openPatient(const QString &patientId);
    PatientProfileView *newPatient();
    PatientProfileView *profileAt(int tab) const;
    // Asks about unsaved changes in every open profile; false when someone wants to stay.
    bool maybeCloseAll();
    bool closeTab(int tab);
    void showDuplicates();

signals:
    // Send message… in an open profile.
    void composeMessageRequested(const QString &patientId);
    // Book appointment… in an open profile.
    void bookAppointmentRequested(const QString &patientId, const QString &mrn);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyFilter();
    void updateCount();
    void focusFirstResult();
    void showDetails(const QModelIndex &index);
    // Adds an open profile as a tab, keeps its title current, refreshes the list when it saves.
    void addProfileTab(PatientProfileView *profile, const QString &title);

    Database &m_db;
    PatientListModel *m_model;
    QTabWidget *m_tabs;
    QLineEdit *m_search;
    QLabel *m_countLabel;
    QTableView *m_table;
    QTimer *m_filterTimer;
};

} // namespace frontdesk
