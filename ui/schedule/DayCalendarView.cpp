#include "DayCalendarView.h"

#include "core/LocaleFormat.h"

#include "DayCalendarAccessible.h"
#include "DayScheduleModel.h"
#include "common/StatusPalette.h"
#include "scheduling/LocalTime.h"

#include <QAccessible>
#include <QApplication>
#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QTimer>
#include <QToolTip>

#include <algorithm>
#include <numeric>

namespace frontdesk {

namespace {
constexpr int kResizeHandle = 5;

// The locale's short time without seconds (the C locale's short format has them).
QString shortTime(const QTime &t)
{
    return LocaleFormat::time(t);
}

QString statusMark(const QString &status)
{
    if (status == QLatin1String("confirmed"))
        return DayCalendarView::tr("confirmed");
    if (status == QLatin1String("arrived"))
        return DayCalendarView::tr("arrived");
    if (status == QLatin1String("in-room"))
        return DayCalendarView::tr("in room");
    if (status == QLatin1String("completed"))
        return DayCalendarView::tr("done");
    if (status == QLatin1String("cancelled"))
        return DayCalendarView::tr("cancelled");
    if (status == QLatin1String("no-show"))
        return DayCalendarView::tr("no-show");
    return {};
}
} // namespace

DayCalendarView::DayCalendarView(DayScheduleModel *model, QWidget *parent)
    : QAbstractScrollArea(parent), m_model(model)
{
    setObjectName(QStringLiteral("dayCalendar"));
    // Screen readers see each painted appointment as an item of the calendar.
    static const bool accessible =
        (QAccessible::installFactory(&DayCalendarAccessible::factory), true);
    Q_UNUSED(accessible);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Day calendar"));
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    const QFontMetrics fm = fontMetrics();
    m_headerHeight = fm.height() * 2 + 10;
    // Room for the first hour's label below the header.
    m_topPadding = fm.height() / 2 + 2;
    // As wide as the locale's widest hour label: "10:00 AM" needs more than "10:00".
    int widestHour = 0;
    for (int hour = 0; hour < 24; ++hour)
        widestHour = std::max(widestHour, fm.horizontalAdvance(shortTime(QTime(hour, 0))));
    m_gutterWidth = widestHour + 16;
    m_minColumnWidth = fm.horizontalAdvance(QLatin1Char('M')) * 10;
    horizontalScrollBar()->setSingleStep(20);
    verticalScrollBar()->setSingleStep(20);
    // The now-line and the waiting times move on by themselves.
    auto *tick = new QTimer(this);
    tick->setInterval(30 * 1000);
    connect(tick, &QTimer::timeout, viewport(), qOverload<>(&QWidget::update));
    tick->start();
    connect(m_model, &QAbstractItemModel::modelReset, this, &DayCalendarView::relayout);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &DayCalendarView::relayout);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &DayCalendarView::relayout);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &DayCalendarView::relayout);
    relayout();
}

int DayCalendarView::minuteOf(int column, const QDateTime &utc) const
{
    if (column < 0 || column >= m_model->columns().size())
        return 0;
    const auto &c = m_model->columns().at(column);
    if (utc <= c.startUtc)
        return 0;
    if (utc >= c.endUtc)
        return 24 * 60;
    return LocalTime::minuteOfDay(utc, m_model->zone());
}

void DayCalendarView::relayout()
{
    const int rows = m_model->rowCount();
    m_blocks.clear();
    m_blocks.reserve(rows);
    for (int row = 0; row < rows; ++row) {
        const QModelIndex i = m_model->index(row);
        Block b;
        b.column = i.data(DayScheduleModel::ColumnRole).toInt();
        b.startMinute = minuteOf(b.column, i.data(DayScheduleModel::StartRole).toDateTime());
        b.endMinute = std::max(b.startMinute + 5,
                               minuteOf(b.column, i.data(DayScheduleModel::EndRole).toDateTime()));
        m_blocks.append(b);
    }
    // Lanes: appointments that overlap in one column (double bookings, a cancelled one and its
    // replacement) share the width side by side.
    QList<int> order(rows);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const Block &x = m_blocks.at(a);
        const Block &y = m_blocks.at(b);
        return x.column != y.column ? x.column < y.column : x.startMinute < y.startMinute;
    });
    for (int i = 0; i < order.size();) {
        // A cluster: consecutive blocks of one column that overlap transitively.
        int j = i;
        int clusterEnd = m_blocks.at(order.at(i)).endMinute;
        QList<int> laneEnds;
        while (j < order.size() &&
               m_blocks.at(order.at(j)).column == m_blocks.at(order.at(i)).column &&
               (j == i || m_blocks.at(order.at(j)).startMinute < clusterEnd)) {
            Block &b = m_blocks[order.at(j)];
            int lane = 0;
            while (lane < laneEnds.size() && laneEnds.at(lane) > b.startMinute)
                ++lane;
            if (lane == laneEnds.size())
                laneEnds.append(b.endMinute);
            else
                laneEnds[lane] = b.endMinute;
            b.lane = lane;
            clusterEnd = std::max(clusterEnd, b.endMinute);
            ++j;
        }
        for (int k = i; k < j; ++k)
            m_blocks[order.at(k)].lanes = int(laneEnds.size());
        i = j;
    }
    if (m_cursorColumn >= m_model->columns().size())
        m_cursorColumn = std::max(0, int(m_model->columns().size()) - 1);
    m_cursorMinute = std::clamp(m_cursorMinute, m_model->firstMinute(), m_model->lastMinute() - 5);
    updateScrollBars();
    viewport()->update();
}

int DayCalendarView::columnWidth() const
{
    const int columns = std::max<int>(1, int(m_model->columns().size()));
    const int available = viewport()->width() - m_gutterWidth;
    return std::max(m_minColumnWidth, available / columns);
}

void DayCalendarView::updateScrollBars()
{
    const int columns = int(m_model->columns().size());
    const int contentWidth = columns * columnWidth();
    const int contentHeight =
        int((m_model->lastMinute() - m_model->firstMinute()) * m_pixelsPerMinute) +
        2 * m_topPadding;
    horizontalScrollBar()->setRange(
        0, std::max(0, contentWidth - (viewport()->width() - m_gutterWidth)));
    horizontalScrollBar()->setPageStep(viewport()->width() - m_gutterWidth);
    verticalScrollBar()->setRange(
        0, std::max(0, contentHeight - (viewport()->height() - m_headerHeight)));
    verticalScrollBar()->setPageStep(viewport()->height() - m_headerHeight);
}

void DayCalendarView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

QPoint DayCalendarView::pointAt(int column, int minute) const
{
    return {m_gutterWidth + column * columnWidth() - horizontalScrollBar()->value(),
            m_headerHeight + m_topPadding +
                int((minute - m_model->firstMinute()) * m_pixelsPerMinute) -
                verticalScrollBar()->value()};
}

int DayCalendarView::columnAt(int x) const
{
    if (x < m_gutterWidth)
        return -1;
    const int column = (x - m_gutterWidth + horizontalScrollBar()->value()) / columnWidth();
    return column < m_model->columns().size() ? column : -1;
}

int DayCalendarView::minuteAt(int y) const
{
    return m_model->firstMinute() +
           int((y - m_headerHeight - m_topPadding + verticalScrollBar()->value()) /
               m_pixelsPerMinute);
}

int DayCalendarView::slotOf(int column) const
{
    if (column < 0 || column >= m_model->columns().size())
        return 15;
    return std::max(5, m_model->columns().at(column).slotMinutes);
}

int DayCalendarView::snap(int column, int minute) const
{
    const int slot = slotOf(column);
    return std::clamp(minute / slot * slot, 0, 24 * 60 - slot);
}

std::optional<QDateTime> DayCalendarView::instantAt(int column, int minute) const
{
    if (column < 0 || column >= m_model->columns().size())
        return std::nullopt;
    const auto &c = m_model->columns().at(column);
    if (minute >= 24 * 60)
        return c.endUtc;
    return LocalTime::exactUtc(c.date, minute, m_model->zone());
}

QRect DayCalendarView::appointmentRect(int row) const
{
    if (row < 0 || row >= m_blocks.size())
        return {};
    const Block &b = m_blocks.at(row);
    const QPoint top = pointAt(b.column, b.startMinute);
    const QPoint bottom = pointAt(b.column, b.endMinute);
    const int width = (columnWidth() - 6) / b.lanes;
    return QRect(top.x() + 3 + b.lane * width, top.y() + 1, width - 1,
                 std::max(6, bottom.y() - top.y() - 2));
}

int DayCalendarView::rowAt(const QPoint &pos) const
{
    // Last painted is on top: search backwards.
    for (int row = int(m_blocks.size()) - 1; row >= 0; --row) {
        if (appointmentRect(row).contains(pos))
            return row;
    }
    return -1;
}

int DayCalendarView::rowAtCursor() const
{
    int found = -1;
    for (int row = 0; row < m_blocks.size(); ++row) {
        const Block &b = m_blocks.at(row);
        if (b.column == m_cursorColumn && b.startMinute <= m_cursorMinute &&
            m_cursorMinute < b.endMinute) {
            // Prefer appointments that take the time (not cancelled ones).
            const QString status =
                m_model->index(row).data(DayScheduleModel::StatusRole).toString();
            if (found < 0 ||
                (status != QLatin1String("cancelled") && status != QLatin1String("no-show")))
                found = row;
        }
    }
    return found;
}

QModelIndex DayCalendarView::currentAppointment() const
{
    return m_current;
}

void DayCalendarView::setCurrentAppointment(const QString &appointmentId)
{
    const int row = m_model->rowOf(appointmentId);
    if (row < 0)
        return;
    m_current = m_model->index(row);
    m_cursorColumn = m_blocks.at(row).column;
    m_cursorMinute = m_blocks.at(row).startMinute;
    ensureCursorVisible();
    viewport()->update();
    emit currentChanged();
}

void DayCalendarView::setCursor(int column, int minute)
{
    if (m_model->columns().isEmpty())
        return;
    m_cursorColumn = std::clamp(column, 0, int(m_model->columns().size()) - 1);
    m_cursorMinute = std::clamp(snap(m_cursorColumn, minute), 0, 24 * 60 - slotOf(m_cursorColumn));
    const int row = rowAtCursor();
    m_current = row >= 0 ? QPersistentModelIndex(m_model->index(row)) : QPersistentModelIndex();
    ensureCursorVisible();
    viewport()->update();
    emit currentChanged();
}

void DayCalendarView::scrollToMinute(int minute)
{
    verticalScrollBar()->setValue(int((minute - m_model->firstMinute()) * m_pixelsPerMinute));
}

void DayCalendarView::ensureCursorVisible()
{
    const QPoint top = pointAt(m_cursorColumn, m_cursorMinute);
    const QPoint bottom = pointAt(m_cursorColumn, m_cursorMinute + slotOf(m_cursorColumn));
    if (top.y() < m_headerHeight)
        verticalScrollBar()->setValue(verticalScrollBar()->value() - (m_headerHeight - top.y()));
    else if (bottom.y() > viewport()->height())
        verticalScrollBar()->setValue(verticalScrollBar()->value() +
                                      (bottom.y() - viewport()->height()));
    if (top.x() < m_gutterWidth)
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - (m_gutterWidth - top.x()));
    else if (top.x() + columnWidth() > viewport()->width())
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() +
                                        (top.x() + columnWidth() - viewport()->width()));
}

void DayCalendarView::paintBackground(QPainter &p, int firstColumn, int lastColumn)
{
    const QPalette pal = palette();
    const QColor closed = pal.color(QPalette::Window).darker(106);
    const QColor open = pal.color(QPalette::Base);
    const QColor line = pal.color(QPalette::Mid);
    QColor slotLine = line;
    slotLine.setAlpha(60);
    const int width = columnWidth();
    for (int c = firstColumn; c <= lastColumn; ++c) {
        const auto &column = m_model->columns().at(c);
        const qint64 dayStart = column.startUtc.toMSecsSinceEpoch();
        const QPoint top = pointAt(c, m_model->firstMinute());
        const QPoint bottom = pointAt(c, m_model->lastMinute());
        p.fillRect(QRect(top.x(), top.y(), width, bottom.y() - top.y()), closed);
        auto spanRect = [&](qint64 startMs, qint64 endMs) {
            const int from =
                minuteOf(c, QDateTime::fromMSecsSinceEpoch(std::max(startMs, dayStart), Qt::UTC));
            const int to = minuteOf(c, QDateTime::fromMSecsSinceEpoch(endMs, Qt::UTC));
            return QRect(top.x(), pointAt(c, from).y(), width,
                         pointAt(c, to).y() - pointAt(c, from).y());
        };
        for (const TimeSpan &w : column.working)
            p.fillRect(spanRect(w.startMs, w.endMs), open);
        for (const TimeSpan &o : column.off) {
            const QRect r = spanRect(o.startMs, o.endMs);
            p.fillRect(r, closed);
            p.fillRect(r, QBrush(line, Qt::BDiagPattern));
        }
        // Slot lines at the column's own grid; hours stronger.
        const int slot = slotOf(c);
        for (int m = (m_model->firstMinute() + slot - 1) / slot * slot; m < m_model->lastMinute();
             m += slot) {
            const int y = pointAt(c, m).y();
            if (y < m_headerHeight || y > viewport()->height())
                continue;
            p.setPen(m % 60 == 0 ? line : slotLine);
            p.drawLine(top.x(), y, top.x() + width, y);
        }
        p.setPen(line);
        p.drawLine(top.x() + width - 1, top.y(), top.x() + width - 1, bottom.y());
    }
}

QString DayCalendarView::blockTitle(const QFontMetrics &metrics, const QString &time,
                                    const QString &name, int width)
{
    // Stored as "Family, Given": the family name is what a receptionist looks for. The given
    // name goes first, then the time (the block's place says it); the family name stays.
    const QString family = name.section(QStringLiteral(", "), 0, 0);
    for (const QString &title :
         {time + QLatin1Char(' ') + name, time + QLatin1Char(' ') + family, family}) {
        if (metrics.horizontalAdvance(title) <= width)
            return title;
    }
    return metrics.elidedText(family, Qt::ElideRight, std::max(0, width));
}

void DayCalendarView::paintBlock(QPainter &p, int row, const QRect &r)
{
    const QModelIndex i = m_model->index(row);
    const QString status = i.data(DayScheduleModel::StatusRole).toString();
    const bool gone = status == QLatin1String("cancelled") || status == QLatin1String("no-show");
    QColor type(i.data(DayScheduleModel::ColorRole).toString());
    if (!type.isValid())
        type = palette().color(QPalette::Highlight);
    QColor fill = type.lighter(175);
    p.save();
    if (gone)
        p.setOpacity(0.55);
    QPainterPath path;
    path.addRoundedRect(QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
    p.fillPath(path, fill);
    if (gone)
        p.fillPath(path, QBrush(type.darker(120), Qt::FDiagPattern));
    p.fillRect(QRect(r.left(), r.top(), 4, r.height()), type);
    const bool current = m_current.isValid() && m_current.row() == row;
    p.setPen(
        QPen(current ? palette().color(QPalette::Highlight) : type.darker(130), current ? 2.5 : 1));
    p.drawPath(path);

    // Text: time and patient, then type; a status pill at the right (at the bottom when the
    // block has room for two lines); as much as the size allows.
    const QFontMetrics fm = fontMetrics();
    const QLocale locale;
    QRect text = r.adjusted(7, 1, -3, -1);
    const bool twoLines = text.height() >= fm.height() * 2;
    QString mark = statusMark(status);
    QString markKey = status;
    const QDateTime arrived = i.data(DayScheduleModel::ArrivedAtRole).toDateTime();
    if (status == QLatin1String("arrived") && arrived.isValid()) {
        const qint64 waited = arrived.secsTo(m_model->nowUtc()) / 60;
        mark = tr("waiting %1 min").arg(locale.toString(std::max<qint64>(0, waited)));
    }
    // A reply nobody handled: on two lines it takes the type's line; on one, the pill.
    const bool replied = !i.data(DayScheduleModel::PendingReplyRole).toString().isEmpty();
    if (replied && !twoLines) {
        mark = tr("replied", "the patient replied; short, on a calendar block");
        markKey = QStringLiteral("replied");
    }
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    const QFontMetrics sm(small);
    QFont bold = font();
    bold.setBold(true);
    bold.setStrikeOut(status == QLatin1String("cancelled"));
    const QFontMetrics bm(bold);
    const QDateTime start =
        i.data(DayScheduleModel::StartRole).toDateTime().toTimeZone(m_model->zone());
    const QString name = i.data(DayScheduleModel::PatientNameRole).toString();
    const QString time = shortTime(start.time());
    QRect pill;
    if (!mark.isEmpty()) {
        const int w = sm.horizontalAdvance(mark) + 8;
        pill = QRect(r.right() - w - 2, r.top() + 2, w, sm.height() + 2);
        if (twoLines)
            pill.moveTop(r.bottom() - pill.height() - 2);
        // On one line the pill gives way first: the name must fit beside it, whole.
        else if (bm.horizontalAdvance(time + QLatin1Char(' ') + name) <=
                 pill.left() - 3 - text.left())
            text.setRight(pill.left() - 3);
        else
            pill = QRect();
        if (pill.isValid() && pill.left() < r.left() + 6)
            pill = QRect();
    }
    p.setPen(QColor(0x21, 0x21, 0x21));
    p.setFont(bold);
    p.drawText(text, Qt::AlignLeft | Qt::AlignTop, blockTitle(bm, time, name, text.width()));
    if (twoLines) {
        p.setFont(font());
        QRect second = text.adjusted(0, fm.height(), 0, 0);
        if (pill.isValid() && second.top() + fm.height() > pill.top())
            second.setRight(pill.left() - 3);
        if (replied) {
            const StatusPalette::Colors colors =
                *StatusPalette::colorsFor(QStringLiteral("replied"), palette());
            p.setPen(colors.text);
            p.drawText(second, Qt::AlignLeft | Qt::AlignTop,
                       fm.elidedText(tr("↩ Patient replied"), Qt::ElideRight,
                                     std::max(0, second.width())));
            p.setPen(QColor(0x21, 0x21, 0x21));
        } else {
            p.drawText(second, Qt::AlignLeft | Qt::AlignTop,
                       fm.elidedText(i.data(DayScheduleModel::TypeNameRole).toString(),
                                     Qt::ElideRight, std::max(0, second.width())));
        }
    }
    if (pill.isValid()) {
        p.setOpacity(1.0);
        p.setFont(small);
        // The list's badge colours, so the calendar and the list agree.
        const StatusPalette::Colors colors =
            StatusPalette::colorsFor(markKey, palette())
                .value_or(StatusPalette::Colors{palette().color(QPalette::Button),
                                                palette().color(QPalette::ButtonText)});
        p.setPen(Qt::NoPen);
        p.setBrush(colors.background);
        p.drawRoundedRect(pill, 4, 4);
        p.setPen(colors.text);
        p.drawText(pill, Qt::AlignCenter, mark);
    }
    // Not yet on the server: a small hollow dot.
    if (i.data(DayScheduleModel::SyncStateRole).toString() == QLatin1String("pending")) {
        p.setPen(type.darker(150));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QPoint(r.right() - 5, r.top() + 5), 2, 2);
    }
    p.restore();
}

void DayCalendarView::paintRuler(QPainter &p)
{
    const QPalette pal = palette();
    p.fillRect(QRect(0, m_headerHeight, m_gutterWidth, viewport()->height()),
               pal.color(QPalette::Window));
    p.setPen(pal.color(QPalette::Text));
    const int h = fontMetrics().height();
    for (int m = m_model->firstMinute(); m <= m_model->lastMinute(); m += 60) {
        const int y = pointAt(0, m).y();
        if (y < m_headerHeight - h || y > viewport()->height())
            continue;
        const QString label = shortTime(QTime(m >= 24 * 60 ? 0 : m / 60, 0));
        p.drawText(QRect(2, y - h / 2, m_gutterWidth - 8, h), Qt::AlignRight | Qt::AlignVCenter,
                   label);
    }
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(m_gutterWidth - 1, m_headerHeight, m_gutterWidth - 1, viewport()->height());
}

void DayCalendarView::paintHeader(QPainter &p, int firstColumn, int lastColumn)
{
    const QPalette pal = palette();
    p.fillRect(QRect(0, 0, viewport()->width(), m_headerHeight), pal.color(QPalette::Window));
    const int width = columnWidth();
    for (int c = firstColumn; c <= lastColumn; ++c) {
        const auto &column = m_model->columns().at(c);
        const int x = pointAt(c, 0).x();
        const QRect cell(x, 0, width, m_headerHeight);
        if (c == m_cursorColumn)
            p.fillRect(cell, pal.color(QPalette::AlternateBase));
        const QColor chip(column.color);
        int textLeft = x + 6;
        if (chip.isValid()) {
            p.fillRect(QRect(x + 6, 6, 6, m_headerHeight - 12), chip);
            textLeft += 10;
        }
        p.setPen(pal.color(QPalette::Text));
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        const QRect text(textLeft, 4, x + width - textLeft - 4, m_headerHeight - 8);
        // At most two lines: break at the last space that lets the first line fit.
        const QFontMetrics bm(bold);
        QString first = column.title;
        QString second;
        if (bm.horizontalAdvance(first) > text.width()) {
            for (qsizetype i = first.size() - 1; i > 0; --i) {
                if (first.at(i) == QLatin1Char(' ') &&
                    bm.horizontalAdvance(first.left(i)) <= text.width()) {
                    second = first.mid(i + 1);
                    first = first.left(i);
                    break;
                }
            }
        }
        const QString lines =
            bm.elidedText(first, Qt::ElideRight, text.width()) +
            (second.isEmpty()
                 ? QString()
                 : QLatin1Char('\n') + bm.elidedText(second, Qt::ElideRight, text.width()));
        p.drawText(text, Qt::AlignLeft | Qt::AlignVCenter, lines);
        p.setFont(font());
        p.setPen(pal.color(QPalette::Mid));
        p.drawLine(x + width - 1, 0, x + width - 1, m_headerHeight);
    }
    p.drawLine(0, m_headerHeight - 1, viewport()->width(), m_headerHeight - 1);
}

void DayCalendarView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    p.fillRect(viewport()->rect(), palette().color(QPalette::Window).darker(106));
    const int columns = int(m_model->columns().size());
    if (columns == 0) {
        p.setPen(palette().color(QPalette::Text));
        p.drawText(viewport()->rect(), Qt::AlignCenter, tr("No practitioner works on this day."));
        return;
    }
    const int firstColumn = std::max(0, columnAt(m_gutterWidth));
    int lastColumn = columnAt(viewport()->width() - 1);
    if (lastColumn < 0)
        lastColumn = columns - 1;

    p.setClipRect(QRect(m_gutterWidth, m_headerHeight, viewport()->width() - m_gutterWidth,
                        viewport()->height() - m_headerHeight));
    paintBackground(p, firstColumn, lastColumn);

    // The free-slot cursor.
    {
        const QPoint top = pointAt(m_cursorColumn, m_cursorMinute);
        const QPoint bottom = pointAt(m_cursorColumn, m_cursorMinute + slotOf(m_cursorColumn));
        QColor c = palette().color(QPalette::Highlight);
        c.setAlpha(hasFocus() ? 70 : 35);
        p.fillRect(QRect(top.x() + 1, top.y(), columnWidth() - 2, bottom.y() - top.y()), c);
    }
    p.setRenderHint(QPainter::Antialiasing);
    const QRect visible = viewport()->rect();
    for (int row = 0; row < m_blocks.size(); ++row) {
        const Block &b = m_blocks.at(row);
        if (b.column < firstColumn || b.column > lastColumn)
            continue;
        const QRect r = appointmentRect(row);
        if (!r.intersects(visible))
            continue;
        paintBlock(p, row, r);
    }
    // The drag's outline where the appointment would go.
    if ((m_drag == Drag::Move || m_drag == Drag::Resize) && m_dragRow >= 0) {
        const QPoint top = pointAt(m_dragColumn, m_dragStartMinute);
        const QPoint bottom = pointAt(m_dragColumn, m_dragEndMinute);
        p.setPen(QPen(palette().color(QPalette::Highlight), 2, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(
            QRect(top.x() + 3, top.y() + 1, columnWidth() - 7, bottom.y() - top.y() - 2), 3, 3);
    }
    p.setRenderHint(QPainter::Antialiasing, false);

    // Now: a red line across the day (in the week view, across today's column).
    const QDateTime now = m_model->nowUtc();
    int nowColumn = -1;
    for (int c = 0; c < columns && nowColumn < 0; ++c) {
        if (now >= m_model->columns().at(c).startUtc && now < m_model->columns().at(c).endUtc)
            nowColumn = c;
    }
    const bool week = m_model->mode() == DayScheduleModel::ColumnMode::Week;
    if (nowColumn >= 0) {
        const int y = pointAt(nowColumn, minuteOf(nowColumn, now)).y() +
                      int(now.time().second() / 60.0 * m_pixelsPerMinute);
        p.setPen(QPen(QColor(0xd3, 0x2f, 0x2f), 2));
        const int left = week ? pointAt(nowColumn, 0).x() : m_gutterWidth;
        const int right = week ? left + columnWidth() : viewport()->width();
        p.drawLine(left, y, right, y);
    }
    p.setClipping(false);
    paintRuler(p);
    paintHeader(p, firstColumn, lastColumn);
    if (nowColumn >= 0) {
        const int y = pointAt(nowColumn, minuteOf(nowColumn, now)).y();
        if (y >= m_headerHeight) {
            p.setRenderHint(QPainter::Antialiasing);
            p.setBrush(QColor(0xd3, 0x2f, 0x2f));
            p.setPen(Qt::NoPen);
            p.drawEllipse(QPoint(m_gutterWidth - 4, y), 4, 4);
        }
    }
    p.fillRect(QRect(0, 0, m_gutterWidth, m_headerHeight), palette().color(QPalette::Window));
}

void DayCalendarView::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    const QPoint pos = event->position().toPoint();
    const int column = columnAt(pos.x());
    if (column < 0 || pos.y() < m_headerHeight)
        return;
    const int row = rowAt(pos);
    if (row >= 0) {
        m_current = m_model->index(row);
        m_cursorColumn = m_blocks.at(row).column;
        m_cursorMinute = snap(m_cursorColumn, m_blocks.at(row).startMinute);
        if (event->button() == Qt::LeftButton) {
            const QRect r = appointmentRect(row);
            m_drag = pos.y() >= r.bottom() - kResizeHandle ? Drag::Resize : Drag::Pending;
            m_pressPos = pos;
            m_dragRow = row;
            m_dragColumn = m_blocks.at(row).column;
            m_dragStartMinute = m_blocks.at(row).startMinute;
            m_dragEndMinute = m_blocks.at(row).endMinute;
        }
    } else {
        m_current = QPersistentModelIndex();
        m_cursorColumn = column;
        m_cursorMinute = snap(column, minuteAt(pos.y()));
    }
    viewport()->update();
    emit currentChanged();
}

void DayCalendarView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_drag == Drag::None) {
        const int row = rowAt(pos);
        const bool edge = row >= 0 && pos.y() >= appointmentRect(row).bottom() - kResizeHandle;
        viewport()->setCursor(edge ? Qt::SizeVerCursor : Qt::ArrowCursor);
        return;
    }
    if (m_drag == Drag::Pending) {
        if ((pos - m_pressPos).manhattanLength() < QApplication::startDragDistance())
            return;
        m_drag = Drag::Move;
    }
    const Block &b = m_blocks.at(m_dragRow);
    const int length = b.endMinute - b.startMinute;
    if (m_drag == Drag::Move) {
        const int column = columnAt(pos.x());
        if (column >= 0)
            m_dragColumn = column;
        const int delta = int((pos.y() - m_pressPos.y()) / m_pixelsPerMinute);
        m_dragStartMinute =
            std::clamp(snap(m_dragColumn, b.startMinute + delta + slotOf(m_dragColumn) / 2), 0,
                       24 * 60 - length);
        m_dragEndMinute = m_dragStartMinute + length;
    } else {
        const int slot = slotOf(b.column);
        const int end = snap(b.column, minuteAt(pos.y()) + slot / 2);
        m_dragEndMinute = std::clamp(end, b.startMinute + slot, 24 * 60);
    }
    viewport()->update();
}

void DayCalendarView::mouseReleaseEvent(QMouseEvent *)
{
    const Drag drag = m_drag;
    m_drag = Drag::None;
    viewport()->update();
    if ((drag != Drag::Move && drag != Drag::Resize) || m_dragRow < 0)
        return;
    const Block &b = m_blocks.at(m_dragRow);
    if (m_dragColumn == b.column && m_dragStartMinute == b.startMinute &&
        m_dragEndMinute == b.endMinute)
        return;
    const QModelIndex index = m_model->index(m_dragRow);
    // Keep the length in real time: a DST night does not stretch the appointment.
    const QDateTime start = index.data(DayScheduleModel::StartRole).toDateTime();
    const QDateTime end = index.data(DayScheduleModel::EndRole).toDateTime();
    const auto newStart =
        drag == Drag::Move ? instantAt(m_dragColumn, m_dragStartMinute) : std::optional(start);
    if (!newStart)
        return;
    const QDateTime newEnd = drag == Drag::Move
                                 ? newStart->addSecs(start.secsTo(end))
                                 : instantAt(m_dragColumn, m_dragEndMinute).value_or(end);
    emit moveRequested(index, m_dragColumn, *newStart, newEnd);
}

void DayCalendarView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const int column = columnAt(pos.x());
    if (column < 0 || pos.y() < m_headerHeight)
        return;
    m_drag = Drag::None;
    const int row = rowAt(pos);
    if (row >= 0) {
        emit appointmentActivated(m_model->index(row));
        return;
    }
    const int minute = snap(column, minuteAt(pos.y()));
    if (const auto start = instantAt(column, minute))
        emit bookRequested(column, *start);
}

void DayCalendarView::moveCurrentBy(int columns, int minutes, int lengthMinutes)
{
    if (!m_current.isValid())
        return;
    const QModelIndex index = m_current;
    const Block &b = m_blocks.at(index.row());
    const int column = std::clamp(b.column + columns, 0, int(m_model->columns().size()) - 1);
    const QDateTime start = index.data(DayScheduleModel::StartRole).toDateTime();
    const QDateTime end = index.data(DayScheduleModel::EndRole).toDateTime();
    // By wall time in the target column (another day in the week view); the length in real
    // time, so a DST night neither stretches nor shrinks the appointment.
    const auto newStart = instantAt(column, b.startMinute + minutes);
    if (!newStart)
        return;
    const QDateTime newEnd = newStart->addSecs(start.secsTo(end) + qint64(lengthMinutes) * 60);
    if (newEnd <= *newStart)
        return;
    emit moveRequested(index, column, *newStart, newEnd);
}

void DayCalendarView::keyPressEvent(QKeyEvent *event)
{
    const int slot = slotOf(m_cursorColumn);
    const auto mods = event->modifiers();
    if (mods & Qt::ControlModifier) {
        switch (event->key()) {
        case Qt::Key_Up:
            return moveCurrentBy(0, -slot, 0);
        case Qt::Key_Down:
            return moveCurrentBy(0, slot, 0);
        case Qt::Key_Left:
            return moveCurrentBy(-1, 0, 0);
        case Qt::Key_Right:
            return moveCurrentBy(1, 0, 0);
        default:
            break;
        }
    } else if (mods & Qt::ShiftModifier) {
        switch (event->key()) {
        case Qt::Key_Up:
            return moveCurrentBy(0, 0, -slot);
        case Qt::Key_Down:
            return moveCurrentBy(0, 0, slot);
        default:
            break;
        }
    }
    switch (event->key()) {
    case Qt::Key_Up:
        return setCursor(m_cursorColumn, m_cursorMinute - slot);
    case Qt::Key_Down:
        return setCursor(m_cursorColumn, m_cursorMinute + slot);
    case Qt::Key_Left:
        return setCursor(m_cursorColumn - 1, m_cursorMinute);
    case Qt::Key_Right:
        return setCursor(m_cursorColumn + 1, m_cursorMinute);
    case Qt::Key_Home:
        return setCursor(m_cursorColumn, m_model->firstMinute());
    case Qt::Key_End:
        return setCursor(m_cursorColumn, m_model->lastMinute() - slot);
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_current.isValid()) {
            emit appointmentActivated(m_current);
        } else if (const auto start = instantAt(m_cursorColumn, m_cursorMinute)) {
            emit bookRequested(m_cursorColumn, *start);
        }
        return;
    case Qt::Key_Menu:
        if (m_current.isValid())
            emit contextMenuRequested(
                m_current, viewport()->mapToGlobal(appointmentRect(m_current.row()).center()));
        return;
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
}

void DayCalendarView::contextMenuEvent(QContextMenuEvent *event)
{
    if (event->reason() == QContextMenuEvent::Mouse) {
        const int row = rowAt(viewport()->mapFrom(this, event->pos()));
        if (row < 0)
            return;
        m_current = m_model->index(row);
        viewport()->update();
        emit currentChanged();
        emit contextMenuRequested(m_current, event->globalPos());
    } else if (m_current.isValid()) {
        emit contextMenuRequested(
            m_current, viewport()->mapToGlobal(appointmentRect(m_current.row()).center()));
    }
}

void DayCalendarView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        // Zoom, keeping at least a readable line per slot.
        const double factor = event->angleDelta().y() > 0 ? 1.2 : 1 / 1.2;
        m_pixelsPerMinute = std::clamp(m_pixelsPerMinute * factor, 0.8, 6.0);
        updateScrollBars();
        viewport()->update();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

bool DayCalendarView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int row = rowAt(help->pos());
        if (row >= 0) {
            const QModelIndex i = m_model->index(row);
            const QDateTime s =
                i.data(DayScheduleModel::StartRole).toDateTime().toTimeZone(m_model->zone());
            const QDateTime e =
                i.data(DayScheduleModel::EndRole).toDateTime().toTimeZone(m_model->zone());
            // Everything a small block leaves out: status, waiting time, type, room.
            QToolTip::showText(help->globalPos(),
                               tr("%1–%2 %3\n%4 with %5\n%6\nRoom: %7\n%8")
                                   .arg(shortTime(s.time()), shortTime(e.time()),
                                        i.data(DayScheduleModel::TypeNameRole).toString(),
                                        i.data(DayScheduleModel::PatientNameRole).toString(),
                                        i.data(DayScheduleModel::PractitionerNameRole).toString(),
                                        i.data(DayScheduleModel::ReasonRole).toString(),
                                        i.data(DayScheduleModel::LocationNameRole).toString(),
                                        DayCalendarAccessible::statusText(this, row)),
                               viewport());
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace frontdesk
