#include "FhirMapping.h"

#include "FhirJson.h"

#include <QCryptographicHash>
#include <QJsonArray>

#include <cmath>

namespace frontdesk {

namespace {

// Reads elements and remembers the first thing that is wrong, so a mapping reads straight
// through and reports one precise message ("birthDate \"1985-13-01\" is not a date").
class Reader
{
public:
    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    void wrong(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
    }

    QString string(const QJsonObject &o, const QString &key, const QString &path = {})
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isString()) {
            wrong(FhirMapping::tr("%1 must be a string.").arg(path.isEmpty() ? key : path));
            return {};
        }
        return v.toString();
    }
    QJsonObject object(const QJsonObject &o, const QString &key, const QString &path = {})
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isObject()) {
            wrong(FhirMapping::tr("%1 must be an object.").arg(path.isEmpty() ? key : path));
            return {};
        }
        return v.toObject();
    }
    QJsonArray array(const QJsonObject &o, const QString &key, const QString &path = {})
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isArray()) {
            wrong(FhirMapping::tr("%1 must be an array.").arg(path.isEmpty() ? key : path));
            return {};
        }
        return v.toArray();
    }
    // The first element of an array of objects, or {}.
    QJsonObject first(const QJsonObject &o, const QString &key)
    {
        const QJsonArray a = array(o, key);
        if (a.isEmpty())
            return {};
        if (!a.first().isObject()) {
            wrong(FhirMapping::tr("%1[0] must be an object.").arg(key));
            return {};
        }
        return a.first().toObject();
    }
    ClinicalCode code(const QJsonObject &o, const QString &key)
    {
        const QJsonObject codeable = object(o, key);
        ClinicalCode c;
        const QJsonObject coding = first(codeable, QStringLiteral("coding"));
        c.system = string(coding, QStringLiteral("system"), key + QStringLiteral(".coding.system"));
        c.code = string(coding, QStringLiteral("code"), key + QStringLiteral(".coding.code"));
        c.display =
            string(coding, QStringLiteral("display"), key + QStringLiteral(".coding.display"));
        const QString text =
            string(codeable, QStringLiteral("text"), key + QStringLiteral(".text"));
        if (c.display.isEmpty())
            c.display = text.isEmpty() ? c.code : text;
        return c;
    }
    // A FHIR dateTime/instant (YYYY, YYYY-MM, YYYY-MM-DD or with a time and zone) as UTC.
    QDateTime dateTime(const QJsonObject &o, const QString &key, const QString &path = {})
    {
        const QString s = string(o, key, path);
        if (s.isEmpty())
            return {};
        QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
        if (!t.isValid() || !s.contains(QLatin1Char('T'))) {
            QDate d = QDate::fromString(s, Qt::ISODate);
            if (!d.isValid() && s.size() == 7)
                d = QDate::fromString(s + QStringLiteral("-01"), Qt::ISODate);
            if (!d.isValid() && s.size() == 4)
                d = QDate::fromString(s + QStringLiteral("-01-01"), Qt::ISODate);
            t = d.isValid() ? QDateTime(d, QTime(0, 0), Qt::UTC) : QDateTime();
        }
        if (!t.isValid()) {
            wrong(FhirMapping::tr("%1 \"%2\" is not a FHIR dateTime.")
                      .arg(path.isEmpty() ? key : path, s));
            return {};
        }
        return t.toUTC();
    }
    QDate date(const QJsonObject &o, const QString &key, const QString &path = {})
    {
        const QString s = string(o, key, path);
        if (s.isEmpty())
            return {};
        const QDate d = QDate::fromString(s.left(10), Qt::ISODate);
        if (!d.isValid() || (s.size() != 10 && !s.contains(QLatin1Char('T'))))
            wrong(FhirMapping::tr("%1 \"%2\" is not a date (YYYY-MM-DD).")
                      .arg(path.isEmpty() ? key : path, s));
        return d;
    }
    QString statusCode(const QJsonObject &o, const QString &key)
    {
        // R4 clinicalStatus is a CodeableConcept; older writers put a plain code.
        if (o.value(key).isString())
            return o.value(key).toString();
        return code(o, key).code;
    }
    void expectType(const QJsonObject &o, const QStringList &types)
    {
        const QString type = string(o, QStringLiteral("resourceType"));
        if (!types.contains(type))
            wrong(FhirMapping::tr("resourceType is \"%1\", expected %2.")
                      .arg(type, types.join(QStringLiteral(" or "))));
    }

private:
    QString m_error;
};

QJsonObject coding(const ClinicalCode &c)
{
    QJsonObject coding;
    if (!c.system.isEmpty())
        coding.insert(QStringLiteral("system"), c.system);
    if (!c.code.isEmpty())
        coding.insert(QStringLiteral("code"), c.code);
    if (!c.display.isEmpty())
        coding.insert(QStringLiteral("display"), c.display);
    return QJsonObject{{QStringLiteral("coding"), QJsonArray{coding}},
                       {QStringLiteral("text"), c.display}};
}

QJsonObject codeable(const QString &system, const QString &code)
{
    return QJsonObject{
        {QStringLiteral("coding"), QJsonArray{QJsonObject{{QStringLiteral("system"), system},
                                                          {QStringLiteral("code"), code}}}}};
}

QString instant(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

QJsonObject reference(const QString &ref)
{
    return QJsonObject{{QStringLiteral("reference"), ref}};
}

void putIf(QJsonObject &o, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(key, value);
}

void putTime(QJsonObject &o, const QString &key, const QDateTime &t)
{
    if (t.isValid())
        o.insert(key, instant(t));
}

// A time as written for records whose exact instant matters on the way back (consents): with
// milliseconds when it has any.
QString exactInstant(const QDateTime &t)
{
    const QDateTime utc = t.toUTC();
    return utc.time().msec() == 0 ? utc.toString(Qt::ISODate) : utc.toString(Qt::ISODateWithMs);
}

// A scanned document's type from its first bytes (what scanners write), so an export reads the
// same on every machine; anything else is octet-stream.
QString documentType(const QByteArray &data)
{
    if (data.startsWith("%PDF-"))
        return QStringLiteral("application/pdf");
    if (data.startsWith("\xFF\xD8\xFF"))
        return QStringLiteral("image/jpeg");
    if (data.startsWith("\x89PNG\r\n\x1A\n"))
        return QStringLiteral("image/png");
    if (data.startsWith(QByteArray("II*\0", 4)) || data.startsWith(QByteArray("MM\0*", 4)))
        return QStringLiteral("image/tiff");
    return QStringLiteral("application/octet-stream");
}

const QString kConsentScopeSystem =
    QStringLiteral("http://terminology.hl7.org/CodeSystem/consentscope");
const QString kFlagCategorySystem =
    QStringLiteral("http://terminology.hl7.org/CodeSystem/flag-category");
const QString kFlagPriorityUrl =
    QStringLiteral("http://hl7.org/fhir/StructureDefinition/flag-priority");
const QString kFlagPrioritySystem = QStringLiteral("http://hl7.org/fhir/flag-priority-code");

// The extension with this url among resource.extension, or {}.
QJsonObject extensionOf(Reader &r, const QJsonObject &o, const QString &url,
                        const QString &path = QStringLiteral("extension"))
{
    for (const QJsonValue v : r.array(o, QStringLiteral("extension"), path)) {
        if (!v.isObject()) {
            r.wrong(FhirMapping::tr("%1 must hold objects.").arg(path));
            return {};
        }
        if (v.toObject().value(QStringLiteral("url")).toString() == url)
            return v.toObject();
    }
    return {};
}

template <typename T> Result<T> finish(const Reader &r, T value)
{
    if (!r.ok())
        return fail(r.error());
    return value;
}

} // namespace

QString FhirMapping::patientReference(const QJsonObject &resource)
{
    for (const char *key : {"subject", "patient", "beneficiary"}) {
        const QJsonValue v = resource.value(QLatin1String(key));
        if (v.isObject())
            return v.toObject().value(QStringLiteral("reference")).toString();
    }
    return {};
}

QString FhirMapping::encounterReference(const QJsonObject &resource)
{
    const QJsonValue e = resource.value(QStringLiteral("encounter"));
    if (e.isObject())
        return e.toObject().value(QStringLiteral("reference")).toString();
    const QJsonValue context = resource.value(QStringLiteral("context"));
    if (context.isObject()) {
        // MedicationStatement.context is the reference itself; DocumentReference.context holds
        // a list of encounters.
        if (context.toObject().contains(QStringLiteral("reference")))
            return context.toObject().value(QStringLiteral("reference")).toString();
        const QJsonValue inner = context.toObject().value(QStringLiteral("encounter"));
        if (inner.isArray() && !inner.toArray().isEmpty())
            return inner.toArray().first().toObject().value(QStringLiteral("reference")).toString();
        if (inner.isObject())
            return inner.toObject().value(QStringLiteral("reference")).toString();
    }
    return {};
}

Result<QString> FhirMapping::patientId(const QJsonObject &resource, const QString &path)
{
    return FhirJson::referenceId(patientReference(resource), QStringLiteral("Patient"), path, true);
}

Result<QString> FhirMapping::encounterId(const QJsonObject &resource)
{
    return FhirJson::referenceId(encounterReference(resource), QStringLiteral("Encounter"),
                                 QStringLiteral("encounter"), false);
}

Result<Patient> FhirMapping::patientFromFhir(const QJsonObject &o)
{
    Reader r;
    r.expectType(o, {QStringLiteral("Patient")});
    Patient p;
    // The MRN: the identifier typed MR (as Synthea and most EHRs write it), else our own system.
    QString anyIdentifier;
    for (const QJsonValue v : r.array(o, QStringLiteral("identifier"))) {
        const QJsonObject id = v.toObject();
        const QString value =
            r.string(id, QStringLiteral("value"), QStringLiteral("identifier.value"));
        const QString system =
            r.string(id, QStringLiteral("system"), QStringLiteral("identifier.system"));
        const ClinicalCode type = r.code(id, QStringLiteral("type"));
        if (anyIdentifier.isEmpty())
            anyIdentifier = value;
        if ((type.code == QLatin1String("MR") || system == mrnSystem()) && p.mrn.isEmpty())
            p.mrn = value;
    }
    if (p.mrn.isEmpty())
        p.mrn = anyIdentifier;
    if (p.mrn.isEmpty())
        r.wrong(tr("the Patient has no identifier to use as its medical record number."));

    const QJsonArray names = r.array(o, QStringLiteral("name"));
    QJsonObject name;
    for (const QJsonValue v : names) {
        const QJsonObject n = v.toObject();
        if (name.isEmpty() ||
            n.value(QStringLiteral("use")).toString() == QLatin1String("official"))
            name = n;
    }
    p.familyName = r.string(name, QStringLiteral("family"), QStringLiteral("name.family"));
    QStringList given;
    for (const QJsonValue g :
         r.array(name, QStringLiteral("given"), QStringLiteral("name.given"))) {
        if (!g.isString())
            r.wrong(tr("name.given must hold strings."));
        given << g.toString();
    }
    p.givenName = given.join(QLatin1Char(' '));
    if (p.familyName.trimmed().isEmpty())
        r.wrong(tr("the Patient has no family name (name.family)."));

    const QString gender = r.string(o, QStringLiteral("gender"));
    if (!gender.isEmpty()) {
        static const QStringList genders{QStringLiteral("female"), QStringLiteral("male"),
                                         QStringLiteral("other"), QStringLiteral("unknown")};
        if (!genders.contains(gender))
            r.wrong(tr("gender \"%1\" is not female, male, other or unknown.").arg(gender));
        else
            p.sex = gender;
    }
    p.birthDate = r.date(o, QStringLiteral("birthDate"));

    for (const QJsonValue v : r.array(o, QStringLiteral("telecom"))) {
        const QJsonObject t = v.toObject();
        const QString system =
            r.string(t, QStringLiteral("system"), QStringLiteral("telecom.system"));
        const QString use = r.string(t, QStringLiteral("use"), QStringLiteral("telecom.use"));
        const QString value = r.string(t, QStringLiteral("value"), QStringLiteral("telecom.value"));
        if (system == QLatin1String("email") && p.email.isEmpty())
            p.email = value;
        else if (system == QLatin1String("phone") || system == QLatin1String("sms")) {
            if (use == QLatin1String("home") && p.phoneHome.isEmpty())
                p.phoneHome = value;
            else if (p.phoneMobile.isEmpty())
                p.phoneMobile = value;
            else if (p.phoneHome.isEmpty())
                p.phoneHome = value;
        }
    }
    const QJsonObject address = r.first(o, QStringLiteral("address"));
    QStringList lines;
    for (const QJsonValue l :
         r.array(address, QStringLiteral("line"), QStringLiteral("address.line")))
        lines << l.toString();
    p.addressLine = lines.join(QStringLiteral(", "));
    p.city = r.string(address, QStringLiteral("city"), QStringLiteral("address.city"));
    p.postalCode =
        r.string(address, QStringLiteral("postalCode"), QStringLiteral("address.postalCode"));
    p.country = r.string(address, QStringLiteral("country"), QStringLiteral("address.country"));
    const QJsonObject communication = r.first(o, QStringLiteral("communication"));
    p.preferredLanguage = r.code(communication, QStringLiteral("language")).code;

    const QJsonObject contact = r.first(o, QStringLiteral("contact"));
    if (!contact.isEmpty()) {
        const QJsonObject cname =
            r.object(contact, QStringLiteral("name"), QStringLiteral("contact.name"));
        const QString text = r.string(cname, QStringLiteral("text"));
        QStringList parts;
        for (const QJsonValue g : cname.value(QStringLiteral("given")).toArray())
            parts << g.toString();
        parts << r.string(cname, QStringLiteral("family"));
        p.emergencyContactName = text.isEmpty() ? parts.join(QLatin1Char(' ')).trimmed() : text;
        const QJsonObject relationship = r.first(contact, QStringLiteral("relationship"));
        const QString relText = r.string(relationship, QStringLiteral("text"));
        p.emergencyContactRelation =
            relText.isEmpty()
                ? r.code(QJsonObject{{QStringLiteral("c"), relationship}}, QStringLiteral("c"))
                      .display
                : relText;
        const QJsonObject phone = r.first(contact, QStringLiteral("telecom"));
        p.emergencyContactPhone =
            r.string(phone, QStringLiteral("value"), QStringLiteral("contact.telecom.value"));
    }
    return finish(r, p);
}

Result<Encounter> FhirMapping::encounterFromFhir(const QJsonObject &o)
{
    Reader r;
    r.expectType(o, {QStringLiteral("Encounter")});
    Encounter e;
    e.status = r.string(o, QStringLiteral("status"));
    if (e.status.isEmpty())
        r.wrong(tr("the Encounter has no status."));
    const QJsonValue cls = o.value(QStringLiteral("class"));
    if (cls.isObject())
        e.classCode =
            r.string(cls.toObject(), QStringLiteral("code"), QStringLiteral("class.code"));
    else if (!cls.isUndefined())
        r.wrong(tr("class must be a Coding object."));
    const QJsonObject type = r.first(o, QStringLiteral("type"));
    e.type = r.code(QJsonObject{{QStringLiteral("type"), type}}, QStringLiteral("type"));
    const QJsonObject reason = r.first(o, QStringLiteral("reasonCode"));
    e.reason =
        r.code(QJsonObject{{QStringLiteral("reasonCode"), reason}}, QStringLiteral("reasonCode"))
            .display;
    const QJsonObject participant = r.first(o, QStringLiteral("participant"));
    e.practitionerName = r.object(participant, QStringLiteral("individual"))
                             .value(QStringLiteral("display"))
                             .toString();
    const QJsonObject period = r.object(o, QStringLiteral("period"));
    e.start = r.dateTime(period, QStringLiteral("start"), QStringLiteral("period.start"));
    e.end = r.dateTime(period, QStringLiteral("end"), QStringLiteral("period.end"));
    if (e.start.isValid() && e.end.isValid() && e.end < e.start)
        r.wrong(tr("period.end lies before period.start."));
    return finish(r, e);
}

Result<Condition> FhirMapping::conditionFromFhir(const QJsonObject &o)
{
    Reader r;
    r.expectType(o, {QStringLiteral("Condition")});
    Condition c;
    c.code = r.code(o, QStringLiteral("code"));
    if (c.code.display.isEmpty())
        r.wrong(tr("the Condition has no code."));
    const QString status = r.statusCode(o, QStringLiteral("clinicalStatus"));
    if (!status.isEmpty())
        c.clinicalStatus = status;
    c.onset = r.dateTime(o, QStringLiteral("onsetDateTime"));
    c.abatement = r.dateTime(o, QStringLiteral("abatementDateTime"));
    if (o.contains(QStringLiteral("abatementDateTime")) && status.isEmpty())
        c.clinicalStatus = QStringLiteral("resolved");
    return finish(r, c);
}

Result<Allergy> FhirMapping::allergyFromFhir(const QJsonObject &o)
{
    Reader r;
    r.expectType(o, {QStringLiteral("AllergyIntolerance")});
    Allergy a;
    a.code = r.code(o, QStringLiteral("code"));
    if (a.code.display.isEmpty())
        r.wrong(tr("the AllergyIntolerance has no code (the substance)."));
    const QJsonArray categories = r.array(o, QStringLiteral("category"));
    if (!categories.isEmpty())
        a.category = categories.first().toString();
    a.criticality = r.string(o, QStringLiteral("criticality"));
    const QString status = r.statusCode(o, QStringLiteral("clinicalStatus"));
    if (!status.isEmpty())
        a.clinicalStatus = status;
    const QJsonObject reaction = r.first(o, QStringLiteral("reaction"));
    const QJsonObject manifestation = r.first(reaction, QStringLiteral("manifestation"));
    a.reaction =
        r.code(QJsonObject{{QStringLiteral("m"), manifestation}}, QStringLiteral("m")).display;
    a.recorded = r.dateTime(o, QStringLiteral("recordedDate"));
    return finish(r, a);
}

Result<Medication> FhirMapping::medicationFromFhir(const QJsonObject &o)
{
    Reader r;
    r.expectType(o, {QStringLiteral("MedicationStatement"), QStringLiteral("MedicationRequest")});
    Medication m;
    m.code = r.code(o, QStringLiteral("medicationCodeableConcept"));
    if (m.code.display.isEmpty()) {
        // A reference to a Medication resource still names it in display.
        m.code.display = r.object(o, QStringLiteral("medicationReference"))
                             .value(QStringLiteral("display"))
                             .toString();
    }
    if (m.code.display.isEmpty())
        r.wrong(tr("the medication has no medicationCodeableConcept."));
    m.status = r.string(o, QStringLiteral("status"));
    if (m.status.isEmpty())
        r.wrong(tr("the medication has no status."));
    const bool request =
        o.value(QStringLiteral("resourceType")).toString() == QLatin1String("MedicationRequest");
    m.asserted = request ? r.dateTime(o, QStringLiteral("authoredOn"))
                         : r.dateTime(o, QStringLiteral("dateAsserted"));
    if (!m.asserted.isValid() && !request)
        m.asserted = r.dateTime(o, QStringLiteral("effectiveDateTime"));
    const QJsonObject dosage =
        r.first(o, request ? QStringLiteral("dosageInstruction") : QStringLiteral("dosage"));
    m.dosage = r.string(dosage, QStringLiteral("text"), QStringLiteral("dosage.text"));
    return finish(r, m);
}

Result<Observation> FhirMapping::observationFromFhir(const QJsonObject &o)
{
    Reader r;
    r.expectType(o, {QStringLiteral("Observation")});
    Observation ob;
    ob.status = r.string(o, QStringLiteral("status"));
    if (ob.status.isEmpty())
        r.wrong(tr("the Observation has no status."));
    const QJsonObject category = r.first(o, QStringLiteral("category"));
    ob.category =
        r.code(QJsonObject{{QStringLiteral("category"), category}}, QStringLiteral("category"))
            .code;
    ob.code = r.code(o, QStringLiteral("code"));
    if (ob.code.display.isEmpty())
        r.wrong(tr("the Observation has no code."));
    ob.effective = r.dateTime(o, QStringLiteral("effectiveDateTime"));
    auto quantity = [&r](const QJsonObject &holder, const QString &path,
                         std::optional<double> &value, QString &unit) {
        const QJsonObject q = r.object(holder, QStringLiteral("valueQuantity"), path);
        if (q.isEmpty())
            return false;
        const QJsonValue v = q.value(QStringLiteral("value"));
        if (!v.isDouble() || !std::isfinite(v.toDouble())) {
            r.wrong(FhirMapping::tr("%1.value must be a number.").arg(path));
            return false;
        }
        value = v.toDouble();
        unit = q.value(QStringLiteral("unit")).toString();
        if (unit.isEmpty())
            unit = q.value(QStringLiteral("code")).toString();
        return true;
    };
    if (!quantity(o, QStringLiteral("valueQuantity"), ob.valueNumber, ob.unit)) {
        if (o.contains(QStringLiteral("valueCodeableConcept")))
            ob.valueText = r.code(o, QStringLiteral("valueCodeableConcept")).display;
        else if (o.contains(QStringLiteral("valueString")))
            ob.valueText = r.string(o, QStringLiteral("valueString"));
        else {
            // Blood pressure and the like: the components as "120/80 mm[Hg]".
            QStringList parts;
            QString unit;
            for (const QJsonValue c : r.array(o, QStringLiteral("component"))) {
                std::optional<double> v;
                QString u;
                if (quantity(c.toObject(), QStringLiteral("component.valueQuantity"), v, u)) {
                    // Systolic first, as blood pressure is read ("138/84").
                    const bool systolic = r.code(c.toObject(), QStringLiteral("code")).code ==
                                          QLatin1String("8480-6");
                    parts.insert(systolic ? 0 : parts.size(), QString::number(*v));
                    unit = u;
                }
            }
            if (!parts.isEmpty())
                ob.valueText = parts.join(QLatin1Char('/')) + QLatin1Char(' ') + unit;
        }
    }
    return finish(r, ob);
}

Result<Immunization> FhirMapping::immunizationFromFhir(const QJsonObject &o)
{
    Reader r;
    r.expectType(o, {QStringLiteral("Immunization")});
    Immunization i;
    i.vaccine = r.code(o, QStringLiteral("vaccineCode"));
    if (i.vaccine.display.isEmpty())
        r.wrong(tr("the Immunization has no vaccineCode."));
    i.status = r.string(o, QStringLiteral("status"));
    if (i.status.isEmpty())
        r.wrong(tr("the Immunization has no status."));
    i.occurred = r.dateTime(o, QStringLiteral("occurrenceDateTime"));
    return finish(r, i);
}

Result<Coverage> FhirMapping::coverageFromFhir(const QJsonObject &o)
{
    Reader r;
    r.expectType(o, {QStringLiteral("Coverage")});
    Coverage c;
    c.status = r.string(o, QStringLiteral("status"));
    if (c.status.isEmpty())
        r.wrong(tr("the Coverage has no status."));
    const QJsonObject payor = r.first(o, QStringLiteral("payor"));
    c.payer = r.string(payor, QStringLiteral("display"), QStringLiteral("payor.display"));
    if (c.payer.isEmpty())
        c.payer = r.string(payor, QStringLiteral("reference"), QStringLiteral("payor.reference"));
    if (c.payer.isEmpty())
        r.wrong(tr("the Coverage names no payor."));
    c.memberId = r.string(o, QStringLiteral("subscriberId"));
    if (c.memberId.isEmpty())
        c.memberId =
            r.first(o, QStringLiteral("identifier")).value(QStringLiteral("value")).toString();
    for (const QJsonValue v : r.array(o, QStringLiteral("class"))) {
        const QJsonObject cls = v.toObject();
        if (r.code(cls, QStringLiteral("type")).code == QLatin1String("group"))
            c.groupId = r.string(cls, QStringLiteral("value"), QStringLiteral("class.value"));
    }
    const QJsonObject period = r.object(o, QStringLiteral("period"));
    c.validFrom = r.date(period, QStringLiteral("start"), QStringLiteral("period.start"));
    c.validTo = r.date(period, QStringLiteral("end"), QStringLiteral("period.end"));
    return finish(r, c);
}

QJsonObject FhirMapping::toFhir(const Patient &p)
{
    QJsonObject o{{QStringLiteral("resourceType"), QStringLiteral("Patient")},
                  {QStringLiteral("id"), p.meta.id}};
    QJsonObject mrnType = codeable(QStringLiteral("http://terminology.hl7.org/CodeSystem/v2-0203"),
                                   QStringLiteral("MR"));
    o.insert(QStringLiteral("identifier"),
             QJsonArray{QJsonObject{{QStringLiteral("type"), mrnType},
                                    {QStringLiteral("system"), mrnSystem()},
                                    {QStringLiteral("value"), p.mrn}}});
    QJsonArray given;
    for (const QString &g : p.givenName.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        given.append(g);
    QJsonObject name{{QStringLiteral("use"), QStringLiteral("official")},
                     {QStringLiteral("family"), p.familyName}};
    if (!given.isEmpty())
        name.insert(QStringLiteral("given"), given);
    o.insert(QStringLiteral("name"), QJsonArray{name});
    QJsonArray telecom;
    if (!p.phoneMobile.isEmpty())
        telecom.append(QJsonObject{{QStringLiteral("system"), QStringLiteral("phone")},
                                   {QStringLiteral("value"), p.phoneMobile},
                                   {QStringLiteral("use"), QStringLiteral("mobile")}});
    if (!p.phoneHome.isEmpty())
        telecom.append(QJsonObject{{QStringLiteral("system"), QStringLiteral("phone")},
                                   {QStringLiteral("value"), p.phoneHome},
                                   {QStringLiteral("use"), QStringLiteral("home")}});
    if (!p.email.isEmpty())
        telecom.append(QJsonObject{{QStringLiteral("system"), QStringLiteral("email")},
                                   {QStringLiteral("value"), p.email}});
    if (!telecom.isEmpty())
        o.insert(QStringLiteral("telecom"), telecom);
    o.insert(QStringLiteral("gender"), p.sex);
    if (p.birthDate.isValid())
        o.insert(QStringLiteral("birthDate"), p.birthDate.toString(Qt::ISODate));
    if (!p.addressLine.isEmpty() || !p.city.isEmpty() || !p.postalCode.isEmpty() ||
        !p.country.isEmpty()) {
        QJsonObject address;
        if (!p.addressLine.isEmpty()) {
            QJsonArray lines;
            for (const QString &l : p.addressLine.split(QStringLiteral(", ")))
                lines.append(l);
            address.insert(QStringLiteral("line"), lines);
        }
        putIf(address, QStringLiteral("city"), p.city);
        putIf(address, QStringLiteral("postalCode"), p.postalCode);
        putIf(address, QStringLiteral("country"), p.country);
        o.insert(QStringLiteral("address"), QJsonArray{address});
    }
    if (!p.preferredLanguage.isEmpty())
        o.insert(QStringLiteral("communication"),
                 QJsonArray{
                     QJsonObject{{QStringLiteral("language"),
                                  codeable(QStringLiteral("urn:ietf:bcp:47"), p.preferredLanguage)},
                                 {QStringLiteral("preferred"), true}}});
    if (!p.emergencyContactName.isEmpty()) {
        QJsonObject contact{{QStringLiteral("name"),
                             QJsonObject{{QStringLiteral("text"), p.emergencyContactName}}}};
        if (!p.emergencyContactRelation.isEmpty())
            contact.insert(
                QStringLiteral("relationship"),
                QJsonArray{QJsonObject{{QStringLiteral("text"), p.emergencyContactRelation}}});
        if (!p.emergencyContactPhone.isEmpty())
            contact.insert(
                QStringLiteral("telecom"),
                QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("phone")},
                                       {QStringLiteral("value"), p.emergencyContactPhone}}});
        o.insert(QStringLiteral("contact"), QJsonArray{contact});
    }
    return o;
}

QJsonObject FhirMapping::toFhir(const Encounter &e, const QString &patientRef)
{
    QJsonObject o{{QStringLiteral("resourceType"), QStringLiteral("Encounter")},
                  {QStringLiteral("id"), e.meta.id},
                  {QStringLiteral("status"), e.status},
                  {QStringLiteral("subject"), reference(patientRef)}};
    if (!e.classCode.isEmpty())
        o.insert(QStringLiteral("class"),
                 QJsonObject{{QStringLiteral("system"),
                              QStringLiteral("http://terminology.hl7.org/CodeSystem/v3-ActCode")},
                             {QStringLiteral("code"), e.classCode}});
    if (!e.type.isEmpty())
        o.insert(QStringLiteral("type"), QJsonArray{coding(e.type)});
    if (!e.reason.isEmpty())
        o.insert(QStringLiteral("reasonCode"),
                 QJsonArray{QJsonObject{{QStringLiteral("text"), e.reason}}});
    if (!e.practitionerName.isEmpty())
        o.insert(QStringLiteral("participant"),
                 QJsonArray{
                     QJsonObject{{QStringLiteral("individual"),
                                  QJsonObject{{QStringLiteral("display"), e.practitionerName}}}}});
    QJsonObject period;
    putTime(period, QStringLiteral("start"), e.start);
    putTime(period, QStringLiteral("end"), e.end);
    if (!period.isEmpty())
        o.insert(QStringLiteral("period"), period);
    return o;
}

QJsonObject FhirMapping::toFhir(const Condition &c, const QString &patientRef,
                                const QString &encounterRef)
{
    QJsonObject o{
        {QStringLiteral("resourceType"), QStringLiteral("Condition")},
        {QStringLiteral("id"), c.meta.id},
        {QStringLiteral("clinicalStatus"),
         codeable(QStringLiteral("http://terminology.hl7.org/CodeSystem/condition-clinical"),
                  c.clinicalStatus)},
        {QStringLiteral("code"), coding(c.code)},
        {QStringLiteral("subject"), reference(patientRef)}};
    if (!encounterRef.isEmpty())
        o.insert(QStringLiteral("encounter"), reference(encounterRef));
    putTime(o, QStringLiteral("onsetDateTime"), c.onset);
    putTime(o, QStringLiteral("abatementDateTime"), c.abatement);
    return o;
}

QJsonObject FhirMapping::toFhir(const Allergy &a, const QString &patientRef)
{
    QJsonObject o{
        {QStringLiteral("resourceType"), QStringLiteral("AllergyIntolerance")},
        {QStringLiteral("id"), a.meta.id},
        {QStringLiteral("clinicalStatus"),
         codeable(
             QStringLiteral("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"),
             a.clinicalStatus)},
        {QStringLiteral("code"), coding(a.code)},
        {QStringLiteral("patient"), reference(patientRef)}};
    if (!a.category.isEmpty())
        o.insert(QStringLiteral("category"), QJsonArray{a.category});
    putIf(o, QStringLiteral("criticality"), a.criticality);
    if (!a.reaction.isEmpty())
        o.insert(QStringLiteral("reaction"),
                 QJsonArray{
                     QJsonObject{{QStringLiteral("manifestation"),
                                  QJsonArray{QJsonObject{{QStringLiteral("text"), a.reaction}}}}}});
    putTime(o, QStringLiteral("recordedDate"), a.recorded);
    return o;
}

QJsonObject FhirMapping::toFhir(const Medication &m, const QString &patientRef,
                                const QString &encounterRef)
{
    QJsonObject o{{QStringLiteral("resourceType"), QStringLiteral("MedicationStatement")},
                  {QStringLiteral("id"), m.meta.id},
                  {QStringLiteral("status"), m.status},
                  {QStringLiteral("medicationCodeableConcept"), coding(m.code)},
                  {QStringLiteral("subject"), reference(patientRef)}};
    if (!encounterRef.isEmpty())
        o.insert(QStringLiteral("context"), reference(encounterRef));
    putTime(o, QStringLiteral("dateAsserted"), m.asserted);
    if (!m.dosage.isEmpty())
        o.insert(QStringLiteral("dosage"),
                 QJsonArray{QJsonObject{{QStringLiteral("text"), m.dosage}}});
    return o;
}

QJsonObject FhirMapping::toFhir(const Observation &ob, const QString &patientRef,
                                const QString &encounterRef)
{
    QJsonObject o{{QStringLiteral("resourceType"), QStringLiteral("Observation")},
                  {QStringLiteral("id"), ob.meta.id},
                  {QStringLiteral("status"), ob.status},
                  {QStringLiteral("code"), coding(ob.code)},
                  {QStringLiteral("subject"), reference(patientRef)}};
    if (!ob.category.isEmpty())
        o.insert(QStringLiteral("category"),
                 QJsonArray{codeable(
                     QStringLiteral("http://terminology.hl7.org/CodeSystem/observation-category"),
                     ob.category)});
    if (!encounterRef.isEmpty())
        o.insert(QStringLiteral("encounter"), reference(encounterRef));
    putTime(o, QStringLiteral("effectiveDateTime"), ob.effective);
    if (ob.valueNumber) {
        QJsonObject q{{QStringLiteral("value"), *ob.valueNumber}};
        putIf(q, QStringLiteral("unit"), ob.unit);
        o.insert(QStringLiteral("valueQuantity"), q);
    } else if (!ob.valueText.isEmpty()) {
        o.insert(QStringLiteral("valueString"), ob.valueText);
    }
    return o;
}

QJsonObject FhirMapping::toFhir(const Immunization &i, const QString &patientRef,
                                const QString &encounterRef)
{
    QJsonObject o{{QStringLiteral("resourceType"), QStringLiteral("Immunization")},
                  {QStringLiteral("id"), i.meta.id},
                  {QStringLiteral("status"), i.status},
                  {QStringLiteral("vaccineCode"), coding(i.vaccine)},
                  {QStringLiteral("patient"), reference(patientRef)}};
    if (!encounterRef.isEmpty())
        o.insert(QStringLiteral("encounter"), reference(encounterRef));
    putTime(o, QStringLiteral("occurrenceDateTime"), i.occurred);
    return o;
}

QJsonObject FhirMapping::toFhir(const Coverage &c, const QString &patientRef)
{
    QJsonObject o{
        {QStringLiteral("resourceType"), QStringLiteral("Coverage")},
        {QStringLiteral("id"), c.meta.id},
        {QStringLiteral("status"), c.status},
        {QStringLiteral("beneficiary"), reference(patientRef)},
        {QStringLiteral("payor"), QJsonArray{QJsonObject{{QStringLiteral("display"), c.payer}}}}};
    putIf(o, QStringLiteral("subscriberId"), c.memberId);
    if (!c.groupId.isEmpty())
        o.insert(
            QStringLiteral("class"),
            QJsonArray{QJsonObject{
                {QStringLiteral("type"),
                 codeable(QStringLiteral("http://terminology.hl7.org/CodeSystem/coverage-class"),
                          QStringLiteral("group"))},
                {QStringLiteral("value"), c.groupId}}});
    QJsonObject period;
    if (c.validFrom.isValid())
        period.insert(QStringLiteral("start"), c.validFrom.toString(Qt::ISODate));
    if (c.validTo.isValid())
        period.insert(QStringLiteral("end"), c.validTo.toString(Qt::ISODate));
    if (!period.isEmpty())
        o.insert(QStringLiteral("period"), period);
    return o;
}

Result<QByteArray> FhirMapping::patientPhotoFromFhir(const QJsonObject &patient)
{
    const QJsonValue photos = patient.value(QStringLiteral("photo"));
    if (photos.isUndefined())
        return QByteArray();
    if (!photos.isArray())
        return fail(tr("Patient: photo must be an array."));
    for (const QJsonValue &v : photos.toArray()) {
        const QJsonObject attachment = v.toObject();
        const QJsonValue data = attachment.value(QStringLiteral("data"));
        if (data.isUndefined())
            continue; // a photo by URL only; we keep inline photos
        const auto bytes = QByteArray::fromBase64Encoding(data.toString().toLatin1(),
                                                          QByteArray::AbortOnBase64DecodingErrors);
        if (!data.isString() || !bytes)
            return fail(tr("Patient: photo.data is not valid base64."));
        if (auto s = PatientPhoto::validateBytes(*bytes); !s)
            return fail(tr("Patient: photo: %1").arg(s.error()));
        const QString declared = attachment.value(QStringLiteral("contentType")).toString();
        if (!declared.isEmpty() && declared != PatientPhoto::contentTypeOf(*bytes))
            return fail(tr("Patient: photo.contentType says %1 but the data is %2.")
                            .arg(declared, PatientPhoto::contentTypeOf(*bytes)));
        return *bytes;
    }
    return QByteArray();
}

QJsonArray FhirMapping::photoToFhir(const PatientPhoto &photo)
{
    return QJsonArray{
        QJsonObject{{QStringLiteral("contentType"), photo.contentType()},
                    {QStringLiteral("data"), QString::fromLatin1(photo.data.toBase64())},
                    {QStringLiteral("size"), static_cast<qint64>(photo.data.size())}}};
}

Result<QList<FhirMapping::PatientLink>> FhirMapping::patientLinksFromFhir(const QJsonObject &o)
{
    Reader r;
    QList<PatientLink> links;
    static const QStringList types{QStringLiteral("replaced-by"), QStringLiteral("replaces"),
                                   QStringLiteral("refer"), QStringLiteral("seealso")};
    const QJsonArray array = r.array(o, QStringLiteral("link"));
    for (int i = 0; i < array.size() && r.ok(); ++i) {
        const QString path = QStringLiteral("link[%1]").arg(i);
        if (!array.at(i).isObject()) {
            r.wrong(tr("%1 must be an object.").arg(path));
            break;
        }
        const QJsonObject link = array.at(i).toObject();
        PatientLink l;
        l.type = r.string(link, QStringLiteral("type"), path + QStringLiteral(".type"));
        if (r.ok() && !types.contains(l.type))
            r.wrong(tr("%1.type \"%2\" is not replaced-by, replaces, refer or seealso.")
                        .arg(path, l.type));
        const QJsonObject other =
            r.object(link, QStringLiteral("other"), path + QStringLiteral(".other"));
        l.reference =
            r.string(other, QStringLiteral("reference"), path + QStringLiteral(".other.reference"));
        if (r.ok() && l.reference.isEmpty())
            r.wrong(tr("%1.other has no reference to the other patient.").arg(path));
        links << l;
    }
    return finish(r, links);
}

bool FhirMapping::isCommunicationPreference(const QJsonObject &consent)
{
    for (const QJsonValue category : consent.value(QStringLiteral("category")).toArray()) {
        for (const QJsonValue coding :
             category.toObject().value(QStringLiteral("coding")).toArray()) {
            const QJsonObject c = coding.toObject();
            if (c.value(QStringLiteral("system")).toString() == consentCategorySystem() &&
                c.value(QStringLiteral("code")).toString() == communicationPreferenceCode())
                return true;
        }
    }
    return false;
}

Result<Consent> FhirMapping::consentFromFhir(const QJsonObject &o)
{
    Reader r;
    r.expectType(o, {QStringLiteral("Consent")});
    Consent c;
    const QString status = r.string(o, QStringLiteral("status"));
    if (status == QLatin1String("active"))
        c.status = QStringLiteral("given");
    else if (status == QLatin1String("inactive"))
        c.status = QStringLiteral("withdrawn");
    else if (status.isEmpty())
        r.wrong(tr("the Consent has no status."));
    else
        r.wrong(
            tr("status \"%1\" is neither active (given) nor inactive (withdrawn).").arg(status));

    // What it is for: our own coding first, else the first category's text, else its code.
    const QJsonArray categories = r.array(o, QStringLiteral("category"));
    QString fallback;
    for (int i = 0; i < categories.size(); ++i) {
        const QString path = QStringLiteral("category[%1]").arg(i);
        if (!categories.at(i).isObject()) {
            r.wrong(tr("%1 must be an object.").arg(path));
            break;
        }
        const QJsonObject category = categories.at(i).toObject();
        const QString text =
            r.string(category, QStringLiteral("text"), path + QStringLiteral(".text"));
        QString firstCode;
        for (const QJsonValue v :
             r.array(category, QStringLiteral("coding"), path + QStringLiteral(".coding"))) {
            const QJsonObject coding = v.toObject();
            const QString code =
                r.string(coding, QStringLiteral("code"), path + QStringLiteral(".coding.code"));
            if (coding.value(QStringLiteral("system")).toString() == consentTypeSystem() &&
                c.type.isEmpty())
                c.type = code;
            if (firstCode.isEmpty())
                firstCode = code;
        }
        if (i == 0)
            fallback = text.isEmpty() ? firstCode : text;
    }
    if (c.type.isEmpty())
        c.type = fallback;
    if (r.ok() && c.type.trimmed().isEmpty())
        r.wrong(tr("the Consent has no category saying what it is for."));

    c.decidedAt = r.dateTime(o, QStringLiteral("dateTime"));
    if (r.ok() && !c.decidedAt.isValid())
        r.wrong(tr("the Consent has no dateTime (when it was given or withdrawn)."));
    const QJsonObject performer = r.first(o, QStringLiteral("performer"));
    c.recordedBy =
        r.string(performer, QStringLiteral("display"), QStringLiteral("performer.display"));

    const QJsonObject attachment = r.object(o, QStringLiteral("sourceAttachment"));
    c.documentName =
        r.string(attachment, QStringLiteral("title"), QStringLiteral("sourceAttachment.title"));
    const QString data =
        r.string(attachment, QStringLiteral("data"), QStringLiteral("sourceAttachment.data"));
    if (!data.isEmpty()) {
        const auto bytes = QByteArray::fromBase64Encoding(data.toLatin1(),
                                                          QByteArray::AbortOnBase64DecodingErrors);
        if (!bytes) {
            r.wrong(tr("sourceAttachment.data is not valid base64."));
        } else {
            c.document = *bytes;
            const QString hash = r.string(attachment, QStringLiteral("hash"),
                                          QStringLiteral("sourceAttachment.hash"));
            const QString actual = QString::fromLatin1(
                QCryptographicHash::hash(c.document, QCryptographicHash::Sha1).toBase64());
            if (!hash.isEmpty() && hash != actual)
                r.wrong(tr("sourceAttachment.hash does not match its data (the document was "
                           "changed or cut short)."));
        }
    }
    const QJsonObject note = extensionOf(r, o, consentNoteUrl());
    if (!note.isEmpty()) {
        c.note = r.string(note, QStringLiteral("valueString"),
                          QStringLiteral("extension(%1).valueString").arg(consentNoteUrl()));
    }
    return finish(r, c);
}

Result<CommunicationPreference> FhirMapping::communicationPreferenceFromFhir(const QJsonObject &o)
{
    Reader r;
    r.expectType(o, {QStringLiteral("Consent")});
    CommunicationPreference p;
    const QString status = r.string(o, QStringLiteral("status"));
    if (r.ok() && status != QLatin1String("active"))
        r.wrong(tr("a communication preference must have status active, not \"%1\".").arg(status));
    const QJsonObject provision = r.object(o, QStringLiteral("provision"));
    const QString type =
        r.string(provision, QStringLiteral("type"), QStringLiteral("provision.type"));
    if (type == QLatin1String("deny"))
        p.optedOut = true;
    else if (type != QLatin1String("permit") && r.ok())
        r.wrong(tr("provision.type \"%1\" is neither permit nor deny (opted out).").arg(type));
    p.purpose.clear();
    for (const QJsonValue v :
         r.array(provision, QStringLiteral("purpose"), QStringLiteral("provision.purpose"))) {
        const QJsonObject coding = v.toObject();
        if (coding.value(QStringLiteral("system")).toString() == communicationPurposeSystem())
            p.purpose =
                r.string(coding, QStringLiteral("code"), QStringLiteral("provision.purpose.code"));
    }
    if (r.ok() && !CommunicationPreference::purposes().contains(p.purpose))
        r.wrong(tr("provision.purpose (system %1) must be one of %2, not \"%3\".")
                    .arg(communicationPurposeSystem(),
                         CommunicationPreference::purposes().join(QStringLiteral(", ")),
                         p.purpose));

    const QJsonObject extension = extensionOf(r, o, communicationPreferenceUrl());
    if (r.ok() && extension.isEmpty())
        r.wrong(tr("the communication preference has no extension %1 with its channel.")
                    .arg(communicationPreferenceUrl()));
    const QString path = QStringLiteral("extension(%1)").arg(communicationPreferenceUrl());
    const QJsonObject channel =
        extensionOf(r, extension, QStringLiteral("channel"), path + QStringLiteral(".extension"));
    p.channel =
        r.string(channel, QStringLiteral("valueCode"), path + QStringLiteral(".channel.valueCode"));
    if (r.ok() && !CommunicationPreference::channels().contains(p.channel))
        r.wrong(tr("%1.channel must be one of %2, not \"%3\".")
                    .arg(path, CommunicationPreference::channels().join(QStringLiteral(", ")),
                         p.channel));
    auto minute = [&](const QString &name) {
        const QJsonObject e = extensionOf(r, extension, name, path + QStringLiteral(".extension"));
        if (e.isEmpty())
            return 0;
        const QJsonValue v = e.value(QStringLiteral("valueInteger"));
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d != std::floor(d) || d < 0 || d > 1440) {
            r.wrong(
                tr("%1.%2.valueInteger must be minutes after midnight (0-1440).").arg(path, name));
            return 0;
        }
        return int(d);
    };
    p.quietStartMinute = minute(QStringLiteral("quietStartMinute"));
    p.quietEndMinute = minute(QStringLiteral("quietEndMinute"));
    return finish(r, p);
}

Result<PatientAlert> FhirMapping::alertFromFhir(const QJsonObject &o, const QDateTime &now)
{
    Reader r;
    r.expectType(o, {QStringLiteral("Flag")});
    PatientAlert a;
    const QString status = r.string(o, QStringLiteral("status"));
    if (status == QLatin1String("active"))
        a.active = true;
    else if (status == QLatin1String("inactive"))
        a.active = false;
    else if (r.ok())
        r.wrong(status.isEmpty() ? tr("the Flag has no status.")
                                 : tr("status \"%1\" is neither active nor inactive.").arg(status));
    const ClinicalCode code = r.code(o, QStringLiteral("code"));
    const QString text = r.string(r.object(o, QStringLiteral("code")), QStringLiteral("text"),
                                  QStringLiteral("code.text"));
    a.text = text.isEmpty() ? code.display : text;
    if (r.ok() && a.text.trimmed().isEmpty())
        r.wrong(tr("the Flag has no code.text saying what to look out for."));
    const QJsonObject priority = extensionOf(r, o, kFlagPriorityUrl);
    if (!priority.isEmpty()) {
        const QString level = r.code(priority, QStringLiteral("valueCodeableConcept")).code;
        if (level == QLatin1String("PN") || level == QLatin1String("PL"))
            a.severity = QStringLiteral("info");
        else if (level == QLatin1String("PM"))
            a.severity = QStringLiteral("warning");
        else if (level == QLatin1String("PH"))
            a.severity = QStringLiteral("high");
        else if (r.ok())
            r.wrong(tr("the flag-priority extension's code \"%1\" is not PN, PL, PM or PH.")
                        .arg(level));
    }
    const QJsonObject period = r.object(o, QStringLiteral("period"));
    r.dateTime(period, QStringLiteral("start"), QStringLiteral("period.start"));
    const QDateTime end = r.dateTime(period, QStringLiteral("end"), QStringLiteral("period.end"));
    if (end.isValid() && end < now)
        a.active = false;
    return finish(r, a);
}

QJsonObject FhirMapping::toFhir(const Consent &c, const QString &patientRef)
{
    QString scope = QStringLiteral("patient-privacy");
    if (c.type == QLatin1String("treatment") || c.type == QLatin1String("research"))
        scope = c.type;
    QJsonObject o{{QStringLiteral("resourceType"), QStringLiteral("Consent")},
                  {QStringLiteral("id"), c.meta.id},
                  {QStringLiteral("status"), c.status == QLatin1String("withdrawn")
                                                 ? QStringLiteral("inactive")
                                                 : QStringLiteral("active")},
                  {QStringLiteral("scope"), codeable(kConsentScopeSystem, scope)},
                  {QStringLiteral("category"),
                   QJsonArray{QJsonObject{
                       {QStringLiteral("coding"),
                        QJsonArray{QJsonObject{{QStringLiteral("system"), consentTypeSystem()},
                                               {QStringLiteral("code"), c.type}}}},
                       {QStringLiteral("text"), c.type}}}},
                  {QStringLiteral("patient"), reference(patientRef)},
                  {QStringLiteral("dateTime"), exactInstant(c.decidedAt)}};
    // R4 names no recorder; the person who took the consent down is the performer's display.
    if (!c.recordedBy.isEmpty())
        o.insert(QStringLiteral("performer"),
                 QJsonArray{QJsonObject{{QStringLiteral("display"), c.recordedBy}}});
    if (!c.document.isEmpty() || !c.documentName.isEmpty()) {
        QJsonObject attachment;
        putIf(attachment, QStringLiteral("title"), c.documentName);
        if (!c.document.isEmpty()) {
            attachment.insert(QStringLiteral("contentType"), documentType(c.document));
            attachment.insert(QStringLiteral("data"), QString::fromLatin1(c.document.toBase64()));
            attachment.insert(QStringLiteral("size"), static_cast<qint64>(c.document.size()));
            attachment.insert(
                QStringLiteral("hash"),
                QString::fromLatin1(
                    QCryptographicHash::hash(c.document, QCryptographicHash::Sha1).toBase64()));
        }
        o.insert(QStringLiteral("sourceAttachment"), attachment);
    }
    if (!c.note.isEmpty())
        o.insert(QStringLiteral("extension"),
                 QJsonArray{QJsonObject{{QStringLiteral("url"), consentNoteUrl()},
                                        {QStringLiteral("valueString"), c.note}}});
    return o;
}

QJsonObject FhirMapping::toFhir(const CommunicationPreference &p, const QString &patientRef)
{
    const QJsonArray details{
        QJsonObject{{QStringLiteral("url"), QStringLiteral("channel")},
                    {QStringLiteral("valueCode"), p.channel}},
        QJsonObject{{QStringLiteral("url"), QStringLiteral("quietStartMinute")},
                    {QStringLiteral("valueInteger"), p.quietStartMinute}},
        QJsonObject{{QStringLiteral("url"), QStringLiteral("quietEndMinute")},
                    {QStringLiteral("valueInteger"), p.quietEndMinute}}};
    return QJsonObject{
        {QStringLiteral("resourceType"), QStringLiteral("Consent")},
        {QStringLiteral("id"), p.meta.id},
        {QStringLiteral("extension"),
         QJsonArray{QJsonObject{{QStringLiteral("url"), communicationPreferenceUrl()},
                                {QStringLiteral("extension"), details}}}},
        {QStringLiteral("status"), QStringLiteral("active")},
        {QStringLiteral("scope"), codeable(kConsentScopeSystem, QStringLiteral("patient-privacy"))},
        {QStringLiteral("category"),
         QJsonArray{QJsonObject{
             {QStringLiteral("coding"),
              QJsonArray{QJsonObject{{QStringLiteral("system"), consentCategorySystem()},
                                     {QStringLiteral("code"), communicationPreferenceCode()}}}},
             {QStringLiteral("text"), QStringLiteral("communication preference")}}}},
        {QStringLiteral("patient"), reference(patientRef)},
        {QStringLiteral("provision"),
         QJsonObject{
             {QStringLiteral("type"),
              p.optedOut ? QStringLiteral("deny") : QStringLiteral("permit")},
             {QStringLiteral("purpose"),
              QJsonArray{QJsonObject{{QStringLiteral("system"), communicationPurposeSystem()},
                                     {QStringLiteral("code"), p.purpose}}}}}}};
}

QJsonObject FhirMapping::toFhir(const PatientAlert &a, const QString &patientRef)
{
    // Alerts are what the front desk must see on opening a record (interpreter, fall risk), so
    // the category is administrative; clinical warnings travel as AllergyIntolerance etc.
    const QString priority = a.severity == QLatin1String("high")      ? QStringLiteral("PH")
                             : a.severity == QLatin1String("warning") ? QStringLiteral("PM")
                                                                      : QStringLiteral("PN");
    return QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Flag")},
                       {QStringLiteral("id"), a.meta.id},
                       {QStringLiteral("extension"),
                        QJsonArray{QJsonObject{{QStringLiteral("url"), kFlagPriorityUrl},
                                               {QStringLiteral("valueCodeableConcept"),
                                                codeable(kFlagPrioritySystem, priority)}}}},
                       {QStringLiteral("status"),
                        a.active ? QStringLiteral("active") : QStringLiteral("inactive")},
                       {QStringLiteral("category"),
                        QJsonArray{codeable(kFlagCategorySystem, QStringLiteral("admin"))}},
                       {QStringLiteral("code"), QJsonObject{{QStringLiteral("text"), a.text}}},
                       {QStringLiteral("subject"), reference(patientRef)}};
}

} // namespace frontdesk
