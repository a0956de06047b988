#include "WaitlistService.h"

#include "scheduling/WaitlistMatcher.h"
#include "storage/PatientRepository.h"
#include "storage/WaitlistRepository.h"

namespace frontdesk {

QList<WaitlistService::Waiting> WaitlistService::named(const QList<WaitlistEntry> &entries) const
{
    PatientRepository patients(m_db);
    QList<Waiting> out;
    out.reserve(entries.size());
    for (const WaitlistEntry &e : entries) {
        auto p = patients.get(e.patientId);
        out.append({e, p ? p->displayName() : e.patientId});
    }
    return out;
}

Result<QList<WaitlistService::Waiting>> WaitlistService::waiting() const
{
    auto entries = WaitlistRepository(m_db).waiting();
    if (!entries)
        return fail(entries.error());
    return named(*entries);
}

Status WaitlistService::add(WaitlistEntry &entry)
{
    return WaitlistRepository(m_db).save(entry);
}

Status WaitlistService::remove(const QString &entryId)
{
    WaitlistRepository repo(m_db);
    auto e = repo.get(entryId);
    if (!e)
        return fail(e.error());
    e->status = QStringLiteral("removed");
    return repo.save(*e);
}

Result<QList<WaitlistService::Waiting>> WaitlistService::suitedTo(const QString &practitionerId,
                                                                  const QDateTime &startUtc,
                                                                  const QDateTime &endUtc,
                                                                  const QTimeZone &clinicZone) const
{
    auto entries = WaitlistRepository(m_db).waiting();
    if (!entries)
        return fail(entries.error());
    return named(WaitlistMatcher(clinicZone).matches(*entries, {practitionerId, startUtc, endUtc}));
}

} // namespace frontdesk
