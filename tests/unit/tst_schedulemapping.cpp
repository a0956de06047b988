#include "fhir/ScheduleMapping.h"

#include <QJsonArray>
#include <QTest>

using namespace frontdesk;

class TestScheduleMapping : public QObject
{
    Q_OBJECT

private:
    static ScheduleException leave(const QString &practitioner)
    {
        ScheduleException e;
        e.meta.id = QStringLiteral("to-1");
        e.practitionerId = practitioner;
        e.kind = ScheduleException::Kind::Leave;
        e.start = QDateTime(QDate(2026, 8, 3), QTime(8, 0), Qt::UTC);
        e.end = QDateTime(QDate(2026, 8, 3), QTime(12, 0), Qt::UTC);
        e.note = QStringLiteral("Conference");
        return e;
    }

private slots:
    void timeOffTravelsAsABusyUnavailableSlot_data()
    {
        QTest::addColumn<QString>("practitioner");
        QTest::newRow("a practitioner's") << QStringLiteral("dr-a");
        QTest::newRow("the whole clinic's") << QString();
    }
    void timeOffTravelsAsABusyUnavailableSlot()
    {
        QFETCH(QString, practitioner);
        const ScheduleException e = leave(practitioner);
        const QJsonObject slot = ScheduleMapping::toFhir(e);
        QCOMPARE(slot.value(QStringLiteral("resourceType")).toString(), QStringLiteral("Slot"));
        QCOMPARE(slot.value(QStringLiteral("status")).toString(),
                 QStringLiteral("busy-unavailable"));
        const QJsonObject schedule = slot.value(QStringLiteral("schedule")).toObject();
        QCOMPARE(schedule.value(QStringLiteral("reference")).toString(),
                 practitioner.isEmpty() ? QString() : QStringLiteral("Schedule/") + practitioner);
        auto back = ScheduleMapping::timeOffFromFhir(slot);
        QVERIFY2(back, qPrintable(back ? QString() : back.error()));
        QCOMPARE(back->meta.id, e.meta.id);
        QCOMPARE(back->practitionerId, e.practitionerId);
        QCOMPARE(back->kind, e.kind);
        QCOMPARE(back->start, e.start);
        QCOMPARE(back->end, e.end);
        QCOMPARE(back->note, e.note);
    }

    void whatIsNotTimeOffIsRefusedNamingTheElement_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("named");
        QTest::newRow("free slot") << QStringLiteral("status") << QJsonValue(QStringLiteral("free"))
                                   << QStringLiteral("busy-unavailable");
        QTest::newRow("no schedule")
            << QStringLiteral("schedule") << QJsonValue() << QStringLiteral("schedule");
        QTest::newRow("other reference")
            << QStringLiteral("schedule")
            << QJsonValue(
                   QJsonObject{{QStringLiteral("reference"), QStringLiteral("Practitioner/x")}})
            << QStringLiteral("Schedule/ID");
        QTest::newRow("unknown kind")
            << QStringLiteral("extension")
            << QJsonValue(QJsonArray{
                   QJsonObject{{QStringLiteral("url"), ScheduleMapping::timeOffKindUrl()},
                               {QStringLiteral("valueCode"), QStringLiteral("nap")}}})
            << QStringLiteral("holiday, leave or blocked");
        QTest::newRow("local time")
            << QStringLiteral("start") << QJsonValue(QStringLiteral("2026-08-03T08:00:00"))
            << QStringLiteral("start");
        QTest::newRow("ends first")
            << QStringLiteral("end") << QJsonValue(QStringLiteral("2026-08-03T07:00:00Z"))
            << QStringLiteral("end must be after start");
    }
    void whatIsNotTimeOffIsRefusedNamingTheElement()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, named);
        QJsonObject slot = ScheduleMapping::toFhir(leave(QStringLiteral("dr-a")));
        if (value.isNull())
            slot.remove(key);
        else
            slot.insert(key, value);
        auto read = ScheduleMapping::timeOffFromFhir(slot);
        QVERIFY(!read);
        QVERIFY2(read.error().contains(named), qPrintable(read.error()));
    }

    void timeOffBlocksItsPractitionerOrEveryoneHalfOpen()
    {
        const ScheduleException own = leave(QStringLiteral("dr-a"));
        const ScheduleException clinic = leave(QString());
        const auto at = [](int h, int m) {
            return QDateTime(QDate(2026, 8, 3), QTime(h, m), Qt::UTC);
        };
        QVERIFY(own.blocks(QStringLiteral("dr-a"), at(11, 45), at(12, 15)));
        QVERIFY(!own.blocks(QStringLiteral("dr-b"), at(11, 45), at(12, 15)));
        QVERIFY(clinic.blocks(QStringLiteral("dr-b"), at(11, 45), at(12, 15)));
        QVERIFY(!own.blocks(QStringLiteral("dr-a"), at(12, 0), at(12, 15)));
        QVERIFY(!own.blocks(QStringLiteral("dr-a"), at(7, 30), at(8, 0)));
        QVERIFY(own.blocks(QStringLiteral("dr-a"), at(7, 30), at(8, 1)));
    }
};

QTEST_GUILESS_MAIN(TestScheduleMapping)
#include "tst_schedulemapping.moc"
