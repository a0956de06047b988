#include "CtlCommand.h"

#include "scheduling/BookingService.h"
#include "scheduling/LocalTime.h"
#include "storage/AppointmentTypeRepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

namespace frontdesk {

namespace {

// The receptionist's schedule from the command line: book, find slots, list a day, change a
// status. Times without an offset are read in the clinic's time zone, never the machine's.
class ScheduleCommands
{
    Q_DECLARE_TR_FUNCTIONS(ScheduleCommands)
public:
    static QList<CtlCommand> all();

private:
    static int book(CtlContext &c, const QCommandLineParser &p, const QStringList &);
    static int freeSlots(CtlContext &c, const QCommandLineParser &p, const QStringList &);
    static int day(CtlContext &c, const QCommandLineParser &p, const QStringList &);
    static int status(CtlContext &c, const QCommandLineParser &p, const QStringList &);

    static QCommandLineOption option(const char *name, const QString &help,
                                     const char *value = nullptr)
    {
        return value
                   ? QCommandLineOption(QString::fromLatin1(name), help, QString::fromLatin1(value))
                   : QCommandLineOption(QString::fromLatin1(name), help);
    }
    // An ISO 8601 date-time; without an offset it is a wall time in the clinic's zone.
    static Result<QDateTime> parseTime(const QString &text, const QTimeZone &zone);
    static QString isoInZone(const QDateTime &utc, const QTimeZone &zone);
};

Result<QDateTime> ScheduleCommands::parseTime(const QString &text, const QTimeZone &zone)
{
    const QDateTime parsed = QDateTime::fromString(text, Qt::ISODate);
    if (!parsed.isValid())
        return fail(tr("\"%1\" is not an ISO 8601 date and time (e.g. 2026-05-04T09:00 or "
                       "2026-05-04T07:00:00Z).")
                        .arg(text));
    if (parsed.timeSpec() != Qt::LocalTime)
        return parsed.toUTC();
    const QTime t = parsed.time();
    const auto utc = LocalTime::exactUtc(parsed.date(), t.hour() * 60 + t.minute(), zone);
    if (!utc)
        return fail(tr("%1 does not exist in %2 (the clocks skip it for daylight saving time).")
                        .arg(text, QString::fromUtf8(zone.id())));
    return *utc;
}

QString ScheduleCommands::isoInZone(const QDateTime &utc, const QTimeZone &zone)
{
    return utc.toTimeZone(zone).toString(Qt::ISODate);
}

int ScheduleCommands::book(CtlContext &c, const QCommandLineParser &p, const QStringList &)
{
    for (const char *required : {"patient", "practitioner", "start"}) {
        if (!p.isSet(QString::fromLatin1(required)))
            return c.usage(tr("book needs --patient ID, --practitioner ID, --start ISO8601 and "
                              "--minutes N."));
    }
    auto opened = c.openDatabase();
    if (!opened)
        return c.failure(opened.error());
    Database &db = *opened->database;
    BookingService service(db);
    const QTimeZone zone = service.clinicTime().zone();
    auto start = parseTime(p.value(QStringLiteral("start")), zone);
    if (!start)
        return c.usage(start.error());

    Appointment a;
    a.patientId = p.value(QStringLiteral("patient"));
    a.practitionerId = p.value(QStringLiteral("practitioner"));
    a.locationId = p.value(QStringLiteral("room"));
    a.reason = p.value(QStringLiteral("reason"));
    if (p.isSet(QStringLiteral("type")))
        a.type = p.value(QStringLiteral("type"));
    int minutes = 0;
    if (p.isSet(QStringLiteral("minutes"))) {
        bool ok = false;
        minutes = p.value(QStringLiteral("minutes")).toInt(&ok);
        if (!ok || minutes < 1 || minutes > 24 * 60)
            return c.usage(tr("--minutes must be a whole number from 1 to 1440."));
    } else {
        // Without --minutes the type's default length is used.
        auto type = AppointmentTypeRepository(db).byCode(a.type);
        if (!type)
            return c.failure(type.error());
        if (!p.isSet(QStringLiteral("type")) || !type->has_value())
            return c.usage(tr("book needs --minutes N (or --type with a known type)."));
        minutes = (*type)->defaultMinutes;
    }
    if (p.isSet(QStringLiteral("type"))) {
        auto type = AppointmentTypeRepository(db).byCode(a.type);
        if (!type)
            return c.failure(type.error());
        if (!type->has_value())
            return c.usage(tr("unknown appointment type \"%1\".").arg(a.type));
    }
    a.start = *start;
    a.end = start->addSecs(qint64(minutes) * 60);
    BookingService::Options options;
    options.allowDoubleBooking = p.isSet(QStringLiteral("double-book"));
    auto booked = service.book(a, options);
    if (!booked)
        return service.refused() ? c.refused(booked.error()) : c.failure(booked.error());
    c.out() << booked->meta.id << '\n';
    return CtlContext::Ok;
}

int ScheduleCommands::freeSlots(CtlContext &c, const QCommandLineParser &p, const QStringList &)
{
    for (const char *required : {"practitioner", "from", "minutes", "count"}) {
        if (!p.isSet(QString::fromLatin1(required)))
            return c.usage(tr("slots needs --practitioner ID|any, --from ISO8601, --minutes N "
                              "and --count K."));
    }
    bool ok = false;
    SlotQuery q;
    q.minutes = p.value(QStringLiteral("minutes")).toInt(&ok);
    if (!ok || q.minutes < 1 || q.minutes > 24 * 60)
        return c.usage(tr("--minutes must be a whole number from 1 to 1440."));
    q.count = p.value(QStringLiteral("count")).toInt(&ok);
    if (!ok || q.count < 1 || q.count > 1000)
        return c.usage(tr("--count must be a whole number from 1 to 1000."));
    if (p.isSet(QStringLiteral("weekdays"))) {
        for (const QString &d :
             p.value(QStringLiteral("weekdays")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const int day = d.trimmed().toInt(&ok);
            if (!ok || day < 1 || day > 7)
                return c.usage(tr("--weekdays takes numbers from 1 (Monday) to 7 (Sunday), "
                                  "e.g. 1,3,5."));
            q.weekdays.insert(day);
        }
    }
    if (p.isSet(QStringLiteral("between"))) {
        static const QRegularExpression window(
            QStringLiteral("^(\\d{1,2}):(\\d{2})-(\\d{1,2}):(\\d{2})$"));
        for (const QString &w :
             p.value(QStringLiteral("between")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const auto m = window.match(w.trimmed());
            const int from = m.hasMatch() ? m.captured(1).toInt() * 60 + m.captured(2).toInt() : -1;
            const int to = m.hasMatch() ? m.captured(3).toInt() * 60 + m.captured(4).toInt() : -1;
            if (from < 0 || to > 24 * 60 || to <= from)
                return c.usage(tr("--between takes time windows like 08:00-12:00,14:00-16:00."));
            q.windows.append({from, to});
        }
    }
    auto opened = c.openDatabase();
    if (!opened)
        return c.failure(opened.error());
    Database &db = *opened->database;
    BookingService service(db);
    const QTimeZone zone = service.clinicTime().zone();
    auto from = parseTime(p.value(QStringLiteral("from")), zone);
    if (!from)
        return c.usage(from.error());
    q.fromUtc = *from;
    const QString who = p.value(QStringLiteral("practitioner"));
    const QStringList ids = who == QLatin1String("any") ? QStringList() : QStringList{who};
    auto found = service.findSlots(ids, q, 120, p.value(QStringLiteral("patient")));
    if (!found)
        return c.failure(found.error());
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const FreeSlot &s : *found)
            array.append(QJsonObject{{QStringLiteral("practitioner"), s.practitionerId},
                                     {QStringLiteral("start"), isoInZone(s.startUtc, zone)},
                                     {QStringLiteral("end"), isoInZone(s.endUtc, zone)}});
        c.out() << QJsonDocument(array).toJson(QJsonDocument::Compact) << '\n';
        return CtlContext::Ok;
    }
    if (found->isEmpty())
        c.out() << tr("No free slot in the next 120 days.") << '\n';
    const QLocale locale;
    for (const FreeSlot &s : *found) {
        const QDateTime local = s.startUtc.toTimeZone(zone);
        c.out() << locale.toString(local.date(), QLocale::ShortFormat) << ' '
                << locale.toString(local.time(), QLocale::ShortFormat) << "  " << s.practitionerId
                << '\n';
    }
    return CtlContext::Ok;
}

int ScheduleCommands::day(CtlContext &c, const QCommandLineParser &p, const QStringList &)
{
    if (!p.isSet(QStringLiteral("date")))
        return c.usage(tr("day needs --date YYYY-MM-DD."));
    const QDate date = QDate::fromString(p.value(QStringLiteral("date")), Qt::ISODate);
    if (!date.isValid())
        return c.usage(tr("--date must be a date as YYYY-MM-DD."));
    auto opened = c.openDatabase();
    if (!opened)
        return c.failure(opened.error());
    Database &db = *opened->database;
    const ClinicTime clinic = BookingService(db).clinicTime();
    auto rows = AppointmentRepository(db).rowsBetween(clinic.startOfDayUtc(date),
                                                      clinic.startOfDayUtc(date.addDays(1)));
    if (!rows)
        return c.failure(rows.error());
    const QString only = p.value(QStringLiteral("practitioner"));
    QJsonArray array;
    const QLocale locale;
    for (const AppointmentRow &r : *rows) {
        const Appointment &a = r.appointment;
        if (!only.isEmpty() && a.practitionerId != only)
            continue;
        if (p.isSet(QStringLiteral("json"))) {
            array.append(QJsonObject{{QStringLiteral("id"), a.meta.id},
                                     {QStringLiteral("patient"), r.patientName},
                                     {QStringLiteral("patientId"), a.patientId},
                                     {QStringLiteral("practitioner"), r.practitionerName},
                                     {QStringLiteral("practitionerId"), a.practitionerId},
                                     {QStringLiteral("room"), r.locationName},
                                     {QStringLiteral("roomId"), a.locationId},
                                     {QStringLiteral("start"), isoInZone(a.start, clinic.zone())},
                                     {QStringLiteral("end"), isoInZone(a.end, clinic.zone())},
                                     {QStringLiteral("type"), a.type},
                                     {QStringLiteral("status"), appointmentStatusName(a.status)},
                                     {QStringLiteral("reason"), a.reason},
                                     {QStringLiteral("version"), a.meta.version},
                                     {QStringLiteral("syncState"), a.meta.syncState}});
            continue;
        }
        c.out() << locale.toString(clinic.toLocal(a.start).time(), QLocale::ShortFormat) << "-"
                << locale.toString(clinic.toLocal(a.end).time(), QLocale::ShortFormat) << "  "
                << r.practitionerName.leftJustified(24) << ' ' << r.patientName.leftJustified(28)
                << ' ' << a.type.leftJustified(14) << ' '
                << appointmentStatusName(a.status).leftJustified(11) << ' ' << a.meta.id << '\n';
    }
    if (p.isSet(QStringLiteral("json")))
        c.out() << QJsonDocument(array).toJson(QJsonDocument::Compact) << '\n';
    return CtlContext::Ok;
}

int ScheduleCommands::status(CtlContext &c, const QCommandLineParser &p, const QStringList &)
{
    const bool revert = p.isSet(QStringLiteral("revert"));
    if (!p.isSet(QStringLiteral("appointment")) || (revert == p.isSet(QStringLiteral("to"))))
        return c.usage(tr("status needs --appointment ID and either --to STATUS or --revert."));
    StatusTransitions::Request request;
    request.reason = p.value(QStringLiteral("reason"));
    if (!revert) {
        const auto to = appointmentStatusFromName(p.value(QStringLiteral("to")));
        if (!to)
            return c.usage(tr("unknown status \"%1\"; one of booked, confirmed, arrived, "
                              "in-room, completed, cancelled, no-show.")
                               .arg(p.value(QStringLiteral("to"))));
        request.to = *to;
        const auto by = cancelledByFromName(p.value(QStringLiteral("by")));
        if (!by)
            return c.usage(tr("--by is patient or clinic."));
        request.cancelledBy = *by;
        // Cancelling from the admin's tool without saying who: the clinic did it.
        if (request.to == AppointmentStatus::Cancelled &&
            request.cancelledBy == CancelledBy::Nobody)
            request.cancelledBy = CancelledBy::Clinic;
    }
    auto opened = c.openDatabase();
    if (!opened)
        return c.failure(opened.error());
    BookingService service(*opened->database);
    const QString id = p.value(QStringLiteral("appointment"));
    auto changed =
        revert ? service.revertStatus(id, request.reason) : service.changeStatus(id, request);
    if (!changed)
        return service.refused() ? c.refused(changed.error()) : c.failure(changed.error());
    c.out() << appointmentStatusName(changed->status) << '\n';
    return CtlContext::Ok;
}

QList<CtlCommand> ScheduleCommands::all()
{
    const QCommandLineOption json = option("json", tr("Print JSON."));
    return {
        {QStringLiteral("book"),
         {},
         tr("Books an appointment; prints its id (exit 3 on a conflict, naming it)"),
         {option("patient", tr("The patient's id."), "ID"),
          option("practitioner", tr("The practitioner's id."), "ID"),
          option("start", tr("Start, ISO 8601; without an offset in the clinic's time zone."),
                 "ISO8601"),
          option("minutes", tr("Length in minutes (default: the type's)."), "N"),
          option("type", tr("Appointment type code, e.g. consultation."), "T"),
          option("room", tr("The room's id."), "ID"),
          option("reason", tr("Reason for the visit."), "TEXT"),
          option("double-book", tr("Book over a conflict (managers; audited)."))},
         &ScheduleCommands::book},
        {QStringLiteral("slots"),
         {},
         tr("Lists the next free slots"),
         {option("practitioner", tr("A practitioner's id, or any."), "ID|any"),
          option("from", tr("Earliest start, ISO 8601."), "ISO8601"),
          option("minutes", tr("Length wanted."), "N"), option("count", tr("How many slots."), "K"),
          option("weekdays", tr("Preferred weekdays, 1 = Monday, e.g. 1,3."), "LIST"),
          option("between", tr("Preferred times of day, e.g. 08:00-12:00."), "WINDOWS"),
          option("patient", tr("Leave out times the patient is booked elsewhere."), "ID"), json},
         &ScheduleCommands::freeSlots},
        {QStringLiteral("day"),
         {},
         tr("Lists one day's appointments"),
         {option("date", tr("The day, in the clinic's time zone."), "YYYY-MM-DD"),
          option("practitioner", tr("Only this practitioner's."), "ID"), json},
         &ScheduleCommands::day},
        {QStringLiteral("status"),
         {},
         tr("Changes an appointment's status (exit 3 when not allowed)"),
         {option("appointment", tr("The appointment's id."), "ID"),
          option("to", tr("booked, confirmed, arrived, in-room, completed, cancelled, no-show."),
                 "STATUS"),
          option("reason", tr("Why (needed to cancel)."), "TEXT"),
          option("by", tr("Who cancelled: patient or clinic (default clinic)."), "WHO"),
          option("revert", tr("Take back the latest status change."))},
         &ScheduleCommands::status},
    };
}

} // namespace

QList<CtlCommand> scheduleCommands()
{
    return ScheduleCommands::all();
}

} // namespace frontdesk
