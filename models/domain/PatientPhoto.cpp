#include "PatientPhoto.h"

#include <QCryptographicHash>
#include <QLocale>

namespace frontdesk {

QString PatientPhoto::contentTypeOf(const QByteArray &bytes)
{
    static const QByteArray png("\x89PNG\r\n\x1a\n", 8);
    static const QByteArray jpeg("\xff\xd8\xff", 3);
    if (bytes.startsWith(png))
        return QStringLiteral("image/png");
    if (bytes.startsWith(jpeg))
        return QStringLiteral("image/jpeg");
    return {};
}

Status PatientPhoto::validateBytes(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return fail(tr("The photo is empty."));
    if (bytes.size() > kMaxBytes)
        return fail(tr("The photo is %1; at most %2 is allowed.")
                        .arg(QLocale().formattedDataSize(bytes.size()),
                             QLocale().formattedDataSize(kMaxBytes)));
    if (contentTypeOf(bytes).isEmpty())
        return fail(tr("The photo must be a JPEG or PNG image."));
    return {};
}

QString PatientPhoto::sha256() const
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

Status PatientPhoto::validate() const
{
    if (patientId.isEmpty())
        return fail(tr("A photo needs a patient."));
    return validateBytes(data);
}

} // namespace frontdesk
