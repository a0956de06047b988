#include "SurveyAnswer.h"

#include <QRegularExpression>

namespace frontdesk {

std::optional<int> SurveyAnswer::numberIn(const QString &reply)
{
    static const QRegularExpression number(QStringLiteral("^\\s*(\\d{1,3})\\s*[.!]?\\s*$"));
    const auto m = number.match(reply);
    if (!m.hasMatch())
        return std::nullopt;
    return m.captured(1).toInt();
}

} // namespace frontdesk
