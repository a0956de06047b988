#include "DemoClinic.h"
#include "PrivateSettings.h"
#include "TestClock.h"
#include "TestDatabase.h"

#include "DayScheduleModel.h"
#include "MainWindow.h"
#include "demo/DemoSeeder.h"
#include "messages/ComposeMessageDialog.h"
#include "patients/NewPatientDialog.h"
#include "patients/PatientEditor.h"
#include "patients/PatientPicker.h"
#include "patients/PatientProfileView.h"
#include "patients/PatientsView.h"
#include "schedule/BookingDialog.h"
#include "schedule/DayCalendarView.h"
#include "schedule/SchedulePanel.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimeZone>

#include <functional>

using namespace frontdesk;

namespace {
const QDate kToday(2026, 3, 3);
const QByteArray kZone("Europe/Berlin");
const QSize kScreen(1366, 768);

// The first control of a form row that takes the focus by Tab.
QWidget *focusableIn(QLayoutItem *item)
{
    if (!item)
        return nullptr;
    if (QWidget *w = item->widget()) {
        if (w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus))
            return w;
        for (QWidget *child : w->findChildren<QWidget *>()) {
            if (child->isVisible() && child->isEnabled() && (child->focusPolicy() & Qt::TabFocus))
                return child;
        }
        return nullptr;
    }
    if (QLayout *layout = item->layout()) {
        for (int i = 0; i < layout->count(); ++i) {
            if (QWidget *w = focusableIn(layout->itemAt(i)))
                return w;
        }
    }
    return nullptr;
}

QString describe(const QWidget *w)
{
    if (!w)
        return QStringLiteral("(nothing)");
    return QStringLiteral("%1 \"%2\"")
        .arg(QString::fromLatin1(w->metaObject()->className()), w->accessibleName());
}

// Where the keyboard focus is, as a person sees it: a visible control of the active window.
QWidget *visibleFocus()
{
    QWidget *focus = QApplication::focusWidget();
    if (!focus || !focus->isVisible() || !focus->hasFocus() ||
        focus->window() != QApplication::activeWindow())
        return nullptr;
    return focus;
}
} // namespace

// The front desk's everyday tasks done with the keyboard alone, from the main window: every step
// is a key press (QTest::keyClick), the focus is always on a visible control and moves in the
// order the form is read, and the result lands in the models and the database.
class TestKeyboardWorkflows : public QObject
{
    Q_OBJECT

    test::PrivateSettings m_settings;
    test::TestDatabase t;
    TestClock clock{QDateTime(kToday, QTime(10, 30), QTimeZone(kZone))};

    // Moves the calendar's cursor down the day, column by column, until pred holds.
    static bool cursorTo(DayCalendarView *calendar, const std::function<bool()> &pred)
    {
        for (int column = 0; column < calendar->model()->columns().size(); ++column) {
            QTest::keyClick(calendar, Qt::Key_Home);
            for (int step = 0; step < 60; ++step) {
                if (pred())
                    return true;
                QTest::keyClick(calendar, Qt::Key_Down);
            }
            QTest::keyClick(calendar, Qt::Key_Right);
        }
        return pred();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        QVERIFY(t.open());
        t.db->setClock(clock);
        auto seeded = test::seedDemoClinic(*t.db, kToday, QString::fromLatin1(kZone), 300, 2000);
        QVERIFY2(seeded, qPrintable(seeded.error()));
    }

    // Ctrl+1, to tomorrow, down to a free time, Enter; the patient by MRN, Tab through the form
    // in its visual order to the reason, Enter books.
    void bookingByKeyboard()
    {
        MainWindow w(*t.db, QStringLiteral("Praxis am Markt"));
        w.resize(kScreen);
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTest::keyClick(&w, Qt::Key_1, Qt::ControlModifier);
        auto *calendar = w.findChild<DayCalendarView *>();
        auto *panel = w.findChild<SchedulePanel *>();
        QVERIFY(calendar && panel);
        QTRY_COMPARE(visibleFocus(), calendar);

        QTest::keyClick(calendar, Qt::Key_PageDown, Qt::ControlModifier);
        QVERIFY(
            cursorTo(calendar, [calendar] { return !calendar->currentAppointment().isValid(); }));
        QTest::keyClick(calendar, Qt::Key_Return);
        BookingDialog *dialog = panel->bookingDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QTRY_COMPARE(visibleFocus(), dialog->searchField());

        auto mrn =
            t.db->scalar(QStringLiteral("SELECT mrn FROM patients ORDER BY mrn LIMIT 1"), {});
        QVERIFY(mrn);
        QTest::keyClicks(visibleFocus(), mrn->toString());
        QTRY_COMPARE(dialog->patientList()->count(), 1);
        QTest::keyClick(visibleFocus(), Qt::Key_Return);
        QCOMPARE(visibleFocus(), dialog->patientList());
        QCOMPARE(dialog->patientList()->currentRow(), 0);

        // Tab goes down the form row by row, as it reads.
        auto *form = dialog->findChild<QFormLayout *>();
        QVERIFY(form);
        QList<QWidget *> rows;
        for (int r = 1; r < form->rowCount(); ++r) {
            if (QWidget *field = focusableIn(form->itemAt(r, QFormLayout::FieldRole)))
                rows << field;
        }
        QVERIFY(rows.size() >= 7);
        // New Patient… sits beside the list, in the patient's row.
        rows.prepend(dialog->newPatientButton());
        QWidget *reason = nullptr;
        for (QWidget *expected : rows) {
            QWidget *from = visibleFocus();
            QTest::keyClick(from, Qt::Key_Tab);
            // A time field takes Tab from its hour to its minutes first, as Qt's always do.
            for (int section = 0;
                 section < 3 && visibleFocus() == from && qobject_cast<QDateTimeEdit *>(from);
                 ++section)
                QTest::keyClick(from, Qt::Key_Tab);
            QVERIFY2(visibleFocus() == expected,
                     qPrintable(QStringLiteral("Tab went to %1, not %2")
                                    .arg(describe(visibleFocus()), describe(expected))));
            if (expected->objectName() == QLatin1String("bookingReason"))
                reason = expected;
        }
        QVERIFY(reason);
        // Back up to the reason with Shift+Tab, type it, Enter.
        for (int i = 0; i < rows.size() && visibleFocus() != reason; ++i)
            QTest::keyClick(visibleFocus(), Qt::Key_Backtab, Qt::ShiftModifier);
        QCOMPARE(visibleFocus(), reason);
        const QString why = QStringLiteral("Booked by keyboard alone");
        QTest::keyClicks(reason, why);
        QTest::keyClick(reason, Qt::Key_Return);
        QTRY_VERIFY(!panel->bookingDialog());

        auto booked = t.db->scalar(
            QStringLiteral("SELECT count(*) FROM appointments a JOIN patients p ON p.id = "
                           "a.patient_id WHERE p.mrn = ? AND a.reason = ?"),
            {*mrn, why});
        QVERIFY(booked);
        QCOMPARE(booked->toInt(), 1);
        // Back in the calendar, on the new appointment: the window's focus is the calendar
        // again (offscreen has no window manager to hand the activation back by itself).
        QTRY_COMPARE(w.focusWidget(), calendar);
        QVERIFY(calendar->currentAppointment().isValid());
        QCOMPARE(calendar->currentAppointment().data(DayScheduleModel::PatientIdRole).toString(),
                 t.db->scalar(QStringLiteral("SELECT id FROM patients WHERE mrn = ?"), {*mrn})
                     ->toString());
    }

    // Ctrl+Home to today, down to a booked appointment, Ctrl+I checks the patient in.
    void checkInByKeyboard()
    {
        MainWindow w(*t.db, QStringLiteral("Praxis am Markt"));
        w.resize(kScreen);
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTest::keyClick(&w, Qt::Key_1, Qt::ControlModifier);
        auto *calendar = w.findChild<DayCalendarView *>();
        QVERIFY(calendar);
        QTRY_COMPARE(visibleFocus(), calendar);
        QTest::keyClick(calendar, Qt::Key_Home, Qt::ControlModifier);
        const QDateTime hourAgo = clock.nowUtc().addSecs(-3600);
        QVERIFY(cursorTo(calendar, [calendar, hourAgo] {
            const QModelIndex current = calendar->currentAppointment();
            return current.isValid() &&
                   current.data(DayScheduleModel::StatusRole).toString() ==
                       QLatin1String("booked") &&
                   current.data(DayScheduleModel::StartRole).toDateTime() > hourAgo;
        }));
        const QString id = calendar->currentAppointment().data(DayScheduleModel::IdRole).toString();
        QTest::keyClick(calendar, Qt::Key_I, Qt::ControlModifier);
        QTRY_COMPARE(
            t.db->scalar(QStringLiteral("SELECT status FROM appointments WHERE id = ?"), {id})
                ->toString(),
            QStringLiteral("arrived"));
        calendar->setCurrentAppointment(id);
        QCOMPARE(calendar->currentAppointment().data(DayScheduleModel::StatusRole).toString(),
                 QStringLiteral("arrived"));
        QCOMPARE(visibleFocus(), calendar);
    }

    // Ctrl+Shift+M, the patient by MRN, Return to the results, Tab through purpose, appointment,
    // channel and template (the subject is skipped for an SMS) to the text, Ctrl+Return queues
    // it.
    void composeByKeyboard()
    {
        MainWindow w(*t.db, QStringLiteral("Praxis am Markt"));
        w.resize(kScreen);
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        auto patient = t.db->query(
            QStringLiteral("SELECT id, mrn FROM patients WHERE preferred_channel = 'sms' AND "
                           "phone_mobile != '' AND id NOT IN (SELECT patient_id FROM "
                           "communication_preferences) ORDER BY mrn LIMIT 1"));
        QVERIFY(patient && patient->next());
        const QString id = patient->value(0).toString();
        const QString mrn = patient->value(1).toString();

        QTest::keyClick(&w, Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(w.composeDialog());
        ComposeMessageDialog *dialog = w.composeDialog();
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QTRY_COMPARE(visibleFocus(), dialog->picker()->searchField());
        QTest::keyClicks(visibleFocus(), mrn);
        QTRY_COMPARE(dialog->picker()->results()->count(), 1);
        QTest::keyClick(visibleFocus(), Qt::Key_Return);
        QCOMPARE(visibleFocus(), dialog->picker()->results());
        QTest::keyClick(visibleFocus(), Qt::Key_Tab);
        QCOMPARE(visibleFocus(), dialog->purposeBox());
        QTest::keyClick(visibleFocus(), Qt::Key_Tab);
        QCOMPARE(visibleFocus(), dialog->appointmentBox());
        QTest::keyClick(visibleFocus(), Qt::Key_Tab);
        QCOMPARE(visibleFocus(), dialog->channelBox());
        QCOMPARE(dialog->channelBox()->currentData().toString(), QStringLiteral("sms"));
        QTest::keyClick(visibleFocus(), Qt::Key_Tab);
        QCOMPARE(visibleFocus(), dialog->templateBox());
        QVERIFY(dialog->templateBox()->currentData().toString().isEmpty());
        QTest::keyClick(visibleFocus(), Qt::Key_Tab);
        QVERIFY2(visibleFocus() == dialog->bodyField(), qPrintable(describe(visibleFocus())));
        const QString text = QStringLiteral("Please bring your new insurance card on Monday.");
        QTest::keyClicks(visibleFocus(), text);
        QVERIFY(dialog->counterLabel()->text().contains(QLatin1String("1")));
        QTest::keyClick(visibleFocus(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY(!w.composeDialog());

        auto queued = t.db->scalar(
            QStringLiteral("SELECT count(*) FROM messages m JOIN outbox o ON o.resource_id = "
                           "m.id AND o.resource_type = 'Communication' WHERE m.patient_id = ? "
                           "AND m.body = ? AND m.status = 'queued'"),
            {id, text});
        QVERIFY(queued);
        QCOMPARE(queued->toInt(), 1);
    }

    // Send message… in a patient's profile opens the message window for that patient, without
    // the picker, and Ctrl+Return queues the text for them.
    void sendMessageFromTheProfile()
    {
        MainWindow w(*t.db, QStringLiteral("Praxis am Markt"));
        w.resize(kScreen);
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        auto id = t.db->scalar(
            QStringLiteral("SELECT id FROM patients WHERE preferred_channel = 'sms' AND "
                           "phone_mobile != '' AND id NOT IN (SELECT patient_id FROM "
                           "communication_preferences) ORDER BY mrn DESC LIMIT 1"));
        QVERIFY(id);
        w.showView(MainWindow::View::Patients);
        PatientProfileView *profile = w.patientsView()->openPatient(id->toString());
        QVERIFY(profile);
        auto *send = profile->findChild<QPushButton *>(QStringLiteral("sendMessageButton"));
        QVERIFY(send && send->isVisible());
        send->click();
        QTRY_VERIFY(w.composeDialog());
        ComposeMessageDialog *dialog = w.composeDialog();
        QVERIFY(!dialog->picker());
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QTRY_COMPARE(visibleFocus(), dialog->bodyField());
        const QString text = QStringLiteral("Your new glasses are ready to collect.");
        QTest::keyClicks(visibleFocus(), text);
        QTest::keyClick(visibleFocus(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY(!w.composeDialog());
        auto queued = t.db->scalar(
            QStringLiteral("SELECT count(*) FROM messages WHERE patient_id = ? AND body = ?"),
            {*id, text});
        QVERIFY(queued);
        QCOMPARE(queued->toInt(), 1);
    }

    // Book appointment… in a profile opens the booking dialog at the calendar's cursor with the
    // patient chosen and the practitioner's room for that time; Down goes from the search field
    // to the list; New Patient… registers someone and chooses them.
    void bookFromTheProfile()
    {
        MainWindow w(*t.db, QStringLiteral("Praxis am Markt"));
        w.resize(kScreen);
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        auto *panel = w.findChild<SchedulePanel *>();
        QVERIFY(panel && !panel->model()->columns().isEmpty());
        const QString practitionerId = panel->model()->columns().first().id;
        auto block = t.db->scalar(
            QStringLiteral("SELECT start_minute || ' ' || location_id FROM working_hours WHERE "
                           "practitioner_id = ? AND weekday = ? AND location_id IS NOT NULL "
                           "ORDER BY start_minute"),
            {practitionerId, kToday.dayOfWeek()});
        QVERIFY(block && block->isValid());
        const QStringList parts = block->toString().split(QLatin1Char(' '));
        panel->calendar()->setCursor(0, parts.at(0).toInt() + 30);

        auto id = t.db->scalar(QStringLiteral("SELECT id FROM patients ORDER BY mrn DESC LIMIT 1"));
        QVERIFY(id);
        w.showView(MainWindow::View::Patients);
        PatientProfileView *profile = w.patientsView()->openPatient(id->toString());
        QVERIFY(profile);
        auto *book = profile->findChild<QPushButton *>(QStringLiteral("bookAppointmentButton"));
        QVERIFY(book && book->isVisible());
        book->setFocus();
        QTest::keyClick(book, Qt::Key_Space);
        QTRY_VERIFY(panel->bookingDialog());
        QCOMPARE(w.currentView(), MainWindow::View::Schedule);
        BookingDialog *dialog = panel->bookingDialog();
        QCOMPARE(dialog->chosenPatientId(), id->toString());
        QCOMPARE(dialog->roomBox()->currentData().toString(), parts.at(1));
        // The list shows the whole MRN.
        QListWidget *list = dialog->patientList();
        const QString item = list->currentItem()->text();
        QVERIFY(list->viewport()->width() > list->fontMetrics().horizontalAdvance(item));

        QVERIFY(QTest::qWaitForWindowActive(dialog));
        dialog->searchField()->setFocus();
        QTRY_COMPARE(visibleFocus(), dialog->searchField());
        QTest::keyClick(dialog->searchField(), Qt::Key_Down);
        QCOMPARE(visibleFocus(), list);
        QCOMPARE(list->currentRow(), 0);

        dialog->newPatientButton()->setFocus();
        QTest::keyClick(dialog->newPatientButton(), Qt::Key_Space);
        auto *registration = dialog->findChild<NewPatientDialog *>();
        QVERIFY(registration);
        auto *family =
            qobject_cast<QLineEdit *>(registration->editor()->input(QStringLiteral("familyName")));
        auto *birth =
            qobject_cast<QLineEdit *>(registration->editor()->input(QStringLiteral("birthDate")));
        QVERIFY(family && birth);
        QTest::keyClicks(family, QStringLiteral("Quennevillers"));
        QTest::keyClicks(birth, QStringLiteral("1990-07-14"));
        auto *mobile =
            qobject_cast<QLineEdit *>(registration->editor()->input(QStringLiteral("phoneMobile")));
        QVERIFY(mobile);
        QTest::keyClicks(mobile, QStringLiteral("+49 170 5550199"));
        // The dialog deletes itself on close; QTRY_VERIFY2 evaluates its message on the last
        // check too, so read the message through a guard.
        const QPointer<NewPatientDialog> open(registration);
        QTest::keyClick(family, Qt::Key_Return);
        QTRY_VERIFY2(!open, qPrintable(open ? open->messageLabel()->text() : QString()));
        auto added = t.db->scalar(
            QStringLiteral("SELECT id FROM patients WHERE family_name = 'Quennevillers'"));
        QVERIFY(added && added->isValid());
        QCOMPARE(dialog->chosenPatientId(), added->toString());
        dialog->reject();
    }

    // Ctrl+F, a name, Down to the results, Enter opens the profile; Tab from the search field
    // reaches the results before anything outside the patient list.
    void searchAndOpenByKeyboard()
    {
        MainWindow w(*t.db, QStringLiteral("Praxis am Markt"));
        w.resize(kScreen);
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
        PatientsView *patients = w.patientsView();
        QTRY_COMPARE(visibleFocus(), patients->searchField());

        auto family = t.db->scalar(
            QStringLiteral("SELECT family_name FROM patients ORDER BY mrn LIMIT 1"), {});
        QVERIFY(family);
        QTest::keyClicks(visibleFocus(), family->toString());
        QTRY_VERIFY(patients->table()->model()->rowCount() > 0);

        int tabs = 0;
        while (visibleFocus() != patients->table() && tabs < 6) {
            QVERIFY2(visibleFocus() && patients->isAncestorOf(visibleFocus()),
                     qPrintable(describe(visibleFocus())));
            QTest::keyClick(visibleFocus(), Qt::Key_Tab);
            ++tabs;
        }
        QCOMPARE(visibleFocus(), patients->table());
        QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(visibleFocus(), patients->searchField());

        QTest::keyClick(visibleFocus(), Qt::Key_Down);
        QCOMPARE(visibleFocus(), patients->table());
        QCOMPARE(patients->table()->currentIndex().row(), 0);
        const QString name = patients->table()->currentIndex().data().toString();
        QTest::keyClick(visibleFocus(), Qt::Key_Enter);
        QTRY_COMPARE(patients->tabs()->count(), 2);
        QCOMPARE(patients->tabs()->currentIndex(), 1);
        QVERIFY2(name.contains(patients->tabs()->tabText(1).section(QLatin1Char(','), 0, 0)),
                 qPrintable(patients->tabs()->tabText(1) + QStringLiteral(" / ") + name));
        QVERIFY(visibleFocus() && patients->tabs()->widget(1)->isAncestorOf(visibleFocus()));
    }
};

QTEST_MAIN(TestKeyboardWorkflows)
#include "tst_keyboardworkflows.moc"
