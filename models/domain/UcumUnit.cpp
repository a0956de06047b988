#include "UcumUnit.h"

#include <QRegularExpression>

#include <array>
#include <utility>

namespace frontdesk {

QString UcumUnit::display(const QString &code)
{
    static const std::array<std::pair<const char *, const char *>, 16> kNames{{
        {"mm[Hg]", "mmHg"},
        {"Cel", "°C"},
        {"[degF]", "°F"},
        {"kg/m2", "kg/m²"},
        {"m2", "m²"},
        {"[in_i]", "in"},
        {"[lb_av]", "lb"},
        {"[oz_av]", "oz"},
        {"[ft_i]", "ft"},
        {"1/min", "/min"},
        {"/min", "/min"},
        {"%", "%"},
        {"mg/dL", "mg/dL"},
        {"mmol/L", "mmol/L"},
        {"10*3/uL", "10³/µL"},
        {"ug/L", "µg/L"},
    }};
    const QString trimmed = code.trimmed();
    for (const auto &[ucum, name] : kNames) {
        if (trimmed == QLatin1String(ucum))
            return QString::fromUtf8(name);
    }
    // Annotations ("{beats}/min", "{score}") carry no unit of their own.
    static const QRegularExpression annotation(QStringLiteral("\\{[^}]*\\}"));
    QString shown = trimmed;
    shown.remove(annotation);
    if (shown.isEmpty() && !trimmed.isEmpty())
        return {};
    return shown == QLatin1String("1/min") ? QStringLiteral("/min") : shown;
}

} // namespace frontdesk
