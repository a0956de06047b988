#include "TestClock.h"
#include "TestDatabase.h"

#include "access/Session.h"
#include "access/StaffAccountRepository.h"
#include "interop/FhirRecordReader.h"
#include "messaging/MessageTemplateRepository.h"

#include <QTest>

using namespace frontdesk;

namespace {
const QString kPassword = QStringLiteral("tidal marble orchard 7");
}

// The templates' table: written through the audited write path with an outbox entry (Basic),
// checked before it is written, read by everyone who reads messages, changed by administrators.
class TestMessageTemplateRepository : public QObject
{
    Q_OBJECT

    test::TestDatabase t;
    TestClock clock{QDateTime(QDate(2026, 6, 10), QTime(8, 30), Qt::UTC)};

    static MessageTemplate sms(const QString &name,
                               const QString &purpose = QStringLiteral("reminder"))
    {
        MessageTemplate m;
        m.name = name;
        m.purpose = purpose;
        m.channel = QStringLiteral("sms");
        m.body = QStringLiteral("Hello {first_name}, see you on {appointment_date}.");
        return m;
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
        StaffAccountRepository accounts(*t.db);
        QVERIFY(accounts.create(QStringLiteral("admin"), Role::Admin, kPassword).ok());
        QVERIFY(accounts.create(QStringLiteral("desk"), Role::Receptionist, kPassword).ok());
        QVERIFY(accounts.create(QStringLiteral("boss"), Role::Manager, kPassword).ok());
    }

    void savedWithOutboxAndAudit()
    {
        MessageTemplateRepository repo(*t.db);
        MessageTemplate m = sms(QStringLiteral("Reminder SMS"));
        QVERIFY2(repo.save(m).ok(), "save");
        QVERIFY(!m.meta.id.isEmpty());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE resource_type = 'Basic' "
                                      "AND resource_id = ?"),
                       {m.meta.id}),
                 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity_type = "
                                      "'MessageTemplate' AND entity_id = ?"),
                       {m.meta.id}),
                 1);
        // The outbox entry reads as the Basic resource it names.
        auto resource = FhirRecordReader(*t.db).read(QStringLiteral("Basic"), m.meta.id);
        QVERIFY2(resource.ok(), qPrintable(resource.error()));
        QCOMPARE(resource->value(QStringLiteral("resourceType")).toString(),
                 QStringLiteral("Basic"));

        auto back = repo.get(m.meta.id);
        QVERIFY(back.ok());
        QCOMPARE(back->name, m.name);
        QCOMPARE(back->body, m.body);
        QCOMPARE(back->channel, QStringLiteral("sms"));
        QVERIFY(back->active);
    }

    void refusedBeforeWriting()
    {
        MessageTemplateRepository repo(*t.db);
        const qint64 before = count(QStringLiteral("SELECT count(*) FROM message_templates"));
        MessageTemplate unknown = sms(QStringLiteral("Unknown field"));
        unknown.body = QStringLiteral("Dear {patient_name}");
        const Status s = repo.save(unknown);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QStringLiteral("{patient_name}")), qPrintable(s.error()));
        // Names are unique among live templates, whatever their case.
        MessageTemplate twin = sms(QStringLiteral("  reminder sms "));
        const Status dup = repo.save(twin);
        QVERIFY(!dup.ok());
        QVERIFY2(dup.error().contains(QStringLiteral("already")), qPrintable(dup.error()));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM message_templates")), before);
    }

    void filteredByPurposeAndChannel()
    {
        MessageTemplateRepository repo(*t.db);
        MessageTemplate email = sms(QStringLiteral("Recall letter"), QStringLiteral("recall"));
        email.channel = QStringLiteral("email");
        email.subject = QStringLiteral("Time for a check-up");
        QVERIFY(repo.save(email).ok());
        MessageTemplate either = sms(QStringLiteral("Any reminder"));
        either.channel = QStringLiteral("any");
        either.subject = QStringLiteral("Your appointment");
        QVERIFY(repo.save(either).ok());
        MessageTemplate retired = sms(QStringLiteral("Old reminder"));
        retired.active = false;
        QVERIFY(repo.save(retired).ok());

        const auto names = [](const QList<MessageTemplate> &list) {
            QStringList n;
            for (const MessageTemplate &m : list)
                n << m.name;
            return n;
        };
        QCOMPARE(names(*repo.active(QStringLiteral("reminder"), QStringLiteral("sms"))),
                 QStringList({QStringLiteral("Any reminder"), QStringLiteral("Reminder SMS")}));
        QCOMPARE(names(*repo.active(QStringLiteral("reminder"), QStringLiteral("email"))),
                 QStringList({QStringLiteral("Any reminder")}));
        QCOMPARE(names(*repo.active(QStringLiteral("recall"))),
                 QStringList({QStringLiteral("Recall letter")}));
        // The editor lists the deactivated ones too.
        QVERIFY(names(*repo.all()).contains(QStringLiteral("Old reminder")));
        QCOMPARE(repo.byName(QStringLiteral("recall LETTER"))->meta.id, email.meta.id);
        const auto missing = repo.byName(QStringLiteral("Birthday"));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().contains(QStringLiteral("Birthday")));
    }

    // Everyone who reads messages reads the templates; only an administrator changes them.
    void onlyAdministratorsChangeThem()
    {
        for (const char *user : {"desk", "boss"}) {
            Session session(*t.db);
            QVERIFY(session.signIn(QLatin1String(user), kPassword).ok());
            MessageTemplateRepository repo(*t.db);
            auto list = repo.active();
            QVERIFY2(list.ok(), qPrintable(list.error()));
            QVERIFY(!list->isEmpty());
            MessageTemplate m = sms(QStringLiteral("By ") + QLatin1String(user));
            const Status s = repo.save(m);
            QVERIFY2(!s.ok(), user);
            MessageTemplate existing = list->first();
            existing.body += QStringLiteral(" Bye.");
            QVERIFY2(!repo.save(existing).ok(), user);
        }
        Session session(*t.db);
        QVERIFY(session.signIn(QStringLiteral("admin"), kPassword).ok());
        MessageTemplateRepository repo(*t.db);
        MessageTemplate m = *repo.byName(QStringLiteral("Reminder SMS"));
        m.active = false;
        QVERIFY(repo.save(m).ok());
        QVERIFY(!repo.get(m.meta.id)->active);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity_type = "
                                      "'MessageTemplate' AND entity_id = ?"),
                       {m.meta.id}),
                 2);
    }
};

QTEST_GUILESS_MAIN(TestMessageTemplateRepository)
#include "tst_messagetemplaterepository.moc"
