// frontdesk_bench_gui: how long the desktop app takes from process start to a usable main
// window, and how much memory it holds once a day and a patient's details have been opened.
// It does what app/StartUp does (key file, data directory, MainWindow), measures, and quits:
// the app itself has no hook to quit when ready.
//
//   frontdesk_bench_gui --data-dir D --key-file K      prints one JSON object on stdout

#include "MainWindow.h"
#include "SystemConnection.h"
#include "database/KeyFileSecretStore.h"
#include "patients/PatientsView.h"
#include "storage/DataDirectory.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTableView>
#include <QTimer>
#include <QWindow>

#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <cstdio>

using namespace frontdesk;

namespace {

// Milliseconds since the kernel started this process (/proc/self/stat starttime, in clock
// ticks since boot, on the same clock as CLOCK_BOOTTIME): includes loading the libraries.
double msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // Fields after the command name, which is in parentheses and may contain spaces.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    const double startTicks = fields.value(19).toDouble(); // field 22 of the whole line
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double nowMs = double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
    return nowMs - startTicks * 1e3 / double(sysconf(_SC_CLK_TCK));
}

double peakRssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

void waitUntilExposed(QWidget &window)
{
    QElapsedTimer waited;
    waited.start();
    while ((!window.windowHandle() || !window.windowHandle()->isExposed()) &&
           waited.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    QCoreApplication::processEvents();
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const QString dataDir = args.value(args.indexOf(QStringLiteral("--data-dir")) + 1);
    const QString keyFile = args.value(args.indexOf(QStringLiteral("--key-file")) + 1);
    if (!args.contains(QStringLiteral("--data-dir")) ||
        !args.contains(QStringLiteral("--key-file"))) {
        std::fprintf(stderr, "usage: frontdesk_bench_gui --data-dir D --key-file K\n");
        return 1;
    }
    KeyFileSecretStore store(keyFile);
    DataDirectory directory(dataDir, store);
    auto opened = directory.open();
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error()));
        return 2;
    }
    std::unique_ptr<Database> db = std::move(opened->database);
    // The window's start-up is timed, not a sign-in's: the connection acts for the system.
    test::actAsTestSetUp(*db);
    {
        MainWindow window(*db, dataDir);
        window.show();
        waitUntilExposed(window);
        const double readyMs = msSinceProcessStart();
        const double readyRss = peakRssMiB();

        // A day is already open: the schedule starts on today. Then a patient's details,
        // which open in a modal box that is closed as soon as it shows.
        window.showView(MainWindow::View::Patients);
        QCoreApplication::processEvents();
        QTableView *table = window.patientsView()->table();
        if (table->model()->rowCount() == 0) {
            std::fprintf(stderr, "the patient list is empty\n");
            return 2;
        }
        QTimer::singleShot(200, [] {
            if (QWidget *box = QApplication::activeModalWidget())
                box->close();
        });
        emit table->activated(table->model()->index(0, 0));
        QCoreApplication::processEvents();

        const QJsonObject result{
            {QStringLiteral("gui_ready_ms"), readyMs},
            {QStringLiteral("gui_ready_peak_rss_mib"), readyRss},
            {QStringLiteral("gui_after_day_and_profile_peak_rss_mib"), peakRssMiB()}};
        std::fputs(QJsonDocument(result).toJson(QJsonDocument::Compact).constData(), stdout);
        std::fputs("\n", stdout);
    }
    return 0;
}
