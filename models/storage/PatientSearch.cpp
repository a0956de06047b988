#include "PatientSearch.h"

#include "domain/PatientSearchQuery.h"
#include "domain/SearchText.h"
#include "storage/Database.h"

#include <QHash>
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
                }
                rows << r;
            }
            // Prepared once per batch: a first build runs these 100k times.
            const QSqlDatabase conn = m_db.connection();
            QSqlQuery deleteText(conn), insertDoc(conn), updateDoc(conn), insertText(conn),
                deleteDoc(conn), clean(conn);
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
                    QStringLiteral("DELETE FROM patient_search_dirty WHERE patient_id = ?"));
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

Result<int> PatientSearch::rebuildIndex(const std::function<void(int, int)> &progress)
{
    const Status s = m_db.write([&]() -> Status {
        for (const char *sql : {"DELETE FROM patient_search", "DELETE FROM patient_search_doc",
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
    for (const QString &expression : query.matchExpressions()) {
        // Ranked from what the index holds; the patients table is read for the shown few only.
        auto q =
            m_db.query(QStringLiteral("SELECT d.patient_id, d.family_words, d.given_words, "
                                      "patient_search.identifiers FROM patient_search "
                                      "JOIN patient_search_doc d ON d.docid = patient_search.docid "
                                      "WHERE patient_search MATCH ? LIMIT ?"),
                       {expression, CandidateLimit});
        if (!q)
            return fail(tr("The patient search failed: %1").arg(q.error()));
        while (q->next()) {
            const QString id = q->value(0).toString();
            if (found.contains(id))
                continue;
            const auto c = PatientSearchQuery::fromIndex(
                q->value(1).toString(), q->value(2).toString(), q->value(3).toString());
            const auto score = query.score(c);
            found.insert(id, Ranked{id, score.points, score.matchedOn,
                                    q->value(1).toString() + QChar(1) + q->value(2).toString(),
                                    c.birthDate});
        }
    }
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
    auto rows = m_db.query(
        QStringLiteral("SELECT id, mrn, family_name, given_name, birth_date, phone_mobile, "
                       "phone_home, email FROM patients WHERE id IN (%1)")
            .arg(QStringList(ids.size(), QStringLiteral("?")).join(QStringLiteral(", "))),
        ids);
    if (!rows)
        return fail(tr("The patient search failed: %1").arg(rows.error()));
    QHash<QString, PatientSearchQuery::Candidate> shown;
    while (rows->next())
        shown.insert(rows->value(0).toString(), candidateFrom(*rows, 1));
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
