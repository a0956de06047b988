#include "messaging/TemplateRenderer.h"

#include <QTest>

using namespace frontdesk;

// TemplateRenderer: placeholders filled in the clinic's zone and language (also across a DST
// change), a missing value refused naming the field, an unknown placeholder refused at save.
class TestTemplateRenderer : public QObject
{
    Q_OBJECT

    static MessageTemplate reminder()
    {
        MessageTemplate t;
        t.name = QStringLiteral("Reminder");
        t.purpose = QStringLiteral("reminder");
        t.channel = QStringLiteral("any");
        t.subject = QStringLiteral("Your appointment at {clinic_name}");
        t.body = QStringLiteral("Dear {first_name} {family_name}, your {appointment_type} with "
                                "{practitioner} is on {appointment_date} at {appointment_time}. "
                                "Questions: {clinic_phone}. Reply C to confirm.");
        return t;
    }

    // An appointment at 09:30 UTC on the given day, in Berlin, with Dr. Ada Alpha.
    static TemplateContext context(QDate day, const QString &zone = QStringLiteral("Europe/Berlin"),
                                   const QLocale &locale = QLocale(QLocale::English,
                                                                   QLocale::UnitedKingdom))
    {
        TemplateContext c;
        Patient p;
        p.givenName = QStringLiteral("Jana");
        p.familyName = QStringLiteral("Novak");
        c.patient = p;
        Appointment a;
        a.start = QDateTime(day, QTime(9, 30), QTimeZone::utc());
        a.end = a.start.addSecs(15 * 60);
        a.type = QStringLiteral("check-up");
        c.appointment = a;
        Practitioner d;
        d.prefix = QStringLiteral("Dr.");
        d.givenName = QStringLiteral("Ada");
        d.familyName = QStringLiteral("Alpha");
        c.practitioner = d;
        c.appointmentTypeName = QStringLiteral("Check-up");
        c.clinicName = QStringLiteral("Praxis Nord");
        c.clinicPhone = QStringLiteral("+49 30 1234567");
        c.clinicTime = ClinicTime::fromZoneName(zone);
        c.locale = locale;
        return c;
    }

private slots:
    void rendersEveryPlaceholder()
    {
        auto r = TemplateRenderer::render(reminder(), context(QDate(2026, 12, 8)),
                                          QStringLiteral("email"));
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r->subject, QStringLiteral("Your appointment at Praxis Nord"));
        // 09:30 UTC is 10:30 in Berlin in winter.
        QCOMPARE(r->body, QStringLiteral("Dear Jana Novak, your Check-up with Dr. Ada Alpha is on "
                                         "Tuesday, 8 December 2026 at 10:30. Questions: "
                                         "+49 30 1234567. Reply C to confirm."));
        // By SMS there is no subject.
        auto sms = TemplateRenderer::render(reminder(), context(QDate(2026, 12, 8)),
                                            QStringLiteral("sms"));
        QVERIFY2(sms.ok(), qPrintable(sms.error()));
        QVERIFY(sms->subject.isEmpty());
        QCOMPARE(sms->body, r->body);
    }

    // The same UTC time reads an hour later after the clocks go forward, and on another day in
    // another zone: the clinic's zone decides, never the machine's.
    void datesFollowTheClinicsZoneAcrossDst()
    {
        MessageTemplate t = reminder();
        t.body = QStringLiteral("{appointment_date} {appointment_time}");
        const QLocale en(QLocale::English, QLocale::UnitedKingdom);
        auto before =
            TemplateRenderer::render(t, context(QDate(2026, 3, 28)), QStringLiteral("sms"));
        auto after =
            TemplateRenderer::render(t, context(QDate(2026, 3, 29)), QStringLiteral("sms"));
        QVERIFY(before.ok() && after.ok());
        QCOMPARE(before->body, QStringLiteral("Saturday, 28 March 2026 10:30"));
        QCOMPARE(after->body, QStringLiteral("Sunday, 29 March 2026 11:30"));

        TemplateContext late = context(QDate(2026, 3, 28), QStringLiteral("Pacific/Auckland"), en);
        late.appointment->start = QDateTime(QDate(2026, 3, 28), QTime(23, 0), QTimeZone::utc());
        auto auckland = TemplateRenderer::render(t, late, QStringLiteral("sms"));
        QVERIFY(auckland.ok());
        QCOMPARE(auckland->body, QStringLiteral("Sunday, 29 March 2026 12:00"));
    }

    void datesInTheClinicsLanguage()
    {
        MessageTemplate t = reminder();
        t.body = QStringLiteral("am {appointment_date} um {appointment_time}");
        auto de =
            TemplateRenderer::render(t,
                                     context(QDate(2026, 12, 8), QStringLiteral("Europe/Berlin"),
                                             QLocale(QLocale::German, QLocale::Germany)),
                                     QStringLiteral("sms"));
        QVERIFY(de.ok());
        QCOMPARE(de->body, QStringLiteral("am Dienstag, 8. Dezember 2026 um 10:30"));
    }

    void missingValuesNameTheField_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no appointment")
            << QStringLiteral("on {appointment_date}") << QStringLiteral("appointment")
            << QStringLiteral("The template needs the appointment's date, but no appointment is "
                              "chosen.");
        QTest::newRow("no patient")
            << QStringLiteral("Dear {first_name}") << QStringLiteral("patient")
            << QStringLiteral("The template needs the patient's first "
                              "name, but no patient is chosen.");
        QTest::newRow("empty family name")
            << QStringLiteral("Dear {family_name}") << QStringLiteral("family")
            << QStringLiteral("The template needs the patient's family name, but the patient's "
                              "record has none.");
        QTest::newRow("no practitioner")
            << QStringLiteral("with {practitioner}") << QStringLiteral("practitioner")
            << QStringLiteral("The template needs the practitioner's name, but the appointment "
                              "has no practitioner.");
        QTest::newRow("no clinic phone")
            << QStringLiteral("call {clinic_phone}") << QStringLiteral("phone")
            << QStringLiteral("The template needs the clinic's phone number, but the clinic's "
                              "settings have none.");
    }
    void missingValuesNameTheField()
    {
        QFETCH(QString, body);
        QFETCH(QString, what);
        QFETCH(QString, expected);
        TemplateContext c = context(QDate(2026, 12, 8));
        if (what == QLatin1String("appointment"))
            c.appointment.reset();
        else if (what == QLatin1String("patient"))
            c.patient.reset();
        else if (what == QLatin1String("family"))
            c.patient->familyName = QStringLiteral("  ");
        else if (what == QLatin1String("practitioner"))
            c.practitioner.reset();
        else if (what == QLatin1String("phone"))
            c.clinicPhone.clear();
        MessageTemplate t = reminder();
        t.body = body;
        auto r = TemplateRenderer::render(t, c, QStringLiteral("sms"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error(), expected);
    }

    // Everything missing is named at once, each field once, so one correction suffices.
    void everyMissingFieldNamedOnce()
    {
        TemplateContext c = context(QDate(2026, 12, 8));
        c.appointment.reset();
        auto r = TemplateRenderer::render(reminder(), c, QStringLiteral("email"));
        QVERIFY(!r.ok());
        for (const char *field : {"appointment's date", "appointment's time", "appointment's type",
                                  "practitioner's name"})
            QCOMPARE(r.error().count(QLatin1String(field)), 1);
        QVERIFY(!r.error().contains(QStringLiteral("first name")));
    }

    void unknownPlaceholderIsRefusedAtSave()
    {
        MessageTemplate t = reminder();
        QVERIFY(TemplateRenderer::validate(t).ok());
        t.body = QStringLiteral("Dear {First Name}, see you.");
        const Status s = TemplateRenderer::validate(t);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().startsWith(QStringLiteral("The template uses {First Name}, which is "
                                                     "not a field templates know.")),
                 qPrintable(s.error()));
        QVERIFY(s.error().contains(QStringLiteral("{first_name}")));
        // The subject is checked too, and rendering refuses the same template.
        t = reminder();
        t.subject = QStringLiteral("About {appointment}");
        QVERIFY(!TemplateRenderer::validate(t).ok());
        QVERIFY(!TemplateRenderer::render(t, context(QDate(2026, 12, 8)), QStringLiteral("email"))
                     .ok());
    }

    void bracesAreEscapedOrRefused()
    {
        MessageTemplate t = reminder();
        t.body = QStringLiteral("Code {{A1}} for {first_name}");
        auto r = TemplateRenderer::render(t, context(QDate(2026, 12, 8)), QStringLiteral("sms"));
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r->body, QStringLiteral("Code {A1} for Jana"));
        t.body = QStringLiteral("Dear {first_name, see you");
        QVERIFY(TemplateRenderer::validate(t).error().contains(QStringLiteral("not closed")));
        t.body = QStringLiteral("Dear first_name}");
        QVERIFY(TemplateRenderer::validate(t).error().contains(
            QStringLiteral("closes no placeholder")));
        // Spaces inside the braces are forgiven; the order of first use is kept.
        auto used = TemplateRenderer::placeholdersIn(
            QStringLiteral("{ clinic_name } {first_name} {clinic_name}"));
        QVERIFY(used.ok());
        QCOMPARE(*used, QStringList({QStringLiteral("clinic_name"), QStringLiteral("first_name")}));
    }

    void validationOfTheOtherFields()
    {
        MessageTemplate t = reminder();
        t.name = QStringLiteral("   ");
        QVERIFY(TemplateRenderer::validate(t).error().contains(QStringLiteral("name")));
        t = reminder();
        t.purpose = QStringLiteral("gossip");
        QVERIFY(TemplateRenderer::validate(t).error().contains(QStringLiteral("gossip")));
        t = reminder();
        t.channel = QStringLiteral("pigeon");
        QVERIFY(TemplateRenderer::validate(t).error().contains(QStringLiteral("pigeon")));
        t = reminder();
        t.body = QStringLiteral("\n ");
        QVERIFY(!TemplateRenderer::validate(t).ok());
        // An SMS template needs no subject; one that may go by e-mail does.
        t = reminder();
        t.subject.clear();
        QVERIFY(!TemplateRenderer::validate(t).ok());
        t.channel = QStringLiteral("sms");
        QVERIFY(TemplateRenderer::validate(t).ok());
        QVERIFY(!TemplateRenderer::render(t, context(QDate(2026, 12, 8)), QStringLiteral("email"))
                     .ok());
        QVERIFY(t.fitsChannel(QStringLiteral("sms")));
        QVERIFY(!t.fitsChannel(QStringLiteral("email")));
    }

    // The type's code stands in when the clinic's name for the type is not known.
    void appointmentTypeFallsBackToItsCode()
    {
        MessageTemplate t = reminder();
        t.body = QStringLiteral("{appointment_type}");
        TemplateContext c = context(QDate(2026, 12, 8));
        c.appointmentTypeName.clear();
        auto r = TemplateRenderer::render(t, c, QStringLiteral("sms"));
        QVERIFY(r.ok());
        QCOMPARE(r->body, QStringLiteral("check-up"));
    }

    void everyPlaceholderIsDescribed()
    {
        for (const QString &p : TemplateRenderer::placeholders())
            QVERIFY2(TemplateRenderer::describe(p) != p, qPrintable(p));
    }
};

QTEST_GUILESS_MAIN(TestTemplateRenderer)
#include "tst_templaterenderer.moc"
