#pragma once

#include "TestClock.h"
#include "TestDatabase.h"

#include "core/Clock.h"
#include "storage/AppointmentRepository.h"
#include "storage/LocationRepository.h"
#include "storage/PatientRepository.h"
#include "storage/PractitionerRepository.h"

#include <QTimeZone>

namespace frontdesk::test {

// A small clinic whose dashboard figures were worked out by hand (Europe/Berlin, today
// Wednesday 2026-03-11 12:00). Period: Mon 2026-03-02 .. Sun 2026-03-08; previous period:
// Mon 2026-02-23 .. Sun 2026-03-01. Every appointment lasts 20 minutes.
//
//   this period                                   previous period
//   Mon 03-02 09:00  Alpha  Anna    completed     Mon 02-23 09:00  Alpha  Anna   completed
//   Mon 03-02 10:00  Alpha  Ben     no-show       Tue 02-24 09:00  Beta   Ben    no-show
//   Tue 03-03 09:00  Alpha  Clara   cancelled     Wed 02-25 09:00  Alpha  Clara  completed
//   Tue 03-03 11:00  Alpha  Dora    completed     Thu 02-26 10:00  Alpha  Clara  completed
//   Wed 03-04 14:00  Beta   Dora    completed
//   Thu 03-05 09:00  Beta   Anna    no-show
//
// All: 6 appointments (before 4); no-show rate 2 of 5 = 40.0 % (before 1 of 4 = 25.0 %).
// Alpha: 4 appointments (before 3); no-show rate 1 of 3 = 33.3 % (before 0 of 3 = 0.0 %);
// Alpha works Mon-Fri 08:00-12:00 in room 1 = 5 x 240 = 1200 available minutes, 3 x 20 = 60
// booked: utilisation 5.0 %.
struct DashboardTestClinic
{
    static QDate today() { return {2026, 3, 11}; }
    static QDate from() { return {2026, 3, 2}; }
    static QDate to() { return {2026, 3, 8}; }
    static QByteArray zone() { return "Europe/Berlin"; }

    TestDatabase t;
    TestClock clock{QDateTime(today(), QTime(12, 0), QTimeZone(zone()))};
    QString alpha, beta, room1, room2;
    QString anna, ben, clara, dora;
    QStringList noShowsThisPeriod; // appointment ids, by start

    bool create()
    {
        if (!t.open())
            return false;
        t.db->setClock(clock);
        if (!t.db->setSetting(QStringLiteral("clinic_time_zone"), QString::fromLatin1(zone())))
            return false;
        alpha = practitioner(QStringLiteral("Alpha"), QStringLiteral("Ada"));
        beta = practitioner(QStringLiteral("Beta"), QStringLiteral("Bob"));
        room1 = location(QStringLiteral("Room 1"));
        room2 = location(QStringLiteral("Room 2"));
        anna = patient(QStringLiteral("MRN-A"), QStringLiteral("Anna"), QStringLiteral("Adler"));
        ben = patient(QStringLiteral("MRN-B"), QStringLiteral("Ben"), QStringLiteral("Berg"));
        clara = patient(QStringLiteral("MRN-C"), QStringLiteral("Clara"), QStringLiteral("Cruz"));
        dora = patient(QStringLiteral("MRN-D"), QStringLiteral("Dora"), QStringLiteral("Dietz"));
        for (int day = 1; day <= 5; ++day) {
            WorkingHours w;
            w.practitionerId = alpha;
            w.weekday = day;
            w.startMinute = 8 * 60;
            w.endMinute = 12 * 60;
            w.locationId = room1;
            if (!WorkingHoursRepository(*t.db).save(w))
                return false;
        }
        const auto s = AppointmentStatus::Completed;
        const auto n = AppointmentStatus::NoShow;
        const auto c = AppointmentStatus::Cancelled;
        const QDate d = from();
        const QDate p = from().addDays(-7);
        const QList<std::tuple<QDate, int, QString, QString, AppointmentStatus>> rows{
            {d, 9, alpha, anna, s},
            {d, 10, alpha, ben, n},
            {d.addDays(1), 9, alpha, clara, c},
            {d.addDays(1), 11, alpha, dora, s},
            {d.addDays(2), 14, beta, dora, s},
            {d.addDays(3), 9, beta, anna, n},
            {p, 9, alpha, anna, s},
            {p.addDays(1), 9, beta, ben, n},
            {p.addDays(2), 9, alpha, clara, s},
            {p.addDays(3), 10, alpha, clara, s},
        };
        for (const auto &[day, hour, who, whom, status] : rows) {
            const QString id = appointment(day, hour, who, whom, status);
            if (id.isEmpty())
                return false;
            if (status == n && day >= from())
                noShowsThisPeriod << id;
        }
        return !alpha.isEmpty() && !anna.isEmpty() && !room1.isEmpty();
    }

    QString practitioner(const QString &family, const QString &given)
    {
        Practitioner p;
        p.familyName = family;
        p.givenName = given;
        p.prefix = QStringLiteral("Dr.");
        p.slotMinutes = 20;
        return PractitionerRepository(*t.db).save(p) ? p.meta.id : QString();
    }
    QString location(const QString &name)
    {
        Location l;
        l.name = name;
        return LocationRepository(*t.db).save(l) ? l.meta.id : QString();
    }
    QString patient(const QString &mrn, const QString &given, const QString &family)
    {
        Patient p;
        p.mrn = mrn;
        p.givenName = given;
        p.familyName = family;
        p.birthDate = QDate(1980, 5, 17);
        p.preferredChannel = QStringLiteral("none");
        auto saved = PatientRepository(*t.db).save(p);
        if (!saved)
            qWarning("%s", qPrintable(saved.error()));
        return saved ? p.meta.id : QString();
    }
    QString appointment(QDate day, int hour, const QString &practitionerId,
                        const QString &patientId, AppointmentStatus status)
    {
        Appointment a;
        a.patientId = patientId;
        a.practitionerId = practitionerId;
        a.locationId = practitionerId == alpha ? room1 : room2;
        a.start = QDateTime(day, QTime(hour, 0), QTimeZone(zone())).toUTC();
        a.end = a.start.addSecs(20 * 60);
        a.status = status;
        auto saved = AppointmentRepository(*t.db).save(a);
        if (!saved)
            qWarning("%s", qPrintable(saved.error()));
        return saved ? a.meta.id : QString();
    }
};

} // namespace frontdesk::test
