#include "kpi/KpiIds.h"

#include <QTest>

using namespace frontdesk;

// KpiIds numbers record ids for the dashboard's facts in an open-addressing table of its own.
class TestKpiIds : public QObject
{
    Q_OBJECT
private slots:
    void numbersEachDistinctIdOnce()
    {
        KpiIds ids;
        QCOMPARE(ids.size(), 0);
        QCOMPARE(ids.find(QStringLiteral("a")), -1);
        QCOMPARE(ids.intern(QStringLiteral("a")), 0);
        QCOMPARE(ids.intern(QByteArrayView("b")), 1);
        QCOMPARE(ids.intern(QStringLiteral("a")), 0);
        // An id and one it begins with are different ids; so is the empty one.
        QCOMPARE(ids.intern(QStringLiteral("ab")), 2);
        QCOMPARE(ids.intern(QString()), 3);
        QCOMPARE(ids.intern(QStringLiteral("")), 3);
        QCOMPARE(ids.size(), 4);
        QCOMPARE(ids.find(QStringLiteral("ab")), 2);
        QCOMPARE(ids.id(2), QStringLiteral("ab"));
        QCOMPARE(ids.utf8(1), QByteArrayView("b"));
        QCOMPARE(ids.id(3), QString());
    }

    void keepsNonAsciiIdsAsTheyAre()
    {
        KpiIds ids;
        const QString id = QStringLiteral("pat-Ösztürk-ß");
        const int n = ids.intern(id);
        QCOMPARE(ids.intern(QByteArrayView(id.toUtf8())), n);
        QCOMPARE(ids.id(n), id);
    }

    void growsPastItsFirstTable()
    {
        // The table starts with 1,024 slots and is kept at most half full: 20,000 ids make it
        // grow five times, and every number must survive each move.
        KpiIds ids;
        const int count = 20000;
        for (int i = 0; i < count; ++i)
            QCOMPARE(ids.intern(QStringLiteral("%1-patient").arg(i)), i);
        QCOMPARE(ids.size(), count);
        for (int i = 0; i < count; i += 7) {
            const QString id = QStringLiteral("%1-patient").arg(i);
            QCOMPARE(ids.find(id), i);
            QCOMPARE(ids.intern(id), i);
            QCOMPARE(ids.id(i), id);
        }
        QCOMPARE(ids.find(QStringLiteral("20000-patient")), -1);
        QCOMPARE(ids.size(), count);
    }

    void copiesAreIndependent()
    {
        KpiIds ids;
        ids.intern(QStringLiteral("x"));
        KpiIds copy = ids;
        QCOMPARE(copy.intern(QStringLiteral("y")), 1);
        QCOMPARE(ids.find(QStringLiteral("y")), -1);
        QCOMPARE(copy.find(QStringLiteral("x")), 0);
    }
};

QTEST_GUILESS_MAIN(TestKpiIds)
#include "tst_kpiids.moc"
