#pragma once

#include <QAbstractScrollArea>
#include <QDateTime>
#include <QPersistentModelIndex>

class QFontMetrics;

namespace frontdesk {

class DayScheduleModel;

// The receptionist's day: one column per practitioner (or room), time down the side, working
// hours white and the rest shaded, time off hatched, appointments as blocks coloured by type
// and marked by status, and a line at the current time. Painted by hand over DayScheduleModel:
// 30 columns and 600 appointments stay smooth because only what is visible is drawn, from a
// layout computed once per model reset.
//
// Keyboard: arrows move the cursor by one slot or column; Enter books the free slot under the
// cursor or opens the appointment there; Ctrl+arrows move the appointment, Shift+Up/Down
// shorten or lengthen it by one slot. Mouse: double-click books or opens, drag moves (to another
// time or column), dragging the lower edge resizes, right-click asks for the context menu.
class DayCalendarView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit DayCalendarView(DayScheduleModel *model, QWidget *parent = nullptr);

    DayScheduleModel *model() const { return m_model; }
    // The appointment under the cursor (an invalid index when the cursor is on free time).
    QModelIndex currentAppointment() const;
    void setCurrentAppointment(const QString &appointmentId);
    int cursorColumn() const { return m_cursorColumn; }
    int cursorMinute() const { return m_cursorMinute; }
    // The first line of an appointment's block in width pixels: time and whole name when they
    // fit, else the time and the family name, else the family name alone (elided only when even
    // that does not fit). The status and type give way before the name does.
    static QString blockTitle(const QFontMetrics &metrics, const QString &time, const QString &name,
                              int width);
    void setCursor(int column, int minute);
    double pixelsPerMinute() const { return m_pixelsPerMinute; }

    // Geometry, in viewport coordinates, for tests and tooltips.
    QRect appointmentRect(int row) const;
    QPoint pointAt(int column, int minute) const;
    void scrollToMinute(int minute);

signals:
    // A free slot was chosen for booking: the column's id (practitioner or room) and start.
    void bookRequested(int column, const QDateTime &startUtc);
    void appointmentActivated(const QModelIndex &index);
    // A drag, resize or keyboard move: the new column and times; the owner decides.
    void moveRequested(const QModelIndex &index, int column, const QDateTime &startUtc,
                       const QDateTime &endUtc);
    void contextMenuRequested(const QModelIndex &index, const QPoint &globalPos);
    void currentChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    struct Block
    {
        int column = -1;
        int startMinute = 0;
        int endMinute = 0;
        int lane = 0;
        int lanes = 1;
    };
    enum class Drag
    {
        None,
        Pending,
        Move,
        Resize
    };

    void relayout();
    void updateScrollBars();
    int columnWidth() const;
    int columnAt(int x) const;
    int minuteAt(int y) const;
    int minuteOf(int column, const QDateTime &utc) const;
    int slotOf(int column) const;
    int snap(int column, int minute) const;
    std::optional<QDateTime> instantAt(int column, int minute) const;
    int rowAt(const QPoint &pos) const;
    int rowAtCursor() const;
    void moveCurrentBy(int columns, int minutes, int lengthMinutes);
    void ensureCursorVisible();
    void paintBackground(QPainter &p, int firstColumn, int lastColumn);
    void paintBlock(QPainter &p, int row, const QRect &rect);
    void paintRuler(QPainter &p);
    void paintHeader(QPainter &p, int firstColumn, int lastColumn);

    DayScheduleModel *m_model;
    QList<Block> m_blocks;
    double m_pixelsPerMinute = 1.6;
    int m_headerHeight = 0;
    int m_topPadding = 0;
    int m_gutterWidth = 0;
    int m_minColumnWidth = 0;
    int m_cursorColumn = 0;
    int m_cursorMinute = 8 * 60;
    QPersistentModelIndex m_current;
    Drag m_drag = Drag::None;
    QPoint m_pressPos;
    int m_dragRow = -1;
    int m_dragColumn = -1;
    int m_dragStartMinute = 0;
    int m_dragEndMinute = 0;
};

} // namespace frontdesk
