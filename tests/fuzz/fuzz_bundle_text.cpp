// Where each entry's resource is in a Bundle's text (BundleText), as the workstation reads a
// history page from the network. Invariants: for any text QJsonDocument reads as an object, the
// spans are either none or one per element of its "entry" array, each inside the text, and
// each span's text reads as exactly the resource QJsonDocument found in that entry (an entry
// without one: an empty span).

#include "FuzzSupport.h"
#include "fhir/BundleText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace frontdesk;

namespace {

void require(bool condition)
{
    if (!condition)
        __builtin_trap();
}

// A value as the text of a one-element array, so scalars read as well as objects.
QJsonValue valueOf(const QByteArray &text)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson("[" + text + "]", &error);
    require(error.error == QJsonParseError::NoError && doc.isArray() && doc.array().size() == 1);
    return doc.array().at(0);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::ensureApplication();
    const QByteArray text = fuzz::bytes(data, size);
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return 0;
    const auto spans = BundleText::entryResources(text);
    if (!spans)
        return 0;
    const QJsonValue entry = doc.object().value(QStringLiteral("entry"));
    const QJsonArray entries = entry.toArray();
    require(spans->size() == entries.size());
    for (qsizetype i = 0; i < spans->size(); ++i) {
        const BundleText::Span span = spans->at(i);
        require(span.offset >= 0 && span.length >= 0 && span.offset + span.length <= text.size());
        const QJsonObject e = entries.at(i).toObject();
        if (span.length == 0) {
            require(!e.contains(QStringLiteral("resource")));
            continue;
        }
        require(valueOf(text.mid(span.offset, span.length)) == e.value(QStringLiteral("resource")));
    }
    return 0;
}
