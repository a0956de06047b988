#include "OperationOutcome.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace frontdesk::server {

QJsonObject OperationOutcome::make(const QString &code, const QString &message,
                                   const QString &severity)
{
    return QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("OperationOutcome")},
                       {QStringLiteral("issue"),
                        QJsonArray{QJsonObject{{QStringLiteral("severity"), severity},
                                               {QStringLiteral("code"), code},
                                               {QStringLiteral("diagnostics"), message}}}}};
}

QJsonObject OperationOutcome::information(const QString &message)
{
    return make(QStringLiteral("informational"), message, QStringLiteral("information"));
}

HttpResponse OperationOutcome::response(int status, const QString &code, const QString &message)
{
    HttpResponse r;
    r.status = status;
    r.body = QJsonDocument(make(code, message)).toJson(QJsonDocument::Compact);
    return r;
}

} // namespace frontdesk::server
