#include "ClinicalTab.h"

#include "PatientProfile.h"
#include "ProfileFormat.h"

#include <QInputDialog>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace frontdesk {

using profile::section;
using profile::when;

ClinicalTab::ClinicalTab(PatientProfile &profile, QWidget *parent)
    : QWidget(parent), m_profile(profile)
{
    m_open = new QPushButton(tr("Open the clinical summary"), this);
    m_open->setObjectName(QStringLiteral("openClinical"));
    m_clinical = profile::makeTree({tr("Item"), tr("Value"), tr("When"), tr("Notes")}, this);
    m_clinical->setObjectName(QStringLiteral("clinicalSummary"));
    m_clinical->setWordWrap(true);
    m_clinical->setUniformRowHeights(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_open, 0, Qt::AlignLeft);
    layout->addWidget(m_clinical, 1);
    connect(m_open, &QPushButton::clicked, this, &ClinicalTab::open);
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
        bool ok = false;
        reason = QInputDialog::getText(
            this, tr("Reason for access"),
            tr("%1 has no appointment today. Why do you open the clinical record? (recorded in "
               "the audit trail)")
                .arg(m_profile.patient().displayName()),
            QLineEdit::Normal, {}, &ok);
        if (!ok || reason.trimmed().isEmpty())
            return;
    }
    auto summary = m_profile.openClinical(reason.trimmed());
    if (!summary) {
        emit errorOccurred(summary.error());
        return;
    }
    fill(*summary);
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
            allergies, {a.code.display, a.criticality, when(a.recorded, clinic), a.reaction});
        item->setForeground(0, profile::warningColor());
    }
    if (s.allergies.isEmpty())
        new QTreeWidgetItem(allergies, {tr("No known allergies recorded")});
    auto *problems = section(m_clinical, tr("Problems"));
    for (const Condition &c : s.problems)
        new QTreeWidgetItem(problems,
                            {c.code.display, c.clinicalStatus, when(c.onset, clinic), {}});
    auto *meds = section(m_clinical, tr("Medications"));
    for (const Medication &m : s.medications)
        new QTreeWidgetItem(meds, {m.code.display, m.status, when(m.asserted, clinic), m.dosage});
    auto *vitals = section(m_clinical, tr("Latest vitals"));
    for (const Observation &o : s.latestVitals)
        new QTreeWidgetItem(
            vitals, {o.code.display,
                     o.valueNumber ? QLocale().toString(*o.valueNumber) + QLatin1Char(' ') + o.unit
                                   : o.valueText,
                     when(o.effective, clinic),
                     {}});
    auto *visits = section(m_clinical, tr("Past encounters"));
    for (const Encounter &e : s.encounters)
        new QTreeWidgetItem(visits,
                            {e.type.display, e.practitionerName, when(e.start, clinic), e.notes});
    m_clinical->expandAll();
    for (int c = 0; c < 3; ++c)
        m_clinical->resizeColumnToContents(c);
    m_open->hide();
}

} // namespace frontdesk
