#include "Ctl.h"
#include "core/Translations.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("frontdeskctl"));
    QCoreApplication::setOrganizationName(QStringLiteral("frontdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FRONTDESK_VERSION));
    frontdesk::Translations::install();
    return frontdesk::Ctl().run(QCoreApplication::arguments());
}
