#include "DayListExport.h"

#include "DayScheduleModel.h"
#include "access/AccessGuard.h"
#include "access/AuditedExport.h"
#include "core/LocaleFormat.h"
#include "domain/AppointmentLabels.h"

#include <QBuffer>
#include <QFile>
#include <QJsonObject>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QPrinter>
#include <QTextDocument>

namespace frontdesk {

QString DayListExport::html(const DayScheduleModel &model, const QString &practitionerId,
                            const QString &clinicName)
{
    const QLocale locale;
    const QString timeFormat = LocaleFormat::timeFormat(locale);
    const ScheduleSnapshot &s = model.snapshot();
    QString out = QStringLiteral("<html><body style=\"font-family: sans-serif; font-size: 10pt\">");
    bool firstPage = true;
    for (const Practitioner &p : s.practitioners) {
        if (!practitionerId.isEmpty() && p.meta.id != practitionerId)
            continue;
        QString rows;
        int count = 0;
        for (const AppointmentRow &r : s.appointments) {
            const Appointment &a = r.appointment;
            if (a.practitionerId != p.meta.id)
                continue;
            const auto type = s.types.constFind(a.type);
            rows += QStringLiteral("<tr><td>%1–%2</td><td>%3</td><td>%4</td><td>%5</td>"
                                   "<td>%6</td><td>%7</td><td>%8</td><td>%9</td></tr>")
                        .arg(locale.toString(a.start.toTimeZone(s.zone).time(), timeFormat),
                             locale.toString(a.end.toTimeZone(s.zone).time(), timeFormat),
                             r.patientName.toHtmlEscaped(),
                             r.patientBirthDate.isValid()
                                 ? LocaleFormat::fullYearDate(r.patientBirthDate, locale)
                                 : QString(),
                             r.patientPhone.toHtmlEscaped(),
                             (type == s.types.constEnd() ? a.type : type->name).toHtmlEscaped(),
                             a.reason.toHtmlEscaped(), r.locationName.toHtmlEscaped(),
                             AppointmentLabels::status(a.status));
            ++count;
        }
        // Everyone's list: a practitioner without appointments that day gets no empty page.
        if (count == 0 && practitionerId.isEmpty())
            continue;
        out += QStringLiteral("<h2 style=\"%1\">%2</h2><p>%3%4 — %5</p>")
                   .arg(firstPage ? QString() : QStringLiteral("page-break-before: always"),
                        p.displayName().toHtmlEscaped(),
                        clinicName.isEmpty() ? QString()
                                             : clinicName.toHtmlEscaped() + QStringLiteral(" · "),
                        locale.toString(s.firstDay, QLocale::LongFormat),
                        tr("%n appointment(s)", nullptr, count));
        out += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" "
                              "border=\"1\" style=\"border-collapse: collapse\">"
                              "<tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th>"
                              "<th>%6</th><th>%7</th><th>%8</th></tr>")
                   .arg(tr("Time"), tr("Patient"), tr("Born"), tr("Phone"), tr("Type"),
                        tr("Reason"), tr("Room"), tr("Status")) +
               rows + QStringLiteral("</table>");
        firstPage = false;
    }
    if (firstPage)
        out += QStringLiteral("<h2>%1</h2><p>%2</p>")
                   .arg(clinicName.toHtmlEscaped(),
                        tr("No appointments on %1.")
                            .arg(locale.toString(s.firstDay, QLocale::LongFormat)));
    out += QStringLiteral("</body></html>");
    return out;
}

Status DayListExport::writePdf(Database &db, const DayScheduleModel &model,
                               const QString &practitionerId, const QString &clinicName,
                               const QString &path)
{
    if (auto allowed = AccessGuard(db).require(Permission::ViewSchedule); !allowed)
        return allowed;
    QBuffer pdf;
    pdf.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&pdf);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setTitle(tr("Day list %1").arg(LocaleFormat::fullYearDate(model.date())));
        QTextDocument document;
        document.setHtml(html(model, practitionerId, clinicName));
        document.print(&writer);
    }
    // QPdfWriter reports no errors: an empty document was not written.
    if (pdf.data().isEmpty())
        return fail(tr("Could not make the PDF for %1.").arg(path));
    return AuditedExport::write(path, pdf.data(), [&] {
        return AccessGuard(db).recordDisclosure(
            QStringLiteral("export"), QStringLiteral("day-list"), {},
            QJsonObject{{QStringLiteral("date"), model.date().toString(Qt::ISODate)},
                        {QStringLiteral("practitioner"), practitionerId},
                        {QStringLiteral("file"), path}});
    });
}

Status DayListExport::print(Database &db, const DayScheduleModel &model,
                            const QString &practitionerId, const QString &clinicName,
                            QPrinter &printer)
{
    if (auto allowed = AccessGuard(db).require(Permission::ViewSchedule); !allowed)
        return allowed;
    // Recorded before the paper comes out: what the trail cannot record is not printed.
    if (auto recorded = AccessGuard(db).recordDisclosure(
            QStringLiteral("print"), QStringLiteral("day-list"), {},
            QJsonObject{{QStringLiteral("date"), model.date().toString(Qt::ISODate)},
                        {QStringLiteral("practitioner"), practitionerId},
                        {QStringLiteral("printer"), printer.printerName()}});
        !recorded)
        return recorded;
    printer.setDocName(tr("Day list %1").arg(LocaleFormat::fullYearDate(model.date())));
    QTextDocument document;
    document.setHtml(html(model, practitionerId, clinicName));
    document.print(&printer);
    return {};
}

} // namespace frontdesk
