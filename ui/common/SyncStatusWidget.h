#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace frontdesk {

class SyncStatus;

// The status bar's account of synchronisation: whether there is a server and how many local
// changes wait for it. Always visible, so nobody mistakes an offline workstation for a synced one.
class SyncStatusWidget : public QWidget
{
    Q_OBJECT
public:
    static constexpr int RefreshIntervalMs = 15000;

    explicit SyncStatusWidget(SyncStatus *status, QWidget *parent = nullptr);

    QString text() const;
    QProgressBar *progressBar() const { return m_progress; }
    void refresh();
    // Shown while records wait for a person (conflicts, refusals): opens File → Sync Conflicts….
    QPushButton *settleButton() const { return m_settle; }

signals:
    void settleRequested();

private:
    void updateText();

    SyncStatus *m_status;
    QLabel *m_label;
    QProgressBar *m_progress;
    QPushButton *m_settle;
    QTimer *m_timer;
};

} // namespace frontdesk
