#include "PatientMerge.h"

#include "access/AuditLog.h"
#include "database/Database.h"
#include "storage/AllergyRepository.h"
#include "storage/AppointmentRepository.h"
#include "storage/CommunicationPreferenceRepository.h"
#include "storage/ConditionRepository.h"
#include "storage/ConsentRepository.h"
#include "storage/CoverageRepository.h"
#include "storage/EncounterRepository.h"
#include "storage/ImmunizationRepository.h"
#include "storage/MedicationRepository.h"
#include "storage/MessageRepository.h"
#include "storage/ObservationRepository.h"
#include "storage/PatientAlertRepository.h"
#include "storage/PatientPhotoRepository.h"
#include "storage/PatientRepository.h"
#include "storage/RecallRepository.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace frontdesk {

namespace {

PatientMerge::Field textField(const QString &key, const QString &label, QString Patient::*member)
{
    return {key, label, [member](const Patient &p) { return QVariant(p.*member); },
            [member](Patient &p, const QVariant &v) { p.*member = v.toString(); }};
}

} // namespace

RecordStore::Table PatientMerge::linkTable()
{
    return {QStringLiteral("patient_links"),
            QStringLiteral("PatientLink"),
            {QStringLiteral("source_id"), QStringLiteral("target_id"), QStringLiteral("kind"),
             QStringLiteral("detail")},
            QStringLiteral("source_id"),
            QStringLiteral("Patient"),
            QStringLiteral("source_id"),
            QStringLiteral("patients")};
}

QList<PatientMerge::Field> PatientMerge::fields()
{
    QList<Field> f{
        textField(QStringLiteral("mrn"), tr("MRN"), &Patient::mrn),
        textField(QStringLiteral("familyName"), tr("Family name"), &Patient::familyName),
        textField(QStringLiteral("givenName"), tr("Given name"), &Patient::givenName),
        {QStringLiteral("birthDate"), tr("Birth date"),
         [](const Patient &p) { return QVariant(p.birthDate); },
         [](Patient &p, const QVariant &v) { p.birthDate = v.toDate(); }},
        textField(QStringLiteral("sex"), tr("Sex"), &Patient::sex),
        textField(QStringLiteral("phoneMobile"), tr("Mobile phone"), &Patient::phoneMobile),
        textField(QStringLiteral("phoneHome"), tr("Home phone"), &Patient::phoneHome),
        textField(QStringLiteral("email"), tr("E-mail"), &Patient::email),
        textField(QStringLiteral("addressLine"), tr("Address"), &Patient::addressLine),
        textField(QStringLiteral("city"), tr("City"), &Patient::city),
        textField(QStringLiteral("postalCode"), tr("Postal code"), &Patient::postalCode),
        textField(QStringLiteral("country"), tr("Country"), &Patient::country),
        textField(QStringLiteral("preferredLanguage"), tr("Preferred language"),
                  &Patient::preferredLanguage),
        textField(QStringLiteral("preferredChannel"), tr("Preferred channel"),
                  &Patient::preferredChannel),
        textField(QStringLiteral("emergencyContactName"), tr("Emergency contact"),
                  &Patient::emergencyContactName),
        textField(QStringLiteral("emergencyContactRelation"), tr("Emergency contact relation"),
                  &Patient::emergencyContactRelation),
        textField(QStringLiteral("emergencyContactPhone"), tr("Emergency contact phone"),
                  &Patient::emergencyContactPhone),
    };
    return f;
}

Patient PatientMerge::combine(const Patient &survivor, const Patient &merged, const Plan &plan)
{
    Patient out = survivor;
    for (const Field &f : fields()) {
        const QVariant mine = f.get(survivor);
        const bool empty = !mine.isValid() || mine.toString().isEmpty() ||
                           (mine.typeId() == QMetaType::QDate && !mine.toDate().isValid());
        const auto choice = plan.choices.constFind(f.key);
        if ((choice != plan.choices.cend() && *choice == Side::Merged) ||
            (choice == plan.choices.cend() && empty))
            f.set(out, f.get(merged));
    }
    return out;
}

Result<PatientMerge::Outcome> PatientMerge::merge(const Plan &plan)
{
    if (plan.survivorId == plan.mergedId)
        return fail(tr("A patient cannot be merged with itself."));
    PatientRepository patients(m_db);
    Outcome outcome;
    const Status s = m_db.write([&]() -> Status {
        auto survivor = patients.get(plan.survivorId);
        if (!survivor)
            return fail(survivor.error());
        auto merged = patients.get(plan.mergedId);
        if (!merged)
            return fail(merged.error());
        for (const Patient *p : {&*survivor, &*merged}) {
            if (p->meta.deleted)
                return fail(tr("%1 (%2) was deleted.").arg(p->displayName(), p->mrn));
            if (!p->mergedInto.isEmpty())
                return fail(tr("%1 (%2) was already merged into another record.")
                                .arg(p->displayName(), p->mrn));
        }
        for (auto it = plan.choices.cbegin(); it != plan.choices.cend(); ++it) {
            const auto all = fields();
            if (std::none_of(all.begin(), all.end(),
                             [&](const Field &f) { return f.key == it.key(); }))
                return fail(tr("There is no patient field \"%1\" to choose.").arg(it.key()));
        }

        // The merged record gives up its MRN first when the survivor takes it over (MRNs are
        // unique); it keeps it otherwise, so a search by the old MRN can show the link.
        Patient combined = combine(*survivor, *merged, plan);
        Patient retired = *merged;
        retired.mergedInto = survivor->meta.id;
        if (combined.mrn == merged->mrn)
            retired.mrn = merged->mrn + QStringLiteral("~merged-") + survivor->meta.id.left(8);
        if (auto r = patients.save(retired); !r)
            return r;
        if (auto r = patients.save(combined); !r)
            return r;
        outcome.survivor = combined;

        const QList<RecordStore::Table> owned{AppointmentRepository::table(),
                                              MessageRepository::table(),
                                              ConsentRepository::table(),
                                              CoverageRepository::table(),
                                              CommunicationPreferenceRepository::table(),
                                              PatientAlertRepository::table(),
                                              EncounterRepository::table(),
                                              ConditionRepository::table(),
                                              AllergyRepository::table(),
                                              MedicationRepository::table(),
                                              ObservationRepository::table(),
                                              ImmunizationRepository::table(),
                                              RecallRepository::table()};
        QJsonObject moved;
        for (const RecordStore::Table &table : owned) {
            auto rows =
                m_db.query(QStringLiteral("SELECT id FROM %1 WHERE patient_id = ? AND deleted = 0")
                               .arg(table.name),
                           {plan.mergedId});
            if (!rows)
                return fail(rows.error());
            QStringList ids;
            while (rows->next())
                ids << rows->value(0).toString();
            RecordStore store(m_db, table);
            for (const QString &id : ids) {
                if (auto u = store.update(id, {{QStringLiteral("patient_id"), plan.survivorId}});
                    !u)
                    return fail(u.error());
            }
            outcome.moved.insert(table.name, int(ids.size()));
            moved.insert(table.name, int(ids.size()));
        }
        // One photo per patient: the merged record's photo moves only when the survivor has none.
        PatientPhotoRepository photos(m_db);
        auto survivorPhoto = photos.forPatient(plan.survivorId);
        if (!survivorPhoto)
            return fail(survivorPhoto.error());
        auto mergedPhoto = photos.forPatient(plan.mergedId);
        if (!mergedPhoto)
            return fail(mergedPhoto.error());
        int photosMoved = 0;
        if (!survivorPhoto->has_value() && mergedPhoto->has_value()) {
            if (auto u = RecordStore(m_db, PatientPhotoRepository::table())
                             .update((*mergedPhoto)->meta.id,
                                     {{QStringLiteral("patient_id"), plan.survivorId}});
                !u)
                return fail(u.error());
            photosMoved = 1;
        }
        outcome.moved.insert(PatientPhotoRepository::table().name, photosMoved);
        moved.insert(PatientPhotoRepository::table().name, photosMoved);
        // Later imports of the merged record's FHIR identifiers land on the survivor.
        if (auto q = m_db.query(QStringLiteral("UPDATE fhir_identifiers SET local_id = ? "
                                               "WHERE local_id = ? AND resource_type = 'Patient'"),
                                {plan.survivorId, plan.mergedId});
            !q)
            return fail(q.error());

        QJsonObject chosen;
        for (auto it = plan.choices.cbegin(); it != plan.choices.cend(); ++it)
            chosen.insert(it.key(), it.value() == Side::Merged ? QStringLiteral("merged")
                                                               : QStringLiteral("survivor"));
        const QJsonObject detail{{QStringLiteral("survivor"), plan.survivorId},
                                 {QStringLiteral("merged"), plan.mergedId},
                                 {QStringLiteral("choices"), chosen},
                                 {QStringLiteral("moved"), moved}};
        RecordStore links(m_db, linkTable());
        if (auto l = links.insert(
                {{QStringLiteral("source_id"), plan.mergedId},
                 {QStringLiteral("target_id"), plan.survivorId},
                 {QStringLiteral("kind"), QStringLiteral("replaced-by")},
                 {QStringLiteral("detail"),
                  QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact))}});
            !l)
            return fail(l.error());
        AuditEntry entry;
        entry.action = QStringLiteral("merge");
        entry.entityType = QStringLiteral("Patient");
        entry.entityId = plan.survivorId;
        entry.patientId = plan.survivorId;
        entry.detail = detail;
        if (auto a = AuditLog(m_db).append(entry); !a)
            return fail(a.error());
        return {};
    });
    if (!s)
        return fail(tr("The merge was not done: %1").arg(s.error()));
    return outcome;
}

} // namespace frontdesk
