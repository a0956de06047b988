// What a workstation writes as the server's version of a record (ServerCopy): new rows, rows it
// has replaced, tombstones, and a record refused for another row's unique value, which must fail
// and say why rather than vanish.
#include "TestDatabase.h"

#include "domain/RecordMeta.h"
#include "storage/PatientRepository.h"
#include "storage/ServerCopy.h"

#include <QTest>

using namespace frontdesk;

class TestServerCopy : public QObject
{
    Q_OBJECT

    static Patient patient(const QString &id, const QString &family, const QString &mrn)
    {
        Patient p;
        p.meta.id = id;
        p.familyName = family;
        p.givenName = QStringLiteral("Ann");
        p.mrn = mrn;
        return p;
    }

    // id, family name, MRN, version, server version, sync state, deleted; empty when missing.
    static QVariantList row(test::TestDatabase &t, const QString &id)
    {
        auto q = t.db->query(QStringLiteral("SELECT id, family_name, mrn, version, server_version, "
                                            "sync_state, deleted FROM patients WHERE id = ?"),
                             {id});
        if (!q || !q->next())
            return {};
        QVariantList out;
        for (int i = 0; i < 7; ++i)
            out << q->value(i);
        return out;
    }

private slots:
    void aNewRecordIsInsertedAndAKnownOneReplaced()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        ServerCopyOf<PatientRepository> copy(*t.db);
        QVERIFY(copy.apply(patient(QStringLiteral("p-1"), QStringLiteral("Adams"),
                                   QStringLiteral("M1")),
                           7)
                    .ok());
        QVariantList r = row(t, QStringLiteral("p-1"));
        QCOMPARE(r.size(), 7);
        QCOMPARE(r[1].toString(), QStringLiteral("Adams"));
        QCOMPARE(r[3].toInt(), 1);
        QCOMPARE(r[4].toString(), QStringLiteral("7"));
        QCOMPARE(r[5].toString(), SyncState::synced());
        QCOMPARE(r[6].toInt(), 0);

        // The server's next version: the same row, its fields and versions moved on.
        QVERIFY(copy.apply(patient(QStringLiteral("p-1"), QStringLiteral("Adams-Berg"),
                                   QStringLiteral("M1")),
                           9)
                    .ok());
        r = row(t, QStringLiteral("p-1"));
        QCOMPARE(r[1].toString(), QStringLiteral("Adams-Berg"));
        QCOMPARE(r[3].toInt(), 2);
        QCOMPARE(r[4].toString(), QStringLiteral("9"));
        auto count = t.db->scalar(QStringLiteral("SELECT count(*) FROM patients"));
        QVERIFY(count.ok());
        QCOMPARE(count->toInt(), 1);
    }

    void tombstonesMarkKnownRecordsAndLeaveNothingForUnknownOnes()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        ServerCopyOf<PatientRepository> copy(*t.db);
        QVERIFY(copy.apply(patient(QStringLiteral("p-1"), QStringLiteral("Adams"),
                                   QStringLiteral("M1")),
                           1)
                    .ok());
        QVERIFY(copy.remove(QStringLiteral("p-1"), 2).ok());
        QCOMPARE(row(t, QStringLiteral("p-1")).value(6).toInt(), 1);
        QCOMPARE(row(t, QStringLiteral("p-1")).value(4).toString(), QStringLiteral("2"));

        QVERIFY(copy.remove(QStringLiteral("never-here"), 3).ok());
        QVERIFY(row(t, QStringLiteral("never-here")).isEmpty());

        // A record deleted there and made again: the tombstone comes back to life.
        QVERIFY(copy.apply(patient(QStringLiteral("p-1"), QStringLiteral("Adams"),
                                   QStringLiteral("M1")),
                           4)
                    .ok());
        QCOMPARE(row(t, QStringLiteral("p-1")).value(6).toInt(), 0);
    }

    void aRecordRefusedForAnotherRowsValueFailsAndSaysWhy()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        ServerCopyOf<PatientRepository> copy(*t.db);
        QVERIFY(copy.apply(patient(QStringLiteral("p-1"), QStringLiteral("Adams"),
                                   QStringLiteral("M1")),
                           1)
                    .ok());
        // Another patient with the same MRN: nothing is written, and the pull must not believe
        // it was.
        const Status s = copy.apply(
            patient(QStringLiteral("p-2"), QStringLiteral("Berg"), QStringLiteral("M1")), 2);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QStringLiteral("M1")), qPrintable(s.error()));
        QVERIFY(row(t, QStringLiteral("p-2")).isEmpty());
        QCOMPARE(row(t, QStringLiteral("p-1")).value(1).toString(), QStringLiteral("Adams"));
    }
};

QTEST_GUILESS_MAIN(TestServerCopy)
#include "tst_servercopy.moc"
