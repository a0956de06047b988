#include "ConnectServerDialog.h"

#include "WorkstationEnroller.h"
#include "common/ViewHelpers.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSysInfo>
#include <QVBoxLayout>

#include <algorithm>

namespace frontdesk {

ConnectServerDialog::ConnectServerDialog(WorkstationEnroller &enroller, QWidget *parent)
    : QDialog(parent), m_enroller(enroller)
{
    setWindowTitle(tr("Connect to Server"));
    auto *layout = new QVBoxLayout(this);

    auto *intro = new QLabel(tr("An administrator's account at the clinic's frontdesk-server "
                                "gives this workstation its own credential. The password is "
                                "sent to the server only, and not kept."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    const QString current = m_enroller.current();
    m_current =
        new QLabel(current.isEmpty() ? tr("This workstation is not enrolled yet.") : current, this);
    m_current->setObjectName(QStringLiteral("currentEnrollment"));
    m_current->setWordWrap(true);
    layout->addWidget(m_current);

    auto *form = new QFormLayout;
    m_server = new QLineEdit(this);
    m_server->setObjectName(QStringLiteral("server"));
    m_server->setPlaceholderText(tr("https://fd.clinic.example:8443"));
    form->addRow(tr("&Server address:"), m_server);
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("adminUser"));
    form->addRow(tr("&Administrator:"), m_user);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("adminPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Password:"), m_password);
    m_name = new QLineEdit(QSysInfo::machineHostName(), this);
    m_name->setObjectName(QStringLiteral("workstationName"));
    m_name->setToolTip(tr("How the server lists this workstation."));
    form->addRow(tr("&Workstation name:"), m_name);

    auto *caRow = new QHBoxLayout;
    m_caFile = new QLineEdit(this);
    m_caFile->setObjectName(QStringLiteral("caFile"));
    m_caFile->setPlaceholderText(tr("Optional: the clinic's CA certificate (PEM)"));
    m_browse = new QPushButton(tr("&Browse…"), this);
    connect(m_browse, &QPushButton::clicked, this, &ConnectServerDialog::chooseCaFile);
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_browse);
    auto *caLabel = new QLabel(tr("&CA certificate:"), this);
    caLabel->setBuddy(m_caFile);
    form->addRow(caLabel, caRow);
    m_pin = new QLineEdit(this);
    m_pin->setObjectName(QStringLiteral("pinSha256"));
    m_pin->setPlaceholderText(tr("Optional: SHA-256 of the server's public key, base64"));
    form->addRow(tr("Public-key p&in:"), m_pin);
    m_insecure = new QCheckBox(
        tr("Development only: allow plain HTTP and certificates that do not verify"), this);
    m_insecure->setObjectName(QStringLiteral("insecure"));
    form->addRow(QString(), m_insecure);
    layout->addLayout(form);

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("Connecting"));
    m_progress->hide();
    layout->addWidget(m_progress);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_connect = m_buttons->addButton(tr("C&onnect"), QDialogButtonBox::AcceptRole);
    m_connect->setDefault(true);
    // Accepting only starts the work; the dialog closes when the person chooses Close.
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectServerDialog::connectToServer);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    // The wrapping labels would let the dialog shrink until the check box's text is cut.
    const QMargins margins = layout->contentsMargins();
    setMinimumWidth(std::max(form->sizeHint().width() + margins.left() + margins.right(),
                             fontMetrics().horizontalAdvance(QLatin1Char('M')) * 40));
}

void ConnectServerDialog::chooseCaFile()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("CA Certificate"), view::documentsFolder(),
                                     tr("PEM certificates (*.pem *.crt);;All files (*)"));
    if (!path.isEmpty())
        m_caFile->setText(path);
}

void ConnectServerDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_server, m_user, m_password, m_name, m_caFile, m_browse,
                                          m_pin, m_insecure, m_connect})
        w->setEnabled(!busy);
    m_progress->setVisible(busy);
}

void ConnectServerDialog::showMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setProperty("problem", problem);
    m_message->setStyleSheet(problem ? QStringLiteral("color: palette(bright-text); "
                                                      "background: #b3261e; padding: 6px;")
                                     : QString());
    m_message->show();
}

void ConnectServerDialog::connectToServer()
{
    if (m_busy)
        return;
    EnrollmentForm form;
    form.server = m_server->text();
    form.adminUser = m_user->text();
    form.adminPassword = m_password->text();
    form.workstationName = m_name->text();
    form.caFile = m_caFile->text();
    form.pinSha256 = m_pin->text();
    form.insecure = m_insecure->isChecked();
    if (auto s = m_enroller.check(form); !s) {
        showMessage(s.error(), true);
        return;
    }
    setBusy(true);
    showMessage(tr("Connecting to %1…").arg(form.server.trimmed()), false);
    m_enroller.enroll(form, this, [this](const Result<QString> &outcome) {
        setBusy(false);
        if (!outcome) {
            showMessage(outcome.error(), true);
            return;
        }
        m_password->clear();
        const QString now = m_enroller.current();
        if (!now.isEmpty())
            m_current->setText(now);
        showMessage(*outcome, false);
        m_connect->setEnabled(false);
        emit enrolled(*outcome);
    });
    form.adminPassword.fill(QLatin1Char('\0'));
}

} // namespace frontdesk
