#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <functional>

namespace frontdesk {

// The one way an export (FHIR bundle, CSV, PDF day list, dashboard PDF, audit CSV) reaches the
// disk: private to its owner (0600) and through QSaveFile, so that it appears whole or not at
// all, and only once its audit entry has been committed. No audit entry, no file.
class AuditedExport
{
    Q_DECLARE_TR_FUNCTIONS(AuditedExport)
public:
    // record commits the export's audit entry; it runs after the content is on the disk under a
    // temporary name and before that takes the name path. When it fails, nothing is left at path
    // (a file already there stays as it was). An empty record: the producer of content has
    // committed the entry already (FhirExporter, AuditQuery::exportCsv), and fails without it.
    static Status write(const QString &path, const QByteArray &content,
                        const std::function<Status()> &record);
};

} // namespace frontdesk
