#include "PatientPhotoRepository.h"

namespace frontdesk {

RecordStore::Table PatientPhotoRepository::table()
{
    return {QStringLiteral("patient_photos"),
            QStringLiteral("PatientPhoto"),
            {QStringLiteral("patient_id"), QStringLiteral("content_type"),
             QStringLiteral("size_bytes"), QStringLiteral("sha256")},
            QStringLiteral("patient_id"),
            QStringLiteral("Binary")};
}

PatientPhotoRepository::PatientPhotoRepository(Database &db) : Repository(db, table()) {}

QVariantMap PatientPhotoRepository::toValues(const PatientPhoto &r) const
{
    return {{QStringLiteral("patient_id"), r.patientId},
            {QStringLiteral("content_type"), r.contentType()},
            {QStringLiteral("size_bytes"), static_cast<qint64>(r.data.size())},
            {QStringLiteral("sha256"), r.sha256()}};
}

PatientPhoto PatientPhotoRepository::fromRecord(const QSqlRecord &rec) const
{
    PatientPhoto x;
    x.meta = RecordStore::metaFrom(rec);
    x.patientId = rec.value(QStringLiteral("patient_id")).toString();
    return x;
}

Status PatientPhotoRepository::validate(const PatientPhoto &r) const
{
    return r.validate();
}

Status PatientPhotoRepository::save(PatientPhoto &photo)
{
    return m_db.write([&]() -> Status {
        if (auto s = Repository::save(photo); !s)
            return s;
        if (auto q = m_db.query(QStringLiteral("UPDATE patient_photos SET data = ? WHERE id = ?"),
                                {photo.data, photo.meta.id});
            !q)
            return fail(tr("Could not store the photo: %1").arg(q.error()));
        return {};
    });
}

Result<PatientPhoto> PatientPhotoRepository::setPhoto(const QString &patientId,
                                                      const QByteArray &bytes)
{
    auto current = forPatient(patientId);
    if (!current)
        return fail(current.error());
    PatientPhoto photo = current->value_or(PatientPhoto{});
    photo.patientId = patientId;
    photo.data = bytes;
    if (auto s = save(photo); !s)
        return fail(s.error());
    return photo;
}

Result<std::optional<PatientPhoto>>
PatientPhotoRepository::forPatient(const QString &patientId) const
{
    auto rows = select(
        QStringLiteral("WHERE patient_id = ? AND deleted = 0 ORDER BY updated_at DESC LIMIT 1"),
        {patientId});
    if (!rows)
        return fail(rows.error());
    if (rows->isEmpty())
        return std::optional<PatientPhoto>{};
    PatientPhoto photo = rows->first();
    auto data = m_db.scalar(QStringLiteral("SELECT data FROM patient_photos WHERE id = ?"),
                            {photo.meta.id});
    if (!data)
        return fail(data.error());
    photo.data = data->toByteArray();
    return std::optional<PatientPhoto>(photo);
}

Status PatientPhotoRepository::removePhoto(const QString &patientId)
{
    auto current = forPatient(patientId);
    if (!current)
        return fail(current.error());
    if (!current->has_value())
        return {};
    return remove(**current);
}

} // namespace frontdesk
