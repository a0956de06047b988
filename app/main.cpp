#include "ProcessHardening.h"
#include "StartUp.h"
#include "core/Translations.h"

#include <QApplication>
#include <QIcon>

#include <cstdio>

namespace {

// The installed theme's icon where there is one (it follows the desktop's theme), else the
// sizes compiled in from installer/linux/icons.
QIcon windowIcon()
{
    QIcon bundled;
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256})
        bundled.addFile(QStringLiteral(":/icons/%1x%1/apps/org.frontdesk.Frontdesk.png").arg(size),
                        QSize(size, size));
    return QIcon::fromTheme(QStringLiteral("org.frontdesk.Frontdesk"), bundled);
}

} // namespace

int main(int argc, char *argv[])
{
    if (const QString problem = frontdesk::ProcessHardening::forbidCoreDumps(); !problem.isEmpty())
        std::fprintf(stderr, "frontdesk: %s\n", qPrintable(problem));
    frontdesk::StartUp::setApplicationNames();
    if (const auto answered = frontdesk::StartUp::answerWithoutGui(argc, argv))
        return *answered;
    QApplication app(argc, argv);
    QGuiApplication::setDesktopFileName(QStringLiteral("org.frontdesk.Frontdesk"));
    QApplication::setWindowIcon(windowIcon());
    // The language chosen under Workstation → Language, else the system's; dates, times and
    // numbers follow it too.
    const QLocale locale = frontdesk::Translations::effectiveLocale();
    QLocale::setDefault(locale);
    frontdesk::Translations::install(locale);
    frontdesk::StartUp startUp;
    return startUp.run();
}
