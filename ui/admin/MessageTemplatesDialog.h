#pragma once

#include "MessageTemplateModel.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace frontdesk {

class Database;
class MessageTextForm;

// Workstation → Message Templates… (administrators): the clinic's templates in a list, and the
// chosen one in a form beside it — name, purpose, channel, subject, text and whether it is
// offered — with the fields to insert and a live preview for a made-up patient. Save (Ctrl+S)
// checks the template and says what is wrong (an unknown {field}, a stray brace, a name
// already used); nothing typed is lost on a refusal. Templates are deactivated, not deleted.
class MessageTemplatesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit MessageTemplatesDialog(Database &db, QWidget *parent = nullptr);

    MessageTemplateModel *model() const { return m_model; }
    QTableView *list() const { return m_list; }
    QLineEdit *nameField() const { return m_name; }
    QComboBox *purposeBox() const { return m_purpose; }
    QComboBox *channelBox() const { return m_channel; }
    QLineEdit *subjectField() const { return m_subject; }
    QPlainTextEdit *bodyField() const { return m_body; }
    QCheckBox *activeBox() const { return m_active; }
    QComboBox *fieldBox() const { return m_field; }
    QLabel *previewLabel() const { return m_preview; }
    QLabel *problemLabel() const { return m_problem; }

    // Starts a new template in the form.
    void addTemplate();
    // Saves the form; false (and the reason shown) when refused.
    bool saveTemplate();
    // Inserts the field chosen in the field list at the cursor in the text.
    void insertField();
    // Whether the form holds changes not saved yet.
    bool hasUnsavedChanges() const;
    // Close asks first about unsaved changes.
    void reject() override;

private:
    MessageTemplate formTemplate() const;
    void showTemplate(const MessageTemplate &t);
    void currentRowChanged();
    // Asks whether to save unsaved changes before the form shows something else; false when the
    // person chose to stay (only offered where staying is possible) or the save was refused.
    bool settleChanges(bool mayStay);
    void selectTemplate(const QString &id);
    void updatePreview();
    void showProblem(const QString &message);

    MessageTemplateModel *m_model;
    QTableView *m_list;
    QLineEdit *m_name;
    QComboBox *m_purpose;
    QComboBox *m_channel;
    MessageTextForm *m_text;
    QLineEdit *m_subject;
    QPlainTextEdit *m_body;
    QComboBox *m_field;
    QCheckBox *m_active;
    QLabel *m_preview;
    QLabel *m_problem;
    QPushButton *m_save;
    QDialogButtonBox *m_buttons;
    // The template in the form: its id and version, empty for a new one.
    MessageTemplate m_current;
    bool m_loading = false;
};

} // namespace frontdesk
