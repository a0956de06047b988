#include "AccountAuthority.h"

#include <QThread>

#include <memory>

namespace frontdesk {

void AccountAuthority::runInBackground(Check check, QObject *context,
                                       std::function<void(const ServerVerdict &)> done)
{
    auto verdict = std::make_shared<ServerVerdict>();
    QThread *thread = QThread::create([check = std::move(check), verdict] { *verdict = check(); });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    QObject::connect(thread, &QThread::finished, context,
                     [verdict, done = std::move(done)] { done(*verdict); });
    thread->start();
}

} // namespace frontdesk
