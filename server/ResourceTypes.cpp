#include "ResourceTypes.h"

#include "domain/SearchText.h"
#include "fhir/CommunicationMapping.h"
#include "fhir/FhirMapping.h"
#include "fhir/ScheduleMapping.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace frontdesk::server {

namespace {

void addNameTokens(IndexedResource &r, const QString &param, const QString &text)
{
    for (const QString &word : SearchText::nameTokens(text))
        r.tokens.append({param, word});
}

} // namespace

QStringList ResourceTypes::supported()
{
    return {QStringLiteral("Patient"),      QStringLiteral("Appointment"),
            QStringLiteral("Practitioner"), QStringLiteral("Location"),
            QStringLiteral("Slot"),         QStringLiteral("Communication")};
}

QStringList ResourceTypes::searchParameters(const QString &type)
{
    if (type == QLatin1String("Patient"))
        return {QStringLiteral("name"),      QStringLiteral("family"),     QStringLiteral("given"),
                QStringLiteral("birthdate"), QStringLiteral("identifier"), QStringLiteral("phone")};
    if (type == QLatin1String("Appointment"))
        return {QStringLiteral("date"), QStringLiteral("patient"), QStringLiteral("practitioner"),
                QStringLiteral("location"), QStringLiteral("status")};
    if (type == QLatin1String("Practitioner"))
        return {QStringLiteral("name"), QStringLiteral("family"), QStringLiteral("given")};
    if (type == QLatin1String("Location"))
        return {QStringLiteral("name")};
    if (type == QLatin1String("Slot"))
        return {QStringLiteral("schedule")};
    if (type == QLatin1String("Communication"))
        return {QStringLiteral("patient"), QStringLiteral("status")};
    return {};
}

QString ResourceTypes::foldString(const QString &value)
{
    return SearchText::fold(value).simplified();
}

bool ResourceTypes::isValidId(const QString &id)
{
    // FHIR's id: 1 to 64 letters, digits, '-' and '.'.
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9\\-.]{1,64}$"));
    return pattern.match(id).hasMatch();
}

Result<IndexedResource> ResourceTypes::read(const QString &type, const QString &id,
                                            const QJsonObject &resource)
{
    IndexedResource r;
    if (type == QLatin1String("Patient")) {
        auto p = FhirMapping::patientFromFhir(resource);
        if (!p)
            return fail(p.error());
        p->meta.id = id;
        r.content = FhirMapping::toFhir(*p);
        r.patientId = id;
        addNameTokens(r, QStringLiteral("name"), p->familyName + QLatin1Char(' ') + p->givenName);
        addNameTokens(r, QStringLiteral("family"), p->familyName);
        addNameTokens(r, QStringLiteral("given"), p->givenName);
        if (p->birthDate.isValid())
            r.tokens.append({QStringLiteral("birthdate"), p->birthDate.toString(Qt::ISODate)});
        if (!p->mrn.isEmpty()) {
            r.tokens.append({QStringLiteral("identifier"), p->mrn});
            r.tokens.append({QStringLiteral("identifier"),
                             FhirMapping::mrnSystem() + QLatin1Char('|') + p->mrn});
        }
        for (const QString &phone : {p->phoneMobile, p->phoneHome}) {
            const QString digits = SearchText::phoneDigits(phone);
            if (!digits.isEmpty())
                r.tokens.append({QStringLiteral("phone"), digits});
        }
        return r;
    }
    if (type == QLatin1String("Appointment")) {
        auto a = ScheduleMapping::appointmentFromFhir(resource);
        if (!a)
            return fail(a.error());
        a->meta.id = id;
        r.doubleBooked = ScheduleMapping::isDoubleBooked(resource);
        r.content = ScheduleMapping::toFhir(*a, r.doubleBooked);
        r.patientId = a->patientId;
        r.tokens.append({QStringLiteral("status"), ScheduleMapping::fhirStatus(a->status)});
        r.tokens.append({QStringLiteral("status"), appointmentStatusName(a->status)});
        r.appointment = *a;
        return r;
    }
    if (type == QLatin1String("Practitioner")) {
        auto p = ScheduleMapping::practitionerFromFhir(resource);
        if (!p)
            return fail(p.error());
        p->meta.id = id;
        r.content = ScheduleMapping::toFhir(*p);
        addNameTokens(r, QStringLiteral("name"), p->familyName + QLatin1Char(' ') + p->givenName);
        addNameTokens(r, QStringLiteral("family"), p->familyName);
        addNameTokens(r, QStringLiteral("given"), p->givenName);
        return r;
    }
    if (type == QLatin1String("Location")) {
        auto l = ScheduleMapping::locationFromFhir(resource);
        if (!l)
            return fail(l.error());
        l->meta.id = id;
        r.content = ScheduleMapping::toFhir(*l);
        addNameTokens(r, QStringLiteral("name"), l->name);
        return r;
    }
    if (type == QLatin1String("Slot")) {
        auto e = ScheduleMapping::timeOffFromFhir(resource);
        if (!e)
            return fail(e.error());
        e->meta.id = id;
        r.content = ScheduleMapping::toFhir(*e);
        // The whole clinic's time off is indexed under an empty schedule, which the booking
        // rule reads beside the practitioner's.
        r.tokens.append(
            {QStringLiteral("schedule"), e->practitionerId.isEmpty()
                                             ? QString()
                                             : QStringLiteral("Schedule/") + e->practitionerId});
        return r;
    }
    if (type == QLatin1String("Communication")) {
        auto m = CommunicationMapping::messageFromFhir(resource);
        if (!m)
            return fail(m.error());
        m->meta.id = id;
        r.content = CommunicationMapping::toFhir(*m);
        r.patientId = m->patientId;
        // An unassigned inbound message (no patient) reaches the workstations by the history.
        if (!m->patientId.isEmpty())
            r.tokens.append({QStringLiteral("patient"), m->patientId});
        r.tokens.append({QStringLiteral("status"), CommunicationMapping::fhirStatus(m->status)});
        r.tokens.append({QStringLiteral("status"), m->status});
        r.message = *m;
        return r;
    }
    return fail(tr("This server does not keep %1 resources.").arg(type));
}

} // namespace frontdesk::server
