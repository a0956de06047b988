#include "CommunicationMapping.h"

#include "FhirJson.h"
#include "FhirMapping.h"

#include <QJsonArray>

#include <tuple>
#include <utility>

namespace frontdesk {

namespace {

const QString kPatientPrefix = QStringLiteral("Patient/");
const QString kAppointmentPrefix = QStringLiteral("Appointment/");

// A resource's extensions, read once: a Communication carries up to a dozen, and reading them
// all again for each one looked for was a tenth of a new workstation's mapping of its messages.
class Extensions
{
public:
    explicit Extensions(const QJsonObject &o)
    {
        const QJsonArray all = o.value(QStringLiteral("extension")).toArray();
        m_all.reserve(all.size());
        for (const QJsonValue &e : all) {
            const QJsonObject ext = e.toObject();
            m_all.append({ext.value(QStringLiteral("url")).toString(), ext});
        }
    }

    // Every value of the extensions with this url, in order.
    QList<QJsonValue> of(const QString &url, const QString &valueKey) const
    {
        QList<QJsonValue> found;
        for (const auto &[extensionUrl, ext] : m_all) {
            if (extensionUrl == url)
                found << ext.value(valueKey);
        }
        return found;
    }

private:
    QList<std::pair<QString, QJsonObject>> m_all;
};

QString firstString(const Extensions &x, const QString &url, const QString &valueKey)
{
    const QList<QJsonValue> values = x.of(url, valueKey);
    return values.isEmpty() ? QString() : values.first().toString();
}

QString refOf(const QJsonValue &v)
{
    return v.toObject().value(QStringLiteral("reference")).toString();
}

// "Patient/ID" → ID; empty when the reference is of another type or malformed.
QString idIn(const QString &reference, const QString &prefix)
{
    if (!reference.startsWith(prefix))
        return {};
    const QString id = reference.mid(prefix.size());
    return id.contains(QLatin1Char('/')) ? QString() : id;
}

Result<QDateTime> instantIn(const QString &text, const QString &name)
{
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid() || !FhirJson::hasInstantForm(text))
        return fail(CommunicationMapping::tr("%1 must be a date-time with seconds and a time "
                                             "zone, e.g. 2026-07-06T09:00:00Z; got \"%2\".")
                        .arg(name, text.left(60)));
    return t.toUTC();
}

Result<QDateTime> optionalInstant(const QJsonObject &o, const QString &key)
{
    if (!o.contains(key))
        return QDateTime();
    return instantIn(o.value(key).toString(), key);
}

// A staff member as a Reference: their account id as identifier, their name as display.
QJsonObject staffReference(const QString &id, const QString &name)
{
    QJsonObject reference;
    if (!id.isEmpty())
        reference.insert(
            QStringLiteral("identifier"),
            QJsonObject{{QStringLiteral("system"), CommunicationMapping::staffSystem()},
                        {QStringLiteral("value"), id}});
    if (!name.isEmpty())
        reference.insert(QStringLiteral("display"), name);
    return reference;
}

// The staff member an extension names: {id, name}; refused when it is no such Reference.
Result<std::pair<QString, QString>> staffIn(const Extensions &x, const QString &url)
{
    const QList<QJsonValue> values = x.of(url, QStringLiteral("valueReference"));
    if (values.isEmpty())
        return std::pair<QString, QString>();
    const QJsonObject reference = values.first().toObject();
    const QJsonObject identifier = reference.value(QStringLiteral("identifier")).toObject();
    const QString id = identifier.value(QStringLiteral("value")).toString();
    const QString name = reference.value(QStringLiteral("display")).toString();
    if (!identifier.isEmpty() && identifier.value(QStringLiteral("system")).toString() !=
                                     CommunicationMapping::staffSystem())
        return fail(CommunicationMapping::tr("The extension %1 must identify a staff member in "
                                             "%2.")
                        .arg(url, CommunicationMapping::staffSystem()));
    if (id.isEmpty() && name.isEmpty())
        return fail(CommunicationMapping::tr("The extension %1 must name a staff member "
                                             "(valueReference with identifier or display).")
                        .arg(url));
    return std::pair<QString, QString>(id, name);
}

QJsonObject codingIn(const QString &system, const QString &code)
{
    return QJsonObject{
        {QStringLiteral("coding"), QJsonArray{QJsonObject{{QStringLiteral("system"), system},
                                                          {QStringLiteral("code"), code}}}}};
}

QString codeIn(const QJsonValue &codeable, const QString &system)
{
    for (const QJsonValue &c : codeable.toObject().value(QStringLiteral("coding")).toArray()) {
        const QJsonObject coding = c.toObject();
        if (coding.value(QStringLiteral("system")).toString() == system)
            return coding.value(QStringLiteral("code")).toString();
    }
    return {};
}

QString ourStatusFrom(const QString &fhir, bool inbound)
{
    if (fhir == QLatin1String("preparation") || fhir == QLatin1String("on-hold"))
        return QStringLiteral("queued");
    if (fhir == QLatin1String("in-progress"))
        return QStringLiteral("sent");
    if (fhir == QLatin1String("completed"))
        return inbound ? QStringLiteral("received") : QStringLiteral("delivered");
    if (fhir == QLatin1String("not-done") || fhir == QLatin1String("stopped"))
        return QStringLiteral("failed");
    return {};
}

} // namespace

QString CommunicationMapping::fhirStatus(const QString &status)
{
    if (status == QLatin1String("sent"))
        return QStringLiteral("in-progress");
    if (status == QLatin1String("delivered") || status == QLatin1String("received") ||
        status == QLatin1String("handled"))
        return QStringLiteral("completed");
    if (status == QLatin1String("failed"))
        return QStringLiteral("not-done");
    return QStringLiteral("preparation");
}

Result<Message> CommunicationMapping::messageFromFhir(const QJsonObject &o)
{
    if (o.value(QStringLiteral("resourceType")).toString() != QLatin1String("Communication"))
        return fail(tr("resourceType must be Communication."));
    Message m;
    m.meta.id = o.value(QStringLiteral("id")).toString();
    const Extensions x(o);

    const QString senderRef = refOf(o.value(QStringLiteral("sender")));
    const QString direction = firstString(x, directionUrl(), QStringLiteral("valueCode"));
    if (!direction.isEmpty() && direction != QLatin1String("inbound") &&
        direction != QLatin1String("outbound"))
        return fail(tr("The extension %1 must be inbound or outbound; got \"%2\".")
                        .arg(directionUrl(), direction.left(40)));
    m.direction = !direction.isEmpty()                   ? direction
                  : senderRef.startsWith(kPatientPrefix) ? QStringLiteral("inbound")
                                                         : QStringLiteral("outbound");
    const bool inbound = m.direction == QLatin1String("inbound");

    const QString fhir = o.value(QStringLiteral("status")).toString();
    if (ourStatusFrom(fhir, inbound).isEmpty())
        return fail(tr("status must be one of preparation, on-hold, in-progress, completed, "
                       "not-done, stopped; got \"%1\".")
                        .arg(fhir.left(40)));
    const QString own = firstString(x, statusUrl(), QStringLiteral("valueCode"));
    static const QStringList known{QStringLiteral("queued"),    QStringLiteral("sent"),
                                   QStringLiteral("delivered"), QStringLiteral("failed"),
                                   QStringLiteral("received"),  QStringLiteral("handled")};
    if (!own.isEmpty() && !known.contains(own))
        return fail(tr("The extension %1 names no message status Frontdesk knows: \"%2\".")
                        .arg(statusUrl(), own.left(40)));
    m.status = own.isEmpty() ? ourStatusFrom(fhir, inbound) : own;
    if (m.status == QLatin1String("failed"))
        m.failureReason = o.value(QStringLiteral("statusReason"))
                              .toObject()
                              .value(QStringLiteral("text"))
                              .toString();

    const QString subjectRef = refOf(o.value(QStringLiteral("subject")));
    if (!subjectRef.isEmpty()) {
        m.patientId = idIn(subjectRef, kPatientPrefix);
        if (m.patientId.isEmpty())
            return fail(
                tr("subject.reference must read Patient/ID; got \"%1\".").arg(subjectRef.left(80)));
    }
    for (const QJsonValue &c : x.of(candidateUrl(), QStringLiteral("valueReference"))) {
        const QString id = idIn(refOf(c), kPatientPrefix);
        if (id.isEmpty())
            return fail(tr("The extension %1 must reference Patient/ID; got \"%2\".")
                            .arg(candidateUrl(), refOf(c).left(80)));
        m.candidatePatientIds << id;
    }
    if (m.patientId.isEmpty() && !inbound)
        return fail(tr("An outbound Communication needs subject (the Patient it goes to)."));

    const QJsonArray media = o.value(QStringLiteral("medium")).toArray();
    m.channel = media.isEmpty() ? QString() : codeIn(media.first(), channelSystem());
    if (m.channel != QLatin1String("sms") && m.channel != QLatin1String("email"))
        return fail(tr("medium[0] must be sms or email in %1.").arg(channelSystem()));

    const QJsonArray categories = o.value(QStringLiteral("category")).toArray();
    const QString purpose =
        categories.isEmpty()
            ? QString()
            : codeIn(categories.first(), FhirMapping::communicationPurposeSystem());
    if (!purpose.isEmpty())
        m.purpose = purpose;
    else if (inbound)
        m.purpose = QStringLiteral("administrative");
    else
        return fail(tr("category[0] must name the purpose in %1.")
                        .arg(FhirMapping::communicationPurposeSystem()));

    m.subject =
        o.value(QStringLiteral("topic")).toObject().value(QStringLiteral("text")).toString();
    const QJsonArray payload = o.value(QStringLiteral("payload")).toArray();
    const QJsonValue text = payload.isEmpty()
                                ? QJsonValue()
                                : payload.first().toObject().value(QStringLiteral("contentString"));
    if (!payload.isEmpty() && !text.isString())
        return fail(tr("payload[0] must be text (contentString)."));
    m.body = text.toString();
    if (m.body.trimmed().isEmpty() && !inbound)
        return fail(tr("An outbound Communication needs its text in payload[0].contentString."));

    const QJsonArray about = o.value(QStringLiteral("about")).toArray();
    if (!about.isEmpty()) {
        m.appointmentId = idIn(refOf(about.first()), kAppointmentPrefix);
        if (m.appointmentId.isEmpty())
            return fail(tr("about[0].reference must read Appointment/ID; got \"%1\".")
                            .arg(refOf(about.first()).left(80)));
    }
    auto sent = optionalInstant(o, QStringLiteral("sent"));
    if (!sent)
        return fail(sent.error());
    m.sentAt = *sent;
    auto received = optionalInstant(o, QStringLiteral("received"));
    if (!received)
        return fail(received.error());
    m.deliveredAt = *received;
    m.providerMessageId = firstString(x, providerIdUrl(), QStringLiteral("valueString"));
    m.fromAddress = firstString(x, fromUrl(), QStringLiteral("valueString"));

    auto author = staffIn(x, authorUrl());
    if (!author)
        return fail(author.error());
    std::tie(m.authorId, m.authorName) = *author;
    auto assignee = staffIn(x, assigneeUrl());
    if (!assignee)
        return fail(assignee.error());
    std::tie(m.assignedTo, m.assignedName) = *assignee;
    const QList<QJsonValue> readAt = x.of(readAtUrl(), QStringLiteral("valueInstant"));
    if (!readAt.isEmpty()) {
        auto read = instantIn(readAt.first().toString(), readAtUrl());
        if (!read)
            return fail(read.error());
        m.readAt = *read;
    }
    m.templateName = firstString(x, templateUrl(), QStringLiteral("valueString"));
    m.ruleName = firstString(x, ruleUrl(), QStringLiteral("valueString"));
    return m;
}

QJsonObject CommunicationMapping::toFhir(const Message &m)
{
    const auto ext = [](const QString &url, const QString &key, const QJsonValue &value) {
        return QJsonObject{{QStringLiteral("url"), url}, {key, value}};
    };
    const bool inbound = m.direction == QLatin1String("inbound");
    QJsonArray extensions{ext(statusUrl(), QStringLiteral("valueCode"), m.status),
                          ext(directionUrl(), QStringLiteral("valueCode"), m.direction)};
    if (!m.providerMessageId.isEmpty())
        extensions.append(ext(providerIdUrl(), QStringLiteral("valueString"), m.providerMessageId));
    if (!m.fromAddress.isEmpty())
        extensions.append(ext(fromUrl(), QStringLiteral("valueString"), m.fromAddress));
    for (const QString &id : m.candidatePatientIds)
        extensions.append(ext(candidateUrl(), QStringLiteral("valueReference"),
                              QJsonObject{{QStringLiteral("reference"), kPatientPrefix + id}}));
    if (!m.authorId.isEmpty() || !m.authorName.isEmpty())
        extensions.append(ext(authorUrl(), QStringLiteral("valueReference"),
                              staffReference(m.authorId, m.authorName)));
    if (m.readAt.isValid())
        extensions.append(ext(readAtUrl(), QStringLiteral("valueInstant"),
                              m.readAt.toUTC().toString(Qt::ISODateWithMs)));
    if (!m.assignedTo.isEmpty() || !m.assignedName.isEmpty())
        extensions.append(ext(assigneeUrl(), QStringLiteral("valueReference"),
                              staffReference(m.assignedTo, m.assignedName)));
    if (!m.templateName.isEmpty())
        extensions.append(ext(templateUrl(), QStringLiteral("valueString"), m.templateName));
    if (!m.ruleName.isEmpty())
        extensions.append(ext(ruleUrl(), QStringLiteral("valueString"), m.ruleName));

    QJsonObject o{{QStringLiteral("resourceType"), QStringLiteral("Communication")},
                  {QStringLiteral("extension"), extensions},
                  {QStringLiteral("status"), fhirStatus(m.status)},
                  {QStringLiteral("category"),
                   QJsonArray{codingIn(FhirMapping::communicationPurposeSystem(), m.purpose)}},
                  {QStringLiteral("medium"), QJsonArray{codingIn(channelSystem(), m.channel)}}};
    if (!m.meta.id.isEmpty())
        o.insert(QStringLiteral("id"), m.meta.id);
    if (m.status == QLatin1String("failed") && !m.failureReason.isEmpty())
        o.insert(QStringLiteral("statusReason"),
                 QJsonObject{{QStringLiteral("text"), m.failureReason}});
    if (!m.patientId.isEmpty()) {
        const QJsonObject patient{{QStringLiteral("reference"), kPatientPrefix + m.patientId}};
        o.insert(QStringLiteral("subject"), patient);
        if (inbound)
            o.insert(QStringLiteral("sender"), patient);
        else
            o.insert(QStringLiteral("recipient"), QJsonArray{patient});
    }
    if (!m.appointmentId.isEmpty())
        o.insert(QStringLiteral("about"),
                 QJsonArray{QJsonObject{
                     {QStringLiteral("reference"), kAppointmentPrefix + m.appointmentId}}});
    if (!m.subject.isEmpty())
        o.insert(QStringLiteral("topic"), QJsonObject{{QStringLiteral("text"), m.subject}});
    if (!m.body.isEmpty())
        o.insert(QStringLiteral("payload"),
                 QJsonArray{QJsonObject{{QStringLiteral("contentString"), m.body}}});
    if (m.sentAt.isValid())
        o.insert(QStringLiteral("sent"), m.sentAt.toUTC().toString(Qt::ISODateWithMs));
    if (m.deliveredAt.isValid())
        o.insert(QStringLiteral("received"), m.deliveredAt.toUTC().toString(Qt::ISODateWithMs));
    return o;
}

} // namespace frontdesk
