#pragma once

#include <QCoreApplication>
#include <QString>

namespace frontdesk {

// What an audit entry's action, outcome and record type are called where a person reads the
// trail (the audit viewer): "Clinical record read", not "clinical-read". The codes stay as stored
// in the trail, its hash chain, its CSV export and frontdeskctl audit; a code without a name
// here (a newer or the server's own) reads as stored.
class AuditLabels
{
    Q_DECLARE_TR_FUNCTIONS(AuditLabels)
public:
    static QString action(const QString &code);
    static QString outcome(const QString &code);
    static QString entityType(const QString &type);
};

} // namespace frontdesk
