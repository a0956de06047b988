#include "KpiHelpDialog.h"

#include "kpi/KpiDefinitions.h"

#include <QDialogButtonBox>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace frontdesk {

KpiHelpDialog::KpiHelpDialog(QWidget *parent) : QDialog(parent), m_browser(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("kpiHelpDialog"));
    setWindowTitle(tr("How the dashboard counts"));
    m_browser->setHtml(html());
    m_browser->setOpenLinks(false);
    m_browser->setAccessibleName(windowTitle());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);
    resize(720, 640);
}

QString KpiHelpDialog::html()
{
    QString out = QStringLiteral("<h2>%1</h2><p>%2</p><p>%3</p><p>%4</p>")
                      .arg(tr("How the figures are counted").toHtmlEscaped(),
                           tr("Every figure is computed on this workstation from its own "
                              "database, so the dashboard works without the network. It shows "
                              "what this workstation knew at its last sync with the server, "
                              "plus the changes made here since.")
                               .toHtmlEscaped(),
                           tr("Each figure is shown for the chosen period and, beside it, for "
                              "the period of the same number of days just before it. The change "
                              "is green when it is an improvement and red when it is worse; "
                              "rates change in percentage points (pp).")
                               .toHtmlEscaped(),
                           tr("Click a figure, or press Enter or Space on it, to list the "
                              "appointments, patients, messages or recalls behind it.")
                               .toHtmlEscaped());
    out += QStringLiteral("<dl>");
    for (const KpiDefinition &d : KpiDefinitions::all())
        out += QStringLiteral("<dt><b>%1</b></dt><dd>%2</dd>")
                   .arg(d.name.toHtmlEscaped(), d.definition.toHtmlEscaped());
    out += QStringLiteral("</dl><h3>%1</h3><p>%2</p>")
               .arg(tr("Charts").toHtmlEscaped(),
                    tr("Weekly trend: appointments per ISO week (bars) and that week's no-show "
                       "rate (line); a week cut by the period counts only its days inside it. "
                       "Per practitioner: utilisation, appointments or no-show rate of each "
                       "active practitioner matching the filters. Heat map: no-shows by "
                       "weekday and hour of the start, coloured by the no-show rate of the "
                       "appointments not cancelled in that hour.")
                        .toHtmlEscaped());
    return out;
}

} // namespace frontdesk
