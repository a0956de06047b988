#include "ScheduleMapping.h"

#include "FhirJson.h"

#include <QJsonArray>

namespace frontdesk {

namespace {

// start and end, both instants, end after start.
Status readPeriod(const QJsonObject &o, QDateTime *start, QDateTime *end)
{
    auto from = FhirJson::readInstant(o, QStringLiteral("start"));
    if (!from)
        return fail(from.error());
    auto until = FhirJson::readInstant(o, QStringLiteral("end"));
    if (!until)
        return fail(until.error());
    if (*until <= *from)
        return fail(ScheduleMapping::tr("end must be after start."));
    *start = *from;
    *end = *until;
    return {};
}

bool checkResourceType(const QJsonObject &o, const QString &type, QString *error)
{
    if (auto s = FhirJson::expectType(o, type); !s) {
        *error = s.error();
        return false;
    }
    return true;
}

} // namespace

QString ScheduleMapping::fhirStatus(AppointmentStatus status)
{
    switch (status) {
    case AppointmentStatus::Booked:
    case AppointmentStatus::Confirmed:
        return QStringLiteral("booked");
    case AppointmentStatus::Arrived:
        return QStringLiteral("arrived");
    case AppointmentStatus::InRoom:
        return QStringLiteral("checked-in");
    case AppointmentStatus::Completed:
        return QStringLiteral("fulfilled");
    case AppointmentStatus::Cancelled:
        return QStringLiteral("cancelled");
    case AppointmentStatus::NoShow:
        return QStringLiteral("noshow");
    }
    return QStringLiteral("booked");
}

Result<Appointment> ScheduleMapping::appointmentFromFhir(const QJsonObject &o)
{
    QString error;
    if (!checkResourceType(o, QStringLiteral("Appointment"), &error))
        return fail(error);
    Appointment a;
    a.meta.id = o.value(QStringLiteral("id")).toString();
    const QString own =
        FhirJson::extensionValue(o, statusUrl(), QStringLiteral("valueCode")).toString();
    if (!own.isEmpty()) {
        const auto status = appointmentStatusFromName(own);
        if (!status)
            return fail(tr("The extension %1 names no status Frontdesk knows: \"%2\".")
                            .arg(statusUrl(), own));
        a.status = *status;
    } else {
        static const QList<std::pair<const char *, AppointmentStatus>> fromFhir{
            {"proposed", AppointmentStatus::Booked},
            {"pending", AppointmentStatus::Booked},
            {"booked", AppointmentStatus::Booked},
            {"arrived", AppointmentStatus::Arrived},
            {"checked-in", AppointmentStatus::InRoom},
            {"fulfilled", AppointmentStatus::Completed},
            {"cancelled", AppointmentStatus::Cancelled},
            {"noshow", AppointmentStatus::NoShow}};
        const QString status = o.value(QStringLiteral("status")).toString();
        bool found = false;
        for (const auto &[code, s] : fromFhir) {
            if (status == QLatin1String(code)) {
                a.status = s;
                found = true;
            }
        }
        if (!found)
            return fail(tr("status must be one of proposed, pending, booked, arrived, checked-in, "
                           "fulfilled, cancelled, noshow; got \"%1\".")
                            .arg(status));
    }
    if (auto s = readPeriod(o, &a.start, &a.end); !s)
        return fail(s.error());
    for (const QJsonValue &p : o.value(QStringLiteral("participant")).toArray()) {
        const QString ref = p.toObject()
                                .value(QStringLiteral("actor"))
                                .toObject()
                                .value(QStringLiteral("reference"))
                                .toString();
        const qsizetype slash = ref.indexOf(QLatin1Char('/'));
        const QString type = ref.left(slash);
        const QString id = slash < 0 ? QString() : ref.mid(slash + 1);
        if (id.isEmpty() || id.contains(QLatin1Char('/')))
            return fail(tr("participant.actor.reference must read TYPE/ID; got \"%1\".").arg(ref));
        if (type == QLatin1String("Patient"))
            a.patientId = id;
        else if (type == QLatin1String("Practitioner"))
            a.practitionerId = id;
        else if (type == QLatin1String("Location"))
            a.locationId = id;
        else
            return fail(tr("A participant must be a Patient, Practitioner or Location; got \"%1\".")
                            .arg(ref));
    }
    if (a.patientId.isEmpty() || a.practitionerId.isEmpty())
        return fail(tr("An appointment needs a Patient and a Practitioner participant."));
    const QString type = o.value(QStringLiteral("appointmentType"))
                             .toObject()
                             .value(QStringLiteral("text"))
                             .toString();
    if (!type.isEmpty())
        a.type = type;
    const QJsonArray reasons = o.value(QStringLiteral("reasonCode")).toArray();
    if (!reasons.isEmpty())
        a.reason = reasons.first().toObject().value(QStringLiteral("text")).toString();
    a.notes = o.value(QStringLiteral("comment")).toString();
    return a;
}

bool ScheduleMapping::isDoubleBooked(const QJsonObject &appointment)
{
    return FhirJson::extensionValue(appointment, doubleBookUrl(), QStringLiteral("valueBoolean"))
        .toBool();
}

QJsonObject ScheduleMapping::toFhir(const Appointment &a, bool doubleBooked)
{
    QJsonArray extensions{FhirJson::extension(statusUrl(), QStringLiteral("valueCode"),
                                              appointmentStatusName(a.status))};
    if (doubleBooked)
        extensions.append(
            FhirJson::extension(doubleBookUrl(), QStringLiteral("valueBoolean"), true));
    QJsonArray participants;
    const auto participant = [&](const QString &type, const QString &id) {
        if (!id.isEmpty())
            participants.append(QJsonObject{
                {QStringLiteral("actor"),
                 QJsonObject{{QStringLiteral("reference"), type + QLatin1Char('/') + id}}},
                {QStringLiteral("status"), QStringLiteral("accepted")}});
    };
    participant(QStringLiteral("Patient"), a.patientId);
    participant(QStringLiteral("Practitioner"), a.practitionerId);
    participant(QStringLiteral("Location"), a.locationId);
    QJsonObject o{{QStringLiteral("resourceType"), QStringLiteral("Appointment")},
                  {QStringLiteral("id"), a.meta.id},
                  {QStringLiteral("extension"), extensions},
                  {QStringLiteral("status"), fhirStatus(a.status)},
                  {QStringLiteral("start"), FhirJson::instant(a.start)},
                  {QStringLiteral("end"), FhirJson::instant(a.end)},
                  {QStringLiteral("minutesDuration"), qMax(1, a.minutes())},
                  {QStringLiteral("participant"), participants}};
    if (!a.type.isEmpty())
        o.insert(QStringLiteral("appointmentType"), QJsonObject{{QStringLiteral("text"), a.type}});
    if (!a.reason.isEmpty())
        o.insert(QStringLiteral("reasonCode"),
                 QJsonArray{QJsonObject{{QStringLiteral("text"), a.reason}}});
    if (!a.notes.isEmpty())
        o.insert(QStringLiteral("comment"), a.notes);
    return o;
}

Result<Practitioner> ScheduleMapping::practitionerFromFhir(const QJsonObject &o)
{
    QString error;
    if (!checkResourceType(o, QStringLiteral("Practitioner"), &error))
        return fail(error);
    Practitioner p;
    p.meta.id = o.value(QStringLiteral("id")).toString();
    const QJsonObject n = o.value(QStringLiteral("name")).toArray().first().toObject();
    p.familyName = n.value(QStringLiteral("family")).toString();
    QStringList given;
    for (const QJsonValue &g : n.value(QStringLiteral("given")).toArray())
        given << g.toString();
    p.givenName = given.join(QLatin1Char(' '));
    p.prefix = n.value(QStringLiteral("prefix")).toArray().first().toString();
    if (p.familyName.trimmed().isEmpty())
        return fail(tr("A Practitioner needs name[0].family."));
    for (const QJsonValue &t : o.value(QStringLiteral("telecom")).toArray()) {
        const QJsonObject c = t.toObject();
        if (c.value(QStringLiteral("system")).toString() == QLatin1String("phone"))
            p.phone = c.value(QStringLiteral("value")).toString();
        else if (c.value(QStringLiteral("system")).toString() == QLatin1String("email"))
            p.email = c.value(QStringLiteral("value")).toString();
    }
    p.active = o.value(QStringLiteral("active")).toBool(true);
    p.specialty =
        FhirJson::extensionValue(o, specialtyUrl(), QStringLiteral("valueString")).toString();
    const QJsonValue slot =
        FhirJson::extensionValue(o, slotMinutesUrl(), QStringLiteral("valueInteger"));
    if (!slot.isUndefined()) {
        if (!slot.isDouble() || slot.toInt() < 5 || slot.toInt() > 240)
            return fail(tr("The slot length (%1) must be 5 to 240 minutes.").arg(slotMinutesUrl()));
        p.slotMinutes = slot.toInt();
    }
    p.color = FhirJson::extensionValue(o, colorUrl(), QStringLiteral("valueString")).toString();
    return p;
}

QJsonObject ScheduleMapping::toFhir(const Practitioner &p)
{
    QJsonObject n{{QStringLiteral("family"), p.familyName}};
    const QStringList given = p.givenName.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (!given.isEmpty())
        n.insert(QStringLiteral("given"), QJsonArray::fromStringList(given));
    if (!p.prefix.isEmpty())
        n.insert(QStringLiteral("prefix"), QJsonArray{p.prefix});
    QJsonArray extensions{
        FhirJson::extension(slotMinutesUrl(), QStringLiteral("valueInteger"), p.slotMinutes)};
    if (!p.specialty.isEmpty())
        extensions.append(
            FhirJson::extension(specialtyUrl(), QStringLiteral("valueString"), p.specialty));
    if (!p.color.isEmpty())
        extensions.append(FhirJson::extension(colorUrl(), QStringLiteral("valueString"), p.color));
    QJsonObject o{{QStringLiteral("resourceType"), QStringLiteral("Practitioner")},
                  {QStringLiteral("id"), p.meta.id},
                  {QStringLiteral("extension"), extensions},
                  {QStringLiteral("active"), p.active},
                  {QStringLiteral("name"), QJsonArray{n}}};
    QJsonArray telecom;
    if (!p.phone.isEmpty())
        telecom.append(QJsonObject{{QStringLiteral("system"), QStringLiteral("phone")},
                                   {QStringLiteral("value"), p.phone}});
    if (!p.email.isEmpty())
        telecom.append(QJsonObject{{QStringLiteral("system"), QStringLiteral("email")},
                                   {QStringLiteral("value"), p.email}});
    if (!telecom.isEmpty())
        o.insert(QStringLiteral("telecom"), telecom);
    return o;
}

Result<Location> ScheduleMapping::locationFromFhir(const QJsonObject &o)
{
    QString error;
    if (!checkResourceType(o, QStringLiteral("Location"), &error))
        return fail(error);
    Location l;
    l.meta.id = o.value(QStringLiteral("id")).toString();
    l.name = o.value(QStringLiteral("name")).toString().trimmed();
    if (l.name.isEmpty())
        return fail(tr("A Location needs a name."));
    l.description = o.value(QStringLiteral("description")).toString();
    const QString kind =
        o.value(QStringLiteral("physicalType")).toObject().value(QStringLiteral("text")).toString();
    if (!kind.isEmpty())
        l.kind = kind;
    const QString status = o.value(QStringLiteral("status")).toString(QStringLiteral("active"));
    if (status != QLatin1String("active") && status != QLatin1String("inactive") &&
        status != QLatin1String("suspended"))
        return fail(tr("status must be active, suspended or inactive; got \"%1\".").arg(status));
    l.active = status == QLatin1String("active");
    return l;
}

QJsonObject ScheduleMapping::toFhir(const Location &l)
{
    QJsonObject o{{QStringLiteral("resourceType"), QStringLiteral("Location")},
                  {QStringLiteral("id"), l.meta.id},
                  {QStringLiteral("status"),
                   l.active ? QStringLiteral("active") : QStringLiteral("inactive")},
                  {QStringLiteral("name"), l.name},
                  {QStringLiteral("mode"), QStringLiteral("instance")},
                  {QStringLiteral("physicalType"), QJsonObject{{QStringLiteral("text"), l.kind}}}};
    if (!l.description.isEmpty())
        o.insert(QStringLiteral("description"), l.description);
    return o;
}

Result<ScheduleException> ScheduleMapping::timeOffFromFhir(const QJsonObject &o)
{
    QString error;
    if (!checkResourceType(o, QStringLiteral("Slot"), &error))
        return fail(error);
    if (o.value(QStringLiteral("status")).toString() != QLatin1String("busy-unavailable"))
        return fail(tr("A Slot is time off only with status busy-unavailable; got \"%1\".")
                        .arg(o.value(QStringLiteral("status")).toString()));
    ScheduleException e;
    e.meta.id = o.value(QStringLiteral("id")).toString();
    const QJsonObject schedule = o.value(QStringLiteral("schedule")).toObject();
    if (schedule.isEmpty())
        return fail(tr("A Slot needs a schedule: Schedule/ID of the practitioner, or a display "
                       "alone for the whole clinic."));
    const QString ref = schedule.value(QStringLiteral("reference")).toString();
    if (!ref.isEmpty()) {
        const QString prefix = QStringLiteral("Schedule/");
        if (!ref.startsWith(prefix) || !FhirJson::isId(QStringView(ref).sliced(prefix.size())))
            return fail(tr("schedule.reference must read Schedule/ID; got \"%1\".").arg(ref));
        e.practitionerId = ref.sliced(prefix.size());
    }
    const QString kind =
        FhirJson::extensionValue(o, timeOffKindUrl(), QStringLiteral("valueCode")).toString();
    if (!kind.isEmpty()) {
        const auto k = ScheduleException::kindFromName(kind);
        if (!k)
            return fail(tr("The extension %1 must be holiday, leave or blocked; got \"%2\".")
                            .arg(timeOffKindUrl(), kind));
        e.kind = *k;
    }
    if (auto s = readPeriod(o, &e.start, &e.end); !s)
        return fail(s.error());
    e.note = o.value(QStringLiteral("comment")).toString();
    return e;
}

QJsonObject ScheduleMapping::toFhir(const ScheduleException &e)
{
    QJsonObject o{{QStringLiteral("resourceType"), QStringLiteral("Slot")},
                  {QStringLiteral("status"), QStringLiteral("busy-unavailable")},
                  {QStringLiteral("start"), FhirJson::instant(e.start)},
                  {QStringLiteral("end"), FhirJson::instant(e.end)},
                  {QStringLiteral("extension"),
                   QJsonArray{FhirJson::extension(timeOffKindUrl(), QStringLiteral("valueCode"),
                                                  ScheduleException::kindName(e.kind))}},
                  {QStringLiteral("schedule"),
                   e.practitionerId.isEmpty()
                       ? QJsonObject{{QStringLiteral("display"), clinicDisplay()}}
                       : QJsonObject{{QStringLiteral("reference"),
                                      QStringLiteral("Schedule/") + e.practitionerId}}}};
    if (!e.meta.id.isEmpty())
        o.insert(QStringLiteral("id"), e.meta.id);
    if (!e.note.isEmpty())
        o.insert(QStringLiteral("comment"), e.note);
    return o;
}

} // namespace frontdesk
