#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QString>

#include <functional>

class QAbstractItemModel;

namespace frontdesk {

// The whole dashboard on A4 pages: title, period, filters, "as of", the figures table, the
// charts as images and the definitions at the end. Holds no patient names (figures and
// practitioners only), so it is not a disclosure the audit trail must record.
class DashboardPdf
{
    Q_DECLARE_TR_FUNCTIONS(frontdesk::DashboardPdf)
public:
    struct Chart
    {
        QString title;
        QImage image;
        bool newPage = false; // a heading on one page and its chart on the next reads badly
    };
    struct Content
    {
        QString title;
        QString period;
        QString filters;
        QString asOf;
        const QAbstractItemModel *figures = nullptr;
        QList<const QAbstractItemModel *> tables; // each with its title as objectName
        QList<Chart> charts;
        QString definitionsHtml;
    };

    static QString html(const Content &content);
    // Through AuditedExport: record commits the export's audit entry.
    static Status write(const QString &path, const Content &content,
                        const std::function<Status()> &record);
};

} // namespace frontdesk
