#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace frontdesk {

// One audit entry, shaped after FHIR AuditEvent: who (actor), did what (action), to which
// entity, for which patient, with what outcome; detail holds e.g. the changed fields.
struct AuditEntry
{
    qint64 seq = 0;
    QString id;
    qint64 recordedAt = 0;
    QString actor;
    QString actorKind;
    QString action;
    QString entityType;
    QString entityId;
    QString patientId;
    QString outcome = QStringLiteral("success");
    QJsonObject detail;
    QString prevHash;
    QString hash;

    // The bytes the hash covers, in a fixed order: any change to a field changes the hash.
    QByteArray canonical() const;
    QString computeHash() const;
};

} // namespace frontdesk
