#pragma once

#include <QColor>

#include <optional>

class QPalette;

namespace frontdesk {

// One colour pair per status, the same in the day calendar and in the lists (appointments and
// messages), so a status looks alike wherever it is shown. Statuses that carry news (confirmed,
// arrived, in the room, done, no-show, failed, ...) are a light fill with dark text of one hue,
// readable on a light or a dark palette and in a selected row; the quiet ones (booked,
// cancelled, queued) take the palette's button colours, so they follow a dark theme.
class StatusPalette
{
public:
    struct Colors
    {
        QColor background;
        QColor text;
    };
    // Appointment and message statuses by their stored name; nullopt for an unknown name.
    static std::optional<Colors> colorsFor(const QString &statusKey, const QPalette &palette);
};

} // namespace frontdesk
