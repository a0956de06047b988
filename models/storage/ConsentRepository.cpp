#include "ConsentRepository.h"

#include "storage/ColumnValues.h"

#include <QCryptographicHash>

namespace frontdesk {

RecordStore::Table ConsentRepository::table()
{
    return {QStringLiteral("consents"),
            QStringLiteral("Consent"),
            {QStringLiteral("patient_id"), QStringLiteral("type"), QStringLiteral("status"),
             QStringLiteral("decided_at"), QStringLiteral("recorded_by"),
             QStringLiteral("document_name"), QStringLiteral("document_sha256"),
             QStringLiteral("note")},
            QStringLiteral("patient_id")};
}

ConsentRepository::ConsentRepository(Database &db) : Repository(db, table()) {}

QVariantMap ConsentRepository::toValues(const Consent &r) const
{
    return {{QStringLiteral("patient_id"), r.patientId},
            {QStringLiteral("type"), r.type},
            {QStringLiteral("status"), r.status},
            {QStringLiteral("decided_at"), columns::fromTime(r.decidedAt)},
            {QStringLiteral("recorded_by"), r.recordedBy},
            {QStringLiteral("document_name"), r.documentName},
            {QStringLiteral("document_sha256"), documentHash(r)},
            {QStringLiteral("note"), r.note}};
}

QString ConsentRepository::documentHash(const Consent &r)
{
    if (r.documentName.isEmpty())
        return {};
    if (r.document.isEmpty())
        return r.documentSha256;
    return QString::fromLatin1(
        QCryptographicHash::hash(r.document, QCryptographicHash::Sha256).toHex());
}

Consent ConsentRepository::fromRecord(const QSqlRecord &rec) const
{
    Consent x;
    x.meta = RecordStore::metaFrom(rec);
    x.patientId = rec.value(QStringLiteral("patient_id")).toString();
    x.type = rec.value(QStringLiteral("type")).toString();
    x.status = rec.value(QStringLiteral("status")).toString();
    x.decidedAt = columns::toTime(rec.value(QStringLiteral("decided_at")));
    x.recordedBy = rec.value(QStringLiteral("recorded_by")).toString();
    x.documentName = rec.value(QStringLiteral("document_name")).toString();
    x.documentSha256 = rec.value(QStringLiteral("document_sha256")).toString();
    x.note = rec.value(QStringLiteral("note")).toString();
    return x;
}

Status ConsentRepository::validate(const Consent &r) const
{
    return r.validate();
}

Status ConsentRepository::save(Consent &consent)
{
    return m_db.write([&]() -> Status {
        if (auto s = Repository::save(consent); !s)
            return s;
        if (consent.documentName.isEmpty()) {
            if (auto q =
                    m_db.query(QStringLiteral("DELETE FROM consent_documents WHERE consent_id = ?"),
                               {consent.meta.id});
                !q)
                return fail(tr("Could not remove the scanned consent: %1").arg(q.error()));
            consent.documentSha256.clear();
            return {};
        }
        if (consent.document.isEmpty())
            return {};
        consent.documentSha256 = documentHash(consent);
        if (auto q = m_db.query(QStringLiteral("INSERT OR REPLACE INTO consent_documents "
                                               "(consent_id, data, updated_at) VALUES (?, ?, ?)"),
                                {consent.meta.id, consent.document, m_db.clock().nowMs()});
            !q)
            return fail(tr("Could not store the scanned consent: %1").arg(q.error()));
        return {};
    });
}

Result<QByteArray> ConsentRepository::document(const QString &consentId) const
{
    auto data = m_db.scalar(
        QStringLiteral("SELECT data FROM consent_documents WHERE consent_id = ?"), {consentId});
    if (!data)
        return fail(data.error());
    return data->toByteArray();
}

Result<QList<Consent>> ConsentRepository::forPatient(const QString &patientId) const
{
    return select(QStringLiteral("WHERE patient_id = ? AND deleted = 0 ORDER BY decided_at DESC"),
                  {patientId});
}

} // namespace frontdesk
