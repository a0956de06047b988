#include "scheduling/UsualRoom.h"

#include <QTest>

using namespace frontdesk;

class TestUsualRoom : public QObject
{
    Q_OBJECT

    static WorkingHours block(int weekday, int from, int to, const QString &room)
    {
        WorkingHours h;
        h.weekday = weekday;
        h.startMinute = from;
        h.endMinute = to;
        h.locationId = room;
        return h;
    }

private slots:
    void theBlockCoveringTheTimeNamesTheRoom()
    {
        // Mondays: room A in the morning, room B in the afternoon.
        const QList<WorkingHours> hours{block(1, 8 * 60, 12 * 60, QStringLiteral("A")),
                                        block(1, 13 * 60, 17 * 60, QStringLiteral("B"))};
        QCOMPARE(UsualRoom::at(hours, 1, 9 * 60), QStringLiteral("A"));
        QCOMPARE(UsualRoom::at(hours, 1, 8 * 60), QStringLiteral("A"));
        QCOMPARE(UsualRoom::at(hours, 1, 13 * 60), QStringLiteral("B"));
        // The end is not inside the block.
        QCOMPARE(UsualRoom::at(hours, 1, 17 * 60 - 1), QStringLiteral("B"));
    }

    void outsideTheHoursTheNearestBlockThatDay()
    {
        const QList<WorkingHours> hours{block(1, 8 * 60, 12 * 60, QStringLiteral("A")),
                                        block(1, 13 * 60, 17 * 60, QStringLiteral("B"))};
        QCOMPARE(UsualRoom::at(hours, 1, 7 * 60), QStringLiteral("A"));
        QCOMPARE(UsualRoom::at(hours, 1, 12 * 60 + 50), QStringLiteral("B"));
        QCOMPARE(UsualRoom::at(hours, 1, 19 * 60), QStringLiteral("B"));
    }

    void onAnotherDayTheRoomOfMostHours()
    {
        const QList<WorkingHours> hours{block(1, 8 * 60, 10 * 60, QStringLiteral("A")),
                                        block(2, 8 * 60, 16 * 60, QStringLiteral("B")),
                                        block(3, 8 * 60, 12 * 60, QStringLiteral("A"))};
        QCOMPARE(UsualRoom::at(hours, 6, 9 * 60), QStringLiteral("B"));
    }

    void blocksWithoutARoomNameNone()
    {
        const QList<WorkingHours> hours{block(1, 8 * 60, 12 * 60, QString())};
        QVERIFY(UsualRoom::at(hours, 1, 9 * 60).isEmpty());
        QVERIFY(UsualRoom::at({}, 1, 9 * 60).isEmpty());
        // A block without a room covering the time does not hide the one beside it.
        const QList<WorkingHours> mixed{block(1, 8 * 60, 12 * 60, QString()),
                                        block(1, 12 * 60, 16 * 60, QStringLiteral("C"))};
        QCOMPARE(UsualRoom::at(mixed, 1, 9 * 60), QStringLiteral("C"));
    }
};

QTEST_APPLESS_MAIN(TestUsualRoom)
#include "tst_usualroom.moc"
