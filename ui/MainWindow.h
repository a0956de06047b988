#pragma once

#include <QList>
#include <QMainWindow>
#include <QPointer>

#include <optional>

class QAction;
class QActionGroup;
class QListWidget;
class QMessageBox;
class QStackedWidget;

namespace frontdesk {

class AppointmentDayModel;
class Database;
class DatabaseTableModel;
class ComposeMessageDialog;
class ConflictsDialog;
class DashboardView;
class MessageLifetime;
class MessageThreadListModel;
class MessageThreadModel;
class MessagesView;
class PatientListModel;
class PatientsView;
class ScheduleView;
class RecallOutreachDialog;
class SyncIssues;
class SyncStatus;
class SyncStatusWidget;
class WorklistModel;
class WorklistView;

// The application shell: navigation, the five views, menus and the status bar.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class View
    {
        Schedule,
        Patients,
        Messages,
        Dashboard,
        Worklist
    };

    // place: the clinic's name, which the title shows; empty: no name is shown.
    MainWindow(Database &db, const QString &place, QWidget *parent = nullptr);
    ~MainWindow() override;

    static std::optional<View> viewFromName(const QString &name);
    static QStringList viewNames();

    void showView(View view);
    View currentView() const;
    void findPatient();
    // A new message to the patient (patientId empty: the dialog asks for one); once queued, the
    // message list shows it and the status bar says when the server may send it.
    // appointmentId: the appointment the message is about (from the Schedule), or none.
    void composeMessage(const QString &patientId = {}, const QString &appointmentId = {});
    // File → Recall Outreach…: the open window, if any, after opening it; nullptr when the
    // person may not send messages.
    RecallOutreachDialog *openRecallOutreach();
    // Survey answer… in the Messages view: a follow-up's survey answered on the phone.
    void recordSurveyAnswer(const QString &patientId);
    // The open message dialog, if any.
    ComposeMessageDialog *composeDialog() const;
    void refresh();
    // The sync worker changed these records here: the views that show them update those rows
    // in place, keeping the person's current row and selection.
    void showSyncedChanges(const QString &resourceType, const QStringList &ids);
    void showError(const QString &message);
    // How long the status bar's message stays (information 10 s, an error 30 s or until the
    // next view, refresh or message replaces it).
    MessageLifetime *statusMessageLifetime() const { return m_statusLifetime; }
    // What File → Sync Conflicts… lists and settles (the app's sync; null before it exists:
    // the action stays hidden).
    void setSyncIssues(SyncIssues *issues);
    // File → Sync Conflicts…: the open dialog, if any, after opening it.
    ConflictsDialog *openConflicts();

    QStackedWidget *viewStack() const { return m_stack; }
    ScheduleView *scheduleView() const { return m_scheduleView; }
    PatientsView *patientsView() const { return m_patientsView; }
    MessagesView *messagesView() const { return m_messagesView; }
    DashboardView *dashboardView() const { return m_dashboardView; }
    WorklistView *worklistView() const { return m_worklistView; }
    SyncStatusWidget *syncStatusWidget() const { return m_syncStatusWidget; }
    SyncStatus *syncStatus() const { return m_syncStatus; }

signals:
    // File → Sync Now (F9): a round of sync at once.
    void syncRequested();
    // File → Sign Out: the owner of the window (Workstation) asks first, then signs out.
    void signOutRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createViews();
    void createMenus();
    void addNavigationItem(View view, const QString &text, const QKeySequence &key);
    void saveSettings() const;
    void restoreSettings();
    void showAbout();
    void showStatus(const QString &text, bool error);
    void clearStatus();

    Database &m_db;
    AppointmentDayModel *m_dayModel;
    PatientListModel *m_patientModel;
    MessageThreadListModel *m_messageModel;
    MessageThreadModel *m_threadModel;
    WorklistModel *m_worklistModel;
    SyncStatus *m_syncStatus;

    QListWidget *m_navigation = nullptr;
    QPointer<ComposeMessageDialog> m_composeDialog;
    QStackedWidget *m_stack = nullptr;
    ScheduleView *m_scheduleView = nullptr;
    PatientsView *m_patientsView = nullptr;
    MessagesView *m_messagesView = nullptr;
    DashboardView *m_dashboardView = nullptr;
    WorklistView *m_worklistView = nullptr;
    QPointer<RecallOutreachDialog> m_outreachDialog;
    SyncStatusWidget *m_syncStatusWidget = nullptr;
    QActionGroup *m_viewActions = nullptr;
    QList<QAction *> m_viewActionList;
    QPointer<QMessageBox> m_errorBox;
    MessageLifetime *m_statusLifetime = nullptr;
    bool m_statusIsError = false;
    SyncIssues *m_syncIssues = nullptr;
    QAction *m_conflictsAction = nullptr;
    QPointer<ConflictsDialog> m_conflictsDialog;
};

} // namespace frontdesk
