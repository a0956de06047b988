#pragma once

#include <QFrame>

class QLabel;

namespace frontdesk {

// One dashboard figure: its name, today's value large, the longer period's value below.
class FigureTile : public QFrame
{
    Q_OBJECT
public:
    explicit FigureTile(const QString &name, QWidget *parent = nullptr);

    void setValues(const QString &today, const QString &period, const QString &periodName);
    QString todayText() const;

private:
    QLabel *m_name;
    QLabel *m_today;
    QLabel *m_period;
};

} // namespace frontdesk
