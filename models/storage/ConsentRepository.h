#pragma once

#include "domain/Consent.h"
#include "storage/Repository.h"

namespace frontdesk {

class ConsentRepository : public Repository<Consent>
{
    Q_DECLARE_TR_FUNCTIONS(ConsentRepository)
public:
    explicit ConsentRepository(Database &db);
    // Saves the consent and, when it carries one, its scanned document, in one transaction.
    // The document is stored beside the row (consent_documents); the row and its audit entry
    // hold its name and SHA-256 only.
    Status save(Consent &consent);
    // The scanned document of a consent; empty when there is none.
    Result<QByteArray> document(const QString &consentId) const;
    // The patient's live records (decided_at DESC).
    Result<QList<Consent>> forPatient(const QString &patientId) const;
    static RecordStore::Table table();

protected:
    QVariantMap toValues(const Consent &r) const override;
    Consent fromRecord(const QSqlRecord &rec) const override;
    Status validate(const Consent &r) const override;

private:
    static QString documentHash(const Consent &r);
};

} // namespace frontdesk
