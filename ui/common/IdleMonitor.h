#pragma once

#include <QObject>
#include <QTimer>

namespace frontdesk {

// Notices when nobody has used the keyboard, mouse or touch screen for a while: watches the
// whole application's input through an event filter.
class IdleMonitor : public QObject
{
    Q_OBJECT
public:
    explicit IdleMonitor(QObject *parent = nullptr);
    ~IdleMonitor() override;

    void setTimeout(int milliseconds);
    int timeout() const { return m_timer.interval(); }
    bool isRunning() const { return m_timer.isActive(); }
    void start();
    void stop();

signals:
    void idle();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTimer m_timer;
};

} // namespace frontdesk
