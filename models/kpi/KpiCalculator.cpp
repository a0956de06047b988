#include "KpiCalculator.h"

#include "domain/ClinicTime.h"
#include "kpi/KpiDefinitions.h"
#include "scheduling/LocalTime.h"
#include "scheduling/TimeSpan.h"

#include <algorithm>
#include <array>
#include <limits>
#include <vector>

namespace frontdesk {

namespace {

constexpr qint64 kMsPerMinute = 60 * 1000;
constexpr qint64 kMsPerHour = 60 * kMsPerMinute;
constexpr qint64 kMsPerDay = 24 * kMsPerHour;

std::optional<double> ratio(qint64 numerator, qint64 denominator)
{
    if (denominator <= 0)
        return std::nullopt;
    return double(numerator) / double(denominator);
}

KpiValue count(qint64 n)
{
    return {double(n), n, 0};
}

KpiValue rate(qint64 numerator, qint64 denominator)
{
    return {ratio(numerator, denominator), numerator, denominator};
}

// Local wall-clock fields of UTC instants in the clinic's zone, from the zone's offset
// transitions: the heat map reads tens of thousands of starts, QDateTime::toTimeZone each is
// too slow for that.
class LocalFields
{
public:
    LocalFields(const QTimeZone &zone, qint64 fromMs, qint64 toMs)
    {
        const QDateTime from = QDateTime::fromMSecsSinceEpoch(fromMs, Qt::UTC);
        m_points.push_back({std::numeric_limits<qint64>::min(), zone.offsetFromUtc(from)});
        if (zone.hasTransitions()) {
            const auto transitions =
                zone.transitions(from, QDateTime::fromMSecsSinceEpoch(toMs, Qt::UTC));
            for (const QTimeZone::OffsetData &t : transitions)
                m_points.push_back({t.atUtc.toMSecsSinceEpoch(), t.offsetFromUtc});
        }
    }
    // weekday 1 (Monday) .. 7, hour 0..23
    std::pair<int, int> weekdayHour(qint64 utcMs) const
    {
        auto it = std::upper_bound(m_points.begin(), m_points.end(), utcMs,
                                   [](qint64 v, const Point &p) { return v < p.atMs; });
        const qint64 local = utcMs + qint64((it - 1)->offsetSeconds) * 1000;
        qint64 days = local / kMsPerDay;
        if (local % kMsPerDay < 0)
            --days;
        // 1970-01-01 was a Thursday.
        const int weekday = int(((days % 7) + 7 + 3) % 7) + 1;
        const int hour = int((local - days * kMsPerDay) / kMsPerHour);
        return {weekday, hour};
    }

private:
    struct Point
    {
        qint64 atMs;
        int offsetSeconds;
    };
    std::vector<Point> m_points;
};

// Minutes each practitioner could be booked on each local day: weekly working hours in the
// clinic's zone (wall times resolved as scheduling resolves them, LocalTime::toUtc) less
// holidays, leave and blocked time.
class Availability
{
public:
    Availability(const KpiFacts &facts, QDate from, QDate to)
    {
        QHash<QPair<qint64, int>, qint64> instants;
        auto instant = [&](QDate day, int minute) {
            const QPair<qint64, int> key{day.toJulianDay(), minute};
            auto it = instants.constFind(key);
            if (it != instants.constEnd())
                return *it;
            const qint64 ms = LocalTime::toUtc(day, minute, facts.zone).toMSecsSinceEpoch();
            instants.insert(key, ms);
            return ms;
        };
        for (const KpiPractitionerFact &p : facts.practitioners) {
            QList<TimeSpan> busy;
            for (const ScheduleException &e : facts.exceptions)
                if (e.practitionerId.isEmpty() || e.practitionerId == p.id)
                    busy.append({e.start.toMSecsSinceEpoch(), e.end.toMSecsSinceEpoch()});
            busy = TimeSpan::merged(busy);
            QHash<qint64, qint64> &days = m_byPractitioner[p.id];
            for (QDate day = from; day <= to; day = day.addDays(1)) {
                QList<TimeSpan> working;
                for (const WorkingHours &h : p.hours)
                    if (h.weekday == day.dayOfWeek())
                        working.append({instant(day, h.startMinute), instant(day, h.endMinute)});
                if (working.isEmpty())
                    continue;
                days.insert(day.toJulianDay(),
                            TimeSpan::totalMs(TimeSpan::subtract(TimeSpan::merged(working), busy)) /
                                kMsPerMinute);
            }
        }
    }
    qint64 minutes(const QString &practitionerId, QDate from, QDate to) const
    {
        qint64 total = 0;
        const QHash<qint64, qint64> days = m_byPractitioner.value(practitionerId);
        for (auto it = days.begin(); it != days.end(); ++it)
            if (it.key() >= from.toJulianDay() && it.key() <= to.toJulianDay())
                total += it.value();
        return total;
    }
    qint64 minutes(QDate from, QDate to) const
    {
        qint64 total = 0;
        for (auto it = m_byPractitioner.begin(); it != m_byPractitioner.end(); ++it)
            total += minutes(it.key(), from, to);
        return total;
    }

private:
    QHash<QString, QHash<qint64, qint64>> m_byPractitioner;
};

bool isSeen(AppointmentStatus s)
{
    return s == AppointmentStatus::InRoom || s == AppointmentStatus::Completed;
}

// A set of patients by their number in KpiFacts::patientIds: a byte each, and the members in
// the order they joined.
class PatientSet
{
public:
    explicit PatientSet(int patients) : m_in(size_t(patients), 0) {}
    void insert(int patient)
    {
        if (m_in[size_t(patient)])
            return;
        m_in[size_t(patient)] = 1;
        m_members.push_back(patient);
    }
    bool contains(int patient) const { return m_in[size_t(patient)] != 0; }
    qint64 size() const { return qint64(m_members.size()); }
    const std::vector<int> &members() const { return m_members; }
    // The members' ids, sorted: a drill-down's stable order.
    QStringList ids(const KpiIds &patientIds) const
    {
        QStringList out;
        out.reserve(qsizetype(m_members.size()));
        for (int p : m_members)
            out << patientIds.id(p);
        std::sort(out.begin(), out.end());
        return out;
    }

private:
    std::vector<char> m_in;
    std::vector<int> m_members;
};

// Instants grouped by a number (a patient's or an appointment's), each group sorted, so
// whether a group has one in a window is a binary search.
class InstantsBy
{
public:
    InstantsBy(int keys, const std::vector<std::pair<int, qint64>> &pairs)
        : m_offsets(size_t(keys) + 1, 0), m_ms(pairs.size())
    {
        for (const auto &[key, ms] : pairs)
            ++m_offsets[size_t(key) + 1];
        for (size_t i = 1; i < m_offsets.size(); ++i)
            m_offsets[i] += m_offsets[i - 1];
        std::vector<size_t> next(m_offsets.begin(), m_offsets.end() - 1);
        for (const auto &[key, ms] : pairs)
            m_ms[next[size_t(key)]++] = ms;
        for (size_t k = 0; k + 1 < m_offsets.size(); ++k)
            std::sort(m_ms.begin() + qptrdiff(m_offsets[k]),
                      m_ms.begin() + qptrdiff(m_offsets[k + 1]));
    }
    // Whether the group of `key` has an instant in [from, to].
    bool anyIn(int key, qint64 from, qint64 to) const
    {
        if (key < 0 || size_t(key) + 1 >= m_offsets.size())
            return false;
        const auto first = m_ms.begin() + qptrdiff(m_offsets[size_t(key)]);
        const auto last = m_ms.begin() + qptrdiff(m_offsets[size_t(key) + 1]);
        const auto it = std::lower_bound(first, last, from);
        return it != last && *it <= to;
    }

private:
    std::vector<size_t> m_offsets;
    std::vector<qint64> m_ms;
};

// Per patient number, the instant given for them, or `none`.
std::vector<qint64> byPatient(int patients, const std::vector<std::pair<int, qint64>> &pairs,
                              qint64 none)
{
    std::vector<qint64> out(size_t(patients), none);
    for (const auto &[patient, ms] : pairs)
        out[size_t(patient)] = ms;
    return out;
}

qint64 dayStartMs(const QTimeZone &zone, QDate day)
{
    return ClinicTime(zone).startOfDayUtc(day).toMSecsSinceEpoch();
}

} // namespace

QMap<Kpi, KpiValue> KpiCalculator::figures(const KpiFilter &period, bool isPrevious,
                                           QMap<Kpi, QStringList> *members) const
{
    const KpiFacts &f = m_facts;
    const int patientCount = f.patientIds.size();
    const qint64 s = dayStartMs(f.zone, period.from);
    const qint64 e = dayStartMs(f.zone, period.to.addDays(1));
    QMap<Kpi, KpiValue> out;

    std::vector<const KpiAppointmentFact *> in;
    for (const KpiAppointmentFact &a : f.appointments)
        if (a.startMs >= s && a.startMs < e)
            in.push_back(&a);
    // The records behind the figures are listed only for a drill-down, in start order.
    const bool collect = members != nullptr;
    if (collect)
        std::sort(in.begin(), in.end(),
                  [](const KpiAppointmentFact *a, const KpiAppointmentFact *b) {
                      return a->startMs != b->startMs ? a->startMs < b->startMs : a->id < b->id;
                  });

    qint64 cancelled = 0;
    qint64 noShowCount = 0;
    qint64 lateCount = 0;
    qint64 bookedMinutes = 0;
    const qint64 lateMs = qint64(f.lateCancellationHours) * kMsPerHour;
    QStringList all, noShows, late, held;
    std::vector<double> leadDays;
    PatientSet patients(patientCount), seenNow(patientCount), noShowPatients(patientCount);
    for (const KpiAppointmentFact *a : in) {
        if (collect)
            all << a->id;
        if (a->status == AppointmentStatus::Cancelled) {
            ++cancelled;
            if (a->startMs - a->cancelledAtMs < lateMs) {
                ++lateCount;
                if (collect)
                    late << a->id;
            }
            continue;
        }
        if (collect)
            held << a->id;
        bookedMinutes += (std::min(a->endMs, e) - a->startMs) / kMsPerMinute;
        leadDays.push_back(double(a->startMs - a->createdMs) / double(kMsPerDay));
        patients.insert(a->patient);
        if (a->status == AppointmentStatus::NoShow) {
            ++noShowCount;
            if (collect)
                noShows << a->id;
            noShowPatients.insert(a->patient);
        }
        if (isSeen(a->status))
            seenNow.insert(a->patient);
    }
    const qint64 total = qint64(in.size());
    out[Kpi::Appointments] = count(total);
    out[Kpi::NoShowRate] = rate(noShowCount, total - cancelled);
    out[Kpi::LateCancellationRate] = rate(lateCount, total);

    const Availability availability(f, period.from, period.to);
    const qint64 available = availability.minutes(period.from, period.to);
    out[Kpi::Utilisation] = rate(bookedMinutes, available);

    KpiValue lead;
    lead.numerator = qint64(leadDays.size());
    if (!leadDays.empty()) {
        std::sort(leadDays.begin(), leadDays.end());
        const size_t n = leadDays.size();
        lead.value = n % 2 ? leadDays[n / 2] : (leadDays[n / 2 - 1] + leadDays[n / 2]) / 2.0;
    }
    out[Kpi::BookingLeadTime] = lead;

    // A patient without a first visit from previous.from on had one before it.
    const std::vector<qint64> firstVisitMs =
        byPatient(patientCount, f.firstVisits, std::numeric_limits<qint64>::min());
    PatientSet newPatients(patientCount), returning(patientCount);
    for (int p : patients.members())
        (firstVisitMs[size_t(p)] >= s ? newPatients : returning).insert(p);
    out[Kpi::NewPatients] = count(newPatients.size());
    out[Kpi::ReturningPatients] = count(returning.size());

    PatientSet seenBefore(patientCount);
    if (isPrevious) {
        for (int p : f.seenBeforePrevious)
            seenBefore.insert(p);
    } else {
        const KpiFilter before = period.previous();
        const qint64 bs = dayStartMs(f.zone, before.from);
        for (const KpiAppointmentFact &a : f.appointments)
            if (a.startMs >= bs && a.startMs < s && isSeen(a.status))
                seenBefore.insert(a.patient);
    }
    PatientSet retained(patientCount);
    for (int p : seenBefore.members())
        if (seenNow.contains(p))
            retained.insert(p);
    out[Kpi::Retention] = rate(retained.size(), seenBefore.size());

    std::vector<std::pair<int, qint64>> replies, confirmingReplies;
    replies.reserve(f.inbound.size());
    for (const KpiMessageFact &m : f.inbound) {
        replies.emplace_back(m.patient, m.atMs);
        if (m.confirms && m.appointment >= 0)
            confirmingReplies.emplace_back(m.appointment, m.atMs);
    }
    const InstantsBy repliesByPatient(patientCount, replies);
    const InstantsBy confirmationsByAppointment(f.appointmentIds.size(), confirmingReplies);
    const qint64 window = qint64(KpiDefinitions::ResponseWindowHours) * kMsPerHour;
    qint64 outboundCount = 0, respondedCount = 0, sentCount = 0, deliveredCount = 0,
           confirmedCount = 0;
    QStringList sent, delivered, confirmed, responded, surveysAnswered;
    qint64 surveysSent = 0, surveysAnsweredCount = 0;
    for (const KpiMessageFact &m : f.outbound) {
        if (m.atMs < s || m.atMs >= e)
            continue;
        ++outboundCount;
        if (repliesByPatient.anyIn(m.patient, m.atMs, m.atMs + window)) {
            ++respondedCount;
            if (collect)
                responded << m.id;
        }
        if (m.survey) {
            ++surveysSent;
            if (m.surveyAnswered) {
                ++surveysAnsweredCount;
                if (collect)
                    surveysAnswered << m.id;
            }
        }
        if (!m.reminder)
            continue;
        ++sentCount;
        if (collect)
            sent << m.id;
        if (m.delivered) {
            ++deliveredCount;
            if (collect)
                delivered << m.id;
        }
        if (m.appointmentConfirmed ||
            confirmationsByAppointment.anyIn(m.appointment, m.atMs,
                                             std::numeric_limits<qint64>::max())) {
            ++confirmedCount;
            if (collect)
                confirmed << m.id;
        }
    }
    out[Kpi::RemindersSent] = count(sentCount);
    out[Kpi::RemindersDelivered] = {double(deliveredCount), deliveredCount, sentCount};
    out[Kpi::RemindersConfirmed] = {double(confirmedCount), confirmedCount, sentCount};
    out[Kpi::ResponseRate] = rate(respondedCount, outboundCount);

    static constexpr std::array<Kpi, 5> kScoreKpis{Kpi::SurveyScore1, Kpi::SurveyScore2,
                                                   Kpi::SurveyScore3, Kpi::SurveyScore4,
                                                   Kpi::SurveyScore5};
    std::array<QStringList, 5> byScore;
    std::array<qint64, 5> scoreCounts{};
    QStringList answers;
    qint64 answerCount = 0, scoreSum = 0;
    for (const KpiSurveyAnswerFact &a : f.surveyAnswers) {
        if (a.atMs < s || a.atMs >= e || a.score < 1 || a.score > 5)
            continue;
        ++answerCount;
        scoreSum += a.score;
        ++scoreCounts[size_t(a.score - 1)];
        if (collect) {
            answers << a.id;
            byScore[size_t(a.score - 1)] << a.id;
        }
    }
    out[Kpi::SurveyAnswers] = count(answerCount);
    // An average is no part of a whole: its numerator is how many answers it averages.
    KpiValue average;
    average.numerator = answerCount;
    if (answerCount > 0)
        average.value = double(scoreSum) / double(answerCount);
    out[Kpi::SurveyAverageScore] = average;
    for (size_t i = 0; i < kScoreKpis.size(); ++i)
        out[kScoreKpis[i]] = {double(scoreCounts[i]), scoreCounts[i], answerCount};
    out[Kpi::SurveyResponseRate] = rate(surveysAnsweredCount, surveysSent);

    const QDate recallCutoff = std::min(period.to.addDays(1), f.asOf);
    QStringList overdue;
    qint64 overdueCount = 0;
    for (const RecallDue &r : f.overdueRecalls) {
        if (r.dueOn >= recallCutoff)
            continue;
        ++overdueCount;
        if (collect)
            overdue << r.id;
    }
    out[Kpi::OverdueRecalls] = count(overdueCount);

    const qint64 lookbackStart =
        dayStartMs(f.zone, period.to.addDays(1).addDays(-KpiDefinitions::AtRiskLookbackDays));
    std::vector<int> recentNoShows(size_t(patientCount), 0);
    PatientSet candidates = noShowPatients;
    for (const KpiNoShowFact &n : f.noShows)
        if (n.startMs >= lookbackStart && n.startMs < e &&
            ++recentNoShows[size_t(n.patient)] >= KpiDefinitions::AtRiskNoShows)
            candidates.insert(n.patient);
    const qint64 futureFrom = e > f.nowMs ? f.nowMs : e;
    const std::vector<qint64> latestBookedMs =
        byPatient(patientCount, f.latestBooked, std::numeric_limits<qint64>::min());
    PatientSet atRisk(patientCount);
    for (int p : candidates.members())
        if (latestBookedMs[size_t(p)] < futureFrom)
            atRisk.insert(p);
    out[Kpi::PatientsAtRisk] = count(atRisk.size());

    if (members) {
        (*members)[Kpi::Appointments] = all;
        (*members)[Kpi::NoShowRate] = noShows;
        (*members)[Kpi::LateCancellationRate] = late;
        (*members)[Kpi::Utilisation] = held;
        (*members)[Kpi::BookingLeadTime] = held;
        (*members)[Kpi::NewPatients] = newPatients.ids(f.patientIds);
        (*members)[Kpi::ReturningPatients] = returning.ids(f.patientIds);
        (*members)[Kpi::Retention] = retained.ids(f.patientIds);
        (*members)[Kpi::RemindersSent] = sent;
        (*members)[Kpi::RemindersDelivered] = delivered;
        (*members)[Kpi::RemindersConfirmed] = confirmed;
        (*members)[Kpi::ResponseRate] = responded;
        (*members)[Kpi::OverdueRecalls] = overdue;
        (*members)[Kpi::PatientsAtRisk] = atRisk.ids(f.patientIds);
        (*members)[Kpi::SurveyAnswers] = answers;
        (*members)[Kpi::SurveyAverageScore] = answers;
        for (size_t i = 0; i < kScoreKpis.size(); ++i)
            (*members)[kScoreKpis[i]] = byScore[i];
        (*members)[Kpi::SurveyResponseRate] = surveysAnswered;
    }
    return out;
}

QStringList KpiCalculator::members(const KpiFilter &filter, Kpi kpi) const
{
    QMap<Kpi, QStringList> all;
    figures(filter, false, &all);
    return all.value(kpi);
}

KpiReport KpiCalculator::report(const KpiFilter &filter) const
{
    const KpiFacts &f = m_facts;
    KpiReport r;
    r.filter = filter;
    r.asOf = f.asOf;
    r.current = figures(filter, false, nullptr);
    r.previous = figures(filter.previous(), true, nullptr);

    const qint64 s = dayStartMs(f.zone, filter.from);
    const qint64 e = dayStartMs(f.zone, filter.to.addDays(1));
    const Availability availability(f, filter.from, filter.to);

    // Weeks: Monday-based, each counted only within the period.
    QDate monday = filter.from.addDays(1 - filter.from.dayOfWeek());
    QList<qint64> weekStarts;
    for (; monday <= filter.to; monday = monday.addDays(7)) {
        KpiWeek w;
        w.monday = monday;
        r.weeks.append(w);
        weekStarts.append(dayStartMs(f.zone, std::max(monday, filter.from)));
    }
    std::vector<qint64> weekBooked(size_t(r.weeks.size()), 0);

    // Practitioner number -> row; -1 for an appointment with a practitioner no longer active.
    std::vector<int> rowOf(size_t(f.practitionerIds.size()), -1);
    for (const KpiPractitionerFact &p : f.practitioners) {
        KpiPractitionerRow row;
        row.practitionerId = p.id;
        row.name = p.name;
        row.availableMinutes = availability.minutes(p.id, filter.from, filter.to);
        if (const int n = f.practitionerIds.find(p.id); n >= 0)
            rowOf[size_t(n)] = int(r.practitioners.size());
        r.practitioners.append(row);
    }

    std::vector<qint64> rowCancelled(size_t(r.practitioners.size()), 0);
    const LocalFields local(f.zone, s, e);
    for (const KpiAppointmentFact &a : f.appointments) {
        if (a.startMs < s || a.startMs >= e)
            continue;
        const qsizetype wi = std::upper_bound(weekStarts.begin(), weekStarts.end(), a.startMs) -
                             weekStarts.begin() - 1;
        KpiWeek &week = r.weeks[wi];
        ++week.appointments;
        const int rowIndex = a.practitioner < 0 ? -1 : rowOf[size_t(a.practitioner)];
        KpiPractitionerRow *row = rowIndex < 0 ? nullptr : &r.practitioners[rowIndex];
        if (row)
            ++row->appointments;
        if (a.status == AppointmentStatus::Cancelled) {
            ++week.cancellations;
            if (row)
                ++rowCancelled[size_t(rowIndex)];
            continue;
        }
        const qint64 minutes = (std::min(a.endMs, e) - a.startMs) / kMsPerMinute;
        weekBooked[size_t(wi)] += minutes;
        if (row)
            row->bookedMinutes += minutes;
        const auto [weekday, hour] = local.weekdayHour(a.startMs);
        ++r.appointmentHeat[size_t(weekday - 1)][size_t(hour)];
        if (a.status == AppointmentStatus::NoShow) {
            ++week.noShows;
            if (row)
                ++row->noShows;
            ++r.noShowHeat[size_t(weekday - 1)][size_t(hour)];
        }
    }
    for (qsizetype i = 0; i < r.weeks.size(); ++i) {
        KpiWeek &w = r.weeks[i];
        w.noShowRate = ratio(w.noShows, w.appointments - w.cancellations);
        const QDate first = std::max(w.monday, filter.from);
        const QDate last = std::min(w.monday.addDays(6), filter.to);
        w.utilisation = ratio(weekBooked[size_t(i)], availability.minutes(first, last));
        // Today is not over: the days before it count as covered.
        const QDate lastOver = std::min(last, r.asOf.isValid() ? r.asOf.addDays(-1) : last);
        w.days = int(std::max<qint64>(0, first.daysTo(lastOver) + 1));
    }
    // Practitioner rows count cancellations in appointments, like the weeks; the base of the
    // rate leaves them out.
    for (qsizetype i = 0; i < r.practitioners.size(); ++i) {
        KpiPractitionerRow &row = r.practitioners[i];
        row.noShowRate = ratio(row.noShows, row.appointments - rowCancelled[size_t(i)]);
        row.utilisation = ratio(row.bookedMinutes, row.availableMinutes);
    }
    return r;
}

} // namespace frontdesk
