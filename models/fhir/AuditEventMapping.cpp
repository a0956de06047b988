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
    // The chain, and the entry's own fields exactly as its hash covers them (the shape below
    // turns some into codes and leaves the empty ones out), so the server can check the hash.
    QJsonArray chain{QJsonObject{{QStringLiteral("url"), QStringLiteral("seq")},
                                 {QStringLiteral("valueString"), QString::number(e.seq)}},
                     QJsonObject{{QStringLiteral("url"), QStringLiteral("prevHash")},
                                 {QStringLiteral("valueString"), e.prevHash}},
                     QJsonObject{{QStringLiteral("url"), QStringLiteral("hash")},
                                 {QStringLiteral("valueString"), e.hash}}};
    const QList<std::pair<QString, QString>> raw{
        {QStringLiteral("actorKind"), e.actorKind},
        {QStringLiteral("outcome"), e.outcome},
        {QStringLiteral("entityType"), e.entityType},
        {QStringLiteral("entityId"), e.entityId},
        {QStringLiteral("patient"), e.patientId},
        {QStringLiteral("detail"),
         e.detail.isEmpty()
             ? QString()
             : QString::fromUtf8(QJsonDocument(e.detail).toJson(QJsonDocument::Compact))}};
    for (const auto &[name, value] : raw) {
        if (!value.isEmpty())
            chain.append(
                QJsonObject{{QStringLiteral("url"), name}, {QStringLiteral("valueString"), value}});
    }
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
         QJsonArray{QJsonObject{{QStringLiteral("url"), chainExtensionUrl()},
                                {QStringLiteral("extension"), chain}}}}};

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

Result<AuditEntry> AuditEventMapping::fromFhir(const QJsonObject &event)
{
    if (event.value(QStringLiteral("resourceType")).toString() != QLatin1String("AuditEvent"))
        return fail(tr("This is no AuditEvent."));
    QJsonObject chain;
    for (const QJsonValue &ext : event.value(QStringLiteral("extension")).toArray()) {
        if (ext.toObject().value(QStringLiteral("url")).toString() == chainExtensionUrl())
            chain = ext.toObject();
    }
    if (chain.isEmpty())
        return fail(tr("The AuditEvent %1 has no audit chain (extension %2).")
                        .arg(event.value(QStringLiteral("id")).toString(), chainExtensionUrl()));
    QHash<QString, QString> raw;
    for (const QJsonValue &part : chain.value(QStringLiteral("extension")).toArray()) {
        const QJsonObject o = part.toObject();
        raw.insert(o.value(QStringLiteral("url")).toString(),
                   o.value(QStringLiteral("valueString")).toString());
    }
    AuditEntry e;
    e.id = event.value(QStringLiteral("id")).toString();
    bool seqOk = false;
    e.seq = raw.value(QStringLiteral("seq")).toLongLong(&seqOk);
    const QDateTime recorded = QDateTime::fromString(
        event.value(QStringLiteral("recorded")).toString(), Qt::ISODateWithMs);
    const QJsonArray agents = event.value(QStringLiteral("agent")).toArray();
    const QJsonArray subtypes = event.value(QStringLiteral("subtype")).toArray();
    if (e.id.isEmpty() || !seqOk || e.seq < 1 || !recorded.isValid() || agents.isEmpty() ||
        subtypes.isEmpty())
        return fail(tr("The AuditEvent %1 lacks its id, sequence number, time, agent or action.")
                        .arg(e.id));
    e.recordedAt = recorded.toMSecsSinceEpoch();
    e.actor =
        agents.first()[QStringLiteral("who")][QStringLiteral("identifier")][QStringLiteral("value")]
            .toString();
    e.action = subtypes.first()[QStringLiteral("code")].toString();
    e.actorKind = raw.value(QStringLiteral("actorKind"));
    e.outcome = raw.value(QStringLiteral("outcome"));
    e.entityType = raw.value(QStringLiteral("entityType"));
    e.entityId = raw.value(QStringLiteral("entityId"));
    e.patientId = raw.value(QStringLiteral("patient"));
    if (raw.contains(QStringLiteral("detail"))) {
        QJsonParseError error;
        const QJsonDocument detail =
            QJsonDocument::fromJson(raw.value(QStringLiteral("detail")).toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !detail.isObject())
            return fail(tr("The detail of AuditEvent %1 is not a JSON object.").arg(e.id));
        e.detail = detail.object();
    }
    e.prevHash = raw.value(QStringLiteral("prevHash"));
    e.hash = raw.value(QStringLiteral("hash"));
    return e;
}

} // namespace frontdesk
