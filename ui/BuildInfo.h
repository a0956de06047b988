#pragma once

#include <QList>
#include <QString>

// Filled in at build time (cmake/FrontdeskWriteBuildInfo.cmake): what this binary is and what
// it was built with, for the About dialog.
namespace frontdesk::BuildInfo {

QString version();
QString commit(); // the short git commit, "-modified" when the tree had changes; or "unknown"
QString date();   // the build day, YYYY-MM-DD (UTC)

// A library Frontdesk ships with: its version at build time and its licence (SPDX). The licence
// text is the resource :/licences/<name>.txt when the build found it.
struct Component
{
    QString name;
    QString version;
    QString licence;
};
QList<Component> components();

} // namespace frontdesk::BuildInfo
