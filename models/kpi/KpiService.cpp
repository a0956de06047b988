#include "KpiService.h"

#include "access/AccessGuard.h"
#include "core/LocaleFormat.h"
#include "database/Database.h"
#include "database/ReadWorker.h"
#include "domain/AppointmentLabels.h"
#include "domain/ClinicTime.h"
#include "domain/Patient.h"
#include "domain/Practitioner.h"
#include "kpi/KpiCalculator.h"
#include "kpi/KpiDefinitions.h"
#include "kpi/KpiLoader.h"

#include <QJsonObject>
#include <QLocale>
#include <QSqlQuery>

#include <functional>

namespace frontdesk {

namespace {

// As every list names them (Patient::displayName, Practitioner::displayName): patients
// "Family, Given", practitioners with the title first.
QString patientName(const QString &family, const QString &given)
{
    Patient p;
    p.familyName = family;
    p.givenName = given;
    return p.displayName();
}

QString practitionerName(const QString &prefix, const QString &given, const QString &family)
{
    Practitioner p;
    p.prefix = prefix;
    p.givenName = given;
    p.familyName = family;
    return p.displayName();
}

} // namespace

KpiService::KpiService(Database &db) : m_db(db) {}

KpiService::~KpiService() = default;

ReadWorker &KpiService::worker() const
{
    if (!m_worker)
        m_worker = std::make_unique<ReadWorker>(m_db);
    return *m_worker;
}

Status KpiService::check(const KpiFilter &filter) const
{
    if (auto s = AccessGuard(m_db).require(Permission::ViewDashboards); !s)
        return s;
    if (auto v = filter.validate(); !v)
        return fail(v.error());
    if (!filter.practitionerId.isEmpty()) {
        auto n = m_db.scalar(
            QStringLiteral("SELECT count(*) FROM practitioners WHERE id = ? AND deleted = 0"),
            {filter.practitionerId});
        if (!n)
            return fail(n.error());
        if (n->toLongLong() == 0)
            return fail(tr("There is no practitioner with the id %1.").arg(filter.practitionerId));
    }
    if (!filter.locationId.isEmpty()) {
        auto n = m_db.scalar(
            QStringLiteral("SELECT count(*) FROM locations WHERE id = ? AND deleted = 0"),
            {filter.locationId});
        if (!n)
            return fail(n.error());
        if (n->toLongLong() == 0)
            return fail(tr("There is no location with the id %1.").arg(filter.locationId));
    }
    if (!filter.appointmentType.isEmpty()) {
        auto n = m_db.scalar(
            QStringLiteral("SELECT count(*) FROM appointment_types WHERE code = ? AND deleted = 0"),
            {filter.appointmentType});
        if (!n)
            return fail(n.error());
        if (n->toLongLong() == 0)
            return fail(
                tr("There is no appointment type with the code %1.").arg(filter.appointmentType));
    }
    return {};
}

Result<KpiReport> KpiService::compute(const KpiFilter &filter) const
{
    if (auto s = check(filter); !s)
        return fail(s.error());
    auto facts = KpiLoader(m_db, &worker()).load(filter);
    if (!facts)
        return fail(facts.error());
    KpiReport report = KpiCalculator(*facts).report(filter);
    auto synced =
        m_db.scalar(QStringLiteral("SELECT value FROM sync_meta WHERE key = 'last_sync_at'"));
    if (!synced)
        return fail(synced.error());
    if (synced->isValid() && synced->toLongLong() > 0)
        report.lastSyncedAt = QDateTime::fromMSecsSinceEpoch(synced->toLongLong(), Qt::UTC);
    return report;
}

namespace {
// A stored status as the schedule shows it ("no-show" -> "No-show").
QString statusText(const QString &stored)
{
    const auto status = appointmentStatusFromName(stored);
    return status ? AppointmentLabels::status(*status) : stored;
}
} // namespace

Result<KpiDrillDown> KpiService::drillDown(const KpiFilter &filter, Kpi kpi) const
{
    if (auto s = check(filter); !s)
        return fail(s.error());
    auto facts = KpiLoader(m_db, &worker()).load(filter, KpiLoader::Detail::Records);
    if (!facts)
        return fail(facts.error());
    const QStringList ids = KpiCalculator(*facts).members(filter, kpi);
    const KpiDefinition &definition = KpiDefinitions::of(kpi);
    const ClinicTime clinic(facts->zone);
    const QLocale locale;
    KpiDrillDown out;
    out.kpi = kpi;
    out.subject = definition.subject;
    // A row as shown and as exported: the cells differ only in the dates, shown in the
    // person's language and exported in ISO 8601.
    struct Row
    {
        QStringList shown;
        QStringList exported;
        QString patientId;
    };
    auto when = [&](const QVariant &ms) {
        const QDateTime t =
            clinic.toLocal(QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), Qt::UTC));
        return std::pair{LocaleFormat::fullYearDateTime(t, locale),
                         t.toString(QStringLiteral("yyyy-MM-ddTHH:mm"))};
    };
    auto day = [&](const QVariant &iso) {
        const QDate d = QDate::fromString(iso.toString(), Qt::ISODate);
        return d.isValid()
                   ? std::pair{LocaleFormat::fullYearDate(d, locale), d.toString(Qt::ISODate)}
                   : std::pair{QString(), QString()};
    };
    QHash<QString, Row> rows; // by record id
    const auto add = [&rows](const QVariant &id, const QVariant &patientId,
                             const std::pair<QString, QString> &date, int dateColumn,
                             QStringList cells) {
        Row row{cells, cells, patientId.toString()};
        row.shown.insert(dateColumn, date.first);
        row.exported.insert(dateColumn, date.second);
        rows.insert(id.toString(), row);
    };
    Status loaded;
    switch (definition.subject) {
    case KpiSubject::Appointments:
        out.columns = {tr("Start"),        tr("Patient"), tr("MRN"),
                       tr("Practitioner"), tr("Type"),    tr("Status")};
        loaded = m_db.eachIn(
            QStringLiteral("SELECT a.id, a.patient_id, a.start_at, a.type, a.status, "
                           "p.given_name, p.family_name, r.given_name, r.family_name, r.prefix, "
                           "p.mrn FROM appointments a JOIN patients p ON p.id = a.patient_id "
                           "JOIN practitioners r ON r.id = a.practitioner_id WHERE a.id"),
            ids, [&](const QSqlQuery &q) {
                add(q.value(0), q.value(1), when(q.value(2)), 0,
                    {patientName(q.value(6).toString(), q.value(5).toString()),
                     q.value(10).toString(),
                     practitionerName(q.value(9).toString(), q.value(7).toString(),
                                      q.value(8).toString()),
                     AppointmentLabels::type(q.value(3).toString()),
                     statusText(q.value(4).toString())});
            });
        break;
    case KpiSubject::Patients:
        out.columns = {tr("Patient"), tr("MRN"), tr("Date of birth"), tr("Mobile phone")};
        loaded = m_db.eachIn(QStringLiteral("SELECT id, given_name, family_name, mrn, birth_date, "
                                            "phone_mobile FROM patients WHERE id"),
                             ids, [&](const QSqlQuery &q) {
                                 add(q.value(0), q.value(0), day(q.value(4)), 2,
                                     {patientName(q.value(2).toString(), q.value(1).toString()),
                                      q.value(3).toString(), q.value(5).toString()});
                             });
        break;
    case KpiSubject::Messages:
        out.columns = {tr("Sent"),    tr("Patient"), tr("MRN"),
                       tr("Channel"), tr("Purpose"), tr("Status")};
        loaded = m_db.eachIn(
            QStringLiteral("SELECT m.id, m.patient_id, m.sent_at, m.channel, m.purpose, m.status, "
                           "p.given_name, p.family_name, p.mrn FROM messages m "
                           "JOIN patients p ON p.id = m.patient_id WHERE m.id"),
            ids, [&](const QSqlQuery &q) {
                add(q.value(0), q.value(1), when(q.value(2)), 0,
                    {patientName(q.value(7).toString(), q.value(6).toString()),
                     q.value(8).toString(), q.value(3).toString(), q.value(4).toString(),
                     q.value(5).toString()});
            });
        break;
    case KpiSubject::SurveyAnswers:
        out.columns = {tr("Answered"), tr("Patient"), tr("MRN"), tr("Score"), tr("Question")};
        loaded = m_db.eachIn(
            QStringLiteral("SELECT s.id, s.patient_id, s.answered_at, s.score, s.question, "
                           "p.given_name, p.family_name, p.mrn FROM survey_answers s "
                           "JOIN patients p ON p.id = s.patient_id WHERE s.id"),
            ids, [&](const QSqlQuery &q) {
                add(q.value(0), q.value(1), when(q.value(2)), 0,
                    {patientName(q.value(6).toString(), q.value(5).toString()),
                     q.value(7).toString(), locale.toString(q.value(3).toInt()),
                     q.value(4).toString()});
            });
        break;
    case KpiSubject::Recalls:
        out.columns = {tr("Due"), tr("Patient"), tr("MRN"), tr("Reason"), tr("Practitioner")};
        loaded = m_db.eachIn(
            QStringLiteral("SELECT c.id, c.patient_id, c.due_on, c.reason, p.given_name, "
                           "p.family_name, coalesce(r.given_name, ''), coalesce(r.family_name, "
                           "''), coalesce(r.prefix, ''), p.mrn FROM recalls c "
                           "JOIN patients p ON p.id = c.patient_id "
                           "LEFT JOIN practitioners r ON r.id = c.practitioner_id WHERE c.id"),
            ids, [&](const QSqlQuery &q) {
                add(q.value(0), q.value(1), day(q.value(2)), 0,
                    {patientName(q.value(5).toString(), q.value(4).toString()),
                     q.value(9).toString(), q.value(3).toString(),
                     practitionerName(q.value(8).toString(), q.value(6).toString(),
                                      q.value(7).toString())});
            });
        break;
    }
    if (!loaded)
        return fail(loaded.error());
    for (const QString &id : ids) {
        auto it = rows.constFind(id);
        if (it == rows.constEnd())
            continue;
        out.rows.append(it->shown);
        out.exportRows.append(it->exported);
        out.recordIds.append(id);
        out.patientIds.append(it->patientId);
    }
    if (auto a = AccessGuard(m_db).recordDisclosure(
            QStringLiteral("dashboard-drill-down"), QStringLiteral("Dashboard"), {},
            {{QStringLiteral("figure"), definition.key},
             {QStringLiteral("rows"), qint64(out.rows.size())},
             {QStringLiteral("from"), filter.from.toString(Qt::ISODate)},
             {QStringLiteral("to"), filter.to.toString(Qt::ISODate)}});
        !a)
        return fail(a.error());
    return out;
}

} // namespace frontdesk
