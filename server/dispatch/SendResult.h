#pragma once

#include <QString>

namespace frontdesk::server {

// How one try to hand a message to the SMTP relay or the SMS gateway ended.
struct SendResult
{
    enum class Kind
    {
        Sent,
        Temporary, // tried again later with backoff: 4xx, 503, refused, timed out
        Permanent, // recorded as failed: 5xx, a refusal of this message
        Unknown,   // the connection broke after the message was handed over: not sent again
    };
    Kind kind = Kind::Temporary;
    QString providerId; // when sent: the Message-ID, or the gateway's id
    QString reason;     // for the message's record (may quote the relay, which may name the
                        // address)
    QString logCode;    // for the log, without patient data: "SMTP 451", "connection refused"
};

} // namespace frontdesk::server
