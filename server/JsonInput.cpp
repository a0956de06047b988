#include "JsonInput.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringDecoder>

namespace frontdesk::server {

bool JsonInput::isUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    return !decoder.hasError();
}

int JsonInput::depth(const QByteArray &json)
{
    int current = 0;
    int deepest = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : json) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            deepest = std::max(deepest, ++current);
        } else if (c == '}' || c == ']') {
            --current;
        }
    }
    return deepest;
}

Result<QJsonObject> JsonInput::parseObject(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return fail(tr("The request has no body; send a JSON object."));
    if (!isUtf8(body))
        return fail(tr("The body is not valid UTF-8."));
    if (depth(body) > maxDepth)
        return fail(tr("The JSON is nested more than %1 levels deep.").arg(maxDepth));
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return fail(tr("The body is not valid JSON: %1 at byte %2.")
                        .arg(error.errorString())
                        .arg(error.offset));
    if (!doc.isObject())
        return fail(tr("The body must be a JSON object."));
    return doc.object();
}

} // namespace frontdesk::server
