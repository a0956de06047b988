#include "StartUp.h"
#include "core/Translations.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    frontdesk::StartUp::setApplicationNames();
    if (const auto answered = frontdesk::StartUp::answerWithoutGui(argc, argv))
        return *answered;
    QApplication app(argc, argv);
    frontdesk::Translations::install();
    frontdesk::StartUp startUp;
    return startUp.run();
}
