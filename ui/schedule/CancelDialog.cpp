#include "CancelDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace frontdesk {

CancelDialog::CancelDialog(const QString &summary, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("cancelDialog"));
    setWindowTitle(tr("Cancel the appointment"));
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("cancelReason"));
    m_by = new QComboBox(this);
    m_by->addItem(tr("The patient"), int(CancelledBy::Patient));
    m_by->addItem(tr("The clinic"), int(CancelledBy::Clinic));
    auto *form = new QFormLayout;
    form->addRow(new QLabel(summary, this));
    form->addRow(tr("&Why:"), m_reason);
    form->addRow(tr("Cancelled &by:"), m_by);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Cancel &appointment"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Keep it"));
    connect(buttons, &QDialogButtonBox::accepted, this, &CancelDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &CancelDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

QString CancelDialog::reason() const
{
    return m_reason->text().trimmed();
}

CancelledBy CancelDialog::cancelledBy() const
{
    return CancelledBy(m_by->currentData().toInt());
}

void CancelDialog::setReason(const QString &reason)
{
    m_reason->setText(reason);
}

void CancelDialog::setCancelledBy(CancelledBy by)
{
    m_by->setCurrentIndex(std::max(0, m_by->findData(int(by))));
}

void CancelDialog::accept()
{
    if (reason().isEmpty()) {
        m_reason->setPlaceholderText(tr("A reason is needed"));
        m_reason->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace frontdesk
