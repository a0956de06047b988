#pragma once

#include <QFile>
#include <QTemporaryDir>

namespace frontdesk::test {

// Settings (and data and cache) folders of this test process alone. ctest runs the window tests
// side by side, and each main window saves its layout when it closes: with QStandardPaths' shared
// test folder one test's window overwrote or cleared what another had just saved. Make it before
// the first QSettings is opened (QSettings keeps the folder it found first).
class PrivateSettings
{
public:
    PrivateSettings()
    {
        if (!m_dir.isValid())
            return;
        // The data and cache folders too: what test mode would have moved aside.
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("config"))));
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("data"))));
        qputenv("XDG_CACHE_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("cache"))));
    }

    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
};

} // namespace frontdesk::test
