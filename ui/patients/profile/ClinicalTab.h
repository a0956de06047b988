#pragma once

#include <QStringList>
#include <QWidget>

class QPushButton;
class QTreeWidget;

namespace frontdesk {

class PatientProfile;
struct ClinicalSummary;

// The profile's clinical summary (allergies, problems, medications, latest vitals, past
// encounters), only for roles the permission table lets read it. Opening it is audited, with a
// reason when the patient has no appointment today.
class ClinicalTab : public QWidget
{
    Q_OBJECT
public:
    explicit ClinicalTab(PatientProfile &profile, QWidget *parent = nullptr);

    // Asks for the reason when one is needed, then loads and shows the summary.
    void open();

signals:
    void errorOccurred(const QString &message);
    // The active allergies, for the alert banner above the tabs.
    void allergyAlertsChanged(const QStringList &alerts);

private:
    void fill(const ClinicalSummary &summary);

    PatientProfile &m_profile;
    QPushButton *m_open;
    QTreeWidget *m_clinical;
};

} // namespace frontdesk
