#include "PatientProfile.h"

#include "access/AccessGuard.h"
#include "database/Database.h"
#include "domain/ClinicTime.h"
#include "domain/PatientValidation.h"
#include "storage/CommunicationPreferenceRepository.h"
#include "storage/ConsentRepository.h"
#include "storage/CoverageRepository.h"
#include "storage/PatientAlertRepository.h"
#include "storage/PatientPhotoRepository.h"
#include "storage/PatientReplies.h"
#include "storage/PatientRepository.h"
#include "storage/PractitionerRepository.h"
#include "storage/RecallRepository.h"

namespace frontdesk {

PatientProfile::PatientProfile(Database &db, QObject *parent) : QObject(parent), m_db(db) {}

Status PatientProfile::open(const QString &patientId)
{
    if (auto s = AccessGuard(m_db).openPatient(patientId); !s)
        return s;
    auto p = PatientRepository(m_db).get(patientId);
    if (!p)
        return fail(p.error());
    m_patient = *p;
    m_visitNotes.reset();
    m_breakGlassReason.clear();
    if (auto s = loadRelated(); !s)
        return s;
    emit changed();
    return {};
}

void PatientProfile::startNew()
{
    m_patient = Patient{};
    m_visitNotes.reset();
    m_patient.mrn = suggestMrn();
    m_alerts.clear();
    m_consents.clear();
    m_coverages.clear();
    m_preferences.clear();
    m_recalls.clear();
    m_overdueRecalls.clear();
    m_practitionerNames.clear();
    emit changed();
}

QString PatientProfile::suggestMrn() const
{
    // The next number after the highest numeric MRN of the form <letters><digits>.
    auto q = m_db.scalar(QStringLiteral("SELECT mrn FROM patients WHERE mrn GLOB "
                                        "'MRN[0-9]*' ORDER BY length(mrn) DESC, mrn DESC LIMIT 1"));
    if (q && q->isValid()) {
        const QString last = q->toString();
        bool ok = false;
        const qlonglong n = last.mid(3).toLongLong(&ok);
        if (ok)
            return QStringLiteral("MRN%1").arg(n + 1, int(last.size() - 3), 10, QLatin1Char('0'));
    }
    return QStringLiteral("MRN0000001");
}

Status PatientProfile::loadRelated()
{
    const QString id = m_patient.meta.id;
    auto alerts = PatientAlertRepository(m_db).forPatient(id);
    if (!alerts)
        return fail(alerts.error());
    m_alerts.clear();
    for (const PatientAlert &a : *alerts)
        if (a.active)
            m_alerts << a;
    auto consents = ConsentRepository(m_db).forPatient(id);
    if (!consents)
        return fail(consents.error());
    m_consents = *consents;
    auto coverages = CoverageRepository(m_db).forPatient(id);
    if (!coverages)
        return fail(coverages.error());
    m_coverages = *coverages;
    // Preferences are messaging data: roles without it see none rather than an error.
    m_preferences.clear();
    if (AccessGuard(m_db).requireRead(CommunicationPreferenceRepository::table().resourceType)) {
        auto prefs = CommunicationPreferenceRepository(m_db).forPatient(id);
        if (!prefs)
            return fail(prefs.error());
        m_preferences = *prefs;
    }
    return loadRecalls();
}

Status PatientProfile::loadRecalls()
{
    const QString id = m_patient.meta.id;
    RecallRepository recalls(m_db);
    auto all = recalls.list(id);
    if (!all)
        return fail(all.error());
    m_recalls = *all;
    auto overdue = recalls.overdue(clinicTime().today(m_db.clock()), id);
    if (!overdue)
        return fail(overdue.error());
    m_overdueRecalls.clear();
    for (const Recall &r : std::as_const(*overdue))
        m_overdueRecalls.insert(r.meta.id);
    // Names of the practitioners named, even one who has left since the recall was made.
    m_practitionerNames.clear();
    PractitionerRepository practitioners(m_db);
    for (const Recall &r : std::as_const(m_recalls)) {
        if (r.practitionerId.isEmpty() || m_practitionerNames.contains(r.practitionerId))
            continue;
        auto p = practitioners.get(r.practitionerId);
        m_practitionerNames.insert(r.practitionerId, p ? p->displayName() : r.practitionerId);
    }
    return {};
}

Result<QList<TimelineEvent>> PatientProfile::timeline(const QSet<TimelineEvent::Kind> &kinds)
{
    if (isNew())
        return QList<TimelineEvent>();
    const QString id = m_patient.meta.id;
    AccessGuard guard(m_db);
    // A pass from before an administrator took the session over is theirs to get anew.
    if (m_visitNotes && !guard.admit(*m_visitNotes))
        m_visitNotes.reset();
    const bool notesWanted = kinds.isEmpty() || kinds.contains(TimelineEvent::Kind::Encounter);
    if (notesWanted && !m_visitNotes && canSeeClinical()) {
        auto needs = guard.needsBreakGlass(id);
        if (!needs)
            return fail(needs.error());
        if (!*needs) {
            auto access = guard.openClinical(id, ClinicalRead::VisitNotes);
            if (!access)
                return fail(access.error());
            m_visitNotes = *access;
        }
    }
    return PatientTimeline(m_db).load(id, kinds, m_visitNotes);
}

bool PatientProfile::visitNotesHidden() const
{
    return !isNew() && !m_visitNotes && canSeeClinical();
}

Result<std::optional<PatientPhoto>> PatientProfile::photo() const
{
    return PatientPhotoRepository(m_db).forPatient(m_patient.meta.id);
}

Status PatientProfile::setPhoto(const QByteArray &bytes)
{
    auto saved = PatientPhotoRepository(m_db).setPhoto(m_patient.meta.id, bytes);
    return saved ? Status() : fail(saved.error());
}

Status PatientProfile::removePhoto()
{
    return PatientPhotoRepository(m_db).removePhoto(m_patient.meta.id);
}

QDateTime PatientProfile::now() const
{
    return m_db.clock().nowUtc();
}

Status PatientProfile::markReplyHandled(const QString &appointmentId)
{
    auto handled = PatientReplies(m_db).markHandled(appointmentId);
    return handled ? Status() : fail(handled.error());
}

bool PatientProfile::canSeeClinical() const
{
    return AccessGuard(m_db).require(Permission::ViewClinical).ok();
}

Result<bool> PatientProfile::clinicalNeedsReason() const
{
    return AccessGuard(m_db).needsBreakGlass(m_patient.meta.id);
}

Result<ClinicalSummary> PatientProfile::openClinical(const QString &reason)
{
    auto access = AccessGuard(m_db).openClinical(m_patient.meta.id, ClinicalRead::Summary, reason);
    if (!access)
        return fail(access.error());
    m_breakGlassReason = access->breakGlassReason();
    auto summary = ClinicalSummary::load(m_db, *access);
    if (summary && !m_visitNotes)
        emit clinicalOpened();
    return summary;
}

ClinicTime PatientProfile::clinicTime() const
{
    return ClinicTime::fromZoneName(m_db.setting(ClinicTime::settingKey()));
}

QMap<QString, QString> PatientProfile::validate(const Patient &draft) const
{
    return PatientValidation::checkForEditing(draft, clinicTime().today(m_db.clock()));
}

Result<QList<DuplicateFinder::Match>> PatientProfile::possibleDuplicates(const Patient &draft) const
{
    return DuplicateFinder(m_db).matchesFor(draft);
}

Status PatientProfile::save(Patient draft)
{
    const auto errors = validate(draft);
    if (!errors.isEmpty())
        return fail(errors.first());
    draft.meta = m_patient.meta;
    PatientRepository repo(m_db);
    if (auto s = repo.save(draft); !s)
        return s;
    m_patient = draft;
    if (auto s = loadRelated(); !s)
        return s;
    emit changed();
    return {};
}

Status PatientProfile::addAlert(PatientAlert alert)
{
    alert.meta = {};
    alert.patientId = m_patient.meta.id;
    if (auto s = PatientAlertRepository(m_db).save(alert); !s)
        return s;
    return reload();
}

Status PatientProfile::recordConsent(Consent consent)
{
    consent.meta = {};
    consent.patientId = m_patient.meta.id;
    if (!consent.decidedAt.isValid())
        consent.decidedAt = m_db.clock().nowUtc();
    if (consent.recordedBy.isEmpty())
        consent.recordedBy = m_db.actor().name;
    if (auto s = ConsentRepository(m_db).save(consent); !s)
        return s;
    return reload();
}

Status PatientProfile::saveCoverage(Coverage coverage)
{
    coverage.patientId = m_patient.meta.id;
    // A new eligibility answer is a check done now.
    if (!coverage.eligibilityCheckedAt.isValid() &&
        coverage.eligibility != QLatin1String("unknown"))
        coverage.eligibilityCheckedAt = m_db.clock().nowUtc();
    if (coverage.validFrom.isValid() && coverage.validTo.isValid() &&
        coverage.validTo < coverage.validFrom)
        return fail(tr("The insurance ends before it starts."));
    if (auto s = CoverageRepository(m_db).save(coverage); !s)
        return s;
    return reload();
}

Status PatientProfile::setPreference(CommunicationPreference preference)
{
    preference.patientId = m_patient.meta.id;
    preference.meta = {};
    for (const CommunicationPreference &existing : std::as_const(m_preferences)) {
        if (existing.purpose == preference.purpose)
            preference.meta = existing.meta;
    }
    if (auto s = CommunicationPreferenceRepository(m_db).save(preference); !s)
        return s;
    return reload();
}

Status PatientProfile::editAlert(PatientAlert alert)
{
    if (alert.meta.isNew())
        return fail(tr("Only an existing alert can be edited."));
    alert.patientId = m_patient.meta.id;
    if (auto s = PatientAlertRepository(m_db).save(alert); !s)
        return s;
    return reload();
}

Status PatientProfile::removeAlert(const QString &alertId)
{
    for (PatientAlert alert : std::as_const(m_alerts)) {
        if (alert.meta.id != alertId)
            continue;
        if (auto s = PatientAlertRepository(m_db).remove(alert); !s)
            return s;
        return reload();
    }
    return fail(tr("This alert is no longer in the patient's record."));
}

Status PatientProfile::removePreference(const QString &preferenceId)
{
    for (CommunicationPreference preference : std::as_const(m_preferences)) {
        if (preference.meta.id != preferenceId)
            continue;
        if (auto s = CommunicationPreferenceRepository(m_db).remove(preference); !s)
            return s;
        return reload();
    }
    return fail(tr("This preference is no longer in the patient's record."));
}

Status PatientProfile::changePreference(const QString &preferenceId,
                                        const CommunicationPreference &preference)
{
    QString oldPurpose;
    for (const CommunicationPreference &p : std::as_const(m_preferences)) {
        if (p.meta.id == preferenceId)
            oldPurpose = p.purpose;
    }
    const Status s = m_db.write([&]() -> Status {
        if (auto saved = setPreference(preference); !saved)
            return saved;
        if (!oldPurpose.isEmpty() && preference.purpose != oldPurpose)
            return removePreference(preferenceId);
        return {};
    });
    if (!s)
        (void)reload(); // what is shown must match what the rollback left
    return s;
}

Status PatientProfile::withdrawConsent(const QString &consentId, const QDateTime &when,
                                       const QString &note)
{
    for (const Consent &given : std::as_const(m_consents)) {
        if (given.meta.id != consentId)
            continue;
        if (given.status != QLatin1String("given"))
            return fail(tr("This consent is already withdrawn."));
        Consent withdrawn;
        withdrawn.type = given.type;
        withdrawn.status = QStringLiteral("withdrawn");
        withdrawn.decidedAt = when.isValid() ? when.toUTC() : m_db.clock().nowUtc();
        if (withdrawn.decidedAt < given.decidedAt)
            return fail(tr("A consent cannot be withdrawn before it was given."));
        withdrawn.note = note;
        return recordConsent(withdrawn);
    }
    return fail(tr("This consent is no longer in the patient's record."));
}

bool PatientProfile::canEditRecalls() const
{
    return !isNew() && AccessGuard(m_db).requireWrite(RecallRepository::table().resourceType).ok();
}

Result<QList<Practitioner>> PatientProfile::recallPractitioners() const
{
    return PractitionerRepository(m_db).active();
}

QString PatientProfile::practitionerName(const QString &practitionerId) const
{
    return m_practitionerNames.value(practitionerId, practitionerId);
}

Recall PatientProfile::newRecall() const
{
    Recall recall;
    recall.patientId = m_patient.meta.id;
    recall.dueOn = clinicTime().today(m_db.clock()).addMonths(6);
    return recall;
}

QMap<QString, QString> PatientProfile::validateRecall(const Recall &draft) const
{
    QMap<QString, QString> errors;
    const QDate today = clinicTime().today(m_db.clock());
    if (!draft.dueOn.isValid())
        errors.insert(QStringLiteral("dueOn"), tr("Enter the date the patient should come back."));
    else if (draft.dueOn > today.addYears(10))
        errors.insert(QStringLiteral("dueOn"),
                      tr("The due date is more than ten years ahead; please check the year."));
    if (draft.reason.trimmed().isEmpty())
        errors.insert(QStringLiteral("reason"),
                      tr("Say what the patient should come back for, e.g. yearly check-up."));
    else if (draft.reason.trimmed().size() > 200)
        errors.insert(QStringLiteral("reason"), tr("Keep the reason under 200 characters."));
    if (!draft.practitionerId.isEmpty()) {
        auto p = PractitionerRepository(m_db).get(draft.practitionerId);
        if (!p || p->meta.deleted)
            errors.insert(QStringLiteral("practitionerId"),
                          tr("This practitioner is no longer in the clinic's list; choose "
                             "another or any practitioner."));
    }
    return errors;
}

Status PatientProfile::addRecall(Recall recall)
{
    if (isNew())
        return fail(tr("Save the new patient before adding a recall."));
    recall.meta = {};
    return saveOpenRecall(std::move(recall));
}

Status PatientProfile::editRecall(Recall recall)
{
    for (const Recall &loaded : std::as_const(m_recalls)) {
        if (loaded.meta.id != recall.meta.id)
            continue;
        if (loaded.status != Recall::open())
            return fail(tr("Only an open recall can be changed; this one is closed."));
        recall.meta = loaded.meta;
        return saveOpenRecall(std::move(recall));
    }
    return fail(tr("This recall is no longer in the patient's record."));
}

Status PatientProfile::saveOpenRecall(Recall recall)
{
    recall.patientId = m_patient.meta.id;
    recall.reason = recall.reason.trimmed();
    recall.status = Recall::open();
    if (const auto errors = validateRecall(recall); !errors.isEmpty())
        return fail(errors.first());
    if (auto s = RecallRepository(m_db).save(recall); !s)
        return s;
    return reload();
}

Status PatientProfile::markRecallDone(const QString &recallId)
{
    return closeRecall(recallId, Recall::done());
}

Status PatientProfile::cancelRecall(const QString &recallId)
{
    return closeRecall(recallId, Recall::cancelled());
}

Status PatientProfile::closeRecall(const QString &recallId, const QString &status)
{
    for (const Recall &loaded : std::as_const(m_recalls)) {
        if (loaded.meta.id != recallId)
            continue;
        // Said here in words a receptionist knows rather than the repository's status codes.
        if (loaded.status == Recall::done())
            return fail(tr("This recall is already done."));
        if (loaded.status == Recall::cancelled())
            return fail(tr("This recall is already cancelled."));
        const Status s = RecallRepository(m_db).close(recallId, status);
        // Reloaded either way: after a failure (e.g. closed elsewhere) the list shows the truth.
        const Status reloaded = reload();
        if (!s)
            return s;
        return reloaded;
    }
    return fail(tr("This recall is no longer in the patient's record."));
}

Status PatientProfile::reload()
{
    if (auto s = loadRelated(); !s)
        return s;
    emit changed();
    return {};
}

} // namespace frontdesk
