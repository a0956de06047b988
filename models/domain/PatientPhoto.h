#pragma once

#include "core/Result.h"
#include "domain/RecordMeta.h"

#include <QByteArray>
#include <QCoreApplication>

namespace frontdesk {

// The patient's photo (FHIR Patient.photo). Only JPEG and PNG, recognised by their first bytes
// rather than a file name or a declared type, and at most kMaxBytes.
struct PatientPhoto
{
    Q_DECLARE_TR_FUNCTIONS(PatientPhoto)
public:
    static constexpr qsizetype kMaxBytes = 2 * 1024 * 1024;

    RecordMeta meta;
    QString patientId;
    QByteArray data;

    // "image/jpeg", "image/png", or empty when the bytes are neither.
    static QString contentTypeOf(const QByteArray &bytes);
    static Status validateBytes(const QByteArray &bytes);
    QString contentType() const { return contentTypeOf(data); }
    QString sha256() const;
    Status validate() const;
};

} // namespace frontdesk
