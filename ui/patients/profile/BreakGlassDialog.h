#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace frontdesk {

// Emergency access ("break the glass") to the clinical record of a patient without an
// appointment today: a reason from the usual ones, or in the person's own words, or both. An
// empty reason is refused with a message and the dialog stays open; the reason goes to the
// audit trail with every read.
class BreakGlassDialog : public QDialog
{
    Q_OBJECT
public:
    BreakGlassDialog(const QString &patientName, QWidget *parent = nullptr);

    QComboBox *presetBox() const { return m_preset; }
    QLineEdit *detailsEdit() const { return m_details; }
    QLabel *messageLabel() const { return m_message; }
    // The chosen reason with the words added, as recorded.
    QString reason() const;

    void accept() override;

private:
    QComboBox *m_preset;
    QLineEdit *m_details;
    QLabel *m_message;
};

} // namespace frontdesk
