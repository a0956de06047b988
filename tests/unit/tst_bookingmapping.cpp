#include "fhir/BookingMapping.h"
#include "fhir/ScheduleMapping.h"

#include <QJsonArray>
#include <QTest>

using namespace frontdesk;

// Every booking record survives FHIR and back, and a resource that is not what it claims is
// refused with a message naming the element.
class TestBookingMapping : public QObject
{
    Q_OBJECT

private:
    static AppointmentSeries series()
    {
        AppointmentSeries s;
        s.meta.id = QStringLiteral("series-1");
        s.frequency = QStringLiteral("monthly");
        s.interval = 2;
        s.firstLocalDate = QDate(2026, 1, 31);
        s.localStartMinute = 9 * 60 + 30;
        s.minutes = 45;
        s.until = QDate(2026, 12, 31);
        s.timeZone = QStringLiteral("Europe/Berlin");
        return s;
    }
    static StatusChange change()
    {
        StatusChange c;
        c.meta.id = QStringLiteral("change-2");
        c.appointmentId = QStringLiteral("appt-1");
        c.patientId = QStringLiteral("pat-1");
        c.from = AppointmentStatus::Confirmed;
        c.to = AppointmentStatus::Cancelled;
        c.changedAtMs =
            QDateTime(QDate(2026, 7, 6), QTime(8, 15, 2, 345), Qt::UTC).toMSecsSinceEpoch();
        c.changedBy = QStringLiteral("rita");
        c.reason = QStringLiteral("Patient is ill");
        c.cancelledBy = CancelledBy::Patient;
        c.revertsId = QStringLiteral("change-1");
        return c;
    }
    static WaitlistEntry waiting()
    {
        WaitlistEntry e;
        e.meta.id = QStringLiteral("wait-1");
        e.patientId = QStringLiteral("pat-1");
        e.practitionerId = QStringLiteral("dr-a");
        e.type = QStringLiteral("check-up");
        e.minutes = 30;
        e.weekdays = {1, 3, 5};
        e.earliestMinute = 8 * 60;
        e.latestMinute = 24 * 60;
        e.notAfter = QDateTime(QDate(2026, 8, 1), QTime(9, 0), Qt::UTC);
        e.note = QStringLiteral("Mornings only");
        return e;
    }
    // The value, or a recorded failure naming what the mapping refused (and an empty value,
    // which the comparisons after it then fail on too).
    template <typename T> static T ok(Result<T> r)
    {
        [&] { QVERIFY2(r, qPrintable(r.error())); }();
        return r ? *r : T{};
    }

private slots:
    void seriesIsAServiceRequestWithItsTiming_data()
    {
        QTest::addColumn<bool>("byCount");
        QTest::newRow("until a date") << false;
        QTest::newRow("a number of times") << true;
    }
    void seriesIsAServiceRequestWithItsTiming()
    {
        QFETCH(bool, byCount);
        AppointmentSeries s = series();
        if (byCount) {
            s.frequency = QStringLiteral("weekly");
            s.until = QDate();
            s.occurrences = 10;
        }
        const QJsonObject o = BookingMapping::toFhir(s, QStringLiteral("pat-1"));
        QCOMPARE(o.value(QStringLiteral("resourceType")).toString(),
                 QStringLiteral("ServiceRequest"));
        QVERIFY(BookingMapping::isAppointmentSeries(o));
        QCOMPARE(o.value(QStringLiteral("subject"))
                     .toObject()
                     .value(QStringLiteral("reference"))
                     .toString(),
                 QStringLiteral("Patient/pat-1"));
        const QJsonObject repeat = o.value(QStringLiteral("occurrenceTiming"))
                                       .toObject()
                                       .value(QStringLiteral("repeat"))
                                       .toObject();
        QCOMPARE(repeat.value(QStringLiteral("timeOfDay")).toArray().first().toString(),
                 QStringLiteral("09:30:00"));
        QCOMPARE(repeat.value(QStringLiteral("periodUnit")).toString(),
                 byCount ? QStringLiteral("wk") : QStringLiteral("mo"));
        const AppointmentSeries back = ok(BookingMapping::seriesFromFhir(o));
        QCOMPARE(back.meta.id, s.meta.id);
        QCOMPARE(back.frequency, s.frequency);
        QCOMPARE(back.interval, s.interval);
        QCOMPARE(back.firstLocalDate, s.firstLocalDate);
        QCOMPARE(back.localStartMinute, s.localStartMinute);
        QCOMPARE(back.minutes, s.minutes);
        QCOMPARE(back.until, s.until);
        QCOMPARE(back.occurrences, s.occurrences);
        QCOMPARE(back.timeZone, s.timeZone);
    }

    void anAppointmentNamesItsSeriesInBasedOn()
    {
        Appointment a;
        a.meta.id = QStringLiteral("appt-1");
        a.patientId = QStringLiteral("pat-1");
        a.practitionerId = QStringLiteral("dr-a");
        a.start = QDateTime(QDate(2026, 7, 6), QTime(9, 0), Qt::UTC);
        a.end = a.start.addSecs(900);
        const QJsonObject plain = ScheduleMapping::toFhir(a, false);
        QCOMPARE(ok(BookingMapping::seriesIdOf(plain)), QString());
        const QJsonObject linked = BookingMapping::withSeries(plain, QStringLiteral("series-1"));
        QCOMPARE(ok(BookingMapping::seriesIdOf(linked)), QStringLiteral("series-1"));
        QVERIFY(ScheduleMapping::appointmentFromFhir(linked));
        QJsonObject wrong = linked;
        wrong.insert(
            QStringLiteral("basedOn"),
            QJsonArray{QJsonObject{{QStringLiteral("reference"), QStringLiteral("CarePlan/x")}}});
        const auto refused = BookingMapping::seriesIdOf(wrong);
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(QStringLiteral("basedOn[0]")),
                 qPrintable(refused.error()));
    }

    void statusChangeIsAProvenanceOfTheAppointment()
    {
        const StatusChange c = change();
        const QJsonObject o = BookingMapping::toFhir(c);
        QCOMPARE(o.value(QStringLiteral("resourceType")).toString(), QStringLiteral("Provenance"));
        QCOMPARE(o.value(QStringLiteral("target"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("reference"))
                     .toString(),
                 QStringLiteral("Appointment/appt-1"));
        QCOMPARE(o.value(QStringLiteral("recorded")).toString(),
                 QStringLiteral("2026-07-06T08:15:02.345Z"));
        const StatusChange back = ok(BookingMapping::statusChangeFromFhir(o));
        QCOMPARE(back.meta.id, c.meta.id);
        QCOMPARE(back.appointmentId, c.appointmentId);
        QCOMPARE(back.patientId, c.patientId);
        QCOMPARE(back.from, c.from);
        QCOMPARE(back.to, c.to);
        QCOMPARE(back.changedAtMs, c.changedAtMs);
        QCOMPARE(back.changedBy, c.changedBy);
        QCOMPARE(back.reason, c.reason);
        QCOMPARE(back.cancelledBy, c.cancelledBy);
        QCOMPARE(back.revertsId, c.revertsId);

        StatusChange booking = c;
        booking.from.reset();
        booking.cancelledBy = CancelledBy::Nobody;
        booking.revertsId.clear();
        booking.changedBy.clear();
        booking.reason.clear();
        const StatusChange first =
            ok(BookingMapping::statusChangeFromFhir(BookingMapping::toFhir(booking)));
        QVERIFY(!first.from);
        QVERIFY(!first.isRevert());
        QCOMPARE(first.changedBy, QString());
    }

    void workingHoursAreAPractitionerRole_data()
    {
        QTest::addColumn<int>("end");
        QTest::addColumn<QString>("location");
        QTest::newRow("afternoon in a room") << 17 * 60 + 30 << QStringLiteral("room-1");
        QTest::newRow("until midnight, no room") << 24 * 60 << QString();
    }
    void workingHoursAreAPractitionerRole()
    {
        QFETCH(int, end);
        QFETCH(QString, location);
        WorkingHours w;
        w.meta.id = QStringLiteral("wh-1");
        w.practitionerId = QStringLiteral("dr-a");
        w.weekday = 7;
        w.startMinute = 13 * 60;
        w.endMinute = end;
        w.locationId = location;
        const QJsonObject o = BookingMapping::toFhir(w);
        QCOMPARE(o.value(QStringLiteral("resourceType")).toString(),
                 QStringLiteral("PractitionerRole"));
        const QJsonObject time =
            o.value(QStringLiteral("availableTime")).toArray().first().toObject();
        QCOMPARE(time.value(QStringLiteral("daysOfWeek")).toArray().first().toString(),
                 QStringLiteral("sun"));
        const WorkingHours back = ok(BookingMapping::workingHoursFromFhir(o));
        QCOMPARE(back.meta.id, w.meta.id);
        QCOMPARE(back.practitionerId, w.practitionerId);
        QCOMPARE(back.weekday, w.weekday);
        QCOMPARE(back.startMinute, w.startMinute);
        QCOMPARE(back.endMinute, w.endMinute);
        QCOMPARE(back.locationId, w.locationId);
    }

    void appointmentTypeIsAHealthcareService()
    {
        AppointmentType t;
        t.meta.id = QStringLiteral("00000000-0000-4000-8000-000000000003");
        t.code = QStringLiteral("check-up");
        t.name = QStringLiteral("Check-up");
        t.defaultMinutes = 30;
        t.color = QStringLiteral("#f28e2b");
        t.active = false;
        const QJsonObject o = BookingMapping::toFhir(t);
        QCOMPARE(o.value(QStringLiteral("resourceType")).toString(),
                 QStringLiteral("HealthcareService"));
        const AppointmentType back = ok(BookingMapping::appointmentTypeFromFhir(o));
        QCOMPARE(back.meta.id, t.meta.id);
        QCOMPARE(back.code, t.code);
        QCOMPARE(back.name, t.name);
        QCOMPARE(back.defaultMinutes, t.defaultMinutes);
        QCOMPARE(back.color, t.color);
        QCOMPARE(back.active, t.active);
    }

    void waitlistEntryIsAnAppointmentWithStatusWaitlist_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("fhirStatus");
        QTest::newRow("waiting") << QStringLiteral("waiting") << QStringLiteral("waitlist");
        QTest::newRow("booked") << QStringLiteral("booked") << QStringLiteral("fulfilled");
        QTest::newRow("removed") << QStringLiteral("removed") << QStringLiteral("cancelled");
    }
    void waitlistEntryIsAnAppointmentWithStatusWaitlist()
    {
        QFETCH(QString, status);
        QFETCH(QString, fhirStatus);
        WaitlistEntry e = waiting();
        e.status = status;
        const QJsonObject o = BookingMapping::toFhir(e);
        QCOMPARE(o.value(QStringLiteral("resourceType")).toString(), QStringLiteral("Appointment"));
        QCOMPARE(o.value(QStringLiteral("status")).toString(), fhirStatus);
        QVERIFY(BookingMapping::isWaitlistEntry(o));
        QVERIFY2(!ScheduleMapping::appointmentFromFhir(o), "a waitlist entry is no booked visit");
        const WaitlistEntry back = ok(BookingMapping::waitlistEntryFromFhir(o));
        QCOMPARE(back.meta.id, e.meta.id);
        QCOMPARE(back.patientId, e.patientId);
        QCOMPARE(back.practitionerId, e.practitionerId);
        QCOMPARE(back.type, e.type);
        QCOMPARE(back.minutes, e.minutes);
        QCOMPARE(back.weekdays, e.weekdays);
        QCOMPARE(back.earliestMinute, e.earliestMinute);
        QCOMPARE(back.latestMinute, e.latestMinute);
        QCOMPARE(back.notAfter, e.notAfter);
        QCOMPARE(back.note, e.note);
        QCOMPARE(back.status, e.status);

        WaitlistEntry anyone = waiting();
        anyone.practitionerId.clear();
        anyone.weekdays.clear();
        anyone.notAfter = QDateTime();
        const WaitlistEntry open =
            ok(BookingMapping::waitlistEntryFromFhir(BookingMapping::toFhir(anyone)));
        QCOMPARE(open.practitionerId, QString());
        QVERIFY(open.weekdays.isEmpty());
        QVERIFY(!open.notAfter.isValid());
    }

    void badResourcesAreRefusedNamingTheElement_data()
    {
        QTest::addColumn<QJsonObject>("resource");
        QTest::addColumn<QString>("named");
        QJsonObject s = BookingMapping::toFhir(series(), QStringLiteral("pat-1"));
        QJsonObject timing = s.value(QStringLiteral("occurrenceTiming")).toObject();
        QJsonObject repeat = timing.value(QStringLiteral("repeat")).toObject();
        repeat.insert(QStringLiteral("periodUnit"), QStringLiteral("d"));
        timing.insert(QStringLiteral("repeat"), repeat);
        s.insert(QStringLiteral("occurrenceTiming"), timing);
        QTest::newRow("daily series") << s << QStringLiteral("periodUnit");
        QJsonObject noZone = BookingMapping::toFhir(series(), QStringLiteral("pat-1"));
        noZone.remove(QStringLiteral("extension"));
        QTest::newRow("series without a zone") << noZone << BookingMapping::timeZoneUrl();
        QJsonObject other = noZone;
        other.remove(QStringLiteral("category"));
        QTest::newRow("other request") << other << QStringLiteral("category");

        QJsonObject p = BookingMapping::toFhir(change());
        p.insert(QStringLiteral("target"), QJsonArray{QJsonObject{{QStringLiteral("reference"),
                                                                   QStringLiteral("Patient/x")}}});
        QTest::newRow("provenance of a patient") << p << QStringLiteral("target[0]");
        QJsonObject badRecorded = BookingMapping::toFhir(change());
        badRecorded.insert(QStringLiteral("recorded"), QStringLiteral("2026-07-06T08:15"));
        QTest::newRow("recorded without seconds") << badRecorded << QStringLiteral("recorded");

        WorkingHours w;
        w.practitionerId = QStringLiteral("dr-a");
        w.startMinute = 9 * 60;
        w.endMinute = 12 * 60;
        QJsonObject role = BookingMapping::toFhir(w);
        QJsonObject time = role.value(QStringLiteral("availableTime")).toArray().first().toObject();
        time.insert(QStringLiteral("availableStartTime"), QStringLiteral("9am"));
        role.insert(QStringLiteral("availableTime"), QJsonArray{time});
        QTest::newRow("start is no time") << role << QStringLiteral("availableStartTime");

        AppointmentType t;
        t.code = QStringLiteral("x");
        t.name = QStringLiteral("X");
        QJsonObject service = BookingMapping::toFhir(t);
        service.remove(QStringLiteral("type"));
        QTest::newRow("service without a code")
            << service << BookingMapping::appointmentTypeSystem();

        QJsonObject wait = BookingMapping::toFhir(waiting());
        wait.insert(QStringLiteral("minutesDuration"), 2);
        QTest::newRow("two-minute wish") << wait << QStringLiteral("minutesDuration");
        QJsonObject visit = wait;
        visit.insert(QStringLiteral("status"), QStringLiteral("booked"));
        visit.remove(QStringLiteral("extension"));
        QTest::newRow("a booked visit") << visit << QStringLiteral("waitlist");
    }
    void badResourcesAreRefusedNamingTheElement()
    {
        QFETCH(QJsonObject, resource);
        QFETCH(QString, named);
        const QString type = resource.value(QStringLiteral("resourceType")).toString();
        QString error;
        if (type == QLatin1String("ServiceRequest"))
            error = BookingMapping::seriesFromFhir(resource).error();
        else if (type == QLatin1String("Provenance"))
            error = BookingMapping::statusChangeFromFhir(resource).error();
        else if (type == QLatin1String("PractitionerRole"))
            error = BookingMapping::workingHoursFromFhir(resource).error();
        else if (type == QLatin1String("HealthcareService"))
            error = BookingMapping::appointmentTypeFromFhir(resource).error();
        else
            error = BookingMapping::waitlistEntryFromFhir(resource).error();
        QVERIFY2(!error.isEmpty(), "refused");
        QVERIFY2(error.contains(named), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestBookingMapping)
#include "tst_bookingmapping.moc"
