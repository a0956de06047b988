#include "TestClock.h"
#include "TestDatabase.h"

#include "access/AuditQuery.h"
#include "access/SignIn.h"
#include "access/StaffAccountRepository.h"
#include "fhir/AuditEventMapping.h"
#include "storage/PatientRepository.h"

#include <QJsonArray>
#include <QTest>

using namespace frontdesk;

// The audit trail in the shape it syncs in: FHIR R4 AuditEvent.
class TestAuditEvent : public QObject
{
    Q_OBJECT

    test::TestDatabase t;
    TestClock clock{QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC)};

    AuditEntry newest(const QString &action)
    {
        AuditQuery::Filter f;
        f.action = action;
        f.limit = 1;
        auto list = AuditQuery(*t.db).list(f);
        return list && !list->isEmpty() ? list->first() : AuditEntry{};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(t.open());
        t.db->setClock(clock);
    }

    void patientChangeIsAPatientRecordEvent()
    {
        Patient p;
        p.mrn = QStringLiteral("M1");
        p.familyName = QStringLiteral("Lovelace");
        QVERIFY(PatientRepository(*t.db).save(p).ok());
        p.givenName = QStringLiteral("Ada");
        QVERIFY(PatientRepository(*t.db).save(p).ok());
        const AuditEntry update = newest(QStringLiteral("update"));
        const QJsonObject event = AuditEventMapping::toFhir(update);
        QCOMPARE(event[QStringLiteral("resourceType")].toString(), QStringLiteral("AuditEvent"));
        QCOMPARE(event[QStringLiteral("id")].toString(), update.id);
        QCOMPARE(event[QStringLiteral("action")].toString(), QStringLiteral("U"));
        QCOMPARE(event[QStringLiteral("type")][QStringLiteral("code")].toString(),
                 QStringLiteral("110110"));
        QCOMPARE(event[QStringLiteral("outcome")].toString(), QStringLiteral("0"));
        QCOMPARE(event[QStringLiteral("recorded")].toString(),
                 QStringLiteral("2026-03-02T09:00:00.000Z"));
        const QJsonArray entities = event[QStringLiteral("entity")].toArray();
        QCOMPARE(entities.size(), 1);
        QCOMPARE(entities[0][QStringLiteral("what")][QStringLiteral("reference")].toString(),
                 QStringLiteral("Patient/") + p.meta.id);
        QVERIFY(entities[0][QStringLiteral("detail")][0][QStringLiteral("valueString")]
                    .toString()
                    .contains(QStringLiteral("\"before\":\"\"")));
        const QJsonArray chain =
            event[QStringLiteral("extension")][0][QStringLiteral("extension")].toArray();
        QCOMPARE(chain[1][QStringLiteral("valueString")].toString(), update.prevHash);
        QCOMPARE(chain[2][QStringLiteral("valueString")].toString(), update.hash);
        QCOMPARE(event[QStringLiteral("agent")][0][QStringLiteral("who")][QStringLiteral("display")]
                     .toString(),
                 update.actor);
    }

    void failedSignInIsAnAuthenticationFailure()
    {
        QVERIFY(StaffAccountRepository(*t.db)
                    .create(QStringLiteral("nina"), Role::Nurse,
                            QStringLiteral("tidal marble orchard 7"))
                    .ok());
        QVERIFY(!SignIn(*t.db).attempt(QStringLiteral("nina"), QStringLiteral("wrong")).ok());
        const QJsonObject event = AuditEventMapping::toFhir(newest(QStringLiteral("login")));
        QCOMPARE(event[QStringLiteral("type")][QStringLiteral("code")].toString(),
                 QStringLiteral("110114"));
        QCOMPARE(event[QStringLiteral("action")].toString(), QStringLiteral("E"));
        QCOMPARE(event[QStringLiteral("outcome")].toString(), QStringLiteral("4"));
        QCOMPARE(event[QStringLiteral("agent")][0][QStringLiteral("who")][QStringLiteral("display")]
                     .toString(),
                 QStringLiteral("nina"));
        const QJsonObject account =
            AuditEventMapping::toFhir(newest(QStringLiteral("user-create")));
        QCOMPARE(account[QStringLiteral("action")].toString(), QStringLiteral("C"));
        QCOMPARE(account[QStringLiteral("type")][QStringLiteral("code")].toString(),
                 QStringLiteral("110113"));
    }

    // What goes up to the server reads back as the very entry, so the server checks each
    // entry's hash again; a changed field shows as a hash that no longer matches.
    void anUploadedEventReadsBackAsTheEntryItsHashCovers()
    {
        AuditQuery::Filter f;
        f.limit = 1000;
        auto all = AuditQuery(*t.db).list(f);
        QVERIFY2(all.ok(), qPrintable(all.error()));
        QVERIFY(all->size() >= 4);
        for (const AuditEntry &e : *all) {
            auto back = AuditEventMapping::fromFhir(AuditEventMapping::toFhir(e));
            QVERIFY2(back.ok(), qPrintable(back.error()));
            QCOMPARE(back->seq, e.seq);
            QCOMPARE(back->canonical(), e.canonical());
            QCOMPARE(back->computeHash(), e.hash);
            QCOMPARE(back->hash, e.hash);
        }
        QJsonObject event = AuditEventMapping::toFhir(all->first());
        QJsonObject chain = event[QStringLiteral("extension")][0].toObject();
        QJsonArray parts = chain[QStringLiteral("extension")].toArray();
        parts.append(QJsonObject{{QStringLiteral("url"), QStringLiteral("entityId")},
                                 {QStringLiteral("valueString"), QStringLiteral("someone-else")}});
        chain[QStringLiteral("extension")] = parts;
        event[QStringLiteral("extension")] = QJsonArray{chain};
        auto changed = AuditEventMapping::fromFhir(event);
        QVERIFY(changed.ok());
        QVERIFY(changed->computeHash() != changed->hash);

        event.remove(QStringLiteral("extension"));
        QVERIFY(!AuditEventMapping::fromFhir(event).ok());
        QVERIFY(!AuditEventMapping::fromFhir(
                     QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Patient")}})
                     .ok());
    }
};

QTEST_GUILESS_MAIN(TestAuditEvent)
#include "tst_auditevent.moc"
