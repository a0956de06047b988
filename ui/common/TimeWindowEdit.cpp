#include "TimeWindowEdit.h"

#include "core/LocaleFormat.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QTimeEdit>

namespace frontdesk {

namespace {
int minuteOf(const QTime &t)
{
    return t.hour() * 60 + t.minute();
}

QTime timeOf(int minute)
{
    return minute >= 24 * 60 ? QTime(23, 59) : QTime(minute / 60, minute % 60);
}
} // namespace

TimeWindowEdit::TimeWindowEdit(int fromMinute, int toMinute, QWidget *parent)
    : QWidget(parent), m_from(new QTimeEdit(timeOf(fromMinute), this)),
      m_to(new QTimeEdit(timeOf(toMinute), this))
{
    m_from->setDisplayFormat(LocaleFormat::timeFormat());
    m_to->setDisplayFormat(LocaleFormat::timeFormat());
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_from);
    layout->addWidget(new QLabel(tr("to"), this));
    layout->addWidget(m_to);
    m_from->setAccessibleName(tr("Start time"));
    m_to->setAccessibleName(tr("End time"));
    setFocusProxy(m_from);
}

int TimeWindowEdit::fromMinute() const
{
    return minuteOf(m_from->time());
}

int TimeWindowEdit::toMinute() const
{
    const int to = minuteOf(m_to->time());
    return to == 23 * 60 + 59 ? 24 * 60 : to;
}

void TimeWindowEdit::setWindow(int fromMinute, int toMinute)
{
    m_from->setTime(timeOf(fromMinute));
    m_to->setTime(timeOf(toMinute));
}

} // namespace frontdesk
