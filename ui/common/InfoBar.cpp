#include "InfoBar.h"

namespace frontdesk {

InfoBar::InfoBar(MessageLifetime::Now now, QWidget *parent)
    : QLabel(parent), m_lifetime(new MessageLifetime(std::move(now), this))
{
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
    connect(m_lifetime, &MessageLifetime::expired, this, &InfoBar::clearMessage);
}

void InfoBar::showInfo(const QString &text)
{
    show(text, MessageLifetime::Kind::Info);
}

void InfoBar::showError(const QString &text)
{
    show(text, MessageLifetime::Kind::Error);
}

void InfoBar::clearMessage()
{
    m_lifetime->stop();
    m_error = false;
    clear();
    hide();
}

void InfoBar::show(const QString &text, MessageLifetime::Kind kind)
{
    if (text.isEmpty()) {
        clearMessage();
        return;
    }
    m_error = kind == MessageLifetime::Kind::Error;
    setText(text);
    setStyleSheet(m_error ? QStringLiteral("background: #fdecea; color: #611a15; padding: 6px;")
                          : QStringLiteral("background: #e8f4fd; color: #0d3c61; padding: 6px;"));
    setVisible(true);
    m_lifetime->start(kind, text);
}

} // namespace frontdesk
