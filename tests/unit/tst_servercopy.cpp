// What a workstation writes as the server's version of a record (ServerCopy): new rows, rows it
// has replaced, tombstones, and a record refused for another row's unique value, which must fail
// and say why rather than vanish.
#include "TestDatabase.h"

#include "domain/RecordMeta.h"
#include "storage/PatientRepository.h"
#include "storage/ServerCopy.h"

#include <QTest>

#include <memory>

using namespace frontdesk;

class TestServerCopy : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> t;

    // The server's version `version` of a patient.
    Status fromServer(const QString &id, const QString &family, const QString &mrn, qint64 version)
    {
        Patient p;
        p.meta.id = id;
        p.familyName = family;
        p.givenName = QStringLiteral("Ann");
        p.mrn = mrn;
        return ServerCopyOf<PatientRepository>(*t->db).apply(p, version);
    }
    Status removedAtServer(const QString &id, qint64 version)
    {
        return ServerCopyOf<PatientRepository>(*t->db).remove(id, version);
    }

    // id, family name, MRN, version, server version, sync state, deleted; empty when missing.
    QVariantList row(const QString &id) const
    {
        auto q = t->db->query(QStringLiteral("SELECT id, family_name, mrn, version, "
                                             "server_version, sync_state, deleted FROM patients "
                                             "WHERE id = ?"),
                              {id});
        if (!q || !q->next())
            return {};
        QVariantList out;
        for (int i = 0; i < 7; ++i)
            out << q->value(i);
        return out;
    }

private slots:
    // Every case starts with Adams, MRN M1, as the server's version 1.
    void init()
    {
        t = std::make_unique<test::TestDatabase>();
        QVERIFY(t->open());
        const Status s =
            fromServer(QStringLiteral("p-1"), QStringLiteral("Adams"), QStringLiteral("M1"), 1);
        QVERIFY2(s.ok(), qPrintable(s.error()));
    }
    void cleanup() { t.reset(); }

    void aNewRecordIsInsertedAndAKnownOneReplaced()
    {
        QVariantList r = row(QStringLiteral("p-1"));
        QCOMPARE(r.size(), 7);
        QCOMPARE(r[1].toString(), QStringLiteral("Adams"));
        QCOMPARE(r[3].toInt(), 1);
        QCOMPARE(r[4].toString(), QStringLiteral("1"));
        QCOMPARE(r[5].toString(), SyncState::synced());
        QCOMPARE(r[6].toInt(), 0);

        // The server's next version: the same row, its fields and versions moved on.
        QVERIFY(
            fromServer(QStringLiteral("p-1"), QStringLiteral("Adams-Berg"), QStringLiteral("M1"), 9)
                .ok());
        r = row(QStringLiteral("p-1"));
        QCOMPARE(r[1].toString(), QStringLiteral("Adams-Berg"));
        QCOMPARE(r[3].toInt(), 2);
        QCOMPARE(r[4].toString(), QStringLiteral("9"));
        auto count = t->db->scalar(QStringLiteral("SELECT count(*) FROM patients"));
        QVERIFY(count.ok());
        QCOMPARE(count->toInt(), 1);
    }

    void tombstonesMarkKnownRecordsAndLeaveNothingForUnknownOnes()
    {
        QVERIFY(removedAtServer(QStringLiteral("p-1"), 2).ok());
        QCOMPARE(row(QStringLiteral("p-1")).value(6).toInt(), 1);
        QCOMPARE(row(QStringLiteral("p-1")).value(4).toString(), QStringLiteral("2"));

        QVERIFY(removedAtServer(QStringLiteral("never-here"), 3).ok());
        QVERIFY(row(QStringLiteral("never-here")).isEmpty());

        // A record deleted there and made again: the tombstone comes back to life.
        QVERIFY(fromServer(QStringLiteral("p-1"), QStringLiteral("Adams"), QStringLiteral("M1"), 4)
                    .ok());
        QCOMPARE(row(QStringLiteral("p-1")).value(6).toInt(), 0);
    }

    void aRecordRefusedForAnotherRowsValueFailsAndSaysWhy()
    {
        // Another patient with the same MRN: nothing is written, and the pull must not believe
        // it was.
        const Status s =
            fromServer(QStringLiteral("p-2"), QStringLiteral("Berg"), QStringLiteral("M1"), 2);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QStringLiteral("M1")), qPrintable(s.error()));
        QVERIFY(row(QStringLiteral("p-2")).isEmpty());
        QCOMPARE(row(QStringLiteral("p-1")).value(1).toString(), QStringLiteral("Adams"));
    }

    // The insert of a set of columns is made once a table and kept: a record written with other
    // columns, fewer or one the table lacks, must be written with its own or refused, never
    // with the set before.
    void eachSetOfColumnsIsWrittenWithItsOwnStatement()
    {
        ServerCopyOf<PatientRepository> copy(*t->db);
        const QVariantMap full{{QStringLiteral("family_name"), QStringLiteral("Cole")},
                               {QStringLiteral("given_name"), QStringLiteral("Dee")},
                               {QStringLiteral("mrn"), QStringLiteral("M3")}};
        QVERIFY(copy.applyValues(QStringLiteral("p-3"), full, 3).ok());

        QVariantMap unknown = full;
        unknown.insert(QStringLiteral("no_such_column"), 1);
        const Status refused = copy.applyValues(QStringLiteral("p-4"), unknown, 4);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QStringLiteral("no_such_column")),
                 qPrintable(refused.error()));
        QVERIFY(row(QStringLiteral("p-4")).isEmpty());

        const QVariantMap fewer{{QStringLiteral("family_name"), QStringLiteral("Dorn")},
                                {QStringLiteral("mrn"), QStringLiteral("M5")}};
        QVERIFY(copy.applyValues(QStringLiteral("p-5"), fewer, 5).ok());
        QCOMPARE(row(QStringLiteral("p-5")).value(1).toString(), QStringLiteral("Dorn"));
        QCOMPARE(row(QStringLiteral("p-5")).value(2).toString(), QStringLiteral("M5"));

        // As many columns as the first set, but others: each value in its own column, not in
        // the place the first set had there.
        const QVariantMap other{{QStringLiteral("city"), QStringLiteral("Graz")},
                                {QStringLiteral("family_name"), QStringLiteral("Eck")},
                                {QStringLiteral("mrn"), QStringLiteral("M6")}};
        QVERIFY(copy.applyValues(QStringLiteral("p-6"), other, 6).ok());
        QCOMPARE(row(QStringLiteral("p-6")).value(1).toString(), QStringLiteral("Eck"));
        QCOMPARE(row(QStringLiteral("p-6")).value(2).toString(), QStringLiteral("M6"));
        auto city = t->db->scalar(QStringLiteral("SELECT city || '/' || given_name FROM patients "
                                                 "WHERE id = 'p-6'"));
        QVERIFY(city.ok());
        QCOMPARE(city->toString(), QStringLiteral("Graz/"));

        QVERIFY(!copy.applyValues(QStringLiteral("p-7"), full, 7).ok()); // M3 is p-3's
        QCOMPARE(row(QStringLiteral("p-3")).value(2).toString(), QStringLiteral("M3"));
    }
};

QTEST_GUILESS_MAIN(TestServerCopy)
#include "tst_servercopy.moc"
