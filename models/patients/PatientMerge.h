#pragma once

#include "core/Result.h"
#include "domain/Patient.h"
#include "storage/RecordStore.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QVariant>

#include <functional>

namespace frontdesk {

class Database;

// Merges a duplicate patient record into the surviving one, in one transaction:
// - the survivor takes the chosen value of each field;
// - appointments, messages, consents, insurance, communication preferences, alerts and the
//   clinical records move to the survivor, each through the write path (outbox + audit);
// - the merged record stays as a link (merged_into, and a patient_links row that syncs as
//   Patient.link replaced-by): never deleted, so old references still resolve;
// - one "merge" audit entry says what moved.
class PatientMerge
{
    Q_DECLARE_TR_FUNCTIONS(PatientMerge)
public:
    // A field the merge screen lets a person choose.
    struct Field
    {
        QString key;   // e.g. "phoneMobile"
        QString label; // translated
        std::function<QVariant(const Patient &)> get;
        std::function<void(Patient &, const QVariant &)> set;
    };
    static QList<Field> fields();
    // patient_links: the syncable record a merge (or an imported Patient.link) leaves.
    static RecordStore::Table linkTable();

    enum class Side
    {
        Survivor,
        Merged
    };
    struct Plan
    {
        QString survivorId;
        QString mergedId;
        // Field key → whose value to keep; fields not listed keep the survivor's value, except
        // that an empty survivor value is filled from the merged record.
        QMap<QString, Side> choices;
    };
    struct Outcome
    {
        Patient survivor;
        QMap<QString, int> moved; // table → rows moved
    };

    explicit PatientMerge(Database &db) : m_db(db) {}

    // What the survivor would look like, for the merge screen's preview.
    static Patient combine(const Patient &survivor, const Patient &merged, const Plan &plan);
    Result<Outcome> merge(const Plan &plan);

private:
    Database &m_db;
};

} // namespace frontdesk
