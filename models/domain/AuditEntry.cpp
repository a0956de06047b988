#include "AuditEntry.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace frontdesk {

QByteArray AuditEntry::canonical() const
{
    const QByteArray separator("\x1f");
    QByteArray out;
    for (const QString &field : {id, QString::number(recordedAt), actor, actorKind, action,
                                 entityType, entityId, patientId, outcome, prevHash}) {
        out += field.toUtf8();
        out += separator;
    }
    out += QJsonDocument(detail).toJson(QJsonDocument::Compact);
    return out;
}

QString AuditEntry::computeHash() const
{
    return QString::fromLatin1(
        QCryptographicHash::hash(canonical(), QCryptographicHash::Sha256).toHex());
}

} // namespace frontdesk
