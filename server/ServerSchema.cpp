#include "ServerSchema.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace frontdesk::server {

QString ServerSchema::forDialect(const QString &script, Database::Dialect dialect)
{
    const bool postgres = dialect == Database::Dialect::PostgreSql;
    QStringList kept;
    enum class Section
    {
        Both,
        PostgresOnly,
        SqliteOnly
    } section = Section::Both;
    for (const QString &line : script.split(QLatin1Char('\n'))) {
        const QString marker = line.trimmed();
        if (marker == QLatin1String("-- [postgresql]")) {
            section = Section::PostgresOnly;
            continue;
        }
        if (marker == QLatin1String("-- [sqlite]")) {
            section = Section::SqliteOnly;
            continue;
        }
        if (marker == QLatin1String("-- [end]")) {
            section = Section::Both;
            continue;
        }
        if ((section == Section::PostgresOnly && !postgres) ||
            (section == Section::SqliteOnly && postgres))
            continue;
        kept << line;
    }
    QString out = kept.join(QLatin1Char('\n'));
    out.replace(QLatin1String("{{serial}}"),
                postgres ? QLatin1String("BIGSERIAL PRIMARY KEY")
                         : QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT"));
    out.replace(QLatin1String("{{int64}}"),
                postgres ? QLatin1String("BIGINT") : QLatin1String("INTEGER"));
    return out;
}

QList<Migration> ServerSchema::migrations(Database::Dialect dialect)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{3})_([a-z0-9_]+)\\.sql$"));
    QList<Migration> result;
    const QDir dir(QStringLiteral(":/server-schema"));
    const QStringList files = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const auto match = pattern.match(file);
        QFile f(dir.filePath(file));
        if (!match.hasMatch() || !f.open(QIODevice::ReadOnly))
            continue;
        result.append({match.captured(1).toInt(), match.captured(2),
                       forDialect(QString::fromUtf8(f.readAll()), dialect)});
    }
    return result;
}

} // namespace frontdesk::server
