#include "DemoClinic.h"
#include "PrivateSettings.h"
#include "TestClock.h"
#include "TestDatabase.h"

#include "admin/MessageTemplatesDialog.h"
#include "demo/DemoSeeder.h"
#include "messages/ComposeMessageDialog.h"
#include "messaging/MessageTemplateRepository.h"
#include "messaging/SmsSegments.h"
#include "storage/PatientRepository.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTextCursor>
#include <QTimeZone>

using namespace frontdesk;

namespace {
const QDate kToday(2026, 3, 3);
const QByteArray kZone("Europe/Berlin");
} // namespace

// Message templates in the GUI (issue 18): the administrators' editor (an unknown field refused
// with the reason, the live preview for the sample patient, deactivating) and composing from a
// template (the text filled in, the preview for the chosen appointment, a missing field refused
// before anything is queued, the template's name kept on the message).
class TestMessageTemplates : public QObject
{
    Q_OBJECT

    test::PrivateSettings m_settings;
    test::TestDatabase t;
    TestClock clock{QDateTime(kToday, QTime(9, 0), QTimeZone(kZone))};

    qint64 count(const QString &sql, const QVariantList &values = {})
    {
        auto v = t.db->scalar(sql, values);
        return v ? v->toLongLong() : -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        QVERIFY(t.open());
        t.db->setClock(clock);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        auto seeded = test::seedDemoClinic(*t.db, kToday, QString::fromLatin1(kZone), 60, 400);
        QVERIFY2(seeded, qPrintable(seeded.error()));
        QVERIFY(t.db->setSetting(QStringLiteral("clinic_name"), QStringLiteral("Praxis am Markt")));
    }

    void cleanupTestCase() { QLocale::setDefault(QLocale::c()); }

    void theEditorRefusesAnUnknownFieldAndPreviewsTheRest()
    {
        MessageTemplatesDialog dialog(*t.db);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.model()->rowCount(), 3); // the demo's
        QCOMPARE(dialog.nameField()->text(), dialog.model()->templateAt(0).name);

        dialog.addTemplate();
        QVERIFY(dialog.nameField()->text().isEmpty());
        QTest::keyClicks(dialog.nameField(), QStringLiteral("Results ready"));
        dialog.purposeBox()->setCurrentIndex(
            dialog.purposeBox()->findData(QStringLiteral("clinical")));
        dialog.channelBox()->setCurrentIndex(dialog.channelBox()->findData(QStringLiteral("sms")));
        QVERIFY(!dialog.subjectField()->isEnabled());
        QTest::keyClicks(dialog.bodyField(), QStringLiteral("Dear {Patient}, call {clinic_name}."));
        // The preview says what is wrong as it is typed ...
        QVERIFY2(dialog.previewLabel()->text().contains(QStringLiteral("{Patient}")),
                 qPrintable(dialog.previewLabel()->text()));
        // ... and Save refuses it, naming the field, keeping what was typed.
        QVERIFY(!dialog.saveTemplate());
        QVERIFY(dialog.problemLabel()->isVisible());
        QVERIFY2(dialog.problemLabel()->text().contains(
                     QStringLiteral("{Patient}, which is not a field templates know")),
                 qPrintable(dialog.problemLabel()->text()));
        QCOMPARE(dialog.bodyField()->toPlainText(),
                 QStringLiteral("Dear {Patient}, call {clinic_name}."));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM message_templates")), 3);

        // Replaced by the field from the list: the preview reads as the sample patient will.
        dialog.bodyField()->setPlainText(QStringLiteral("Dear , call {clinic_name}."));
        QTextCursor cursor = dialog.bodyField()->textCursor();
        cursor.setPosition(5);
        dialog.bodyField()->setTextCursor(cursor);
        dialog.fieldBox()->setCurrentIndex(
            dialog.fieldBox()->findData(QStringLiteral("first_name")));
        dialog.insertField();
        QCOMPARE(dialog.bodyField()->toPlainText(),
                 QStringLiteral("Dear {first_name}, call {clinic_name}."));
        QCOMPARE(dialog.previewLabel()->text(), QStringLiteral("Dear Alex, call Praxis am Markt."));
        QVERIFY(dialog.saveTemplate());
        QVERIFY(!dialog.problemLabel()->isVisible());
        QCOMPARE(dialog.model()->rowCount(), 4);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM message_templates WHERE name = "
                                      "'Results ready' AND purpose = 'clinical' AND channel = "
                                      "'sms' AND active = 1")),
                 1);
        QCOMPARE(dialog.model()->templateAt(dialog.list()->currentIndex().row()).name,
                 QStringLiteral("Results ready"));

        // Deactivated, it stays in the list and is no longer offered.
        dialog.activeBox()->setChecked(false);
        QVERIFY(dialog.hasUnsavedChanges());
        QVERIFY(dialog.saveTemplate());
        QVERIFY(!dialog.hasUnsavedChanges());
        QCOMPARE(count(QStringLiteral("SELECT active FROM message_templates WHERE name = "
                                      "'Results ready'")),
                 0);
        QVERIFY(MessageTemplateRepository(*t.db).active(QStringLiteral("clinical"))->isEmpty());

        // A name already used is refused.
        dialog.addTemplate();
        QTest::keyClicks(dialog.nameField(), QStringLiteral("results READY"));
        QTest::keyClicks(dialog.bodyField(), QStringLiteral("Hello"));
        QVERIFY(!dialog.saveTemplate());
        QVERIFY(dialog.problemLabel()->text().contains(QStringLiteral("already")));
    }

    void composingFromATemplateFillsItForTheAppointment()
    {
        auto row = t.db->query(
            QStringLiteral(
                "SELECT a.patient_id, a.id FROM appointments a JOIN patients p ON p.id = "
                "a.patient_id WHERE a.start_at > ? AND a.status NOT IN ('cancelled', 'no-show') "
                "AND a.deleted = 0 AND p.preferred_channel = 'sms' AND p.phone_mobile != '' AND "
                "p.given_name != '' AND p.id NOT IN (SELECT patient_id FROM "
                "communication_preferences) ORDER BY a.start_at LIMIT 1"),
            {clock.nowMs()});
        QVERIFY(row && row->next());
        const QString patientId = row->value(0).toString();
        const QString appointmentId = row->value(1).toString();
        const Patient patient = *PatientRepository(*t.db).get(patientId);

        ComposeMessageDialog dialog(*t.db, patientId);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.purposeBox()->setCurrentIndex(
            dialog.purposeBox()->findData(QStringLiteral("reminder")));
        QCOMPARE(dialog.channelBox()->currentData().toString(), QStringLiteral("sms"));
        // The patient's next appointment is chosen; the demo's SMS reminder is offered.
        QCOMPARE(dialog.appointmentBox()->currentData().toString(), appointmentId);
        const MessageTemplate reminder = DemoSeeder::messageTemplates().first();
        const int offered = dialog.templateBox()->findData(reminder.name);
        QVERIFY2(offered > 0, qPrintable(reminder.name));
        QVERIFY(!dialog.previewLabel()->isVisible());
        dialog.templateBox()->setCurrentIndex(offered);
        QCOMPARE(dialog.bodyField()->toPlainText(), reminder.body);
        QVERIFY(dialog.previewLabel()->isVisible());
        const QString preview = dialog.previewLabel()->text();
        QVERIFY2(
            preview.startsWith(QStringLiteral("Hello ") + patient.givenName + QLatin1Char(',')),
            qPrintable(preview));
        QVERIFY2(!preview.contains(QLatin1Char('{')), qPrintable(preview));
        QVERIFY2(preview.contains(QStringLiteral("Reply C to confirm")), qPrintable(preview));
        // The counter counts what the patient receives, not the placeholders.
        QVERIFY(dialog.counterLabel()->text().contains(
            QString::number(SmsSegments::count(preview).segments)));

        // Without an appointment, the preview and Queue say which field has no value.
        dialog.appointmentBox()->setCurrentIndex(0);
        QVERIFY2(dialog.previewLabel()->text().startsWith(
                     QStringLiteral("The template needs the appointment's date, but no "
                                    "appointment is chosen.")),
                 qPrintable(dialog.previewLabel()->text()));
        const qint64 before = count(QStringLiteral("SELECT count(*) FROM messages"));
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages")), before);

        dialog.appointmentBox()->setCurrentIndex(dialog.appointmentBox()->findData(appointmentId));
        dialog.accept();
        QVERIFY(!dialog.isVisible());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE patient_id = ? AND "
                                      "appointment_id = ? AND template_name = ? AND body = ? AND "
                                      "purpose = 'reminder'"),
                       {patientId, appointmentId, reminder.name, preview}),
                 1);
    }
};

QTEST_MAIN(TestMessageTemplates)
#include "tst_messagetemplates.moc"
