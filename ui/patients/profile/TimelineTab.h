#pragma once

#include <QList>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace frontdesk {

class PatientProfile;

// The profile's timeline: the patient's appointments, messages, consents, insurance and
// encounters newest first, filterable by kind, with the recalls merged in at their due dates.
class TimelineTab : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineTab(PatientProfile &profile, QWidget *parent = nullptr);

    void reload();
    // The selected line's reply from the patient is answered: its "patient replied" mark goes.
    void markReplyHandled();
    QPushButton *replyHandledButton() const { return m_replyHandled; }

signals:
    void errorOccurred(const QString &message);

private:
    PatientProfile &m_profile;
    QList<QCheckBox *> m_filters;
    QCheckBox *m_recallFilter;
    QLabel *m_notesHidden;
    QTreeWidget *m_timeline;
    QPushButton *m_replyHandled;
};

} // namespace frontdesk
