#include "Migration.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace frontdesk {

QList<Migration> Migration::builtin()
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{3})_([a-z0-9_]+)\\.sql$"));
    QList<Migration> result;
    const QDir dir(QStringLiteral(":/migrations"));
    const QStringList files = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const auto match = pattern.match(file);
        if (!match.hasMatch())
            continue;
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        result.append(
            {match.captured(1).toInt(), match.captured(2), QString::fromUtf8(f.readAll())});
    }
    return result;
}

QStringList Migration::splitStatements(const QString &script)
{
    QStringList statements;
    QString current;
    bool inTrigger = false;
    const QStringList lines = script.split(QLatin1Char('\n'));
    for (const QString &rawLine : lines) {
        const QString line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1String("--")))
            continue;
        if (current.isEmpty() &&
            line.startsWith(QLatin1String("CREATE TRIGGER"), Qt::CaseInsensitive))
            inTrigger = true;
        current += rawLine + QLatin1Char('\n');
        if (!line.endsWith(QLatin1Char(';')))
            continue;
        if (inTrigger && line.compare(QLatin1String("END;"), Qt::CaseInsensitive) != 0)
            continue;
        statements.append(current.trimmed());
        current.clear();
        inTrigger = false;
    }
    if (!current.trimmed().isEmpty())
        statements.append(current.trimmed());
    return statements;
}

} // namespace frontdesk
