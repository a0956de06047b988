#include "PatientRecordMapping.h"

#include "FhirJson.h"

#include <QJsonArray>

namespace frontdesk {

namespace {

// Recall status ⇄ Task.status, in both directions.
const QList<std::pair<QString, QString>> kRecallStatus{
    {QStringLiteral("open"), QStringLiteral("requested")},
    {QStringLiteral("done"), QStringLiteral("completed")},
    {QStringLiteral("cancelled"), QStringLiteral("cancelled")}};

const QStringList kLinkTypes{QStringLiteral("replaced-by"), QStringLiteral("replaces"),
                             QStringLiteral("refer"), QStringLiteral("seealso")};

// A contact by message names the Communication queued; a call or letter the Task made for it.
QString contactRefType(const QString &channel)
{
    return channel == QLatin1String("sms") || channel == QLatin1String("email")
               ? QStringLiteral("Communication")
               : QStringLiteral("Task");
}

} // namespace

QJsonObject PatientRecordMapping::toFhir(const Recall &r)
{
    QString status = QStringLiteral("requested");
    for (const auto &[own, fhir] : kRecallStatus) {
        if (own == r.status)
            status = fhir;
    }
    QJsonArray codes{QJsonObject{{QStringLiteral("system"), taskCodeSystem()},
                                 {QStringLiteral("code"), recallCode()}}};
    if (r.isTask())
        codes.append(QJsonObject{{QStringLiteral("system"), taskCodeSystem()},
                                 {QStringLiteral("code"), r.kind}});
    QJsonObject o{
        {QStringLiteral("resourceType"), QStringLiteral("Task")},
        {QStringLiteral("status"), status},
        {QStringLiteral("intent"), QStringLiteral("plan")},
        {QStringLiteral("code"), QJsonObject{{QStringLiteral("coding"), codes}}},
        {QStringLiteral("for"), FhirJson::reference(QStringLiteral("Patient"), r.patientId)},
        {QStringLiteral("restriction"),
         QJsonObject{{QStringLiteral("period"),
                      QJsonObject{{QStringLiteral("end"), FhirJson::date(r.dueOn)}}}}}};
    if (!r.meta.id.isEmpty())
        o.insert(QStringLiteral("id"), r.meta.id);
    if (!r.practitionerId.isEmpty())
        o.insert(QStringLiteral("owner"),
                 FhirJson::reference(QStringLiteral("Practitioner"), r.practitionerId));
    if (!r.reason.isEmpty())
        o.insert(QStringLiteral("description"), r.reason);
    if (r.contacted()) {
        QJsonArray extensions{
            FhirJson::extension(contactedAtUrl(), QStringLiteral("valueInstant"),
                                r.contactedAt.toUTC().toString(Qt::ISODateWithMs)),
            FhirJson::extension(contactChannelUrl(), QStringLiteral("valueCode"),
                                r.contactChannel)};
        if (!r.contactRef.isEmpty())
            extensions.append(FhirJson::extension(
                contactUrl(), QStringLiteral("valueReference"),
                FhirJson::reference(contactRefType(r.contactChannel), r.contactRef)));
        o.insert(QStringLiteral("extension"), extensions);
    }
    return o;
}

Result<Recall> PatientRecordMapping::recallFromFhir(const QJsonObject &o)
{
    if (auto t = FhirJson::expectType(o, QStringLiteral("Task")); !t)
        return fail(t.error());
    bool isRecall = false;
    QString kind = Recall::recallKind();
    for (const QJsonValue &c :
         o.value(QStringLiteral("code")).toObject().value(QStringLiteral("coding")).toArray()) {
        const QJsonObject coding = c.toObject();
        if (coding.value(QStringLiteral("system")).toString() != taskCodeSystem())
            continue;
        const QString code = coding.value(QStringLiteral("code")).toString();
        isRecall = isRecall || code == recallCode();
        if (code != recallCode() && Recall::kinds().contains(code))
            kind = code;
    }
    if (!isRecall)
        return fail(tr("code must hold the code %1 of %2: this Task is no recall.")
                        .arg(recallCode(), taskCodeSystem()));
    Recall r;
    r.meta.id = o.value(QStringLiteral("id")).toString();
    QStringList fhirStatuses;
    for (const auto &[own, fhir] : kRecallStatus)
        fhirStatuses << fhir;
    auto status = FhirJson::readCode(o.value(QStringLiteral("status")), fhirStatuses,
                                     QStringLiteral("status"));
    if (!status)
        return fail(status.error());
    for (const auto &[own, fhir] : kRecallStatus) {
        if (fhir == *status)
            r.status = own;
    }
    auto patient = FhirJson::referenceId(o.value(QStringLiteral("for")).toObject(),
                                         QStringLiteral("Patient"), QStringLiteral("for"), true);
    if (!patient)
        return fail(patient.error());
    r.patientId = *patient;
    auto owner =
        FhirJson::referenceId(o.value(QStringLiteral("owner")).toObject(),
                              QStringLiteral("Practitioner"), QStringLiteral("owner"), false);
    if (!owner)
        return fail(owner.error());
    r.practitionerId = *owner;
    auto due =
        FhirJson::readDate(o.value(QStringLiteral("restriction"))
                               .toObject()
                               .value(QStringLiteral("period"))
                               .toObject(),
                           QStringLiteral("end"), QStringLiteral("restriction.period.end"), true);
    if (!due)
        return fail(due.error());
    r.dueOn = *due;
    r.reason = o.value(QStringLiteral("description")).toString();
    r.kind = kind;
    const QJsonValue contactedAt =
        FhirJson::extensionValue(o, contactedAtUrl(), QStringLiteral("valueInstant"));
    if (!contactedAt.isUndefined()) {
        auto at =
            FhirJson::readInstant(QJsonObject{{contactedAtUrl(), contactedAt}}, contactedAtUrl());
        if (!at)
            return fail(at.error());
        auto channel = FhirJson::readCode(
            FhirJson::extensionValue(o, contactChannelUrl(), QStringLiteral("valueCode")),
            Recall::contactChannels(), contactChannelUrl());
        if (!channel)
            return fail(channel.error());
        r.contactedAt = *at;
        r.contactChannel = *channel;
        auto ref = FhirJson::referenceId(
            FhirJson::extensionValue(o, contactUrl(), QStringLiteral("valueReference")).toObject(),
            contactRefType(r.contactChannel), contactUrl(), false);
        if (!ref)
            return fail(ref.error());
        r.contactRef = *ref;
    }
    return r;
}

QJsonObject PatientRecordMapping::toFhir(const PatientPhoto &photo)
{
    QJsonObject o{{QStringLiteral("resourceType"), QStringLiteral("Binary")},
                  {QStringLiteral("contentType"), photo.contentType()},
                  {QStringLiteral("securityContext"),
                   FhirJson::reference(QStringLiteral("Patient"), photo.patientId)},
                  {QStringLiteral("data"), QString::fromLatin1(photo.data.toBase64())}};
    if (!photo.meta.id.isEmpty())
        o.insert(QStringLiteral("id"), photo.meta.id);
    return o;
}

Result<PatientPhoto> PatientRecordMapping::photoFromFhir(const QJsonObject &o)
{
    if (auto t = FhirJson::expectType(o, QStringLiteral("Binary")); !t)
        return fail(t.error());
    PatientPhoto photo;
    photo.meta.id = o.value(QStringLiteral("id")).toString();
    auto patient =
        FhirJson::referenceId(o.value(QStringLiteral("securityContext")).toObject(),
                              QStringLiteral("Patient"), QStringLiteral("securityContext"), true);
    if (!patient)
        return fail(patient.error());
    photo.patientId = *patient;
    const auto decoded =
        QByteArray::fromBase64Encoding(o.value(QStringLiteral("data")).toString().toLatin1(),
                                       QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return fail(tr("%1 is not base64.").arg(QStringLiteral("data")));
    photo.data = *decoded;
    if (auto s = PatientPhoto::validateBytes(photo.data); !s)
        return fail(s.error());
    const QString declared = o.value(QStringLiteral("contentType")).toString();
    if (declared != photo.contentType())
        return fail(
            tr("contentType is \"%1\" but the data is %2.").arg(declared, photo.contentType()));
    return photo;
}

QJsonObject PatientRecordMapping::withLinks(QJsonObject patient, const QList<PatientLink> &links)
{
    QJsonArray array;
    for (const PatientLink &l : links) {
        QJsonObject link{
            {QStringLiteral("other"), FhirJson::reference(QStringLiteral("Patient"), l.targetId)},
            {QStringLiteral("type"), l.kind}};
        if (!l.meta.id.isEmpty())
            link.insert(QStringLiteral("id"), l.meta.id);
        if (!l.detail.isEmpty() && l.detail != QLatin1String("{}"))
            link.insert(QStringLiteral("extension"),
                        QJsonArray{FhirJson::extension(linkDetailUrl(),
                                                       QStringLiteral("valueString"), l.detail)});
        array.append(link);
    }
    if (array.isEmpty())
        patient.remove(QStringLiteral("link"));
    else
        patient.insert(QStringLiteral("link"), array);
    return patient;
}

Result<QList<PatientLink>> PatientRecordMapping::linksFromFhir(const QJsonObject &patient)
{
    if (auto t = FhirJson::expectType(patient, QStringLiteral("Patient")); !t)
        return fail(t.error());
    QList<PatientLink> links;
    const QJsonArray array = patient.value(QStringLiteral("link")).toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject link = array.at(i).toObject();
        const QString path = QStringLiteral("link[%1]").arg(i);
        PatientLink l;
        l.meta.id = link.value(QStringLiteral("id")).toString();
        l.sourceId = patient.value(QStringLiteral("id")).toString();
        auto kind = FhirJson::readCode(link.value(QStringLiteral("type")), kLinkTypes,
                                       path + QStringLiteral(".type"));
        if (!kind)
            return fail(kind.error());
        l.kind = *kind;
        auto other =
            FhirJson::referenceId(link.value(QStringLiteral("other")).toObject(),
                                  QStringLiteral("Patient"), path + QStringLiteral(".other"), true);
        if (!other)
            return fail(other.error());
        l.targetId = *other;
        const QJsonValue detail =
            FhirJson::extensionValue(link, linkDetailUrl(), QStringLiteral("valueString"));
        l.detail = detail.isString() ? detail.toString() : QStringLiteral("{}");
        links << l;
    }
    return links;
}

} // namespace frontdesk
