#pragma once

#include "common/InfoBar.h"
#include "core/Result.h"

#include <QStringList>
#include <QWidget>

class QLabel;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace frontdesk {

class ClinicalTab;
class ContactsTab;
class Database;
class DetailsTab;
class PatientEditor;
class PatientProfile;
class RecallsTab;
class TimelineTab;

// One open patient (a tab of the Patients view): the header with the photo, alerts first, then
// one tab each (profile/) for the demographics to edit, the timeline, contact preferences,
// consents and insurance, recalls, and the clinical summary for roles that may read it.
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
    InfoBar *messageLabel() const { return m_message; }
    QLabel *photoLabel() const { return m_photo; }
    QTreeWidget *recallList() const;

    // Reads an image file and makes it the patient's photo; false (with the reason shown) when
    // the file cannot be read or is not an accepted photo.
    bool setPhotoFromFile(const QString &path);
    // Soft-deletes the patient's photo.
    bool removePhoto();

signals:
    void titleChanged(const QString &title);
    void modifiedChanged(bool modified);
    void saved(const QString &patientId);
    // The person chose an existing record over creating a duplicate.
    void openPatientRequested(const QString &patientId);
    // Send message… on a saved patient: the main window opens the message window for them.
    void composeMessageRequested(const QString &patientId);
    // Book appointment… on a saved patient: the schedule's booking dialog with them chosen.
    void bookAppointmentRequested(const QString &patientId, const QString &mrn);

private:
    void showProfile();
    // The banner at the top: the patient's alerts, then active allergies once the clinical
    // record was opened.
    void showAlerts();
    void revert();
    void showMessage(const QString &text, bool error);
    void report(const Status &status);
    void showPhoto();
    void choosePhoto();

    Database &m_db;
    PatientProfile *m_profile;
    QLabel *m_header;
    QLabel *m_photo;
    QPushButton *m_sendMessage;
    QPushButton *m_book;
    QPushButton *m_setPhoto;
    QPushButton *m_removePhoto;
    QLabel *m_alerts;
    QLabel *m_emergency;
    QStringList m_allergyAlerts;
    InfoBar *m_message;
    QTabWidget *m_sections;
    DetailsTab *m_details;
    PatientEditor *m_editor;
    TimelineTab *m_timeline;
    ContactsTab *m_contacts;
    RecallsTab *m_recalls;
    ClinicalTab *m_clinical = nullptr;
};

} // namespace frontdesk
