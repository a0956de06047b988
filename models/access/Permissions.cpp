#include "Permissions.h"

#include <array>

namespace frontdesk {

namespace {

struct Row
{
    Permission permission;
    bool receptionist;
    bool nurse;
    bool manager;
    bool admin;
};

// clang-format off
constexpr std::array kTable{
    //  permission                            recept. nurse  manager admin
    Row{Permission::ViewSchedule,             true,   true,  true,   true},
    Row{Permission::EditSchedule,             true,   true,  true,   true},
    Row{Permission::ViewDemographics,         true,   true,  true,   true},
    Row{Permission::EditDemographics,         true,   true,  true,   true},
    Row{Permission::ViewMessages,             true,   true,  true,   true},
    Row{Permission::SendMessages,             true,   true,  true,   true},
    Row{Permission::ViewClinical,             false,  true,  true,   true},
    Row{Permission::EditClinical,             false,  true,  true,   true},
    Row{Permission::ViewDashboards,           false,  false, true,   true},
    Row{Permission::ViewAuditLog,             false,  false, true,   true},
    Row{Permission::OverrideDoubleBooking,    false,  false, true,   true},
    Row{Permission::ManageUsers,              false,  false, false,  true},
    Row{Permission::ManageSettings,           false,  false, false,  true},
    Row{Permission::WipeWorkstation,          false,  false, false,  true},
    Row{Permission::UnlockOtherSessions,      false,  false, false,  true},
};
// clang-format on

bool isClinical(const QString &resourceType)
{
    static const QStringList clinical{
        QStringLiteral("Condition"),           QStringLiteral("AllergyIntolerance"),
        QStringLiteral("MedicationStatement"), QStringLiteral("Observation"),
        QStringLiteral("Encounter"),           QStringLiteral("ClinicalNote"),
        QStringLiteral("DocumentReference"),   QStringLiteral("Procedure"),
        QStringLiteral("Immunization"),        QStringLiteral("MedicationRequest")};
    return clinical.contains(resourceType);
}

} // namespace

bool Permissions::allows(Role role, Permission permission)
{
    for (const Row &row : kTable) {
        if (row.permission != permission)
            continue;
        switch (role) {
        case Role::Receptionist:
            return row.receptionist;
        case Role::Nurse:
            return row.nurse;
        case Role::Manager:
            return row.manager;
        case Role::Admin:
            return row.admin;
        }
    }
    return false;
}

QList<Permission> Permissions::all()
{
    QList<Permission> out;
    for (const Row &row : kTable)
        out << row.permission;
    return out;
}

QString Permissions::name(Permission permission)
{
    switch (permission) {
    case Permission::ViewSchedule:
        return QStringLiteral("view-schedule");
    case Permission::EditSchedule:
        return QStringLiteral("edit-schedule");
    case Permission::ViewDemographics:
        return QStringLiteral("view-demographics");
    case Permission::EditDemographics:
        return QStringLiteral("edit-demographics");
    case Permission::ViewMessages:
        return QStringLiteral("view-messages");
    case Permission::SendMessages:
        return QStringLiteral("send-messages");
    case Permission::ViewClinical:
        return QStringLiteral("view-clinical");
    case Permission::EditClinical:
        return QStringLiteral("edit-clinical");
    case Permission::ViewDashboards:
        return QStringLiteral("view-dashboards");
    case Permission::ViewAuditLog:
        return QStringLiteral("view-audit-log");
    case Permission::OverrideDoubleBooking:
        return QStringLiteral("override-double-booking");
    case Permission::ManageUsers:
        return QStringLiteral("manage-users");
    case Permission::ManageSettings:
        return QStringLiteral("manage-settings");
    case Permission::WipeWorkstation:
        return QStringLiteral("wipe-workstation");
    case Permission::UnlockOtherSessions:
        return QStringLiteral("unlock-other-sessions");
    }
    return {};
}

QString Permissions::describe(Permission permission)
{
    switch (permission) {
    case Permission::ViewSchedule:
        return tr("see the schedule");
    case Permission::EditSchedule:
        return tr("book, move or check in appointments");
    case Permission::ViewDemographics:
        return tr("see patients' details");
    case Permission::EditDemographics:
        return tr("change patients' details");
    case Permission::ViewMessages:
        return tr("see messages");
    case Permission::SendMessages:
        return tr("send messages");
    case Permission::ViewClinical:
        return tr("see clinical summaries and notes");
    case Permission::EditClinical:
        return tr("change clinical notes");
    case Permission::ViewDashboards:
        return tr("see dashboards");
    case Permission::ViewAuditLog:
        return tr("see the audit trail");
    case Permission::OverrideDoubleBooking:
        return tr("double-book a practitioner or room");
    case Permission::ManageUsers:
        return tr("manage staff accounts");
    case Permission::ManageSettings:
        return tr("change settings");
    case Permission::WipeWorkstation:
        return tr("wipe this workstation");
    case Permission::UnlockOtherSessions:
        return tr("unlock another person's session");
    }
    return {};
}

std::optional<Permission> Permissions::toRead(const QString &resourceType)
{
    static const QStringList schedule{
        QStringLiteral("Appointment"), QStringLiteral("Practitioner"),
        QStringLiteral("Location"),    QStringLiteral("WorkingHours"),
        QStringLiteral("Schedule"),    QStringLiteral("ScheduleException"),
        QStringLiteral("Slot"),        QStringLiteral("PractitionerRole")};
    static const QStringList messages{QStringLiteral("Communication"),
                                      QStringLiteral("CommunicationRequest"),
                                      QStringLiteral("Message"),
                                      QStringLiteral("MessageTemplate"),
                                      QStringLiteral("Basic"),
                                      QStringLiteral("SurveyAnswer"),
                                      QStringLiteral("QuestionnaireResponse")};
    // The patient's own records, and the scheduling records the outbox names on their own
    // (series, status history, types, waitlist), which have always been guarded as
    // patient details, under their local names and the FHIR names they travel as.
    static const QStringList demographics{QStringLiteral("Patient"),
                                          QStringLiteral("PatientLink"),
                                          QStringLiteral("PatientPhoto"),
                                          QStringLiteral("Consent"),
                                          QStringLiteral("Coverage"),
                                          QStringLiteral("Flag"),
                                          QStringLiteral("Recall"),
                                          QStringLiteral("AppointmentSeries"),
                                          QStringLiteral("AppointmentStatusChange"),
                                          QStringLiteral("AppointmentType"),
                                          QStringLiteral("WaitlistEntry"),
                                          QStringLiteral("Binary"),
                                          QStringLiteral("Task"),
                                          QStringLiteral("ServiceRequest"),
                                          QStringLiteral("Provenance"),
                                          QStringLiteral("HealthcareService")};
    if (isClinical(resourceType))
        return Permission::ViewClinical;
    // The clinic's shared settings (its zone, name, quiet hours, ...): everyone who books
    // reads them; only who manages settings changes them (toWrite).
    if (resourceType == QLatin1String("Organization"))
        return Permission::ViewSchedule;
    if (schedule.contains(resourceType))
        return Permission::ViewSchedule;
    if (messages.contains(resourceType))
        return Permission::ViewMessages;
    if (demographics.contains(resourceType))
        return Permission::ViewDemographics;
    return std::nullopt;
}

std::optional<Permission> Permissions::toWrite(const QString &resourceType)
{
    // The clinic's settings (Organization/clinic) and its message templates (MessageTemplate,
    // travelling as Basic): everyone reads them, only administrators change them.
    if (resourceType == QLatin1String("Organization") ||
        resourceType == QLatin1String("MessageTemplate") || resourceType == QLatin1String("Basic"))
        return Permission::ManageSettings;
    const std::optional<Permission> read = toRead(resourceType);
    if (!read)
        return std::nullopt;
    switch (*read) {
    case Permission::ViewClinical:
        return Permission::EditClinical;
    case Permission::ViewSchedule:
        return Permission::EditSchedule;
    case Permission::ViewMessages:
        return Permission::SendMessages;
    default:
        return Permission::EditDemographics;
    }
}

} // namespace frontdesk
