#include "FhirRecordReader.h"

#include "access/AccessGuard.h"
#include "database/Database.h"
#include "fhir/BookingMapping.h"
#include "fhir/ClinicSettingsMapping.h"
#include "fhir/CommunicationMapping.h"
#include "fhir/FhirMapping.h"
#include "fhir/MessageTemplateMapping.h"
#include "fhir/PatientRecordMapping.h"
#include "fhir/ScheduleMapping.h"
#include "fhir/SurveyAnswerMapping.h"
#include "messaging/MessageTemplateRepository.h"
#include "storage/AllergyRepository.h"
#include "storage/AppointmentRepository.h"
#include "storage/AppointmentSeriesRepository.h"
#include "storage/AppointmentTypeRepository.h"
#include "storage/CommunicationPreferenceRepository.h"
#include "storage/ConditionRepository.h"
#include "storage/ConsentRepository.h"
#include "storage/CoverageRepository.h"
#include "storage/EncounterRepository.h"
#include "storage/ImmunizationRepository.h"
#include "storage/LocationRepository.h"
#include "storage/MedicationRepository.h"
#include "storage/MessageRepository.h"
#include "storage/ObservationRepository.h"
#include "storage/PatientAlertRepository.h"
#include "storage/PatientPhotoRepository.h"
#include "storage/PatientRepository.h"
#include "storage/PractitionerRepository.h"
#include "storage/RecallRepository.h"
#include "storage/ScheduleExceptionRepository.h"
#include "storage/SharedSettings.h"
#include "storage/StatusHistoryRepository.h"
#include "storage/SurveyAnswerRepository.h"
#include "storage/WaitlistRepository.h"

#include <QJsonDocument>

namespace frontdesk {

namespace {

QString patientRef(const QString &id)
{
    return id.isEmpty() ? QString() : QStringLiteral("Patient/") + id;
}

QString encounterRef(const QString &id)
{
    return id.isEmpty() ? QString() : QStringLiteral("Encounter/") + id;
}

// A repository's record as FHIR, through the mapping `map`.
template <typename Repo, typename Map>
Result<QJsonObject> viaRepository(Database &db, const QString &id, Map map)
{
    auto record = Repo(db).get(id);
    if (!record)
        return fail(record.error());
    return map(*record);
}

} // namespace

QStringList FhirRecordReader::types()
{
    return {QStringLiteral("Patient"),
            QStringLiteral("Appointment"),
            QStringLiteral("Practitioner"),
            QStringLiteral("Location"),
            QStringLiteral("Slot"),
            QStringLiteral("ServiceRequest"),
            QStringLiteral("Provenance"),
            QStringLiteral("PractitionerRole"),
            QStringLiteral("HealthcareService"),
            QStringLiteral("Task"),
            QStringLiteral("Binary"),
            QStringLiteral("Consent"),
            QStringLiteral("Coverage"),
            QStringLiteral("Flag"),
            QStringLiteral("Basic"),
            QStringLiteral("QuestionnaireResponse"),
            QStringLiteral("Encounter"),
            QStringLiteral("Condition"),
            QStringLiteral("AllergyIntolerance"),
            QStringLiteral("MedicationStatement"),
            QStringLiteral("Observation"),
            QStringLiteral("Immunization")};
}

Result<bool> FhirRecordReader::exists(const QString &table, const QString &id) const
{
    // The table name is one of this file's fixed names, never input.
    auto n = m_db.scalar(QStringLiteral("SELECT count(*) FROM %1 WHERE id = ?").arg(table), {id});
    if (!n)
        return fail(n.error());
    return n->toLongLong() > 0;
}

Result<QJsonObject> FhirRecordReader::read(const QString &fhirType, const QString &id)
{
    if (fhirType == QLatin1String("Patient"))
        return readPatient(id);
    if (fhirType == QLatin1String("Appointment"))
        return readAppointment(id);
    if (fhirType == QLatin1String("Practitioner"))
        return viaRepository<PractitionerRepository>(
            m_db, id, [](const Practitioner &p) { return ScheduleMapping::toFhir(p); });
    if (fhirType == QLatin1String("Location"))
        return viaRepository<LocationRepository>(
            m_db, id, [](const Location &l) { return ScheduleMapping::toFhir(l); });
    if (fhirType == QLatin1String("Slot"))
        return viaRepository<ScheduleExceptionRepository>(
            m_db, id, [](const ScheduleException &e) { return ScheduleMapping::toFhir(e); });
    if (fhirType == QLatin1String("ServiceRequest"))
        return readSeries(id);
    if (fhirType == QLatin1String("Provenance"))
        return viaRepository<StatusHistoryRepository>(
            m_db, id, [](const StatusChange &c) { return BookingMapping::toFhir(c); });
    if (fhirType == QLatin1String("PractitionerRole"))
        return viaRepository<WorkingHoursRepository>(
            m_db, id, [](const WorkingHours &w) { return BookingMapping::toFhir(w); });
    if (fhirType == QLatin1String("HealthcareService"))
        return viaRepository<AppointmentTypeRepository>(
            m_db, id, [](const AppointmentType &t) { return BookingMapping::toFhir(t); });
    if (fhirType == QLatin1String("Task"))
        return viaRepository<RecallRepository>(
            m_db, id, [](const Recall &r) { return PatientRecordMapping::toFhir(r); });
    if (fhirType == QLatin1String("Binary"))
        return readPhoto(id);
    if (fhirType == QLatin1String("Consent"))
        return readConsent(id);
    if (fhirType == QLatin1String("Coverage"))
        return viaRepository<CoverageRepository>(m_db, id, [](const Coverage &c) {
            return FhirMapping::toFhir(c, patientRef(c.patientId));
        });
    if (fhirType == QLatin1String("Flag"))
        return viaRepository<PatientAlertRepository>(m_db, id, [](const PatientAlert &a) {
            return FhirMapping::toFhir(a, patientRef(a.patientId));
        });
    if (fhirType == QLatin1String("Organization")) {
        auto values = SharedSettings(m_db).values();
        if (!values)
            return fail(values.error());
        return ClinicSettingsMapping::toFhir(*values);
    }
    if (fhirType == QLatin1String("Communication"))
        return viaRepository<MessageRepository>(
            m_db, id, [](const Message &m) { return CommunicationMapping::toFhir(m); });
    if (fhirType == QLatin1String("Basic"))
        return viaRepository<MessageTemplateRepository>(
            m_db, id, [](const MessageTemplate &t) { return MessageTemplateMapping::toFhir(t); });
    if (fhirType == QLatin1String("QuestionnaireResponse"))
        return viaRepository<SurveyAnswerRepository>(
            m_db, id, [](const SurveyAnswer &a) { return SurveyAnswerMapping::toFhir(a); });
    if (types().contains(fhirType))
        return readClinical(fhirType, id);
    return fail(tr("Records of the FHIR type \"%1\" are not read for sync.").arg(fhirType));
}

Result<QJsonObject> FhirRecordReader::readPatient(const QString &id)
{
    auto patient = PatientRepository(m_db).get(id);
    if (!patient)
        return fail(patient.error());
    if (auto s = AccessGuard(m_db).requireRead(QStringLiteral("PatientLink")); !s)
        return fail(s.error());
    auto rows = m_db.query(QStringLiteral("SELECT id, target_id, kind, detail FROM patient_links "
                                          "WHERE source_id = ? AND deleted = 0 ORDER BY id"),
                           {id});
    if (!rows)
        return fail(rows.error());
    QList<PatientLink> links;
    while (rows->next()) {
        PatientLink l;
        l.meta.id = rows->value(0).toString();
        l.sourceId = id;
        l.targetId = rows->value(1).toString();
        l.kind = rows->value(2).toString();
        l.detail = rows->value(3).toString();
        links << l;
    }
    return PatientRecordMapping::withLinks(FhirMapping::toFhir(*patient), links);
}

Result<QJsonObject> FhirRecordReader::readAppointment(const QString &id)
{
    auto booked = exists(QStringLiteral("appointments"), id);
    if (!booked)
        return fail(booked.error());
    if (!*booked)
        return viaRepository<WaitlistRepository>(
            m_db, id, [](const WaitlistEntry &e) { return BookingMapping::toFhir(e); });
    auto a = AppointmentRepository(m_db).get(id);
    if (!a)
        return fail(a.error());
    auto series =
        m_db.scalar(QStringLiteral("SELECT series_id FROM appointments WHERE id = ?"), {id});
    if (!series)
        return fail(series.error());
    // A manager's double booking is kept as the audit entry of the override; it still holds
    // while the appointment is where the override put it.
    auto overrides = m_db.query(QStringLiteral("SELECT detail FROM audit_log WHERE action = "
                                               "'double-book' AND entity_id = ? ORDER BY seq"),
                                {id});
    if (!overrides)
        return fail(overrides.error());
    bool doubleBooked = false;
    while (overrides->next()) {
        const QJsonObject detail =
            QJsonDocument::fromJson(overrides->value(0).toByteArray()).object();
        doubleBooked =
            qint64(detail.value(QStringLiteral("start")).toDouble()) ==
                a->start.toMSecsSinceEpoch() &&
            qint64(detail.value(QStringLiteral("end")).toDouble()) == a->end.toMSecsSinceEpoch();
    }
    return BookingMapping::withSeries(ScheduleMapping::toFhir(*a, doubleBooked),
                                      series->toString());
}

Result<QJsonObject> FhirRecordReader::readSeries(const QString &id)
{
    auto s = AppointmentSeriesRepository(m_db).get(id);
    if (!s)
        return fail(s.error());
    auto patient = m_db.scalar(QStringLiteral("SELECT patient_id FROM appointments WHERE "
                                              "series_id = ? ORDER BY start_at LIMIT 1"),
                               {id});
    if (!patient)
        return fail(patient.error());
    return BookingMapping::toFhir(*s, patient->toString());
}

Result<QJsonObject> FhirRecordReader::readPhoto(const QString &id)
{
    auto photo = PatientPhotoRepository(m_db).get(id);
    if (!photo)
        return fail(photo.error());
    auto data = m_db.scalar(QStringLiteral("SELECT data FROM patient_photos WHERE id = ?"), {id});
    if (!data)
        return fail(data.error());
    photo->data = data->toByteArray();
    return PatientRecordMapping::toFhir(*photo);
}

Result<QJsonObject> FhirRecordReader::readConsent(const QString &id)
{
    auto isConsent = exists(QStringLiteral("consents"), id);
    if (!isConsent)
        return fail(isConsent.error());
    if (!*isConsent)
        return viaRepository<CommunicationPreferenceRepository>(
            m_db, id, [](const CommunicationPreference &p) {
                return FhirMapping::toFhir(p, patientRef(p.patientId));
            });
    ConsentRepository consents(m_db);
    auto consent = consents.get(id);
    if (!consent)
        return fail(consent.error());
    auto document = consents.document(id);
    if (!document)
        return fail(document.error());
    consent->document = *document;
    return FhirMapping::toFhir(*consent, patientRef(consent->patientId));
}

Result<QJsonObject> FhirRecordReader::readClinical(const QString &fhirType, const QString &id)
{
    static const QList<std::pair<QString, QString>> tables{
        {QStringLiteral("Encounter"), QStringLiteral("encounters")},
        {QStringLiteral("Condition"), QStringLiteral("conditions")},
        {QStringLiteral("AllergyIntolerance"), QStringLiteral("allergies")},
        {QStringLiteral("MedicationStatement"), QStringLiteral("medications")},
        {QStringLiteral("Observation"), QStringLiteral("observations")},
        {QStringLiteral("Immunization"), QStringLiteral("immunizations")}};
    QString table;
    for (const auto &[type, name] : tables) {
        if (type == fhirType)
            table = name;
    }
    // Whose record it is, first: the token is for one patient, and nothing clinical is read
    // before it is granted.
    auto patient =
        m_db.scalar(QStringLiteral("SELECT patient_id FROM %1 WHERE id = ?").arg(table), {id});
    if (!patient)
        return fail(patient.error());
    if (patient->isNull())
        return fail(tr("No %1 with id %2.").arg(fhirType, id));
    AccessGuard guard(m_db);
    auto access = guard.openClinicalForSync(patient->toString());
    if (!access)
        return fail(access.error());
    if (auto s = guard.admit(*access); !s)
        return fail(s.error());
    const QString subject = patientRef(access->patientId());
    if (fhirType == QLatin1String("Encounter"))
        return viaRepository<EncounterRepository>(
            m_db, id, [&](const Encounter &e) { return FhirMapping::toFhir(e, subject); });
    if (fhirType == QLatin1String("Condition"))
        return viaRepository<ConditionRepository>(m_db, id, [&](const Condition &c) {
            return FhirMapping::toFhir(c, subject, encounterRef(c.encounterId));
        });
    if (fhirType == QLatin1String("AllergyIntolerance"))
        return viaRepository<AllergyRepository>(
            m_db, id, [&](const Allergy &a) { return FhirMapping::toFhir(a, subject); });
    if (fhirType == QLatin1String("MedicationStatement"))
        return viaRepository<MedicationRepository>(m_db, id, [&](const Medication &m) {
            return FhirMapping::toFhir(m, subject, encounterRef(m.encounterId));
        });
    if (fhirType == QLatin1String("Observation"))
        return viaRepository<ObservationRepository>(m_db, id, [&](const Observation &o) {
            return FhirMapping::toFhir(o, subject, encounterRef(o.encounterId));
        });
    return viaRepository<ImmunizationRepository>(m_db, id, [&](const Immunization &i) {
        return FhirMapping::toFhir(i, subject, encounterRef(i.encounterId));
    });
}

} // namespace frontdesk
