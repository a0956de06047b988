#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace frontdesk {

// One versioned schema step: models/database/migrations/NNN_name.sql.
struct Migration
{
    int version = 0;
    QString name;
    QString sql;

    // The migrations built into this binary, in version order.
    static QList<Migration> builtin();
    // Splits a script into statements: at a ';' that ends a line, except inside
    // CREATE TRIGGER ... END bodies. Comment lines are dropped.
    static QStringList splitStatements(const QString &script);
};

} // namespace frontdesk
