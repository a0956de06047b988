#include "BackgroundEnroller.h"

#include "database/SecretStore.h"

#include <QThread>

#include <memory>
#include <optional>

namespace frontdesk {

Result<Enrollment::Request> BackgroundEnroller::request(const EnrollmentForm &form)
{
    if (form.server.trimmed().isEmpty())
        return fail(tr("Enter the server's address, e.g. https://fd.clinic.example:8443."));
    auto url = ServerEndpoint::parseUrl(form.server, form.insecure);
    if (!url)
        return fail(url.error());
    Enrollment::Request r;
    r.endpoint.url = *url;
    r.endpoint.caFile = form.caFile.trimmed();
    r.endpoint.pinSha256 = form.pinSha256.trimmed();
    r.endpoint.insecure = form.insecure;
    if (auto s = r.endpoint.validate(); !s)
        return fail(s.error());
    if (form.adminUser.trimmed().isEmpty() || form.adminPassword.isEmpty())
        return fail(tr("Enter the name and password of an administrator at the server."));
    r.adminUser = form.adminUser.trimmed();
    r.adminPassword = form.adminPassword;
    r.workstationName = form.workstationName;
    return r;
}

QString BackgroundEnroller::current() const
{
    const Enrollment::State s = Enrollment::state(m_db, m_store, m_dataDir);
    if (!s.enrolled)
        return {};
    if (!s.credentialKept)
        return tr("Enrolled at %1 as \"%2\", but: %3")
            .arg(s.endpoint.url.toDisplayString(), s.workstationName, s.credentialProblem);
    return tr("Enrolled at %1 as \"%2\" by %3.")
        .arg(s.endpoint.url.toDisplayString(), s.workstationName, s.enrolledBy);
}

Status BackgroundEnroller::check(const EnrollmentForm &form) const
{
    auto r = request(form);
    if (!r)
        return fail(r.error());
    return {};
}

void BackgroundEnroller::enroll(const EnrollmentForm &form, QObject *context,
                                std::function<void(const Result<QString> &)> done)
{
    auto made = request(form);
    if (!made) {
        done(fail(made.error()));
        return;
    }
    auto outcome = std::make_shared<std::optional<Result<Enrollment::Enrolled>>>();
    QThread *thread = QThread::create([request = std::move(*made), outcome]() mutable {
        *outcome = Enrollment::contact(request);
        request.adminPassword.fill(QLatin1Char('\0'));
    });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    QObject::connect(thread, &QThread::finished, context, [this, outcome, done] {
        const Result<Enrollment::Enrolled> &r = **outcome;
        if (!r) {
            done(fail(r.error()));
            return;
        }
        if (auto s = Enrollment::keep(m_db, m_store, m_dataDir, *r); !s) {
            done(fail(tr("The server enrolled this workstation (%1), but it could not be kept "
                         "here: %2")
                          .arg(r->credential.workstationId, s.error())));
            return;
        }
        done(
            tr("This workstation is enrolled at %1 as \"%2\". Its credential is kept in %3.")
                .arg(r->endpoint.url.toDisplayString(), r->credential.name, m_store.description()));
    });
    thread->start();
}

} // namespace frontdesk
