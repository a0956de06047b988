#include "PrivateSettings.h"
#include "TestClock.h"
#include "TestDatabase.h"

#include "AppointmentDayModel.h"
#include "DayScheduleModel.h"
#include "common/InfoBar.h"
#include "core/LocaleFormat.h"
#include "demo/DemoSeeder.h"
#include "messages/ComposeMessageDialog.h"
#include "schedule/BookingDialog.h"
#include "schedule/CancelDialog.h"
#include "schedule/DayCalendarAccessible.h"
#include "schedule/DayCalendarView.h"
#include "schedule/DayListExport.h"
#include "schedule/FindSlotDialog.h"
#include "schedule/ScheduleAdminDialog.h"
#include "schedule/SchedulePanel.h"
#include "schedule/ScheduleView.h"
#include "schedule/WaitlistDialog.h"
#include "scheduling/BookingService.h"
#include "scheduling/LocalTime.h"
#include "storage/MessageRepository.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPrinter>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeEdit>
#include <QTimer>

using namespace frontdesk;

namespace {
const QDate kToday(2026, 5, 4); // a Monday
const QTimeZone kBerlin("Europe/Berlin");
} // namespace

// The schedule panel on a seeded clinic, driven like a receptionist would: book from a free
// slot, drag an appointment to another time, check a patient in, cancel, undo.
class TestSchedulePanel : public QObject
{
    Q_OBJECT

    test::PrivateSettings m_settings;

    test::TestDatabase m_t;
    TestClock m_clock{QDateTime(kToday, QTime(7, 30), kBerlin)};
    std::unique_ptr<SchedulePanel> m_panel;
    QString m_booked;
    QDateTime m_bookedAt;

    Database &db() { return *m_t.db; }
    DayCalendarView *calendar() { return m_panel->calendar(); }
    DayScheduleModel *model() { return m_panel->model(); }

    // The next free slots of the first column's practitioner from 08:00 today.
    QList<FreeSlot> freeSlots(int count)
    {
        SlotQuery q;
        q.fromUtc = LocalTime::toUtc(kToday, 8 * 60, kBerlin);
        q.minutes = 15;
        q.count = count;
        auto found = BookingService(db()).findSlots({model()->columns().first().id}, q);
        return found ? *found : QList<FreeSlot>();
    }
    // A dialog that closed may leave no window active; shortcuts need the panel active.
    bool focusCalendar()
    {
        QApplication::setActiveWindow(m_panel.get());
        calendar()->setFocus();
        return QTest::qWaitFor([this] { return calendar()->hasFocus(); });
    }
    int minuteOf(const QDateTime &utc) { return LocalTime::minuteOfDay(utc, kBerlin); }
    QString statusOf(const QString &id)
    {
        const int row = model()->rowOf(id);
        return row < 0 ? QString()
                       : model()->index(row).data(DayScheduleModel::StatusRole).toString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_t.open());
        db().setClock(m_clock);
        QVERIFY(
            db().setSetting(QStringLiteral("clinic_time_zone"), QStringLiteral("Europe/Berlin")));
        DemoSeeder::Options o;
        o.patients = 400;
        o.appointments = 3000;
        o.today = kToday;
        // A thinner day than the seeder's default leaves free slots to book.
        auto seeded = DemoSeeder(db()).seed(o);
        QVERIFY2(seeded, qPrintable(seeded.error()));
        m_panel = std::make_unique<SchedulePanel>(db());
        m_panel->resize(1200, 800);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
        // Shortcuts only reach the active window.
        QApplication::setActiveWindow(m_panel.get());
        QVERIFY(QTest::qWaitForWindowActive(m_panel.get()));
        QCOMPARE(model()->date(), kToday);
        QVERIFY(model()->columns().size() >= 4);
        QVERIFY(!freeSlots(2).isEmpty());
        QVERIFY2(model()->rowCount() > 10, qPrintable(QString::number(model()->rowCount())));
    }

    void bookFromAFreeSlotWithEnter()
    {
        const FreeSlot slot = freeSlots(1).first();
        const int rows = model()->rowCount();
        QSignalSpy changed(m_panel.get(), &SchedulePanel::changed);
        calendar()->setCursor(0, minuteOf(slot.startUtc));
        QVERIFY(!calendar()->currentAppointment().isValid());
        QTest::keyClick(calendar(), Qt::Key_Return);
        BookingDialog *dialog = m_panel->bookingDialog();
        QVERIFY(dialog);
        // Without a patient the dialog stays open and says why.
        dialog->accept();
        QVERIFY(dialog->isVisible());
        QVERIFY(!dialog->messageLabel()->text().isEmpty());
        QTest::keyClicks(dialog->searchField(), QStringLiteral("MRN0100001"));
        dialog->searchNow();
        QCOMPARE(dialog->patientList()->count(), 1);
        dialog->setReason(QStringLiteral("Sore throat"));
        dialog->setMinutes(15);
        dialog->accept();
        QTRY_VERIFY(!m_panel->bookingDialog());
        QCOMPARE(model()->rowCount(), rows + 1);
        const QModelIndex current = calendar()->currentAppointment();
        QVERIFY(current.isValid());
        m_booked = current.data(DayScheduleModel::IdRole).toString();
        m_bookedAt = slot.startUtc;
        QCOMPARE(current.data(DayScheduleModel::StartRole).toDateTime(), slot.startUtc);
        QCOMPARE(current.data(DayScheduleModel::ReasonRole).toString(),
                 QStringLiteral("Sore throat"));
        QCOMPARE(m_panel->undoCount(), 1);
        QCOMPARE(changed.count(), 1);
    }

    void dragToAnotherTime()
    {
        const QList<FreeSlot> free = freeSlots(3);
        QVERIFY(free.size() == 3);
        const FreeSlot target = free.last();
        const int row = model()->rowOf(m_booked);
        const QRect from = calendar()->appointmentRect(row);
        QVERIFY(from.isValid());
        const QPoint grab = from.center();
        const int column = model()->index(row).data(DayScheduleModel::ColumnRole).toInt();
        const QModelIndex index = model()->index(row);
        const int startMinute = minuteOf(index.data(DayScheduleModel::StartRole).toDateTime());
        const int delta =
            int((minuteOf(target.startUtc) - startMinute) * calendar()->pixelsPerMinute());
        QWidget *viewport = calendar()->viewport();
        QTest::mousePress(viewport, Qt::LeftButton, {}, grab);
        QTest::mouseMove(viewport, grab + QPoint(0, delta / 2));
        QTest::mouseMove(viewport, grab + QPoint(0, delta));
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, grab + QPoint(0, delta));
        const int moved = model()->rowOf(m_booked);
        QVERIFY2(m_panel->messageBar()->isHidden(), qPrintable(m_panel->messageBar()->text()));
        QCOMPARE(model()->index(moved).data(DayScheduleModel::StartRole).toDateTime(),
                 target.startUtc);
        QCOMPARE(model()->index(moved).data(DayScheduleModel::ColumnRole).toInt(), column);
        QCOMPARE(m_panel->undoCount(), 2);
    }

    void dragOntoATakenSlotIsRefused()
    {
        // The first appointment of the first column that is not ours and takes time.
        int other = -1;
        for (int r = 0; r < model()->rowCount() && other < 0; ++r) {
            const QModelIndex i = model()->index(r);
            if (i.data(DayScheduleModel::ColumnRole).toInt() == 0 &&
                i.data(DayScheduleModel::IdRole).toString() != m_booked &&
                i.data(DayScheduleModel::StatusRole).toString() != QLatin1String("cancelled") &&
                i.data(DayScheduleModel::StatusRole).toString() != QLatin1String("no-show"))
                other = r;
        }
        QVERIFY(other >= 0);
        const QDateTime taken =
            model()->index(other).data(DayScheduleModel::StartRole).toDateTime();
        const QDateTime before =
            model()->index(model()->rowOf(m_booked)).data(DayScheduleModel::StartRole).toDateTime();
        m_panel->move(model()->index(model()->rowOf(m_booked)), 0, taken, taken.addSecs(15 * 60));
        QVERIFY(!m_panel->messageBar()->isHidden());
        // A refusal is an error: it stays 30 s, unless the next action replaces it.
        QVERIFY(m_panel->messageBar()->isError());
        QCOMPARE(m_clock.nowUtc().msecsTo(m_panel->messageBar()->lifetime()->expiresAt()), 30000);
        QVERIFY2(m_panel->messageBar()->text().contains(
                     model()->index(other).data(DayScheduleModel::IdRole).toString()),
                 qPrintable(m_panel->messageBar()->text()));
        QCOMPARE(
            model()->index(model()->rowOf(m_booked)).data(DayScheduleModel::StartRole).toDateTime(),
            before);
    }

    void checkInAndRevertWithUndo()
    {
        QVERIFY(focusCalendar());
        calendar()->setCurrentAppointment(m_booked);
        m_clock.set(QDateTime(kToday, QTime(7, 50), kBerlin));
        QTest::keyClick(calendar(), Qt::Key_I, Qt::ControlModifier);
        QCOMPARE(statusOf(m_booked), QStringLiteral("arrived"));
        const QModelIndex i = model()->index(model()->rowOf(m_booked));
        QCOMPARE(i.data(DayScheduleModel::ArrivedAtRole).toDateTime(), m_clock.nowUtc());
        // The painted calendar shows the waiting time; painting must not fail.
        QVERIFY(!m_panel->grab().isNull());
        QVERIFY(m_panel->undo());
        QCOMPARE(statusOf(m_booked), QStringLiteral("booked"));
        // "Undone: …" is information: it goes away on its own once read, after 10 s.
        InfoBar *bar = m_panel->messageBar();
        QVERIFY(!bar->isHidden());
        QVERIFY(!bar->isError());
        QVERIFY(bar->lifetime()->isRunning());
        m_clock.advanceSecs(9);
        bar->lifetime()->expireIfDue();
        QVERIFY(!bar->isHidden());
        m_clock.advanceSecs(1);
        bar->lifetime()->expireIfDue();
        QVERIFY(bar->isHidden());
        auto history = BookingService(db()).history(m_booked);
        QCOMPARE(history->size(), 3); // booked, arrived, the revert
    }

    void cancelWithReason()
    {
        QVERIFY(focusCalendar());
        calendar()->setCurrentAppointment(m_booked);
        QTest::keyClick(calendar(), Qt::Key_Delete);
        CancelDialog *dialog = m_panel->cancelDialog();
        QVERIFY(dialog);
        dialog->setReason(QStringLiteral("Patient is travelling"));
        dialog->setCancelledBy(CancelledBy::Patient);
        dialog->accept();
        QTRY_VERIFY(!m_panel->cancelDialog());
        QCOMPARE(statusOf(m_booked), QStringLiteral("cancelled"));
        const auto history = BookingService(db()).history(m_booked);
        QCOMPARE(history->last().reason, QStringLiteral("Patient is travelling"));
        QCOMPARE(history->last().cancelledBy, CancelledBy::Patient);
        // The cancelled block still shows; a final status offers no further change.
        calendar()->setCurrentAppointment(m_booked);
        QTest::keyClick(calendar(), Qt::Key_I, Qt::ControlModifier);
        QCOMPARE(statusOf(m_booked), QStringLiteral("cancelled"));
    }

    void undoTheMoveAndTheBooking()
    {
        // Undo order: the cancellation, the move, the booking.
        QVERIFY(m_panel->undo());
        QCOMPARE(statusOf(m_booked), QStringLiteral("booked"));
        QVERIFY(m_panel->undo());
        QCOMPARE(
            model()->index(model()->rowOf(m_booked)).data(DayScheduleModel::StartRole).toDateTime(),
            m_bookedAt);
        QVERIFY(m_panel->undo());
        QCOMPARE(model()->rowOf(m_booked), -1);
        QVERIFY(!m_panel->undo());
    }

    void aWeeklySeriesFromTheDialog()
    {
        // 07:00, before working hours: no seeded appointment is there in the coming weeks.
        m_panel->openBooking(0, LocalTime::toUtc(kToday, 7 * 60, kBerlin));
        BookingDialog *dialog = m_panel->bookingDialog();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->searchField(), QStringLiteral("MRN0100002"));
        dialog->searchNow();
        QCOMPARE(dialog->patientList()->count(), 1);
        // Every date field reads with the whole year ("5/3/2026", not "5/3/26").
        for (const QWidget *owner : {static_cast<QWidget *>(dialog), m_panel->window()})
            for (const QDateEdit *edit : owner->findChildren<QDateEdit *>())
                QVERIFY2(
                    edit->displayFormat().contains(QLatin1String("yyyy")),
                    qPrintable(edit->accessibleName() + QLatin1Char(' ') + edit->displayFormat()));
        dialog->setRepeat(false, 1, 4);
        dialog->accept();
        QVERIFY2(!dialog->isVisible(), qPrintable(dialog->messageLabel()->text()));
        QTRY_VERIFY(!m_panel->bookingDialog());
        const QString first =
            calendar()->currentAppointment().data(DayScheduleModel::IdRole).toString();
        auto seriesId = BookingService(db()).seriesOf(first);
        QVERIFY(seriesId && !seriesId->isEmpty());
        auto count = db().scalar(
            QStringLiteral("SELECT count(*) FROM appointments WHERE series_id = ? AND deleted = 0"),
            {*seriesId});
        QCOMPARE(count->toInt(), 4);
        // The series' menu offers the rest of the series.
        QMenu *menu = m_panel->statusMenu(calendar()->currentAppointment());
        QVERIFY(menu->actions().size() > 8);
        delete menu;
        QVERIFY(m_panel->undo());
        count = db().scalar(
            QStringLiteral("SELECT count(*) FROM appointments WHERE series_id = ? AND deleted = 0"),
            {*seriesId});
        QCOMPARE(count->toInt(), 0);
    }

    void dayListAsPdf()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("day.pdf"));
        const Status written = m_panel->exportDayList(path);
        QVERIFY2(written, qPrintable(written.error()));
        QFile pdf(path);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5).startsWith("%PDF"));
        const QString html = DayListExport::html(*model(), {});
        QVERIFY(html.contains(
            model()->index(0).data(DayScheduleModel::PatientNameRole).toString().toHtmlEscaped()));
        auto audited = db().scalar(
            QStringLiteral("SELECT count(*) FROM audit_log WHERE entity_type = 'day-list'"));
        QCOMPARE(audited->toInt(), 1);
        QVERIFY(!m_panel->exportDayList(dir.filePath(QStringLiteral("no/such/dir/day.pdf"))));

        // The clinic's name, birth dates and phones are on it.
        const QString named = DayListExport::html(*model(), {}, QStringLiteral("Praxis am Markt"));
        QVERIFY(named.contains(QStringLiteral("Praxis am Markt")));
        QVERIFY(named.contains(QStringLiteral("<th>Born</th>")));
        QVERIFY(named.contains(QStringLiteral("<th>Phone</th>")));

        // Printed: recorded as a print, before the paper comes out.
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(dir.filePath(QStringLiteral("printed.pdf")));
        const Status printed = m_panel->printDayList(printer);
        QVERIFY2(printed, qPrintable(printed.error()));
        QFile paper(dir.filePath(QStringLiteral("printed.pdf")));
        QVERIFY(paper.open(QIODevice::ReadOnly));
        QVERIFY(paper.read(5).startsWith("%PDF"));
        auto prints = db().scalar(QStringLiteral(
            "SELECT count(*) FROM audit_log WHERE action = 'print' AND entity_type = 'day-list'"));
        QCOMPARE(prints->toInt(), 1);

        // A day without appointments: no practitioner gets an empty page.
        const QDate shown = model()->date();
        m_panel->showDate(shown.addYears(5));
        QVERIFY(!model()->snapshot().practitioners.isEmpty());
        const QString empty = DayListExport::html(*model(), {});
        QVERIFY(empty.contains(QStringLiteral("No appointments")));
        for (const Practitioner &p : model()->snapshot().practitioners)
            QVERIFY2(!empty.contains(p.displayName().toHtmlEscaped()), qPrintable(p.displayName()));
        m_panel->showDate(shown);
    }

    void findNextAvailableThenBook()
    {
        m_panel->findNextAvailable();
        FindSlotDialog *find = m_panel->findSlotDialog();
        QVERIFY(find);
        find->setPractitioner(model()->columns().first().id);
        find->setMinutes(30);
        find->setWeekdays({3}); // Wednesdays
        find->setWindow(14 * 60, 16 * 60);
        find->search();
        QVERIFY(find->results()->count() > 0);
        const FreeSlot first =
            BookingService(db())
                .findSlots({model()->columns().first().id},
                           [] {
                               SlotQuery q;
                               q.fromUtc = QDateTime(kToday, QTime(7, 30), kBerlin).toUTC();
                               q.minutes = 30;
                               q.count = 1;
                               q.weekdays = {3};
                               q.windows = {{14 * 60, 16 * 60}};
                               return q;
                           }())
                ->first();
        find->accept();
        QTRY_VERIFY(m_panel->bookingDialog());
        QCOMPARE(model()->date(), first.startUtc.toTimeZone(kBerlin).date());
        QCOMPARE(model()->date().dayOfWeek(), 3);
        m_panel->bookingDialog()->reject();
        QTRY_VERIFY(!m_panel->bookingDialog());
        m_panel->showDate(kToday);
    }

    void settingsChangeWhatTheCalendarShows()
    {
        m_panel->openSettings();
        ScheduleAdminDialog *admin = m_panel->settingsDialog();
        QVERIFY(admin);
        const QString practitioner = model()->columns().first().id;
        // Saturday afternoons for the first practitioner; a window that ends before it starts
        // is refused with a message.
        QVERIFY(!admin->addWorkingHours(practitioner, 6, 14 * 60, 13 * 60, {}));
        QVERIFY(!admin->messageLabel()->text().isEmpty());
        QVERIFY(admin->addWorkingHours(practitioner, 6, 13 * 60, 15 * 60, {}));
        QVERIFY(admin->messageLabel()->text().isEmpty());
        // Leave next Tuesday, a new type, a new room.
        const QDateTime from = LocalTime::toUtc(kToday.addDays(8), 0, kBerlin);
        QVERIFY(admin->addTimeOff(practitioner, QStringLiteral("leave"), from, from.addDays(1),
                                  QStringLiteral("Course")));
        QVERIFY(!admin->addType(QStringLiteral("ultrasound"), QStringLiteral("Ultrasound"), 40,
                                QStringLiteral("not a colour")));
        QVERIFY(admin->addType(QStringLiteral("ultrasound"), QStringLiteral("Ultrasound"), 40,
                               QStringLiteral("#123456")));
        QVERIFY(!admin->addType(QStringLiteral("ultrasound"), QStringLiteral("Again"), 40,
                                QStringLiteral("#123456"))); // the code is taken
        QVERIFY(admin->addRoom(QStringLiteral("Room X")));
        QVERIFY(!admin->timeOffList()
                     ->findItems(QStringLiteral("Course"), Qt::MatchContains)
                     .isEmpty());
        // The time-off fields read with the whole year and without seconds, as the list does.
        int dateTimes = 0;
        for (const QDateTimeEdit *edit : admin->findChildren<QDateTimeEdit *>()) {
            if (qobject_cast<const QTimeEdit *>(edit)) // working hours: times only
                continue;
            QCOMPARE(edit->displayFormat(), LocaleFormat::fullYearDateTimeFormat());
            ++dateTimes;
        }
        QCOMPARE(dateTimes, 2);
        QVERIFY(
            !admin->roomsList()->findItems(QStringLiteral("Room X"), Qt::MatchExactly).isEmpty());
        admin->reject();
        QTRY_VERIFY(!m_panel->settingsDialog());
        // The new Saturday hours are free slots now; the leave day has none.
        SlotQuery q;
        q.fromUtc = LocalTime::toUtc(kToday.addDays(5), 0, kBerlin); // Saturday
        q.minutes = 40;
        q.count = 1;
        q.windows = {{12 * 60, 24 * 60}}; // some work Saturday mornings already
        auto found = BookingService(db()).findSlots({practitioner}, q);
        QVERIFY(found && !found->isEmpty());
        QCOMPARE(found->first().startUtc, LocalTime::toUtc(kToday.addDays(5), 13 * 60, kBerlin));
        m_panel->showDate(kToday.addDays(8));
        QCOMPARE(model()->columns().first().off.size(), 1);
        m_panel->showDate(kToday);
    }

    void aFreedSlotIsOfferedToTheWaitlist()
    {
        m_panel->openWaitlist();
        WaitlistDialog *waitlist = m_panel->waitlistDialog();
        QVERIFY(waitlist);
        // The demo clinic has patients waiting already (its offer tasks are for them).
        const int waiting = waitlist->entries()->count();
        QVERIFY(!waitlist->add({}, 15, {}, 0, 24 * 60, {})); // no patient chosen
        waitlist->searchField()->setText(QStringLiteral("MRN0100003"));
        waitlist->searchNow();
        QCOMPARE(waitlist->patientList()->count(), 1);
        const QString name =
            waitlist->patientList()->item(0)->text().section(QStringLiteral(" — "), 0, 0);
        QVERIFY(waitlist->add({}, 15, {}, 0, 24 * 60, QStringLiteral("Any earlier time")));
        QCOMPARE(waitlist->entries()->count(), waiting + 1);
        waitlist->reject();
        QTRY_VERIFY(!m_panel->waitlistDialog());
        // Cancel a future appointment: the message bar names the waiting patient.
        int row = -1;
        for (int r = 0; r < model()->rowCount() && row < 0; ++r) {
            const QModelIndex i = model()->index(r);
            if (i.data(DayScheduleModel::StartRole).toDateTime() > m_clock.nowUtc() &&
                (i.data(DayScheduleModel::StatusRole).toString() == QLatin1String("booked") ||
                 i.data(DayScheduleModel::StatusRole).toString() == QLatin1String("confirmed")))
                row = r;
        }
        QVERIFY(row >= 0);
        calendar()->setCurrentAppointment(
            model()->index(row).data(DayScheduleModel::IdRole).toString());
        m_panel->cancelCurrent();
        QVERIFY(m_panel->cancelDialog());
        m_panel->cancelDialog()->setReason(QStringLiteral("Moved away"));
        m_panel->cancelDialog()->accept();
        QTRY_VERIFY(!m_panel->cancelDialog());
        QVERIFY2(m_panel->messageBar()->text().contains(name),
                 qPrintable(m_panel->messageBar()->text()));
    }

    void weekViewMovesToAnotherDay()
    {
        // A booking at 07:00 (before hours: nothing seeded there), then Ctrl+Right in the week
        // of its practitioner moves it to the same time the next day.
        const QString practitioner = model()->columns().first().id;
        Appointment a;
        a.patientId = model()->index(0).data(DayScheduleModel::PatientIdRole).toString();
        a.practitionerId = practitioner;
        a.start = LocalTime::toUtc(kToday, 7 * 60, kBerlin);
        a.end = a.start.addSecs(20 * 60);
        auto booked = BookingService(db()).book(a);
        QVERIFY2(booked, qPrintable(booked.error()));
        model()->setWeekPractitioner(practitioner);
        model()->setMode(DayScheduleModel::ColumnMode::Week);
        QCOMPARE(model()->columns().size(), 7);
        QVERIFY(focusCalendar());
        calendar()->setCurrentAppointment(booked->meta.id);
        QVERIFY(calendar()->currentAppointment().isValid());
        QTest::keyClick(calendar(), Qt::Key_Right, Qt::ControlModifier);
        const QModelIndex moved = model()->index(model()->rowOf(booked->meta.id));
        QCOMPARE(moved.data(DayScheduleModel::StartRole).toDateTime(),
                 LocalTime::toUtc(kToday.addDays(1), 7 * 60, kBerlin));
        QCOMPARE(moved.data(DayScheduleModel::ColumnRole).toInt(), 1);
        QVERIFY(!m_panel->grab().isNull());
        model()->setMode(DayScheduleModel::ColumnMode::Practitioners);
    }

    void besideTheListInTheScheduleView()
    {
        QVERIFY(m_settings.isValid());
        AppointmentDayModel list(db());
        list.refresh();
        ScheduleView view(&list);
        auto *calendar = new SchedulePanel(db(), &view);
        view.setCalendar(calendar);
        view.resize(1200, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QApplication::setActiveWindow(&view);
        QVERIFY(QTest::qWaitForWindowActive(&view));
        view.showCalendar(false);
        // The toggle names the view it switches to.
        auto *toggle = view.findChild<QAction *>(QStringLiteral("calendarOrList"));
        QVERIFY(toggle);
        QCOMPARE(toggle->text(), QStringLiteral("&Calendar"));
        view.table()->setFocus();
        QTest::keyClick(view.table(), Qt::Key_K, Qt::ControlModifier);
        QVERIFY(calendar->isVisible());
        QVERIFY(!view.table()->isVisible());
        QCOMPARE(toggle->text(), QStringLiteral("&List"));
        // One day for both: the list's navigation moves the calendar, and back.
        view.showNextDay();
        QCOMPARE(calendar->model()->date(), list.date());
        calendar->showDate(list.date().addDays(2));
        QCOMPARE(list.date(), calendar->model()->date());
        // A booking in the calendar shows in the list.
        const int before = list.rowCount();
        calendar->openBooking(0, LocalTime::toUtc(calendar->model()->date(), 6 * 60, kBerlin));
        QVERIFY(calendar->bookingDialog());
        calendar->bookingDialog()->searchField()->setText(QStringLiteral("MRN0100004"));
        calendar->bookingDialog()->searchNow();
        calendar->bookingDialog()->accept();
        QTRY_VERIFY(!calendar->bookingDialog());
        QCOMPARE(list.rowCount(), before + 1);
        view.showCalendar(false);
        QVERIFY(view.table()->isVisible());
    }

    void theRestOfASeries()
    {
        // Weekly at 06:30 (before hours) from today, four times; then the second one moves to
        // 06:45 on its own, the rest follows it, and the last two are cancelled.
        BookingService service(db());
        Appointment a;
        a.patientId = model()->index(0).data(DayScheduleModel::PatientIdRole).toString();
        a.practitionerId = model()->columns().first().id;
        a.start = LocalTime::toUtc(kToday, 6 * 60 + 30, kBerlin);
        a.end = a.start.addSecs(15 * 60);
        Recurrence weekly;
        weekly.count = 4;
        auto series = service.bookSeries(a, weekly, {});
        QVERIFY2(series, qPrintable(series.error()));
        const Appointment second = series->appointments.at(1);
        m_panel->showDate(kToday.addDays(7));
        const int row = model()->rowOf(second.meta.id);
        QVERIFY(row >= 0);
        m_panel->move(model()->index(row), 0, second.start.addSecs(15 * 60),
                      second.end.addSecs(15 * 60));
        calendar()->setCurrentAppointment(second.meta.id);
        m_panel->moveRestOfSeries();
        AppointmentRepository repo(db());
        QCOMPARE(repo.get(series->appointments.at(3).meta.id)->start,
                 LocalTime::toUtc(kToday.addDays(21), 6 * 60 + 45, kBerlin));
        QCOMPARE(repo.get(series->appointments.at(0).meta.id)->start, a.start);
        m_panel->showDate(kToday.addDays(14));
        calendar()->setCurrentAppointment(series->appointments.at(2).meta.id);
        m_panel->cancelCurrent(true);
        QVERIFY(m_panel->cancelDialog());
        m_panel->cancelDialog()->setReason(QStringLiteral("Therapy ends early"));
        m_panel->cancelDialog()->accept();
        QTRY_VERIFY(!m_panel->cancelDialog());
        QCOMPARE(repo.get(series->appointments.at(2).meta.id)->status,
                 AppointmentStatus::Cancelled);
        QCOMPARE(repo.get(series->appointments.at(3).meta.id)->status,
                 AppointmentStatus::Cancelled);
        QCOMPARE(repo.get(series->appointments.at(1).meta.id)->status, AppointmentStatus::Booked);
        m_panel->showDate(kToday);
    }

    void keyboardNavigationAndDays()
    {
        QVERIFY(focusCalendar());
        calendar()->setCursor(0, 9 * 60);
        QTest::keyClick(calendar(), Qt::Key_Down);
        QCOMPARE(calendar()->cursorMinute(), 9 * 60 + model()->columns().first().slotMinutes);
        QTest::keyClick(calendar(), Qt::Key_Right);
        QCOMPARE(calendar()->cursorColumn(), 1);
        QTest::keyClick(m_panel.get(), Qt::Key_PageDown, Qt::ControlModifier);
        QCOMPARE(model()->date(), kToday.addDays(1));
        QTest::keyClick(m_panel.get(), Qt::Key_Home, Qt::ControlModifier);
        QCOMPARE(model()->date(), kToday);
        m_panel->model()->setMode(DayScheduleModel::ColumnMode::Rooms);
        QVERIFY(!m_panel->grab().isNull());
        m_panel->model()->setMode(DayScheduleModel::ColumnMode::Practitioners);
    }

    void aReplyNobodyHandledIsMarkedUntilHandled()
    {
        m_panel->showDate(kToday);
        // An appointment of the day without a reply yet (m_booked was cancelled above); its
        // patient answers the reminder with "R": not a confirmation.
        QString id;
        QString patient;
        for (int row = 0; row < model()->rowCount() && id.isEmpty(); ++row) {
            const QModelIndex i = model()->index(row);
            if (i.data(DayScheduleModel::PendingReplyRole).toString().isEmpty()) {
                id = i.data(DayScheduleModel::IdRole).toString();
                patient = i.data(DayScheduleModel::PatientIdRole).toString();
            }
        }
        QVERIFY(!id.isEmpty());
        Message reply;
        reply.patientId = patient;
        reply.appointmentId = id;
        reply.direction = QStringLiteral("inbound");
        reply.body = QStringLiteral("R");
        reply.status = QStringLiteral("received");
        reply.sentAt = m_clock.nowUtc();
        const Status saved = MessageRepository(db()).save(reply);
        QVERIFY2(saved, qPrintable(saved.error()));
        m_panel->refresh();
        const QModelIndex marked = model()->index(model()->rowOf(id));
        QCOMPARE(marked.data(DayScheduleModel::PendingReplyRole).toString(), QStringLiteral("R"));
        // Painted on the block, read out by a screen reader, offered in its menu.
        QVERIFY(!m_panel->grab().isNull());
        QVERIFY(
            DayCalendarAccessible::appointmentName(calendar(), marked.row())
                .contains(DayCalendarView::tr("%1, patient replied: %2", "appointment, the reply")
                              .arg(QString(), QStringLiteral("R"))));
        QMenu *menu = m_panel->statusMenu(marked);
        QAction *handled = nullptr;
        for (QAction *a : menu->actions())
            if (a->text() == SchedulePanel::tr("Mark the patient's reply &handled"))
                handled = a;
        QVERIFY(handled);
        handled->trigger();
        menu->close();
        QVERIFY(model()
                    ->index(model()->rowOf(id))
                    .data(DayScheduleModel::PendingReplyRole)
                    .toString()
                    .isEmpty());
        QCOMPARE(MessageRepository(db()).get(reply.meta.id)->status, QStringLiteral("handled"));
        QVERIFY(!m_panel->messageBar()->isError());
    }

    // From an appointment's menu (Return on it, then W): the message window for its patient,
    // about that appointment.
    void anAppointmentsMenuWritesToThePatientAboutIt()
    {
        QVERIFY(model()->rowCount() > 0);
        const QModelIndex first = model()->index(0);
        const QString id = first.data(DayScheduleModel::IdRole).toString();
        const QString patient = first.data(DayScheduleModel::PatientIdRole).toString();
        QMenu *menu = m_panel->statusMenu(first);
        QAction *write = nullptr;
        for (QAction *a : menu->actions())
            if (a->objectName() == QLatin1String("writeToPatient"))
                write = a;
        QVERIFY(write);
        QSignalSpy asked(m_panel.get(), &SchedulePanel::composeMessageRequested);
        write->trigger();
        menu->close();
        QCOMPARE(asked.count(), 1);
        QCOMPARE(asked.first().at(0).toString(), patient);
        QCOMPARE(asked.first().at(1).toString(), id);
        ComposeMessageDialog dialog(db(), patient);
        dialog.setAppointment(id);
        QCOMPARE(dialog.appointmentBox()->currentData().toString(), id);
    }
};

QTEST_MAIN(TestSchedulePanel)
#include "tst_schedulepanel.moc"
