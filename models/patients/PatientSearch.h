#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <functional>

namespace frontdesk {

class Database;

// One ranked result of the patient search box.
struct PatientSearchHit
{
    QString patientId;
    QString mrn;
    QString familyName;
    QString givenName;
    QDate birthDate;
    QString phone;
    QString email;
    int score = 0;
    QStringList matchedOn;

    QString displayName() const { return familyName + QStringLiteral(", ") + givenName; }
};

// The patient search over the FTS4 index of migration 004. Every write to `patients` (whatever
// path it takes: RecordStore, the demo seeder, sync, import) marks the patient in
// patient_search_dirty by trigger, in the writer's own transaction; search() folds the marked
// patients into the index first (in C++: the same folding as the query), so results are never
// stale. The first search after seeding 100k patients builds the index (a few seconds);
// refreshIndex() does it up front. Migration 008 adds the phone numbers' reversed digits (found
// by their last digits) and patient_search_token, the name words in ranking order, which answers
// one-word queries however many patients they match.
class PatientSearch
{
    Q_DECLARE_TR_FUNCTIONS(PatientSearch)
public:
    explicit PatientSearch(Database &db);

    // Ranked best first; live patients only (no tombstones, no merged-away records).
    Result<QList<PatientSearchHit>> search(const QString &text, int limit = 20);

    // Brings the index up to date with every marked patient; how many were indexed.
    Result<int> refreshIndex(const std::function<void(int done, int total)> &progress = {});
    // Marks every patient and builds the index anew.
    Result<int> rebuildIndex(const std::function<void(int done, int total)> &progress = {});

    // The clinic's country calling code for phone numbers written nationally (settings key
    // `phone_country_code`, default 49).
    QString countryCode() const;

    // How many index rows a MATCH expression may yield before ranking, per expression; when more
    // match, they are taken in an order close to the ranking (see search()).
    static constexpr int CandidateLimit = 400;

private:
    // The docids of the patients whose family (then given) name words start with `word`, up to
    // perPart of each, in ranking order (patient_search_token, migration 008).
    Result<QVariantList> bestForWord(const QString &word, int perPart) const;

    Database &m_db;
};

} // namespace frontdesk
