#pragma once

#include "ServerConnection.h"
#include "SyncTransport.h"

#include <memory>

namespace frontdesk {

// The sync engine's requests over ServerConnection: TLS and the pin as enrollment set them up,
// the workstation's token, and the staff member each push is made for (X-Frontdesk-Staff).
class ServerTransport final : public SyncTransport
{
public:
    // namesStaff: the connection carries the workstation's own credential, so each push names
    // the staff member it is for; a person's token acts for that person and names nobody.
    ServerTransport(std::unique_ptr<ServerConnection> connection, bool namesStaff)
        : m_connection(std::move(connection)), m_namesStaff(namesStaff)
    {}

    HttpReply send(const QByteArray &method, const QString &path, const QByteArray &body = {},
                   const Headers &headers = {}) override
    {
        return answer(m_connection->send(method, QLatin1Char('/') + path, body, headers));
    }
    std::unique_ptr<Pending> start(const QString &path) override
    {
        class Started final : public Pending
        {
        public:
            explicit Started(std::unique_ptr<ServerConnection::Pending> pending)
                : m_pending(std::move(pending))
            {}
            HttpReply wait() override { return answer(m_pending->wait()); }

        private:
            std::unique_ptr<ServerConnection::Pending> m_pending;
        };
        return std::make_unique<Started>(m_connection->start("GET", QLatin1Char('/') + path));
    }
    void setActingFor(const QString &username) override
    {
        if (m_namesStaff)
            m_connection->setActingFor(username);
    }
    bool isWorkstation() const override { return m_namesStaff; }

private:
    static HttpReply answer(const Result<ServerReply> &reply)
    {
        if (!reply)
            return {0, {}, reply.error(), {}, {}};
        return {reply->status,
                reply->body,
                {},
                reply->header("X-Frontdesk-Newest-Change"),
                reply->header("X-Frontdesk-Next-Cursor")};
    }

    std::unique_ptr<ServerConnection> m_connection;
    bool m_namesStaff;
};

} // namespace frontdesk
