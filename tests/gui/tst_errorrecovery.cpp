#include "PrivateSettings.h"
#include "TestClock.h"
// The main window meets what goes wrong at a front desk: a person typing a phone number, e-mail
// address or birth date that is no such thing, a booking the schedule cannot take, and a disk
// that fills up while saving. Each time the error is shown where the person looks, in words that
// say what to do, nothing saved before is lost, nothing typed is lost, and the window keeps
// working: once the problem is fixed the same action succeeds and every view still shows data.
//
// The disk is a small tmpfs in a private mount namespace made before Qt starts a thread (as in
// tests/integration/tst_fulldisk.cpp); where that is not allowed the full-disk cases are skipped.

#include "DayScheduleModel.h"
#include "MainWindow.h"
#include "PatientListModel.h"
#include "PrivateMounts.h"
#include "SystemConnection.h"
#include "core/LocaleFormat.h"
#include "dashboard/DashboardView.h"
#include "database/Database.h"
#include "demo/DemoSeeder.h"
#include "domain/PatientValidation.h"
#include "messages/MessagesView.h"
#include "patients/PatientEditor.h"
#include "patients/PatientProfileView.h"
#include "patients/PatientsView.h"
#include "schedule/BookingDialog.h"
#include "schedule/DayCalendarView.h"
#include "schedule/SchedulePanel.h"
#include "schedule/ScheduleView.h"
#include "scheduling/BookingService.h"
#include "scheduling/LocalTime.h"
#include "storage/PatientRepository.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

using namespace frontdesk;

namespace {

const QDate kToday(2026, 5, 4); // a Monday
const QTimeZone kBerlin("Europe/Berlin");

// Set in main() before QApplication: whether mount(2) is ours to use.
bool g_privateMounts = false;
QString g_namespaceNote;

// The editor's date format: the locale's short format with a four-digit year.
QString editorDateFormat()
{
    QString format = QLocale().dateFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1String("yyyy")))
        format.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    return format;
}

const QString &diskFullAdvice()
{
    static const QString advice =
        Database::tr("The disk that holds the database is full. Free some space and try again; "
                     "the change that failed was not saved, everything saved before it is "
                     "intact.");
    return advice;
}

} // namespace

class TestErrorRecovery : public QObject
{
    Q_OBJECT

    test::PrivateSettings m_settings;

    QTemporaryDir m_tmp;
    QString m_disk;
    bool m_tmpfs = false;
    std::unique_ptr<Database> m_db;
    TestClock m_clock{QDateTime(kToday, QTime(7, 30), kBerlin)};
    QString m_anna; // the patient the editor tests change
    QString m_ben;  // one who stays as seeded

    Database &db() { return *m_db; }
    Patient stored(const QString &id) { return *PatientRepository(db()).get(id); }
    QString filler() const { return m_disk + QStringLiteral("/filler"); }

    static void type(QWidget *field, const QString &text)
    {
        auto *edit = qobject_cast<QLineEdit *>(field);
        QVERIFY(edit);
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
    }

    // Presses OK in the next modal message box and tells its title and text.
    static void answerNextMessageBox(QString *title, QString *text)
    {
        QTimer::singleShot(0, qApp, [title, text] {
            QTRY_VERIFY(qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            *title = box->windowTitle();
            *text = box->text();
            box->button(QMessageBox::Ok)->click();
        });
    }

    // Takes every free byte of the disk that holds the database. The write-ahead log is emptied
    // first, so the next change needs new space and cannot reuse log pages it already holds.
    bool fillDisk()
    {
        if (!db().query(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")))
            return false;
        const int fd = ::open(QFile::encodeName(filler()).constData(),
                              O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0)
            return false;
        const QByteArray chunk(1024 * 1024, 'x');
        for (qsizetype size = chunk.size(); size >= 512; size /= 2) {
            while (::write(fd, chunk.constData(), size_t(size)) == size) {
            }
        }
        const bool full = errno == ENOSPC;
        ::close(fd);
        return full;
    }
    void freeDisk() { QVERIFY(QFile::remove(filler())); }

    void showWindow(MainWindow &w)
    {
        w.resize(1200, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
    }

    // The schedule's free slots for the first column's practitioner from 08:00 today.
    QList<FreeSlot> freeSlots(SchedulePanel *panel, int count)
    {
        SlotQuery q;
        q.fromUtc = LocalTime::toUtc(kToday, 8 * 60, kBerlin);
        q.minutes = 15;
        q.count = count;
        auto found = BookingService(db()).findSlots({panel->model()->columns().first().id}, q);
        return found ? *found : QList<FreeSlot>();
    }

    qint64 appointmentCount()
    {
        return db().scalar(QStringLiteral("SELECT count(*) FROM appointments"))->toLongLong();
    }

    void checkIntact()
    {
        auto problems = db().check();
        QVERIFY2(problems, qPrintable(problems ? QString() : problems.error()));
        QVERIFY2(problems->isEmpty(), qPrintable(problems->join(QLatin1Char('\n'))));
    }

    // Every view still switches and shows its data.
    void everyViewStillWorks(MainWindow &w)
    {
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTest::keyClick(&w, Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(w.currentView(), MainWindow::View::Patients);
        QVERIFY(w.patientsView()->table()->model()->rowCount() > 0);
        QTest::keyClick(&w, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(w.currentView(), MainWindow::View::Messages);
        QVERIFY(w.messagesView()->conversationTable()->model()->rowCount() > 0);
        QTest::keyClick(&w, Qt::Key_4, Qt::ControlModifier);
        QCOMPARE(w.currentView(), MainWindow::View::Dashboard);
        QTest::keyClick(&w, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(w.currentView(), MainWindow::View::Schedule);
        QVERIFY(w.scheduleView()->calendar()->model()->rowCount() > 0);
    }

private slots:
    void initTestCase()
    {
        qInfo("isolation: %s; tmpfs %s", qPrintable(g_namespaceNote),
              g_privateMounts ? "available" : "not available");
        QVERIFY(m_settings.isValid());
        QVERIFY(m_tmp.isValid());
        m_disk = m_tmp.filePath(QStringLiteral("disk"));
        QVERIFY(QDir().mkpath(m_disk));
        m_tmpfs = g_privateMounts && mount("tmpfs", QFile::encodeName(m_disk).constData(), "tmpfs",
                                           0, "size=48m,mode=0700") == 0;

        auto opened = Database::open(m_disk + QLatin1Char('/') + Database::fileName(),
                                     QByteArray(32, '\x5a'));
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error()));
        m_db = std::move(*opened);
        test::actAsTestSetUp(db());
        auto migrated = db().migrate();
        QVERIFY2(migrated, qPrintable(migrated ? QString() : migrated.error()));
        db().setClock(m_clock);
        QVERIFY(
            db().setSetting(QStringLiteral("clinic_time_zone"), QStringLiteral("Europe/Berlin")));
        DemoSeeder::Options o;
        o.patients = 300;
        o.appointments = 2000;
        o.today = kToday;
        auto seeded = DemoSeeder(db()).seed(o);
        QVERIFY2(seeded, qPrintable(seeded.error()));
        auto ids = db().query(
            QStringLiteral("SELECT id FROM patients WHERE deleted = 0 ORDER BY mrn LIMIT 2"));
        QVERIFY(ids);
        QVERIFY(ids->next());
        m_anna = ids->value(0).toString();
        QVERIFY(ids->next());
        m_ben = ids->value(0).toString();
    }

    void cleanupTestCase()
    {
        m_db.reset();
        if (m_tmpfs)
            umount2(QFile::encodeName(m_disk).constData(), MNT_DETACH);
    }

    void badPatientInputIsShownBesideItsField()
    {
        MainWindow w(db(), QStringLiteral("Test"));
        showWindow(w);
        const Patient before = stored(m_anna);
        w.showView(MainWindow::View::Patients);
        PatientProfileView *profile = w.patientsView()->openPatient(m_anna);
        QVERIFY(profile);
        PatientEditor *editor = profile->editor();
        auto *save = profile->findChild<QPushButton *>(QStringLiteral("saveButton"));
        QVERIFY(save);

        type(editor->input(QStringLiteral("phoneMobile")), QStringLiteral("call after 5"));
        type(editor->input(QStringLiteral("email")), QStringLiteral("anna at example"));
        type(editor->input(QStringLiteral("birthDate")), QStringLiteral("31.02.1985"));
        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(editor->errorFor(QStringLiteral("phoneMobile")),
                 PatientValidation::tr("Enter a phone number of 6 to 15 digits, e.g. +49 170 "
                                       "1234567 or 0170 1234567."));
        QCOMPARE(editor->errorFor(QStringLiteral("email")),
                 PatientValidation::tr("Enter an e-mail address such as name@example.org."));
        QCOMPARE(editor->errorFor(QStringLiteral("birthDate")),
                 PatientEditor::tr("\"%1\" is not a date; enter it like %2.")
                     .arg(QStringLiteral("31.02.1985"),
                          QLocale().toString(QDate(1985, 3, 12), editorDateFormat())));
        QVERIFY(profile->messageLabel()->isVisible());
        QCOMPARE(profile->messageLabel()->text(),
                 PatientProfileView::tr("Please correct the fields marked in red."));
        // Nothing was saved, and what was typed is still there to correct.
        QCOMPARE(stored(m_anna).phoneMobile, before.phoneMobile);
        QCOMPARE(stored(m_anna).meta.version, before.meta.version);
        QCOMPARE(qobject_cast<QLineEdit *>(editor->input(QStringLiteral("email")))->text(),
                 QStringLiteral("anna at example"));

        // A real date, but in the future.
        const QDate future = kToday.addDays(10);
        type(editor->input(QStringLiteral("birthDate")), future.toString(Qt::ISODate));
        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(editor->errorFor(QStringLiteral("birthDate")),
                 PatientValidation::tr("The birth date %1 is in the future.")
                     .arg(LocaleFormat::fullYearDate(future)));

        // Corrected, the same button saves.
        type(editor->input(QStringLiteral("phoneMobile")), QStringLiteral("0170 5550101"));
        type(editor->input(QStringLiteral("email")), QStringLiteral("anna@example.org"));
        type(editor->input(QStringLiteral("birthDate")), QStringLiteral("1985-03-12"));
        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(profile->messageLabel()->text(), PatientProfileView::tr("Saved."));
        QVERIFY(editor->errorFor(QStringLiteral("phoneMobile")).isEmpty());
        const Patient after = stored(m_anna);
        QCOMPARE(after.phoneMobile, QStringLiteral("0170 5550101"));
        QCOMPARE(after.email, QStringLiteral("anna@example.org"));
        QCOMPARE(after.birthDate, QDate(1985, 3, 12));
        everyViewStillWorks(w);
    }

    void impossibleBookingIsRefusedInTheDialog()
    {
        MainWindow w(db(), QStringLiteral("Test"));
        showWindow(w);
        w.showView(MainWindow::View::Schedule);
        SchedulePanel *panel = w.scheduleView()->calendar();
        QVERIFY(panel);
        DayScheduleModel *model = panel->model();
        QCOMPARE(model->date(), kToday);
        // An appointment of the first column that takes its time.
        int taken = -1;
        for (int r = 0; r < model->rowCount() && taken < 0; ++r) {
            const QModelIndex i = model->index(r);
            const QString status = i.data(DayScheduleModel::StatusRole).toString();
            if (i.data(DayScheduleModel::ColumnRole).toInt() == 0 &&
                status != QLatin1String("cancelled") && status != QLatin1String("no-show"))
                taken = r;
        }
        QVERIFY(taken >= 0);
        const QString takenId = model->index(taken).data(DayScheduleModel::IdRole).toString();
        const QDateTime start = model->index(taken).data(DayScheduleModel::StartRole).toDateTime();
        const qint64 appointments = appointmentCount();

        panel->openBooking(0, start);
        BookingDialog *dialog = panel->bookingDialog();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->searchField(), stored(m_ben).mrn);
        dialog->searchNow();
        QCOMPARE(dialog->patientList()->count(), 1);
        dialog->patientList()->setCurrentRow(0);
        dialog->setReason(QStringLiteral("Check-up"));
        dialog->setMinutes(15);
        dialog->accept();
        // Refused in the dialog, which stays open with everything typed, saying who has the time.
        QVERIFY(dialog->isVisible());
        const QString message = dialog->messageLabel()->text();
        QVERIFY2(message.startsWith(BookingService::tr("Not booked. %1").arg(QString())),
                 qPrintable(message));
        QVERIFY2(message.contains(takenId), qPrintable(message));
        QVERIFY(dialog->messageLabel()->isVisible());
        QCOMPARE(dialog->patientList()->currentRow(), 0);
        QCOMPARE(appointmentCount(), appointments);

        // A free time in the same dialog books.
        const QList<FreeSlot> free = freeSlots(panel, 1);
        QVERIFY(!free.isEmpty());
        dialog->reject();
        QTRY_VERIFY(!panel->bookingDialog());
        panel->openBooking(0, free.first().startUtc);
        dialog = panel->bookingDialog();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->searchField(), stored(m_ben).mrn);
        dialog->searchNow();
        dialog->patientList()->setCurrentRow(0);
        dialog->setMinutes(15);
        dialog->accept();
        QTRY_VERIFY(!panel->bookingDialog());
        QCOMPARE(appointmentCount(), appointments + 1);
        everyViewStillWorks(w);
    }

    void fullDiskWhileSavingAPatient()
    {
        if (!m_tmpfs)
            QSKIP(qPrintable(
                QStringLiteral("no tmpfs of our own to fill (%1)").arg(g_namespaceNote)));
        MainWindow w(db(), QStringLiteral("Test"));
        showWindow(w);
        const Patient before = stored(m_anna);
        w.showView(MainWindow::View::Patients);
        PatientProfileView *profile = w.patientsView()->openPatient(m_anna);
        QVERIFY(profile);
        PatientEditor *editor = profile->editor();
        auto *save = profile->findChild<QPushButton *>(QStringLiteral("saveButton"));
        type(editor->input(QStringLiteral("phoneMobile")), QStringLiteral("0170 5550202"));
        type(editor->input(QStringLiteral("city")), QStringLiteral("Potsdam"));

        QVERIFY(fillDisk());
        QTest::mouseClick(save, Qt::LeftButton);
        QLabel *message = profile->messageLabel();
        QVERIFY(message->isVisible());
        qInfo("shown beside the form: %s", qPrintable(message->text()));
        QVERIFY2(message->text().endsWith(diskFullAdvice()), qPrintable(message->text()));
        // Nothing of the change reached the database, nothing before it was lost, and what was
        // typed is still in the form.
        const Patient during = stored(m_anna);
        QCOMPARE(during.phoneMobile, before.phoneMobile);
        QCOMPARE(during.city, before.city);
        QCOMPARE(during.meta.version, before.meta.version);
        QCOMPARE(qobject_cast<QLineEdit *>(editor->input(QStringLiteral("phoneMobile")))->text(),
                 QStringLiteral("0170 5550202"));
        QVERIFY(profile->isModified());
        QVERIFY(save->isEnabled());

        // Opening another record on the full disk: refused with the same advice in a message
        // box, and no half-open tab.
        const int tabs = w.patientsView()->tabs()->count();
        QString title;
        QString text;
        answerNextMessageBox(&title, &text);
        QVERIFY(!w.patientsView()->openPatient(m_ben));
        qInfo("shown in a message box: %s", qPrintable(text));
        QCOMPARE(title, PatientsView::tr("Patient"));
        QVERIFY2(text.endsWith(diskFullAdvice()), qPrintable(text));
        QCOMPARE(w.patientsView()->tabs()->count(), tabs);

        freeDisk();
        checkIntact();
        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(message->text(), PatientProfileView::tr("Saved."));
        const Patient after = stored(m_anna);
        QCOMPARE(after.phoneMobile, QStringLiteral("0170 5550202"));
        QCOMPARE(after.city, QStringLiteral("Potsdam"));
        QCOMPARE(after.meta.version, before.meta.version + 1);
        QVERIFY(w.patientsView()->openPatient(m_ben));
        everyViewStillWorks(w);
    }

    void fullDiskWhileBooking()
    {
        if (!m_tmpfs)
            QSKIP(qPrintable(
                QStringLiteral("no tmpfs of our own to fill (%1)").arg(g_namespaceNote)));
        MainWindow w(db(), QStringLiteral("Test"));
        showWindow(w);
        w.showView(MainWindow::View::Schedule);
        SchedulePanel *panel = w.scheduleView()->calendar();
        const QList<FreeSlot> free = freeSlots(panel, 1);
        QVERIFY(!free.isEmpty());
        const qint64 appointments = appointmentCount();
        const int rows = panel->model()->rowCount();

        panel->openBooking(0, free.first().startUtc);
        BookingDialog *dialog = panel->bookingDialog();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->searchField(), stored(m_ben).mrn);
        dialog->searchNow();
        QCOMPARE(dialog->patientList()->count(), 1);
        dialog->patientList()->setCurrentRow(0);
        dialog->setReason(QStringLiteral("Vaccination"));
        dialog->setMinutes(15);

        QVERIFY(fillDisk());
        dialog->accept();
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->messageLabel()->isVisible());
        qInfo("shown in the booking dialog: %s", qPrintable(dialog->messageLabel()->text()));
        QVERIFY2(dialog->messageLabel()->text().endsWith(diskFullAdvice()),
                 qPrintable(dialog->messageLabel()->text()));
        QCOMPARE(appointmentCount(), appointments);
        QCOMPARE(panel->model()->rowCount(), rows);

        freeDisk();
        checkIntact();
        dialog->accept();
        QTRY_VERIFY(!panel->bookingDialog());
        QCOMPARE(appointmentCount(), appointments + 1);
        QCOMPARE(panel->model()->rowCount(), rows + 1);
        const QModelIndex booked = panel->calendar()->currentAppointment();
        QVERIFY(booked.isValid());
        QCOMPARE(booked.data(DayScheduleModel::StartRole).toDateTime(), free.first().startUtc);
        QCOMPARE(booked.data(DayScheduleModel::ReasonRole).toString(),
                 QStringLiteral("Vaccination"));
        everyViewStillWorks(w);
    }
};

int main(int argc, char *argv[])
{
    // FRONTDESK_FULLDISK_FALLBACK=1 leaves the namespace out, to see the full-disk cases skip.
    if (qEnvironmentVariableIntValue("FRONTDESK_FULLDISK_FALLBACK") == 0) {
        const auto mounts = frontdesk::test::PrivateMounts::enter();
        g_privateMounts = mounts.available;
        g_namespaceNote = mounts.note;
    } else {
        g_namespaceNote = QStringLiteral("not tried (FRONTDESK_FULLDISK_FALLBACK)");
    }
    QApplication app(argc, argv);
    TestErrorRecovery test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_errorrecovery.moc"
