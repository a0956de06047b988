#include "TestClock.h"
#include "TestDatabase.h"

#include "SurveyEntry.h"
#include "access/Session.h"
#include "access/StaffAccountRepository.h"
#include "domain/ClinicTime.h"
#include "storage/AppointmentRepository.h"
#include "storage/MessageRepository.h"
#include "storage/PatientRepository.h"
#include "storage/PractitionerRepository.h"
#include "storage/SurveyAnswerRepository.h"

#include <QTest>
#include <QTimeZone>

using namespace frontdesk;

// A follow-up's survey answered by hand (the patient answered on the phone): the patient's
// recent completed visits with the survey that asked about each and the answer already given,
// and recording an answer — stored as an SMS answer is (audited, in the outbox as a
// QuestionnaireResponse), naming the survey that asked, one answer a visit.
class TestSurveyEntry : public QObject
{
    Q_OBJECT

    test::TestDatabase t;
    TestClock clock{QDateTime(QDate(2026, 6, 10), QTime(8, 0), QTimeZone::utc())};
    std::unique_ptr<Session> m_session;
    QString m_patient, m_other, m_doctor;
    QString m_asked, m_unasked, m_old, m_booked, m_othersVisit, m_survey;

    QString addPatient(const QString &given)
    {
        static int n = 0;
        Patient p;
        p.mrn = QStringLiteral("SV%1").arg(++n, 6, 10, QLatin1Char('0'));
        p.familyName = QStringLiteral("Survey");
        p.givenName = given;
        p.phoneMobile = QStringLiteral("+49 170 %1").arg(n);
        if (auto s = PatientRepository(*t.db).save(p); !s)
            qWarning("%s", qPrintable(s.error()));
        return p.meta.id;
    }
    QString addVisit(const QString &patient, const QDateTime &start, AppointmentStatus status)
    {
        Appointment a;
        a.patientId = patient;
        a.practitionerId = m_doctor;
        a.type = QStringLiteral("check-up");
        a.status = status;
        a.start = start;
        a.end = start.addSecs(20 * 60);
        if (auto s = AppointmentRepository(*t.db).save(a); !s)
            qWarning("%s", qPrintable(s.error()));
        return a.meta.id;
    }
    qint64 count(const QString &sql, const QVariantList &values = {})
    {
        auto v = t.db->scalar(sql, values);
        return v ? v->toLongLong() : -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(t.open());
        t.db->setClock(clock);
        QVERIFY(t.db->setSetting(ClinicTime::settingKey(), QStringLiteral("Europe/Berlin")));
        QVERIFY(StaffAccountRepository(*t.db)
                    .create(QStringLiteral("rita"), Role::Receptionist,
                            QStringLiteral("tidal marble orchard 7"))
                    .ok());
        Practitioner doc;
        doc.givenName = QStringLiteral("Ada");
        doc.familyName = QStringLiteral("Alpha");
        QVERIFY(PractitionerRepository(*t.db).save(doc).ok());
        m_doctor = doc.meta.id;
        m_patient = addPatient(QStringLiteral("Sara"));
        m_other = addPatient(QStringLiteral("Otto"));
        const QDateTime now = clock.nowUtc();
        m_asked = addVisit(m_patient, now.addDays(-2), AppointmentStatus::Completed);
        m_unasked = addVisit(m_patient, now.addDays(-5), AppointmentStatus::Completed);
        m_old = addVisit(m_patient, now.addDays(-(SurveyEntry::recentDays + 1)),
                         AppointmentStatus::Completed);
        m_booked = addVisit(m_patient, now.addDays(3), AppointmentStatus::Booked);
        m_othersVisit = addVisit(m_other, now.addDays(-1), AppointmentStatus::Completed);
        // The follow-up's survey about the newest visit, as frontdesk-server wrote it.
        Message survey;
        survey.patientId = m_patient;
        survey.appointmentId = m_asked;
        survey.purpose = QStringLiteral("survey");
        survey.status = QStringLiteral("delivered");
        survey.sentAt = now.addDays(-1);
        survey.body = QStringLiteral("Thank you for your visit.\nHow was it? Reply 1 to 5.");
        QVERIFY(MessageRepository(*t.db).save(survey).ok());
        m_survey = survey.meta.id;

        m_session = std::make_unique<Session>(*t.db);
        QVERIFY(m_session->signIn(QStringLiteral("rita"), QStringLiteral("tidal marble orchard 7"))
                    .ok());
    }

    void listsTheRecentVisitsWithTheirSurvey()
    {
        auto visits = SurveyEntry(*t.db).visits(m_patient);
        QVERIFY2(visits, qPrintable(visits.error()));
        // Completed and recent, newest first; not the booked one, not the one too long ago.
        QCOMPARE(visits->size(), 2);
        QCOMPARE(visits->at(0).appointmentId, m_asked);
        QCOMPARE(visits->at(0).surveyMessageId, m_survey);
        QCOMPARE(visits->at(0).question, QStringLiteral("How was it? Reply 1 to 5."));
        QVERIFY(!visits->at(0).score);
        QVERIFY2(visits->at(0).label.contains(QLatin1String("Ada Alpha")) &&
                     visits->at(0).label.contains(QLatin1String("2026")),
                 qPrintable(visits->at(0).label));
        QCOMPARE(visits->at(1).appointmentId, m_unasked);
        QVERIFY(visits->at(1).surveyMessageId.isEmpty());
    }

    void recordsAnAnswerAsAnSmsAnswerIs()
    {
        SurveyEntry entry(*t.db);
        auto saved = entry.record(m_patient, m_asked, 4);
        QVERIFY2(saved, qPrintable(saved.error()));
        QCOMPARE(saved->score, 4);
        QCOMPARE(saved->questionMessageId, m_survey);
        QCOMPARE(saved->question, QStringLiteral("How was it? Reply 1 to 5."));
        QVERIFY(saved->replyMessageId.isEmpty());
        QCOMPARE(saved->answeredAt, clock.nowUtc());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE resource_type = "
                                      "'QuestionnaireResponse' AND resource_id = ?"),
                       {saved->meta.id}),
                 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'create' AND "
                                      "entity_type = 'SurveyAnswer' AND entity_id = ?"),
                       {saved->meta.id}),
                 1);
        auto visits = entry.visits(m_patient);
        QCOMPARE(visits->at(0).score, std::optional<int>(4));

        // A second answer about the visit replaces the first: one answer a visit.
        clock.advanceSecs(600);
        auto again = entry.record(m_patient, m_asked, 2);
        QVERIFY2(again, qPrintable(again.error()));
        QCOMPARE(again->meta.id, saved->meta.id);
        QCOMPARE(again->meta.version, saved->meta.version + 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM survey_answers WHERE patient_id = ? "
                                      "AND deleted = 0"),
                       {m_patient}),
                 1);
        QCOMPARE(SurveyAnswerRepository(*t.db).get(saved->meta.id)->score, 2);

        // A visit no survey asked about may be answered too (asked on the phone).
        auto unasked = entry.record(m_patient, m_unasked, 5);
        QVERIFY2(unasked, qPrintable(unasked.error()));
        QVERIFY(unasked->questionMessageId.isEmpty());
    }

    void refusesWhatIsNoAnswerToAVisit()
    {
        SurveyEntry entry(*t.db);
        const qint64 before = count(QStringLiteral("SELECT count(*) FROM survey_answers"));
        auto zero = entry.record(m_patient, m_asked, 0);
        QVERIFY(!zero);
        QVERIFY2(zero.error().contains(QLatin1String("from 1 to 5")), qPrintable(zero.error()));
        QVERIFY(!entry.record(m_patient, m_asked, 6));
        auto notYet = entry.record(m_patient, m_booked, 3);
        QVERIFY(!notYet);
        QVERIFY2(notYet.error().contains(QLatin1String("not a completed visit")),
                 qPrintable(notYet.error()));
        auto others = entry.record(m_patient, m_othersVisit, 3);
        QVERIFY(!others);
        QVERIFY2(others.error().contains(QLatin1String("not one of this patient's")),
                 qPrintable(others.error()));
        QVERIFY(!entry.record(m_patient, QStringLiteral("no-such-appointment"), 3));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM survey_answers")), before);
    }
};

QTEST_GUILESS_MAIN(TestSurveyEntry)
#include "tst_surveyentry.moc"
