#include "ReminderRules.h"

#include "access/AuditLog.h"
#include "database/Database.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QUuid>

namespace frontdesk::server {

Result<int> ReminderRule::parseOffset(const QString &text, Kind kind)
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
    if ((minutes < 1 || minutes > 366 * 24 * 60) && kind == Kind::FollowUp)
        return fail(QCoreApplication::translate("ReminderRules",
                                                "\"%1\" is not a delay after the visit such as 2h, "
                                                "1d or 3d12h (at most a year).")
                        .arg(text));
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

QString ReminderRule::kindName(Kind kind)
{
    return kind == Kind::FollowUp ? QStringLiteral("followup") : QStringLiteral("reminder");
}

QString ReminderRule::displayName() const
{
    return isFollowUp()
               ? QStringLiteral("follow-up %1 (%2 after)").arg(id, offsetText(offsetMinutes))
               : QStringLiteral("reminder %1 (%2 before)").arg(id, offsetText(offsetMinutes));
}

Result<QList<ReminderRule>> ReminderRules::all() const
{
    auto q = m_db.query(QStringLiteral("SELECT id, kind, appointment_type, offset_minutes, "
                                       "template_name, body, active, survey_question, "
                                       "created_at FROM reminder_rules ORDER BY kind DESC, "
                                       "appointment_type, offset_minutes DESC, id"));
    if (!q)
        return fail(q.error());
    QList<ReminderRule> out;
    while (q->next()) {
        ReminderRule r;
        r.id = q->value(0).toString();
        r.kind = q->value(1).toString() == ReminderRule::kindName(ReminderRule::Kind::FollowUp)
                     ? ReminderRule::Kind::FollowUp
                     : ReminderRule::Kind::Reminder;
        r.appointmentType = q->value(2).toString();
        r.offsetMinutes = q->value(3).toInt();
        r.templateName = q->value(4).toString();
        r.body = q->value(5).toString();
        r.active = q->value(6).toInt() != 0;
        r.surveyQuestion = q->value(7).toString();
        r.createdAtMs = q->value(8).toLongLong();
        out << r;
    }
    return out;
}

Result<QList<ReminderRule>> ReminderRules::all(ReminderRule::Kind kind) const
{
    auto rules = all();
    if (!rules)
        return rules;
    rules->removeIf([kind](const ReminderRule &r) { return r.kind != kind; });
    return rules;
}

Result<QString> ReminderRules::add(ReminderRule rule)
{
    rule.appointmentType = rule.appointmentType.trimmed();
    rule.templateName = rule.templateName.trimmed();
    rule.surveyQuestion = rule.surveyQuestion.trimmed();
    if (rule.isFollowUp()) {
        if (rule.offsetMinutes < 1)
            return fail(tr("A follow-up needs a delay after the visit."));
        if (rule.templateName.isEmpty() == rule.body.trimmed().isEmpty())
            return fail(tr("A follow-up needs either a template or its own text, not both."));
    } else {
        if (rule.offsetMinutes < 1)
            return fail(tr("A reminder needs a time before the appointment."));
        if (rule.templateName.isEmpty() == rule.body.trimmed().isEmpty())
            return fail(tr("A reminder needs either a template or its own text, not both."));
        if (!rule.surveyQuestion.isEmpty())
            return fail(tr("Only a follow-up asks the survey question."));
    }
    // Short enough to type at the command line, random enough never to repeat.
    rule.id = QUuid::createUuid().toString(QUuid::Id128).left(8);
    const qint64 now = m_db.clock().nowMs();
    rule.createdAtMs = now;
    const Status s = m_db.write([&]() -> Status {
        if (auto q = m_db.query(QStringLiteral("INSERT INTO reminder_rules (id, kind, "
                                               "appointment_type, offset_minutes, "
                                               "template_name, body, active, survey_question, "
                                               "created_at, updated_at) VALUES (?, ?, ?, ?, ?, "
                                               "?, ?, ?, ?, ?)"),
                                {rule.id, ReminderRule::kindName(rule.kind), rule.appointmentType,
                                 rule.offsetMinutes, rule.templateName, rule.body,
                                 rule.active ? 1 : 0, rule.surveyQuestion, now, now});
            !q)
            return fail(q.error());
        return audit(QStringLiteral("added"), rule);
    });
    if (!s)
        return fail(s.error());
    return rule.id;
}

Status ReminderRules::setActive(const QString &id, bool active, ReminderRule::Kind kind)
{
    return m_db.write([&]() -> Status {
        auto q =
            m_db.query(QStringLiteral("UPDATE reminder_rules SET active = ?, updated_at = ? "
                                      "WHERE id = ? AND kind = ?"),
                       {active ? 1 : 0, m_db.clock().nowMs(), id, ReminderRule::kindName(kind)});
        if (!q)
            return fail(q.error());
        if (q->numRowsAffected() != 1)
            return fail(noSuchRule(id, kind));
        ReminderRule rule;
        rule.id = id;
        rule.kind = kind;
        rule.active = active;
        return audit(active ? QStringLiteral("resumed") : QStringLiteral("paused"), rule);
    });
}

Status ReminderRules::remove(const QString &id, ReminderRule::Kind kind)
{
    return m_db.write([&]() -> Status {
        auto q = m_db.query(QStringLiteral("DELETE FROM reminder_rules WHERE id = ? AND kind = ?"),
                            {id, ReminderRule::kindName(kind)});
        if (!q)
            return fail(q.error());
        if (q->numRowsAffected() != 1)
            return fail(noSuchRule(id, kind));
        ReminderRule rule;
        rule.id = id;
        rule.kind = kind;
        return audit(QStringLiteral("removed"), rule);
    });
}

QString ReminderRules::noSuchRule(const QString &id, ReminderRule::Kind kind) const
{
    return kind == ReminderRule::Kind::FollowUp ? tr("There is no follow-up rule %1.").arg(id)
                                                : tr("There is no reminder rule %1.").arg(id);
}

// The trail's actions keep the names reminder rules had before follow-ups joined them
// (reminder-rule-added ...); a follow-up rule's are followup-rule-added and so on.
Status ReminderRules::audit(const QString &action, const ReminderRule &rule)
{
    AuditEntry entry;
    entry.action = ReminderRule::kindName(rule.kind) + QStringLiteral("-rule-") + action;
    entry.entityType =
        rule.isFollowUp() ? QStringLiteral("FollowUpRule") : QStringLiteral("ReminderRule");
    entry.entityId = rule.id;
    entry.detail = {{QStringLiteral("active"), rule.active}};
    if (rule.offsetMinutes > 0) {
        entry.detail.insert(rule.isFollowUp() ? QStringLiteral("after") : QStringLiteral("before"),
                            ReminderRule::offsetText(rule.offsetMinutes));
        if (rule.isFollowUp())
            entry.detail.insert(QStringLiteral("survey"), rule.asksSurvey());
        entry.detail.insert(QStringLiteral("appointment_type"), rule.appointmentType);
        entry.detail.insert(QStringLiteral("template"), rule.templateName);
    }
    if (auto appended = AuditLog(m_db).append(entry); !appended)
        return fail(appended.error());
    return {};
}

} // namespace frontdesk::server
