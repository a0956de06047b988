#include "SyncConflicts.h"

#include "SyncResources.h"
#include "access/AccessGuard.h"
#include "access/AuditLog.h"
#include "core/LocaleFormat.h"
#include "database/Database.h"
#include "domain/ClinicTime.h"
#include "domain/RecordMeta.h"
#include "scheduling/BookingService.h"
#include "scheduling/FreeSlotFinder.h"
#include "storage/AppointmentRepository.h"
#include "storage/SharedSettings.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace frontdesk {

namespace {

constexpr int kMinPrefix = 4;

bool same(const QVariant &a, const QVariant &b)
{
    if (a.isNull() || b.isNull())
        return a.toString().isEmpty() && b.toString().isEmpty();
    return a.toString() == b.toString();
}

} // namespace

QString SyncConflicts::fieldLabel(const QString &column)
{
    static const QHash<QString, const char *> labels{
        {QStringLiteral("mrn"), QT_TR_NOOP("MRN")},
        {QStringLiteral("given_name"), QT_TR_NOOP("Given name")},
        {QStringLiteral("family_name"), QT_TR_NOOP("Family name")},
        {QStringLiteral("birth_date"), QT_TR_NOOP("Date of birth")},
        {QStringLiteral("sex"), QT_TR_NOOP("Sex")},
        {QStringLiteral("phone_mobile"), QT_TR_NOOP("Mobile phone")},
        {QStringLiteral("phone_home"), QT_TR_NOOP("Home phone")},
        {QStringLiteral("email"), QT_TR_NOOP("Email")},
        {QStringLiteral("address_line"), QT_TR_NOOP("Address")},
        {QStringLiteral("city"), QT_TR_NOOP("City")},
        {QStringLiteral("postal_code"), QT_TR_NOOP("Postal code")},
        {QStringLiteral("country"), QT_TR_NOOP("Country")},
        {QStringLiteral("preferred_language"), QT_TR_NOOP("Preferred language")},
        {QStringLiteral("preferred_channel"), QT_TR_NOOP("Preferred channel")},
        {QStringLiteral("emergency_contact_name"), QT_TR_NOOP("Emergency contact")},
        {QStringLiteral("emergency_contact_relation"), QT_TR_NOOP("Emergency contact's relation")},
        {QStringLiteral("emergency_contact_phone"), QT_TR_NOOP("Emergency contact's phone")},
        {QStringLiteral("merged_into"), QT_TR_NOOP("Merged into")},
        {QStringLiteral("patient_id"), QT_TR_NOOP("Patient")},
        {QStringLiteral("practitioner_id"), QT_TR_NOOP("Practitioner")},
        {QStringLiteral("location_id"), QT_TR_NOOP("Room")},
        {QStringLiteral("start_at"), QT_TR_NOOP("Start")},
        {QStringLiteral("end_at"), QT_TR_NOOP("End")},
        {QStringLiteral("type"), QT_TR_NOOP("Type")},
        {QStringLiteral("status"), QT_TR_NOOP("Status")},
        {QStringLiteral("reason"), QT_TR_NOOP("Reason")},
        {QStringLiteral("notes"), QT_TR_NOOP("Notes")},
        {QStringLiteral("name"), QT_TR_NOOP("Name")},
        // The clinic's shared settings (ClinicSettingsMapping::keys()).
        {QStringLiteral("clinic_name"), QT_TR_NOOP("Clinic name")},
        {QStringLiteral("clinic_phone"), QT_TR_NOOP("Clinic phone")},
        {QStringLiteral("clinic_time_zone"), QT_TR_NOOP("Time zone")},
        {QStringLiteral("phone_country_code"), QT_TR_NOOP("Phone country code")},
        {QStringLiteral("late_cancellation_hours"), QT_TR_NOOP("Late cancellation (hours)")},
        {QStringLiteral("auto_lock_minutes"), QT_TR_NOOP("Auto-lock (minutes)")},
        {QStringLiteral("message_retention_days"), QT_TR_NOOP("Keep messages (days)")},
        {QStringLiteral("clinic_quiet_hours"), QT_TR_NOOP("Quiet hours")},
    };
    const auto found = labels.constFind(column);
    return found == labels.constEnd() ? column : tr(*found);
}

QString SyncConflicts::shown(const QVariant &v, const QString &column) const
{
    if (v.isNull() || v.toString().isEmpty())
        return {};
    // Times are kept as milliseconds since the epoch in columns named *_at.
    bool ok = false;
    const qint64 ms = v.toLongLong(&ok);
    if (ok && column.endsWith(QLatin1String("_at")) && ms > 0) {
        const ClinicTime clinic = ClinicTime::fromZoneName(m_db.setting(ClinicTime::settingKey()));
        return LocaleFormat::fullYearDateTime(
            clinic.toLocal(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())));
    }
    // References by the name of what they name (the id when it is not here).
    static const QHash<QString, QString> names{
        {QStringLiteral("patient_id"),
         QStringLiteral("SELECT family_name || ', ' || given_name FROM patients WHERE id = ?")},
        {QStringLiteral("merged_into"),
         QStringLiteral("SELECT family_name || ', ' || given_name FROM patients WHERE id = ?")},
        // As Practitioner::displayName(): the title first ("Dr. Ada Alpha").
        {QStringLiteral("practitioner_id"),
         QStringLiteral("SELECT trim(prefix || ' ' || given_name || ' ' || family_name) FROM "
                        "practitioners WHERE id = ?")},
        {QStringLiteral("location_id"), QStringLiteral("SELECT name FROM locations WHERE id = ?")}};
    if (const auto sql = names.constFind(column); sql != names.constEnd()) {
        auto name = m_db.scalar(*sql, {v});
        if (name && name->isValid() && !name->toString().isEmpty())
            return name->toString();
    }
    return v.toString();
}

QString SyncConflicts::unappliedWhere(const QStringList &tables)
{
    // Kept by SyncEngine::keepUnapplied with the reason and the server's version, and no row
    // of the record here (in any table of its type).
    QString where =
        QStringLiteral("s.resource_type = ? AND s.problem <> '' AND s.theirs_version > 0");
    for (const QString &table : tables)
        where += QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM %1 t WHERE t.id = s.resource_id)")
                     .arg(table);
    return where;
}

Result<qint64> SyncConflicts::unappliedCount(const Database &db)
{
    qint64 n = 0;
    for (const QString &type : SyncResources::outboxTypes()) {
        // Table names come from the repositories, never from input.
        auto count = db.scalar(QStringLiteral("SELECT count(*) FROM sync_records s WHERE %1")
                                   .arg(unappliedWhere(SyncResources::tablesOf(type))),
                               {type});
        if (!count)
            return fail(count.error());
        n += count->toLongLong();
    }
    return n;
}

Result<QList<SyncIssue>> SyncConflicts::list() const
{
    return read({});
}

Result<SyncIssue> SyncConflicts::find(const QString &idOrPrefix) const
{
    const QString wanted = idOrPrefix.trimmed();
    if (wanted.size() < kMinPrefix)
        return fail(
            tr("Name the record by its id or at least its first %n characters.", "", kMinPrefix));
    auto found = read(wanted);
    if (!found)
        return fail(found.error());
    const auto exact = std::find_if(found->cbegin(), found->cend(),
                                    [&](const SyncIssue &i) { return i.id == wanted; });
    if (exact != found->cend())
        return *exact;
    if (found->isEmpty())
        return fail(tr("No record waiting for a decision has the id %1.").arg(wanted));
    if (found->size() > 1) {
        QStringList ids;
        for (const SyncIssue &i : std::as_const(*found))
            ids << i.id;
        return fail(tr("%1 names more than one waiting record: %2.")
                        .arg(wanted, ids.join(QStringLiteral(", "))));
    }
    return found->first();
}

Result<QList<SyncIssue>> SyncConflicts::read(const QString &idOrPrefix) const
{
    QList<SyncIssue> out;
    for (const auto &[type, table] : SyncResources::tables()) {
        // What a person may not read is not theirs to settle either.
        if (!AccessGuard(m_db).requireRead(type))
            continue;
        // Table names come from the repositories, never from input.
        QVariantList binds{type, SyncState::conflict(), SyncState::rejected()};
        QString prefix;
        if (!idOrPrefix.isEmpty()) {
            prefix = QStringLiteral(" AND substr(t.id, 1, ?) = ?");
            binds << idOrPrefix.size() << idOrPrefix;
        }
        // The records here in conflict or refused; then, once per type, the server's records
        // that could not be written here at all (no row of theirs here).
        const QStringList ofType = SyncResources::tablesOf(type);
        const bool unapplied = ofType.first() == table;
        auto q = m_db.query(
            QStringLiteral("SELECT t.id, t.sync_state, s.problem, s.mine_by, s.theirs_by, "
                           "s.theirs_version, s.theirs, s.resource, s.server_version, "
                           "s.updated_at FROM %1 t LEFT JOIN sync_records s ON "
                           "s.resource_id = t.id AND s.resource_type = ? WHERE t.sync_state "
                           "IN (?, ?)%2")
                    .arg(table, prefix) +
                (unapplied ? QStringLiteral(" UNION ALL SELECT s.resource_id, ?, s.problem, "
                                            "s.mine_by, s.theirs_by, s.theirs_version, s.theirs, "
                                            "s.resource, s.server_version, s.updated_at FROM "
                                            "sync_records s WHERE %1%2")
                                 .arg(unappliedWhere(ofType),
                                      QString(prefix).replace(QStringLiteral("t.id"),
                                                              QStringLiteral("s.resource_id")))
                           : QString()) +
                QStringLiteral(" ORDER BY 10, 1"),
            binds + (unapplied
                         ? QVariantList{SyncIssues::unapplied(), type} +
                               (idOrPrefix.isEmpty() ? QVariantList{}
                                                     : QVariantList{idOrPrefix.size(), idOrPrefix})
                         : QVariantList{}));
        if (!q)
            return fail(q.error());
        while (q->next()) {
            SyncIssue issue;
            issue.type = type;
            issue.id = q->value(0).toString();
            issue.state = q->value(1).toString();
            issue.problem = q->value(2).toString();
            issue.mineBy = q->value(3).toString();
            issue.theirsBy = q->value(4).toString();
            issue.theirsVersion = q->value(5).toLongLong();
            QString theirs = q->value(6).toString();
            const QString base = q->value(7).toString();
            // A refused change of a record the server had: its last confirmed version is what
            // the server holds, until the pull says otherwise.
            if (issue.theirsVersion == 0 && !base.isEmpty()) {
                issue.theirsVersion = q->value(8).toLongLong();
                theirs = base;
            }
            issue.theirsDeleted = issue.theirsVersion > 0 && theirs.isEmpty();
            issue.since = q->value(9).toLongLong();
            if (auto s = describe(issue, theirs, base); !s)
                return fail(s.error());
            out << issue;
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const SyncIssue &a, const SyncIssue &b) { return a.since < b.since; });
    return out;
}

Status SyncConflicts::describe(SyncIssue &issue, const QString &theirs, const QString &base) const
{
    if (issue.type == QLatin1String("Patient")) {
        auto q = m_db.query(
            QStringLiteral("SELECT family_name, given_name, mrn FROM patients WHERE id = ?"),
            {issue.id});
        if (!q)
            return fail(q.error());
        if (q->next())
            issue.label =
                tr("Patient %1, %2 (%3)")
                    .arg(q->value(0).toString(), q->value(1).toString(), q->value(2).toString());
        issue.patientId = issue.id;
    } else if (issue.type == QLatin1String("Appointment")) {
        auto q = m_db.query(QStringLiteral("SELECT a.start_at, p.family_name, p.given_name, "
                                           "a.patient_id FROM appointments a JOIN patients p ON "
                                           "p.id = a.patient_id WHERE a.id = ?"),
                            {issue.id});
        if (!q)
            return fail(q.error());
        if (q->next()) {
            issue.label = tr("Appointment %1, %2, %3")
                              .arg(shown(q->value(0), QStringLiteral("start_at")),
                                   q->value(1).toString(), q->value(2).toString());
            issue.patientId = q->value(3).toString();
        }
    } else if (issue.type == SharedSettings::resourceType()) {
        issue.label = tr("The clinic's shared settings");
    }
    if (issue.label.isEmpty())
        issue.label = QStringLiteral("%1 %2").arg(issue.type, issue.id);

    QVariantMap mineValues;
    if (issue.state != SyncIssues::unapplied()) {
        auto mine = SyncResources::localValues(m_db, issue.type, issue.id);
        if (!mine)
            return fail(mine.error());
        mineValues = *mine;
    }
    QVariantMap theirValues;
    QVariantMap baseValues;
    if (!theirs.isEmpty()) {
        auto v = SyncResources::serverValues(m_db, issue.type,
                                             QJsonDocument::fromJson(theirs.toUtf8()).object());
        if (!v)
            return fail(
                tr("The server's version of %1 cannot be read: %2").arg(issue.label, v.error()));
        theirValues = *v;
    }
    if (!base.isEmpty()) {
        auto v = SyncResources::serverValues(m_db, issue.type,
                                             QJsonDocument::fromJson(base.toUtf8()).object());
        if (v)
            baseValues = *v;
    }
    if (theirValues.isEmpty())
        return {};
    // Not here at all: every field is the server's alone.
    const QVariantMap &columns = mineValues.isEmpty() ? theirValues : mineValues;
    for (auto it = columns.cbegin(); it != columns.cend(); ++it) {
        const QVariant here = mineValues.value(it.key());
        const QVariant there = theirValues.value(it.key());
        if (same(here, there))
            continue;
        const QVariant was = baseValues.value(it.key());
        SyncIssue::Field f;
        f.name = it.key();
        f.label = fieldLabel(it.key());
        f.mine = shown(here, it.key());
        f.theirs = shown(there, it.key());
        f.base = shown(was, it.key());
        f.clash = !baseValues.isEmpty() && !same(here, was) && !same(there, was);
        issue.fields << f;
    }
    return {};
}

Status SyncConflicts::resolve(const QString &idOrPrefix, Take take)
{
    auto found = find(idOrPrefix);
    if (!found)
        return fail(found.error());
    const SyncIssue issue = *found;
    if (auto s = AccessGuard(m_db).requireWrite(issue.type); !s)
        return s;
    if (take == Take::Mine && issue.state == SyncIssues::unapplied())
        return fail(tr("%1 is not held here, so there is nothing of this workstation's to keep: "
                       "take the server's once what stopped it is put right (%2).")
                        .arg(issue.label, issue.problem));
    if (take == Take::Theirs && issue.theirsVersion == 0)
        return fail(tr("The server holds no version of %1 to take: it never accepted it. Keep "
                       "this workstation's (it is sent again), or change it here first, e.g. "
                       "move the appointment to a free time.")
                        .arg(issue.label));
    const QString table = SyncResources::tableOf(m_db, issue.type, issue.id);
    auto kept = m_db.query(QStringLiteral("SELECT theirs, resource, theirs_version FROM "
                                          "sync_records WHERE resource_type = ? AND "
                                          "resource_id = ?"),
                           {issue.type, issue.id});
    if (!kept)
        return fail(kept.error());
    QString theirs;
    if (kept->next())
        theirs =
            kept->value(2).toLongLong() > 0 ? kept->value(0).toString() : kept->value(1).toString();
    const qint64 now = m_db.clock().nowMs();
    const QString actor =
        m_db.actor().kind == Actor::Kind::Staff ? m_db.actor().name : issue.mineBy;

    return m_db.write([&]() -> Status {
        if (take == Take::Theirs) {
            const QString serverType = SyncResources::serverType(issue.type);
            const Status s =
                issue.theirsDeleted
                    ? SyncResources::applyDelete(m_db, serverType, issue.id, issue.theirsVersion)
                    : SyncResources::apply(m_db, serverType, issue.id,
                                           QJsonDocument::fromJson(theirs.toUtf8()).object(),
                                           issue.theirsVersion);
            if (!s)
                return fail(tr("Could not take the server's version of %1: %2")
                                .arg(issue.label, s.error()));
            // The changes made here are what the person chose to drop.
            if (auto q = m_db.query(QStringLiteral("DELETE FROM outbox WHERE resource_type = ? "
                                                   "AND resource_id = ?"),
                                    {issue.type, issue.id});
                !q)
                return fail(q.error());
        } else {
            // On top of the server's version: the next push names it in If-Match.
            const QString version =
                issue.theirsVersion > 0 ? QString::number(issue.theirsVersion) : QString();
            if (!version.isEmpty()) {
                if (auto q = m_db.query(
                        QStringLiteral("UPDATE %1 SET server_version = ? WHERE id = ?").arg(table),
                        {version, issue.id});
                    !q)
                    return fail(q.error());
            }
            if (auto s = SyncResources::queueAgain(m_db, issue.type, issue.id, actor); !s)
                return s;
        }
        if (issue.theirsVersion > 0) {
            if (auto q = m_db.query(
                    QStringLiteral("INSERT OR REPLACE INTO sync_records (resource_type, "
                                   "resource_id, server_version, resource, problem, updated_at) "
                                   "VALUES (?, ?, ?, ?, '', ?)"),
                    {issue.type, issue.id, issue.theirsVersion, theirs, now});
                !q)
                return fail(q.error());
        } else if (auto q = m_db.query(QStringLiteral("UPDATE sync_records SET problem = '', "
                                                      "updated_at = ? WHERE resource_type = ? "
                                                      "AND resource_id = ?"),
                                       {now, issue.type, issue.id});
                   !q) {
            return fail(q.error());
        }
        return audit(issue,
                     {{QStringLiteral("take"),
                       take == Take::Mine ? QStringLiteral("mine") : QStringLiteral("theirs")},
                      {QStringLiteral("server_version"), issue.theirsVersion}});
    });
}

Status SyncConflicts::audit(const SyncIssue &issue, QJsonObject detail)
{
    AuditEntry entry;
    entry.action = QStringLiteral("sync-resolve");
    entry.entityType = issue.type;
    entry.entityId = issue.id;
    entry.patientId = issue.patientId;
    detail.insert(QStringLiteral("was"), issue.state);
    entry.detail = detail;
    auto a = AuditLog(m_db).append(entry);
    return a ? Status() : fail(a.error());
}

Result<QDateTime> SyncConflicts::rebook(const QString &idOrPrefix)
{
    auto found = find(idOrPrefix);
    if (!found)
        return fail(found.error());
    const SyncIssue issue = *found;
    if (issue.type != QLatin1String("Appointment") || issue.state != SyncState::rejected())
        return fail(
            tr("Only a booking the server refused is rebooked; %1 is not one.").arg(issue.label));
    BookingService booking(m_db);
    auto current = AppointmentRepository(m_db).get(issue.id);
    if (!current)
        return fail(current.error());
    SlotQuery query;
    query.fromUtc = std::max(current->start, m_db.clock().nowUtc());
    query.minutes = int(current->start.secsTo(current->end) / 60);
    query.count = 1;
    auto freeTimes = booking.findSlots({current->practitionerId}, query, 120, current->patientId);
    if (!freeTimes)
        return fail(freeTimes.error());
    if (freeTimes->isEmpty())
        return fail(tr("%1: the practitioner has no free time of that length in the next 120 "
                       "days; book it by hand.")
                        .arg(issue.label));
    const FreeSlot slot = freeTimes->first();
    QDateTime start;
    const Status s = m_db.write([&]() -> Status {
        auto moved = booking.move(issue.id, slot.startUtc, slot.endUtc, current->practitionerId,
                                  current->locationId, current->meta.version, {});
        if (!moved)
            return fail(moved.error());
        start =
            ClinicTime::fromZoneName(m_db.setting(ClinicTime::settingKey())).toLocal(moved->start);
        if (auto q = m_db.query(QStringLiteral("UPDATE sync_records SET problem = '', updated_at "
                                               "= ? WHERE resource_type = ? AND resource_id = ?"),
                                {m_db.clock().nowMs(), issue.type, issue.id});
            !q)
            return fail(q.error());
        return audit(issue, {{QStringLiteral("take"), QStringLiteral("rebook")},
                             {QStringLiteral("from"), current->start.toString(Qt::ISODate)},
                             {QStringLiteral("to"), moved->start.toString(Qt::ISODate)}});
    });
    if (!s)
        return fail(tr("%1 could not be rebooked: %2").arg(issue.label, s.error()));
    return start;
}

} // namespace frontdesk
