#include "NewPatientDialog.h"

#include "PatientEditor.h"
#include "PatientProfile.h"
#include "common/ViewHelpers.h"
#include "profile/ProfileFormat.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace frontdesk {

NewPatientDialog::NewPatientDialog(Database &db, QWidget *parent)
    : QDialog(parent), m_profile(new PatientProfile(db, this)), m_editor(new PatientEditor(this)),
      m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("newPatientDialog"));
    setWindowTitle(tr("New patient"));
    m_profile->startNew();
    m_editor->setPatient(m_profile->patient());
    m_message->setObjectName(QStringLiteral("newPatientMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    m_message->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &NewPatientDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NewPatientDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_editor);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    m_editor->setFocus();
}

void NewPatientDialog::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void NewPatientDialog::accept()
{
    const Patient draft = m_editor->patient();
    const QMap<QString, QString> errors = m_editor->showProblems(m_profile->validate(draft));
    if (!errors.isEmpty()) {
        showMessage(tr("Please correct the fields marked in red."));
        return;
    }
    auto duplicates = m_profile->possibleDuplicates(draft);
    if (!duplicates) {
        showMessage(duplicates.error());
        return;
    }
    if (!duplicates->isEmpty()) {
        const Patient &existing = duplicates->first().patient;
        QStringList lines;
        for (const auto &m : *duplicates)
            lines << tr("%1 (%2, born %3): %4")
                         .arg(m.patient.displayName(), view::mrn(m.patient.mrn),
                              profile::day(m.patient.birthDate),
                              m.score.reasons.join(QStringLiteral(", ")));
        QMessageBox box(QMessageBox::Warning, tr("Possible duplicate"),
                        tr("This patient may already be registered:\n\n%1\n\nUse the existing "
                           "record instead, or save a new one anyway?")
                            .arg(lines.join(QLatin1Char('\n'))),
                        QMessageBox::Cancel, this);
        box.setTextFormat(Qt::PlainText);
        QPushButton *useExisting = box.addButton(tr("&Use existing"), QMessageBox::AcceptRole);
        QPushButton *saveAnyway = box.addButton(tr("&Save anyway"), QMessageBox::DestructiveRole);
        box.setDefaultButton(useExisting);
        box.exec();
        if (box.clickedButton() == useExisting) {
            m_patientId = existing.meta.id;
            m_mrn = existing.mrn;
            QDialog::accept();
            return;
        }
        if (box.clickedButton() != saveAnyway)
            return;
    }
    if (auto s = m_profile->save(draft); !s) {
        showMessage(s.error());
        return;
    }
    m_patientId = m_profile->patient().meta.id;
    m_mrn = m_profile->patient().mrn;
    QDialog::accept();
}

} // namespace frontdesk
