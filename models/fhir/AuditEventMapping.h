#pragma once

#include "domain/AuditEntry.h"

#include <QJsonObject>

namespace frontdesk {

// An audit entry as a FHIR R4 AuditEvent, the shape in which the trail syncs to the server.
// The chain (seq, prev_hash, hash) travels in an extension so the server can verify it again.
class AuditEventMapping
{
public:
    static QString chainExtensionUrl() { return QStringLiteral("urn:frontdesk:audit-chain"); }
    static QString actionSystem() { return QStringLiteral("urn:frontdesk:audit-action"); }

    static QJsonObject toFhir(const AuditEntry &entry);
    // FHIR's AuditEvent.action: C, R, U, D or E.
    static QString actionCode(const QString &action);
};

} // namespace frontdesk
