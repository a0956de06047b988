#include "PatientRepository.h"

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
             QStringLiteral("preferred_language"), QStringLiteral("preferred_channel")},
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
            {QStringLiteral("preferred_channel"), p.preferredChannel}};
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
    return p;
}

Status PatientRepository::validate(const Patient &p) const
{
    if (p.mrn.trimmed().isEmpty())
        return fail(tr("A patient needs a medical record number (MRN)."));
    if (p.familyName.trimmed().isEmpty())
        return fail(tr("A patient needs a family name."));
    static const QStringList sexes{QStringLiteral("female"), QStringLiteral("male"),
                                   QStringLiteral("other"), QStringLiteral("unknown")};
    if (!sexes.contains(p.sex))
        return fail(tr("Sex must be female, male, other or unknown; got \"%1\".").arg(p.sex));
    if (p.birthDate.isValid() && p.birthDate > m_db.clock().nowUtc().date())
        return fail(
            tr("The birth date %1 is in the future.").arg(p.birthDate.toString(Qt::ISODate)));
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
        // Row-value comparison needs SQLite 3.15; spelled out so the name index is used.
        where +=
            QStringLiteral(" AND (family_name COLLATE NOCASE > ? OR "
                           "(family_name COLLATE NOCASE = ? AND (given_name COLLATE NOCASE > ? OR "
                           "(given_name COLLATE NOCASE = ? AND id > ?))))");
        values += QVariantList{after->familyName, after->familyName, after->givenName,
                               after->givenName, after->id};
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
