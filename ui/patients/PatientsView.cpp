#include "PatientsView.h"

#include "MergeDialog.h"
#include "PatientListModel.h"
#include "PatientProfileView.h"

#include "common/RecordTable.h"
#include <QHBoxLayout>
#include <QHeaderView>

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace frontdesk {

namespace {
// Long enough not to query on every keystroke of a fast typist, short enough to feel live.
constexpr int kFilterDelayMs = 200;
} // namespace

PatientsView::PatientsView(Database &db, PatientListModel *model, QWidget *parent)
    : QWidget(parent), m_db(db), m_model(model), m_filterTimer(new QTimer(this))
{
    auto *find = new QWidget(this);
    auto *searchLabel = new QLabel(tr("&Search:"), find);
    m_search = new QLineEdit(find);
    m_search->setObjectName(QStringLiteral("patientSearch"));
    m_search->setPlaceholderText(tr("Name, birth date, phone, MRN or e-mail"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(
        tr("Finds patients by name (in any order, accents and case ignored), birth date, phone "
           "number, MRN or e-mail, best match first (Ctrl+F). Enter opens the profile when one "
           "patient matches; otherwise Enter or Down goes to the results, and Enter there opens "
           "the chosen one."));
    m_search->installEventFilter(this);
    searchLabel->setBuddy(m_search);
    m_countLabel = new QLabel(find);
    m_countLabel->setObjectName(QStringLiteral("patientCount"));
    auto *newButton = new QPushButton(tr("&New Patient…"), find);
    newButton->setObjectName(QStringLiteral("newPatientButton"));
    connect(newButton, &QPushButton::clicked, this, [this] { newPatient(); });
    auto *duplicatesButton = new QPushButton(tr("&Duplicates…"), find);
    duplicatesButton->setObjectName(QStringLiteral("duplicatesButton"));
    connect(duplicatesButton, &QPushButton::clicked, this, &PatientsView::showDuplicates);

    m_table = new QTableView(find);
    m_table->setObjectName(QStringLiteral("patientTable"));
    m_table->setAccessibleName(tr("Patients found"));
    m_table->setModel(m_model);
    setUpRecordTable(m_table, 10);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(PatientListModel::EmailColumn, QHeaderView::Stretch);
    // Sized for typical content up front: measuring would only see the first page.
    const QFontMetrics metrics = m_table->fontMetrics();
    const int pad = 2 * metrics.horizontalAdvance(QLatin1Char('M'));
    header->resizeSection(PatientListModel::NameColumn,
                          18 * metrics.horizontalAdvance(QLatin1Char('M')));
    // Never narrower than the column's heading ("Patientennummer" is longer than an MRN).
    const auto fit = [header](int column, int contentWidth) {
        header->resizeSection(column, std::max(contentWidth, header->sectionSizeHint(column)));
    };
    fit(PatientListModel::BirthDateColumn,
        metrics.horizontalAdvance(QStringLiteral("00/00/0000")) + pad);
    fit(PatientListModel::MrnColumn, metrics.horizontalAdvance(QStringLiteral("MRN0000000")) + pad);
    fit(PatientListModel::PhoneColumn,
        metrics.horizontalAdvance(QStringLiteral("+49 000 00000000")) + pad);
    connect(m_table, &QTableView::activated, this, &PatientsView::showDetails);

    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(kFilterDelayMs);
    connect(m_filterTimer, &QTimer::timeout, this, &PatientsView::applyFilter);
    connect(m_search, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
    // One match opens at once; with several, a person picks one (opening a record is audited,
    // so the best guess is never opened for them).
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        applyFilter();
        if (!m_model->filterText().isEmpty() && m_model->matchCount() == 1 &&
            m_model->rowCount() == 1)
            showDetails(m_model->index(0, PatientListModel::NameColumn));
        else
            focusFirstResult();
    });
    connect(m_model, &PatientListModel::matchCountChanged, this, &PatientsView::updateCount);

    auto *bar = new QHBoxLayout;
    bar->addWidget(searchLabel);
    bar->addWidget(m_search, 1);
    bar->addSpacing(12);
    bar->addWidget(m_countLabel);
    bar->addSpacing(12);
    bar->addWidget(newButton);
    bar->addWidget(duplicatesButton);
    auto *findLayout = new QVBoxLayout(find);
    findLayout->addLayout(bar);
    findLayout->addWidget(m_table);

    // The search stays the first tab; each open patient gets one after it.
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("patientTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(false);
    m_tabs->addTab(find, tr("Find"));
    m_tabs->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr);
    m_tabs->tabBar()->setTabButton(0, QTabBar::LeftSide, nullptr);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &PatientsView::closeTab);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    setFocusProxy(m_search);
    updateCount();
}

void PatientsView::focusSearch()
{
    m_tabs->setCurrentIndex(0);
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

bool PatientsView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_PageDown) {
            applyFilter();
            focusFirstResult();
            return true;
        }
        if (key->key() == Qt::Key_Escape && !m_search->text().isEmpty()) {
            m_search->clear();
            applyFilter();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void PatientsView::applyFilter()
{
    m_filterTimer->stop();
    m_model->filter(m_search->text());
}

void PatientsView::focusFirstResult()
{
    if (m_model->rowCount() == 0)
        return;
    m_table->setFocus(Qt::OtherFocusReason);
    if (!m_table->currentIndex().isValid())
        m_table->setCurrentIndex(m_model->index(0, PatientListModel::NameColumn));
    m_table->selectRow(m_table->currentIndex().row());
}

void PatientsView::updateCount()
{
    const int count = int(std::min<qint64>(m_model->matchCount(), INT_MAX));
    if (!m_model->filterText().isEmpty())
        m_countLabel->setText(tr("%Ln patients match", nullptr, count));
    else
        m_countLabel->setText(tr("%Ln patients", nullptr, count));
}

void PatientsView::showDetails(const QModelIndex &index)
{
    if (index.isValid())
        openPatient(m_model->patientAt(index.row()).meta.id);
}

PatientProfileView *PatientsView::profileAt(int tab) const
{
    return qobject_cast<PatientProfileView *>(m_tabs->widget(tab));
}

PatientProfileView *PatientsView::openPatient(const QString &patientId)
{
    for (int i = 1; i < m_tabs->count(); ++i) {
        if (profileAt(i) && profileAt(i)->patientId() == patientId) {
            m_tabs->setCurrentIndex(i);
            return profileAt(i);
        }
    }
    auto *profile = new PatientProfileView(m_db, m_tabs);
    if (!profile->openPatient(patientId)) {
        QMessageBox::warning(this, tr("Patient"), profile->messageLabel()->text());
        delete profile;
        return nullptr;
    }
    addProfileTab(profile, profile->title());
    connect(profile, &PatientProfileView::openPatientRequested, this,
            [this](const QString &id) { openPatient(id); });
    return profile;
}

void PatientsView::addProfileTab(PatientProfileView *profile, const QString &title)
{
    const int tab = m_tabs->addTab(profile, title);
    connect(profile, &PatientProfileView::titleChanged, this, [this, profile](const QString &text) {
        m_tabs->setTabText(m_tabs->indexOf(profile), text);
    });
    connect(profile, &PatientProfileView::saved, m_model, &PatientListModel::refresh);
    connect(profile, &PatientProfileView::composeMessageRequested, this,
            &PatientsView::composeMessageRequested);
    connect(profile, &PatientProfileView::bookAppointmentRequested, this,
            &PatientsView::bookAppointmentRequested);
    m_tabs->setCurrentIndex(tab);
}

PatientProfileView *PatientsView::newPatient()
{
    auto *profile = new PatientProfileView(m_db, m_tabs);
    addProfileTab(profile, tr("New patient"));
    connect(profile, &PatientProfileView::openPatientRequested, this,
            [this, profile](const QString &id) {
                // The person chose the existing record: the draft goes without asking.
                m_tabs->removeTab(m_tabs->indexOf(profile));
                profile->deleteLater();
                openPatient(id);
            });
    profile->startNewPatient();
    return profile;
}

bool PatientsView::closeTab(int tab)
{
    PatientProfileView *profile = profileAt(tab);
    if (!profile)
        return false;
    m_tabs->setCurrentIndex(tab);
    if (!profile->maybeClose())
        return false;
    m_tabs->removeTab(tab);
    profile->deleteLater();
    return true;
}

bool PatientsView::maybeCloseAll()
{
    for (int i = m_tabs->count() - 1; i >= 1; --i) {
        if (!closeTab(i))
            return false;
    }
    return true;
}

void PatientsView::showDuplicates()
{
    MergeDialog dialog(m_db, this);
    connect(&dialog, &MergeDialog::merged, m_model, &PatientListModel::refresh);
    dialog.loadDuplicates();
    dialog.exec();
}

} // namespace frontdesk
