#include "BookingMapping.h"

#include "FhirJson.h"
#include "ScheduleMapping.h"

#include <QJsonArray>

#include <algorithm>

namespace frontdesk {

namespace {

const QStringList kWeekdays{QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"),
                            QStringLiteral("thu"), QStringLiteral("fri"), QStringLiteral("sat"),
                            QStringLiteral("sun")};

// R4's way of saying an element that must be there is not known.
QJsonObject absent()
{
    return QJsonObject{
        {QStringLiteral("extension"),
         QJsonArray{FhirJson::extension(
             QStringLiteral("http://hl7.org/fhir/StructureDefinition/data-absent-reason"),
             QStringLiteral("valueCode"), QStringLiteral("unknown"))}}};
}

QJsonObject codeable(const QString &system, const QString &code, const QString &text = {})
{
    QJsonObject c{
        {QStringLiteral("coding"), QJsonArray{QJsonObject{{QStringLiteral("system"), system},
                                                          {QStringLiteral("code"), code}}}}};
    if (!text.isEmpty())
        c.insert(QStringLiteral("text"), text);
    return c;
}

// The code of the first coding of `system` in a CodeableConcept, or empty.
QString codeIn(const QJsonObject &codeableConcept, const QString &system)
{
    for (const QJsonValue &c : codeableConcept.value(QStringLiteral("coding")).toArray()) {
        if (c.toObject().value(QStringLiteral("system")).toString() == system)
            return c.toObject().value(QStringLiteral("code")).toString();
    }
    return {};
}

QList<QJsonObject> subExtensions(const QJsonObject &o, const QString &url)
{
    QList<QJsonObject> out;
    for (const QJsonValue &e : o.value(QStringLiteral("extension")).toArray()) {
        const QJsonObject ext = e.toObject();
        if (ext.value(QStringLiteral("url")).toString() == url)
            out << ext;
    }
    return out;
}

} // namespace

// --- series -------------------------------------------------------------------------------

bool BookingMapping::isAppointmentSeries(const QJsonObject &serviceRequest)
{
    for (const QJsonValue &c : serviceRequest.value(QStringLiteral("category")).toArray()) {
        if (codeIn(c.toObject(), categorySystem()) == appointmentSeriesCode())
            return true;
    }
    return false;
}

QJsonObject BookingMapping::toFhir(const AppointmentSeries &s, const QString &patientId)
{
    QJsonObject bounds{{QStringLiteral("start"), FhirJson::date(s.firstLocalDate)}};
    if (s.until.isValid())
        bounds.insert(QStringLiteral("end"), FhirJson::date(s.until));
    QJsonObject repeat{
        {QStringLiteral("boundsPeriod"), bounds},
        {QStringLiteral("frequency"), 1},
        {QStringLiteral("period"), s.interval},
        {QStringLiteral("periodUnit"),
         s.frequency == QLatin1String("monthly") ? QStringLiteral("mo") : QStringLiteral("wk")},
        {QStringLiteral("duration"), s.minutes},
        {QStringLiteral("durationUnit"), QStringLiteral("min")},
        {QStringLiteral("timeOfDay"), QJsonArray{FhirJson::time(s.localStartMinute)}}};
    if (s.occurrences > 0)
        repeat.insert(QStringLiteral("count"), s.occurrences);
    QJsonObject o{
        {QStringLiteral("resourceType"), QStringLiteral("ServiceRequest")},
        {QStringLiteral("extension"),
         QJsonArray{FhirJson::extension(timeZoneUrl(), QStringLiteral("valueString"), s.timeZone)}},
        {QStringLiteral("status"), QStringLiteral("active")},
        {QStringLiteral("intent"), QStringLiteral("order")},
        {QStringLiteral("category"),
         QJsonArray{codeable(categorySystem(), appointmentSeriesCode())}},
        {QStringLiteral("subject"),
         patientId.isEmpty() ? absent()
                             : FhirJson::reference(QStringLiteral("Patient"), patientId)},
        {QStringLiteral("occurrenceTiming"), QJsonObject{{QStringLiteral("repeat"), repeat}}}};
    if (!s.meta.id.isEmpty())
        o.insert(QStringLiteral("id"), s.meta.id);
    return o;
}

Result<AppointmentSeries> BookingMapping::seriesFromFhir(const QJsonObject &o)
{
    if (auto t = FhirJson::expectType(o, QStringLiteral("ServiceRequest")); !t)
        return fail(t.error());
    if (!isAppointmentSeries(o))
        return fail(tr("category must hold the code %1 of %2: this ServiceRequest is no "
                       "appointment series.")
                        .arg(appointmentSeriesCode(), categorySystem()));
    AppointmentSeries s;
    s.meta.id = o.value(QStringLiteral("id")).toString();
    const QJsonObject repeat = o.value(QStringLiteral("occurrenceTiming"))
                                   .toObject()
                                   .value(QStringLiteral("repeat"))
                                   .toObject();
    const QString unit = repeat.value(QStringLiteral("periodUnit")).toString();
    auto frequency = FhirJson::readCode(unit, {QStringLiteral("wk"), QStringLiteral("mo")},
                                        QStringLiteral("occurrenceTiming.repeat.periodUnit"));
    if (!frequency)
        return fail(frequency.error());
    s.frequency =
        unit == QLatin1String("mo") ? QStringLiteral("monthly") : QStringLiteral("weekly");
    auto interval = FhirJson::readInteger(repeat.value(QStringLiteral("period")), 1, 52,
                                          QStringLiteral("occurrenceTiming.repeat.period"));
    if (!interval)
        return fail(interval.error());
    s.interval = *interval;
    if (auto f = FhirJson::readInteger(repeat.value(QStringLiteral("frequency")), 1, 1,
                                       QStringLiteral("occurrenceTiming.repeat.frequency"));
        !f)
        return fail(f.error());
    if (repeat.value(QStringLiteral("durationUnit")).toString() != QLatin1String("min"))
        return fail(tr("%1 must be %2.")
                        .arg(QStringLiteral("occurrenceTiming.repeat.durationUnit"),
                             QStringLiteral("min")));
    auto minutes = FhirJson::readInteger(repeat.value(QStringLiteral("duration")), 5, 24 * 60,
                                         QStringLiteral("occurrenceTiming.repeat.duration"));
    if (!minutes)
        return fail(minutes.error());
    s.minutes = *minutes;
    const QJsonArray times = repeat.value(QStringLiteral("timeOfDay")).toArray();
    if (times.size() != 1)
        return fail(tr("%1 must hold exactly one time.")
                        .arg(QStringLiteral("occurrenceTiming.repeat.timeOfDay")));
    auto start =
        FhirJson::readTime(times.first(), QStringLiteral("occurrenceTiming.repeat.timeOfDay[0]"));
    if (!start)
        return fail(start.error());
    s.localStartMinute = *start;
    const QJsonObject bounds = repeat.value(QStringLiteral("boundsPeriod")).toObject();
    auto first =
        FhirJson::readDate(bounds, QStringLiteral("start"),
                           QStringLiteral("occurrenceTiming.repeat.boundsPeriod.start"), true);
    if (!first)
        return fail(first.error());
    s.firstLocalDate = *first;
    auto until =
        FhirJson::readDate(bounds, QStringLiteral("end"),
                           QStringLiteral("occurrenceTiming.repeat.boundsPeriod.end"), false);
    if (!until)
        return fail(until.error());
    s.until = *until;
    if (repeat.contains(QStringLiteral("count"))) {
        auto count = FhirJson::readInteger(repeat.value(QStringLiteral("count")), 1, 520,
                                           QStringLiteral("occurrenceTiming.repeat.count"));
        if (!count)
            return fail(count.error());
        s.occurrences = *count;
    }
    if (!s.until.isValid() && s.occurrences == 0)
        return fail(tr("A series ends: give occurrenceTiming.repeat.boundsPeriod.end or "
                       "occurrenceTiming.repeat.count."));
    s.timeZone =
        FhirJson::extensionValue(o, timeZoneUrl(), QStringLiteral("valueString")).toString();
    if (s.timeZone.isEmpty())
        return fail(tr("The extension %1 (the clinic's time zone) is missing.").arg(timeZoneUrl()));
    return s;
}

QJsonObject BookingMapping::withSeries(QJsonObject appointment, const QString &seriesId)
{
    if (!seriesId.isEmpty())
        appointment.insert(
            QStringLiteral("basedOn"),
            QJsonArray{FhirJson::reference(QStringLiteral("ServiceRequest"), seriesId)});
    return appointment;
}

Result<QString> BookingMapping::seriesIdOf(const QJsonObject &appointment)
{
    const QJsonArray basedOn = appointment.value(QStringLiteral("basedOn")).toArray();
    if (basedOn.isEmpty())
        return QString();
    if (basedOn.size() > 1)
        return fail(tr("%1 must hold at most one request.").arg(QStringLiteral("basedOn")));
    return FhirJson::referenceId(basedOn.first().toObject(), QStringLiteral("ServiceRequest"),
                                 QStringLiteral("basedOn[0]"), true);
}

// --- status history -----------------------------------------------------------------------

QJsonObject BookingMapping::toFhir(const StatusChange &c)
{
    QJsonArray extensions;
    if (c.from)
        extensions.append(FhirJson::extension(fromStatusUrl(), QStringLiteral("valueCode"),
                                              appointmentStatusName(*c.from)));
    if (c.cancelledBy != CancelledBy::Nobody)
        extensions.append(FhirJson::extension(cancelledByUrl(), QStringLiteral("valueCode"),
                                              cancelledByName(c.cancelledBy)));
    if (c.isRevert())
        extensions.append(
            FhirJson::extension(revertsUrl(), QStringLiteral("valueReference"),
                                FhirJson::reference(QStringLiteral("Provenance"), c.revertsId)));
    if (!c.patientId.isEmpty())
        extensions.append(
            FhirJson::extension(patientUrl(), QStringLiteral("valueReference"),
                                FhirJson::reference(QStringLiteral("Patient"), c.patientId)));
    QJsonObject o{
        {QStringLiteral("resourceType"), QStringLiteral("Provenance")},
        {QStringLiteral("target"),
         QJsonArray{FhirJson::reference(QStringLiteral("Appointment"), c.appointmentId)}},
        {QStringLiteral("recorded"),
         FhirJson::instant(QDateTime::fromMSecsSinceEpoch(c.changedAtMs, Qt::UTC))},
        {QStringLiteral("activity"),
         codeable(ScheduleMapping::statusUrl(), appointmentStatusName(c.to))},
        {QStringLiteral("agent"),
         QJsonArray{QJsonObject{{QStringLiteral("who"),
                                 c.changedBy.isEmpty()
                                     ? absent()
                                     : QJsonObject{{QStringLiteral("display"), c.changedBy}}}}}}};
    if (!extensions.isEmpty())
        o.insert(QStringLiteral("extension"), extensions);
    if (!c.meta.id.isEmpty())
        o.insert(QStringLiteral("id"), c.meta.id);
    if (!c.reason.isEmpty())
        o.insert(QStringLiteral("reason"),
                 QJsonArray{QJsonObject{{QStringLiteral("text"), c.reason}}});
    return o;
}

Result<StatusChange> BookingMapping::statusChangeFromFhir(const QJsonObject &o)
{
    if (auto t = FhirJson::expectType(o, QStringLiteral("Provenance")); !t)
        return fail(t.error());
    StatusChange c;
    c.meta.id = o.value(QStringLiteral("id")).toString();
    const QJsonArray target = o.value(QStringLiteral("target")).toArray();
    if (target.size() != 1)
        return fail(tr("%1 must hold exactly one reference.").arg(QStringLiteral("target")));
    auto appointment =
        FhirJson::referenceId(target.first().toObject(), QStringLiteral("Appointment"),
                              QStringLiteral("target[0]"), true);
    if (!appointment)
        return fail(appointment.error());
    c.appointmentId = *appointment;
    auto recorded = FhirJson::readInstant(o, QStringLiteral("recorded"));
    if (!recorded)
        return fail(recorded.error());
    c.changedAtMs = recorded->toMSecsSinceEpoch();
    const QString to =
        codeIn(o.value(QStringLiteral("activity")).toObject(), ScheduleMapping::statusUrl());
    const auto toStatus = appointmentStatusFromName(to);
    if (!toStatus)
        return fail(tr("activity must hold a status of %1; got \"%2\".")
                        .arg(ScheduleMapping::statusUrl(), to));
    c.to = *toStatus;
    const QJsonValue from =
        FhirJson::extensionValue(o, fromStatusUrl(), QStringLiteral("valueCode"));
    if (!from.isUndefined()) {
        c.from = appointmentStatusFromName(from.toString());
        if (!c.from)
            return fail(tr("The extension %1 names no status Frontdesk knows: \"%2\".")
                            .arg(fromStatusUrl(), from.toString()));
    }
    const QJsonValue by =
        FhirJson::extensionValue(o, cancelledByUrl(), QStringLiteral("valueCode"));
    if (!by.isUndefined()) {
        const auto who = cancelledByFromName(by.toString());
        if (!who || *who == CancelledBy::Nobody)
            return fail(tr("The extension %1 must be patient or clinic; got \"%2\".")
                            .arg(cancelledByUrl(), by.toString()));
        c.cancelledBy = *who;
    }
    auto reverts = FhirJson::referenceId(
        FhirJson::extensionValue(o, revertsUrl(), QStringLiteral("valueReference")).toObject(),
        QStringLiteral("Provenance"), revertsUrl(), false);
    if (!reverts)
        return fail(reverts.error());
    c.revertsId = *reverts;
    auto patient = FhirJson::referenceId(
        FhirJson::extensionValue(o, patientUrl(), QStringLiteral("valueReference")).toObject(),
        QStringLiteral("Patient"), patientUrl(), false);
    if (!patient)
        return fail(patient.error());
    c.patientId = *patient;
    const QJsonArray agents = o.value(QStringLiteral("agent")).toArray();
    if (agents.isEmpty())
        return fail(tr("%1 is missing.").arg(QStringLiteral("agent")));
    c.changedBy = agents.first()
                      .toObject()
                      .value(QStringLiteral("who"))
                      .toObject()
                      .value(QStringLiteral("display"))
                      .toString();
    const QJsonArray reasons = o.value(QStringLiteral("reason")).toArray();
    if (!reasons.isEmpty())
        c.reason = reasons.first().toObject().value(QStringLiteral("text")).toString();
    return c;
}

// --- working hours ------------------------------------------------------------------------

QJsonObject BookingMapping::toFhir(const WorkingHours &w)
{
    QJsonObject o{{QStringLiteral("resourceType"), QStringLiteral("PractitionerRole")},
                  {QStringLiteral("active"), true},
                  {QStringLiteral("practitioner"),
                   FhirJson::reference(QStringLiteral("Practitioner"), w.practitionerId)},
                  {QStringLiteral("availableTime"),
                   QJsonArray{QJsonObject{
                       {QStringLiteral("daysOfWeek"), QJsonArray{kWeekdays.value(w.weekday - 1)}},
                       {QStringLiteral("availableStartTime"), FhirJson::time(w.startMinute)},
                       {QStringLiteral("availableEndTime"), FhirJson::time(w.endMinute)}}}}};
    if (!w.meta.id.isEmpty())
        o.insert(QStringLiteral("id"), w.meta.id);
    if (!w.locationId.isEmpty())
        o.insert(QStringLiteral("location"),
                 QJsonArray{FhirJson::reference(QStringLiteral("Location"), w.locationId)});
    return o;
}

Result<WorkingHours> BookingMapping::workingHoursFromFhir(const QJsonObject &o)
{
    if (auto t = FhirJson::expectType(o, QStringLiteral("PractitionerRole")); !t)
        return fail(t.error());
    WorkingHours w;
    w.meta.id = o.value(QStringLiteral("id")).toString();
    auto practitioner =
        FhirJson::referenceId(o.value(QStringLiteral("practitioner")).toObject(),
                              QStringLiteral("Practitioner"), QStringLiteral("practitioner"), true);
    if (!practitioner)
        return fail(practitioner.error());
    w.practitionerId = *practitioner;
    const QJsonArray locations = o.value(QStringLiteral("location")).toArray();
    if (locations.size() > 1)
        return fail(tr("%1 must hold at most one reference.").arg(QStringLiteral("location")));
    if (!locations.isEmpty()) {
        auto location =
            FhirJson::referenceId(locations.first().toObject(), QStringLiteral("Location"),
                                  QStringLiteral("location[0]"), true);
        if (!location)
            return fail(location.error());
        w.locationId = *location;
    }
    const QJsonArray times = o.value(QStringLiteral("availableTime")).toArray();
    if (times.size() != 1)
        return fail(tr("%1 must hold exactly one entry.").arg(QStringLiteral("availableTime")));
    const QJsonObject time = times.first().toObject();
    const QJsonArray days = time.value(QStringLiteral("daysOfWeek")).toArray();
    if (days.size() != 1)
        return fail(
            tr("%1 must hold exactly one day.").arg(QStringLiteral("availableTime[0].daysOfWeek")));
    auto day =
        FhirJson::readCode(days.first(), kWeekdays, QStringLiteral("availableTime[0].daysOfWeek"));
    if (!day)
        return fail(day.error());
    w.weekday = int(kWeekdays.indexOf(*day)) + 1;
    auto start = FhirJson::readTime(time.value(QStringLiteral("availableStartTime")),
                                    QStringLiteral("availableTime[0].availableStartTime"));
    if (!start)
        return fail(start.error());
    auto end = FhirJson::readTime(time.value(QStringLiteral("availableEndTime")),
                                  QStringLiteral("availableTime[0].availableEndTime"));
    if (!end)
        return fail(end.error());
    if (*end <= *start)
        return fail(tr("Working hours must end after they start, within one day."));
    w.startMinute = *start;
    w.endMinute = *end;
    return w;
}

// --- appointment types --------------------------------------------------------------------

QJsonObject BookingMapping::toFhir(const AppointmentType &t)
{
    QJsonArray extensions{
        FhirJson::extension(defaultMinutesUrl(), QStringLiteral("valueInteger"), t.defaultMinutes)};
    if (!t.color.isEmpty())
        extensions.append(FhirJson::extension(ScheduleMapping::colorUrl(),
                                              QStringLiteral("valueString"), t.color));
    QJsonObject o{
        {QStringLiteral("resourceType"), QStringLiteral("HealthcareService")},
        {QStringLiteral("extension"), extensions},
        {QStringLiteral("active"), t.active},
        {QStringLiteral("type"), QJsonArray{codeable(appointmentTypeSystem(), t.code, t.name)}},
        {QStringLiteral("name"), t.name}};
    if (!t.meta.id.isEmpty())
        o.insert(QStringLiteral("id"), t.meta.id);
    return o;
}

Result<AppointmentType> BookingMapping::appointmentTypeFromFhir(const QJsonObject &o)
{
    if (auto s = FhirJson::expectType(o, QStringLiteral("HealthcareService")); !s)
        return fail(s.error());
    AppointmentType t;
    t.meta.id = o.value(QStringLiteral("id")).toString();
    for (const QJsonValue &type : o.value(QStringLiteral("type")).toArray()) {
        const QString code = codeIn(type.toObject(), appointmentTypeSystem());
        if (!code.isEmpty())
            t.code = code;
    }
    if (t.code.trimmed().isEmpty())
        return fail(tr("type must hold a code of %1.").arg(appointmentTypeSystem()));
    t.name = o.value(QStringLiteral("name")).toString().trimmed();
    if (t.name.isEmpty())
        return fail(tr("%1 is missing.").arg(QStringLiteral("name")));
    t.active = o.value(QStringLiteral("active")).toBool(true);
    const QJsonValue minutes =
        FhirJson::extensionValue(o, defaultMinutesUrl(), QStringLiteral("valueInteger"));
    if (!minutes.isUndefined()) {
        auto m = FhirJson::readInteger(minutes, 5, 24 * 60, defaultMinutesUrl());
        if (!m)
            return fail(m.error());
        t.defaultMinutes = *m;
    }
    t.color =
        FhirJson::extensionValue(o, ScheduleMapping::colorUrl(), QStringLiteral("valueString"))
            .toString();
    return t;
}

// --- waitlist -----------------------------------------------------------------------------

bool BookingMapping::isWaitlistEntry(const QJsonObject &appointment)
{
    return appointment.value(QStringLiteral("status")).toString() == QLatin1String("waitlist") ||
           !FhirJson::extensionValue(appointment, waitlistStatusUrl(), QStringLiteral("valueCode"))
                .isUndefined();
}

QJsonObject BookingMapping::toFhir(const WaitlistEntry &e)
{
    QJsonArray preference;
    QList<int> days(e.weekdays.begin(), e.weekdays.end());
    std::sort(days.begin(), days.end());
    for (int d : days)
        preference.append(FhirJson::extension(QStringLiteral("weekday"),
                                              QStringLiteral("valueCode"), kWeekdays.value(d - 1)));
    preference.append(FhirJson::extension(QStringLiteral("earliest"), QStringLiteral("valueTime"),
                                          FhirJson::time(e.earliestMinute)));
    preference.append(FhirJson::extension(QStringLiteral("latest"), QStringLiteral("valueTime"),
                                          FhirJson::time(e.latestMinute)));
    const QString status = e.status == QLatin1String("booked")    ? QStringLiteral("fulfilled")
                           : e.status == QLatin1String("removed") ? QStringLiteral("cancelled")
                                                                  : QStringLiteral("waitlist");
    QJsonArray participants{QJsonObject{
        {QStringLiteral("actor"), FhirJson::reference(QStringLiteral("Patient"), e.patientId)},
        {QStringLiteral("status"), QStringLiteral("accepted")}}};
    if (!e.practitionerId.isEmpty())
        participants.append(
            QJsonObject{{QStringLiteral("actor"),
                         FhirJson::reference(QStringLiteral("Practitioner"), e.practitionerId)},
                        {QStringLiteral("status"), QStringLiteral("needs-action")}});
    QJsonObject o{
        {QStringLiteral("resourceType"), QStringLiteral("Appointment")},
        {QStringLiteral("extension"),
         QJsonArray{FhirJson::extension(waitlistStatusUrl(), QStringLiteral("valueCode"), e.status),
                    QJsonObject{{QStringLiteral("url"), waitlistPreferenceUrl()},
                                {QStringLiteral("extension"), preference}}}},
        {QStringLiteral("status"), status},
        {QStringLiteral("appointmentType"), QJsonObject{{QStringLiteral("text"), e.type}}},
        {QStringLiteral("minutesDuration"), e.minutes},
        {QStringLiteral("participant"), participants}};
    if (!e.meta.id.isEmpty())
        o.insert(QStringLiteral("id"), e.meta.id);
    if (e.notAfter.isValid())
        o.insert(QStringLiteral("requestedPeriod"),
                 QJsonArray{QJsonObject{{QStringLiteral("end"), FhirJson::instant(e.notAfter)}}});
    if (!e.note.isEmpty())
        o.insert(QStringLiteral("comment"), e.note);
    return o;
}

Result<WaitlistEntry> BookingMapping::waitlistEntryFromFhir(const QJsonObject &o)
{
    if (auto t = FhirJson::expectType(o, QStringLiteral("Appointment")); !t)
        return fail(t.error());
    if (!isWaitlistEntry(o))
        return fail(tr("A waitlist entry is an Appointment with status waitlist or the extension "
                       "%1.")
                        .arg(waitlistStatusUrl()));
    WaitlistEntry e;
    e.meta.id = o.value(QStringLiteral("id")).toString();
    const QJsonValue own =
        FhirJson::extensionValue(o, waitlistStatusUrl(), QStringLiteral("valueCode"));
    if (own.isUndefined()) {
        e.status = QStringLiteral("waiting");
    } else {
        auto status = FhirJson::readCode(
            own, {QStringLiteral("waiting"), QStringLiteral("booked"), QStringLiteral("removed")},
            waitlistStatusUrl());
        if (!status)
            return fail(status.error());
        e.status = *status;
    }
    const QJsonArray participants = o.value(QStringLiteral("participant")).toArray();
    for (qsizetype i = 0; i < participants.size(); ++i) {
        const QJsonObject actor =
            participants.at(i).toObject().value(QStringLiteral("actor")).toObject();
        const QString path = QStringLiteral("participant[%1].actor").arg(i);
        const QString ref = actor.value(QStringLiteral("reference")).toString();
        const bool isPractitioner = ref.startsWith(QLatin1String("Practitioner/"));
        auto id = FhirJson::referenceId(
            actor, isPractitioner ? QStringLiteral("Practitioner") : QStringLiteral("Patient"),
            path, true);
        if (!id)
            return fail(id.error());
        (isPractitioner ? e.practitionerId : e.patientId) = *id;
    }
    if (e.patientId.isEmpty())
        return fail(tr("A waitlist entry needs a Patient participant."));
    const QString type = o.value(QStringLiteral("appointmentType"))
                             .toObject()
                             .value(QStringLiteral("text"))
                             .toString();
    if (!type.isEmpty())
        e.type = type;
    auto minutes = FhirJson::readInteger(o.value(QStringLiteral("minutesDuration")), 5, 24 * 60,
                                         QStringLiteral("minutesDuration"));
    if (!minutes)
        return fail(minutes.error());
    e.minutes = *minutes;
    const QJsonArray periods = o.value(QStringLiteral("requestedPeriod")).toArray();
    if (!periods.isEmpty()) {
        auto end = FhirJson::readInstant(periods.first().toObject(), QStringLiteral("end"));
        if (!end)
            return fail(end.error());
        e.notAfter = *end;
    }
    for (const QJsonObject &pref : subExtensions(o, waitlistPreferenceUrl())) {
        for (const QJsonObject &part : subExtensions(pref, QStringLiteral("weekday"))) {
            auto day = FhirJson::readCode(part.value(QStringLiteral("valueCode")), kWeekdays,
                                          waitlistPreferenceUrl() + QStringLiteral("#weekday"));
            if (!day)
                return fail(day.error());
            e.weekdays.insert(int(kWeekdays.indexOf(*day)) + 1);
        }
        for (const QJsonObject &part : subExtensions(pref, QStringLiteral("earliest"))) {
            auto m = FhirJson::readTime(part.value(QStringLiteral("valueTime")),
                                        waitlistPreferenceUrl() + QStringLiteral("#earliest"));
            if (!m)
                return fail(m.error());
            e.earliestMinute = *m;
        }
        for (const QJsonObject &part : subExtensions(pref, QStringLiteral("latest"))) {
            auto m = FhirJson::readTime(part.value(QStringLiteral("valueTime")),
                                        waitlistPreferenceUrl() + QStringLiteral("#latest"));
            if (!m)
                return fail(m.error());
            e.latestMinute = *m;
        }
    }
    if (e.latestMinute <= e.earliestMinute)
        return fail(tr("The time-of-day window must end after it starts, within one day."));
    e.note = o.value(QStringLiteral("comment")).toString();
    return e;
}

} // namespace frontdesk
