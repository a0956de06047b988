// The Messages view's conversations (issue 18): what a message keeps for them (author, read
// state, assignee, template or rule) survives the database.
#include "TestClock.h"
#include "TestDatabase.h"

#include "storage/MessageRepository.h"
#include "storage/PatientRepository.h"

#include <QTest>
#include <QTimeZone>

using namespace frontdesk;

class TestMessageThreads : public QObject
{
    Q_OBJECT

    test::TestDatabase m_t;
    TestClock m_clock{QDateTime(QDate(2026, 3, 3), QTime(8, 0), QTimeZone("Europe/Berlin"))};
    QString m_anna;

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

private slots:
    void initTestCase()
    {
        QVERIFY(m_t.open());
        db().setClock(m_clock);
        QVERIFY(
            db().setSetting(QStringLiteral("clinic_time_zone"), QStringLiteral("Europe/Berlin")));
        m_anna = addPatient(QStringLiteral("Müller"), QStringLiteral("Anna"),
                            QStringLiteral("MRN0100266"));
    }

    void theThreadColumnsSurviveTheDatabase()
    {
        Message m;
        m.patientId = m_anna;
        m.body = QStringLiteral("Ihr Termin morgen um 9:00");
        m.authorId = QStringLiteral("staff-1");
        m.authorName = QStringLiteral("Jana Kowalski");
        m.readAt = QDateTime(QDate(2026, 3, 3), QTime(7, 5, 1), Qt::UTC);
        m.assignedTo = QStringLiteral("staff-2");
        m.assignedName = QStringLiteral("Ömer Yılmaz");
        m.templateName = QStringLiteral("Erinnerung");
        m.ruleName = QStringLiteral("reminder-48h");
        MessageRepository messages(db());
        QVERIFY(messages.save(m).ok());
        auto back = messages.get(m.meta.id);
        QVERIFY2(back, qPrintable(back ? QString() : back.error()));
        QCOMPARE(back->authorId, m.authorId);
        QCOMPARE(back->authorName, m.authorName);
        QCOMPARE(back->readAt, m.readAt);
        QCOMPARE(back->assignedTo, m.assignedTo);
        QCOMPARE(back->assignedName, m.assignedName);
        QCOMPARE(back->templateName, m.templateName);
        QCOMPARE(back->ruleName, m.ruleName);

        back->readAt = QDateTime();
        back->assignedTo.clear();
        back->assignedName.clear();
        QVERIFY(messages.save(*back).ok());
        auto cleared = messages.get(m.meta.id);
        QVERIFY(cleared);
        QVERIFY(!cleared->readAt.isValid());
        QVERIFY(cleared->assignedTo.isEmpty());
        QCOMPARE(cleared->authorName, m.authorName);
    }
};

QTEST_GUILESS_MAIN(TestMessageThreads)
#include "tst_messagethreads.moc"
