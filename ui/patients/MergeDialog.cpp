#include "MergeDialog.h"

#include "common/ViewHelpers.h"
#include "core/LocaleFormat.h"
#include "core/LocaleNames.h"
#include "patients/DuplicateFinder.h"
#include "patients/PatientMerge.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

namespace frontdesk {

namespace {

QString shown(const QString &field, const QVariant &v)
{
    if (field == QLatin1String("country"))
        return LocaleNames::country(v.toString());
    if (field == QLatin1String("preferredLanguage"))
        return LocaleNames::language(v.toString());
    if (v.typeId() == QMetaType::QDate)
        return v.toDate().isValid() ? LocaleFormat::fullYearDate(v.toDate()) : QString();
    return v.toString();
}

} // namespace

MergeDialog::MergeDialog(Database &db, QWidget *parent) : QDialog(parent), m_db(db)
{
    setWindowTitle(tr("Possible duplicates"));
    m_pairs = new QTableWidget(0, 4, this);
    m_pairs->setObjectName(QStringLiteral("duplicatePairs"));
    m_pairs->setAccessibleName(tr("Possible duplicates"));
    m_pairs->setHorizontalHeaderLabels({tr("Score"), tr("Record A"), tr("Record B"), tr("Why")});
    m_pairs->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_pairs->setSelectionMode(QAbstractItemView::SingleSelection);
    m_pairs->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_pairs->verticalHeader()->hide();
    m_pairs->horizontalHeader()->setStretchLastSection(true);
    connect(m_pairs, &QTableWidget::currentCellChanged, this, [this](int row) { showPair(row); });

    m_fieldsBox = new QWidget(this);
    m_fields = new QGridLayout(m_fieldsBox);
    auto *scroll = new QScrollArea(this);
    scroll->setAccessibleName(tr("Fields of the two records"));
    scroll->setWidget(m_fieldsBox);
    scroll->setWidgetResizable(true);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *swap =
        buttons->addButton(tr("S&wap surviving record"), QDialogButtonBox::ActionRole);
    QPushButton *merge = buttons->addButton(tr("&Merge…"), QDialogButtonBox::ActionRole);
    merge->setObjectName(QStringLiteral("mergeButton"));
    connect(swap, &QPushButton::clicked, this, &MergeDialog::swapSides);
    connect(merge, &QPushButton::clicked, this, [this] { mergeSelected(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Pairs of records that may be the same person, most likely "
                                    "first. Select one to compare and merge it."),
                                 this));
    layout->addWidget(m_pairs, 2);
    layout->addWidget(scroll, 3);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(900, 640);
}

bool MergeDialog::loadDuplicates()
{
    auto pairs = DuplicateFinder(m_db).scan();
    if (!pairs) {
        m_message->setText(pairs.error());
        return false;
    }
    m_candidates.clear();
    m_pairs->setRowCount(int(pairs->size()));
    for (int i = 0; i < pairs->size(); ++i) {
        const auto &p = pairs->at(i);
        m_candidates << qMakePair(p.first, p.second);
        auto text = [](const Patient &x) {
            return tr("%1 (%2, %3)")
                .arg(x.displayName(), view::mrn(x.mrn),
                     x.birthDate.isValid() ? LocaleFormat::fullYearDate(x.birthDate)
                                           : tr("no birth date"));
        };
        m_pairs->setItem(i, 0, new QTableWidgetItem(QLocale().toString(p.score.score)));
        m_pairs->setItem(i, 1, new QTableWidgetItem(text(p.first)));
        m_pairs->setItem(i, 2, new QTableWidgetItem(text(p.second)));
        m_pairs->setItem(i, 3, new QTableWidgetItem(p.score.reasons.join(QStringLiteral(", "))));
    }
    m_pairs->resizeColumnsToContents();
    m_message->setText(pairs->isEmpty() ? tr("No possible duplicates found.") : QString());
    if (!pairs->isEmpty())
        m_pairs->setCurrentCell(0, 0);
    return true;
}

void MergeDialog::showPair(int row)
{
    if (row < 0 || row >= m_candidates.size())
        return;
    m_survivor = m_candidates.at(row).first;
    m_merged = m_candidates.at(row).second;
    showFields();
}

void MergeDialog::swapSides()
{
    if (m_survivor.meta.id.isEmpty())
        return;
    std::swap(m_survivor, m_merged);
    showFields();
}

void MergeDialog::showFields()
{
    while (QLayoutItem *item = m_fields->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_choices.clear();
    m_fields->addWidget(new QLabel(tr("<b>Field</b>"), m_fieldsBox), 0, 0);
    m_fields->addWidget(new QLabel(tr("<b>Keep (surviving record)</b>"), m_fieldsBox), 0, 1);
    m_fields->addWidget(new QLabel(tr("<b>Take from the merged record</b>"), m_fieldsBox), 0, 2);
    int row = 1;
    for (const PatientMerge::Field &f : PatientMerge::fields()) {
        const QString mine = shown(f.key, f.get(m_survivor));
        const QString theirs = shown(f.key, f.get(m_merged));
        auto *group = new QButtonGroup(m_fieldsBox);
        auto *keep = new QRadioButton(mine.isEmpty() ? tr("(empty)") : mine, m_fieldsBox);
        auto *take = new QRadioButton(theirs.isEmpty() ? tr("(empty)") : theirs, m_fieldsBox);
        group->addButton(keep, 0);
        group->addButton(take, 1);
        // Same default as PatientMerge: keep ours unless it is empty.
        (mine.isEmpty() && !theirs.isEmpty() ? take : keep)->setChecked(true);
        const bool differ = mine != theirs;
        keep->setEnabled(differ);
        take->setEnabled(differ);
        m_fields->addWidget(new QLabel(f.label, m_fieldsBox), row, 0);
        m_fields->addWidget(keep, row, 1);
        m_fields->addWidget(take, row, 2);
        m_choices << qMakePair(f.key, group);
        ++row;
    }
    m_fields->setRowStretch(row, 1);
}

bool MergeDialog::mergeSelected()
{
    if (m_survivor.meta.id.isEmpty())
        return false;
    PatientMerge::Plan plan;
    plan.survivorId = m_survivor.meta.id;
    plan.mergedId = m_merged.meta.id;
    for (const auto &choice : std::as_const(m_choices))
        plan.choices.insert(choice.first, choice.second->checkedId() == 1
                                              ? PatientMerge::Side::Merged
                                              : PatientMerge::Side::Survivor);
    const auto answer = QMessageBox::question(
        this, tr("Merge records"),
        tr("Merge %1 (%2) into %3 (%4)? Appointments, messages, consents, insurance and "
           "clinical records move to the surviving record; the merged record stays as a link.")
            .arg(m_merged.displayName(), view::mrn(m_merged.mrn), m_survivor.displayName(),
                 view::mrn(m_survivor.mrn)));
    if (answer != QMessageBox::Yes)
        return false;
    auto outcome = PatientMerge(m_db).merge(plan);
    if (!outcome) {
        m_message->setText(outcome.error());
        return false;
    }
    emit merged(plan.survivorId, plan.mergedId);
    m_message->setText(
        tr("Merged. %1 now holds both records.").arg(outcome->survivor.displayName()));
    m_survivor = {};
    loadDuplicates();
    return true;
}

} // namespace frontdesk
