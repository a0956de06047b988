#pragma once

#include "core/Result.h"
#include "domain/RecordMeta.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>

namespace frontdesk {

// A consent a patient gave or withdrew (FHIR Consent), with who recorded it and the scanned form.
struct Consent
{
    RecordMeta meta;
    QString patientId;
    QString type; // e.g. treatment, data-sharing, reminders-sms, research, photo
    QString status = QStringLiteral("given"); // given | withdrawn
    QDateTime decidedAt;                      // UTC
    QString recordedBy;
    QString documentName; // the scanned document's file name; empty: none
    // The scanned document when saving; loaded on demand (ConsentRepository::document).
    QByteArray document;
    // Hex SHA-256 of the stored document, as loaded. Saving without the bytes keeps it, so an
    // edit of the note does not lose the record of which document was scanned.
    QString documentSha256;
    QString note;

    Status validate() const
    {
        if (patientId.isEmpty())
            return fail(QCoreApplication::translate("Consent", "A consent needs a patient."));
        if (type.trimmed().isEmpty())
            return fail(QCoreApplication::translate("Consent", "Say what the consent is for."));
        if (status != QLatin1String("given") && status != QLatin1String("withdrawn"))
            return fail(
                QCoreApplication::translate("Consent", "A consent is either given or withdrawn."));
        if (!decidedAt.isValid())
            return fail(
                QCoreApplication::translate("Consent", "A consent needs the date it was decided."));
        return {};
    }
};

} // namespace frontdesk
