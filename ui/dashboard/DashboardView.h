#pragma once

#include <QList>
#include <QWidget>

class QLabel;

namespace frontdesk {

class DashboardModel;
class FigureTile;

// The front-desk figures as tiles: today large, the last 30 days beside it.
class DashboardView : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardView(DashboardModel *model, QWidget *parent = nullptr);

    const QList<FigureTile *> &tiles() const { return m_tiles; }

private:
    void updateTiles();

    DashboardModel *m_model;
    QLabel *m_heading;
    QList<FigureTile *> m_tiles;
};

} // namespace frontdesk
