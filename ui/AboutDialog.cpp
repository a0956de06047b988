#include "AboutDialog.h"

#include "BuildInfo.h"
#include "core/LocaleFormat.h"

#include <QDate>
#include <QDialogButtonBox>
#include <QFile>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QVBoxLayout>

namespace frontdesk {

AboutDialog::AboutDialog(const QString &databasePath, const QString &cipherVersion, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Frontdesk"));
    setObjectName(QStringLiteral("aboutDialog"));

    auto *heading = new QLabel(this);
    heading->setObjectName(QStringLiteral("aboutHeading"));
    heading->setTextFormat(Qt::RichText);
    heading->setWordWrap(true);
    heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    heading->setText(
        tr("<h3>Frontdesk %1</h3>"
           "<p>The front desk of a clinic: appointments, patients, messages and figures, "
           "on a workstation that keeps working when the network is down.</p>"
           "<p>Commit %2, built on %3 with Qt %4; running on Qt %5.</p>"
           "<p>Database: %6</p>")
            .arg(BuildInfo::version(), BuildInfo::commit(),
                 LocaleFormat::fullYearDate(QDate::fromString(BuildInfo::date(), Qt::ISODate)),
                 QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()),
                 databasePath.toHtmlEscaped()));

    m_components = new QTableWidget(0, 3, this);
    m_components->setObjectName(QStringLiteral("components"));
    m_components->setAccessibleName(tr("Libraries"));
    m_components->setHorizontalHeaderLabels({tr("Library"), tr("Version"), tr("Licence")});
    m_components->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_components->setSelectionMode(QAbstractItemView::SingleSelection);
    m_components->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_components->verticalHeader()->hide();
    m_components->horizontalHeader()->setStretchLastSection(true);
    for (const BuildInfo::Component &component : BuildInfo::components()) {
        const int row = m_components->rowCount();
        m_components->insertRow(row);
        // SQLCipher is linked in: the database reports the version actually running.
        const QString version =
            component.name == QLatin1String("SQLCipher") && !cipherVersion.isEmpty() ? cipherVersion
            : component.name == QLatin1String("Qt") ? QString::fromLatin1(qVersion())
                                                    : component.version;
        m_components->setItem(row, 0, new QTableWidgetItem(component.name));
        m_components->setItem(row, 1, new QTableWidgetItem(version));
        m_components->setItem(row, 2, new QTableWidgetItem(component.licence));
    }
    m_components->resizeColumnsToContents();

    m_licence = new QPlainTextEdit(this);
    m_licence->setObjectName(QStringLiteral("licenceText"));
    m_licence->setAccessibleName(tr("Licence text"));
    m_licence->setReadOnly(true);
    m_licence->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_licence->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    connect(m_components, &QTableWidget::currentCellChanged, this,
            [this](int row) { showLicence(row); });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_components);
    layout->addWidget(m_licence, 1);
    layout->addWidget(buttons);
    resize(720, 600);
    if (m_components->rowCount() > 0)
        m_components->selectRow(0);
}

QString AboutDialog::licenceText(const QString &component)
{
    QFile file(QStringLiteral(":/licences/%1.txt").arg(component));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

void AboutDialog::showLicence(int row)
{
    if (row < 0)
        return;
    const QString name = m_components->item(row, 0)->text();
    const QString text = licenceText(name);
    m_licence->setPlainText(
        text.isEmpty() ? tr("This build carries no licence text for %1; see the licence named "
                            "in the table.")
                             .arg(name)
                       : text);
}

} // namespace frontdesk
