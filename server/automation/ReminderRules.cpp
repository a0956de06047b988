#include "ReminderRules.h"

#include "access/AuditLog.h"
#include "database/Database.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QUuid>

namespace frontdesk::server {

Result<int> ReminderRule::parseOffset(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral(
            "^\\s*(?:(\\d{1,3})\\s*d)?\\s*(?:(\\d{1,4})\\s*h)?\\s*(?:(\\d{1,6})\\s*m)?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = pattern.match(text);
    const qint64 minutes = m.hasMatch()
                               ? m.captured(1).toLongLong() * 24 * 60 +
                                     m.captured(2).toLongLong() * 60 + m.captured(3).toLongLong()
                               : 0;
    if (minutes < 1 || minutes > 366 * 24 * 60)
        return fail(QCoreApplication::translate(
                        "ReminderRules", "\"%1\" is not a time before the appointment such as "
                                         "48h, 2h, 90m or 2d (at most a year).")
                        .arg(text));
    return int(minutes);
}

QString ReminderRule::offsetText(int minutes)
{
    QString out;
    if (minutes >= 24 * 60 && minutes % (24 * 60) == 0)
        return QStringLiteral("%1d").arg(minutes / (24 * 60));
    if (minutes >= 60)
        out += QStringLiteral("%1h").arg(minutes / 60);
    if (minutes % 60 != 0)
        out += QStringLiteral("%1m").arg(minutes % 60);
    return out;
}

Result<QList<ReminderRule>> ReminderRules::all() const
{
    auto q = m_db.query(QStringLiteral("SELECT id, appointment_type, offset_minutes, "
                                       "template_name, body, active FROM reminder_rules "
                                       "ORDER BY appointment_type, offset_minutes DESC, id"));
    if (!q)
        return fail(q.error());
    QList<ReminderRule> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toInt(),
                    q->value(3).toString(), q->value(4).toString(), q->value(5).toInt() != 0});
    return out;
}

Result<QString> ReminderRules::add(ReminderRule rule)
{
    rule.appointmentType = rule.appointmentType.trimmed();
    rule.templateName = rule.templateName.trimmed();
    if (rule.offsetMinutes < 1)
        return fail(tr("A reminder needs a time before the appointment."));
    if (rule.templateName.isEmpty() == rule.body.trimmed().isEmpty())
        return fail(tr("A reminder needs either a template or its own text, not both."));
    // Short enough to type at the command line, random enough never to repeat.
    rule.id = QUuid::createUuid().toString(QUuid::Id128).left(8);
    const qint64 now = m_db.clock().nowMs();
    const Status s = m_db.write([&]() -> Status {
        if (auto q = m_db.query(QStringLiteral("INSERT INTO reminder_rules (id, "
                                               "appointment_type, offset_minutes, "
                                               "template_name, body, active, created_at, "
                                               "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                                {rule.id, rule.appointmentType, rule.offsetMinutes,
                                 rule.templateName, rule.body, rule.active ? 1 : 0, now, now});
            !q)
            return fail(q.error());
        return audit(QStringLiteral("reminder-rule-added"), rule);
    });
    if (!s)
        return fail(s.error());
    return rule.id;
}

Status ReminderRules::setActive(const QString &id, bool active)
{
    return m_db.write([&]() -> Status {
        auto q = m_db.query(QStringLiteral("UPDATE reminder_rules SET active = ?, updated_at = ? "
                                           "WHERE id = ?"),
                            {active ? 1 : 0, m_db.clock().nowMs(), id});
        if (!q)
            return fail(q.error());
        if (q->numRowsAffected() != 1)
            return fail(tr("There is no reminder rule %1.").arg(id));
        ReminderRule rule;
        rule.id = id;
        rule.active = active;
        return audit(active ? QStringLiteral("reminder-rule-resumed")
                            : QStringLiteral("reminder-rule-paused"),
                     rule);
    });
}

Status ReminderRules::remove(const QString &id)
{
    return m_db.write([&]() -> Status {
        auto q = m_db.query(QStringLiteral("DELETE FROM reminder_rules WHERE id = ?"), {id});
        if (!q)
            return fail(q.error());
        if (q->numRowsAffected() != 1)
            return fail(tr("There is no reminder rule %1.").arg(id));
        ReminderRule rule;
        rule.id = id;
        return audit(QStringLiteral("reminder-rule-removed"), rule);
    });
}

Status ReminderRules::audit(const QString &action, const ReminderRule &rule)
{
    AuditEntry entry;
    entry.action = action;
    entry.entityType = QStringLiteral("ReminderRule");
    entry.entityId = rule.id;
    entry.detail = {{QStringLiteral("active"), rule.active}};
    if (rule.offsetMinutes > 0) {
        entry.detail.insert(QStringLiteral("before"), ReminderRule::offsetText(rule.offsetMinutes));
        entry.detail.insert(QStringLiteral("appointment_type"), rule.appointmentType);
        entry.detail.insert(QStringLiteral("template"), rule.templateName);
    }
    if (auto appended = AuditLog(m_db).append(entry); !appended)
        return fail(appended.error());
    return {};
}

} // namespace frontdesk::server
