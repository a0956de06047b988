#include "MessageTemplateModel.h"

#include "ClinicSettings.h"
#include "MessageComposer.h"
#include "domain/MessageLabels.h"
#include "messaging/MessageTemplateRepository.h"
#include "storage/AppointmentTypeRepository.h"
#include "storage/PractitionerRepository.h"

namespace frontdesk {

MessageTemplateModel::MessageTemplateModel(Database &db, QObject *parent)
    : QAbstractTableModel(parent), m_db(db)
{}

Status MessageTemplateModel::refresh()
{
    auto all = MessageTemplateRepository(m_db).all();
    beginResetModel();
    m_templates = all ? *all : QList<MessageTemplate>();
    endResetModel();
    if (!all)
        return fail(all.error());
    return {};
}

int MessageTemplateModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_templates.size(); ++row) {
        if (m_templates.at(row).meta.id == id)
            return row;
    }
    return -1;
}

Status MessageTemplateModel::save(MessageTemplate &t)
{
    if (auto s = MessageTemplateRepository(m_db).save(t); !s)
        return s;
    return refresh();
}

TemplateContext MessageTemplateModel::sampleContext() const
{
    const ClinicSettings clinic(m_db);
    // The clinic's part as a message to a patient has it; nobody's record is read.
    auto clinicOnly = MessageComposer(m_db).context({}, {});
    TemplateContext c = clinicOnly ? *clinicOnly : TemplateContext{};
    Patient patient;
    patient.givenName = tr("Alex", "the sample patient's first name in the template preview");
    patient.familyName = tr("Sample", "the sample patient's family name in the template preview");
    c.patient = patient;
    // Tomorrow at 10:30 in the clinic, with the first practitioner of the clinic.
    Appointment visit;
    visit.start = QDateTime(clinic.today().addDays(1), QTime(10, 30), c.clinicTime.zone()).toUTC();
    visit.end = visit.start.addSecs(15 * 60);
    c.appointment = visit;
    auto practitioners = PractitionerRepository(m_db).active();
    if (practitioners && !practitioners->isEmpty()) {
        c.practitioner = practitioners->first();
    } else {
        Practitioner sample;
        sample.prefix = tr("Dr.", "the sample practitioner's title in the template preview");
        sample.familyName =
            tr("Sample", "the sample patient's family name in the template preview");
        c.practitioner = sample;
    }
    auto type = AppointmentTypeRepository(m_db).byCode(visit.type);
    c.appointmentTypeName = type && *type ? (*type)->name : visit.type;
    return c;
}

Result<RenderedMessage> MessageTemplateModel::preview(const MessageTemplate &t) const
{
    const QString channel = t.channel == QLatin1String("sms") ? t.channel : QStringLiteral("email");
    return TemplateRenderer::render(t, sampleContext(), channel);
}

int MessageTemplateModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_templates.size());
}

int MessageTemplateModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MessageTemplateModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_templates.size())
        return {};
    const MessageTemplate &t = m_templates.at(index.row());
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return t.name;
    case Purpose:
        return MessageLabels::purpose(t.purpose);
    case Channel:
        return t.channel == QLatin1String("any") ? tr("SMS or e-mail")
                                                 : MessageLabels::channel(t.channel);
    case State:
        return t.active ? tr("Active") : tr("Deactivated");
    default:
        return {};
    }
}

QVariant MessageTemplateModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Purpose:
        return tr("Purpose");
    case Channel:
        return tr("Channel");
    case State:
        return tr("State");
    default:
        return {};
    }
}

} // namespace frontdesk
