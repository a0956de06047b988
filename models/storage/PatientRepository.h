#pragma once

#include "domain/Patient.h"
#include "storage/Repository.h"

namespace frontdesk {

class PatientRepository : public Repository<Patient>
{
    Q_DECLARE_TR_FUNCTIONS(PatientRepository)
public:
    explicit PatientRepository(Database &db);

    Result<std::optional<Patient>> findByMrn(const QString &mrn) const;
    Result<qint64> count() const;
    // The patients with these ids, in the order given (unknown ids are left out).
    Result<QList<Patient>> getMany(const QStringList &ids) const;
    // Every live patient (not deleted, not merged away), for whole-register checks.
    Result<QList<Patient>> live() const;
    // Live patients in name order, after the given (family, given, id) key: keyset paging,
    // so page N costs the same as page 1 on 100k patients.
    struct PageKey
    {
        QString familyName;
        QString givenName;
        QString id;
    };
    Result<QList<Patient>> page(const std::optional<PageKey> &after, int limit) const;
    // The same order and paging, narrowed to patients whose family name, given name,
    // "family, given", MRN or mobile number starts with prefix (LIKE: case-insensitive for
    // ASCII letters only). An empty prefix matches everyone.
    Result<QList<Patient>> page(const std::optional<PageKey> &after, int limit,
                                const QString &prefix) const;
    Result<qint64> count(const QString &prefix) const;

    static RecordStore::Table table();

protected:
    QVariantMap toValues(const Patient &p) const override;
    Patient fromRecord(const QSqlRecord &r) const override;
    Status validate(const Patient &p) const override;
};

} // namespace frontdesk
