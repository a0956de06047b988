#include "AuditUpload.h"

#include "SyncEngine.h"
#include "access/AuditLog.h"
#include "database/Database.h"
#include "fhir/AuditEventMapping.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace frontdesk {

namespace {
const QString kUpload = QStringLiteral("fhir/AuditEvent/$upload");
const QString kChain = QStringLiteral("fhir/AuditEvent/$chain");
} // namespace

Result<qint64> AuditUpload::mark() const
{
    auto v = m_db.scalar(QStringLiteral("SELECT value FROM sync_meta WHERE key = ?"), {markKey()});
    if (!v)
        return fail(v.error());
    return v->isValid() ? v->toLongLong() : 0;
}

Status AuditUpload::setMark(qint64 seq)
{
    auto q =
        m_db.query(QStringLiteral("INSERT OR REPLACE INTO sync_meta (key, value) VALUES (?, ?)"),
                   {markKey(), QString::number(seq)});
    return q ? Status() : fail(q.error());
}

AuditUpload::Outcome AuditUpload::run(int maxPages)
{
    Outcome out;
    // The trail goes up as the workstation's, not as any one person's change.
    m_transport.setActingFor({});
    bool realigned = false;
    for (int page = 0; page < maxPages; ++page) {
        auto from = mark();
        if (!from) {
            out.problem = from.error();
            return out;
        }
        auto entries = AuditLog(m_db).after(*from, pageSize);
        if (!entries) {
            out.problem = entries.error();
            return out;
        }
        if (entries->isEmpty())
            return out;
        QJsonArray bundleEntries;
        for (const AuditEntry &e : *entries)
            bundleEntries.append(
                QJsonObject{{QStringLiteral("resource"), AuditEventMapping::toFhir(e)}});
        const QJsonObject bundle{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                                 {QStringLiteral("type"), QStringLiteral("collection")},
                                 {QStringLiteral("entry"), bundleEntries}};
        const HttpReply reply =
            m_transport.send("POST", kUpload, QJsonDocument(bundle).toJson(QJsonDocument::Compact));
        out.reached = out.reached || reply.reached();
        if (!reply.reached()) {
            out.problem = reply.error;
            return out;
        }
        if (reply.status == 409 && !realigned) {
            // The server may hold more than the mark says (an answer lost on the way back) or
            // less (a new enrollment starts a new copy): start again where its copy ends, once.
            realigned = true;
            const Comparison held = compare();
            if (held.reached && held.matches) {
                if (auto s = setMark(held.serverLastSeq); !s) {
                    out.problem = s.error();
                    return out;
                }
                continue;
            }
        }
        if (reply.status != 200) {
            out.problem = tr("The server did not take this workstation's audit trail (HTTP %1): "
                             "%2")
                              .arg(reply.status)
                              .arg(SyncEngine::diagnostics(reply.body));
            return out;
        }
        const QJsonObject answer = QJsonDocument::fromJson(reply.body).object();
        const qint64 held = answer.value(QStringLiteral("last_seq")).toInteger(-1);
        if (held < entries->last().seq) {
            out.problem = tr("The server's answer to the audit trail's upload does not say it "
                             "holds the entries sent.");
            return out;
        }
        if (auto s = setMark(entries->last().seq); !s) {
            out.problem = s.error();
            return out;
        }
        out.uploaded += answer.value(QStringLiteral("accepted")).toInt();
    }
    return out;
}

AuditUpload::Comparison AuditUpload::compare()
{
    Comparison c;
    m_transport.setActingFor({});
    const HttpReply reply = m_transport.send("GET", kChain);
    c.reached = reply.reached();
    if (!reply.reached()) {
        c.problem = reply.error;
        return c;
    }
    if (reply.status != 200) {
        c.problem = tr("The server did not say what it holds of this workstation's audit trail "
                       "(HTTP %1): %2")
                        .arg(reply.status)
                        .arg(SyncEngine::diagnostics(reply.body));
        return c;
    }
    const QJsonObject answer = QJsonDocument::fromJson(reply.body).object();
    c.serverEntries = answer.value(QStringLiteral("entries")).toInteger();
    c.serverLastSeq = answer.value(QStringLiteral("last_seq")).toInteger();
    const QString serverHash = answer.value(QStringLiteral("last_hash")).toString();
    if (c.serverLastSeq == 0) {
        c.matches = true;
        return c;
    }
    auto here = AuditLog(m_db).at(c.serverLastSeq);
    if (!here) {
        c.problem = here.error();
        return c;
    }
    if (!here->has_value()) {
        c.problem = tr("The server holds %1 entries of this workstation's audit trail, up to "
                       "entry %2, which is missing here: the trail here was shortened or "
                       "replaced after it was uploaded.")
                        .arg(c.serverEntries)
                        .arg(c.serverLastSeq);
        return c;
    }
    // The hash of the last entry the server holds covers every entry before it.
    if ((*here)->hash != serverHash) {
        c.problem = tr("Entry %1 of the audit trail here differs from the copy the server holds: "
                       "the trail here was changed after it was uploaded.")
                        .arg(c.serverLastSeq);
        return c;
    }
    c.matches = true;
    return c;
}

} // namespace frontdesk
