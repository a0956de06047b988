#include "DuplicateFinder.h"

#include "database/Database.h"
#include "domain/SearchText.h"
#include "patients/PatientSearch.h"
#include "storage/PatientRepository.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace frontdesk {

DuplicateFinder::DuplicateFinder(Database &db) : m_db(db) {}

Result<QList<DuplicateFinder::Match>> DuplicateFinder::matchesFor(const Patient &draft, int limit)
{
    PatientSearch search(m_db);
    const QString cc = search.countryCode();
    QStringList queries;
    // Similar names are found through the family name's first letters (typing errors later in
    // the name), same birth dates and phones through the index's exact tokens.
    const QString family = SearchText::compact(draft.familyName);
    const QString given = SearchText::compact(draft.givenName);
    if (!family.isEmpty())
        queries << (given.isEmpty() ? family.left(3)
                                    : family.left(3) + QLatin1Char(' ') + given.left(2));
    if (draft.birthDate.isValid())
        queries << draft.birthDate.toString(Qt::ISODate);
    for (const QString &phone : {draft.phoneMobile, draft.phoneHome})
        if (!SearchText::phoneDigits(phone).isEmpty())
            queries << phone;
    if (!draft.email.trimmed().isEmpty())
        queries << draft.email.trimmed();

    QSet<QString> seen;
    QList<Match> matches;
    PatientRepository patients(m_db);
    for (const QString &q : queries) {
        auto hits = search.search(q, PatientSearch::CandidateLimit);
        if (!hits)
            return fail(hits.error());
        for (const PatientSearchHit &h : *hits) {
            if (h.patientId == draft.meta.id || seen.contains(h.patientId))
                continue;
            seen.insert(h.patientId);
            auto p = patients.get(h.patientId);
            if (!p)
                return fail(p.error());
            const DuplicateScore score = DuplicateScore::of(draft, *p, cc);
            if (score.score >= DuplicateScore::Threshold)
                matches << Match{*p, score};
        }
    }
    std::sort(matches.begin(), matches.end(),
              [](const Match &a, const Match &b) { return a.score.score > b.score.score; });
    if (matches.size() > limit)
        matches.resize(limit);
    return matches;
}

Result<QList<DuplicateFinder::Pair>> DuplicateFinder::scan(int limit)
{
    PatientRepository repo(m_db);
    auto all = repo.live();
    if (!all)
        return fail(all.error());
    const QList<Patient> &patients = *all;
    const QString cc = PatientSearch(m_db).countryCode();

    QHash<QString, QList<int>> blocks;
    for (int i = 0; i < patients.size(); ++i) {
        const Patient &p = patients.at(i);
        if (p.birthDate.isValid())
            blocks[QStringLiteral("b") + p.birthDate.toString(Qt::ISODate)] << i;
        for (const QString &phone : {p.phoneMobile, p.phoneHome})
            for (const QString &form : SearchText::phoneForms(phone, cc))
                if (form.startsWith(QLatin1Char('0')) || !form.startsWith(cc))
                    blocks[QStringLiteral("p") + form] << i;
        const QString family = SearchText::compact(SearchText::foldGerman(p.familyName));
        blocks[QStringLiteral("n") + family + QString::number(p.birthDate.year())] << i;
    }
    QSet<QPair<int, int>> compared;
    QList<Pair> pairs;
    for (auto it = blocks.cbegin(); it != blocks.cend(); ++it) {
        const QList<int> &members = it.value();
        // A huge block (a shared clinic phone number) says nothing about identity.
        if (members.size() < 2 || members.size() > 200)
            continue;
        for (int x = 0; x < members.size(); ++x) {
            for (int y = x + 1; y < members.size(); ++y) {
                const QPair<int, int> key{std::min(members[x], members[y]),
                                          std::max(members[x], members[y])};
                if (compared.contains(key))
                    continue;
                compared.insert(key);
                const DuplicateScore s =
                    DuplicateScore::of(patients.at(key.first), patients.at(key.second), cc);
                if (s.score >= DuplicateScore::Threshold)
                    pairs << Pair{patients.at(key.first), patients.at(key.second), s};
            }
        }
    }
    std::sort(pairs.begin(), pairs.end(), [](const Pair &a, const Pair &b) {
        if (a.score.score != b.score.score)
            return a.score.score > b.score.score;
        return a.first.displayName() < b.first.displayName();
    });
    if (pairs.size() > limit)
        pairs.resize(limit);
    return pairs;
}

} // namespace frontdesk
