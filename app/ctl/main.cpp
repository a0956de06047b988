#include "Ctl.h"
#include "ProcessHardening.h"
#include "core/Translations.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    if (const QString problem = frontdesk::ProcessHardening::forbidCoreDumps(); !problem.isEmpty())
        std::fprintf(stderr, "frontdeskctl: %s\n", qPrintable(problem));
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("frontdeskctl"));
    QCoreApplication::setOrganizationName(QStringLiteral("frontdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FRONTDESK_VERSION));
    frontdesk::Translations::install();
    return frontdesk::Ctl().run(QCoreApplication::arguments());
}
