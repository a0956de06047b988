#include "DuplicateScore.h"

#include "domain/SearchText.h"

#include <algorithm>
#include <vector>

namespace frontdesk {

namespace {

double jaroWinkler(const QString &s1, const QString &s2)
{
    if (s1 == s2)
        return s1.isEmpty() ? 0.0 : 1.0;
    const int n1 = int(s1.size());
    const int n2 = int(s2.size());
    if (n1 == 0 || n2 == 0)
        return 0.0;
    const int window = std::max(0, std::max(n1, n2) / 2 - 1);
    std::vector<bool> m1(size_t(n1), false);
    std::vector<bool> m2(size_t(n2), false);
    int matches = 0;
    for (int i = 0; i < n1; ++i) {
        const int lo = std::max(0, i - window);
        const int hi = std::min(n2 - 1, i + window);
        for (int j = lo; j <= hi; ++j) {
            if (m2[size_t(j)] || s1.at(i) != s2.at(j))
                continue;
            m1[size_t(i)] = m2[size_t(j)] = true;
            ++matches;
            break;
        }
    }
    if (matches == 0)
        return 0.0;
    int transpositions = 0;
    for (int i = 0, k = 0; i < n1; ++i) {
        if (!m1[size_t(i)])
            continue;
        while (!m2[size_t(k)])
            ++k;
        if (s1.at(i) != s2.at(k))
            ++transpositions;
        ++k;
    }
    const double m = matches;
    const double jaro = (m / n1 + m / n2 + (m - transpositions / 2.0) / m) / 3.0;
    int prefix = 0;
    while (prefix < 4 && prefix < n1 && prefix < n2 && s1.at(prefix) == s2.at(prefix))
        ++prefix;
    return jaro + prefix * 0.1 * (1.0 - jaro);
}

QString folded(const QString &s)
{
    return SearchText::compact(SearchText::foldGerman(s));
}

} // namespace

double DuplicateScore::nameSimilarity(const QString &a, const QString &b)
{
    return jaroWinkler(folded(a), folded(b));
}

DuplicateScore DuplicateScore::of(const Patient &a, const Patient &b, const QString &countryCode)
{
    DuplicateScore d;
    const double family = nameSimilarity(a.familyName, b.familyName);
    const double given = nameSimilarity(a.givenName, b.givenName);
    // Family and given name swapped on one of the records.
    const double swapped = std::min(nameSimilarity(a.familyName, b.givenName),
                                    nameSimilarity(a.givenName, b.familyName));
    const bool sameName = family >= 0.999 && given >= 0.999;
    const bool sameBirth = a.birthDate.isValid() && a.birthDate == b.birthDate;
    const double nameFit = std::max((family + given) / 2.0, swapped);

    if (sameName && sameBirth) {
        d.score += 90;
        d.reasons << tr("same name and birth date");
    } else {
        if (sameName) {
            d.score += 35;
            d.reasons << tr("same name");
        } else if (swapped >= 0.95) {
            d.score += 30;
            d.reasons << tr("family and given name swapped");
        } else if (nameFit >= 0.88) {
            d.score += int(40 * nameFit) - 5;
            d.reasons << tr("similar name");
        }
        if (sameBirth) {
            d.score += 30;
            d.reasons << tr("same birth date");
        } else if (a.birthDate.isValid() && b.birthDate.isValid() &&
                   a.birthDate.year() == b.birthDate.year() &&
                   a.birthDate.month() == b.birthDate.day() &&
                   a.birthDate.day() == b.birthDate.month()) {
            d.score += 20;
            d.reasons << tr("birth date with day and month swapped");
        }
    }
    QStringList phonesA;
    for (const QString &p : {a.phoneMobile, a.phoneHome})
        phonesA += SearchText::phoneForms(p, countryCode);
    bool samePhone = false;
    for (const QString &p : {b.phoneMobile, b.phoneHome})
        for (const QString &f : SearchText::phoneForms(p, countryCode))
            samePhone = samePhone || phonesA.contains(f);
    if (samePhone) {
        d.score += 35;
        d.reasons << tr("same phone number");
    }
    if (!a.email.isEmpty() &&
        a.email.trimmed().compare(b.email.trimmed(), Qt::CaseInsensitive) == 0) {
        d.score += 30;
        d.reasons << tr("same e-mail address");
    }
    // Household members share phone and address; a different given name and a different
    // (known) birth date is most likely a relative, not the same person.
    if (samePhone && a.birthDate.isValid() && b.birthDate.isValid() && !sameBirth && given < 0.8 &&
        swapped < 0.8)
        d.score -= 30;
    d.score = std::clamp(d.score, 0, 100);
    return d;
}

} // namespace frontdesk
