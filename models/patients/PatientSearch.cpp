#include "PatientSearch.h"

#include "database/Database.h"
#include "domain/PatientSearchQuery.h"
#include "domain/SearchText.h"

#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>
#include <vector>

namespace frontdesk {

namespace {

constexpr int kBatch = 2000;

PatientSearchQuery::Candidate candidateFrom(const QSqlQuery &q, int first)
{
    PatientSearchQuery::Candidate c;
    c.mrn = q.value(first).toString();
    c.familyName = q.value(first + 1).toString();
    c.givenName = q.value(first + 2).toString();
    c.birthDate = QDate::fromString(q.value(first + 3).toString(), Qt::ISODate);
    for (int i : {first + 4, first + 5}) {
        const QString phone = q.value(i).toString();
        if (!phone.isEmpty())
            c.phones << phone;
    }
    c.email = q.value(first + 6).toString();
    return c;
}

} // namespace

PatientSearch::PatientSearch(Database &db) : m_db(db) {}

QString PatientSearch::countryCode() const
{
    return m_db.setting(QStringLiteral("phone_country_code"), QStringLiteral("49"));
}

Result<int> PatientSearch::refreshIndex(const std::function<void(int, int)> &progress)
{
    auto pending = m_db.scalar(QStringLiteral("SELECT count(*) FROM patient_search_dirty"));
    if (!pending)
        return fail(pending.error());
    const int total = pending->toInt();
    if (total == 0)
        return 0;
    const QString cc = countryCode();
    int done = 0;
    // Batches in one transaction each: a long first build does not hold one huge transaction,
    // and an interrupted build resumes where it stopped.
    while (done < total) {
        int inBatch = 0;
        const Status s = m_db.write([&]() -> Status {
            auto q = m_db.query(
                QStringLiteral("SELECT d.patient_id, p.mrn, p.family_name, p.given_name, "
                               "p.birth_date, p.phone_mobile, p.phone_home, p.email, p.deleted, "
                               "p.merged_into, s.docid FROM patient_search_dirty d "
                               "LEFT JOIN patients p ON p.id = d.patient_id "
                               "LEFT JOIN patient_search_doc s ON s.patient_id = d.patient_id "
                               "LIMIT ?"),
                {kBatch});
            if (!q)
                return fail(q.error());
            struct Row
            {
                QString id;
                bool live = false;
                QVariant docid;
                QString family;
                QString given;
                QString identifiers;
                QString nameKey;
            };
            QList<Row> rows;
            while (q->next()) {
                Row r;
                r.id = q->value(0).toString();
                r.live = !q->value(1).isNull() && q->value(8).toInt() == 0 &&
                         q->value(9).toString().isEmpty();
                r.docid = q->value(10);
                if (r.live) {
                    const auto c = candidateFrom(*q, 1);
                    r.family = PatientSearchQuery::indexName(c.familyName);
                    r.given = PatientSearchQuery::indexName(c.givenName);
                    r.identifiers = PatientSearchQuery::indexIdentifiers(c, cc);
                    r.nameKey = r.family + QChar(1) + r.given + QChar(1) +
                                c.birthDate.toString(QStringLiteral("yyyyMMdd"));
                }
                rows << r;
            }
            // Prepared once per batch: a first build runs these 100k times.
            const QSqlDatabase conn = m_db.connection();
            QSqlQuery deleteText(conn), insertDoc(conn), updateDoc(conn), insertText(conn),
                deleteDoc(conn), clean(conn), deleteTokens(conn), insertToken(conn);
            const bool prepared =
                deleteText.prepare(QStringLiteral("DELETE FROM patient_search WHERE docid = ?")) &&
                insertDoc.prepare(QStringLiteral("INSERT INTO patient_search_doc (patient_id, "
                                                 "family_words, given_words) VALUES (?, ?, ?)")) &&
                updateDoc.prepare(QStringLiteral("UPDATE patient_search_doc SET family_words = ?, "
                                                 "given_words = ? WHERE docid = ?")) &&
                insertText.prepare(QStringLiteral("INSERT INTO patient_search (docid, names, "
                                                  "identifiers) VALUES (?, ?, ?)")) &&
                deleteDoc.prepare(
                    QStringLiteral("DELETE FROM patient_search_doc WHERE docid = ?")) &&
                clean.prepare(
                    QStringLiteral("DELETE FROM patient_search_dirty WHERE patient_id = ?")) &&
                deleteTokens.prepare(
                    QStringLiteral("DELETE FROM patient_search_token WHERE docid = ?")) &&
                insertToken.prepare(QStringLiteral(
                    "INSERT OR IGNORE INTO patient_search_token (docid, family, token, name_key) "
                    "VALUES (?, ?, ?, ?)"));
            if (!prepared)
                return fail(describeSqlError(conn.lastError()));
            auto run = [](QSqlQuery &statement, const QVariantList &values) -> Status {
                for (int i = 0; i < values.size(); ++i)
                    statement.bindValue(i, Database::bindable(values.at(i)));
                if (!statement.exec())
                    return fail(describeSqlError(statement.lastError()));
                return {};
            };
            for (const Row &r : rows) {
                if (!r.docid.isNull()) {
                    if (auto d = run(deleteText, {r.docid}); !d)
                        return d;
                    if (auto d = run(deleteTokens, {r.docid}); !d)
                        return d;
                }
                if (r.live) {
                    QVariant docid = r.docid;
                    if (docid.isNull()) {
                        if (auto i = run(insertDoc, {r.id, r.family, r.given}); !i)
                            return i;
                        docid = insertDoc.lastInsertId();
                    } else if (auto u = run(updateDoc, {r.family, r.given, docid}); !u) {
                        return u;
                    }
                    if (auto i = run(insertText,
                                     {docid, r.family + QLatin1Char(' ') + r.given, r.identifiers});
                        !i)
                        return i;
                    for (const auto &[family, words] : {std::pair{1, &r.family}, {0, &r.given}}) {
                        for (const QString &token :
                             words->split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                            if (auto i = run(insertToken, {docid, family, token, r.nameKey}); !i)
                                return i;
                        }
                    }
                } else if (!r.docid.isNull()) {
                    if (auto d = run(deleteDoc, {r.docid}); !d)
                        return d;
                }
                if (auto d = run(clean, {r.id}); !d)
                    return d;
            }
            inBatch = int(rows.size());
            return {};
        });
        if (!s)
            return fail(tr("Could not update the patient search index: %1").arg(s.error()));
        if (inBatch == 0)
            break;
        done += inBatch;
        if (progress)
            progress(std::min(done, total), total);
    }
    return done;
}

Result<QVariantList> PatientSearch::bestForWord(const QString &word, int perPart) const
{
    // Words of one length at a time, shortest first: within a length the index is in the order
    // of the ranking's ties (token, then name_key), so each step reads only rows it returns.
    const QSqlDatabase conn = m_db.connection();
    QSqlQuery longest(conn);
    QSqlQuery bucket(conn);
    bucket.setForwardOnly(true);
    if (!longest.prepare(QStringLiteral("SELECT length(token) FROM patient_search_token WHERE "
                                        "family = ? ORDER BY length(token) DESC LIMIT 1")) ||
        !bucket.prepare(QStringLiteral(
            "SELECT docid FROM patient_search_token WHERE family = ? AND length(token) = ? AND "
            "token >= ? AND token <= ? ORDER BY token, name_key LIMIT ?")))
        return fail(describeSqlError(conn.lastError()));
    // Every word that starts with `word` sorts between it and it followed by the last code point;
    // SQLite's length() counts code points.
    const QString upper = word + QString::fromUcs4(U"\U0010FFFF");
    QVariantList docids;
    QSet<qint64> seen;
    for (int family : {1, 0}) {
        longest.bindValue(0, family);
        if (!longest.exec())
            return fail(describeSqlError(longest.lastError()));
        const int maxLength = longest.next() ? longest.value(0).toInt() : 0;
        int taken = 0;
        for (int length = int(word.toUcs4().size()); length <= maxLength && taken < perPart;
             ++length) {
            bucket.bindValue(0, family);
            bucket.bindValue(1, length);
            bucket.bindValue(2, word);
            bucket.bindValue(3, upper);
            bucket.bindValue(4, perPart - taken);
            if (!bucket.exec())
                return fail(describeSqlError(bucket.lastError()));
            while (bucket.next()) {
                ++taken;
                const qint64 docid = bucket.value(0).toLongLong();
                if (!seen.contains(docid)) {
                    seen.insert(docid);
                    docids << docid;
                }
            }
        }
    }
    return docids;
}

Result<int> PatientSearch::rebuildIndex(const std::function<void(int, int)> &progress)
{
    const Status s = m_db.write([&]() -> Status {
        for (const char *sql : {"DELETE FROM patient_search", "DELETE FROM patient_search_doc",
                                "DELETE FROM patient_search_token",
                                "INSERT OR IGNORE INTO patient_search_dirty (patient_id) "
                                "SELECT id FROM patients"}) {
            if (auto q = m_db.query(QString::fromLatin1(sql)); !q)
                return fail(q.error());
        }
        return {};
    });
    if (!s)
        return fail(tr("Could not rebuild the patient search index: %1").arg(s.error()));
    return refreshIndex(progress);
}

Result<QList<PatientSearchHit>> PatientSearch::search(const QString &text, int limit)
{
    if (auto r = refreshIndex(); !r)
        return fail(r.error());
    const PatientSearchQuery query(text, countryCode());
    if (query.isEmpty() || limit <= 0)
        return QList<PatientSearchHit>();

    // A candidate as ranked; its display fields are read once it is among the first `limit`.
    struct Ranked
    {
        QString id;
        int score = 0;
        QStringList matchedOn;
        QString key; // folded names, for ties
        QDate birthDate;
    };
    QHash<QString, Ranked> found;
    auto rank = [&](const QSqlQuery &q) {
        const QString id = q.value(0).toString();
        if (found.contains(id))
            return;
        const auto c = PatientSearchQuery::fromIndex(q.value(1).toString(), q.value(2).toString(),
                                                     q.value(3).toString());
        const auto score = query.score(c);
        found.insert(id,
                     Ranked{id, score.points, score.matchedOn,
                            q.value(1).toString() + QChar(1) + q.value(2).toString(), c.birthDate});
    };

    // The candidates' docids, chosen from the index alone; their words are read once, below.
    // The first `limit` in ranking order are what counts; the margin covers a name whose other
    // part fits better than its place in the order that chose it says.
    const int wanted = std::min<int>(CandidateLimit, limit + 50);
    QVariantList docids;
    if (query.isOneNameWord()) {
        // One word ("m", "mueller", "anna") may match most of the clinic; the token index yields
        // the best-ranked candidates of each name part first, without reading the rest.
        auto best = bestForWord(query.leadingNameWord(), wanted);
        if (!best)
            return fail(tr("The patient search failed: %1").arg(best.error()));
        docids = *best;
    } else {
        // Every match when there are at most CandidateLimit. Beyond that, with a name word w in
        // the query, the matches are taken in an order close to the ranking for w
        // (PatientSearchQuery::score): family name equal to w, then family names starting with
        // w, then the rest; within each, what a prefix fit scores (40 * |w| / length), then name
        // order. Without one (a few digits), any CandidateLimit of them.
        const QString word = query.leadingNameWord();
        QSet<qint64> seen;
        auto add = [&](const QVariant &docid) {
            if (!seen.contains(docid.toLongLong())) {
                seen.insert(docid.toLongLong());
                docids << docid;
            }
        };
        for (const QString &expression : query.matchExpressions()) {
            auto q = m_db.query(
                QStringLiteral("SELECT docid FROM patient_search WHERE patient_search MATCH ? "
                               "LIMIT ?"),
                {expression, CandidateLimit + 1});
            if (!q)
                return fail(tr("The patient search failed: %1").arg(q.error()));
            QVariantList all;
            while (q->next())
                all << q->value(0);
            if (all.size() <= CandidateLimit || word.isEmpty()) {
                for (const QVariant &docid : all.mid(0, CandidateLimit))
                    add(docid);
                continue;
            }
            auto ordered = m_db.query(
                QStringLiteral(
                    "SELECT d.docid FROM patient_search "
                    "JOIN patient_search_doc d ON d.docid = patient_search.docid "
                    "WHERE patient_search MATCH ? ORDER BY "
                    "CASE WHEN instr(' ' || d.family_words || ' ', ' ' || ? || ' ') > 0 THEN 0 "
                    "WHEN instr(' ' || d.family_words, ' ' || ?) > 0 THEN 1 ELSE 2 END, "
                    "? / max(1, CASE WHEN instr(' ' || d.family_words, ' ' || ?) > 0 "
                    "THEN length(d.family_words) ELSE length(d.given_words) END) DESC, "
                    "d.family_words, d.given_words LIMIT ?"),
                {expression, word, word, 40 * int(word.size()), word, wanted});
            if (!ordered)
                return fail(tr("The patient search failed: %1").arg(ordered.error()));
            while (ordered->next())
                add(ordered->value(0));
        }
    }
    // Ranked from what the index holds; the patients table is read for the shown few only.
    if (auto s = m_db.eachIn(QStringLiteral("SELECT d.patient_id, d.family_words, d.given_words, "
                                            "s.identifiers FROM patient_search_doc d JOIN "
                                            "patient_search s ON s.docid = d.docid WHERE d.docid"),
                             docids, rank);
        !s)
        return fail(tr("The patient search failed: %1").arg(s.error()));
    std::vector<Ranked> ranked(found.cbegin(), found.cend());
    std::sort(ranked.begin(), ranked.end(), [](const Ranked &a, const Ranked &b) {
        if (a.score != b.score)
            return a.score > b.score;
        if (a.key != b.key)
            return a.key < b.key;
        if (a.birthDate != b.birthDate)
            return a.birthDate < b.birthDate;
        return a.id < b.id;
    });
    if (ranked.size() > size_t(limit))
        ranked.resize(size_t(limit));
    if (ranked.empty())
        return QList<PatientSearchHit>();

    QVariantList ids;
    for (const Ranked &r : ranked)
        ids << r.id;
    QHash<QString, PatientSearchQuery::Candidate> shown;
    if (auto s =
            m_db.eachIn(QStringLiteral("SELECT id, mrn, family_name, given_name, birth_date, "
                                       "phone_mobile, phone_home, email FROM patients WHERE id"),
                        ids,
                        [&](const QSqlQuery &row) {
                            shown.insert(row.value(0).toString(), candidateFrom(row, 1));
                        });
        !s)
        return fail(tr("The patient search failed: %1").arg(s.error()));
    QList<PatientSearchHit> hits;
    for (const Ranked &r : ranked) {
        const auto it = shown.constFind(r.id);
        if (it == shown.cend())
            continue;
        PatientSearchHit hit;
        hit.patientId = r.id;
        hit.mrn = it->mrn;
        hit.familyName = it->familyName;
        hit.givenName = it->givenName;
        hit.birthDate = it->birthDate;
        hit.phone = it->phones.value(0);
        hit.email = it->email;
        hit.score = r.score;
        hit.matchedOn = r.matchedOn;
        hits << hit;
    }
    return hits;
}

} // namespace frontdesk
