#pragma once

// Shared by the libFuzzer targets: a QCoreApplication for the Qt code that wants one, and the
// input as text the way a file or a network peer would hand it over.

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace frontdesk::fuzz {

inline void ensureApplication()
{
    static int argc = 1;
    static char name[] = "frontdesk_fuzz";
    static char *argv[] = {name, nullptr};
    static QCoreApplication *app = QCoreApplication::instance() ? QCoreApplication::instance()
                                                                : new QCoreApplication(argc, argv);
    Q_UNUSED(app);
}

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

inline QString text(const uint8_t *data, size_t size)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
}

} // namespace frontdesk::fuzz
