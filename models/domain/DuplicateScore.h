#pragma once

#include "domain/Patient.h"

#include <QCoreApplication>
#include <QStringList>

namespace frontdesk {

// How likely two patient records are the same person, 0–100, with the reasons a person reads
// before merging. Pure rules, no database: names are compared folded (case, accents, German
// transliteration), phones in every written form, dates exactly.
class DuplicateScore
{
    Q_DECLARE_TR_FUNCTIONS(DuplicateScore)
public:
    int score = 0;
    QStringList reasons;

    // From here on a pair is listed as a possible duplicate.
    static constexpr int Threshold = 50;

    static DuplicateScore of(const Patient &a, const Patient &b, const QString &countryCode);
    // 0..1: 1 for equal strings (Jaro–Winkler on folded text).
    static double nameSimilarity(const QString &a, const QString &b);
};

} // namespace frontdesk
