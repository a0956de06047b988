#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace frontdesk {

class Database;

// Keeps clinical free text and message bodies (the fields ClinicalText lists) out of audit
// entries. Such a field's value in an entry's detail becomes
//   {"field": NAME, "changed": true|false, "old_sha256": HEX|null, "new_sha256": HEX|null}
// where each hash is HMAC-SHA256 of the value's UTF-8 under a random 256-bit key kept in this
// database (table audit_field_key), and null stands for no value (NULL or empty). Keyed, so that
// an exported or synced trail does not let anyone test guesses of a short value ("HIV", "yes")
// against the hash; whoever holds the key can read the record itself anyway.
class AuditRedaction
{
    Q_DECLARE_TR_FUNCTIONS(AuditRedaction)
public:
    explicit AuditRedaction(Database &db) : m_db(db) {}
    ~AuditRedaction();
    AuditRedaction(const AuditRedaction &) = delete;
    AuditRedaction &operator=(const AuditRedaction &) = delete;

    // detail as an entry about a record of entityType would store it. The listed fields are
    // found where entries carry a record's values: "after" (a new record), "before", and
    // "changes" ({"before", "after"} per field). Other keys are the entry's own words (a
    // refusal's reason code, a break-the-glass reason) and stay as they are.
    Result<QJsonObject> redact(const QString &entityType, const QJsonObject &detail);
    // The hash an entry shows for value; the key is made on first use.
    Result<QString> hash(const QString &value);

private:
    Result<QJsonValue> hashOrNull(const QJsonValue &value);
    Result<QJsonObject> redactedField(const QString &field, const QJsonValue &before,
                                      const QJsonValue &after);
    Status loadKey();

    Database &m_db;
    QByteArray m_key;
};

} // namespace frontdesk
