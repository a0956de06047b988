#pragma once

#include "domain/CommunicationPreference.h"
#include "domain/Consent.h"
#include "domain/Coverage.h"
#include "domain/PatientAlert.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>

class QWidget;

namespace frontdesk {

// The small forms for a profile's items: an alert, a consent (with its scanned document), an
// insurance and a communication preference. Each fills the item from what the person entered
// and returns false when they cancelled; the rules are checked when PatientProfile saves.
class ProfileItemDialog
{
    Q_DECLARE_TR_FUNCTIONS(ProfileItemDialog)
public:
    static bool editAlert(QWidget *parent, PatientAlert &alert);
    static bool editConsent(QWidget *parent, Consent &consent);
    static bool editCoverage(QWidget *parent, Coverage &coverage);
    static bool editPreference(QWidget *parent, CommunicationPreference &preference);

    // Each kind of choice as {stored value, label}, for the forms and for the profile's lists.
    using Choices = QList<QPair<QString, QString>>;
    static Choices severities();
    static Choices eligibilities();
    static Choices purposes();
    static Choices channels();
    // The label of a stored value; the value itself when it is none of the choices.
    static QString labelOf(const Choices &choices, const QString &value);
};

} // namespace frontdesk
