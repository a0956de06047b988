#pragma once

#include <QStringList>
#include <QWidget>

class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

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
    // The whole note of the encounter on this row, in a window of its own (Enter or a double
    // click on the row); the list shows only its start.
    void showNote(QTreeWidgetItem *item);
    QTreeWidget *tree() const { return m_clinical; }

signals:
    void errorOccurred(const QString &message);
    // The active allergies, for the alert banner above the tabs.
    void allergyAlertsChanged(const QStringList &alerts);
    // The record was opened by emergency access (break the glass), for this reason.
    void openedByEmergencyAccess(const QString &reason);

private:
    void fill(const ClinicalSummary &summary);

    PatientProfile &m_profile;
    QPushButton *m_open;
    QTreeWidget *m_clinical;
};

} // namespace frontdesk
