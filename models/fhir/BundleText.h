#pragma once

#include <QByteArray>
#include <QList>

#include <optional>

namespace frontdesk {

// Where each entry's resource is in a Bundle's JSON text as it came: a pull refreshes the copies
// of the server's versions the workstation keeps (the bases of later merges), and taking that
// text as it is costs nothing, where writing the parsed resource out again cost a twelfth of a
// new workstation's first pull when it kept a copy of every record.
namespace BundleText {

struct Span
{
    qsizetype offset = 0;
    qsizetype length = 0; // 0: the entry has no resource (a delete)
};

// One span per element of the top-level "entry" array, in order, for JSON text that
// QJsonDocument has already read as an object (nothing else is checked here). None when the
// text repeats "entry" or an entry's "resource" (which one a reader takes is not settled), or
// escapes one of those names; the caller then writes the parsed resources out instead.
std::optional<QList<Span>> entryResources(const QByteArray &json);

} // namespace BundleText

} // namespace frontdesk
