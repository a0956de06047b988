#include "DemoClinic.h"
#include "PrivateSettings.h"
#include "TestClock.h"
#include "TestDatabase.h"

#include "AboutDialog.h"
#include "BackgroundEnroller.h"
#include "DayScheduleModel.h"
#include "MainWindow.h"
#include "MessageThreadListModel.h"
#include "PatientProfile.h"
#include "SyncConflicts.h"
#include "access/Session.h"
#include "access/StaffAccountRepository.h"
#include "admin/AuditViewer.h"
#include "admin/ConflictsDialog.h"
#include "admin/ConnectServerDialog.h"
#include "admin/MessageTemplatesDialog.h"
#include "common/AccessController.h"
#include "common/LockScreen.h"
#include "common/SignInDialog.h"
#include "core/Translations.h"
#include "dashboard/DashboardView.h"
#include "dashboard/DrillDownDialog.h"
#include "dashboard/FigureTile.h"
#include "dashboard/KpiHelpDialog.h"
#include "dashboard/NoShowHeatMap.h"
#include "database/MemorySecretStore.h"
#include "demo/DemoSeeder.h"
#include "fhir/FhirMapping.h"
#include "kpi/KpiDefinitions.h"
#include "kpi/KpiFilter.h"
#include "messages/ComposeMessageDialog.h"
#include "messages/MessagesView.h"
#include "messages/RecallOutreachDialog.h"
#include "messages/SurveyAnswerDialog.h"
#include "patients/MergeDialog.h"
#include "patients/NewPatientDialog.h"
#include "patients/PatientProfileView.h"
#include "patients/PatientsView.h"
#include "patients/ProfileItemDialog.h"
#include "patients/RecallDialog.h"
#include "patients/profile/BreakGlassDialog.h"
#include "patients/profile/ClinicalTab.h"
#include "schedule/BookingDialog.h"
#include "schedule/CancelDialog.h"
#include "schedule/DayCalendarAccessible.h"
#include "schedule/DayCalendarView.h"
#include "schedule/FindSlotDialog.h"
#include "schedule/ScheduleAdminDialog.h"
#include "schedule/SchedulePanel.h"
#include "schedule/WaitlistDialog.h"
#include "storage/PatientRepository.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFont>
#include <QGroupBox>
#include <QHash>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimeZone>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidgetItem>

#include <functional>
#include <memory>

using namespace frontdesk;

namespace {
const QDate kToday(2026, 3, 3);
const QByteArray kZone("Europe/Berlin");
const QSize kScreen(1366, 768);

QString describe(const QWidget *w, const QString &text)
{
    return QStringLiteral("%1 \"%2\" (%3): %4 px wide, needs %5")
        .arg(QString::fromLatin1(w->metaObject()->className()), text, w->objectName())
        .arg(w->width())
        .arg(w->sizeHint().width());
}

// Every visible label, button and group box whose text needs more width than it got: a label
// without word wrap, a button or a group box title cut off at the edge. Elided and wrapped text
// is fine by design.
QStringList clippedTexts(const QWidget *root)
{
    QStringList clipped;
    for (const QLabel *label : root->findChildren<QLabel *>()) {
        if (!label->isVisibleTo(root) || label->wordWrap() || label->text().isEmpty() ||
            label->textFormat() == Qt::RichText || !label->pixmap().isNull())
            continue;
        if (label->sizeHint().width() > label->width() + 1)
            clipped << describe(label, label->text());
    }
    for (const QAbstractButton *button : root->findChildren<QAbstractButton *>()) {
        if (!button->isVisibleTo(root) || button->text().isEmpty())
            continue;
        if (button->sizeHint().width() > button->width() + 1)
            clipped << describe(button, button->text());
    }
    // A tool bar too narrow for its actions hides the last ones behind its extension button.
    for (const QToolBar *bar : root->findChildren<QToolBar *>()) {
        const auto *more = bar->findChild<QWidget *>(QStringLiteral("qt_toolbar_ext_button"));
        if (bar->isVisibleTo(root) && more && more->isVisibleTo(root))
            clipped << QStringLiteral("QToolBar (%1): some actions only behind »")
                           .arg(bar->objectName());
    }
    // A column heading cut off: only where the column is not sized to its contents anyway.
    for (const QHeaderView *header : root->findChildren<QHeaderView *>()) {
        if (!header->isVisibleTo(root) || header->orientation() != Qt::Horizontal)
            continue;
        for (int i = 0; i < header->count(); ++i) {
            if (header->isSectionHidden(i) ||
                header->sectionResizeMode(i) == QHeaderView::Stretch ||
                (header->stretchLastSection() && header->visualIndex(i) == header->count() - 1))
                continue;
            if (header->sectionSizeHint(i) > header->sectionSize(i) + 1)
                clipped << QStringLiteral("column heading \"%1\": %2 px wide, needs %3")
                               .arg(header->model()->headerData(i, Qt::Horizontal).toString())
                               .arg(header->sectionSize(i))
                               .arg(header->sectionSizeHint(i));
        }
    }
    for (const QGroupBox *box : root->findChildren<QGroupBox *>()) {
        if (box->isVisibleTo(root) && box->minimumSizeHint().width() > box->width() + 1)
            clipped << describe(box, box->title());
    }
    return clipped;
}
// The visible controls under root that take the keyboard focus but give a screen reader no name.
QStringList unnamedControls(QWidget *root, const QString &where)
{
    QStringList unnamed;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *widget : widgets) {
        if (!widget->isVisible() || widget->focusPolicy() == Qt::NoFocus || widget->focusProxy() ||
            widget->isWindow())
            continue;
        QAccessibleInterface *a = QAccessible::queryAccessibleInterface(widget);
        if (a && a->text(QAccessible::Name).trimmed().isEmpty())
            unnamed << QStringLiteral("%1: %2 (%3)")
                           .arg(where, QString::fromLatin1(widget->metaObject()->className()),
                                widget->objectName());
    }
    return unnamed;
}

// The standard buttons (Cancel, Close, Save, Yes) of the dialog's button boxes that still read
// in English although the run's language is another: Qt's own catalogue (qtbase_*.qm, Debian's
// qt6-translations-l10n) was not loaded beside ours. OK and No are left out: some languages
// write them as English does.
QStringList englishStandardButtons(const QWidget *dialog, const QString &where)
{
    if (qEnvironmentVariable("FRONTDESK_TEST_LANGUAGE", QStringLiteral("en")) ==
        QLatin1String("en"))
        return {};
    static const QHash<QDialogButtonBox::StandardButton, QString> english{
        {QDialogButtonBox::Cancel, QStringLiteral("Cancel")},
        {QDialogButtonBox::Close, QStringLiteral("Close")},
        {QDialogButtonBox::Save, QStringLiteral("Save")},
        {QDialogButtonBox::Yes, QStringLiteral("&Yes")}};
    QStringList untranslated;
    for (const QDialogButtonBox *box : dialog->findChildren<QDialogButtonBox *>()) {
        for (QAbstractButton *button : box->buttons()) {
            const auto source = english.find(box->standardButton(button));
            if (source != english.end() && button->text() == *source)
                untranslated << QStringLiteral("%1: standard button \"%2\" in English")
                                    .arg(where, button->text());
        }
    }
    return untranslated;
}

// What a shown dialog lacks (unnamed controls, standard buttons in English); with
// FRONTDESK_SCREENSHOT_DIR set, the dialog is saved there too, for people to look at.
QStringList inspectDialog(QWidget *dialog, const QString &where)
{
    QCoreApplication::processEvents();
    const QStringList problems =
        unnamedControls(dialog, where) + englishStandardButtons(dialog, where);
    if (const QString shots = qEnvironmentVariable("FRONTDESK_SCREENSHOT_DIR"); !shots.isEmpty())
        dialog->grab().save(QDir(shots).filePath(
            QStringLiteral("%1-dialog-%2.png")
                .arg(qEnvironmentVariable("FRONTDESK_TEST_LANGUAGE", QStringLiteral("en")),
                     QString(where).replace(QLatin1Char(' '), QLatin1Char('-')))));
    return problems;
}

// One of the demo clinic's patients as the sync engine leaves one whose mobile number was
// changed here and at the server (File → Sync Conflicts… then has a record to show); undone
// when it goes out of scope.
class DemoConflict
{
public:
    explicit DemoConflict(Database &db) : m_db(db)
    {
        auto id = db.scalar(QStringLiteral("SELECT id FROM patients ORDER BY mrn LIMIT 1"));
        auto patient = PatientRepository(db).get(id ? id->toString() : QString());
        if (!patient)
            return;
        m_id = patient->meta.id;
        m_state = patient->meta.syncState;
        const auto json = [](Patient p) {
            QJsonObject o = FhirMapping::toFhir(p);
            o.insert(QStringLiteral("id"), p.meta.id);
            return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
        };
        Patient theirs = *patient;
        theirs.phoneMobile = QStringLiteral("+49 170 5550123");
        Patient base = *patient;
        base.phoneMobile = QStringLiteral("+49 170 5550100");
        m_ok = db.query(QStringLiteral("UPDATE patients SET sync_state = 'conflict', "
                                       "server_version = '1' WHERE id = ?"),
                        {m_id})
                   .ok() &&
               db.query(QStringLiteral("INSERT OR REPLACE INTO sync_records (resource_type, "
                                       "resource_id, server_version, resource, problem, "
                                       "updated_at, theirs, theirs_version, theirs_by, mine_by) "
                                       "VALUES ('Patient', ?, 1, ?, '', 0, ?, 2, 'alice', "
                                       "'screenshots')"),
                        {m_id, json(base), json(theirs)})
                   .ok();
    }
    ~DemoConflict()
    {
        if (m_id.isEmpty())
            return;
        (void)m_db.query(QStringLiteral("UPDATE patients SET sync_state = ?, server_version = "
                                        "NULL WHERE id = ?"),
                         {m_state, m_id});
        (void)m_db.query(QStringLiteral("DELETE FROM sync_records WHERE resource_id = ?"), {m_id});
    }
    bool ok() const { return m_ok; }

private:
    Database &m_db;
    QString m_id;
    QString m_state;
    bool m_ok = false;
};

QStringList walkAndClose(QDialog *dialog, const QString &where)
{
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog))
        return {where + QStringLiteral(": never shown")};
    const QStringList problems = inspectDialog(dialog, where);
    dialog->reject();
    // A dialog deleted on close is gone before the next one of its kind opens.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return problems;
}

// Runs a function that opens a modal dialog with exec() (also QInputDialog's and QMessageBox's
// static functions), walks the dialog and rejects it.
QStringList walkModal(const QString &where, const std::function<void()> &open)
{
    QStringList problems{where + QStringLiteral(": no dialog opened")};
    QTimer::singleShot(0, qApp, [&] {
        QTRY_VERIFY(QApplication::activeModalWidget() != nullptr);
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        if (!QTest::qWaitForWindowExposed(dialog))
            return;
        problems = inspectDialog(dialog, where);
        dialog->reject();
    });
    open();
    return problems;
}
} // namespace

// Every view of the main window at 1366×768 in the language FRONTDESK_TEST_LANGUAGE (default
// en; ctest runs each of en, de, fr, es): no text is cut off. With
// FRONTDESK_SCREENSHOT_DIR set, each view is also saved there as <language>-<view>.png, to
// look at (scripts/screenshots runs this under Xvfb).
class TestScreenshots : public QObject
{
    Q_OBJECT

    test::PrivateSettings m_settings;

    test::TestDatabase t;
    TestClock clock{QDateTime(kToday, QTime(10, 30), QTimeZone(kZone))};
    QString m_shots = qEnvironmentVariable("FRONTDESK_SCREENSHOT_DIR");

    void save(QWidget *w, const QString &name)
    {
        if (m_shots.isEmpty())
            return;
        QDir().mkpath(m_shots);
        QVERIFY(w->grab().save(QDir(m_shots).filePath(name + QStringLiteral(".png"))));
    }

    // Opens the richest patient record in the Patients view and shows each of its tabs in
    // turn; visit(tab name) runs on each.
    void walkProfile(MainWindow &w, const std::function<void(const QString &)> &visit)
    {
        auto richest = t.db->scalar(QStringLiteral(
            "SELECT patient_id FROM conditions GROUP BY patient_id ORDER BY count(*) DESC, "
            "patient_id LIMIT 1"));
        QVERIFY(richest);
        w.showView(MainWindow::View::Patients);
        PatientProfileView *profile = w.patientsView()->openPatient(richest->toString());
        QVERIFY(profile);
        for (int i = 0; i < profile->sections()->count(); ++i) {
            profile->sections()->setCurrentIndex(i);
            QCoreApplication::processEvents();
            // "frontdesk::TimelineTab" → patient-timeline
            visit(QStringLiteral("patient-") +
                  QString::fromLatin1(profile->sections()->widget(i)->metaObject()->className())
                      .section(QStringLiteral("::"), -1)
                      .remove(QStringLiteral("Tab"))
                      .toLower());
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        QVERIFY(t.open());
        t.db->setClock(clock);
        // The demo clinic in the run's language, as frontdeskctl seed writes it for a German
        // workstation: rooms, appointment types, reasons.
        const QString language =
            qEnvironmentVariable("FRONTDESK_TEST_LANGUAGE", QStringLiteral("en"));
        Translations::install(QLocale(language));
        auto seeded = test::seedDemoClinic(*t.db, kToday, QString::fromLatin1(kZone), 300, 2000,
                                           QLocale(language));
        Translations::install(QLocale::c());
        QVERIFY2(seeded, qPrintable(seeded.error()));
    }

    void cleanupTestCase()
    {
        QLocale::setDefault(QLocale::c());
        Translations::install(QLocale::c());
    }

    // A screen reader finds each appointment of the painted calendar as a named item.
    void calendarAppointmentsAreAccessible()
    {
        MainWindow w(*t.db, QStringLiteral("Praxis am Markt"));
        w.resize(kScreen);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.showView(MainWindow::View::Schedule);
        auto *calendar = w.findChild<DayCalendarView *>();
        QVERIFY(calendar);
        QAccessibleInterface *list = QAccessible::queryAccessibleInterface(calendar);
        QVERIFY(list);
        QCOMPARE(list->role(), QAccessible::List);
        const int shown = list->childCount();
        QVERIFY(shown > 0);
        int visible = 0;
        for (int i = 0; i < shown; ++i) {
            QAccessibleInterface *item = list->child(i);
            QVERIFY(item && item->isValid());
            QCOMPARE(item->parent(), list);
            QCOMPARE(list->indexOfChild(item), i);
            QCOMPARE(item->role(), QAccessible::ListItem);
            // "09:00–09:15, Müller, Anna, Consultation, Arrived", and ", patient replied: R" when
            // a reply of the patient waits (PatientReplies).
            const QStringList parts = item->text(QAccessible::Name).split(QStringLiteral(", "));
            const bool replied =
                !calendar->model()
                     ->index(static_cast<DayCalendarAccessible *>(list)->shownRows().at(i), 0)
                     .data(DayScheduleModel::PendingReplyRole)
                     .toString()
                     .isEmpty();
            QCOMPARE(parts.size(), replied ? 6 : 5);
            QVERIFY2(parts.first().contains(QChar(0x2013)), qPrintable(parts.first()));
            QCOMPARE(parts.at(1) + QStringLiteral(", ") + parts.at(2),
                     calendar->model()
                         ->index(static_cast<DayCalendarAccessible *>(list)->shownRows().at(i), 0)
                         .data(DayScheduleModel::PatientNameRole)
                         .toString());
            if (!item->state().invisible) {
                ++visible;
                // The item is where it is painted: asking the calendar there finds it again.
                QCOMPARE(list->childAt(item->rect().center().x(), item->rect().center().y()), item);
            }
        }
        QVERIFY(visible > 0);

        // The cursor's appointment is the focused child.
        const QModelIndex first = calendar->model()->index(0, 0);
        calendar->setCurrentAppointment(first.data(DayScheduleModel::IdRole).toString());
        // Under Xvfb without a window manager nothing activates the window by itself.
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        calendar->setFocus();
        QTRY_VERIFY(calendar->hasFocus());
        QVERIFY(list->focusChild());
        QCOMPARE(
            list->focusChild()->text(QAccessible::Name),
            DayCalendarAccessible::appointmentName(calendar, calendar->currentAppointment().row()));
    }

    // Each painted cell of the no-show heat map reads like its tooltip.
    void heatMapCellsAreAccessible()
    {
        MainWindow w(*t.db, QStringLiteral("Praxis am Markt"));
        w.resize(kScreen);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.showView(MainWindow::View::Dashboard);
        QTRY_VERIFY(w.dashboardView()->tile(Kpi::Appointments)->valueText().toInt() > 0);
        auto *map = w.findChild<NoShowHeatMap *>();
        QVERIFY(map);
        QAccessibleInterface *cells = QAccessible::queryAccessibleInterface(map);
        QVERIFY(cells);
        const int hours = map->lastHour() - map->firstHour() + 1;
        QCOMPARE(cells->childCount(), 7 * hours);
        for (int i = 0; i < cells->childCount(); ++i) {
            QAccessibleInterface *cell = cells->child(i);
            const int weekday = i / hours + 1;
            const int hour = map->firstHour() + i % hours;
            QCOMPARE(
                cell->text(QAccessible::Name),
                map->cellToolTip(weekday, hour).replace(QLatin1Char('\n'), QStringLiteral(", ")));
            QCOMPARE(cells->indexOfChild(cell), i);
        }
    }

    // Every control that takes the keyboard focus tells a screen reader what it is: in every
    // view and in every dialog the app opens.
    void everyFocusableControlHasAName()
    {
        // In the run's language, so the dialogs saved as <language>-dialog-*.png show it.
        const QString language =
            qEnvironmentVariable("FRONTDESK_TEST_LANGUAGE", QStringLiteral("en"));
        QVERIFY2(Translations::available().contains(language), qPrintable(language));
        QLocale::setDefault(QLocale(language));
        Translations::install(QLocale(language));
        MainWindow w(*t.db, QStringLiteral("Praxis am Markt"));
        w.resize(kScreen);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QStringList unnamed;
        for (const QString &name : MainWindow::viewNames()) {
            w.showView(*MainWindow::viewFromName(name));
            QCoreApplication::processEvents();
            unnamed << unnamedControls(&w, name);
        }
        walkProfile(w, [&](const QString &tab) { unnamed << unnamedControls(&w, tab); });

        auto *panel = w.findChild<SchedulePanel *>();
        QVERIFY(panel);
        w.showView(MainWindow::View::Schedule);
        const QTimeZone zone(kZone);
        panel->openBooking(0, QDateTime(kToday.addDays(1), QTime(8, 0), zone).toUTC());
        QVERIFY(panel->bookingDialog());
        unnamed << walkAndClose(panel->bookingDialog(), QStringLiteral("booking"));
        // Once more with a series: the repeat fields show (a count, then an end date).
        for (const QDate until : {QDate(), kToday.addMonths(2)}) {
            panel->openBooking(0, QDateTime(kToday.addDays(1), QTime(8, 0), zone).toUTC());
            QVERIFY(panel->bookingDialog());
            panel->bookingDialog()->setRepeat(false, 2, 4, until);
            unnamed << walkAndClose(panel->bookingDialog(), QStringLiteral("booking series"));
        }
        panel->findNextAvailable();
        QVERIFY(panel->findSlotDialog());
        unnamed << walkAndClose(panel->findSlotDialog(), QStringLiteral("find a time"));
        panel->openWaitlist();
        QVERIFY(panel->waitlistDialog());
        unnamed << walkAndClose(panel->waitlistDialog(), QStringLiteral("waitlist"));
        panel->openSettings();
        QVERIFY(panel->settingsDialog());
        unnamed << walkAndClose(panel->settingsDialog(), QStringLiteral("schedule settings"));

        CancelDialog cancel(QStringLiteral("09:00, Müller, Anna"), &w);
        unnamed << walkAndClose(&cancel, QStringLiteral("cancel"));
        AboutDialog about(t.path(), t.db->cipherVersion(), &w);
        unnamed << walkAndClose(&about, QStringLiteral("about"));
        AuditViewer audit(*t.db, &w);
        unnamed << walkAndClose(&audit, QStringLiteral("audit viewer"));
        MergeDialog merge(*t.db, &w);
        unnamed << walkAndClose(&merge, QStringLiteral("merge"));
        ComposeMessageDialog compose(*t.db, QString(), &w);
        unnamed << walkAndClose(&compose, QStringLiteral("new message"));
        auto someone = t.db->scalar(QStringLiteral("SELECT id FROM patients WHERE "
                                                   "preferred_channel = 'sms' AND phone_mobile "
                                                   "!= '' ORDER BY mrn LIMIT 1"));
        QVERIFY(someone);
        ComposeMessageDialog reply(*t.db, someone->toString(), &w);
        reply.bodyField()->setPlainText(
            QStringLiteral(u"Your appointment is on Monday at 09:00. Reply “C” to confirm."));
        unnamed << walkAndClose(&reply, QStringLiteral("message to a patient"));
        MessageTemplatesDialog templates(*t.db, &w);
        unnamed << walkAndClose(&templates, QStringLiteral("message templates"));
        RecallOutreachDialog outreach(*t.db, &w);
        unnamed << walkAndClose(&outreach, QStringLiteral("recall outreach"));
        SurveyAnswerDialog surveyAnswer(*t.db, someone->toString(), &w);
        unnamed << walkAndClose(&surveyAnswer, QStringLiteral("survey answer"));
        KpiHelpDialog help(&w);
        unnamed << walkAndClose(&help, QStringLiteral("figure help"));
        KpiFilter filter;
        filter.from = kToday.addDays(-30);
        filter.to = kToday;
        DrillDownDialog drill(*t.db, filter, Kpi::NoShowRate, &w);
        unnamed << walkAndClose(&drill, QStringLiteral("drill-down"));

        PatientProfile profile(*t.db);
        auto patientId =
            t.db->scalar(QStringLiteral("SELECT id FROM patients ORDER BY id LIMIT 1"), {});
        QVERIFY(patientId);
        const Status opened = profile.open(patientId->toString());
        QVERIFY2(opened, qPrintable(opened.error()));
        RecallDialog recall(profile, profile.newRecall(), &w);
        unnamed << walkAndClose(&recall, QStringLiteral("recall"));
        NewPatientDialog newPatient(*t.db, &w);
        unnamed << walkAndClose(&newPatient, QStringLiteral("new patient"));
        BreakGlassDialog breakGlass(profile.patient().displayName(), &w);
        unnamed << walkAndClose(&breakGlass, QStringLiteral("emergency access"));

        {
            Session session(*t.db);
            SignInDialog signIn(session, SignInDialog::Mode::SignIn, QStringLiteral("Praxis"), &w);
            unnamed << walkAndClose(&signIn, QStringLiteral("sign-in"));
            SignInDialog first(session, SignInDialog::Mode::FirstAdministrator,
                               QStringLiteral("Praxis"), &w);
            unnamed << walkAndClose(&first, QStringLiteral("first administrator"));
            {
                LockScreen lock(session, &w);
                lock.show();
                QVERIFY(lock.panel()->isVisible());
                unnamed << unnamedControls(lock.panel(), QStringLiteral("lock screen"));
                if (const QString shots = qEnvironmentVariable("FRONTDESK_SCREENSHOT_DIR");
                    !shots.isEmpty())
                    lock.panel()->grab().save(QDir(shots).filePath(
                        QStringLiteral("%1-dialog-lock-screen.png")
                            .arg(qEnvironmentVariable("FRONTDESK_TEST_LANGUAGE",
                                                      QStringLiteral("en")))));
            }
        }
        // The patient's list items are edited in dialogs run by exec().
        PatientAlert alert;
        unnamed << walkModal(QStringLiteral("alert"),
                             [&] { ProfileItemDialog::editAlert(&w, alert); });
        Consent consent;
        unnamed << walkModal(QStringLiteral("consent"),
                             [&] { ProfileItemDialog::editConsent(&w, consent); });
        Coverage coverage;
        unnamed << walkModal(QStringLiteral("coverage"),
                             [&] { ProfileItemDialog::editCoverage(&w, coverage); });
        CommunicationPreference preference;
        unnamed << walkModal(QStringLiteral("preference"),
                             [&] { ProfileItemDialog::editPreference(&w, preference); });
        // The whole note of a past visit, in a window of its own.
        ClinicalTab clinical(profile, &w);
        const QString note = QStringLiteral("Blood pressure checked; follow-up in four weeks.");
        QTreeWidgetItem visit({QStringLiteral("Consultation"), QStringLiteral("Dr. Weber"),
                               QStringLiteral("10.02.2026 09:00"), note});
        visit.setData(3, Qt::UserRole, note);
        unnamed << walkModal(QStringLiteral("visit note"), [&] { clinical.showNote(&visit); });

        // Workstation → Auto-Lock Time… and Wipe This Workstation… ask through QInputDialog.
        {
            QVERIFY(StaffAccountRepository(*t.db)
                        .create(QStringLiteral("screenshots"), Role::Admin,
                                QStringLiteral("quiet harbour lantern 4"))
                        .ok());
            AccessController access(*t.db);
            QVERIFY(access.session()
                        .signIn(QStringLiteral("screenshots"),
                                QStringLiteral("quiet harbour lantern 4"))
                        .ok());
            access.setCurrentWindow(&w);
            unnamed << walkModal(QStringLiteral("auto-lock time"),
                                 [&] { access.changeIdleTime(); });
            unnamed << walkModal(QStringLiteral("wipe"), [&] { access.askToWipe(); });
        }

        // Workstation → Connect to Server…, as it opens and with the refusal of a plain-HTTP
        // address, with the app's own enroller.
        MemorySecretStore store;
        BackgroundEnroller enroller(*t.db, store, t.dir.path());
        ConnectServerDialog connectServer(enroller, &w);
        unnamed << walkAndClose(&connectServer, QStringLiteral("connect to server"));
        ConnectServerDialog refused(enroller, &w);
        refused.serverEdit()->setText(QStringLiteral("http://fd.clinic.example:8080"));
        refused.userEdit()->setText(QStringLiteral("admin"));
        refused.passwordEdit()->setText(QStringLiteral("quiet harbour lantern 4"));
        refused.show();
        QVERIFY(QTest::qWaitForWindowExposed(&refused));
        refused.connectToServer();
        QVERIFY(refused.messageLabel()->isVisible());
        unnamed << walkAndClose(&refused, QStringLiteral("connect to server refused"));

        // File → Sync Conflicts…, with a patient changed here and at the server.
        {
            DemoConflict conflict(*t.db);
            QVERIFY(conflict.ok());
            SyncConflicts conflicts(*t.db);
            ConflictsDialog conflictsDialog(conflicts, &w);
            QCOMPARE(conflictsDialog.list()->count(), 1);
            unnamed << walkAndClose(&conflictsDialog, QStringLiteral("sync conflicts"));
        }

        unnamed.removeDuplicates();
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QLatin1Char('\n'))));
    }

    void everyViewFits()
    {
        const QString language =
            qEnvironmentVariable("FRONTDESK_TEST_LANGUAGE", QStringLiteral("en"));
        QVERIFY2(Translations::available().contains(language), qPrintable(language));
        const QLocale locale(language);
        QLocale::setDefault(locale);
        Translations::install(locale);
        // A larger system font (FRONTDESK_TEST_FONT_SCALE, e.g. 1.25) and high DPI
        // (QT_SCALE_FACTOR=2) must fit too; their screenshots are named apart.
        QString variant;
        bool scaled = false;
        const double fontScale =
            qEnvironmentVariable("FRONTDESK_TEST_FONT_SCALE").toDouble(&scaled);
        if (scaled && fontScale > 0) {
            QFont font = QApplication::font();
            font.setPointSizeF(font.pointSizeF() * fontScale);
            QApplication::setFont(font);
            variant += QStringLiteral("-font") + QString::number(fontScale);
        }
        if (qEnvironmentVariableIsSet("QT_SCALE_FACTOR"))
            variant += QStringLiteral("-x") + qEnvironmentVariable("QT_SCALE_FACTOR");

        MainWindow w(*t.db, QStringLiteral("Praxis am Markt"));
        w.resize(kScreen);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QStringList clipped;
        for (const QString &name : MainWindow::viewNames()) {
            const auto view = MainWindow::viewFromName(name);
            QVERIFY(view);
            w.showView(*view);
            if (*view == MainWindow::View::Dashboard) {
                QTRY_VERIFY(!w.dashboardView()->tile(Kpi::Appointments)->valueText().isEmpty() &&
                            w.dashboardView()->tile(Kpi::Appointments)->valueText() !=
                                QStringLiteral("…"));
                // The figures' names follow the language chosen after the first dashboard of
                // this process was built (by the accessible-name walk, in English).
                if (language != QLatin1String("en"))
                    QVERIFY2(w.dashboardView()->tile(Kpi::Appointments)->name() !=
                                 QLatin1String("Appointments"),
                             qPrintable(w.dashboardView()->tile(Kpi::Appointments)->name()));
            }
            QCoreApplication::processEvents();
            save(&w, language + variant + QLatin1Char('-') + name);
            for (const QString &c : clippedTexts(&w))
                clipped << name + QStringLiteral(": ") + c;
        }
        // The Messages view with a conversation open: the newest with an unread reply.
        w.showView(MainWindow::View::Messages);
        QTableView *conversations = w.messagesView()->conversationTable();
        for (int row = 0; row < conversations->model()->rowCount(); ++row) {
            const QModelIndex i = conversations->model()->index(row, 0);
            if (i.data(MessageThreadListModel::UnreadRole).toInt() > 0 &&
                !i.data(MessageThreadListModel::PatientIdRole).toString().isEmpty()) {
                conversations->setCurrentIndex(i);
                break;
            }
        }
        QVERIFY(conversations->currentIndex().isValid());
        w.messagesView()->openCurrent();
        QVERIFY(w.messagesView()->threadTable()->model()->rowCount() > 0);
        QCoreApplication::processEvents();
        save(&w, language + variant + QStringLiteral("-messages-thread"));
        for (const QString &c : clippedTexts(&w))
            clipped << QStringLiteral("messages thread: ") + c;
        walkProfile(w, [&](const QString &tab) {
            save(&w, language + variant + QLatin1Char('-') + tab);
            for (const QString &c : clippedTexts(&w))
                clipped << tab + QStringLiteral(": ") + c;
        });

        AboutDialog about(t.path(), t.db->cipherVersion(), &w);
        about.show();
        QVERIFY(QTest::qWaitForWindowExposed(&about));
        save(&about, language + variant + QStringLiteral("-about"));
        for (const QString &c : clippedTexts(&about))
            clipped << QStringLiteral("about: ") + c;

        MemorySecretStore store;
        BackgroundEnroller enroller(*t.db, store, t.dir.path());
        ConnectServerDialog connectServer(enroller, &w);
        connectServer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&connectServer));
        save(&connectServer, language + variant + QStringLiteral("-connect-to-server"));
        for (const QString &c : clippedTexts(&connectServer))
            clipped << QStringLiteral("connect to server: ") + c;

        // The template editor on the demo's SMS reminder, and a message written from it to a
        // patient with an appointment to come.
        MessageTemplatesDialog templates(*t.db, &w);
        templates.show();
        QVERIFY(QTest::qWaitForWindowExposed(&templates));
        save(&templates, language + variant + QStringLiteral("-message-templates"));
        for (const QString &c : clippedTexts(&templates))
            clipped << QStringLiteral("message templates: ") + c;
        auto booked = t.db->scalar(
            QStringLiteral("SELECT a.patient_id FROM appointments a JOIN patients p ON p.id = "
                           "a.patient_id WHERE a.start_at > ? AND a.status = 'booked' AND "
                           "p.preferred_channel = 'sms' AND p.phone_mobile != '' AND p.id NOT IN "
                           "(SELECT patient_id FROM communication_preferences) ORDER BY "
                           "a.start_at LIMIT 1"),
            {clock.nowMs()});
        QVERIFY(booked);
        ComposeMessageDialog fromTemplate(*t.db, booked->toString(), &w);
        fromTemplate.purposeBox()->setCurrentIndex(
            fromTemplate.purposeBox()->findData(QStringLiteral("reminder")));
        QVERIFY(fromTemplate.templateBox()->count() > 1);
        fromTemplate.templateBox()->setCurrentIndex(1);
        fromTemplate.show();
        QVERIFY(QTest::qWaitForWindowExposed(&fromTemplate));
        save(&fromTemplate, language + variant + QStringLiteral("-compose-template"));
        for (const QString &c : clippedTexts(&fromTemplate))
            clipped << QStringLiteral("message from a template: ") + c;

        // Recall outreach with the patients away for a year, and a survey answered on the
        // phone about a visit a follow-up's survey asked about.
        RecallOutreachDialog outreach(*t.db, &w);
        outreach.monthsField()->setValue(12);
        outreach.show();
        QVERIFY(QTest::qWaitForWindowExposed(&outreach));
        save(&outreach, language + variant + QStringLiteral("-recall-outreach"));
        for (const QString &c : clippedTexts(&outreach))
            clipped << QStringLiteral("recall outreach: ") + c;
        auto surveyed = t.db->scalar(
            QStringLiteral("SELECT m.patient_id FROM messages m JOIN appointments a ON a.id = "
                           "m.appointment_id WHERE m.purpose = 'survey' AND m.direction = "
                           "'outbound' AND a.status = 'completed' AND a.start_at > ? ORDER BY "
                           "a.start_at DESC LIMIT 1"),
            {clock.nowMs() - qint64(20) * 24 * 3600 * 1000});
        QVERIFY(surveyed && !surveyed->toString().isEmpty());
        SurveyAnswerDialog surveyAnswer(*t.db, surveyed->toString(), &w);
        surveyAnswer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&surveyAnswer));
        QVERIFY(!surveyAnswer.questionLabel()->text().isEmpty());
        save(&surveyAnswer, language + variant + QStringLiteral("-survey-answer"));
        for (const QString &c : clippedTexts(&surveyAnswer))
            clipped << QStringLiteral("survey answer: ") + c;

        DemoConflict conflict(*t.db);
        QVERIFY(conflict.ok());
        SyncConflicts conflicts(*t.db);
        ConflictsDialog conflictsDialog(conflicts, &w);
        conflictsDialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&conflictsDialog));
        save(&conflictsDialog, language + variant + QStringLiteral("-sync-conflicts"));
        for (const QString &c : clippedTexts(&conflictsDialog))
            clipped << QStringLiteral("sync conflicts: ") + c;
        clipped.removeDuplicates();
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QLatin1Char('\n'))));
    }

    // Qt's own strings speak the language too: the standard buttons of the app's dialogs, Qt's
    // message and input boxes, a text field's context menu.
    void qtsOwnStringsFollowTheLanguage()
    {
        const QLocale german(QLocale::German, QLocale::Germany);
        QLocale::setDefault(german);
        Translations::install(german);
        const QByteArray hint =
            QStringLiteral("Qt's catalogue qtbase_de.qm not loaded from %1 (Debian package "
                           "qt6-translations-l10n)")
                .arg(QLibraryInfo::path(QLibraryInfo::TranslationsPath))
                .toLocal8Bit();

        BreakGlassDialog emergency(QStringLiteral("Müller, Anna"));
        const auto *buttons = emergency.findChild<QDialogButtonBox *>();
        QVERIFY(buttons && buttons->button(QDialogButtonBox::Cancel));
        QVERIFY2(buttons->button(QDialogButtonBox::Cancel)->text() == QLatin1String("Abbrechen"),
                 hint.constData());

        QMessageBox question(QMessageBox::Question, QStringLiteral("Frage"),
                             QStringLiteral("Termin absagen?"), QMessageBox::Yes | QMessageBox::No);
        QCOMPARE(question.button(QMessageBox::Yes)->text(), QStringLiteral("&Ja"));
        QCOMPARE(question.button(QMessageBox::No)->text(), QStringLiteral("&Nein"));

        QInputDialog input;
        input.setLabelText(QStringLiteral("Minuten:"));
        input.show();
        QVERIFY(QTest::qWaitForWindowExposed(&input));
        const auto *inputButtons = input.findChild<QDialogButtonBox *>();
        QVERIFY(inputButtons && inputButtons->button(QDialogButtonBox::Cancel));
        QCOMPARE(inputButtons->button(QDialogButtonBox::Cancel)->text(),
                 QStringLiteral("Abbrechen"));
        input.reject();

        QLineEdit field;
        const std::unique_ptr<QMenu> menu(field.createStandardContextMenu());
        QStringList entries;
        for (const QAction *action : menu->actions())
            entries << action->text().section(QLatin1Char('\t'), 0, 0);
        QVERIFY2(entries.contains(QStringLiteral("Alles auswählen")),
                 qPrintable(entries.join(QStringLiteral(", "))));
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
