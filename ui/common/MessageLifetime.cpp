#include "MessageLifetime.h"

#include <QTimer>

#include <algorithm>

namespace frontdesk {

namespace {
constexpr qint64 kInfoMs = 10000;
constexpr qint64 kErrorMs = 30000;
// About 15 characters a second: a long message gets the time it takes to read it.
constexpr qint64 kMsPerCharacter = 70;
} // namespace

MessageLifetime::MessageLifetime(Now now, QObject *parent)
    : QObject(parent), m_now(std::move(now)), m_timer(new QTimer(this))
{
    m_timer->setObjectName(QStringLiteral("messageLifetimeTimer"));
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &MessageLifetime::expireIfDue);
}

qint64 MessageLifetime::lifetimeMs(Kind kind, const QString &text)
{
    return std::max(kind == Kind::Error ? kErrorMs : kInfoMs, text.size() * kMsPerCharacter);
}

void MessageLifetime::start(Kind kind, const QString &text)
{
    m_expiresAt = m_now().addMSecs(lifetimeMs(kind, text));
    wakeAt(m_expiresAt);
}

void MessageLifetime::stop()
{
    m_timer->stop();
    m_expiresAt = {};
}

void MessageLifetime::expireIfDue()
{
    if (!m_expiresAt.isValid())
        return;
    // The timer may wake early or late against the clock (a suspended laptop, a test's clock):
    // the clock decides.
    if (m_now() < m_expiresAt) {
        wakeAt(m_expiresAt);
        return;
    }
    stop();
    emit expired();
}

void MessageLifetime::wakeAt(const QDateTime &when)
{
    m_timer->start(int(std::clamp<qint64>(m_now().msecsTo(when), 0, kErrorMs * 10)));
}

} // namespace frontdesk
