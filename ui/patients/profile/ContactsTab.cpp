#include "ContactsTab.h"

#include "PatientProfile.h"
#include "ProfileFormat.h"
#include "domain/ConsentLabels.h"
#include "patients/ProfileItemDialog.h"

#include <QHBoxLayout>
#include <QMessageBox>
#include <QPushButton>
#include <QTime>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <functional>

namespace frontdesk {

using profile::day;
using profile::when;

namespace {
// What a row is: alert, preference, consent (given), coverage.
constexpr int kKindRole = Qt::UserRole + 1;
} // namespace

ContactsTab::ContactsTab(PatientProfile &profile, QWidget *parent)
    : QWidget(parent), m_profile(profile)
{
    m_contacts =
        profile::makeTree({tr("Item"), tr("Value"), tr("Since / checked"), tr("Notes")}, this);
    m_contacts->setObjectName(QStringLiteral("contacts"));
    m_contacts->setAccessibleName(tr("Contact preferences, consents and insurance"));
    connect(m_contacts, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { editItem(item); });
    connect(m_contacts, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *item) { m_remove->setEnabled(isRemovable(item)); });
    auto *buttons = new QHBoxLayout;
    const QList<QPair<QString, std::function<void()>>> actions{
        {tr("Add &alert…"),
         [this] {
             PatientAlert alert;
             if (ProfileItemDialog::editAlert(this, alert))
                 emit reported(m_profile.addAlert(alert));
         }},
        {tr("Record c&onsent…"),
         [this] {
             Consent consent;
             if (ProfileItemDialog::editConsent(this, consent))
                 emit reported(m_profile.recordConsent(consent));
         }},
        {tr("Add &insurance…"),
         [this] {
             Coverage coverage;
             if (ProfileItemDialog::editCoverage(this, coverage))
                 emit reported(m_profile.saveCoverage(coverage));
         }},
        {tr("Set &preference…"),
         [this] {
             CommunicationPreference preference;
             if (ProfileItemDialog::editPreference(this, preference))
                 emit reported(m_profile.setPreference(preference));
         }},
    };
    for (const auto &action : actions) {
        auto *button = new QPushButton(action.first, this);
        connect(button, &QPushButton::clicked, this, action.second);
        buttons->addWidget(button);
        m_addButtons << button;
    }
    m_remove = new QPushButton(tr("&Remove / withdraw…"), this);
    m_remove->setObjectName(QStringLiteral("removeItemButton"));
    m_remove->setToolTip(tr("Remove the selected alert or preference, or withdraw the "
                            "selected consent"));
    m_remove->setEnabled(false);
    connect(m_remove, &QPushButton::clicked, this,
            [this] { removeItem(m_contacts->currentItem()); });
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_contacts, 1);
}

void ContactsTab::reload()
{
    const ClinicTime clinic = m_profile.clinicTime();
    for (QPushButton *button : std::as_const(m_addButtons))
        button->setEnabled(!m_profile.isNew());
    m_contacts->clear();
    auto tag = [](QTreeWidgetItem *item, const QString &kind, const QString &id) {
        item->setData(0, Qt::UserRole, id);
        item->setData(0, kKindRole, kind);
    };
    auto *alertItems = profile::section(m_contacts, tr("Alerts"));
    for (const PatientAlert &a : m_profile.alerts()) {
        auto *item = new QTreeWidgetItem(
            alertItems, {a.text,
                         ProfileItemDialog::labelOf(ProfileItemDialog::severities(), a.severity),
                         {},
                         a.active ? QString() : tr("inactive")});
        tag(item, QStringLiteral("alert"), a.meta.id);
        item->setToolTip(0, tr("Double-click to edit"));
    }
    if (m_profile.alerts().isEmpty())
        new QTreeWidgetItem(alertItems, {tr("(none)")});
    auto *prefs = profile::section(m_contacts, tr("Communication preferences"));
    for (const CommunicationPreference &c : m_profile.preferences()) {
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
            prefs,
            {ProfileItemDialog::labelOf(ProfileItemDialog::purposes(), c.purpose),
             c.optedOut ? tr("opted out")
                        : ProfileItemDialog::labelOf(ProfileItemDialog::channels(), c.channel),
             {},
             quiet});
        tag(item, QStringLiteral("preference"), c.meta.id);
        item->setToolTip(0, tr("Double-click to edit"));
    }
    if (m_profile.preferences().isEmpty())
        new QTreeWidgetItem(prefs, {tr("(none recorded: the preferred channel applies)")});
    auto *consents = profile::section(m_contacts, tr("Consents"));
    for (const Consent &c : m_profile.consents()) {
        auto *item = new QTreeWidgetItem(
            consents,
            {ConsentLabels::type(c.type),
             c.status == QLatin1String("given") ? tr("given") : tr("withdrawn"),
             when(c.decidedAt, clinic),
             tr("recorded by %1").arg(c.recordedBy) +
                 (c.documentName.isEmpty() ? QString() : QStringLiteral(" · ") + c.documentName)});
        tag(item, c.status == QLatin1String("given") ? QStringLiteral("consent") : QString(),
            c.meta.id);
        if (c.status == QLatin1String("given"))
            item->setToolTip(0, tr("Double-click to withdraw"));
    }
    if (m_profile.consents().isEmpty())
        new QTreeWidgetItem(consents, {tr("(none)")});
    auto *insurance = profile::section(m_contacts, tr("Insurance"));
    for (const Coverage &c : m_profile.coverages()) {
        auto *item = new QTreeWidgetItem(
            insurance, {c.payer,
                        c.groupId.isEmpty() ? tr("member %1").arg(c.memberId)
                                            : tr("member %1, group %2").arg(c.memberId, c.groupId),
                        tr("%1 – %2").arg(day(c.validFrom), day(c.validTo)),
                        c.eligibilityCheckedAt.isValid()
                            ? tr("eligibility: %1 (checked %2)")
                                  .arg(ProfileItemDialog::labelOf(
                                           ProfileItemDialog::eligibilities(), c.eligibility),
                                       when(c.eligibilityCheckedAt, clinic))
                            : tr("eligibility not checked")});
        tag(item, QStringLiteral("coverage"), c.meta.id);
        item->setToolTip(0, tr("Double-click to edit or record an eligibility check"));
    }
    if (m_profile.coverages().isEmpty())
        new QTreeWidgetItem(insurance, {tr("(none)")});
    m_contacts->expandAll();
    m_remove->setEnabled(isRemovable(m_contacts->currentItem()));
    for (int c = 0; c < 3; ++c)
        m_contacts->resizeColumnToContents(c);
}

bool ContactsTab::isRemovable(const QTreeWidgetItem *item) const
{
    if (!item)
        return false;
    const QString kind = item->data(0, kKindRole).toString();
    return kind == QLatin1String("alert") || kind == QLatin1String("preference") ||
           kind == QLatin1String("consent");
}

void ContactsTab::editItem(QTreeWidgetItem *item)
{
    if (!item)
        return;
    const QString id = item->data(0, Qt::UserRole).toString();
    const QString kind = item->data(0, kKindRole).toString();
    if (kind == QLatin1String("coverage")) {
        for (Coverage coverage : m_profile.coverages()) {
            if (coverage.meta.id == id && ProfileItemDialog::editCoverage(this, coverage))
                emit reported(m_profile.saveCoverage(coverage));
        }
    } else if (kind == QLatin1String("alert")) {
        for (PatientAlert alert : m_profile.alerts()) {
            if (alert.meta.id == id && ProfileItemDialog::editAlert(this, alert))
                emit reported(m_profile.editAlert(alert));
        }
    } else if (kind == QLatin1String("preference")) {
        for (CommunicationPreference preference : m_profile.preferences()) {
            if (preference.meta.id != id)
                continue;
            if (!ProfileItemDialog::editPreference(this, preference))
                return;
            emit reported(m_profile.changePreference(id, preference));
            return;
        }
    } else if (kind == QLatin1String("consent")) {
        removeItem(item);
    }
}

void ContactsTab::removeItem(QTreeWidgetItem *item)
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
        emit reported(m_profile.withdrawConsent(id));
        return;
    }
    if (QMessageBox::question(this, tr("Remove"), tr("Remove “%1”?").arg(item->text(0))) !=
        QMessageBox::Yes)
        return;
    emit reported(kind == QLatin1String("alert") ? m_profile.removeAlert(id)
                                                 : m_profile.removePreference(id));
}

} // namespace frontdesk
