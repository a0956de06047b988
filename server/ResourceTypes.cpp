#include "ResourceTypes.h"

#include "domain/SearchText.h"
#include "fhir/BookingMapping.h"
#include "fhir/ClinicSettingsMapping.h"
#include "fhir/CommunicationMapping.h"
#include "fhir/FhirJson.h"
#include "fhir/FhirMapping.h"
#include "fhir/MessageTemplateMapping.h"
#include "fhir/PatientRecordMapping.h"
#include "fhir/ScheduleMapping.h"
#include "fhir/SurveyAnswerMapping.h"
#include "interop/FhirRecordReader.h"
#include "storage/SharedSettings.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace frontdesk::server {

namespace {

void addNameTokens(IndexedResource &r, const QString &param, const QString &text)
{
    for (const QString &word : SearchText::nameTokens(text))
        r.tokens.append({param, word});
}

// The patient a patient-bound resource belongs to, indexed for the `patient` parameter.
void setPatient(IndexedResource &r, const QString &patientId)
{
    r.patientId = patientId;
    if (!patientId.isEmpty())
        r.tokens.append({QStringLiteral("patient"), patientId});
}

QString ref(const QString &type, const QString &id)
{
    return id.isEmpty() ? QString() : type + QLatin1Char('/') + id;
}

// A clinical record: read by its mapping, written back with the references it names.
template <typename T, typename Read, typename Write>
Result<IndexedResource> clinical(const QString &id, const QJsonObject &resource, Read read,
                                 Write write)
{
    Result<T> record = read(resource);
    if (!record)
        return fail(record.error());
    record->meta.id = id;
    auto patient = FhirMapping::patientId(resource, QStringLiteral("subject"));
    if (!patient)
        return fail(patient.error());
    auto encounter = FhirMapping::encounterId(resource);
    if (!encounter)
        return fail(encounter.error());
    IndexedResource r;
    r.content = write(*record, ref(QStringLiteral("Patient"), *patient),
                      ref(QStringLiteral("Encounter"), *encounter));
    setPatient(r, *patient);
    return r;
}

} // namespace

// Every record type a workstation's outbox carries (the one list, FhirRecordReader's), and the
// messages it sends through the server.
QStringList ResourceTypes::supported()
{
    return FhirRecordReader::types()
           << QStringLiteral("Communication") << QStringLiteral("Organization");
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
    if (type == QLatin1String("PractitionerRole"))
        return {QStringLiteral("practitioner")};
    if (type == QLatin1String("HealthcareService"))
        return {QStringLiteral("name")};
    if (type == QLatin1String("Organization"))
        return {};
    if (isSupported(type))
        return {QStringLiteral("patient")};
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
        auto links = PatientRecordMapping::linksFromFhir(resource);
        if (!links)
            return fail(links.error());
        r.content = PatientRecordMapping::withLinks(FhirMapping::toFhir(*p), *links);
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
    if (type == QLatin1String("Appointment") && BookingMapping::isWaitlistEntry(resource)) {
        auto e = BookingMapping::waitlistEntryFromFhir(resource);
        if (!e)
            return fail(e.error());
        e->meta.id = id;
        r.content = BookingMapping::toFhir(*e);
        setPatient(r, e->patientId);
        r.tokens.append({QStringLiteral("status"), QStringLiteral("waitlist")});
        return r;
    }
    if (type == QLatin1String("Appointment")) {
        auto a = ScheduleMapping::appointmentFromFhir(resource);
        if (!a)
            return fail(a.error());
        a->meta.id = id;
        r.doubleBooked = ScheduleMapping::isDoubleBooked(resource);
        auto series = BookingMapping::seriesIdOf(resource);
        if (!series)
            return fail(series.error());
        r.content =
            BookingMapping::withSeries(ScheduleMapping::toFhir(*a, r.doubleBooked), *series);
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
    if (type == QLatin1String("ServiceRequest")) {
        auto s = BookingMapping::seriesFromFhir(resource);
        if (!s)
            return fail(s.error());
        s->meta.id = id;
        auto patient =
            FhirJson::referenceId(resource.value(QStringLiteral("subject")).toObject(),
                                  QStringLiteral("Patient"), QStringLiteral("subject"), true);
        if (!patient)
            return fail(patient.error());
        r.content = BookingMapping::toFhir(*s, *patient);
        setPatient(r, *patient);
        return r;
    }
    if (type == QLatin1String("Provenance")) {
        auto c = BookingMapping::statusChangeFromFhir(resource);
        if (!c)
            return fail(c.error());
        c->meta.id = id;
        r.content = BookingMapping::toFhir(*c);
        setPatient(r, c->patientId);
        return r;
    }
    if (type == QLatin1String("PractitionerRole")) {
        auto w = BookingMapping::workingHoursFromFhir(resource);
        if (!w)
            return fail(w.error());
        w->meta.id = id;
        r.content = BookingMapping::toFhir(*w);
        r.tokens.append({QStringLiteral("practitioner"), w->practitionerId});
        return r;
    }
    if (type == QLatin1String("Organization")) {
        // The clinic's shared settings: one resource, each value by its owner's rule.
        if (id != ClinicSettingsMapping::resourceId())
            return fail(tr("The only Organization kept here is the clinic's settings, "
                           "Organization/%1.")
                            .arg(ClinicSettingsMapping::resourceId()));
        auto values = ClinicSettingsMapping::fromFhir(resource);
        if (!values)
            return fail(values.error());
        for (auto it = values->cbegin(); it != values->cend(); ++it) {
            if (auto s = SharedSettings::validate(it.key(), it.value()); !s)
                return fail(s.error());
        }
        r.content = ClinicSettingsMapping::toFhir(*values);
        return r;
    }
    if (type == QLatin1String("HealthcareService")) {
        auto t = BookingMapping::appointmentTypeFromFhir(resource);
        if (!t)
            return fail(t.error());
        t->meta.id = id;
        r.content = BookingMapping::toFhir(*t);
        addNameTokens(r, QStringLiteral("name"), t->name);
        return r;
    }
    if (type == QLatin1String("Task")) {
        auto recall = PatientRecordMapping::recallFromFhir(resource);
        if (!recall)
            return fail(recall.error());
        recall->meta.id = id;
        r.content = PatientRecordMapping::toFhir(*recall);
        setPatient(r, recall->patientId);
        return r;
    }
    if (type == QLatin1String("Binary")) {
        auto photo = PatientRecordMapping::photoFromFhir(resource);
        if (!photo)
            return fail(photo.error());
        photo->meta.id = id;
        r.content = PatientRecordMapping::toFhir(*photo);
        setPatient(r, photo->patientId);
        return r;
    }
    if (type == QLatin1String("Consent") && FhirMapping::isCommunicationPreference(resource)) {
        auto p = FhirMapping::communicationPreferenceFromFhir(resource);
        if (!p)
            return fail(p.error());
        p->meta.id = id;
        auto patient = FhirMapping::patientId(resource, QStringLiteral("patient"));
        if (!patient)
            return fail(patient.error());
        r.content = FhirMapping::toFhir(*p, ref(QStringLiteral("Patient"), *patient));
        setPatient(r, *patient);
        return r;
    }
    if (type == QLatin1String("Consent")) {
        auto c = FhirMapping::consentFromFhir(resource);
        if (!c)
            return fail(c.error());
        c->meta.id = id;
        auto patient = FhirMapping::patientId(resource, QStringLiteral("patient"));
        if (!patient)
            return fail(patient.error());
        r.content = FhirMapping::toFhir(*c, ref(QStringLiteral("Patient"), *patient));
        setPatient(r, *patient);
        return r;
    }
    if (type == QLatin1String("Coverage")) {
        auto c = FhirMapping::coverageFromFhir(resource);
        if (!c)
            return fail(c.error());
        c->meta.id = id;
        auto patient = FhirMapping::patientId(resource, QStringLiteral("beneficiary"));
        if (!patient)
            return fail(patient.error());
        r.content = FhirMapping::toFhir(*c, ref(QStringLiteral("Patient"), *patient));
        setPatient(r, *patient);
        return r;
    }
    if (type == QLatin1String("Flag")) {
        // Kept as sent: the workstation that wrote the Flag already decided whether it stands,
        // so an ended period is not re-read against this server's clock.
        auto a = FhirMapping::alertFromFhir(resource, QDateTime::fromMSecsSinceEpoch(0, Qt::UTC));
        if (!a)
            return fail(a.error());
        a->meta.id = id;
        auto patient = FhirMapping::patientId(resource, QStringLiteral("subject"));
        if (!patient)
            return fail(patient.error());
        r.content = FhirMapping::toFhir(*a, ref(QStringLiteral("Patient"), *patient));
        setPatient(r, *patient);
        return r;
    }
    if (type == QLatin1String("QuestionnaireResponse")) {
        auto a = SurveyAnswerMapping::fromFhir(resource);
        if (!a)
            return fail(a.error());
        a->meta.id = id;
        r.content = SurveyAnswerMapping::toFhir(*a);
        setPatient(r, a->patientId);
        return r;
    }
    if (type == QLatin1String("Basic")) {
        auto t = MessageTemplateMapping::fromFhir(resource);
        if (!t)
            return fail(t.error());
        t->meta.id = id;
        r.content = MessageTemplateMapping::toFhir(*t);
        return r;
    }
    if (type == QLatin1String("Encounter"))
        return clinical<Encounter>(id, resource, &FhirMapping::encounterFromFhir,
                                   [](const Encounter &e, const QString &patient, const QString &) {
                                       return FhirMapping::toFhir(e, patient);
                                   });
    if (type == QLatin1String("Condition"))
        return clinical<Condition>(
            id, resource, &FhirMapping::conditionFromFhir,
            [](const Condition &c, const QString &patient, const QString &encounter) {
                return FhirMapping::toFhir(c, patient, encounter);
            });
    if (type == QLatin1String("AllergyIntolerance"))
        return clinical<Allergy>(id, resource, &FhirMapping::allergyFromFhir,
                                 [](const Allergy &a, const QString &patient, const QString &) {
                                     return FhirMapping::toFhir(a, patient);
                                 });
    if (type == QLatin1String("MedicationStatement"))
        return clinical<Medication>(
            id, resource, &FhirMapping::medicationFromFhir,
            [](const Medication &m, const QString &patient, const QString &encounter) {
                return FhirMapping::toFhir(m, patient, encounter);
            });
    if (type == QLatin1String("Observation"))
        return clinical<Observation>(
            id, resource, &FhirMapping::observationFromFhir,
            [](const Observation &o, const QString &patient, const QString &encounter) {
                return FhirMapping::toFhir(o, patient, encounter);
            });
    if (type == QLatin1String("Immunization"))
        return clinical<Immunization>(
            id, resource, &FhirMapping::immunizationFromFhir,
            [](const Immunization &i, const QString &patient, const QString &encounter) {
                return FhirMapping::toFhir(i, patient, encounter);
            });
    return fail(tr("This server does not keep %1 resources.").arg(type));
}

} // namespace frontdesk::server
