#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace frontdesk::server {

// A request body read as one JSON object, refusing with a message what is not: bytes that are
// not UTF-8, nesting deeper than maxDepth (QJsonDocument would recurse into it), bad JSON.
class JsonInput
{
    Q_DECLARE_TR_FUNCTIONS(JsonInput)
public:
    static constexpr int maxDepth = 64;

    static Result<QJsonObject> parseObject(const QByteArray &body);
    static bool isUtf8(const QByteArray &bytes);
    // The deepest nesting of objects and arrays, counted outside strings.
    static int depth(const QByteArray &json);
};

} // namespace frontdesk::server
