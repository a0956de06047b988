#pragma once

#include "core/Result.h"

#include <QStringList>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace frontdesk {

class Database;
class PatientEditor;
class PatientProfile;
struct ClinicalSummary;

// One open patient (a tab of the Patients view): alerts first, then the demographics to edit,
// the timeline, contact preferences, consents and insurance, recalls, and the clinical summary
// for roles that may read it.
class PatientProfileView : public QWidget
{
    Q_OBJECT
public:
    PatientProfileView(Database &db, QWidget *parent = nullptr);

    // Loads an existing patient; false (with the message shown) when it cannot be opened.
    bool openPatient(const QString &patientId);
    void startNewPatient();

    QString patientId() const;
    QString title() const;
    bool isModified() const;
    // Asks what to do with unsaved changes; false when the person wants to stay.
    bool maybeClose();
    // Validates, checks a new patient for duplicates, saves; false when nothing was saved.
    bool save();

    PatientEditor *editor() const { return m_editor; }
    PatientProfile *profile() const { return m_profile; }
    QTabWidget *sections() const { return m_sections; }
    QLabel *messageLabel() const { return m_message; }
    QLabel *photoLabel() const { return m_photo; }
    QTreeWidget *recallList() const { return m_recalls; }

    // Reads an image file and makes it the patient's photo; false (with the reason shown) when
    // the file cannot be read or is not an accepted photo.
    bool setPhotoFromFile(const QString &path);
    // Soft-deletes the patient's photo.
    bool removePhoto();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    void titleChanged(const QString &title);
    void modifiedChanged(bool modified);
    void saved(const QString &patientId);
    // The person chose an existing record over creating a duplicate.
    void openPatientRequested(const QString &patientId);

private:
    void showProfile();
    void reloadTimeline();
    void showClinical();
    void fillClinical(const ClinicalSummary &summary);
    // The banner at the top: the patient's alerts, then active allergies once the clinical
    // record was opened.
    void showAlerts();
    void revert();
    void showMessage(const QString &text, bool error);
    void report(const Status &status);
    void showPhoto();
    bool isRemovable(const QTreeWidgetItem *item) const;
    void editItem(QTreeWidgetItem *item);
    void removeItem(QTreeWidgetItem *item);
    void choosePhoto();
    void showRecalls();
    QString selectedRecall() const;
    void updateRecallButtons();
    void addRecall();
    void editRecall(QTreeWidgetItem *item);
    void markRecallDone();
    void cancelRecall();

    Database &m_db;
    PatientProfile *m_profile;
    QLabel *m_header;
    QLabel *m_photo;
    QPushButton *m_setPhoto;
    QPushButton *m_removePhoto;
    QLabel *m_alerts;
    QStringList m_allergyAlerts;
    QLabel *m_message;
    QTabWidget *m_sections;
    PatientEditor *m_editor;
    QPushButton *m_save;
    QPushButton *m_revert;
    QList<QCheckBox *> m_timelineFilters;
    QTreeWidget *m_timeline;
    QTreeWidget *m_contacts;
    QList<QPushButton *> m_itemButtons;
    QPushButton *m_removeItem;
    QCheckBox *m_recallFilter;
    QWidget *m_recallsPage;
    QTreeWidget *m_recalls;
    QPushButton *m_addRecall;
    QPushButton *m_recallDone;
    QPushButton *m_cancelRecall;
    QWidget *m_clinicalPage = nullptr;
    QPushButton *m_openClinical = nullptr;
    QTreeWidget *m_clinical = nullptr;
};

} // namespace frontdesk
