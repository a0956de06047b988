#pragma once

#include "HttpExchange.h"

#include <QJsonObject>
#include <QString>

namespace frontdesk::server {

// Every error the server answers is a FHIR OperationOutcome with the HTTP status that fits:
// never an HTML page, never a bare 500.
class OperationOutcome
{
public:
    // code: a FHIR issue-type code (invalid, structure, too-costly, login, forbidden,
    // not-found, not-supported, conflict, business-rule, processing, exception, throttled).
    static QJsonObject make(const QString &code, const QString &message,
                            const QString &severity = QStringLiteral("error"));
    static HttpResponse response(int status, const QString &code, const QString &message);
    static QJsonObject information(const QString &message);
};

} // namespace frontdesk::server
