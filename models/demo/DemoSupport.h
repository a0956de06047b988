#pragma once

#include "database/Database.h"

#include <QByteArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QUuid>
#include <QVariantList>

#include <cstring>
#include <iterator>

// What the demo seeders share: a random stream that is the same on every platform, and a
// prepared insert that keeps its first error.
namespace frontdesk::demo {

// splitmix64: tiny, fast and the same on every platform (std distributions are not).
class Random
{
public:
    explicit Random(quint64 seed) : m_state(seed) {}
    quint64 next()
    {
        quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return n <= 0 ? 0 : int(next() % quint64(n)); }
    bool chance(int percent) { return below(100) < percent; }
    template <typename C> const auto &pick(const C &c) { return c[below(int(std::size(c)))]; }
    QString uuid()
    {
        QByteArray bytes(16, Qt::Uninitialized);
        for (int i = 0; i < 16; i += 8) {
            const quint64 v = next();
            std::memcpy(bytes.data() + i, &v, 8);
        }
        bytes[6] = char((bytes[6] & 0x0f) | 0x40);
        bytes[8] = char((bytes[8] & 0x3f) | 0x80);
        return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
    }

private:
    quint64 m_state;
};

inline QString lit(const char *s)
{
    return QString::fromUtf8(s);
}

// Binds and runs a prepared insert; keeps the first error.
inline bool run(QSqlQuery &q, const QVariantList &values, QString &error)
{
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, Database::bindable(values.at(i)));
    if (q.exec())
        return true;
    error = describeSqlError(q.lastError());
    return false;
}

} // namespace frontdesk::demo
