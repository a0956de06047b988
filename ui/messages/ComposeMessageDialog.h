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
class MessageTextForm;
class PatientPicker;

// Writing an SMS or e-mail to a patient, by keyboard: the patient (fixed, or chosen with the
// picker), the purpose, the appointment it is about, a channel the contact rule allows (the
// others are listed with the reason), a template for that purpose and channel or none, the text
// with its SMS part counter, and Ctrl+Return to queue it. From a template, the text is the
// template's (placeholders and all, still editable) and a preview shows it filled for this
// patient and appointment; a field without a value refuses the message, naming the field. A
// refused draft stays in the dialog with the reason; nothing is lost.
class ComposeMessageDialog : public QDialog
{
    Q_OBJECT
public:
    // patientId empty: the dialog starts with the patient picker.
    ComposeMessageDialog(Database &db, const QString &patientId, QWidget *parent = nullptr);

    PatientPicker *picker() const { return m_picker; }
    QComboBox *purposeBox() const { return m_purpose; }
    QComboBox *channelBox() const { return m_channel; }
    QComboBox *appointmentBox() const { return m_appointment; }
    // The message is about this appointment of the patient's (written from the Schedule).
    void setAppointment(const QString &appointmentId);
    QComboBox *templateBox() const { return m_template; }
    QLabel *previewLabel() const { return m_preview; }
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
    void reloadAppointments();
    void reloadTemplates();
    void applyTemplate();
    void updatePreview();
    MessageDraft draft() const;
    // The draft's text filled for the patient and appointment chosen (m_context), without
    // reading the database on every key.
    Result<RenderedMessage> filled() const;
    void reloadContext();
    void updateChannelDetails();
    void updateCounter();
    void showProblem(const QString &message);

    MessageComposer m_composer;
    QString m_fixedPatientId;
    PatientPicker *m_picker = nullptr;
    QComboBox *m_purpose;
    QComboBox *m_channel;
    QComboBox *m_appointment;
    QComboBox *m_template;
    MessageTextForm *m_text;
    QLabel *m_preview;
    QLabel *m_channelNote;
    QLineEdit *m_subject;
    QPlainTextEdit *m_body;
    QLabel *m_counter;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    QList<ChannelChoice> m_choices;
    QList<MessageTemplate> m_templates;
    Result<TemplateContext> m_context = TemplateContext{};
    QueuedMessage m_queued;
};

} // namespace frontdesk
