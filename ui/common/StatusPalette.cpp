#include "StatusPalette.h"

#include <QHash>
#include <QPalette>
#include <QString>

namespace frontdesk {

std::optional<StatusPalette::Colors> StatusPalette::colorsFor(const QString &statusKey,
                                                              const QPalette &palette)
{
    static const QHash<QString, Colors> news{
        {QStringLiteral("confirmed"), {QColor(0xdb, 0xea, 0xfe), QColor(0x1e, 0x40, 0xaf)}},
        {QStringLiteral("arrived"), {QColor(0xfe, 0xf3, 0xc7), QColor(0x92, 0x40, 0x0e)}},
        {QStringLiteral("in-room"), {QColor(0xed, 0xe9, 0xfe), QColor(0x5b, 0x21, 0xb6)}},
        {QStringLiteral("completed"), {QColor(0xdc, 0xfc, 0xe7), QColor(0x16, 0x65, 0x34)}},
        {QStringLiteral("no-show"), {QColor(0xfe, 0xe2, 0xe2), QColor(0x99, 0x1b, 0x1b)}},
        {QStringLiteral("sent"), {QColor(0xdb, 0xea, 0xfe), QColor(0x1e, 0x40, 0xaf)}},
        {QStringLiteral("delivered"), {QColor(0xdc, 0xfc, 0xe7), QColor(0x16, 0x65, 0x34)}},
        {QStringLiteral("failed"), {QColor(0xfe, 0xe2, 0xe2), QColor(0x99, 0x1b, 0x1b)}},
        {QStringLiteral("received"), {QColor(0xe0, 0xf2, 0xfe), QColor(0x07, 0x59, 0x85)}},
        {QStringLiteral("handled"), {QColor(0xdc, 0xfc, 0xe7), QColor(0x16, 0x65, 0x34)}},
        // A patient's reply nobody handled yet: it asks for a person.
        {QStringLiteral("replied"), {QColor(0xff, 0xed, 0xd5), QColor(0x9a, 0x34, 0x12)}},
    };
    if (const auto it = news.constFind(statusKey); it != news.constEnd())
        return *it;
    if (statusKey == QLatin1String("booked") || statusKey == QLatin1String("cancelled") ||
        statusKey == QLatin1String("queued"))
        return Colors{palette.color(QPalette::Button), palette.color(QPalette::ButtonText)};
    return std::nullopt;
}

} // namespace frontdesk
