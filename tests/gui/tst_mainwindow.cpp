#include "DemoClinic.h"
#include "PrivateSettings.h"
#include "TestClock.h"
#include "TestDatabase.h"

#include "MainWindow.h"
#include "PatientListModel.h"
#include "SyncStatus.h"
#include "common/MessageLifetime.h"
#include "common/SyncStatusWidget.h"
#include "core/Translations.h"
#include "dashboard/DashboardView.h"
#include "dashboard/FigureTile.h"
#include "demo/DemoSeeder.h"
#include "kpi/KpiDefinitions.h"
#include "messages/MessagesView.h"
#include "patients/PatientsView.h"
#include "schedule/ScheduleView.h"
#include "storage/MessageRepository.h"
#include "storage/PatientRepository.h"

#include <QApplication>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

using namespace frontdesk;

namespace {
const QDate kToday(2026, 3, 3);
const QByteArray kZone("Europe/Berlin");

QSettings appSettings()
{
    return QSettings(QStringLiteral("frontdesk"), QStringLiteral("frontdesk"));
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

    test::PrivateSettings m_settings;

    test::TestDatabase t;
    TestClock clock{QDateTime(kToday, QTime(10, 30), QTimeZone(kZone))};

    // Closes the next modal dialog once it is up and tells its title, as a user pressing Escape.
    static void answerNextDialog(QString *title)
    {
        QTimer::singleShot(0, qApp, [title] {
            QTRY_VERIFY(QApplication::activeModalWidget());
            QWidget *dialog = QApplication::activeModalWidget();
            *title = dialog->windowTitle();
            dialog->close();
        });
    }

    void switchWith(MainWindow &w, Qt::Key key, MainWindow::View view, QWidget *expected)
    {
        QTest::keyClick(&w, key, Qt::ControlModifier);
        QCOMPARE(w.currentView(), view);
        QCOMPARE(w.viewStack()->currentWidget(), expected);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        appSettings().clear();
        QVERIFY(t.open());
        t.db->setClock(clock);
        auto seeded = test::seedDemoClinic(*t.db, kToday, QString::fromLatin1(kZone), 300, 2000);
        QVERIFY2(seeded, qPrintable(seeded.error()));
    }

    void cleanupTestCase() { appSettings().clear(); }

    void everyViewShowsData()
    {
        MainWindow w(*t.db, QStringLiteral("Praxis am Markt"));
        QCOMPARE(w.windowTitle(), QStringLiteral("Frontdesk — Praxis am Markt"));
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QCOMPARE(w.currentView(), MainWindow::View::Schedule);

        switchWith(w, Qt::Key_2, MainWindow::View::Patients, w.patientsView());
        QCOMPARE(w.patientsView()->table()->model()->rowCount(), PatientListModel::PageSize);

        switchWith(w, Qt::Key_3, MainWindow::View::Messages, w.messagesView());
        QVERIFY(w.messagesView()->conversationTable()->model()->rowCount() > 0);

        switchWith(w, Qt::Key_4, MainWindow::View::Dashboard, w.dashboardView());
        const auto &tiles = w.dashboardView()->tiles();
        QCOMPARE(tiles.size(), KpiDefinitions::all().size());
        QTRY_VERIFY(w.dashboardView()->tile(Kpi::Appointments)->valueText().toInt() > 0);
        QVERIFY(
            w.dashboardView()->tile(Kpi::NoShowRate)->valueText().contains(QLocale().percent()));

        switchWith(w, Qt::Key_1, MainWindow::View::Schedule, w.scheduleView());
        QVERIFY(w.scheduleView()->table()->model()->rowCount() > 0);
        // The calendar is the default page of the schedule, and it has the focus.
        QVERIFY(w.scheduleView()->isAncestorOf(QApplication::focusWidget()));
        QVERIFY(!w.scheduleView()->table()->isVisible());
        w.scheduleView()->showCalendar(false);
        QCOMPARE(QApplication::focusWidget(), w.scheduleView()->table());
    }

    void scheduleNavigation()
    {
        MainWindow w(*t.db, QStringLiteral("Test"));
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        w.showView(MainWindow::View::Schedule);
        w.scheduleView()->showCalendar(false);
        QTableView *table = w.scheduleView()->table();
        table->setFocus();
        const int todays = table->model()->rowCount();
        QVERIFY(todays > 0);
        QTest::keyClick(table, Qt::Key_Left, Qt::AltModifier); // Monday
        QVERIFY(table->model()->rowCount() > 0);
        QTest::keyClick(table, Qt::Key_Left, Qt::AltModifier); // Sunday: closed
        QCOMPARE(table->model()->rowCount(), 0);
        QTest::keyClick(table, Qt::Key_Home, Qt::AltModifier);
        QCOMPARE(table->model()->rowCount(), todays);

        // Enter on an appointment opens its details.
        table->setCurrentIndex(table->model()->index(0, 0));
        QString title;
        answerNextDialog(&title);
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(title, ScheduleView::tr("Appointment"));
        // The offscreen platform has no window manager to hand activation back.
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QCOMPARE(QApplication::focusWidget(), table);
    }

    // A clinic's conversations are all of its messages: read when the Messages view is shown,
    // not at start nor on each sync while it is hidden; what changed meanwhile is there when
    // it is shown.
    void theConversationsAreReadWhenMessagesIsShown()
    {
        MainWindow w(*t.db, QStringLiteral("Test"));
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QCOMPARE(w.currentView(), MainWindow::View::Schedule);
        const QAbstractItemModel *list = w.messagesView()->conversationTable()->model();
        QCOMPARE(list->rowCount(), 0);
        w.refresh();
        QCOMPARE(list->rowCount(), 0);

        switchWith(w, Qt::Key_3, MainWindow::View::Messages, w.messagesView());
        const int shown = list->rowCount();
        QVERIFY(shown > 0);

        switchWith(w, Qt::Key_1, MainWindow::View::Schedule, w.scheduleView());
        Patient p;
        p.mrn = QStringLiteral("MRN-LAZY");
        p.familyName = QStringLiteral("Spät");
        p.givenName = QStringLiteral("Lena");
        QVERIFY(PatientRepository(*t.db).save(p).ok());
        Message m;
        m.patientId = p.meta.id;
        m.channel = QStringLiteral("sms");
        m.purpose = QStringLiteral("administrative");
        m.body = QStringLiteral("Bitte rufen Sie uns an.");
        m.status = QStringLiteral("sent");
        m.sentAt = clock.nowUtc();
        const Status saved = MessageRepository(*t.db).save(m);
        QVERIFY2(saved.ok(), qPrintable(saved.error()));
        w.refresh();
        QCOMPARE(list->rowCount(), shown);

        switchWith(w, Qt::Key_3, MainWindow::View::Messages, w.messagesView());
        QCOMPARE(list->rowCount(), shown + 1);
        QCOMPARE(list->match(list->index(0, 0), Qt::DisplayRole,
                             QStringLiteral("Spät, Lena (MRN-LAZY)"), -1, Qt::MatchExactly)
                     .size(),
                 1);
        // The sync status test below counts on a clinic with nothing queued.
        QVERIFY(t.db->exec(QStringLiteral("DELETE FROM outbox")).ok());
    }

    void findPatientFromAnywhere()
    {
        MainWindow w(*t.db, QStringLiteral("Test"));
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        w.showView(MainWindow::View::Messages);
        QLineEdit *search = w.patientsView()->searchField();
        QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(w.currentView(), MainWindow::View::Patients);
        QCOMPARE(QApplication::focusWidget(), search);

        QTableView *table = w.patientsView()->table();
        QTest::keyClicks(search, QStringLiteral("MRN010029"));
        QTRY_COMPARE(table->model()->rowCount(), 10);
        QTest::keyClick(search, Qt::Key_Return);
        QCOMPARE(QApplication::focusWidget(), table);
        QCOMPARE(table->currentIndex().row(), 0);

        // Enter opens the patient's profile in a tab of its own.
        QTest::keyClick(table, Qt::Key_Enter);
        QCOMPARE(w.patientsView()->tabs()->count(), 2);
        QCOMPARE(w.patientsView()->tabs()->currentIndex(), 1);

        // Ctrl+F again selects the old search, ready to type over it.
        QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), search);
        QCOMPARE(search->selectedText(), QStringLiteral("MRN010029"));
        QTest::keyClick(search, Qt::Key_Escape);
        QTRY_COMPARE(table->model()->rowCount(), PatientListModel::PageSize);
    }

    void geometryAndViewAreRemembered()
    {
        const QRect geometry(120, 80, 1024, 700);
        {
            MainWindow w(*t.db, QStringLiteral("Test"));
            w.setGeometry(geometry);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            QTest::keyClick(&w, Qt::Key_3, Qt::ControlModifier);
            QVERIFY(w.close());
        }
        QVERIFY(appSettings().contains(QStringLiteral("mainWindow/geometry")));
        MainWindow w(*t.db, QStringLiteral("Test"));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.size(), geometry.size());
        QCOMPARE(w.currentView(), MainWindow::View::Messages);
    }

    void syncStatusCountsWaitingChanges()
    {
        // The English catalogue gives the singular ("1 change waiting").
        Translations::install(QLocale(QLocale::English, QLocale::UnitedStates));
        MainWindow w(*t.db, QStringLiteral("Test"));
        const QString before = w.syncStatusWidget()->text();
        QVERIFY2(before.contains(SyncStatusWidget::tr("Offline — no server configured")),
                 qPrintable(before));
        QVERIFY2(before.contains(SyncStatusWidget::tr("no changes waiting")), qPrintable(before));

        Patient p;
        p.mrn = QStringLiteral("MRN-NEW-1");
        p.familyName = QStringLiteral("Lovelace");
        p.givenName = QStringLiteral("Ada");
        QVERIFY(PatientRepository(*t.db).save(p));
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTest::keyClick(&w, Qt::Key_F5);
        QVERIFY2(w.syncStatusWidget()->text().contains(QStringLiteral("1 change waiting")),
                 qPrintable(w.syncStatusWidget()->text()));
    }

    // A long round (a first pull of the whole clinic) says how far it is, in words and as a
    // bar; a short one and the end of the round leave no bar.
    void aLongSyncShowsItsProgress()
    {
        MainWindow w(*t.db, QStringLiteral("Test"));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        SyncStatusWidget *status = w.syncStatusWidget();
        using Phase = SyncProgress::Phase;
        w.syncStatus()->setProgress({Phase::Pull, 40, 120});
        QVERIFY(!status->progressBar()->isVisible());
        w.syncStatus()->setProgress({Phase::Pull, 1200, 4800});
        QVERIFY(status->progressBar()->isVisible());
        QCOMPARE(status->progressBar()->value(), 250);
        QVERIFY2(
            status->text().contains(SyncStatusWidget::tr("receiving %1 of %2 changes from "
                                                         "the server")
                                        .arg(QLocale().toString(1200), QLocale().toString(4800))),
            qPrintable(status->text()));
        w.syncStatus()->setProgress({Phase::Push, 500, 2000});
        QVERIFY2(status->text().contains(QLocale().toString(2000)), qPrintable(status->text()));
        QCOMPARE(status->progressBar()->value(), 250);
        // The end of a large first pull: the indexes set aside are made again, a few dozen,
        // each of which takes a while; the bar says so from the first rather than standing
        // at the last page.
        w.syncStatus()->setProgress({Phase::Indexes, 0, 8});
        QVERIFY(status->progressBar()->isVisible());
        QCOMPARE(status->progressBar()->value(), 0);
        QVERIFY2(status->text().contains(
                     SyncStatusWidget::tr("finishing the first sync: rebuilding search index "
                                          "%1 of %2")
                         .arg(QLocale().toString(1), QLocale().toString(8))),
                 qPrintable(status->text()));
        w.syncStatus()->setProgress({Phase::Indexes, 6, 8});
        QCOMPARE(status->progressBar()->value(), 750);
        w.syncStatus()->apply(SyncReport{});
        QVERIFY(!status->progressBar()->isVisible());
        QVERIFY2(status->text().contains(SyncStatusWidget::tr("no changes waiting")),
                 qPrintable(status->text()));
    }

    void errorsReachTheUser()
    {
        MainWindow w(*t.db, QStringLiteral("Test"));
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(t.db->query(QStringLiteral("ALTER TABLE messages RENAME TO messages_gone")));
        QTest::keyClick(&w, Qt::Key_F5);
        QVERIFY(t.db->query(QStringLiteral("ALTER TABLE messages_gone RENAME TO messages")));
        QVERIFY2(w.statusBar()->currentMessage().contains(QLatin1String("messages")),
                 qPrintable(w.statusBar()->currentMessage()));
        auto *box = w.findChild<QMessageBox *>();
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QVERIFY(box->text().contains(w.statusBar()->currentMessage()));
        box->close();

        // The error stays 30 s, then goes by itself; the test moves the clock instead of waiting.
        MessageLifetime *lifetime = w.statusMessageLifetime();
        QVERIFY(lifetime->isRunning());
        const QDateTime before = clock.nowUtc();
        clock.advanceSecs(29);
        lifetime->expireIfDue();
        QVERIFY(!w.statusBar()->currentMessage().isEmpty());
        clock.advanceSecs(1);
        lifetime->expireIfDue();
        QVERIFY2(w.statusBar()->currentMessage().isEmpty(),
                 qPrintable(w.statusBar()->currentMessage()));
        QVERIFY(!lifetime->isRunning());

        // Or until the next action: another view.
        w.showError(QStringLiteral("The disk is full."));
        QCOMPARE(w.statusBar()->currentMessage(), QStringLiteral("The disk is full."));
        w.showView(MainWindow::View::Patients);
        QVERIFY(w.statusBar()->currentMessage().isEmpty());
        QVERIFY(!lifetime->isRunning());
        if (auto *again = w.findChild<QMessageBox *>())
            again->close();
        clock.set(before);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
