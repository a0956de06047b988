#pragma once

#include "core/Result.h"
#include "domain/Message.h"
#include "messaging/ContactPolicy.h"
#include "messaging/TemplateRenderer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace frontdesk {

class ClinicSettings;
class Database;
struct Appointment;

// What a person wrote, before it is checked and queued.
struct MessageDraft
{
    QString patientId;
    QString appointmentId;
    QString purpose = QStringLiteral("administrative");
    QString channel;
    QString subject;
    QString body;
    // The template the text was written from. Subject and body are then template text, filled
    // for the patient and the appointment when the draft is queued; empty: sent as written.
    QString templateName;
};

// An appointment a message can be about, as the compose window lists it.
struct AppointmentChoice
{
    QString id;
    QDateTime start;       // UTC
    bool upcoming = false; // not begun yet
    QString label;         // "Tue 8 Dec 2026 10:30 · Check-up · Dr. Ada Alpha"
};

// One channel for one patient and purpose: what the contact rule says and where it would go.
struct ChannelChoice
{
    ContactDecision decision;
    // The patient's mobile number (sms) or e-mail address; empty when the record has none.
    QString address;

    bool usable() const
    {
        return decision.allowed && decision.action == ContactDecision::Action::Send &&
               !address.isEmpty();
    }
    // Translated; why the channel cannot be used, or that an SMS is held. Empty: sent now.
    QString note() const;
};

// A queued message and when the server may send it (later for an SMS in quiet hours).
struct QueuedMessage
{
    Message message;
    QDateTime sendAtUtc;
    QString note;
};

// Writing to a patient from the workstation. The message only waits in the outbox: the server
// sends it, so composing works offline. Everything is checked again when the draft is queued —
// the contact rule (ContactPolicy, the same code as at the server), the patient's address for
// the channel, the text — and a refused draft is kept by the caller, never half written.
class MessageComposer
{
    Q_DECLARE_TR_FUNCTIONS(MessageComposer)
public:
    explicit MessageComposer(Database &db) : m_db(db) {}

    // The most parts a composed SMS may take; a longer text is refused before it costs more.
    static constexpr int maxSmsSegments = 10;
    // How far back the compose window offers appointments: a follow-up is about a recent visit.
    static constexpr int recentDays = 42;

    // "Family, Given (MRN)" of the patient a message goes to.
    Result<QString> recipient(const QString &patientId) const;
    // The sending channels (sms, email) for this patient and purpose, in that order.
    Result<QList<ChannelChoice>> channels(const QString &patientId, const QString &purpose) const;
    // The patient's appointments from a few weeks back on (a follow-up is about a past visit),
    // cancelled ones left out, by start.
    Result<QList<AppointmentChoice>> appointments(const QString &patientId) const;
    // How an appointment is named where one is chosen (AppointmentChoice::label): its start in
    // the clinic's zone with the whole year, its type and its practitioner.
    static QString appointmentLabel(Database &db, const ClinicSettings &clinic,
                                    const Appointment &a);
    // The active templates for the purpose that can go on the channel.
    Result<QList<MessageTemplate>> templates(const QString &purpose, const QString &channel) const;
    // What a template is filled from for this patient and appointment (either may be empty):
    // their records, the appointment's practitioner and type, the clinic's name, phone, zone
    // and this workstation's language.
    Result<TemplateContext> context(const QString &patientId, const QString &appointmentId) const;
    // The subject and text as the patient will read them: the draft's template text filled in,
    // or its text as written when it has no template.
    Result<RenderedMessage> fill(const MessageDraft &draft) const;
    // The same with the context already read (the compose window fills it on every key).
    static Result<RenderedMessage> fill(const MessageDraft &draft, const TemplateContext &context);
    Result<QueuedMessage> queue(const MessageDraft &draft);

private:
    Database &m_db;
};

} // namespace frontdesk
