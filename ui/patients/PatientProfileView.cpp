#include "PatientProfileView.h"

#include "storage/Database.h"

#include "PatientEditor.h"
#include "PatientProfile.h"
#include "ProfileItemDialog.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
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

QTreeWidgetItem *section(QTreeWidget *tree, const QString &title)
{
    auto *item = new QTreeWidgetItem(tree, {title});
    QFont bold = item->font(0);
    bold.setBold(true);
    item->setFont(0, bold);
    item->setFirstColumnSpanned(true);
    return item;
}

} // namespace

PatientProfileView::PatientProfileView(Database &db, QWidget *parent)
    : QWidget(parent), m_db(db), m_profile(new PatientProfile(db, this))
{
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("profileHeader"));
    m_header->setTextFormat(Qt::RichText);
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
    // An insurance is edited in place: a new eligibility answer is recorded as a check now.
    connect(m_contacts, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        const QString id = item->data(0, Qt::UserRole).toString();
        for (Coverage coverage : m_profile->coverages()) {
            if (coverage.meta.id != id)
                continue;
            if (ProfileItemDialog::editCoverage(this, coverage))
                report(m_profile->saveCoverage(coverage));
            return;
        }
    });
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
    itemButtons->addStretch(1);
    auto *contactsLayout = new QVBoxLayout(contactsPage);
    contactsLayout->addLayout(itemButtons);
    contactsLayout->addWidget(m_contacts, 1);
    m_sections->addTab(contactsPage, tr("&Consents && insurance"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
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
            const QDate today = clinic.today(m_db.clock());
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
    QStringList alerts;
    for (const PatientAlert &a : m_profile->alerts())
        alerts << (a.severity == QLatin1String("high") ? QStringLiteral("⚠ ") : QString()) + a.text;
    m_alerts->setText(alerts.join(QStringLiteral("  ·  ")));
    m_alerts->setVisible(!alerts.isEmpty());
    // Reloads after adding an alert or consent must not throw away edits in progress.
    if (!m_editor->isModified()) {
        m_editor->setPatient(p);
        m_save->setEnabled(m_profile->isNew());
    }
    for (QPushButton *button : std::as_const(m_itemButtons))
        button->setEnabled(!m_profile->isNew());
    reloadTimeline();

    m_contacts->clear();
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
        new QTreeWidgetItem(prefs,
                            {c.purpose, c.optedOut ? tr("opted out") : c.channel, {}, quiet});
    }
    if (m_profile->preferences().isEmpty())
        new QTreeWidgetItem(prefs, {tr("(none recorded: the preferred channel applies)")});
    auto *consents = section(m_contacts, tr("Consents"));
    for (const Consent &c : m_profile->consents())
        new QTreeWidgetItem(
            consents,
            {c.type, c.status == QLatin1String("given") ? tr("given") : tr("withdrawn"),
             when(c.decidedAt, clinic),
             tr("recorded by %1").arg(c.recordedBy) +
                 (c.documentName.isEmpty() ? QString() : QStringLiteral(" · ") + c.documentName)});
    if (m_profile->consents().isEmpty())
        new QTreeWidgetItem(consents, {tr("(none)")});
    auto *insurance = section(m_contacts, tr("Insurance"));
    for (const Coverage &c : m_profile->coverages()) {
        auto *item = new QTreeWidgetItem(
            insurance, {c.payer, tr("member %1, group %2").arg(c.memberId, c.groupId),
                        tr("%1 – %2").arg(day(c.validFrom), day(c.validTo)),
                        c.eligibilityCheckedAt.isValid()
                            ? tr("eligibility: %1 (checked %2)")
                                  .arg(c.eligibility, when(c.eligibilityCheckedAt, clinic))
                            : tr("eligibility not checked")});
        item->setData(0, Qt::UserRole, c.meta.id);
        item->setToolTip(0, tr("Double-click to edit or record an eligibility check"));
    }
    if (m_profile->coverages().isEmpty())
        new QTreeWidgetItem(insurance, {tr("(none)")});
    m_contacts->expandAll();
    for (int c = 0; c < 3; ++c)
        m_contacts->resizeColumnToContents(c);

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
    if (kinds.isEmpty())
        return;
    auto events = m_profile->timeline(kinds);
    if (!events) {
        showMessage(events.error(), true);
        return;
    }
    for (const TimelineEvent &e : *events)
        new QTreeWidgetItem(m_timeline, {when(e.at, clinic), PatientTimeline::kindName(e.kind),
                                         e.title, e.detail.simplified()});
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

void PatientProfileView::fillClinical(const ClinicalSummary &s)
{
    const ClinicTime clinic = m_profile->clinicTime();
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
