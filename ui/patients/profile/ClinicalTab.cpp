#include "ClinicalTab.h"

#include "BreakGlassDialog.h"
#include "PatientProfile.h"
#include "ProfileFormat.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace frontdesk {

using profile::dayOf;
using profile::section;
using profile::when;

ClinicalTab::ClinicalTab(PatientProfile &profile, QWidget *parent)
    : QWidget(parent), m_profile(profile)
{
    m_open = new QPushButton(tr("Open the clinical summary"), this);
    m_open->setObjectName(QStringLiteral("openClinical"));
    m_clinical = profile::makeTree({tr("Item"), tr("Value"), tr("When"), tr("Notes")}, this);
    m_clinical->setObjectName(QStringLiteral("clinicalSummary"));
    m_clinical->setAccessibleName(tr("Clinical summary"));
    m_clinical->setWordWrap(true);
    m_clinical->setUniformRowHeights(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_open, 0, Qt::AlignLeft);
    layout->addWidget(m_clinical, 1);
    connect(m_open, &QPushButton::clicked, this, &ClinicalTab::open);
    connect(m_clinical, &QTreeWidget::itemActivated, this, &ClinicalTab::showNote);
}

void ClinicalTab::showNote(QTreeWidgetItem *item)
{
    const QString note = item ? item->data(3, Qt::UserRole).toString() : QString();
    if (note.isEmpty())
        return;
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("visitNoteDialog"));
    dialog.setWindowTitle(tr("Visit note — %1, %2").arg(item->text(0), item->text(2)));
    auto *text = new QPlainTextEdit(note, &dialog);
    text->setReadOnly(true);
    text->setAccessibleName(tr("Visit note"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog.resize(fontMetrics().averageCharWidth() * 70, fontMetrics().height() * 18);
    dialog.exec();
}

void ClinicalTab::open()
{
    QString reason;
    auto needs = m_profile.clinicalNeedsReason();
    if (!needs) {
        emit errorOccurred(needs.error());
        return;
    }
    if (*needs) {
        BreakGlassDialog dialog(m_profile.patient().displayName(), this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        reason = dialog.reason();
    }
    auto summary = m_profile.openClinical(reason.trimmed());
    if (!summary) {
        emit errorOccurred(summary.error());
        return;
    }
    fill(*summary);
    if (!m_profile.breakGlassReason().isEmpty())
        emit openedByEmergencyAccess(m_profile.breakGlassReason());
}

void ClinicalTab::fill(const ClinicalSummary &s)
{
    const ClinicTime clinic = m_profile.clinicTime();
    // Active allergies join the alerts at the top once the clinical record is open (only
    // clinical roles get this far, and the opening is audited).
    QStringList allergyAlerts;
    for (const Allergy &a : s.allergies) {
        if (a.clinicalStatus != QLatin1String("active"))
            continue;
        const QString what =
            a.reaction.isEmpty() ? a.code.display : tr("%1 (%2)").arg(a.code.display, a.reaction);
        allergyAlerts << (a.criticality == QLatin1String("high") ? tr("⚠ Allergy: %1").arg(what)
                                                                 : tr("Allergy: %1").arg(what));
    }
    emit allergyAlertsChanged(allergyAlerts);
    m_clinical->clear();
    auto *allergies = section(m_clinical, tr("Allergies"));
    for (const Allergy &a : s.allergies) {
        auto *item = new QTreeWidgetItem(
            allergies, {a.code.display, a.criticality, dayOf(a.recorded, clinic), a.reaction});
        item->setForeground(0, profile::warningColor());
    }
    // Nothing recorded is not the same as "no known allergies": only a statement says that.
    if (s.allergies.isEmpty())
        new QTreeWidgetItem(allergies, {s.noKnownAllergies ? tr("No known allergies")
                                                           : tr("No allergies recorded")});
    auto *problems = section(m_clinical, tr("Problems"));
    for (const Condition &c : s.problems)
        new QTreeWidgetItem(problems,
                            {c.code.display, c.clinicalStatus, dayOf(c.onset, clinic), {}});
    auto *meds = section(m_clinical, tr("Medications"));
    for (const Medication &m : s.medications)
        new QTreeWidgetItem(meds, {m.code.display, m.status, dayOf(m.asserted, clinic), m.dosage});
    auto *vitals = section(m_clinical, tr("Latest vitals"));
    for (const ClinicalSummary::VitalSign &v : s.vitalSigns())
        new QTreeWidgetItem(vitals, {v.name, v.value, when(v.effective, clinic), {}});
    auto *immunizations = section(m_clinical, tr("Immunisations"));
    for (const Immunization &i : s.immunizations)
        new QTreeWidgetItem(immunizations,
                            {i.vaccine.display, i.status, dayOf(i.occurred, clinic), {}});
    if (s.immunizations.isEmpty())
        new QTreeWidgetItem(immunizations, {tr("No immunisations recorded")});
    auto *visits = section(m_clinical, tr("Past encounters"));
    for (const Encounter &e : s.encounters) {
        auto *item = new QTreeWidgetItem(
            visits, {e.type.display, e.practitionerName, when(e.start, clinic), e.notes});
        // The column shows the first line; the whole note is a tooltip away, or Enter.
        item->setToolTip(3, e.notes);
        item->setData(3, Qt::UserRole, e.notes);
    }
    m_clinical->expandAll();
    for (int c = 0; c < 3; ++c)
        m_clinical->resizeColumnToContents(c);
    m_open->hide();
}

} // namespace frontdesk
