#include "AuditRedaction.h"

#include "database/Database.h"
#include "domain/ClinicalText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>

#include <sodium.h>

namespace frontdesk {

namespace {

constexpr int kKeyBytes = 32;

const QString kField = QStringLiteral("field");
const QString kChanged = QStringLiteral("changed");
const QString kOld = QStringLiteral("old_sha256");
const QString kNew = QStringLiteral("new_sha256");

// Values as the write path stores them: text, or a number or flag where a column holds one.
QString textOf(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return value.toVariant().toString();
}

// An entry built from one that was redacted already (e.g. a copy of its detail) keeps its
// hashes instead of hashing them again.
bool isRedacted(const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    return o.contains(kField) && o.contains(kChanged) && o.contains(kOld) && o.contains(kNew);
}

} // namespace

AuditRedaction::~AuditRedaction()
{
    if (!m_key.isEmpty())
        sodium_memzero(m_key.data(), size_t(m_key.size()));
}

Status AuditRedaction::loadKey()
{
    if (!m_key.isEmpty())
        return {};
    return m_db.write([&]() -> Status {
        auto stored =
            m_db.scalar(QStringLiteral("SELECT secret FROM audit_field_key WHERE id = 1"));
        if (!stored)
            return fail(tr("Could not read the audit trail's hashing key: %1").arg(stored.error()));
        if (stored->isValid()) {
            m_key = stored->toByteArray();
        } else {
            if (sodium_init() < 0)
                return fail(tr("Could not make the audit trail's hashing key: libsodium failed "
                               "to initialise."));
            m_key = QByteArray(kKeyBytes, Qt::Uninitialized);
            randombytes_buf(m_key.data(), size_t(m_key.size()));
            if (auto q = m_db.query(
                    QStringLiteral("INSERT INTO audit_field_key (id, secret) VALUES (1, ?)"),
                    {m_key});
                !q)
                return fail(tr("Could not store the audit trail's hashing key: %1").arg(q.error()));
        }
        if (m_key.size() != kKeyBytes) {
            m_key.clear();
            return fail(tr("The audit trail's hashing key in this database is damaged."));
        }
        return {};
    });
}

Result<QString> AuditRedaction::hash(const QString &value)
{
    if (auto s = loadKey(); !s)
        return fail(s.error());
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash(value.toUtf8(), m_key, QCryptographicHash::Sha256)
            .toHex());
}

Result<QJsonValue> AuditRedaction::hashOrNull(const QJsonValue &value)
{
    const QString text = textOf(value);
    if (value.isNull() || value.isUndefined() || text.isEmpty())
        return QJsonValue(QJsonValue::Null);
    auto h = hash(text);
    if (!h)
        return fail(h.error());
    return QJsonValue(*h);
}

Result<QJsonObject> AuditRedaction::redactedField(const QString &field, const QJsonValue &before,
                                                  const QJsonValue &after)
{
    auto oldHash = hashOrNull(before);
    if (!oldHash)
        return fail(oldHash.error());
    auto newHash = hashOrNull(after);
    if (!newHash)
        return fail(newHash.error());
    return QJsonObject{
        {kField, field}, {kChanged, *oldHash != *newHash}, {kOld, *oldHash}, {kNew, *newHash}};
}

Result<QJsonObject> AuditRedaction::redact(const QString &entityType, const QJsonObject &detail)
{
    const QStringList fields = ClinicalText::fieldsOf(entityType);
    if (fields.isEmpty())
        return detail;
    QJsonObject out = detail;
    // A record's values, as a new record ("after") or a removed one ("before") has them.
    for (const QString &side : {QStringLiteral("after"), QStringLiteral("before")}) {
        if (!out.value(side).isObject())
            continue;
        QJsonObject values = out.value(side).toObject();
        for (const QString &field : fields) {
            if (!values.contains(field) || isRedacted(values.value(field)))
                continue;
            const bool isNew = side == QLatin1String("after");
            const QJsonValue value = values.value(field);
            auto r =
                redactedField(field, isNew ? QJsonValue() : value, isNew ? value : QJsonValue());
            if (!r)
                return fail(r.error());
            values.insert(field, *r);
        }
        out.insert(side, values);
    }
    if (out.value(QStringLiteral("changes")).isObject()) {
        QJsonObject changes = out.value(QStringLiteral("changes")).toObject();
        for (const QString &field : fields) {
            if (!changes.contains(field) || isRedacted(changes.value(field)))
                continue;
            const QJsonObject change = changes.value(field).toObject();
            auto r = redactedField(field, change.value(QStringLiteral("before")),
                                   change.value(QStringLiteral("after")));
            if (!r)
                return fail(r.error());
            changes.insert(field, *r);
        }
        out.insert(QStringLiteral("changes"), changes);
    }
    return out;
}

} // namespace frontdesk
