// Rows updated in place when the sync worker brings changes (RowDiff): the list and calendar
// models keep a view's current row instead of resetting.
#include "TestDatabase.h"

#include "AppointmentDayModel.h"
#include "PatientListModel.h"
#include "RowDiff.h"
#include "storage/PatientRepository.h"
#include "storage/ServerCopy.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace frontdesk;

class TestRowDiff : public QObject
{
    Q_OBJECT

    static QStringList keys(const char *letters)
    {
        QStringList out;
        for (const char *c = letters; *c; ++c)
            out << QString(QLatin1Char(*c));
        return out;
    }
    // Applies a diff as a model does, so each case checks the result and not only the steps.
    static QStringList applied(const QStringList &before, const QStringList &after)
    {
        const RowDiff diff = RowDiff::between(before, after);
        if (diff.reset)
            return after;
        QStringList rows = before;
        for (int i : diff.removals)
            rows.removeAt(i);
        for (int i : diff.insertions)
            rows.insert(i, after.at(i));
        return rows;
    }

    static Patient patient(const QString &family, const QString &mrn)
    {
        Patient p;
        p.familyName = family;
        p.givenName = QStringLiteral("Ann");
        p.mrn = mrn;
        return p;
    }

private slots:
    void between_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<bool>("reset");
        QTest::addColumn<int>("removals");
        QTest::addColumn<int>("insertions");
        QTest::newRow("same") << "abc"
                              << "abc" << false << 0 << 0;
        QTest::newRow("added first") << "bc"
                                     << "abc" << false << 0 << 1;
        QTest::newRow("added between") << "ac"
                                       << "abcd" << false << 0 << 2;
        QTest::newRow("removed") << "abcd"
                                 << "bd" << false << 2 << 0;
        QTest::newRow("both") << "abd"
                              << "xbcd" << false << 1 << 2;
        QTest::newRow("from nothing") << ""
                                      << "ab" << false << 0 << 2;
        QTest::newRow("to nothing") << "ab"
                                    << "" << false << 2 << 0;
        QTest::newRow("moved") << "abc"
                               << "acb" << true << 0 << 0;
    }

    void between()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(bool, reset);
        QFETCH(int, removals);
        QFETCH(int, insertions);
        const QStringList b = keys(before.toLatin1().constData());
        const QStringList a = keys(after.toLatin1().constData());
        const RowDiff diff = RowDiff::between(b, a);
        QCOMPARE(diff.reset, reset);
        QCOMPARE(diff.removals.size(), removals);
        QCOMPARE(diff.insertions.size(), insertions);
        QCOMPARE(applied(b, a), a);
    }

    // A patient that arrives from the server goes in where the name order puts it; the row a
    // person is on stays theirs, and the model is never reset.
    void patientListKeepsTheCurrentRow()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        PatientRepository repo(*t.db);
        Patient berg = patient(QStringLiteral("Berg"), QStringLiteral("M1"));
        Patient meyer = patient(QStringLiteral("Meyer"), QStringLiteral("M2"));
        QVERIFY(repo.save(berg).ok());
        QVERIFY(repo.save(meyer).ok());
        PatientListModel model(*t.db);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh();
        QCOMPARE(model.rowCount(), 2);
        QPersistentModelIndex current(model.index(1, 0));
        QCOMPARE(model.patientAt(current.row()).familyName, QStringLiteral("Meyer"));

        Patient adams = patient(QStringLiteral("Adams"), QStringLiteral("M3"));
        adams.meta.id = QStringLiteral("from-the-server");
        QVERIFY(ServerCopyOf<PatientRepository>(*t.db).apply(adams, 1).ok());
        berg.familyName = QStringLiteral("Bergmann");
        QVERIFY(ServerCopyOf<PatientRepository>(*t.db).apply(berg, 2).ok());
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.reload();
        QCOMPARE(resets.count(), 0);
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(current.isValid());
        QCOMPARE(current.row(), 2);
        QCOMPARE(model.patientAt(current.row()).familyName, QStringLiteral("Meyer"));
        QCOMPARE(model.patientAt(0).familyName, QStringLiteral("Adams"));
        QCOMPARE(model.patientAt(1).familyName, QStringLiteral("Bergmann"));
        QCOMPARE(model.matchCount(), 3);
        // Written as the server's: nothing to send back.
        auto waiting = t.db->scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE "
                                                   "resource_id IN (?, ?)"),
                                    {adams.meta.id, berg.meta.id});
        QVERIFY(waiting.ok());
        QCOMPARE(waiting->toInt(), 1); // Berg's own first save, not the server's rename

        QVERIFY(ServerCopyOf<PatientRepository>(*t.db).remove(adams.meta.id, 2).ok());
        model.reload();
        QCOMPARE(resets.count(), 0);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(current.row(), 1);
    }
};

QTEST_GUILESS_MAIN(TestRowDiff)
#include "tst_rowdiff.moc"
