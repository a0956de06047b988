#include "MessageThreads.h"

#include "access/AccessGuard.h"
#include "access/Session.h"
#include "database/Database.h"
#include "storage/MessageRepository.h"

#include <QHash>

#include <algorithm>

namespace frontdesk {

namespace {

// Message::when() in SQL.
const QString kWhen = QStringLiteral(
    "coalesce(m.sent_at, CASE WHEN m.direction = 'inbound' THEN m.delivered_at END, m.created_at)");
// Message::isUnread() in SQL.
const QString kUnread =
    QStringLiteral("m.direction = 'inbound' AND m.status = 'received' AND m.read_at IS NULL");

QString patientLabel(const QString &family, const QString &given, const QString &mrn)
{
    return MessageThreads::tr("%1, %2 (%3)", "family name, given name (MRN)")
        .arg(family, given, mrn);
}

void sortByWhen(QList<Message> &messages)
{
    std::stable_sort(messages.begin(), messages.end(),
                     [](const Message &a, const Message &b) { return a.when() < b.when(); });
}

} // namespace

Result<QList<ThreadSummary>> MessageThreads::conversations(const ThreadFilter &filter) const
{
    if (auto s = AccessGuard(m_db).requireRead(MessageRepository::table().resourceType); !s)
        return fail(s.error());
    // One row per conversation, with the id of its newest message (SQLite takes a bare column
    // from the row max() chose). "matching" counts the messages the filter keeps. Only narrow
    // columns: the grouping sorts a row per message of the clinic.
    auto q = m_db.query(
        QStringLiteral("SELECT m.id, max(%1) AS last_at, count(*) AS total, "
                       "sum(CASE WHEN %2 THEN 1 ELSE 0 END) AS unread, "
                       "sum(CASE WHEN m.status = 'failed' THEN 1 ELSE 0 END) AS failed, "
                       "sum(CASE WHEN (? = '' OR m.channel = ?) AND (? = '' OR m.status = ?) AND "
                       "(? = '' OR m.purpose = ?) THEN 1 ELSE 0 END) AS matching "
                       "FROM messages m WHERE m.deleted = 0 GROUP BY coalesce(m.patient_id, '')")
            .arg(kWhen, kUnread),
        {filter.channel, filter.channel, filter.status, filter.status, filter.purpose,
         filter.purpose});
    if (!q)
        return fail(tr("Could not read the conversations: %1").arg(q.error()));
    QList<ThreadSummary> threads;
    QHash<QString, qsizetype> newest; // newest message id -> its conversation in threads
    while (q->next()) {
        if (q->value(5).toInt() == 0)
            continue;
        ThreadSummary t;
        t.lastActivity = QDateTime::fromMSecsSinceEpoch(q->value(1).toLongLong(), Qt::UTC);
        t.messageCount = q->value(2).toInt();
        t.unread = q->value(3).toInt();
        t.failed = q->value(4).toInt();
        if (filter.unreadOnly && t.unread == 0)
            continue;
        newest.insert(q->value(0).toString(), threads.size());
        threads.append(t);
    }
    q->finish();

    // Then each conversation's newest message and its patient, by id.
    const RecordStore store(m_db, MessageRepository::table());
    const MessageRepository mapper(m_db);
    const Status read = m_db.eachIn(
        QStringLiteral("SELECT %1, p.family_name, p.given_name, p.mrn FROM messages m "
                       "LEFT JOIN patients p ON p.id = m.patient_id WHERE m.deleted = 0 AND m.id")
            .arg(store.selectList(QStringLiteral("m"))),
        newest.keys(), [&](const QSqlQuery &row) {
            const QSqlRecord r = row.record();
            ThreadSummary &t = threads[newest.value(r.value(QStringLiteral("id")).toString())];
            t.latest = mapper.messageFrom(r);
            t.patientId = t.latest.patientId;
            if (!t.isInbox())
                t.patientName = patientLabel(r.value(QStringLiteral("family_name")).toString(),
                                             r.value(QStringLiteral("given_name")).toString(),
                                             r.value(QStringLiteral("mrn")).toString());
        });
    if (!read)
        return fail(tr("Could not read the conversations: %1").arg(read.error()));
    // A newest message removed (or deleted) in between, as the sync worker may on its own
    // connection: the next refresh lists that conversation as it is then.
    threads.removeIf([](const ThreadSummary &t) { return t.latest.meta.id.isEmpty(); });

    // Assigning clears every other name in the conversation, so any message naming one says who.
    auto assigned = m_db.query(QStringLiteral(
        "SELECT coalesce(patient_id, ''), assigned_to, assigned_name FROM messages "
        "WHERE deleted = 0 AND assigned_to <> '' GROUP BY coalesce(patient_id, '')"));
    if (!assigned)
        return fail(tr("Could not read the conversations: %1").arg(assigned.error()));
    QHash<QString, std::pair<QString, QString>> assignee;
    while (assigned->next())
        assignee.insert(assigned->value(0).toString(),
                        {assigned->value(1).toString(), assigned->value(2).toString()});
    for (ThreadSummary &t : threads)
        std::tie(t.assignedTo, t.assignedName) = assignee.value(t.patientId);
    if (filter.unassignedOnly)
        threads.removeIf([](const ThreadSummary &t) { return !t.assignedTo.isEmpty(); });

    for (ThreadSummary &t : threads) {
        if (!t.isInbox())
            continue;
        auto inbox = current({});
        if (!inbox)
            return fail(inbox.error());
        QStringList ids;
        for (const Message &m : *inbox)
            ids << m.candidatePatientIds;
        ids.removeDuplicates();
        QHash<QString, QString> names;
        for (const QString &id : std::as_const(ids)) {
            auto p = m_db.query(
                QStringLiteral("SELECT family_name, given_name, mrn FROM patients WHERE id = ?"),
                {id});
            if (!p)
                return fail(tr("Could not read the conversations: %1").arg(p.error()));
            if (p->next())
                names.insert(id, patientLabel(p->value(0).toString(), p->value(1).toString(),
                                              p->value(2).toString()));
        }
        for (const Message &m : std::as_const(*inbox)) {
            QStringList who;
            for (const QString &id : m.candidatePatientIds)
                who << names.value(id, id);
            t.candidates
                << (who.isEmpty()
                        ? tr("%1: no patient has this number or address").arg(m.fromAddress)
                        : tr("%1: %2", "sender: the patients it might be")
                              .arg(m.fromAddress, who.join(tr(" or "))));
        }
        t.candidates.removeDuplicates();
    }

    std::stable_sort(threads.begin(), threads.end(),
                     [](const ThreadSummary &a, const ThreadSummary &b) {
                         if (a.lastActivity != b.lastActivity)
                             return a.lastActivity > b.lastActivity;
                         return a.patientId < b.patientId;
                     });
    return threads;
}

Result<QList<Message>> MessageThreads::current(const QString &patientId) const
{
    if (auto s = AccessGuard(m_db).requireRead(MessageRepository::table().resourceType); !s)
        return fail(s.error());
    const RecordStore store(m_db, MessageRepository::table());
    const MessageRepository mapper(m_db);
    auto q = patientId.isEmpty()
                 ? m_db.query(QStringLiteral("SELECT %1 FROM messages m WHERE m.deleted = 0 AND "
                                             "m.patient_id IS NULL")
                                  .arg(store.selectList(QStringLiteral("m"))))
                 : m_db.query(QStringLiteral("SELECT %1 FROM messages m WHERE m.deleted = 0 AND "
                                             "m.patient_id = ?")
                                  .arg(store.selectList(QStringLiteral("m"))),
                              {patientId});
    if (!q)
        return fail(tr("Could not read the conversation: %1").arg(q.error()));
    QList<Message> messages;
    while (q->next())
        messages.append(mapper.messageFrom(q->record()));
    sortByWhen(messages);
    return messages;
}

Result<QList<Message>> MessageThreads::messages(const QString &patientId)
{
    if (patientId.isEmpty())
        return current({});
    auto thread = MessageRepository(m_db).thread(patientId);
    if (!thread)
        return fail(thread.error());
    sortByWhen(*thread);
    return thread;
}

Result<int> MessageThreads::markRead(const QString &patientId)
{
    auto messages = current(patientId);
    if (!messages)
        return fail(messages.error());
    const QDateTime now = m_db.clock().nowUtc();
    MessageRepository repository(m_db);
    int marked = 0;
    const Status s = m_db.write([&]() -> Status {
        for (Message &m : *messages) {
            if (!m.isUnread())
                continue;
            m.readAt = now;
            if (auto saved = repository.save(m); !saved)
                return fail(tr("Could not mark the conversation read: %1").arg(saved.error()));
            ++marked;
        }
        return {};
    });
    if (!s)
        return fail(s.error());
    return marked;
}

Status MessageThreads::markUnread(const QString &patientId)
{
    auto messages = current(patientId);
    if (!messages)
        return fail(messages.error());
    for (auto it = messages->rbegin(); it != messages->rend(); ++it) {
        if (it->direction != QLatin1String("inbound") || it->status != QLatin1String("received") ||
            !it->readAt.isValid())
            continue;
        it->readAt = QDateTime();
        if (auto saved = MessageRepository(m_db).save(*it); !saved)
            return fail(tr("Could not mark the conversation unread: %1").arg(saved.error()));
        return {};
    }
    return fail(tr("This conversation has no read reply that could be marked unread."));
}

Status MessageThreads::assign(const QString &patientId, const QString &accountId)
{
    StaffMember to;
    if (!accountId.isEmpty()) {
        auto member = staffMember(accountId);
        if (!member)
            return fail(member.error());
        to = *member;
    }
    auto messages = current(patientId);
    if (!messages)
        return fail(messages.error());
    if (messages->isEmpty())
        return fail(tr("There is no conversation to assign."));
    MessageRepository repository(m_db);
    return m_db.write([&]() -> Status {
        for (qsizetype i = 0; i < messages->size(); ++i) {
            Message &m = (*messages)[i];
            const bool newest = i == messages->size() - 1;
            const QString id = newest ? to.id : QString();
            const QString name = newest ? to.name : QString();
            // An older message keeps its name when it is already this person's.
            if (!newest && (m.assignedTo.isEmpty() || m.assignedTo == to.id))
                continue;
            if (m.assignedTo == id && m.assignedName == name)
                continue;
            m.assignedTo = id;
            m.assignedName = name;
            if (auto saved = repository.save(m); !saved)
                return fail(tr("Could not assign the conversation: %1").arg(saved.error()));
        }
        return {};
    });
}

Result<QList<StaffMember>> MessageThreads::staff() const
{
    if (auto s = AccessGuard(m_db).requireWrite(MessageRepository::table().resourceType); !s)
        return fail(s.error());
    auto q = m_db.query(QStringLiteral(
        "SELECT id, username, display_name FROM staff_accounts WHERE active = 1 "
        "ORDER BY coalesce(nullif(display_name, ''), username) COLLATE NOCASE, username"));
    if (!q)
        return fail(tr("Could not read the staff list: %1").arg(q.error()));
    QList<StaffMember> members;
    while (q->next()) {
        const QString username = q->value(1).toString();
        const QString display = q->value(2).toString();
        members.append({q->value(0).toString(), username, display.isEmpty() ? username : display});
    }
    return members;
}

Result<StaffMember> MessageThreads::staffMember(const QString &accountId) const
{
    auto members = staff();
    if (!members)
        return fail(members.error());
    for (const StaffMember &m : std::as_const(*members)) {
        if (m.id == accountId || m.username.compare(accountId, Qt::CaseInsensitive) == 0)
            return m;
    }
    return fail(tr("No active staff member \"%1\".").arg(accountId));
}

QString MessageThreads::me() const
{
    const Session *session = Session::of(m_db);
    return session && session->account() ? session->account()->id : QString();
}

} // namespace frontdesk
