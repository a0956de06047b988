#pragma once

// The clinic frontdeskctl's messaging tests start from: a new database with the demo accounts,
// the test data's patients (Anna Müller among them) and the demo's message templates, then
// every later command signed in as the receptionist, who writes to patients.

#include "CtlProcess.h"
#include "CtlSignIn.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace frontdesk::testing {

// ctl runs frontdeskctl on the test's data directory with signIn's options in front; Anna
// Müller's id, or empty with *problem saying which step failed.
template <typename Ctl>
QString setUpMessagingClinic(Ctl &&ctl, QStringList &signIn, const QString &passwordFile,
                             QString *problem)
{
    const auto step = [&](const QStringList &args) {
        const CtlRun r = ctl(args);
        if (r.exitCode != 0)
            *problem = args.join(QLatin1Char(' ')) + QStringLiteral(": ") + r.err;
        return r;
    };
    if (step({QStringLiteral("init")}).exitCode != 0 ||
        step({QStringLiteral("user"), QStringLiteral("demo-accounts")}).exitCode != 0)
        return {};
    if (!writePasswordFile(passwordFile)) {
        *problem = QStringLiteral("could not write %1").arg(passwordFile);
        return {};
    }
    signIn = signedInAs(QStringLiteral("admin"), passwordFile);
    if (step({QStringLiteral("import-fhir"),
              qEnvironmentVariable("FRONTDESK_TEST_DATA") + QStringLiteral("/fhir")})
            .exitCode != 0)
        return {};
    const CtlRun found =
        step({QStringLiteral("search"), QStringLiteral("--json"), QStringLiteral("Müller Anna")});
    const QString anna = QJsonDocument::fromJson(found.out.toUtf8())
                             .array()
                             .first()
                             .toObject()
                             .value(QStringLiteral("id"))
                             .toString();
    if (anna.isEmpty()) {
        *problem = QStringLiteral("Anna Müller was not found: ") + found.out + found.err;
        return {};
    }
    // The demo's message templates (an administrator's to make).
    if (step({QStringLiteral("seed"), QStringLiteral("--patients"), QStringLiteral("1"),
              QStringLiteral("--appointments"), QStringLiteral("0")})
            .exitCode != 0)
        return {};
    signIn = signedInAs(QStringLiteral("receptionist"), passwordFile);
    return anna;
}

} // namespace frontdesk::testing
