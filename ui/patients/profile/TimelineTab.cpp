#include "TimelineTab.h"

#include "PatientProfile.h"
#include "ProfileFormat.h"
#include "RecallsTab.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace frontdesk {

using profile::day;
using profile::when;

TimelineTab::TimelineTab(PatientProfile &profile, QWidget *parent)
    : QWidget(parent), m_profile(profile)
{
    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Show:"), this));
    for (TimelineEvent::Kind kind : {TimelineEvent::Kind::Appointment, TimelineEvent::Kind::Message,
                                     TimelineEvent::Kind::Consent, TimelineEvent::Kind::Insurance,
                                     TimelineEvent::Kind::Encounter}) {
        auto *box = new QCheckBox(PatientTimeline::kindName(kind), this);
        box->setChecked(true);
        box->setProperty("kind", int(kind));
        connect(box, &QCheckBox::toggled, this, &TimelineTab::reload);
        filters->addWidget(box);
        m_filters << box;
    }
    // Recalls are not stored events but dates ahead (or missed): merged in here.
    m_recallFilter = new QCheckBox(tr("Recall"), this);
    m_recallFilter->setObjectName(QStringLiteral("timelineRecalls"));
    m_recallFilter->setChecked(true);
    connect(m_recallFilter, &QCheckBox::toggled, this, &TimelineTab::reload);
    filters->addWidget(m_recallFilter);
    filters->addStretch(1);
    m_timeline = profile::makeTree({tr("When"), tr("What"), tr("Event"), tr("Detail")}, this);
    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_timeline->setAccessibleName(tr("Timeline"));
    m_notesHidden = new QLabel(tr("Visit notes are not shown: this patient has no appointment "
                                  "today. Open the clinical summary on the Clinical tab, giving "
                                  "the reason, to see them here too."),
                               this);
    m_notesHidden->setObjectName(QStringLiteral("visitNotesHidden"));
    m_notesHidden->setWordWrap(true);
    m_notesHidden->hide();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_notesHidden);
    layout->addWidget(m_timeline, 1);
}

void TimelineTab::reload()
{
    const ClinicTime clinic = m_profile.clinicTime();
    m_timeline->clear();
    QSet<TimelineEvent::Kind> kinds;
    for (QCheckBox *box : std::as_const(m_filters))
        if (box->isChecked())
            kinds.insert(TimelineEvent::Kind(box->property("kind").toInt()));
    QList<TimelineEvent> events;
    // No kind ticked means none here, not "all" as PatientTimeline reads an empty set.
    if (!kinds.isEmpty()) {
        auto loaded = m_profile.timeline(kinds);
        if (!loaded) {
            emit errorOccurred(loaded.error());
            return;
        }
        events = *loaded;
    }
    m_notesHidden->setVisible(kinds.contains(TimelineEvent::Kind::Encounter) &&
                              m_profile.visitNotesHidden());
    // Each recall at the start of its due day, merged into the newest-first order.
    QList<std::pair<QDateTime, const Recall *>> recalls;
    if (m_recallFilter->isChecked()) {
        for (const Recall &r : m_profile.recalls())
            recalls.append({clinic.startOfDayUtc(r.dueOn), &r});
        std::stable_sort(recalls.begin(), recalls.end(),
                         [](const auto &a, const auto &b) { return a.first > b.first; });
    }
    auto recallRow = [&](const Recall &r) {
        const bool overdue = m_profile.isOverdue(r.meta.id);
        auto *item = new QTreeWidgetItem(m_timeline, {day(r.dueOn), tr("Recall"),
                                                      tr("Recall due: %1").arg(r.reason),
                                                      RecallsTab::statusText(r, overdue)});
        if (overdue)
            item->setForeground(3, profile::warningColor());
    };
    auto next = recalls.cbegin();
    for (const TimelineEvent &e : std::as_const(events)) {
        for (; next != recalls.cend() && next->first >= e.at; ++next)
            recallRow(*next->second);
        new QTreeWidgetItem(m_timeline, {when(e.at, clinic), PatientTimeline::kindName(e.kind),
                                         e.title, e.detail.simplified()});
    }
    for (; next != recalls.cend(); ++next)
        recallRow(*next->second);
    for (int c = 0; c < 3; ++c)
        m_timeline->resizeColumnToContents(c);
}

} // namespace frontdesk
