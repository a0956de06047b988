#include "PatientProfileView.h"

#include "access/AccessGuard.h"
#include "ClinicSettings.h"

#include "PatientEditor.h"
#include "PatientProfile.h"
#include "ProfileItemDialog.h"
#include "RecallDialog.h"

#include <algorithm>

#include <QCheckBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPixmap>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace frontdesk {

namespace {

QString when(const QDateTime &t, const ClinicTime &clinic)
{
    if (!t.isValid())
        return {};
    const QDateTime local = clinic.toLocal(t);
    return QLocale().toString(local.date(), QLocale::ShortFormat) + QLatin1Char(' ') +
           QLocale().toString(local.time(), QLocale::ShortFormat);
}

QString day(const QDate &d)
{
    return d.isValid() ? QLocale().toString(d, QLocale::ShortFormat) : QString();
}

QTreeWidget *makeTree(const QStringList &headers, QWidget *parent)
{
    auto *tree = new QTreeWidget(parent);
    tree->setHeaderLabels(headers);
    tree->setRootIsDecorated(false);
    tree->setAlternatingRowColors(true);
    tree->setUniformRowHeights(true);
    tree->setWordWrap(false);
    tree->header()->setStretchLastSection(true);
    return tree;
}

// What a row of the consents/insurance tree is: alert, preference, consent (given), coverage.
constexpr int kKindRole = Qt::UserRole + 1;

QTreeWidgetItem *section(QTreeWidget *tree, const QString &title)
{
    auto *item = new QTreeWidgetItem(tree, {title});
    QFont bold = item->font(0);
    bold.setBold(true);
    item->setFont(0, bold);
    item->setFirstColumnSpanned(true);
    return item;
}

const QColor kOverdueColor(0xb3, 0x26, 0x1e);

QString recallStatus(const Recall &r, bool overdue)
{
    if (r.status == Recall::done())
        return PatientProfileView::tr("Done");
    if (r.status == Recall::cancelled())
        return PatientProfileView::tr("Cancelled");
    return overdue ? PatientProfileView::tr("Open — overdue") : PatientProfileView::tr("Open");
}

} // namespace

PatientProfileView::PatientProfileView(Database &db, QWidget *parent)
    : QWidget(parent), m_db(db), m_profile(new PatientProfile(db, this))
{
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("profileHeader"));
    m_header->setTextFormat(Qt::RichText);
    m_photo = new QLabel(this);
    m_photo->setObjectName(QStringLiteral("profilePhoto"));
    m_photo->setFixedSize(96, 96);
    m_photo->setAlignment(Qt::AlignCenter);
    m_photo->hide();
    m_setPhoto = new QPushButton(tr("Set &photo…"), this);
    m_setPhoto->setObjectName(QStringLiteral("setPhotoButton"));
    m_removePhoto = new QPushButton(tr("Remove p&hoto"), this);
    m_removePhoto->setObjectName(QStringLiteral("removePhotoButton"));
    connect(m_setPhoto, &QPushButton::clicked, this, &PatientProfileView::choosePhoto);
    connect(m_removePhoto, &QPushButton::clicked, this, [this] { removePhoto(); });
    m_alerts = new QLabel(this);
    m_alerts->setObjectName(QStringLiteral("profileAlerts"));
    m_alerts->setWordWrap(true);
    m_alerts->setStyleSheet(QStringLiteral(
        "background: #fdecea; color: #8c1d18; border: 1px solid #e6a39c; padding: 6px;"));
    m_alerts->hide();
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("profileMessage"));
    m_message->setWordWrap(true);
    m_message->hide();

    m_sections = new QTabWidget(this);
    m_sections->setObjectName(QStringLiteral("profileSections"));

    // Details: the editable demographics.
    auto *details = new QWidget(this);
    m_editor = new PatientEditor(details);
    auto *scroll = new QScrollArea(details);
    scroll->setWidget(m_editor);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_save = new QPushButton(tr("&Save"), details);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setShortcut(QKeySequence::Save);
    m_save->setToolTip(
        tr("Save the changes (%1)")
            .arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    m_revert = new QPushButton(tr("&Revert"), details);
    m_revert->setObjectName(QStringLiteral("revertButton"));
    m_save->setEnabled(false);
    m_revert->setEnabled(false);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->addWidget(scroll, 1);
    detailsLayout->addLayout(buttons);
    m_sections->addTab(details, tr("&Details"));
    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    connect(m_revert, &QPushButton::clicked, this, &PatientProfileView::revert);
    connect(m_editor, &PatientEditor::modifiedChanged, this, [this](bool modified) {
        m_save->setEnabled(modified || m_profile->isNew());
        m_revert->setEnabled(modified);
        emit modifiedChanged(modified);
        emit titleChanged(title());
    });

    // Timeline, filterable by kind.
    auto *history = new QWidget(this);
    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Show:"), history));
    for (TimelineEvent::Kind kind : {TimelineEvent::Kind::Appointment, TimelineEvent::Kind::Message,
                                     TimelineEvent::Kind::Consent, TimelineEvent::Kind::Insurance,
                                     TimelineEvent::Kind::Encounter}) {
        auto *box = new QCheckBox(PatientTimeline::kindName(kind), history);
        box->setChecked(true);
        box->setProperty("kind", int(kind));
        connect(box, &QCheckBox::toggled, this, &PatientProfileView::reloadTimeline);
        filters->addWidget(box);
        m_timelineFilters << box;
    }
    // Recalls are not stored events but dates ahead (or missed): merged in by the view.
    m_recallFilter = new QCheckBox(tr("Recall"), history);
    m_recallFilter->setObjectName(QStringLiteral("timelineRecalls"));
    m_recallFilter->setChecked(true);
    connect(m_recallFilter, &QCheckBox::toggled, this, &PatientProfileView::reloadTimeline);
    filters->addWidget(m_recallFilter);
    filters->addStretch(1);
    m_timeline = makeTree({tr("When"), tr("What"), tr("Event"), tr("Detail")}, history);
    m_timeline->setObjectName(QStringLiteral("timeline"));
    auto *historyLayout = new QVBoxLayout(history);
    historyLayout->addLayout(filters);
    historyLayout->addWidget(m_timeline, 1);
    m_sections->addTab(history, tr("&Timeline"));

    // Contact preferences, consents and insurance.
    auto *contactsPage = new QWidget(this);
    m_contacts =
        makeTree({tr("Item"), tr("Value"), tr("Since / checked"), tr("Notes")}, contactsPage);
    m_contacts->setObjectName(QStringLiteral("contacts"));
    // Items are edited in place (double-click or Enter). An insurance edit with a new eligibility
    // answer is recorded as a check now; a consent is not edited but withdrawn, keeping history.
    connect(m_contacts, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { editItem(item); });
    connect(m_contacts, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *item) { m_removeItem->setEnabled(isRemovable(item)); });
    auto *itemButtons = new QHBoxLayout;
    const QList<QPair<QString, std::function<void()>>> actions{
        {tr("Add &alert…"),
         [this] {
             PatientAlert alert;
             if (ProfileItemDialog::editAlert(this, alert))
                 report(m_profile->addAlert(alert));
         }},
        {tr("Record c&onsent…"),
         [this] {
             Consent consent;
             if (ProfileItemDialog::editConsent(this, consent))
                 report(m_profile->recordConsent(consent));
         }},
        {tr("Add &insurance…"),
         [this] {
             Coverage coverage;
             if (ProfileItemDialog::editCoverage(this, coverage))
                 report(m_profile->saveCoverage(coverage));
         }},
        {tr("Set &preference…"),
         [this] {
             CommunicationPreference preference;
             if (ProfileItemDialog::editPreference(this, preference))
                 report(m_profile->setPreference(preference));
         }},
    };
    for (const auto &action : actions) {
        auto *button = new QPushButton(action.first, contactsPage);
        connect(button, &QPushButton::clicked, this, action.second);
        itemButtons->addWidget(button);
        m_itemButtons << button;
    }
    m_removeItem = new QPushButton(tr("&Remove / withdraw…"), contactsPage);
    m_removeItem->setObjectName(QStringLiteral("removeItemButton"));
    m_removeItem->setToolTip(tr("Remove the selected alert or preference, or withdraw the "
                                "selected consent"));
    m_removeItem->setEnabled(false);
    connect(m_removeItem, &QPushButton::clicked, this,
            [this] { removeItem(m_contacts->currentItem()); });
    itemButtons->addWidget(m_removeItem);
    itemButtons->addStretch(1);
    auto *contactsLayout = new QVBoxLayout(contactsPage);
    contactsLayout->addLayout(itemButtons);
    contactsLayout->addWidget(m_contacts, 1);
    m_sections->addTab(contactsPage, tr("&Consents && insurance"));

    // Recalls (care gaps): when the patient should come back, and whether they are overdue by
    // the dashboard's rule. Enter or double-click edits an open recall; Delete cancels it.
    m_recallsPage = new QWidget(this);
    m_recalls =
        makeTree({tr("Due"), tr("Reason"), tr("Practitioner"), tr("Status")}, m_recallsPage);
    m_recalls->setObjectName(QStringLiteral("recalls"));
    connect(m_recalls, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { editRecall(item); });
    connect(m_recalls, &QTreeWidget::currentItemChanged, this,
            &PatientProfileView::updateRecallButtons);
    m_recalls->installEventFilter(this); // Delete cancels the selected recall
    m_addRecall = new QPushButton(tr("&Add recall…"), m_recallsPage);
    m_addRecall->setObjectName(QStringLiteral("addRecallButton"));
    m_recallDone = new QPushButton(tr("&Mark done"), m_recallsPage);
    m_recallDone->setObjectName(QStringLiteral("recallDoneButton"));
    m_recallDone->setToolTip(tr("The patient came back for the selected recall"));
    m_cancelRecall = new QPushButton(tr("Ca&ncel recall…"), m_recallsPage);
    m_cancelRecall->setObjectName(QStringLiteral("cancelRecallButton"));
    m_cancelRecall->setToolTip(tr("The selected recall is no longer needed (Delete)"));
    connect(m_addRecall, &QPushButton::clicked, this, &PatientProfileView::addRecall);
    connect(m_recallDone, &QPushButton::clicked, this, &PatientProfileView::markRecallDone);
    connect(m_cancelRecall, &QPushButton::clicked, this, &PatientProfileView::cancelRecall);
    auto *recallButtons = new QHBoxLayout;
    recallButtons->addWidget(m_addRecall);
    recallButtons->addWidget(m_recallDone);
    recallButtons->addWidget(m_cancelRecall);
    recallButtons->addStretch(1);
    auto *recallsLayout = new QVBoxLayout(m_recallsPage);
    recallsLayout->addLayout(recallButtons);
    recallsLayout->addWidget(m_recalls, 1);
    // No mnemonic: every letter of "Recalls" already opens a field or tab of the profile.
    m_sections->addTab(m_recallsPage, tr("Recalls"));

    auto *photoButtons = new QVBoxLayout;
    photoButtons->addWidget(m_setPhoto);
    photoButtons->addWidget(m_removePhoto);
    photoButtons->addStretch(1);
    auto *header = new QHBoxLayout;
    header->addWidget(m_photo);
    header->addWidget(m_header, 1);
    header->addLayout(photoButtons);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_alerts);
    layout->addWidget(m_message);
    layout->addWidget(m_sections, 1);
    connect(m_profile, &PatientProfile::changed, this, &PatientProfileView::showProfile);
}

bool PatientProfileView::openPatient(const QString &patientId)
{
    if (auto s = m_profile->open(patientId); !s) {
        showMessage(s.error(), true);
        return false;
    }
    return true;
}

void PatientProfileView::startNewPatient()
{
    m_profile->startNew();
    m_save->setEnabled(true);
    m_editor->input(QStringLiteral("familyName"))->setFocus();
}

QString PatientProfileView::patientId() const
{
    return m_profile->patient().meta.id;
}

QString PatientProfileView::title() const
{
    const Patient &p = m_profile->patient();
    QString t = m_profile->isNew() ? tr("New patient") : p.displayName();
    if (m_editor->isModified())
        t += QStringLiteral(" *");
    return t;
}

bool PatientProfileView::isModified() const
{
    return m_editor->isModified();
}

void PatientProfileView::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
    m_message->setVisible(!text.isEmpty());
}

void PatientProfileView::showProfile()
{
    const ClinicTime clinic = m_profile->clinicTime();
    const Patient &p = m_profile->patient();
    if (m_profile->isNew()) {
        m_header->setText(tr("<h2>New patient</h2>"));
    } else {
        QString age;
        if (p.birthDate.isValid()) {
            const QDate today = ClinicSettings(m_db).today();
            int years = today.year() - p.birthDate.year();
            if (today < p.birthDate.addYears(years))
                --years;
            age = tr("born %1 (%n years)", nullptr, years).arg(day(p.birthDate));
        }
        m_header->setText(tr("<h2>%1</h2>MRN %2 · %3 · %4")
                              .arg(p.displayName().toHtmlEscaped(), p.mrn.toHtmlEscaped(), age,
                                   p.phoneMobile.isEmpty() ? p.phoneHome.toHtmlEscaped()
                                                           : p.phoneMobile.toHtmlEscaped()));
    }
    showPhoto();
    showAlerts();
    // Reloads after adding an alert or consent must not throw away edits in progress.
    if (!m_editor->isModified()) {
        m_editor->setPatient(p);
        m_save->setEnabled(m_profile->isNew());
    }
    for (QPushButton *button : std::as_const(m_itemButtons))
        button->setEnabled(!m_profile->isNew());
    reloadTimeline();

    m_contacts->clear();
    auto tag = [](QTreeWidgetItem *item, const QString &kind, const QString &id) {
        item->setData(0, Qt::UserRole, id);
        item->setData(0, kKindRole, kind);
    };
    auto *alertItems = section(m_contacts, tr("Alerts"));
    for (const PatientAlert &a : m_profile->alerts()) {
        auto *item = new QTreeWidgetItem(
            alertItems, {a.text, a.severity, {}, a.active ? QString() : tr("inactive")});
        tag(item, QStringLiteral("alert"), a.meta.id);
        item->setToolTip(0, tr("Double-click to edit"));
    }
    if (m_profile->alerts().isEmpty())
        new QTreeWidgetItem(alertItems, {tr("(none)")});
    auto *prefs = section(m_contacts, tr("Communication preferences"));
    for (const CommunicationPreference &c : m_profile->preferences()) {
        QString quiet;
        if (c.quietStartMinute != c.quietEndMinute)
            quiet = tr("quiet %1–%2")
                        .arg(QTime(0, 0)
                                 .addSecs(c.quietStartMinute * 60)
                                 .toString(QStringLiteral("HH:mm")),
                             QTime(0, 0)
                                 .addSecs(c.quietEndMinute * 60)
                                 .toString(QStringLiteral("HH:mm")));
        auto *item = new QTreeWidgetItem(
            prefs, {c.purpose, c.optedOut ? tr("opted out") : c.channel, {}, quiet});
        tag(item, QStringLiteral("preference"), c.meta.id);
        item->setToolTip(0, tr("Double-click to edit"));
    }
    if (m_profile->preferences().isEmpty())
        new QTreeWidgetItem(prefs, {tr("(none recorded: the preferred channel applies)")});
    auto *consents = section(m_contacts, tr("Consents"));
    for (const Consent &c : m_profile->consents()) {
        auto *item = new QTreeWidgetItem(
            consents,
            {c.type, c.status == QLatin1String("given") ? tr("given") : tr("withdrawn"),
             when(c.decidedAt, clinic),
             tr("recorded by %1").arg(c.recordedBy) +
                 (c.documentName.isEmpty() ? QString() : QStringLiteral(" · ") + c.documentName)});
        tag(item, c.status == QLatin1String("given") ? QStringLiteral("consent") : QString(),
            c.meta.id);
        if (c.status == QLatin1String("given"))
            item->setToolTip(0, tr("Double-click to withdraw"));
    }
    if (m_profile->consents().isEmpty())
        new QTreeWidgetItem(consents, {tr("(none)")});
    auto *insurance = section(m_contacts, tr("Insurance"));
    for (const Coverage &c : m_profile->coverages()) {
        auto *item = new QTreeWidgetItem(
            insurance, {c.payer,
                        c.groupId.isEmpty() ? tr("member %1").arg(c.memberId)
                                            : tr("member %1, group %2").arg(c.memberId, c.groupId),
                        tr("%1 – %2").arg(day(c.validFrom), day(c.validTo)),
                        c.eligibilityCheckedAt.isValid()
                            ? tr("eligibility: %1 (checked %2)")
                                  .arg(c.eligibility, when(c.eligibilityCheckedAt, clinic))
                            : tr("eligibility not checked")});
        tag(item, QStringLiteral("coverage"), c.meta.id);
        item->setToolTip(0, tr("Double-click to edit or record an eligibility check"));
    }
    if (m_profile->coverages().isEmpty())
        new QTreeWidgetItem(insurance, {tr("(none)")});
    m_contacts->expandAll();
    m_removeItem->setEnabled(isRemovable(m_contacts->currentItem()));
    for (int c = 0; c < 3; ++c)
        m_contacts->resizeColumnToContents(c);
    showRecalls();

    // The clinical tab exists only for roles the permission table lets read clinical data.
    if (!m_profile->isNew() && m_profile->canSeeClinical() && !m_clinicalPage) {
        m_clinicalPage = new QWidget(this);
        m_openClinical = new QPushButton(tr("Open the clinical summary"), m_clinicalPage);
        m_openClinical->setObjectName(QStringLiteral("openClinical"));
        m_clinical = makeTree({tr("Item"), tr("Value"), tr("When"), tr("Notes")}, m_clinicalPage);
        m_clinical->setObjectName(QStringLiteral("clinicalSummary"));
        m_clinical->setWordWrap(true);
        m_clinical->setUniformRowHeights(false);
        auto *l = new QVBoxLayout(m_clinicalPage);
        l->addWidget(m_openClinical, 0, Qt::AlignLeft);
        l->addWidget(m_clinical, 1);
        m_sections->addTab(m_clinicalPage, tr("C&linical"));
        connect(m_openClinical, &QPushButton::clicked, this, &PatientProfileView::showClinical);
    }
    emit titleChanged(title());
}

void PatientProfileView::reloadTimeline()
{
    const ClinicTime clinic = m_profile->clinicTime();
    m_timeline->clear();
    QSet<TimelineEvent::Kind> kinds;
    for (QCheckBox *box : std::as_const(m_timelineFilters))
        if (box->isChecked())
            kinds.insert(TimelineEvent::Kind(box->property("kind").toInt()));
    QList<TimelineEvent> events;
    // No kind ticked means none here, not "all" as PatientTimeline reads an empty set.
    if (!kinds.isEmpty()) {
        auto loaded = m_profile->timeline(kinds);
        if (!loaded) {
            showMessage(loaded.error(), true);
            return;
        }
        events = *loaded;
    }
    // Each recall at the start of its due day, merged into the newest-first order.
    QList<std::pair<QDateTime, const Recall *>> recalls;
    if (m_recallFilter->isChecked()) {
        for (const Recall &r : m_profile->recalls())
            recalls.append({clinic.startOfDayUtc(r.dueOn), &r});
        std::stable_sort(recalls.begin(), recalls.end(),
                         [](const auto &a, const auto &b) { return a.first > b.first; });
    }
    auto recallRow = [&](const Recall &r) {
        auto *item = new QTreeWidgetItem(
            m_timeline, {day(r.dueOn), tr("Recall"), tr("Recall due: %1").arg(r.reason),
                         recallStatus(r, m_profile->isOverdue(r.meta.id))});
        if (m_profile->isOverdue(r.meta.id))
            item->setForeground(3, kOverdueColor);
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

void PatientProfileView::showClinical()
{
    QString reason;
    auto needs = m_profile->clinicalNeedsReason();
    if (!needs) {
        showMessage(needs.error(), true);
        return;
    }
    if (*needs) {
        bool ok = false;
        reason = QInputDialog::getText(
            this, tr("Reason for access"),
            tr("%1 has no appointment today. Why do you open the clinical record? (recorded in "
               "the audit trail)")
                .arg(m_profile->patient().displayName()),
            QLineEdit::Normal, {}, &ok);
        if (!ok || reason.trimmed().isEmpty())
            return;
    }
    auto summary = m_profile->openClinical(reason.trimmed());
    if (!summary) {
        showMessage(summary.error(), true);
        return;
    }
    fillClinical(*summary);
}

void PatientProfileView::showAlerts()
{
    QStringList alerts;
    for (const PatientAlert &a : m_profile->alerts())
        alerts << (a.severity == QLatin1String("high") ? QStringLiteral("⚠ ") : QString()) + a.text;
    alerts << m_allergyAlerts;
    m_alerts->setText(alerts.join(QStringLiteral("  ·  ")));
    m_alerts->setVisible(!alerts.isEmpty());
}

void PatientProfileView::fillClinical(const ClinicalSummary &s)
{
    const ClinicTime clinic = m_profile->clinicTime();
    // Active allergies join the alerts at the top once the clinical record is open (only
    // clinical roles get this far, and the opening is audited).
    m_allergyAlerts.clear();
    for (const Allergy &a : s.allergies) {
        if (a.clinicalStatus != QLatin1String("active"))
            continue;
        const QString what =
            a.reaction.isEmpty() ? a.code.display : tr("%1 (%2)").arg(a.code.display, a.reaction);
        m_allergyAlerts << (a.criticality == QLatin1String("high") ? tr("⚠ Allergy: %1").arg(what)
                                                                   : tr("Allergy: %1").arg(what));
    }
    showAlerts();
    m_clinical->clear();
    auto *allergies = section(m_clinical, tr("Allergies"));
    for (const Allergy &a : s.allergies) {
        auto *item = new QTreeWidgetItem(
            allergies, {a.code.display, a.criticality, when(a.recorded, clinic), a.reaction});
        item->setForeground(0, QColor(0xb3, 0x26, 0x1e));
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
    m_openClinical->hide();
}

void PatientProfileView::report(const Status &status)
{
    showMessage(status ? QString() : status.error(), !status);
}

bool PatientProfileView::isRemovable(const QTreeWidgetItem *item) const
{
    if (!item)
        return false;
    const QString kind = item->data(0, kKindRole).toString();
    return kind == QLatin1String("alert") || kind == QLatin1String("preference") ||
           kind == QLatin1String("consent");
}

void PatientProfileView::editItem(QTreeWidgetItem *item)
{
    if (!item)
        return;
    const QString id = item->data(0, Qt::UserRole).toString();
    const QString kind = item->data(0, kKindRole).toString();
    if (kind == QLatin1String("coverage")) {
        for (Coverage coverage : m_profile->coverages()) {
            if (coverage.meta.id == id && ProfileItemDialog::editCoverage(this, coverage))
                report(m_profile->saveCoverage(coverage));
        }
    } else if (kind == QLatin1String("alert")) {
        for (PatientAlert alert : m_profile->alerts()) {
            if (alert.meta.id == id && ProfileItemDialog::editAlert(this, alert))
                report(m_profile->editAlert(alert));
        }
    } else if (kind == QLatin1String("preference")) {
        for (CommunicationPreference preference : m_profile->preferences()) {
            if (preference.meta.id != id)
                continue;
            if (!ProfileItemDialog::editPreference(this, preference))
                return;
            report(m_profile->changePreference(id, preference));
            return;
        }
    } else if (kind == QLatin1String("consent")) {
        removeItem(item);
    }
}

void PatientProfileView::removeItem(QTreeWidgetItem *item)
{
    if (!isRemovable(item))
        return;
    const QString id = item->data(0, Qt::UserRole).toString();
    const QString kind = item->data(0, kKindRole).toString();
    if (kind == QLatin1String("consent")) {
        if (QMessageBox::question(this, tr("Withdraw consent"),
                                  tr("Record that the patient withdrew the consent “%1” "
                                     "today? The consent stays in the history.")
                                      .arg(item->text(0))) != QMessageBox::Yes)
            return;
        report(m_profile->withdrawConsent(id));
        return;
    }
    if (QMessageBox::question(this, tr("Remove"), tr("Remove “%1”?").arg(item->text(0))) !=
        QMessageBox::Yes)
        return;
    report(kind == QLatin1String("alert") ? m_profile->removeAlert(id)
                                          : m_profile->removePreference(id));
}

void PatientProfileView::showRecalls()
{
    const QString selected = selectedRecall();
    m_recalls->clear();
    for (const Recall &r : m_profile->recalls()) {
        const bool overdue = m_profile->isOverdue(r.meta.id);
        auto *item = new QTreeWidgetItem(
            m_recalls, {day(r.dueOn), r.reason,
                        r.practitionerId.isEmpty() ? tr("Any practitioner")
                                                   : m_profile->practitionerName(r.practitionerId),
                        recallStatus(r, overdue)});
        item->setData(0, Qt::UserRole, r.meta.id);
        item->setData(0, kKindRole, r.status);
        if (overdue) {
            QFont bold = item->font(3);
            bold.setBold(true);
            item->setFont(3, bold);
            item->setForeground(0, kOverdueColor);
            item->setForeground(3, kOverdueColor);
            item->setToolTip(3, tr("Due before today and no appointment booked on or after the "
                                   "due date: a care gap"));
        } else if (r.status != Recall::open()) {
            for (int c = 0; c < m_recalls->columnCount(); ++c)
                item->setForeground(c,
                                    m_recalls->palette().color(QPalette::Disabled, QPalette::Text));
        }
        if (r.status == Recall::open())
            item->setToolTip(0, tr("Double-click or Enter to change; Delete to cancel"));
        if (r.meta.id == selected)
            m_recalls->setCurrentItem(item);
    }
    if (m_profile->recalls().isEmpty()) {
        auto *none = new QTreeWidgetItem(m_recalls, {tr("(no recalls)")});
        none->setFirstColumnSpanned(true);
    }
    for (int c = 0; c < 3; ++c)
        m_recalls->resizeColumnToContents(c);
    const int overdue = m_profile->overdueRecallCount();
    m_sections->setTabText(m_sections->indexOf(m_recallsPage),
                           overdue ? tr("Recalls (%n overdue)", nullptr, overdue) : tr("Recalls"));
    updateRecallButtons();
}

bool PatientProfileView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_recalls && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->matches(QKeySequence::Delete)) {
        cancelRecall();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

QString PatientProfileView::selectedRecall() const
{
    const QTreeWidgetItem *item = m_recalls->currentItem();
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

void PatientProfileView::updateRecallButtons()
{
    const bool mayEdit = m_profile->canEditRecalls();
    const QTreeWidgetItem *item = m_recalls->currentItem();
    const bool open = item && item->data(0, kKindRole).toString() == Recall::open();
    m_addRecall->setEnabled(mayEdit);
    m_recallDone->setEnabled(mayEdit && open);
    m_cancelRecall->setEnabled(mayEdit && open);
}

void PatientProfileView::addRecall()
{
    if (!m_profile->canEditRecalls())
        return;
    RecallDialog dialog(*m_profile, m_profile->newRecall(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    report(m_profile->addRecall(dialog.recall()));
}

void PatientProfileView::editRecall(QTreeWidgetItem *item)
{
    if (!item || !m_profile->canEditRecalls())
        return;
    const QString id = item->data(0, Qt::UserRole).toString();
    for (const Recall &r : m_profile->recalls()) {
        if (r.meta.id != id)
            continue;
        if (r.status != Recall::open()) {
            showMessage(tr("This recall is closed and cannot be changed; add a new one instead."),
                        true);
            return;
        }
        RecallDialog dialog(*m_profile, r, this);
        if (dialog.exec() == QDialog::Accepted)
            report(m_profile->editRecall(dialog.recall()));
        return;
    }
}

void PatientProfileView::markRecallDone()
{
    const QString id = selectedRecall();
    if (id.isEmpty() || !m_recallDone->isEnabled())
        return;
    report(m_profile->markRecallDone(id));
}

void PatientProfileView::cancelRecall()
{
    const QString id = selectedRecall();
    if (id.isEmpty() || !m_cancelRecall->isEnabled())
        return;
    if (QMessageBox::question(this, tr("Cancel recall"),
                              tr("Cancel the recall “%1”? It stays in the patient's history.")
                                  .arg(m_recalls->currentItem()->text(1))) != QMessageBox::Yes)
        return;
    report(m_profile->cancelRecall(id));
}

void PatientProfileView::showPhoto()
{
    const bool mayEdit =
        !m_profile->isNew() && AccessGuard(m_db).require(Permission::EditDemographics).ok();
    std::optional<PatientPhoto> photo;
    if (!m_profile->isNew()) {
        auto loaded = m_profile->photo();
        if (loaded)
            photo = *loaded;
        else
            showMessage(loaded.error(), true);
    }
    QPixmap pixmap;
    if (photo && !pixmap.loadFromData(photo->data))
        m_photo->setText(tr("(photo cannot be shown)"));
    else if (photo)
        m_photo->setPixmap(
            pixmap.scaled(m_photo->size(), Qt::KeepAspectRatio, Qt::SmoothTransformation));
    else
        m_photo->clear();
    m_photo->setVisible(photo.has_value());
    m_setPhoto->setVisible(mayEdit);
    m_removePhoto->setVisible(mayEdit);
    m_removePhoto->setEnabled(photo.has_value());
}

void PatientProfileView::choosePhoto()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a photo"), {},
                                                      tr("Photos (*.jpg *.jpeg *.png)"));
    if (!path.isEmpty())
        setPhotoFromFile(path);
}

bool PatientProfileView::setPhotoFromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showMessage(tr("%1 cannot be read: %2").arg(path, file.errorString()), true);
        return false;
    }
    // Read one byte past the limit so an oversized file is refused without loading all of it.
    const QByteArray bytes = file.read(PatientPhoto::kMaxBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        showMessage(tr("%1 cannot be read: %2").arg(path, file.errorString()), true);
        return false;
    }
    if (auto s = PatientPhoto::validateBytes(bytes); !s) {
        showMessage(tr("%1: %2").arg(path, s.error()), true);
        return false;
    }
    if (const Status saved = m_profile->setPhoto(bytes); !saved) {
        showMessage(saved.error(), true);
        return false;
    }
    showMessage({}, false);
    showPhoto();
    return true;
}

bool PatientProfileView::removePhoto()
{
    const Status s = m_profile->removePhoto();
    report(s);
    showPhoto();
    return s.ok();
}

void PatientProfileView::revert()
{
    m_editor->setPatient(m_profile->patient());
    showMessage({}, false);
}

bool PatientProfileView::maybeClose()
{
    if (!isModified())
        return true;
    QMessageBox box(
        QMessageBox::Question, tr("Unsaved changes"),
        tr("Save the changes to %1?")
            .arg(m_profile->isNew() ? tr("the new patient") : m_profile->patient().displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        return save();
    case QMessageBox::Discard:
        revert();
        return true;
    default:
        return false;
    }
}

bool PatientProfileView::save()
{
    const Patient draft = m_editor->patient();
    QMap<QString, QString> errors = m_profile->validate(draft);
    const QMap<QString, QString> unreadable = m_editor->inputErrors();
    for (auto it = unreadable.begin(); it != unreadable.end(); ++it)
        errors.insert(it.key(), it.value());
    m_editor->showErrors(errors);
    if (!errors.isEmpty()) {
        showMessage(tr("Please correct the fields marked in red."), true);
        return false;
    }
    if (m_profile->isNew()) {
        auto duplicates = m_profile->possibleDuplicates(draft);
        if (!duplicates) {
            showMessage(duplicates.error(), true);
            return false;
        }
        if (!duplicates->isEmpty()) {
            QStringList lines;
            for (const auto &m : *duplicates)
                lines << tr("%1 (MRN %2, born %3): %4")
                             .arg(m.patient.displayName(), m.patient.mrn, day(m.patient.birthDate),
                                  m.score.reasons.join(QStringLiteral(", ")));
            QMessageBox box(QMessageBox::Warning, tr("Possible duplicate"),
                            tr("This patient may already be registered:\n\n%1\n\nOpen the existing "
                               "record instead, or save a new one anyway?")
                                .arg(lines.join(QLatin1Char('\n'))),
                            QMessageBox::Cancel, this);
            QPushButton *openExisting =
                box.addButton(tr("&Open existing"), QMessageBox::AcceptRole);
            QPushButton *saveAnyway =
                box.addButton(tr("&Save anyway"), QMessageBox::DestructiveRole);
            box.setDefaultButton(openExisting);
            box.exec();
            if (box.clickedButton() == openExisting) {
                emit openPatientRequested(duplicates->first().patient.meta.id);
                return false;
            }
            if (box.clickedButton() != saveAnyway)
                return false;
        }
    }
    if (auto s = m_profile->save(draft); !s) {
        showMessage(s.error(), true);
        return false;
    }
    m_editor->setPatient(m_profile->patient());
    m_save->setEnabled(false);
    showMessage(tr("Saved."), false);
    emit saved(patientId());
    return true;
}

} // namespace frontdesk
