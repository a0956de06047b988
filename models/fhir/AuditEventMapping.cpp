#include "AuditEventMapping.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace frontdesk {

namespace {

const QString kDicom = QStringLiteral("http://dicom.nema.org/resources/ontology/DCM");

QJsonObject coding(const QString &system, const QString &code, const QString &display = {})
{
    QJsonObject c{{QStringLiteral("system"), system}, {QStringLiteral("code"), code}};
    if (!display.isEmpty())
        c.insert(QStringLiteral("display"), display);
    return c;
}

// The DICOM audit event type (DCM 1101xx) an action belongs to.
QJsonObject eventType(const QString &action)
{
    static const QStringList authentication{QStringLiteral("login"), QStringLiteral("logout"),
                                            QStringLiteral("lock"), QStringLiteral("unlock"),
                                            QStringLiteral("session-takeover")};
    static const QStringList security{
        QStringLiteral("user-create"),     QStringLiteral("user-update"),
        QStringLiteral("password-change"), QStringLiteral("settings-change"),
        QStringLiteral("key-rotation"),    QStringLiteral("wipe")};
    if (authentication.contains(action))
        return coding(kDicom, QStringLiteral("110114"), QStringLiteral("User Authentication"));
    if (security.contains(action))
        return coding(kDicom, QStringLiteral("110113"), QStringLiteral("Security Alert"));
    if (action == QLatin1String("search"))
        return coding(kDicom, QStringLiteral("110112"), QStringLiteral("Query"));
    if (action == QLatin1String("export") || action == QLatin1String("print"))
        return coding(kDicom, QStringLiteral("110106"), QStringLiteral("Export"));
    return coding(kDicom, QStringLiteral("110110"), QStringLiteral("Patient Record"));
}

QString agentSystem(const QString &actorKind)
{
    return QStringLiteral("urn:frontdesk:actor:") + actorKind;
}

} // namespace

QString AuditEventMapping::actionCode(const QString &action)
{
    static const QStringList create{QStringLiteral("create"), QStringLiteral("user-create")};
    static const QStringList read{QStringLiteral("read"), QStringLiteral("search"),
                                  QStringLiteral("break-glass"), QStringLiteral("export"),
                                  QStringLiteral("print")};
    static const QStringList update{QStringLiteral("update"), QStringLiteral("user-update"),
                                    QStringLiteral("password-change"),
                                    QStringLiteral("settings-change")};
    static const QStringList remove{QStringLiteral("delete"), QStringLiteral("purge"),
                                    QStringLiteral("wipe")};
    if (create.contains(action))
        return QStringLiteral("C");
    if (read.contains(action))
        return QStringLiteral("R");
    if (update.contains(action))
        return QStringLiteral("U");
    if (remove.contains(action))
        return QStringLiteral("D");
    return QStringLiteral("E");
}

QJsonObject AuditEventMapping::toFhir(const AuditEntry &e)
{
    QJsonObject event{
        {QStringLiteral("resourceType"), QStringLiteral("AuditEvent")},
        {QStringLiteral("id"), e.id},
        {QStringLiteral("type"), eventType(e.action)},
        {QStringLiteral("subtype"), QJsonArray{coding(actionSystem(), e.action)}},
        {QStringLiteral("action"), actionCode(e.action)},
        {QStringLiteral("recorded"),
         QDateTime::fromMSecsSinceEpoch(e.recordedAt, Qt::UTC).toString(Qt::ISODateWithMs)},
        // 0 success, 4 minor failure (a refused sign-in, a denied access).
        {QStringLiteral("outcome"),
         e.outcome == QLatin1String("success") ? QStringLiteral("0") : QStringLiteral("4")},
        {QStringLiteral("agent"),
         QJsonArray{QJsonObject{
             {QStringLiteral("who"),
              QJsonObject{{QStringLiteral("identifier"),
                           QJsonObject{{QStringLiteral("system"), agentSystem(e.actorKind)},
                                       {QStringLiteral("value"), e.actor}}},
                          {QStringLiteral("display"), e.actor}}},
             {QStringLiteral("requestor"), true}}}},
        {QStringLiteral("source"),
         QJsonObject{{QStringLiteral("observer"),
                      QJsonObject{{QStringLiteral("display"), QStringLiteral("Frontdesk")}}}}},
        {QStringLiteral("extension"),
         QJsonArray{QJsonObject{
             {QStringLiteral("url"), chainExtensionUrl()},
             {QStringLiteral("extension"),
              QJsonArray{QJsonObject{{QStringLiteral("url"), QStringLiteral("seq")},
                                     {QStringLiteral("valueString"), QString::number(e.seq)}},
                         QJsonObject{{QStringLiteral("url"), QStringLiteral("prevHash")},
                                     {QStringLiteral("valueString"), e.prevHash}},
                         QJsonObject{{QStringLiteral("url"), QStringLiteral("hash")},
                                     {QStringLiteral("valueString"), e.hash}}}}}}}};

    QJsonArray entities;
    if (!e.patientId.isEmpty()) {
        entities.append(QJsonObject{
            {QStringLiteral("what"),
             QJsonObject{{QStringLiteral("reference"), QStringLiteral("Patient/") + e.patientId}}},
            {QStringLiteral("type"),
             coding(QStringLiteral("http://terminology.hl7.org/CodeSystem/audit-entity-type"),
                    QStringLiteral("1"), QStringLiteral("Person"))},
            {QStringLiteral("role"),
             coding(QStringLiteral("http://terminology.hl7.org/CodeSystem/object-role"),
                    QStringLiteral("1"), QStringLiteral("Patient"))}});
    }
    const bool sameAsPatient =
        e.entityType == QLatin1String("Patient") && e.entityId == e.patientId;
    if (!e.entityType.isEmpty() && !sameAsPatient) {
        QJsonObject entity;
        if (!e.entityId.isEmpty())
            entity.insert(QStringLiteral("what"),
                          QJsonObject{{QStringLiteral("reference"),
                                       e.entityType + QLatin1Char('/') + e.entityId}});
        entity.insert(QStringLiteral("name"), e.entityType);
        if (!e.detail.isEmpty())
            entity.insert(
                QStringLiteral("detail"),
                QJsonArray{QJsonObject{
                    {QStringLiteral("type"), QStringLiteral("frontdesk-detail")},
                    {QStringLiteral("valueString"),
                     QString::fromUtf8(QJsonDocument(e.detail).toJson(QJsonDocument::Compact))}}});
        entities.append(entity);
    } else if (!e.detail.isEmpty() && !entities.isEmpty()) {
        QJsonObject patient = entities.first().toObject();
        patient.insert(
            QStringLiteral("detail"),
            QJsonArray{QJsonObject{
                {QStringLiteral("type"), QStringLiteral("frontdesk-detail")},
                {QStringLiteral("valueString"),
                 QString::fromUtf8(QJsonDocument(e.detail).toJson(QJsonDocument::Compact))}}});
        entities.replace(0, patient);
    }
    if (!entities.isEmpty())
        event.insert(QStringLiteral("entity"), entities);
    return event;
}

} // namespace frontdesk
