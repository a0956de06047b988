#include "ClinicContext.h"

#include "ResourceStore.h"
#include "fhir/ClinicSettingsMapping.h"

#include <QLoggingCategory>

#include <atomic>

namespace frontdesk::server {

Q_LOGGING_CATEGORY(lcClinic, "frontdesk.server.clinic")

namespace {

// Each complaint once per process: the settings are read for every message sent.
void sayOnce(std::atomic<bool> &said, const QString &what)
{
    if (!said.exchange(true))
        qCWarning(lcClinic).noquote() << what;
}

std::atomic<bool> g_saidMissing{false};
std::atomic<bool> g_saidZone{false};
std::atomic<bool> g_saidQuiet{false};

} // namespace

Result<ClinicContext> ClinicContext::load(Database &db)
{
    ClinicContext c;
    c.quietHours = *QuietHours::parse(ContactPolicy::defaultClinicQuietHours());
    auto stored = ResourceStore(db).current(QStringLiteral("Organization"),
                                            ClinicSettingsMapping::resourceId());
    if (!stored)
        return fail(stored.error());
    if (!stored->has_value() || (*stored)->deleted) {
        sayOnce(g_saidMissing,
                QStringLiteral("the clinic's settings (Organization/clinic) have not "
                               "reached this server: times are UTC and the quiet "
                               "hours %1 until a workstation syncs them")
                    .arg(ContactPolicy::defaultClinicQuietHours()));
        return c;
    }
    auto values = ClinicSettingsMapping::fromFhir((*stored)->content);
    if (!values)
        return fail(tr("The clinic's settings (Organization/clinic) are unreadable: %1")
                        .arg(values.error()));
    c.name = values->value(QStringLiteral("clinic_name"));
    c.phone = values->value(QStringLiteral("clinic_phone"));
    const QString zoneName = values->value(ClinicTime::settingKey());
    if (!zoneName.isEmpty()) {
        const QTimeZone zone(zoneName.toUtf8());
        if (zone.isValid())
            c.time = ClinicTime(zone);
        else
            sayOnce(g_saidZone, QStringLiteral("the clinic's time zone \"%1\" is unknown here: "
                                               "times are UTC")
                                    .arg(zoneName.left(64)));
    }
    const QString quiet = values->value(QStringLiteral("clinic_quiet_hours"));
    if (!quiet.isEmpty()) {
        auto parsed = QuietHours::parse(quiet);
        if (parsed)
            c.quietHours = *parsed;
        else
            sayOnce(g_saidQuiet,
                    QStringLiteral("%1 - the quiet hours %2 apply")
                        .arg(parsed.error(), ContactPolicy::defaultClinicQuietHours()));
    }
    return c;
}

} // namespace frontdesk::server
