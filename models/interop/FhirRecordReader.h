#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

namespace frontdesk {

class Database;

// The FHIR resource a local record travels as, read from the database by the FHIR type and id
// an outbox entry names: the one entry point the sync worker uses to turn an outbox entry into
// what it pushes. The forms are the fhir/ mappings' (README "What each record is in FHIR");
// the sync worker's inbound side reads them back with the same mappings' fromFhir functions.
//
// Two local records share a FHIR type, told apart by id (ids are UUIDs): an Appointment is a
// booked visit or a waitlist entry, a Consent a consent or a communication preference. A
// Patient carries its links (patient_links) in Patient.link.
//
// Every read is guarded like the repositories' (the permission of the record's type); clinical
// types are read only on the sync worker's system connection (AccessGuard::openClinicalForSync),
// never on a person's. Tombstoned records are read too: a delete still names what it removes.
class FhirRecordReader
{
    Q_DECLARE_TR_FUNCTIONS(FhirRecordReader)
public:
    explicit FhirRecordReader(Database &db) : m_db(db) {}

    Result<QJsonObject> read(const QString &fhirType, const QString &id);
    // The FHIR types read() knows: every type the outbox names.
    static QStringList types();

private:
    Result<QJsonObject> readAppointment(const QString &id);
    Result<QJsonObject> readPatient(const QString &id);
    Result<QJsonObject> readSeries(const QString &id);
    Result<QJsonObject> readPhoto(const QString &id);
    Result<QJsonObject> readConsent(const QString &id);
    Result<QJsonObject> readClinical(const QString &fhirType, const QString &id);
    Result<bool> exists(const QString &table, const QString &id) const;

    Database &m_db;
};

} // namespace frontdesk
