#pragma once

#include "domain/Patient.h"

#include <QCoreApplication>
#include <QDate>
#include <QMap>

namespace frontdesk {

// The rules for a patient's fields, one message per field, so the profile editor can put each
// message beside its field and the repository refuses the same things on save.
class PatientValidation
{
    Q_DECLARE_TR_FUNCTIONS(PatientValidation)
public:
    // Field keys as in PatientMerge::fields() ("familyName", "birthDate", "phoneMobile", ...).
    // Empty when the patient may be saved. today: the clinic's today (birth dates after it are
    // refused).
    // These rules hold for every stored patient (the repository refuses a save that breaks
    // one), whatever path it takes: editor, import or sync.
    static QMap<QString, QString> check(const Patient &p, const QDate &today);
    // check() plus what the editor asks of a person at the desk: a mobile number when SMS is
    // the preferred channel, an address when e-mail is, a name for the emergency phone.
    static QMap<QString, QString> checkForEditing(const Patient &p, const QDate &today);

    static bool isPhoneNumber(const QString &text);
    static bool isEmailAddress(const QString &text);
};

} // namespace frontdesk
