#include "DashboardPdf.h"

#include "access/AuditedExport.h"

#include <QAbstractItemModel>
#include <QBuffer>
#include <QFile>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

namespace frontdesk {

namespace {

QString tableHtml(const QAbstractItemModel &model)
{
    QString out = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" "
                                 "border=\"1\" style=\"border-collapse: collapse\"><tr>");
    for (int column = 0; column < model.columnCount(); ++column)
        out += QStringLiteral("<th>%1</th>")
                   .arg(model.headerData(column, Qt::Horizontal).toString().toHtmlEscaped());
    out += QStringLiteral("</tr>");
    for (int row = 0; row < model.rowCount(); ++row) {
        out += QStringLiteral("<tr>");
        for (int column = 0; column < model.columnCount(); ++column) {
            const QModelIndex index = model.index(row, column);
            const bool right = index.data(Qt::TextAlignmentRole).toInt() & int(Qt::AlignRight);
            out += QStringLiteral("<td align=\"%1\">%2</td>")
                       .arg(right ? QStringLiteral("right") : QStringLiteral("left"),
                            index.data().toString().toHtmlEscaped());
        }
        out += QStringLiteral("</tr>");
    }
    return out + QStringLiteral("</table>");
}

QString chartUrl(qsizetype i)
{
    return QStringLiteral("chart%1.png").arg(i);
}

} // namespace

QString DashboardPdf::html(const Content &content)
{
    QString out = QStringLiteral("<html><body style=\"font-family: sans-serif; font-size: 9pt\">");
    out += QStringLiteral("<h1>%1</h1><p><b>%2</b> %3<br><b>%4</b> %5<br>%6</p>")
               .arg(content.title.toHtmlEscaped(), tr("Period:").toHtmlEscaped(),
                    content.period.toHtmlEscaped(), tr("Filters:").toHtmlEscaped(),
                    content.filters.toHtmlEscaped(), content.asOf.toHtmlEscaped());
    if (content.figures)
        out += QStringLiteral("<h2>%1</h2>").arg(tr("Figures").toHtmlEscaped()) +
               tableHtml(*content.figures);
    for (qsizetype i = 0; i < content.charts.size(); ++i) {
        const Chart &chart = content.charts.at(i);
        // An A4 page with 15 mm margins is 680 px wide at the document's 96 dpi.
        const int width = std::min(640, chart.image.width());
        out += QStringLiteral("<h2%1>%2</h2><p><img src=\"%3\" width=\"%4\"></p>")
                   .arg(chart.newPage ? QStringLiteral(" style=\"page-break-before: always\"")
                                      : QString(),
                        chart.title.toHtmlEscaped(), chartUrl(i))
                   .arg(width);
    }
    for (const QAbstractItemModel *table : content.tables)
        out += QStringLiteral("<h2>%1</h2>").arg(table->objectName().toHtmlEscaped()) +
               tableHtml(*table);
    out += QStringLiteral("<div style=\"page-break-before: always\">%1</div>")
               .arg(content.definitionsHtml);
    out += QStringLiteral("</body></html>");
    return out;
}

Status DashboardPdf::write(const QString &path, const Content &content,
                           const std::function<Status()> &record)
{
    QBuffer pdf;
    pdf.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&pdf);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setTitle(content.title);
        writer.setCreator(QStringLiteral("Frontdesk"));
        // Laid out on the page's printable area at 96 dpi, so the 640 px of a chart fit its width.
        QTextDocument document;
        document.setPageSize(writer.pageLayout().paintRect(QPageLayout::Inch).size() * 96.0);
        for (qsizetype i = 0; i < content.charts.size(); ++i)
            document.addResource(QTextDocument::ImageResource, QUrl(chartUrl(i)),
                                 content.charts.at(i).image);
        document.setHtml(html(content));
        document.print(&writer);
    }
    // QPdfWriter reports no errors: an empty document was not written.
    if (pdf.data().isEmpty())
        return fail(tr("Could not make the PDF for %1.").arg(path));
    return AuditedExport::write(path, pdf.data(), record);
}

} // namespace frontdesk
