#pragma once

#include "core/Result.h"

#include <QList>
#include <QWidget>

class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace frontdesk {

class PatientProfile;

// The profile's alerts, communication preferences, consents and insurance. Items are edited in
// place (double-click or Enter). An insurance edit with a new eligibility answer is recorded as
// a check now; a consent is not edited but withdrawn, keeping its history.
class ContactsTab : public QWidget
{
    Q_OBJECT
public:
    explicit ContactsTab(PatientProfile &profile, QWidget *parent = nullptr);

    void reload();

signals:
    // After each change: the outcome for the profile's message line.
    void reported(const frontdesk::Status &status);

private:
    bool isRemovable(const QTreeWidgetItem *item) const;
    void editItem(QTreeWidgetItem *item);
    void removeItem(QTreeWidgetItem *item);

    PatientProfile &m_profile;
    QTreeWidget *m_contacts;
    QList<QPushButton *> m_addButtons;
    QPushButton *m_remove;
};

} // namespace frontdesk
