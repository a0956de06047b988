#pragma once

#include "domain/RecordMeta.h"

#include <QString>

namespace frontdesk {

struct Location
{
    RecordMeta meta;
    QString name;
    QString kind = QStringLiteral("room");
    QString description;
    bool active = true;
};

} // namespace frontdesk
