#pragma once

#include "domain/StatusChange.h"

#include <QDialog>

class QComboBox;
class QLineEdit;

namespace frontdesk {

// Asks why an appointment is cancelled and who called it off; both are kept in the history.
class CancelDialog : public QDialog
{
    Q_OBJECT
public:
    CancelDialog(const QString &summary, QWidget *parent = nullptr);
    QString reason() const;
    CancelledBy cancelledBy() const;
    void setReason(const QString &reason);
    void setCancelledBy(CancelledBy by);
    void accept() override;

private:
    QLineEdit *m_reason;
    QComboBox *m_by;
};

} // namespace frontdesk
