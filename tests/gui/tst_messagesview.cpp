// The Messages view keyboard first (issue 18): Down moves between conversations, Return opens
// one and its replies become read, M assigns it to the signed-in person, U marks it unread
// again, R replies to that patient, S records an answer to a follow-up's survey given on the
// phone, A opens the staff list, and the filters narrow the list.
#include "TestClock.h"
#include "TestDatabase.h"

#include "MessageThreadListModel.h"
#include "MessageThreadModel.h"
#include "access/Session.h"
#include "access/StaffAccountRepository.h"
#include "messages/MessagesView.h"
#include "messages/SurveyAnswerDialog.h"
#include "storage/AppointmentRepository.h"
#include "storage/MessageRepository.h"
#include "storage/PatientRepository.h"
#include "storage/PractitionerRepository.h"
#include "storage/SurveyAnswerRepository.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimeZone>

using namespace frontdesk;

class TestMessagesView : public QObject
{
    Q_OBJECT

    test::TestDatabase m_t;
    TestClock m_clock{QDateTime(QDate(2026, 3, 3), QTime(8, 0), QTimeZone("Europe/Berlin"))};
    std::unique_ptr<Session> m_session;
    QString m_anna, m_ben, m_rita;

    Database &db() { return *m_t.db; }

    QString addPatient(const QString &family, const QString &given, const QString &mrn)
    {
        Patient p;
        p.mrn = mrn;
        p.familyName = family;
        p.givenName = given;
        if (auto s = PatientRepository(db()).save(p); !s)
            qWarning("%s", qPrintable(s.error()));
        return p.meta.id;
    }
    void message(const QString &patient, const QString &direction, const QString &channel,
                 const QString &text)
    {
        Message m;
        m.patientId = patient;
        m.direction = direction;
        m.channel = channel;
        m.subject = channel == QLatin1String("email") ? QStringLiteral("Ihr Termin") : QString();
        m.purpose = QStringLiteral("reminder");
        m.status = direction == QLatin1String("inbound") ? QStringLiteral("received")
                                                         : QStringLiteral("delivered");
        m.body = text;
        m.sentAt = m_clock.nowUtc();
        if (auto s = MessageRepository(db()).save(m); !s)
            qWarning("%s", qPrintable(s.error()));
        m_clock.advanceSecs(300);
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
        m_anna = addPatient(QStringLiteral("Müller"), QStringLiteral("Anna"),
                            QStringLiteral("MRN0100266"));
        m_ben = addPatient(QStringLiteral("Brandt"), QStringLiteral("Ben"),
                           QStringLiteral("MRN0100300"));
        message(m_anna, QStringLiteral("outbound"), QStringLiteral("email"),
                QStringLiteral("Reminder: Tuesday 09:00"));
        message(m_anna, QStringLiteral("inbound"), QStringLiteral("email"),
                QStringLiteral("Could we make it later?"));
        message(m_ben, QStringLiteral("outbound"), QStringLiteral("sms"),
                QStringLiteral("Reminder: Wednesday 10:00"));
        m_session = std::make_unique<Session>(db());
        QVERIFY(m_session->signIn(QStringLiteral("rita"), QStringLiteral("tidal marble orchard 7"))
                    .ok());
        m_rita = m_session->account()->id;
    }

    void theKeyboardPath()
    {
        MessageThreadListModel list(db());
        MessageThreadModel thread(db());
        list.refresh();
        MessagesView view(&list, &thread);
        QSignalSpy errors(&view, &MessagesView::errorOccurred);
        QSignalSpy compose(&view, &MessagesView::composeRequested);
        view.resize(1100, 700);
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        QTableView *table = view.conversationTable();
        QCOMPARE(list.rowCount(), 2);
        QCOMPARE(list.rowOf(m_ben), 0); // newest activity first
        view.setFocus();
        QCOMPARE(QApplication::focusWidget(), table);
        QTest::keyClick(table, Qt::Key_Down);
        // The first Down makes the first row current; the second moves on.
        if (table->currentIndex().row() == 0)
            QTest::keyClick(table, Qt::Key_Down);
        QCOMPARE(table->currentIndex().row(), list.rowOf(m_anna));
        QCOMPARE(list.index(table->currentIndex().row(), 0)
                     .data(MessageThreadListModel::UnreadRole)
                     .toInt(),
                 1);

        // Return opens the conversation: its messages, oldest first, and the reply is read.
        QTest::keyClick(table, Qt::Key_Return);
        QVERIFY(thread.isOpen());
        QCOMPARE(thread.patientId(), m_anna);
        QCOMPARE(view.threadTable()->model()->rowCount(), 2);
        QCOMPARE(list.threadAt(list.rowOf(m_anna)).unread, 0);
        QCOMPARE(table->currentIndex().row(), list.rowOf(m_anna));
        QVERIFY(view.threadHeading()->text().contains(QStringLiteral("Müller, Anna")));
        QCOMPARE(QApplication::focusWidget(), table);

        // M: mine. The heading and the list say so.
        QTest::keyClick(table, Qt::Key_M);
        QCOMPARE(list.threadAt(list.rowOf(m_anna)).assignedTo, m_rita);
        QVERIFY2(view.threadHeading()->text().contains(QStringLiteral("Rita Rezeption")),
                 qPrintable(view.threadHeading()->text()));
        // U: unread again, in the list and in the open thread.
        QTest::keyClick(table, Qt::Key_U);
        QCOMPARE(list.threadAt(list.rowOf(m_anna)).unread, 1);
        QVERIFY(thread.index(1, 0).data(MessageThreadModel::UnreadRole).toBool());
        QCOMPARE(table->currentIndex().row(), list.rowOf(m_anna));

        // R: a reply to this patient.
        QTest::keyClick(table, Qt::Key_R);
        QCOMPARE(compose.size(), 1);
        QCOMPARE(compose.first().first().toString(), m_anna);
        // S: a survey answer the patient gave on the phone.
        QSignalSpy survey(&view, &MessagesView::surveyAnswerRequested);
        QTest::keyClick(table, Qt::Key_S);
        QCOMPARE(survey.size(), 1);
        QCOMPARE(survey.first().first().toString(), m_anna);
        QVERIFY(view.surveyAnswerButton()->isEnabled());

        // A: the staff list, "me" first; choosing nobody unassigns.
        QTest::keyClick(table, Qt::Key_A);
        QMenu *menu = view.assignMenu();
        QTRY_VERIFY(menu->isVisible());
        QStringList names;
        for (QAction *a : menu->actions())
            names << a->text();
        QVERIFY2(names.contains(QStringLiteral("Rita Rezeption")),
                 qPrintable(names.join(QLatin1Char(','))));
        QAction *nobody = menu->findChild<QAction *>(QStringLiteral("assignNobody"));
        QVERIFY(nobody);
        nobody->trigger();
        menu->hide();
        QVERIFY(list.threadAt(list.rowOf(m_anna)).assignedTo.isEmpty());

        // Filters: unread only, then by channel.
        view.unreadOnly()->setChecked(true);
        QCOMPARE(list.rowCount(), 1);
        QCOMPARE(list.threadAt(0).patientId, m_anna);
        view.unreadOnly()->setChecked(false);
        view.channelFilter()->setCurrentIndex(
            view.channelFilter()->findData(QStringLiteral("sms")));
        QCOMPARE(list.rowCount(), 1);
        QCOMPARE(list.threadAt(0).patientId, m_ben);
        view.channelFilter()->setCurrentIndex(0);
        view.unassignedOnly()->setChecked(true);
        QCOMPARE(list.rowCount(), 2);
        QCOMPARE(errors.size(), 0);
    }

    // The Survey answer window: the visit (newest first, with the survey that asked), the
    // question, the score by keyboard, Ctrl+Return records it as an SMS answer is recorded.
    void aSurveyAnswerByKeyboard()
    {
        Practitioner doc;
        doc.givenName = QStringLiteral("Ada");
        doc.familyName = QStringLiteral("Alpha");
        QVERIFY(PractitionerRepository(db()).save(doc).ok());
        Appointment visit;
        visit.patientId = m_ben;
        visit.practitionerId = doc.meta.id;
        visit.type = QStringLiteral("check-up");
        visit.status = AppointmentStatus::Completed;
        visit.start = m_clock.nowUtc().addDays(-1);
        visit.end = visit.start.addSecs(900);
        QVERIFY(AppointmentRepository(db()).save(visit).ok());
        Message asked;
        asked.patientId = m_ben;
        asked.appointmentId = visit.meta.id;
        asked.purpose = QStringLiteral("survey");
        asked.status = QStringLiteral("delivered");
        asked.sentAt = m_clock.nowUtc().addSecs(-3600);
        asked.body = QStringLiteral("Danke für Ihren Besuch.\nWie war es? Antworten Sie 1 bis 5.");
        QVERIFY(MessageRepository(db()).save(asked).ok());

        SurveyAnswerDialog dialog(db(), m_ben);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QCOMPARE(QApplication::focusWidget(), dialog.visitBox());
        QCOMPARE(dialog.visitBox()->count(), 1);
        QVERIFY2(dialog.visitBox()->currentText().contains(QLatin1String("Ada Alpha")),
                 qPrintable(dialog.visitBox()->currentText()));
        QCOMPARE(dialog.questionLabel()->text(),
                 QStringLiteral("Wie war es? Antworten Sie 1 bis 5."));
        dialog.scoreBox()->setFocus();
        QTest::keyClick(dialog.scoreBox(), Qt::Key_End);
        QTest::keyClick(dialog.scoreBox(), Qt::Key_Up);
        QCOMPARE(dialog.scoreBox()->currentData().toInt(), 4);
        QTest::keyClick(dialog.scoreBox(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.recorded().score, 4);
        QCOMPARE(dialog.recorded().questionMessageId, asked.meta.id);
        auto stored = SurveyAnswerRepository(db()).ofPatient(m_ben);
        QVERIFY(stored);
        QCOMPARE(stored->size(), 1);
        QCOMPARE(stored->first().score, 4);
        QCOMPARE(stored->first().appointmentId, visit.meta.id);

        // Anna has no visit to answer about: said, and nothing can be recorded.
        SurveyAnswerDialog none(db(), m_anna);
        QVERIFY(!none.recordButton()->isEnabled());
        QVERIFY(!none.problemLabel()->isHidden());
    }
};

QTEST_MAIN(TestMessagesView)
#include "tst_messagesview.moc"
