#include "MainWindow.h"

#include "AboutDialog.h"
#include "AppointmentDayModel.h"
#include "ClinicSettings.h"
#include "DayScheduleModel.h"
#include "MessageThreadListModel.h"
#include "MessageThreadModel.h"
#include "PatientListModel.h"
#include "SyncStatus.h"
#include "WorklistModel.h"
#include "access/AccessGuard.h"
#include "admin/ConflictsDialog.h"
#include "common/MessageLifetime.h"
#include "common/SyncStatusWidget.h"
#include "dashboard/DashboardView.h"
#include "messages/ComposeMessageDialog.h"
#include "messages/MessagesView.h"
#include "messages/RecallOutreachDialog.h"
#include "messages/SurveyAnswerDialog.h"
#include "messages/WorklistView.h"
#include "patients/PatientsView.h"
#include "schedule/SchedulePanel.h"
#include "schedule/ScheduleView.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>

namespace frontdesk {

namespace {

QSettings windowSettings()
{
    return QSettings(QStringLiteral("frontdesk"), QStringLiteral("frontdesk"));
}

const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kViewKey = QStringLiteral("mainWindow/view");

} // namespace

MainWindow::MainWindow(Database &db, const QString &place, QWidget *parent)
    : QMainWindow(parent), m_db(db), m_dayModel(new AppointmentDayModel(db, this)),
      m_patientModel(new PatientListModel(db, this)),
      m_messageModel(new MessageThreadListModel(db, this)),
      m_threadModel(new MessageThreadModel(db, this)), m_worklistModel(new WorklistModel(db, this)),
      m_syncStatus(new SyncStatus(db, this))
{
    m_statusLifetime = new MessageLifetime([&db] { return db.clock().nowUtc(); }, this);
    connect(m_statusLifetime, &MessageLifetime::expired, this, &MainWindow::clearStatus);
    setWindowTitle(place.isEmpty() ? tr("Frontdesk") : tr("Frontdesk — %1").arg(place));
    for (DatabaseTableModel *model : std::initializer_list<DatabaseTableModel *>{
             m_dayModel, m_patientModel, m_messageModel, m_threadModel, m_worklistModel})
        connect(model, &DatabaseTableModel::errorOccurred, this, &MainWindow::showError);
    connect(m_syncStatus, &SyncStatus::errorOccurred, this, &MainWindow::showError);

    // Loaded before the views exist, so each view starts with its data, not an empty flash.
    // The conversations are read when the Messages view is first shown (MessagesView).
    m_dayModel->refresh();
    m_patientModel->refresh();
    m_worklistModel->refresh();

    createViews();
    createMenus();
    restoreSettings();
}

MainWindow::~MainWindow() = default;

QStringList MainWindow::viewNames()
{
    return {QStringLiteral("schedule"), QStringLiteral("patients"), QStringLiteral("messages"),
            QStringLiteral("dashboard"), QStringLiteral("worklist")};
}

std::optional<MainWindow::View> MainWindow::viewFromName(const QString &name)
{
    const qsizetype i = viewNames().indexOf(name.toLower());
    if (i < 0)
        return std::nullopt;
    return View(i);
}

void MainWindow::createViews()
{
    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Views"));
    m_navigation->setSpacing(2);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("views"));
    m_scheduleView = new ScheduleView(m_dayModel, m_stack);
    m_scheduleView->setObjectName(QStringLiteral("scheduleView"));
    m_scheduleView->setCalendar(new SchedulePanel(m_db, m_scheduleView));
    connect(m_scheduleView->calendar(), &SchedulePanel::composeMessageRequested, this,
            &MainWindow::composeMessage);
    m_patientsView = new PatientsView(m_db, m_patientModel, m_stack);
    m_patientsView->setObjectName(QStringLiteral("patientsView"));
    connect(m_patientsView, &PatientsView::composeMessageRequested, this,
            [this](const QString &patientId) { composeMessage(patientId); });
    connect(m_patientsView, &PatientsView::bookAppointmentRequested, this,
            [this](const QString &patientId, const QString &mrn) {
                showView(View::Schedule);
                m_scheduleView->calendar()->bookForPatient(patientId, mrn);
            });
    m_messagesView = new MessagesView(m_messageModel, m_threadModel, m_stack);
    m_messagesView->setObjectName(QStringLiteral("messagesView"));
    connect(m_messagesView, &MessagesView::composeRequested, this,
            [this](const QString &patientId) { composeMessage(patientId); });
    connect(m_messagesView, &MessagesView::errorOccurred, this, &MainWindow::showError);
    connect(m_messagesView, &MessagesView::surveyAnswerRequested, this,
            &MainWindow::recordSurveyAnswer);
    m_messagesView->setMaySend(AccessGuard(m_db).require(Permission::SendMessages).ok());
    // Computes when first shown: dashboards are for managers, and the others never see it.
    m_dashboardView = new DashboardView(m_db, m_stack);
    m_dashboardView->setObjectName(QStringLiteral("dashboardView"));
    connect(m_dashboardView, &DashboardView::errorOccurred, this, &MainWindow::showError);
    connect(m_dashboardView, &DashboardView::openPatientRequested, this,
            [this](const QString &patientId) {
                showView(View::Patients);
                m_patientsView->openPatient(patientId);
            });
    m_worklistView = new WorklistView(m_worklistModel, m_stack);
    m_worklistView->setObjectName(QStringLiteral("worklistView"));
    const bool maySend = AccessGuard(m_db).require(Permission::SendMessages).ok();
    m_worklistView->setMayWork(maySend);
    connect(m_worklistView, &WorklistView::errorOccurred, this, &MainWindow::showError);
    connect(m_worklistView, &WorklistView::statusMessage, this,
            [this](const QString &text) { showStatus(text, false); });
    connect(m_worklistView, &WorklistView::outreachRequested, this,
            [this] { openRecallOutreach(); });
    connect(m_worklistView, &WorklistView::openPatientRequested, this,
            [this](const QString &patientId) {
                showView(View::Patients);
                m_patientsView->openPatient(patientId);
            });
    connect(m_messagesView, &MessagesView::outreachRequested, this,
            [this] { openRecallOutreach(); });
    // In View order.
    m_stack->addWidget(m_scheduleView);
    m_stack->addWidget(m_patientsView);
    m_stack->addWidget(m_messagesView);
    m_stack->addWidget(m_dashboardView);
    m_stack->addWidget(m_worklistView);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    m_syncStatusWidget = new SyncStatusWidget(m_syncStatus, this);
    statusBar()->addPermanentWidget(m_syncStatusWidget);
    connect(m_syncStatusWidget, &SyncStatusWidget::settleRequested, this,
            [this] { openConflicts(); });
}

// Each view gets its menu action with the shortcut and its entry in the navigation list.
void MainWindow::addNavigationItem(View view, const QString &text, const QKeySequence &key)
{
    auto *action = new QAction(text, this);
    action->setShortcut(key);
    action->setCheckable(true);
    action->setActionGroup(m_viewActions);
    connect(action, &QAction::triggered, this, [this, view] {
        showView(view);
        m_stack->currentWidget()->setFocus(Qt::ShortcutFocusReason);
    });
    m_viewActionList << action;

    // The list shows the name without its menu mnemonic.
    auto *item = new QListWidgetItem(action->iconText(), m_navigation);
    item->setToolTip(
        QStringLiteral("%1 (%2)").arg(action->iconText(), key.toString(QKeySequence::NativeText)));
    item->setSizeHint(QSize(0, m_navigation->fontMetrics().height() + 20));
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *syncNow = file->addAction(tr("S&ync Now"), this, &MainWindow::syncRequested);
    syncNow->setObjectName(QStringLiteral("syncNow"));
    syncNow->setShortcut(QKeySequence(Qt::Key_F9));
    m_conflictsAction = file->addAction(tr("Sync &Conflicts…"), this, [this] { openConflicts(); });
    m_conflictsAction->setObjectName(QStringLiteral("syncConflicts"));
    m_conflictsAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F9));
    m_conflictsAction->setVisible(m_syncIssues != nullptr);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
    if (AccessGuard(m_db).require(Permission::SendMessages)) {
        QAction *compose = new QAction(tr("New &Message…"), this);
        compose->setObjectName(QStringLiteral("composeMessage"));
        compose->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
        connect(compose, &QAction::triggered, this, [this] { composeMessage(); });
        file->insertAction(quit, compose);
        QAction *outreach = new QAction(tr("Recall &Outreach…"), this);
        outreach->setObjectName(QStringLiteral("recallOutreach"));
        outreach->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
        connect(outreach, &QAction::triggered, this, [this] { openRecallOutreach(); });
        file->insertAction(quit, outreach);
        file->insertSeparator(quit);
    }
    // Queued: signing out closes this window, whose menu is still being handled.
    QAction *signOut = new QAction(tr("Sign &Out…"), this);
    signOut->setObjectName(QStringLiteral("signOut"));
    connect(signOut, &QAction::triggered, this, &MainWindow::signOutRequested,
            Qt::QueuedConnection);
    file->insertAction(quit, signOut);

    m_viewActions = new QActionGroup(this);
    addNavigationItem(View::Schedule, tr("&Schedule"), QKeySequence(Qt::CTRL | Qt::Key_1));
    addNavigationItem(View::Patients, tr("&Patients"), QKeySequence(Qt::CTRL | Qt::Key_2));
    addNavigationItem(View::Messages, tr("&Messages"), QKeySequence(Qt::CTRL | Qt::Key_3));
    addNavigationItem(View::Dashboard, tr("&Dashboard"), QKeySequence(Qt::CTRL | Qt::Key_4));
    if (const Status mayView = AccessGuard(m_db).require(Permission::ViewDashboards); !mayView) {
        m_viewActionList.last()->setVisible(false);
        m_navigation->item(m_navigation->count() - 1)->setHidden(true);
        // The shortcut of a hidden view would otherwise do nothing at all: it says why.
        auto *refused = new QShortcut(m_viewActionList.last()->shortcut(), this);
        refused->setObjectName(QStringLiteral("dashboardRefused"));
        connect(refused, &QShortcut::activated, this, [this, why = mayView.error()] {
            showStatus(tr("The Dashboard is not available: %1").arg(why), false);
        });
    }
    addNavigationItem(View::Worklist, tr("&Worklist"), QKeySequence(Qt::CTRL | Qt::Key_5));
    int widest = 0;
    for (int i = 0; i < m_navigation->count(); ++i)
        widest = std::max(
            widest, m_navigation->fontMetrics().horizontalAdvance(m_navigation->item(i)->text()));
    m_navigation->setFixedWidth(
        widest + 4 * m_navigation->fontMetrics().horizontalAdvance(QLatin1Char('M')));
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            showView(View(row));
    });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addActions(m_viewActionList);
    view->addSeparator();
    QAction *find = view->addAction(tr("&Find Patient…"), this, &MainWindow::findPatient);
    find->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    QAction *refreshAction = view->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    refreshAction->setShortcut(QKeySequence(Qt::Key_F5));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Frontdesk"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);

    showView(View::Schedule);
}

ComposeMessageDialog *MainWindow::composeDialog() const
{
    return m_composeDialog;
}

void MainWindow::composeMessage(const QString &patientId, const QString &appointmentId)
{
    if (m_composeDialog) {
        m_composeDialog->raise();
        m_composeDialog->activateWindow();
        return;
    }
    auto *dialog = new ComposeMessageDialog(m_db, patientId, this);
    if (!appointmentId.isEmpty())
        dialog->setAppointment(appointmentId);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_composeDialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_messagesView->refresh();
        const QueuedMessage &queued = dialog->queued();
        showStatus(queued.note.isEmpty()
                       ? tr("The message waits in the outbox until the server sends it.")
                       : queued.note,
                   false);
    });
    dialog->open();
}

void MainWindow::recordSurveyAnswer(const QString &patientId)
{
    if (!AccessGuard(m_db).require(Permission::SendMessages))
        return;
    auto *dialog = new SurveyAnswerDialog(m_db, patientId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        showStatus(tr("The survey answer (%1 of 5) is recorded; it reaches the server with the "
                      "next sync.")
                       .arg(dialog->recorded().score),
                   false);
    });
    dialog->open();
}

RecallOutreachDialog *MainWindow::openRecallOutreach()
{
    if (!AccessGuard(m_db).require(Permission::SendMessages))
        return nullptr;
    if (m_outreachDialog) {
        m_outreachDialog->raise();
        m_outreachDialog->activateWindow();
        return m_outreachDialog;
    }
    auto *dialog = new RecallOutreachDialog(m_db, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_outreachDialog = dialog;
    connect(dialog, &RecallOutreachDialog::sent, this, [this] {
        m_messagesView->refresh();
        m_worklistView->refresh();
    });
    dialog->open();
    return dialog;
}

void MainWindow::showView(View view)
{
    const int index = int(view);
    m_stack->setCurrentIndex(index);
    m_navigation->setCurrentRow(index);
    m_viewActionList.at(index)->setChecked(true);
    // Another view is the next action: an error about the last one no longer stands there.
    if (m_statusIsError)
        clearStatus();
}

MainWindow::View MainWindow::currentView() const
{
    return View(m_stack->currentIndex());
}

void MainWindow::findPatient()
{
    showView(View::Patients);
    m_patientsView->focusSearch();
}

void MainWindow::refresh()
{
    if (m_statusIsError)
        clearStatus();
    m_dayModel->refresh();
    m_patientModel->refresh();
    m_messagesView->refresh();
    m_worklistView->refresh();
    if (AccessGuard(m_db).require(Permission::ViewDashboards))
        m_dashboardView->refresh();
    m_syncStatusWidget->refresh();
}

void MainWindow::showSyncedChanges(const QString &resourceType, const QStringList &ids)
{
    Q_UNUSED(ids);
    // The schedule shows appointments with their patients, practitioners, rooms and time off.
    static const QStringList scheduleTypes{QStringLiteral("Appointment"), QStringLiteral("Patient"),
                                           QStringLiteral("Practitioner"),
                                           QStringLiteral("Location"), QStringLiteral("Slot")};
    if (scheduleTypes.contains(resourceType)) {
        m_dayModel->reload();
        DayScheduleModel *calendar = m_scheduleView->calendar()->model();
        if (calendar->date() == m_dayModel->date())
            calendar->reload();
    }
    if (resourceType == QLatin1String("Patient"))
        m_patientModel->reload();
    // New replies, delivery reports, another workstation's read marks and assignments.
    if (resourceType == QLatin1String("Communication") || resourceType == QLatin1String("Patient"))
        m_messagesView->refresh();
    // Recalls and tasks another workstation or the server made or closed.
    if (resourceType == QLatin1String("Task") || resourceType == QLatin1String("Patient"))
        m_worklistView->refresh();
    m_syncStatusWidget->refresh();
}

void MainWindow::setSyncIssues(SyncIssues *issues)
{
    m_syncIssues = issues;
    if (m_conflictsAction)
        m_conflictsAction->setVisible(issues != nullptr);
}

ConflictsDialog *MainWindow::openConflicts()
{
    if (!m_syncIssues)
        return nullptr;
    if (m_conflictsDialog) {
        m_conflictsDialog->reload();
        m_conflictsDialog->raise();
        m_conflictsDialog->activateWindow();
        return m_conflictsDialog;
    }
    auto *dialog = new ConflictsDialog(*m_syncIssues, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_conflictsDialog = dialog;
    connect(dialog, &ConflictsDialog::settled, this,
            [this](const QString &type, const QString &id) {
                showSyncedChanges(type, {id});
                emit syncRequested();
            });
    dialog->open();
    return dialog;
}

void MainWindow::showStatus(const QString &text, bool error)
{
    m_statusIsError = error;
    statusBar()->showMessage(text);
    m_statusLifetime->start(error ? MessageLifetime::Kind::Error : MessageLifetime::Kind::Info,
                            text);
}

void MainWindow::clearStatus()
{
    m_statusLifetime->stop();
    m_statusIsError = false;
    statusBar()->clearMessage();
}

void MainWindow::showError(const QString &message)
{
    showStatus(message, true);
    // One box collects what goes wrong while it is open, instead of a stack of boxes.
    if (m_errorBox) {
        if (!m_errorBox->text().contains(message))
            m_errorBox->setText(m_errorBox->text() + QStringLiteral("\n\n") + message);
        return;
    }
    m_errorBox =
        new QMessageBox(QMessageBox::Warning, tr("Frontdesk"), message, QMessageBox::Ok, this);
    m_errorBox->setTextFormat(Qt::PlainText);
    m_errorBox->setAttribute(Qt::WA_DeleteOnClose);
    m_errorBox->open();
}

void MainWindow::showAbout()
{
    const ClinicSettings settings(m_db);
    AboutDialog dialog(settings.databasePath(), settings.cipherVersion(), this);
    dialog.exec();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Open patient profiles with unsaved changes ask first; staying cancels the close.
    if (!m_patientsView->maybeCloseAll()) {
        event->ignore();
        return;
    }
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::saveSettings() const
{
    QSettings settings = windowSettings();
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kViewKey, viewNames().at(int(currentView())));
}

void MainWindow::restoreSettings()
{
    const QSettings settings = windowSettings();
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        resize(1200, 760);
    restoreState(settings.value(kStateKey).toByteArray());
    if (const auto view = viewFromName(settings.value(kViewKey).toString()))
        showView(*view);
}

} // namespace frontdesk
