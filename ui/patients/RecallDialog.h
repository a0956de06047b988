#pragma once

#include "domain/Recall.h"

#include <QDialog>
#include <QMap>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;

namespace frontdesk {

class PatientProfile;

// The form for a recall: due date, reason and (optionally) the practitioner to see. OK checks
// the fields through PatientProfile::validateRecall and keeps the dialog open, with the message
// beside each wrong field, until they are right; nothing is saved here.
class RecallDialog : public QDialog
{
    Q_OBJECT
public:
    RecallDialog(const PatientProfile &profile, const Recall &recall, QWidget *parent = nullptr);

    Recall recall() const;
    // The message shown beside a field ("dueOn", "reason", "practitionerId"); empty when none.
    QString errorFor(const QString &field) const;

    void accept() override;

private:
    QLabel *errorLabel(const QString &field);
    void showErrors(const QMap<QString, QString> &errors);

    const PatientProfile &m_profile;
    Recall m_recall;
    QDateEdit *m_dueOn;
    QLineEdit *m_reason;
    QComboBox *m_practitioner;
    QMap<QString, QLabel *> m_errors;
    QMap<QString, QWidget *> m_inputs;
};

} // namespace frontdesk
