#pragma once

#include "core/Result.h"
#include "domain/DuplicateScore.h"
#include "domain/Patient.h"

#include <QCoreApplication>
#include <QList>

namespace frontdesk {

class Database;

// Finds possible duplicate patients: before a new patient is saved (same name and birth date,
// same phone, similar name), and across the whole register for the duplicates list.
class DuplicateFinder
{
    Q_DECLARE_TR_FUNCTIONS(DuplicateFinder)
public:
    struct Match
    {
        Patient patient;
        DuplicateScore score;
    };
    struct Pair
    {
        Patient first;
        Patient second;
        DuplicateScore score;
    };

    explicit DuplicateFinder(Database &db);

    // Live patients that may be the same person as draft (which need not be saved yet), best
    // first; draft itself is never listed.
    Result<QList<Match>> matchesFor(const Patient &draft, int limit = 10);
    // Every pair of live patients scoring at least DuplicateScore::Threshold, best first.
    // Pairs are only compared within a block (same birth date, same phone, same folded family
    // name + birth year), so 100k patients take seconds, not hours.
    Result<QList<Pair>> scan(int limit = 500);

private:
    Database &m_db;
};

} // namespace frontdesk
