#include "DayScheduleModel.h"

#include "RowDiff.h"
#include "core/LocaleFormat.h"

#include "database/Database.h"
#include "scheduling/LocalTime.h"
#include "storage/PatientReplies.h"

#include <QLocale>

#include <algorithm>

namespace frontdesk {

namespace {
QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}
} // namespace

DayScheduleModel::DayScheduleModel(Database &db, QObject *parent)
    : QAbstractListModel(parent), m_db(db)
{
    m_date = today();
}

QDate DayScheduleModel::today() const
{
    return ScheduleLoader(m_db).clinicTime().today(m_db.clock());
}

QDateTime DayScheduleModel::nowUtc() const
{
    return m_db.clock().nowUtc();
}

void DayScheduleModel::setDate(QDate date)
{
    if (!date.isValid() || date == m_date)
        return;
    m_date = date;
    refresh();
    emit dateChanged(m_date);
}

void DayScheduleModel::setMode(ColumnMode mode)
{
    if (mode == m_mode)
        return;
    const bool reload = mode == ColumnMode::Week || m_mode == ColumnMode::Week;
    m_mode = mode;
    if (reload) {
        refresh();
        return;
    }
    beginResetModel();
    rebuild();
    endResetModel();
}

void DayScheduleModel::setWeekPractitioner(const QString &practitionerId)
{
    if (practitionerId == m_weekPractitioner)
        return;
    m_weekPractitioner = practitionerId;
    if (m_mode == ColumnMode::Week)
        refresh();
}

void DayScheduleModel::setFilters(const QSet<QString> &practitionerIds, const QString &locationId,
                                  const QString &typeCode)
{
    m_practitionerFilter = practitionerIds;
    m_locationFilter = locationId;
    m_typeFilter = typeCode;
    beginResetModel();
    rebuild();
    endResetModel();
}

std::optional<ScheduleSnapshot> DayScheduleModel::loadOrReport()
{
    auto loaded = load();
    if (!loaded) {
        m_lastError = loaded.error();
        emit errorOccurred(m_lastError);
        return std::nullopt;
    }
    m_lastError.clear();
    return std::move(*loaded);
}

Result<ScheduleSnapshot> DayScheduleModel::load()
{
    const ScheduleLoader loader(m_db);
    if (m_mode == ColumnMode::Week && m_weekPractitioner.isEmpty()) {
        auto everyone = loader.load(m_date, 1);
        if (everyone && !everyone->practitioners.isEmpty())
            m_weekPractitioner = everyone->practitioners.first().meta.id;
    }
    return m_mode == ColumnMode::Week
               ? loader.load(m_date.addDays(1 - m_date.dayOfWeek()), 7, m_weekPractitioner)
               : loader.load(m_date, 1);
}

void DayScheduleModel::refresh()
{
    auto loaded = loadOrReport();
    if (!loaded)
        return;
    beginResetModel();
    m_snapshot = std::move(*loaded);
    rebuild();
    endResetModel();
}

void DayScheduleModel::reload()
{
    auto loaded = loadOrReport();
    if (!loaded)
        return;
    const auto keysOf = [](const QList<Column> &columns) {
        QStringList keys;
        for (const Column &c : columns)
            keys << c.id + QLatin1Char('@') + c.date.toString(Qt::ISODate);
        return keys;
    };
    const auto idsOf = [](const QList<AppointmentRow> &rows) {
        QStringList ids;
        for (const AppointmentRow &r : rows)
            ids << r.appointment.meta.id;
        return ids;
    };
    const QStringList shownColumns = keysOf(m_columns);
    QList<AppointmentRow> rows = m_rows;
    QList<int> rowColumn = m_rowColumn;
    m_snapshot = std::move(*loaded);
    rebuild();
    // The view's rows go from what it shows to what rebuild() made, one change at a time.
    std::swap(rows, m_rows);
    std::swap(rowColumn, m_rowColumn);
    const RowDiff diff = RowDiff::between(idsOf(m_rows), idsOf(rows));
    if (diff.reset || keysOf(m_columns) != shownColumns) {
        beginResetModel();
        m_rows = std::move(rows);
        m_rowColumn = std::move(rowColumn);
        endResetModel();
        return;
    }
    for (int row : diff.removals) {
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        m_rowColumn.removeAt(row);
        endRemoveRows();
    }
    for (int row : diff.insertions) {
        beginInsertRows({}, row, row);
        m_rows.insert(row, rows.at(row));
        m_rowColumn.insert(row, rowColumn.at(row));
        endInsertRows();
    }
    m_rows = std::move(rows);
    m_rowColumn = std::move(rowColumn);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1));
}

void DayScheduleModel::rebuild()
{
    const QTimeZone zone = m_snapshot.zone;
    const QDate day = m_snapshot.firstDay;
    m_columns.clear();
    m_rows.clear();
    m_rowColumn.clear();
    if (!day.isValid())
        return;

    QList<TimeSpan> clinicOff;
    for (const ScheduleException &e : m_snapshot.exceptions) {
        if (e.practitionerId.isEmpty())
            clinicOff.append({e.start.toMSecsSinceEpoch(), e.end.toMSecsSinceEpoch()});
    }
    auto spansOn = [&](QDate on, const WorkingHours &h) {
        return TimeSpan{LocalTime::toUtc(on, h.startMinute, zone).toMSecsSinceEpoch(),
                        LocalTime::toUtc(on, h.endMinute, zone).toMSecsSinceEpoch()};
    };
    auto spansOf = [&](const WorkingHours &h) { return spansOn(day, h); };
    const QDateTime dayStartUtc = LocalTime::toUtc(day, 0, zone);
    const QDateTime dayEndUtc = LocalTime::toUtc(day.addDays(1), 0, zone);
    int first = 8 * 60;
    int last = 18 * 60;
    QHash<QString, int> index;
    if (m_mode == ColumnMode::Week) {
        const QLocale locale;
        for (const Practitioner &p : m_snapshot.practitioners) {
            for (int d = 0; d < m_snapshot.days; ++d) {
                const QDate on = day.addDays(d);
                Column c{on.toString(Qt::ISODate),
                         tr("%1 %2").arg(locale.dayName(on.dayOfWeek(), QLocale::ShortFormat),
                                         LocaleFormat::fullYearDate(on, locale)),
                         p.color,
                         p.slotMinutes,
                         {},
                         clinicOff,
                         p.meta.id,
                         on,
                         LocalTime::toUtc(on, 0, zone),
                         LocalTime::toUtc(on.addDays(1), 0, zone)};
                for (const WorkingHours &h : m_snapshot.hours.value(p.meta.id)) {
                    if (h.weekday != on.dayOfWeek())
                        continue;
                    c.working.append(spansOn(on, h));
                    first = std::min(first, h.startMinute);
                    last = std::max(last, h.endMinute);
                }
                for (const ScheduleException &e : m_snapshot.exceptions) {
                    if (e.practitionerId == p.meta.id)
                        c.off.append({e.start.toMSecsSinceEpoch(), e.end.toMSecsSinceEpoch()});
                }
                index.insert(c.id, int(m_columns.size()));
                m_columns.append(c);
            }
        }
    } else if (m_mode == ColumnMode::Practitioners) {
        for (const Practitioner &p : m_snapshot.practitioners) {
            if (!m_practitionerFilter.isEmpty() && !m_practitionerFilter.contains(p.meta.id))
                continue;
            Column c{p.meta.id, p.displayName(), p.color, p.slotMinutes, {},
                     clinicOff, p.meta.id,       day,     dayStartUtc,   dayEndUtc};
            for (const WorkingHours &h : m_snapshot.hours.value(p.meta.id)) {
                if (h.weekday != day.dayOfWeek())
                    continue;
                if (!m_locationFilter.isEmpty() && h.locationId != m_locationFilter)
                    continue;
                c.working.append(spansOf(h));
                first = std::min(first, h.startMinute);
                last = std::max(last, h.endMinute);
            }
            for (const ScheduleException &e : m_snapshot.exceptions) {
                if (e.practitionerId == p.meta.id)
                    c.off.append({e.start.toMSecsSinceEpoch(), e.end.toMSecsSinceEpoch()});
            }
            index.insert(c.id, int(m_columns.size()));
            m_columns.append(c);
        }
    } else {
        for (const Location &room : m_snapshot.rooms) {
            if (!m_locationFilter.isEmpty() && room.meta.id != m_locationFilter)
                continue;
            Column c{room.meta.id, room.name, {},  15,          {},
                     clinicOff,    {},        day, dayStartUtc, dayEndUtc};
            for (auto it = m_snapshot.hours.cbegin(); it != m_snapshot.hours.cend(); ++it) {
                for (const WorkingHours &h : it.value()) {
                    if (h.weekday == day.dayOfWeek() && h.locationId == room.meta.id) {
                        c.working.append(spansOf(h));
                        first = std::min(first, h.startMinute);
                        last = std::max(last, h.endMinute);
                    }
                }
            }
            index.insert(c.id, int(m_columns.size()));
            m_columns.append(c);
        }
    }

    bool noRoomColumn = false;
    for (const AppointmentRow &r : m_snapshot.appointments) {
        const Appointment &a = r.appointment;
        if (!m_typeFilter.isEmpty() && a.type != m_typeFilter)
            continue;
        if (!m_locationFilter.isEmpty() && a.locationId != m_locationFilter)
            continue;
        if (m_mode == ColumnMode::Week && a.practitionerId != m_weekPractitioner)
            continue;
        QString key = m_mode == ColumnMode::Practitioners ? a.practitionerId : a.locationId;
        if (m_mode == ColumnMode::Week)
            key = a.start.toTimeZone(zone).date().toString(Qt::ISODate);
        if (m_mode == ColumnMode::Rooms && key.isEmpty() && m_locationFilter.isEmpty() &&
            !noRoomColumn) {
            index.insert(QString(), int(m_columns.size()));
            m_columns.append(
                Column{{}, tr("No room"), {}, 15, {}, clinicOff, {}, day, dayStartUtc, dayEndUtc});
            noRoomColumn = true;
        }
        if (!index.contains(key))
            continue;
        m_rows.append(r);
        m_rowColumn.append(index.value(key));
        const Column &column = m_columns.at(index.value(key));
        const qint64 columnStart = column.startUtc.toMSecsSinceEpoch();
        const qint64 columnEnd = column.endUtc.toMSecsSinceEpoch();
        const qint64 s = std::max(a.start.toMSecsSinceEpoch(), columnStart);
        const qint64 e = std::min(a.end.toMSecsSinceEpoch(), columnEnd);
        first = std::min(first, LocalTime::minuteOfDay(fromMs(s), zone));
        const int endMinute = e >= columnEnd ? 24 * 60 : LocalTime::minuteOfDay(fromMs(e), zone);
        last = std::max(last, endMinute);
    }
    // Whole hours, so the time ruler starts and ends on a label.
    m_firstMinute = first / 60 * 60;
    m_lastMinute = std::min(24 * 60, (last + 59) / 60 * 60);
}

int DayScheduleModel::rowOf(const QString &appointmentId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).appointment.meta.id == appointmentId)
            return i;
    }
    return -1;
}

int DayScheduleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant DayScheduleModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() != 0)
        return {};
    const AppointmentRow &r = m_rows.at(index.row());
    const Appointment &a = r.appointment;
    switch (role) {
    case Qt::DisplayRole:
    case PatientNameRole:
        return r.patientName;
    case Qt::ToolTipRole: {
        const QString about = tr("%1 with %2: %3").arg(r.patientName, r.practitionerName, a.reason);
        const QString reply = m_snapshot.pendingReplies.value(a.meta.id);
        return reply.isEmpty()
                   ? about
                   : about + QLatin1Char('\n') +
                         PatientReplies::tr("The patient replied: “%1”. Mark it handled once "
                                            "answered.")
                             .arg(reply);
    }
    case IdRole:
        return a.meta.id;
    case ColumnRole:
        return m_rowColumn.at(index.row());
    case StartRole:
        return a.start;
    case EndRole:
        return a.end;
    case StatusRole:
        return appointmentStatusName(a.status);
    case TypeRole:
        return a.type;
    case TypeNameRole: {
        const auto t = m_snapshot.types.constFind(a.type);
        return t == m_snapshot.types.constEnd() ? a.type : t->name;
    }
    case ColorRole: {
        const auto t = m_snapshot.types.constFind(a.type);
        if (t != m_snapshot.types.constEnd() && !t->color.isEmpty())
            return t->color;
        return QStringLiteral("#9aa7b4");
    }
    case PatientIdRole:
        return a.patientId;
    case PractitionerIdRole:
        return a.practitionerId;
    case PractitionerNameRole:
        return r.practitionerName;
    case LocationIdRole:
        return a.locationId;
    case LocationNameRole:
        return r.locationName;
    case ReasonRole:
        return a.reason;
    case ArrivedAtRole: {
        const auto at = m_snapshot.arrivedAtMs.constFind(a.meta.id);
        return at == m_snapshot.arrivedAtMs.constEnd() ? QDateTime() : fromMs(*at);
    }
    case VersionRole:
        return a.meta.version;
    case SyncStateRole:
        return a.meta.syncState;
    case PendingReplyRole:
        return m_snapshot.pendingReplies.value(a.meta.id);
    default:
        return {};
    }
}

Result<int> DayScheduleModel::markReplyHandled(const QString &appointmentId)
{
    return PatientReplies(m_db).markHandled(appointmentId);
}

QHash<int, QByteArray> DayScheduleModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(ColumnRole, "column");
    names.insert(StartRole, "start");
    names.insert(EndRole, "end");
    names.insert(StatusRole, "status");
    names.insert(TypeRole, "type");
    names.insert(ColorRole, "color");
    names.insert(PatientNameRole, "patient");
    names.insert(ArrivedAtRole, "arrivedAt");
    names.insert(SyncStateRole, "syncState");
    names.insert(PendingReplyRole, "pendingReply");
    return names;
}

} // namespace frontdesk
