#pragma once

#include "core/Result.h"
#include "domain/Appointment.h"
#include "domain/Message.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QStringList>

#include <optional>

namespace frontdesk::server {

// A resource as the server stores it: read through the project's FHIR mapping (so what the
// server accepts and emits is exactly what the workstation reads and writes), with the search
// parameters it is found by.
struct IndexedResource
{
    QJsonObject content;                   // as the mapping writes it, without meta
    QList<QPair<QString, QString>> tokens; // (search parameter, folded value)
    QString patientId;                     // the patient it is about, for the audit trail
    std::optional<Appointment> appointment;
    bool doubleBooked = false;
    std::optional<Message> message; // a Communication, for the dispatch queue
};

// The resource types this server implements, and how each is read and indexed.
class ResourceTypes
{
    Q_DECLARE_TR_FUNCTIONS(ResourceTypes)
public:
    static QStringList supported();
    static bool isSupported(const QString &type) { return supported().contains(type); }
    // The search parameters each type answers (besides _count, _sort, _offset).
    static QStringList searchParameters(const QString &type);
    // Reads a resource of `type` sent by a client for the record `id`; the message of a
    // failure says what is wrong (answered as 422, or 400 for a wrong resourceType).
    static Result<IndexedResource> read(const QString &type, const QString &id,
                                        const QJsonObject &resource);
    // A value folded as the tokens of a string parameter are (case and accents ignored).
    static QString foldString(const QString &value);
    static bool isValidId(const QString &id);
};

} // namespace frontdesk::server
