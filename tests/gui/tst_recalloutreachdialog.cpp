// Recall outreach and the worklist, keyboard first (issue 18). The Recall Outreach window lists
// who is due with their channel or why not, Down moves the preview to the next patient, the
// months field adds the patients away that long, Ctrl+Return sends after the confirmation and
// the list then shows each patient's outcome. The worklist lists the call task it made: Return
// asks for the patient, D marks it done (a saved, synced change), and the kind filter narrows it.
#include "TestClock.h"
#include "TestDatabase.h"

#include "WorklistModel.h"
#include "access/Session.h"
#include "access/StaffAccountRepository.h"
#include "core/LocaleFormat.h"
#include "messages/RecallOutreachDialog.h"
#include "messages/WorklistView.h"
#include "messaging/MessageTemplateRepository.h"
#include "storage/AppointmentRepository.h"
#include "storage/PatientRepository.h"
#include "storage/PractitionerRepository.h"
#include "storage/RecallRepository.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

using namespace frontdesk;

class TestRecallOutreachDialog : public QObject
{
    Q_OBJECT

    test::TestDatabase m_t;
    TestClock m_clock{QDateTime(QDate(2026, 3, 3), QTime(9, 0), QTimeZone::utc())};
    std::unique_ptr<Session> m_session;
    QString m_anna, m_carl, m_dora;

    Database &db() { return *m_t.db; }

    QString addPatient(const QString &given, const QString &mobile, const QString &preferred)
    {
        static int n = 0;
        Patient p;
        p.mrn = QStringLiteral("MRN%1").arg(++n, 7, 10, QLatin1Char('0'));
        p.familyName = QStringLiteral("Muster");
        p.givenName = given;
        p.phoneMobile = mobile;
        p.preferredChannel = preferred;
        if (auto s = PatientRepository(db()).save(p); !s)
            qWarning("%s", qPrintable(s.error()));
        return p.meta.id;
    }
    void addRecall(const QString &patient, QDate due)
    {
        Recall r;
        r.patientId = patient;
        r.dueOn = due;
        r.reason = QStringLiteral("Yearly check-up");
        if (auto s = RecallRepository(db()).save(r); !s)
            qWarning("%s", qPrintable(s.error()));
    }
    // Answers the next modal question box with Yes.
    static void confirmNextQuestion()
    {
        QTimer::singleShot(0, [] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            box->button(QMessageBox::Yes)->click();
        });
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_t.open());
        db().setClock(m_clock);
        QVERIFY(
            db().setSetting(QStringLiteral("clinic_time_zone"), QStringLiteral("Europe/Berlin")));
        QVERIFY(StaffAccountRepository(db())
                    .create(QStringLiteral("rita"), Role::Receptionist,
                            QStringLiteral("tidal marble orchard 7"),
                            QStringLiteral("Rita Rezeption"))
                    .ok());
        MessageTemplate recall;
        recall.name = QStringLiteral("Check-up recall");
        recall.purpose = QStringLiteral("recall");
        recall.channel = QStringLiteral("any");
        recall.subject = QStringLiteral("Check-up");
        recall.body = QStringLiteral("Dear {first_name}, time for your check-up.");
        QVERIFY(MessageTemplateRepository(db()).save(recall).ok());
        m_anna =
            addPatient(QStringLiteral("Anna"), QStringLiteral("+49 170 1"), QStringLiteral("sms"));
        addRecall(m_anna, QDate(2026, 2, 1));
        m_carl = addPatient(QStringLiteral("Carl"), QStringLiteral("+49 170 2"),
                            QStringLiteral("phone"));
        addRecall(m_carl, QDate(2026, 2, 2));
        m_dora =
            addPatient(QStringLiteral("Dora"), QStringLiteral("+49 170 3"), QStringLiteral("sms"));
        Practitioner doc;
        doc.givenName = QStringLiteral("Ada");
        doc.familyName = QStringLiteral("Alpha");
        QVERIFY(PractitionerRepository(db()).save(doc).ok());
        Appointment visit;
        visit.patientId = m_dora;
        visit.practitionerId = doc.meta.id;
        visit.status = AppointmentStatus::Completed;
        visit.start = QDateTime(QDate(2024, 5, 6), QTime(8, 0), QTimeZone::utc());
        visit.end = visit.start.addSecs(900);
        QVERIFY(AppointmentRepository(db()).save(visit).ok());
        m_session = std::make_unique<Session>(db());
        QVERIFY(m_session->signIn(QStringLiteral("rita"), QStringLiteral("tidal marble orchard 7"))
                    .ok());
    }

    void outreachByKeyboard()
    {
        RecallOutreachDialog dialog(db());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QTableView *due = dialog.dueTable();
        QCOMPARE(QApplication::focusWidget(), due);
        QCOMPARE(due->model()->rowCount(), 2);
        QCOMPARE(dialog.templateChooser()->currentText(), QStringLiteral("Check-up recall"));
        QVERIFY2(dialog.preview()->text().contains(QLatin1String("Dear Anna")),
                 qPrintable(dialog.preview()->text()));
        QTest::keyClick(due, Qt::Key_Down);
        QVERIFY2(dialog.preview()->text().contains(QLatin1String("call")),
                 qPrintable(dialog.preview()->text()));
        QVERIFY(due->model()->index(1, 3).data().toString().contains(QLatin1String("Call")));
        // Due dates in the locale's order with a four-digit year.
        const QString annaDue = due->model()->index(0, 1).data().toString();
        QCOMPARE(annaDue, LocaleFormat::fullYearDate(QDate(2026, 2, 1)));
        QVERIFY2(annaDue.contains(QLatin1String("2026")), qPrintable(annaDue));

        // Twelve months away: Dora too.
        dialog.monthsField()->setFocus();
        dialog.monthsField()->setValue(12);
        QCOMPARE(due->model()->rowCount(), 3);
        QVERIFY2(dialog.sendButton()->text().contains(QLatin1Char('3')),
                 qPrintable(dialog.sendButton()->text()));

        QSignalSpy sent(&dialog, &RecallOutreachDialog::sent);
        confirmNextQuestion();
        QTest::keyClick(due, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(sent.count(), 1);
        QCOMPARE(dialog.results().size(), 3);
        QVERIFY(!dialog.sendButton()->isEnabled());
        QStringList outcomes;
        for (int row = 0; row < due->model()->rowCount(); ++row)
            outcomes << due->model()->index(row, 3).data().toString();
        QCOMPARE(outcomes.filter(QStringLiteral("queued")).size(), 2);
        QCOMPARE(outcomes.filter(QStringLiteral("Call task made")).size(), 1);

        // Sent once: reading again finds nobody left to contact.
        dialog.reload();
        QCOMPARE(due->model()->rowCount(), 0);
    }

    void worklistByKeyboard()
    {
        WorklistModel model(db());
        model.refresh();
        WorklistView view(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTableView *table = view.table();
        // The three recalls (Dora's made by the outreach) and Carl's call task.
        QCOMPARE(table->model()->rowCount(), 4);
        view.kindFilter()->setCurrentIndex(view.kindFilter()->findData(Recall::callKind()));
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, WorklistModel::PhoneColumn).data().toString(),
                 QStringLiteral("+49 170 2"));
        // Dates with a four-digit year: the task's due day, and when a recall was contacted.
        QCOMPARE(table->model()->index(0, WorklistModel::DueColumn).data().toString(),
                 LocaleFormat::fullYearDate(QDate(2026, 3, 3)));
        view.kindFilter()->setCurrentIndex(view.kindFilter()->findData(Recall::recallKind()));
        QVERIFY(table->model()->rowCount() > 0);
        const QString contacted =
            table->model()->index(0, WorklistModel::ToDoColumn).data().toString();
        // "(contacted 3/3/2026 10:00: SMS)", never "3/3/26".
        QVERIFY2(contacted.contains(QLatin1String("2026")), qPrintable(contacted));
        view.kindFilter()->setCurrentIndex(view.kindFilter()->findData(Recall::callKind()));
        table->setFocus();
        table->setCurrentIndex(table->model()->index(0, 0));

        QSignalSpy open(&view, &WorklistView::openPatientRequested);
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.first().first().toString(), m_carl);

        const QString taskId = table->model()->index(0, 0).data(WorklistModel::IdRole).toString();
        QTest::keyClick(table, Qt::Key_D);
        QCOMPARE(table->model()->rowCount(), 0);
        auto task = RecallRepository(db()).get(taskId);
        QVERIFY(task);
        QCOMPARE(task->status, Recall::done());
        QCOMPARE(task->meta.syncState, QStringLiteral("pending"));
        auto audited = db().scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE "
                                                  "entity_id = ? AND action = 'update'"),
                                   {taskId});
        QVERIFY(audited && audited->toInt() == 1);

        view.kindFilter()->setCurrentIndex(0);
        QCOMPARE(table->model()->rowCount(), 3);
    }
};

QTEST_MAIN(TestRecallOutreachDialog)
#include "tst_recalloutreachdialog.moc"
