#include "AutomatedRecords.h"

#include "ResourceTypes.h"
#include "access/AuditLog.h"
#include "database/Database.h"
#include "fhir/FhirMapping.h"

#include <QUuid>

namespace frontdesk::server {

Result<std::optional<StoredResource>> AutomatedRecords::current(const QString &type,
                                                                const QString &id) const
{
    auto stored = m_store.current(type, id);
    if (!stored)
        return fail(stored.error());
    if (stored->has_value() && (*stored)->deleted)
        return std::optional<StoredResource>();
    return *stored;
}

Result<StoredResource> AutomatedRecords::save(const QString &type, const QString &givenId,
                                              const QJsonObject &content, const QString &action,
                                              const QJsonObject &detail)
{
    const QString id =
        givenId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : givenId;
    auto indexed = ResourceTypes::read(type, id, content);
    if (!indexed)
        return fail(
            tr("%1/%2 as the server would write it is invalid: %3").arg(type, id, indexed.error()));
    StoredResource saved;
    const Status s = m_db.write([&]() -> Status {
        auto stored = m_store.save(
            type, id, *indexed, givenId.isEmpty() ? QStringLiteral("POST") : QStringLiteral("PUT"),
            author());
        if (!stored)
            return fail(stored.error());
        saved = *stored;
        AuditEntry entry;
        entry.action = action;
        entry.entityType = type;
        entry.entityId = id;
        entry.patientId = indexed->patientId;
        entry.detail = detail;
        entry.detail.insert(QStringLiteral("version"), stored->versionId);
        entry.detail.insert(QStringLiteral("via"), QStringLiteral("frontdesk-server automation"));
        if (auto appended = AuditLog(m_db).append(entry); !appended)
            return fail(appended.error());
        return {};
    });
    if (!s)
        return fail(s.error());
    return saved;
}

Result<QList<StoredResource>> AutomatedRecords::withToken(const QString &type, const QString &param,
                                                          const QString &value) const
{
    return m_store.withToken(type, param, value);
}

Result<QList<StoredResource>> AutomatedRecords::ofPatient(const QString &type,
                                                          const QString &patientId) const
{
    return withToken(type, QStringLiteral("patient"), patientId);
}

Result<ContactFacts> AutomatedRecords::contactFacts(const QString &patientId,
                                                    const QString &wanted) const
{
    ContactFacts facts;
    facts.preferredChannel = wanted;
    auto consents = ofPatient(QStringLiteral("Consent"), patientId);
    if (!consents)
        return fail(consents.error());
    for (const StoredResource &r : *consents) {
        if (FhirMapping::isCommunicationPreference(r.content)) {
            auto p = FhirMapping::communicationPreferenceFromFhir(r.content);
            if (!p)
                return fail(tr("Consent/%1 is stored but unreadable: %2").arg(r.id, p.error()));
            p->meta.id = r.id;
            facts.preferences << *p;
        } else {
            auto c = FhirMapping::consentFromFhir(r.content);
            if (!c)
                return fail(tr("Consent/%1 is stored but unreadable: %2").arg(r.id, c.error()));
            c->meta.id = r.id;
            facts.consents << *c;
        }
    }
    return facts;
}

} // namespace frontdesk::server
