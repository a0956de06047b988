#include "SyncStatusWidget.h"

#include "core/LocaleFormat.h"

#include "SyncStatus.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>

#include <algorithm>

namespace frontdesk {

SyncStatusWidget::SyncStatusWidget(SyncStatus *status, QWidget *parent)
    : QWidget(parent), m_status(status), m_label(new QLabel(this)),
      m_progress(new QProgressBar(this)), m_settle(new QPushButton(tr("Settle…"), this)),
      m_timer(new QTimer(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_progress);
    m_progress->setObjectName(QStringLiteral("syncProgress"));
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    layout->addWidget(m_settle);
    m_settle->setObjectName(QStringLiteral("settleConflicts"));
    m_settle->setFlat(true);
    m_settle->setAccessibleName(tr("Settle the records waiting after sync"));
    m_settle->setToolTip(tr("Open Sync Conflicts (Shift+F9)"));
    m_settle->hide();
    connect(m_settle, &QPushButton::clicked, this, &SyncStatusWidget::settleRequested);
    m_label->setObjectName(QStringLiteral("syncStatusLabel"));
    m_label->setTextInteractionFlags(Qt::NoTextInteraction);

    connect(m_status, &SyncStatus::changed, this, &SyncStatusWidget::updateText);
    connect(m_timer, &QTimer::timeout, this, &SyncStatusWidget::refresh);
    m_timer->start(RefreshIntervalMs);
    refresh();
}

QString SyncStatusWidget::text() const
{
    return m_label->text();
}

void SyncStatusWidget::refresh()
{
    m_status->refresh();
    updateText();
}

void SyncStatusWidget::updateText()
{
    const qint64 pending = m_status->pendingChanges();
    const auto when = [](const QDateTime &t) {
        return LocaleFormat::fullYearDateTime(t.toLocalTime());
    };
    QString connection;
    if (!m_status->serverConfigured())
        connection = tr("Offline — no server configured");
    else if (m_status->online())
        connection = tr("Online");
    else if (m_status->offlineSince().isValid())
        connection = tr("Offline since %1").arg(when(m_status->offlineSince()));
    else
        connection = tr("Offline");
    if (m_status->serverConfigured()) {
        const QDateTime last = m_status->lastSyncAt();
        connection +=
            last.isValid() ? tr(" (last synced %1)").arg(when(last)) : tr(" (never synced)");
    }
    QString waiting;
    if (pending == 0)
        waiting = tr("no changes waiting");
    else
        waiting = tr("%Ln changes waiting", nullptr, int(std::min<qint64>(pending, INT_MAX)));
    if (m_status->conflicts() > 0)
        waiting += tr(" · %Ln in conflict", nullptr,
                      int(std::min<qint64>(m_status->conflicts(), INT_MAX)));
    if (m_status->rejected() > 0)
        waiting += tr(" · %Ln refused by the server", nullptr,
                      int(std::min<qint64>(m_status->rejected(), INT_MAX)));
    // A long round says how far it is, in words and as a bar.
    const SyncProgress progress = m_status->progress();
    const bool showProgress = progress.worthShowing();
    if (showProgress) {
        const QLocale locale;
        const QString done = locale.toString(progress.done);
        const QString total = locale.toString(progress.total);
        switch (progress.phase) {
        case SyncProgress::Phase::Push:
            waiting = tr("sending %1 of %2 records to the server").arg(done, total);
            break;
        case SyncProgress::Phase::Pull:
            waiting = tr("receiving %1 of %2 changes from the server").arg(done, total);
            break;
        case SyncProgress::Phase::Indexes:
            waiting = tr("finishing the first sync: rebuilding search index %1 of %2")
                          .arg(locale.toString(std::min(progress.done + 1, progress.total)), total);
            break;
        }
        // QProgressBar counts in int: large rounds in thousandths.
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(1000 * progress.done / progress.total));
        m_progress->setAccessibleName(waiting);
    }
    m_progress->setVisible(showProgress);
    m_label->setText(tr("%1 · %2", "connection · changes waiting").arg(connection, waiting));
    m_settle->setVisible(m_status->conflicts() + m_status->rejected() > 0);
    if (!m_status->serverConfigured())
        m_label->setToolTip(tr("Changes made on this workstation are kept safely in its database "
                               "and will be sent once a sync server is configured."));
    else
        m_label->setToolTip(m_status->online() ? QString() : m_status->offlineReason());
}

} // namespace frontdesk
