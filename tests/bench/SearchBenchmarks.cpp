// The patient search box: what one keystroke costs on a clinic-sized database. Target: p95
// under 20 ms at 100k patients. The search index is a derived cache (migration 004); it is
// built in prepare, untimed, the way the first search after seeding builds it.

#include "Benchmark.h"

#include "patients/PatientSearch.h"

#include <QRegularExpression>
#include <QStringList>

#include <memory>

namespace frontdesk::bench {

namespace {

constexpr int kSamples = 40;

Status readyIndex(BenchContext &c)
{
    if (c.db.schemaVersion() < Database::latestSchemaVersion()) {
        if (auto m = c.db.migrate(); !m)
            return m;
    }
    auto n = PatientSearch(c.db).refreshIndex();
    if (!n)
        return fail(n.error());
    return {};
}

// Spread-out sample patients, as queries a receptionist would type about them.
Result<QStringList> samples(BenchContext &c, const QString &column)
{
    auto count = c.db.scalar(QStringLiteral("SELECT count(*) FROM patients WHERE deleted = 0"));
    if (!count)
        return fail(count.error());
    const qint64 step = std::max<qint64>(1, count->toLongLong() / kSamples);
    auto q =
        c.db.query(QStringLiteral("SELECT family_name, given_name, birth_date, phone_mobile, mrn "
                                  "FROM patients WHERE deleted = 0 ORDER BY id"));
    if (!q)
        return fail(q.error());
    QStringList out;
    for (qint64 i = 0; q->next() && out.size() < kSamples; ++i) {
        if (i % step != 0)
            continue;
        const QString family = q->value(0).toString();
        const QString given = q->value(1).toString();
        const QDate birth = QDate::fromString(q->value(2).toString(), Qt::ISODate);
        QString phone = q->value(3).toString();
        if (column == QLatin1String("typing")) {
            // Every keystroke of "family given", lower case, as typed.
            const QString typed = (family + QLatin1Char(' ') + given).toLower();
            for (int n = 1; n <= typed.size(); ++n)
                if (!typed.at(n - 1).isSpace())
                    out << typed.left(n);
        } else if (column == QLatin1String("name")) {
            out << given + QLatin1Char(' ') + family;
        } else if (column == QLatin1String("birth")) {
            out << birth.toString(QStringLiteral("dd.MM.yyyy"));
        } else if (column == QLatin1String("phone_suffix")) {
            // The last 4, 5 or 6 digits, as a caller reads them out.
            phone.remove(QRegularExpression(QStringLiteral("\\D")));
            out << phone.right(4 + int(out.size() % 3));
        } else if (column == QLatin1String("phone")) {
            // As written nationally, without the country code.
            phone.replace(QStringLiteral("+49 "), QStringLiteral("0"));
            out << phone;
        } else {
            out << q->value(4).toString();
        }
    }
    if (out.isEmpty())
        return fail(QStringLiteral("no patients to search for"));
    return out;
}

Result<Operation> searchOperation(BenchContext &c, const QString &kind)
{
    if (auto s = readyIndex(c); !s)
        return fail(s.error());
    auto queries = samples(c, kind);
    if (!queries)
        return fail(queries.error());
    auto search = std::make_shared<PatientSearch>(c.db);
    auto next = std::make_shared<int>(0);
    const QStringList list = *queries;
    const bool mustFind = kind != QLatin1String("typing");
    return Operation([search, next, list, mustFind]() -> Status {
        const QString text = list.at((*next)++ % list.size());
        auto hits = search->search(text, 20);
        if (!hits)
            return fail(hits.error());
        if (mustFind && hits->isEmpty())
            return fail(QStringLiteral("nothing found for \"%1\"").arg(text));
        return {};
    });
}

const Registration typing{
    {QStringLiteral("search.typing"),
     QStringLiteral("one keystroke of a name (prefixes: \"m\", \"mü\", ...)"), 200,
     [](BenchContext &c) { return searchOperation(c, QStringLiteral("typing")); }}};
const Registration fullName{
    {QStringLiteral("search.full_name"), QStringLiteral("\"given family\" of an existing patient"),
     40, [](BenchContext &c) { return searchOperation(c, QStringLiteral("name")); }}};
const Registration birthDate{
    {QStringLiteral("search.birth_date"), QStringLiteral("a birth date typed DD.MM.YYYY"), 40,
     [](BenchContext &c) { return searchOperation(c, QStringLiteral("birth")); }}};
const Registration phone{
    {QStringLiteral("search.phone"),
     QStringLiteral("a mobile number written nationally (0151 ...)"), 40,
     [](BenchContext &c) { return searchOperation(c, QStringLiteral("phone")); }}};
const Registration phoneSuffix{
    {QStringLiteral("search.phone_suffix"),
     QStringLiteral("the last 4-6 digits of a mobile number"), 40,
     [](BenchContext &c) { return searchOperation(c, QStringLiteral("phone_suffix")); }}};
const Registration mrn{{QStringLiteral("search.mrn"), QStringLiteral("an exact MRN"), 40,
                        [](BenchContext &c) { return searchOperation(c, QStringLiteral("mrn")); }}};

} // namespace

} // namespace frontdesk::bench
