#pragma once

#include "MessageLifetime.h"

#include <QLabel>

namespace frontdesk {

// A view's info bar: one line of information or an error above its content, gone by itself
// after a while (MessageLifetime) or as soon as the view clears or replaces it.
class InfoBar : public QLabel
{
    Q_OBJECT
public:
    explicit InfoBar(MessageLifetime::Now now, QWidget *parent = nullptr);

    void showInfo(const QString &text);
    void showError(const QString &text);
    // After the next action that went well: an error it answered is no longer true.
    void clearMessage();
    bool isError() const { return m_error; }
    MessageLifetime *lifetime() const { return m_lifetime; }

private:
    void show(const QString &text, MessageLifetime::Kind kind);

    MessageLifetime *m_lifetime;
    bool m_error = false;
};

} // namespace frontdesk
