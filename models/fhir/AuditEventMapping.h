#pragma once

#include "core/Result.h"
#include "domain/AuditEntry.h"

#include <QCoreApplication>

#include <QJsonObject>

namespace frontdesk {

// An audit entry as a FHIR R4 AuditEvent, the shape in which the trail syncs to the server.
// The chain (seq, prev_hash, hash) travels in an extension so the server can verify it again.
class AuditEventMapping
{
    Q_DECLARE_TR_FUNCTIONS(AuditEventMapping)
public:
    static QString chainExtensionUrl() { return QStringLiteral("urn:frontdesk:audit-chain"); }
    static QString actionSystem() { return QStringLiteral("urn:frontdesk:audit-action"); }

    static QJsonObject toFhir(const AuditEntry &entry);
    // The entry an uploaded AuditEvent carries, field for field as its hash covers it (from
    // the chain extension), so that computeHash() checks it again; refused when it is not one
    // of this shape.
    static Result<AuditEntry> fromFhir(const QJsonObject &event);
    // FHIR's AuditEvent.action: C, R, U, D or E.
    static QString actionCode(const QString &action);
};

} // namespace frontdesk
