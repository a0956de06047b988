#include "BreakGlassDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace frontdesk {

namespace {
// The gate in the models wants at least this much of a reason (AccessGuard::openClinical).
constexpr int kShortestReason = 5;
} // namespace

BreakGlassDialog::BreakGlassDialog(const QString &patientName, QWidget *parent)
    : QDialog(parent), m_preset(new QComboBox(this)), m_details(new QLineEdit(this)),
      m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("breakGlassDialog"));
    setWindowTitle(tr("Emergency access"));
    auto *intro = new QLabel(
        tr("%1 has no appointment today. Opening their clinical record is emergency access "
           "(\"break the glass\"): say why. The reason is recorded in the audit trail with every "
           "read.")
            .arg(patientName),
        this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    m_preset->setObjectName(QStringLiteral("breakGlassPreset"));
    m_preset->addItem(tr("Choose a reason…"), QString());
    for (const QString &preset : {tr("Emergency: the patient needs care now"),
                                  tr("The patient asked a clinical question (phone, e-mail)"),
                                  tr("Results or a letter arrived for the patient"),
                                  tr("A referral or report is to be written"),
                                  tr("Asked by the practitioner treating the patient")})
        m_preset->addItem(preset, preset);
    m_details->setObjectName(QStringLiteral("breakGlassDetails"));
    m_details->setPlaceholderText(tr("In your own words, or more about the reason chosen"));
    m_message->setObjectName(QStringLiteral("breakGlassMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    m_message->hide();
    auto *form = new QFormLayout;
    form->addRow(tr("&Reason:"), m_preset);
    form->addRow(tr("&Details:"), m_details);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Open the Record"));
    connect(buttons, &QDialogButtonBox::accepted, this, &BreakGlassDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &BreakGlassDialog::reject);
    connect(m_preset, &QComboBox::currentIndexChanged, m_message, &QWidget::hide);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    m_details->setFocus();
}

QString BreakGlassDialog::reason() const
{
    const QString preset = m_preset->currentData().toString();
    const QString details = m_details->text().simplified();
    if (preset.isEmpty())
        return details;
    if (details.isEmpty())
        return preset;
    return tr("%1: %2").arg(preset, details);
}

void BreakGlassDialog::accept()
{
    const QString given = reason();
    if (given.isEmpty()) {
        m_message->setText(
            tr("Give the reason: choose one from the list or describe it in your own words."));
        m_message->show();
        m_preset->setFocus();
        return;
    }
    if (given.size() < kShortestReason) {
        m_message->setText(
            tr("Say a little more: the reason needs at least %1 characters.").arg(kShortestReason));
        m_message->show();
        m_details->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace frontdesk
