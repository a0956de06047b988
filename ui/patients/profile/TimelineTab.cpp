#include "TimelineTab.h"

#include "PatientProfile.h"
#include "ProfileFormat.h"
#include "RecallsTab.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace frontdesk {

using profile::day;
using profile::when;

namespace {
// On a line: the appointment whose reply from the patient waits for a person.
constexpr int kReplyRole = Qt::UserRole + 1;
} // namespace

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
    m_replyHandled = new QPushButton(tr("Mark the patient's reply &handled"), this);
    m_replyHandled->setObjectName(QStringLiteral("replyHandled"));
    m_replyHandled->setToolTip(tr("For a line marked “patient replied”: once someone answered the "
                                  "patient, the mark goes here and on the calendar."));
    m_replyHandled->setEnabled(false);
    connect(m_replyHandled, &QPushButton::clicked, this, &TimelineTab::markReplyHandled);
    connect(m_timeline, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        m_replyHandled->setEnabled(item && !item->data(0, kReplyRole).toString().isEmpty());
    });
    auto *actions = new QHBoxLayout;
    actions->addStretch(1);
    actions->addWidget(m_replyHandled);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_notesHidden);
    layout->addWidget(m_timeline, 1);
    layout->addLayout(actions);
}

void TimelineTab::markReplyHandled()
{
    const QTreeWidgetItem *item = m_timeline->currentItem();
    const QString appointment = item ? item->data(0, kReplyRole).toString() : QString();
    if (appointment.isEmpty())
        return;
    if (auto s = m_profile.markReplyHandled(appointment); !s) {
        emit errorOccurred(s.error());
        return;
    }
    reload();
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
        auto *item =
            new QTreeWidgetItem(m_timeline, {when(e.at, clinic), PatientTimeline::kindName(e.kind),
                                             e.title, e.detail.simplified()});
        if (!e.pendingReplyAppointmentId.isEmpty()) {
            item->setData(0, kReplyRole, e.pendingReplyAppointmentId);
            item->setForeground(2, profile::warningColor());
        }
    }
    for (; next != recalls.cend(); ++next)
        recallRow(*next->second);
    for (int c = 0; c < 3; ++c)
        m_timeline->resizeColumnToContents(c);
    m_replyHandled->setEnabled(false);
}

} // namespace frontdesk
