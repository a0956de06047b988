#pragma once

#include <QDialog>

class QPlainTextEdit;
class QTableWidget;

namespace frontdesk {

// Help → About Frontdesk: the version, git commit and build date, the database in use, and
// each library Frontdesk ships with, its version and licence, with the licence's full text.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    // The database facts come from the caller, which holds the open database.
    AboutDialog(const QString &databasePath, const QString &cipherVersion,
                QWidget *parent = nullptr);

    // The licence text shipped for a library, or empty when this build has none.
    static QString licenceText(const QString &component);

private:
    void showLicence(int row);

    QTableWidget *m_components = nullptr;
    QPlainTextEdit *m_licence = nullptr;
};

} // namespace frontdesk
