#pragma once

#include <QDialog>

class QTextBrowser;

namespace frontdesk {

// How every dashboard figure is counted, from KpiDefinitions, with how periods, filters and
// "as of the last sync" work.
class KpiHelpDialog : public QDialog
{
    Q_OBJECT
public:
    explicit KpiHelpDialog(QWidget *parent = nullptr);

    // The same text as HTML, also the last section of the PDF export.
    static QString html();
    QTextBrowser *browser() const { return m_browser; }

private:
    QTextBrowser *m_browser;
};

} // namespace frontdesk
