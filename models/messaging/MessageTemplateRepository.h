#pragma once

#include "domain/MessageTemplate.h"
#include "storage/Repository.h"

namespace frontdesk {

// The clinic's message templates (table message_templates, synced as FHIR Basic). Everyone who
// may read messages reads them; saving one needs the settings right (administrators). A
// template is checked by TemplateRenderer::validate before it is written, and its name must be
// free among the live templates. Templates are deactivated rather than deleted, so the messages
// made from one keep a name that means something.
class MessageTemplateRepository : public Repository<MessageTemplate>
{
    Q_DECLARE_TR_FUNCTIONS(MessageTemplateRepository)
public:
    explicit MessageTemplateRepository(Database &db);
    static RecordStore::Table table();

    // Every live template, active or not, by name.
    Result<QList<MessageTemplate>> all() const;
    // The active templates for a purpose that can go on the channel ("" for any purpose or
    // channel), by name.
    Result<QList<MessageTemplate>> active(const QString &purpose = {},
                                          const QString &channel = {}) const;
    // The live template of this name (compared without regard to case); fails naming it when
    // there is none.
    Result<MessageTemplate> byName(const QString &name) const;

protected:
    QVariantMap toValues(const MessageTemplate &t) const override;
    MessageTemplate fromRecord(const QSqlRecord &r) const override;
    Status validate(const MessageTemplate &t) const override;
};

} // namespace frontdesk
