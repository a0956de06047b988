#pragma once

#include "core/Result.h"

#include <QString>

#include <functional>

class QObject;

namespace frontdesk {

// What Workstation → Connect to server… asks for (as frontdeskctl enroll's options).
struct EnrollmentForm
{
    QString server;
    QString adminUser;
    QString adminPassword;
    QString workstationName; // empty: the host name
    QString caFile;
    QString pinSha256;
    bool insecure = false;
};

// Joins this workstation to a server for the window, which neither talks to the network nor
// blocks on it: the app gives it the implementation (app/sync: Enrollment run on a worker
// thread), tests a double.
class WorkstationEnroller
{
public:
    virtual ~WorkstationEnroller() = default;

    // The enrollment this workstation has now, in one sentence; empty when it has none.
    virtual QString current() const = 0;
    // The form checked as far as it can be without the network (address, pin, fields).
    virtual Status check(const EnrollmentForm &form) const = 0;
    // Enrolls off the calling thread; done then runs on the calling thread with a summary for
    // a person or the reason it failed, unless context is gone by then.
    virtual void enroll(const EnrollmentForm &form, QObject *context,
                        std::function<void(const Result<QString> &)> done) = 0;
};

} // namespace frontdesk
