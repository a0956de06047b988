#pragma once

#include "MessageComposer.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace frontdesk {

class Database;
class PatientPicker;

// Writing an SMS or e-mail to a patient, by keyboard: the patient (fixed, or chosen with the
// picker), the purpose, a channel the contact rule allows (the others are listed with the
// reason), the text with its SMS part counter, and Ctrl+Return to queue it. A refused draft
// stays in the dialog with the reason; nothing is lost.
class ComposeMessageDialog : public QDialog
{
    Q_OBJECT
public:
    // patientId empty: the dialog starts with the patient picker.
    ComposeMessageDialog(Database &db, const QString &patientId, QWidget *parent = nullptr);

    PatientPicker *picker() const { return m_picker; }
    QComboBox *purposeBox() const { return m_purpose; }
    QComboBox *channelBox() const { return m_channel; }
    QLineEdit *subjectField() const { return m_subject; }
    QPlainTextEdit *bodyField() const { return m_body; }
    QLabel *counterLabel() const { return m_counter; }
    QLabel *channelNote() const { return m_channelNote; }
    // The message queued when the dialog was accepted.
    const QueuedMessage &queued() const { return m_queued; }

    void accept() override;

private:
    QString patientId() const;
    void reloadChannels();
    void updateChannelDetails();
    void updateCounter();
    void showProblem(const QString &message);

    MessageComposer m_composer;
    QString m_fixedPatientId;
    PatientPicker *m_picker = nullptr;
    QComboBox *m_purpose;
    QComboBox *m_channel;
    QLabel *m_channelNote;
    QLineEdit *m_subject;
    QPlainTextEdit *m_body;
    QLabel *m_counter;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    QList<ChannelChoice> m_choices;
    QueuedMessage m_queued;
};

} // namespace frontdesk
