#include "PatientRepository.h"

#include "domain/PatientValidation.h"

#include <QHash>

namespace frontdesk {

namespace {

// The user's text is only ever a bound value; its LIKE wildcards are escaped so "50%" means 50%.
QString likePrefix(const QString &prefix)
{
    QString escaped = prefix;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('%'), QStringLiteral("\\%"))
        .replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return escaped + QLatin1Char('%');
}

QString matchClause()
{
    return QStringLiteral(
        " AND (family_name LIKE ? ESCAPE '\\' OR given_name LIKE ? ESCAPE '\\' OR "
        "(family_name || ', ' || given_name) LIKE ? ESCAPE '\\' OR "
        "mrn LIKE ? ESCAPE '\\' OR phone_mobile LIKE ? ESCAPE '\\')");
}

QVariantList matchValues(const QString &prefix)
{
    const QString like = likePrefix(prefix);
    return {like, like, like, like, like};
}

} // namespace

RecordStore::Table PatientRepository::table()
{
    return {QStringLiteral("patients"),
            QStringLiteral("Patient"),
            {QStringLiteral("mrn"), QStringLiteral("given_name"), QStringLiteral("family_name"),
             QStringLiteral("birth_date"), QStringLiteral("sex"), QStringLiteral("phone_mobile"),
             QStringLiteral("phone_home"), QStringLiteral("email"), QStringLiteral("address_line"),
             QStringLiteral("city"), QStringLiteral("postal_code"), QStringLiteral("country"),
             QStringLiteral("preferred_language"), QStringLiteral("preferred_channel"),
             QStringLiteral("emergency_contact_name"), QStringLiteral("emergency_contact_relation"),
             QStringLiteral("emergency_contact_phone"), QStringLiteral("merged_into")},
            QStringLiteral("id")};
}

PatientRepository::PatientRepository(Database &db) : Repository(db, table()) {}

QVariantMap PatientRepository::toValues(const Patient &p) const
{
    return {{QStringLiteral("mrn"), p.mrn},
            {QStringLiteral("given_name"), p.givenName},
            {QStringLiteral("family_name"), p.familyName},
            {QStringLiteral("birth_date"),
             p.birthDate.isValid() ? p.birthDate.toString(Qt::ISODate) : QString()},
            {QStringLiteral("sex"), p.sex},
            {QStringLiteral("phone_mobile"), p.phoneMobile},
            {QStringLiteral("phone_home"), p.phoneHome},
            {QStringLiteral("email"), p.email},
            {QStringLiteral("address_line"), p.addressLine},
            {QStringLiteral("city"), p.city},
            {QStringLiteral("postal_code"), p.postalCode},
            {QStringLiteral("country"), p.country},
            {QStringLiteral("preferred_language"), p.preferredLanguage},
            {QStringLiteral("preferred_channel"), p.preferredChannel},
            {QStringLiteral("emergency_contact_name"), p.emergencyContactName},
            {QStringLiteral("emergency_contact_relation"), p.emergencyContactRelation},
            {QStringLiteral("emergency_contact_phone"), p.emergencyContactPhone},
            {QStringLiteral("merged_into"), p.mergedInto}};
}

Patient PatientRepository::fromRecord(const QSqlRecord &r) const
{
    Patient p;
    p.meta = RecordStore::metaFrom(r);
    p.mrn = r.value(QStringLiteral("mrn")).toString();
    p.givenName = r.value(QStringLiteral("given_name")).toString();
    p.familyName = r.value(QStringLiteral("family_name")).toString();
    p.birthDate = QDate::fromString(r.value(QStringLiteral("birth_date")).toString(), Qt::ISODate);
    p.sex = r.value(QStringLiteral("sex")).toString();
    p.phoneMobile = r.value(QStringLiteral("phone_mobile")).toString();
    p.phoneHome = r.value(QStringLiteral("phone_home")).toString();
    p.email = r.value(QStringLiteral("email")).toString();
    p.addressLine = r.value(QStringLiteral("address_line")).toString();
    p.city = r.value(QStringLiteral("city")).toString();
    p.postalCode = r.value(QStringLiteral("postal_code")).toString();
    p.country = r.value(QStringLiteral("country")).toString();
    p.preferredLanguage = r.value(QStringLiteral("preferred_language")).toString();
    p.preferredChannel = r.value(QStringLiteral("preferred_channel")).toString();
    p.emergencyContactName = r.value(QStringLiteral("emergency_contact_name")).toString();
    p.emergencyContactRelation = r.value(QStringLiteral("emergency_contact_relation")).toString();
    p.emergencyContactPhone = r.value(QStringLiteral("emergency_contact_phone")).toString();
    p.mergedInto = r.value(QStringLiteral("merged_into")).toString();
    return p;
}

Status PatientRepository::validate(const Patient &p) const
{
    const auto errors = PatientValidation::check(p, m_db.clock().nowUtc().date());
    if (!errors.isEmpty())
        return fail(errors.first());
    auto existing = findByMrn(p.mrn);
    if (!existing)
        return fail(existing.error());
    if (existing->has_value() && (*existing)->meta.id != p.meta.id)
        return fail(tr("The MRN %1 already belongs to %2.").arg(p.mrn, (*existing)->displayName()));
    return {};
}

Result<std::optional<Patient>> PatientRepository::findByMrn(const QString &mrn) const
{
    auto rows = select(QStringLiteral("WHERE mrn = ?"), {mrn});
    if (!rows)
        return fail(rows.error());
    if (rows->isEmpty())
        return std::optional<Patient>();
    return std::optional<Patient>(rows->first());
}

Result<QList<Patient>> PatientRepository::getMany(const QStringList &ids) const
{
    if (ids.isEmpty())
        return QList<Patient>();
    // Only placeholders are built here; the ids are bound.
    const QString marks = QStringList(ids.size(), QStringLiteral("?")).join(QStringLiteral(", "));
    QVariantList values;
    for (const QString &id : ids)
        values << id;
    auto rows = select(QStringLiteral("WHERE id IN (%1)").arg(marks), values);
    if (!rows)
        return fail(rows.error());
    QHash<QString, Patient> byId;
    for (const Patient &p : *rows)
        byId.insert(p.meta.id, p);
    QList<Patient> ordered;
    for (const QString &id : ids)
        if (byId.contains(id))
            ordered << byId.value(id);
    return ordered;
}

Result<QList<Patient>> PatientRepository::live() const
{
    return select(QStringLiteral("WHERE deleted = 0 AND merged_into = ''"));
}

Result<qint64> PatientRepository::count() const
{
    auto v = m_db.scalar(QStringLiteral("SELECT count(*) FROM patients WHERE deleted = 0"));
    if (!v)
        return fail(v.error());
    return v->toLongLong();
}

Result<QList<Patient>> PatientRepository::page(const std::optional<PageKey> &after, int limit) const
{
    return page(after, limit, QString());
}

Result<QList<Patient>> PatientRepository::page(const std::optional<PageKey> &after, int limit,
                                               const QString &prefix) const
{
    QString where = QStringLiteral("WHERE deleted = 0");
    QVariantList values;
    if (!prefix.isEmpty()) {
        where += matchClause();
        values += matchValues(prefix);
    }
    if (after) {
        // The leading >= is what lets SQLite seek into the name index; the OR alone is only a
        // filter, and a page deep in the list would walk every row before it.
        where += QStringLiteral(
            " AND family_name COLLATE NOCASE >= ? AND (family_name COLLATE NOCASE > ? OR "
            "(family_name COLLATE NOCASE = ? AND (given_name COLLATE NOCASE > ? OR "
            "(given_name COLLATE NOCASE = ? AND id > ?))))");
        values += QVariantList{after->familyName, after->familyName, after->familyName,
                               after->givenName,  after->givenName,  after->id};
    }
    values << limit;
    return select(
        where + QStringLiteral(
                    " ORDER BY family_name COLLATE NOCASE, given_name COLLATE NOCASE, id LIMIT ?"),
        values);
}

Result<qint64> PatientRepository::count(const QString &prefix) const
{
    if (prefix.isEmpty())
        return count();
    auto v = m_db.scalar(QStringLiteral("SELECT count(*) FROM patients WHERE deleted = 0") +
                             matchClause(),
                         matchValues(prefix));
    if (!v)
        return fail(v.error());
    return v->toLongLong();
}

} // namespace frontdesk
