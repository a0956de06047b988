#pragma once

#include "domain/Patient.h"

#include <QHash>
#include <QMap>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;

namespace frontdesk {

class CodeNameCombo;

// The demographics form of a patient profile: one input per field and, under each, the message
// that says what is wrong with it. Knows nothing of the database: it shows a Patient, reads one
// back and says when a person changed something.
class PatientEditor : public QWidget
{
    Q_OBJECT
public:
    explicit PatientEditor(QWidget *parent = nullptr);

    void setPatient(const Patient &patient);
    // The shown patient with the person's edits applied.
    Patient patient() const;
    // What the form itself cannot read (e.g. a birth date that is no date), per field.
    QMap<QString, QString> inputErrors() const;
    bool isModified() const { return m_modified; }
    void setModified(bool modified);

    // Shows each message beside its field (keys as in PatientValidation); clears the others.
    // The first field with a message gets the focus.
    void showErrors(const QMap<QString, QString> &errors);
    // The model's messages about the draft (PatientProfile::validate) together with what the
    // form cannot read, shown as showErrors does; empty when the draft may be saved.
    QMap<QString, QString> showProblems(QMap<QString, QString> modelErrors);
    QString errorFor(const QString &field) const;
    QWidget *input(const QString &field) const { return m_inputs.value(field); }

signals:
    void modifiedChanged(bool modified);

private:
    QLineEdit *addLine(const QString &field, const QString &label, int row);
    void addRow(const QString &field, const QString &label, QWidget *input, int row);
    void markModified();
    QDate parsedBirthDate() const;

    Patient m_original;
    bool m_modified = false;
    bool m_loading = false;
    QHash<QString, QWidget *> m_inputs;
    QHash<QString, QLabel *> m_errors;
    QComboBox *m_sex = nullptr;
    QLineEdit *m_birthDate = nullptr;
    QComboBox *m_channel = nullptr;
    CodeNameCombo *m_language = nullptr;
    CodeNameCombo *m_country = nullptr;
};

} // namespace frontdesk
