#include "CtlCommand.h"

#include "access/AccessGuard.h"
#include "access/AuditedExport.h"
#include "interop/FhirExporter.h"
#include "interop/FhirImporter.h"
#include "patients/DuplicateFinder.h"
#include "patients/PatientMerge.h"
#include "patients/PatientSearch.h"
#include "storage/PatientRepository.h"

#include <QDir>
#include <QFile>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace frontdesk {

namespace {

// The patient record from the command line: search, FHIR import/export, duplicates and merge.
class PatientCommands
{
    Q_DECLARE_TR_FUNCTIONS(PatientCommands)
public:
    static QList<CtlCommand> all();

private:
    static int search(CtlContext &c, const QCommandLineParser &p, const QStringList &args);
    static int importFhir(CtlContext &c, const QCommandLineParser &p, const QStringList &args);
    static int exportFhir(CtlContext &c, const QCommandLineParser &p, const QStringList &args);
    static int exportAll(CtlContext &c, Database &db, const QString &dir, const QString &reason);
    static int duplicates(CtlContext &c, const QCommandLineParser &p, const QStringList &args);
    static int merge(CtlContext &c, const QCommandLineParser &p, const QStringList &args);
    static QCommandLineOption jsonOption()
    {
        return QCommandLineOption(QStringLiteral("json"), tr("Print JSON."));
    }
};

int PatientCommands::search(CtlContext &c, const QCommandLineParser &p, const QStringList &args)
{
    if (args.isEmpty() && !p.isSet(QStringLiteral("reindex")))
        return c.usage(tr("search needs the text to look for, e.g. frontdeskctl search "
                          "\"mueller anna\"."));
    bool ok = true;
    const int limit =
        p.isSet(QStringLiteral("limit")) ? p.value(QStringLiteral("limit")).toInt(&ok) : 20;
    if (!ok || limit < 1 || limit > 1000)
        return c.usage(tr("--limit must be a number from 1 to 1000."));
    auto opened = c.openDatabase();
    if (!opened)
        return c.failure(opened.error());
    PatientSearch search(*opened->database);
    if (p.isSet(QStringLiteral("reindex"))) {
        QElapsedTimer timer;
        timer.start();
        auto n = search.rebuildIndex();
        if (!n)
            return c.failure(n.error());
        c.err() << tr("Indexed %1 patients in %2 s.")
                       .arg(QLocale().toString(*n))
                       .arg(QLocale().toString(double(timer.elapsed()) / 1000.0, 'f', 1))
                << '\n';
        c.err().flush();
        if (args.isEmpty())
            return CtlContext::Ok;
    }
    auto hits = search.search(args.join(QLatin1Char(' ')), limit);
    if (!hits)
        return c.failure(hits.error());
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray out;
        for (const PatientSearchHit &h : *hits)
            out.append(QJsonObject{
                {QStringLiteral("id"), h.patientId},
                {QStringLiteral("mrn"), h.mrn},
                {QStringLiteral("familyName"), h.familyName},
                {QStringLiteral("givenName"), h.givenName},
                {QStringLiteral("birthDate"),
                 h.birthDate.isValid() ? h.birthDate.toString(Qt::ISODate) : QString()},
                {QStringLiteral("phone"), h.phone},
                {QStringLiteral("email"), h.email},
                {QStringLiteral("score"), h.score},
                {QStringLiteral("matchedOn"), QJsonArray::fromStringList(h.matchedOn)}});
        c.out() << QJsonDocument(out).toJson(QJsonDocument::Indented);
        return CtlContext::Ok;
    }
    if (hits->isEmpty()) {
        c.out() << tr("No patient matches \"%1\".").arg(args.join(QLatin1Char(' '))) << '\n';
        return CtlContext::Ok;
    }
    const QLocale locale;
    for (const PatientSearchHit &h : *hits)
        c.out() << h.mrn.leftJustified(12) << ' ' << h.displayName().leftJustified(32) << ' '
                << (h.birthDate.isValid() ? locale.toString(h.birthDate, QLocale::ShortFormat)
                                          : QString())
                       .leftJustified(12)
                << ' ' << h.phone.leftJustified(18) << ' ' << h.matchedOn.join(QStringLiteral(", "))
                << '\n';
    return CtlContext::Ok;
}

int PatientCommands::importFhir(CtlContext &c, const QCommandLineParser &p, const QStringList &args)
{
    if (args.size() != 1)
        return c.usage(tr("import-fhir needs one FILE or DIR of FHIR R4 Bundles (.json)."));
    FhirImportOptions options;
    options.matchSystems = p.values(QStringLiteral("match-system"));
    for (const QString &system : std::as_const(options.matchSystems))
        if (system.trimmed().isEmpty())
            return c.usage(tr("--match-system needs an identifier system URI."));
    if (p.isSet(QStringLiteral("max-size"))) {
        bool ok = false;
        const qint64 mib = p.value(QStringLiteral("max-size")).toLongLong(&ok);
        if (!ok || mib < 1 || mib > 64 * 1024)
            return c.usage(tr("--max-size must be a number of MiB from 1 to 65536."));
        options.maxBytes = mib * 1024 * 1024;
    }
    auto opened = c.openDatabase();
    if (!opened)
        return c.failure(opened.error());
    auto reports = FhirImporter(*opened->database, options).importPath(args.first());
    if (!reports)
        return c.failure(reports.error());
    int failed = 0;
    for (const FhirImporter::FileReport &r : *reports) {
        if (!r.imported) {
            ++failed;
            c.err() << tr("%1: not imported (%n problem(s); nothing from this file was kept):",
                          nullptr, int(r.errors.size()))
                           .arg(r.file)
                    << '\n';
            for (const QString &e : r.errors)
                c.err() << "  " << e << '\n';
            continue;
        }
        QStringList kept;
        for (auto it = r.kept.begin(); it != r.kept.end(); ++it)
            kept << QStringLiteral("%1 %2").arg(it.value()).arg(it.key());
        c.out() << tr("%1: imported %2 (%3 new, %4 updated, %5 unchanged).")
                       .arg(r.file, kept.join(QStringLiteral(", ")))
                       .arg(r.created)
                       .arg(r.updated)
                       .arg(r.unchanged)
                << '\n';
        if (!r.notKept.isEmpty()) {
            QStringList skipped;
            for (auto it = r.notKept.begin(); it != r.notKept.end(); ++it)
                skipped << QStringLiteral("%1 %2").arg(it.value()).arg(it.key());
            c.out() << "  " << tr("not kept locally: %1").arg(skipped.join(QStringLiteral(", ")))
                    << '\n';
        }
    }
    c.err().flush();
    if (failed > 0)
        return c.failure(tr("%1 of %2 files were not imported.").arg(failed).arg(reports->size()));
    return CtlContext::Ok;
}

int PatientCommands::exportFhir(CtlContext &c, const QCommandLineParser &p, const QStringList &)
{
    const QString id = p.value(QStringLiteral("patient"));
    const bool all = p.isSet(QStringLiteral("all"));
    if (id.isEmpty() == !all)
        return c.usage(tr("export-fhir needs either --patient ID (the id from search --json) or "
                          "--all --output DIR."));
    const QString target = p.value(QStringLiteral("output"));
    if (all && (target.isEmpty() || target == QLatin1String("-")))
        return c.usage(tr("export-fhir --all needs --output DIR: it writes one file per patient."));
    auto opened = c.openDatabase();
    if (!opened)
        return c.failure(opened.error());
    Database &db = *opened->database;
    const QString reason = p.value(QStringLiteral("reason"));
    if (all)
        return exportAll(c, db, target, reason);
    // An unknown id is a mistake to report, not a clinical record to open.
    if (auto patient = PatientRepository(db).get(id); !patient)
        return c.failure(patient.error());
    auto access = AccessGuard(db).openClinical(id, ClinicalRead::FhirExport, reason);
    if (!access)
        return c.refused(access.error());
    auto bundle = FhirExporter(db).exportPatient(*access);
    if (!bundle)
        return c.failure(bundle.error());
    const QByteArray json = QJsonDocument(*bundle).toJson(QJsonDocument::Indented);
    if (target.isEmpty() || target == QLatin1String("-")) {
        c.out() << QString::fromUtf8(json);
        return CtlContext::Ok;
    }
    // exportPatient has committed its audit entry, or failed above.
    if (auto s = AuditedExport::write(target, json, {}); !s)
        return c.failure(s.error());
    c.err() << tr("Wrote the record of patient %1 to %2.").arg(id, target) << '\n';
    return CtlContext::Ok;
}

int PatientCommands::exportAll(CtlContext &c, Database &db, const QString &dir,
                               const QString &reason)
{
    auto patients = PatientRepository(db).live();
    if (!patients)
        return c.failure(patients.error());
    QStringList ids;
    for (const Patient &patient : std::as_const(*patients))
        ids << patient.meta.id;
    // Nobody's care needs every record at once: the reason is asked for always, and recorded
    // once for the whole export, before any file is written.
    auto tokens = AccessGuard(db).openClinicalBulk(ids, ClinicalRead::FhirExport, reason);
    if (!tokens)
        return c.refused(tokens.error());
    if (!QDir().mkpath(dir))
        return c.failure(tr("Could not create the directory %1.").arg(dir));
    for (const ClinicalAccess &access : std::as_const(*tokens)) {
        auto bundle = FhirExporter(db).exportPatient(access);
        if (!bundle)
            return c.failure(bundle.error());
        const QString path = QDir(dir).filePath(access.patientId() + QStringLiteral(".json"));
        if (auto s = AuditedExport::write(
                path, QJsonDocument(*bundle).toJson(QJsonDocument::Indented), {});
            !s)
            return c.failure(s.error());
    }
    c.err()
        << tr("Wrote the records of %n patient(s) to %1.", nullptr, int(tokens->size())).arg(dir)
        << '\n';
    return CtlContext::Ok;
}

int PatientCommands::duplicates(CtlContext &c, const QCommandLineParser &p, const QStringList &)
{
    bool ok = true;
    const int limit =
        p.isSet(QStringLiteral("limit")) ? p.value(QStringLiteral("limit")).toInt(&ok) : 50;
    if (!ok || limit < 1)
        return c.usage(tr("--limit must be a positive number."));
    auto opened = c.openDatabase();
    if (!opened)
        return c.failure(opened.error());
    auto pairs = DuplicateFinder(*opened->database).scan(limit);
    if (!pairs)
        return c.failure(pairs.error());
    auto describe = [](const Patient &x) {
        return QJsonObject{{QStringLiteral("id"), x.meta.id},
                           {QStringLiteral("mrn"), x.mrn},
                           {QStringLiteral("name"), x.displayName()},
                           {QStringLiteral("birthDate"), x.birthDate.toString(Qt::ISODate)},
                           {QStringLiteral("phone"), x.phoneMobile}};
    };
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray out;
        for (const auto &pair : *pairs)
            out.append(QJsonObject{
                {QStringLiteral("score"), pair.score.score},
                {QStringLiteral("reasons"), QJsonArray::fromStringList(pair.score.reasons)},
                {QStringLiteral("first"), describe(pair.first)},
                {QStringLiteral("second"), describe(pair.second)}});
        c.out() << QJsonDocument(out).toJson(QJsonDocument::Indented);
        return CtlContext::Ok;
    }
    if (pairs->isEmpty())
        c.out() << tr("No possible duplicates.") << '\n';
    for (const auto &pair : *pairs)
        c.out() << QString::number(pair.score.score).rightJustified(3) << "  " << pair.first.mrn
                << ' ' << pair.first.displayName() << "  ~  " << pair.second.mrn << ' '
                << pair.second.displayName() << "  ("
                << pair.score.reasons.join(QStringLiteral(", ")) << ")\n";
    return CtlContext::Ok;
}

int PatientCommands::merge(CtlContext &c, const QCommandLineParser &p, const QStringList &)
{
    PatientMerge::Plan plan;
    plan.survivorId = p.value(QStringLiteral("survivor"));
    plan.mergedId = p.value(QStringLiteral("merged"));
    if (plan.survivorId.isEmpty() || plan.mergedId.isEmpty())
        return c.usage(tr("merge needs --survivor ID and --merged ID."));
    QStringList known;
    for (const auto &f : PatientMerge::fields())
        known << f.key;
    for (const QString &key :
         p.value(QStringLiteral("take")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!known.contains(key.trimmed()))
            return c.usage(tr("unknown field \"%1\" in --take (fields: %2).")
                               .arg(key, known.join(QStringLiteral(", "))));
        plan.choices.insert(key.trimmed(), PatientMerge::Side::Merged);
    }
    auto opened = c.openDatabase();
    if (!opened)
        return c.failure(opened.error());
    auto outcome = PatientMerge(*opened->database).merge(plan);
    if (!outcome)
        return c.refused(outcome.error());
    QStringList moved;
    for (auto it = outcome->moved.begin(); it != outcome->moved.end(); ++it)
        if (it.value() > 0)
            moved << QStringLiteral("%1 %2").arg(it.value()).arg(it.key());
    c.out() << tr("Merged %1 into %2 (%3). Moved: %4.")
                   .arg(plan.mergedId, plan.survivorId, outcome->survivor.displayName(),
                        moved.isEmpty() ? tr("nothing") : moved.join(QStringLiteral(", ")))
            << '\n';
    return CtlContext::Ok;
}

QList<CtlCommand> PatientCommands::all()
{
    return {
        {QStringLiteral("search"),
         QStringLiteral("TEXT"),
         tr("Find patients by name, birth date, phone, MRN or e-mail, best match first."),
         {jsonOption(),
          QCommandLineOption(QStringLiteral("limit"), tr("At most N results (default 20)."),
                             QStringLiteral("N")),
          QCommandLineOption(QStringLiteral("reindex"),
                             tr("Rebuild the search index first (TEXT may then be left out)."))},
         &PatientCommands::search},
        {QStringLiteral("import-fhir"),
         QStringLiteral("FILE|DIR"),
         tr("Import FHIR R4 Bundles (as Synthea writes them) into the local database."),
         {QCommandLineOption(QStringLiteral("match-system"),
                             tr("Identifiers of this system are our MRNs too: a patient with "
                                "one is the local patient of that MRN (may be repeated; our "
                                "own MRN system always counts)."),
                             QStringLiteral("URI")),
          QCommandLineOption(QStringLiteral("max-size"),
                             tr("Refuse files larger than this many MiB (default 256)."),
                             QStringLiteral("MIB"))},
         &PatientCommands::importFhir},
        {QStringLiteral("export-fhir"),
         {},
         tr("Write one patient's record (or every patient's) as a FHIR R4 Bundle."),
         {QCommandLineOption(QStringLiteral("patient"), tr("The patient's id."),
                             QStringLiteral("ID")),
          QCommandLineOption(QStringLiteral("all"),
                             tr("Every patient, one file each in the directory --output names; "
                                "needs --reason.")),
          QCommandLineOption(QStringLiteral("reason"),
                             tr("Why the clinical records are read (at least 5 characters, "
                                "recorded in the audit trail): needed when the patient has no "
                                "appointment today, and always with --all."),
                             QStringLiteral("TEXT")),
          QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")},
                             tr("Write to FILE (a directory with --all) instead of standard "
                                "output."),
                             QStringLiteral("FILE"))},
         &PatientCommands::exportFhir},
        {QStringLiteral("duplicates"),
         {},
         tr("List possible duplicate patients, most likely first."),
         {jsonOption(),
          QCommandLineOption(QStringLiteral("limit"), tr("At most N pairs (default 50)."),
                             QStringLiteral("N"))},
         &PatientCommands::duplicates},
        {QStringLiteral("merge"),
         {},
         tr("Merge a duplicate patient into the surviving record (kept as a link)."),
         {QCommandLineOption(QStringLiteral("survivor"), tr("The record that stays."),
                             QStringLiteral("ID")),
          QCommandLineOption(QStringLiteral("merged"),
                             tr("The record merged into it (kept as a link)."),
                             QStringLiteral("ID")),
          QCommandLineOption(QStringLiteral("take"),
                             tr("Fields to take from the merged record, e.g. phoneMobile,email."),
                             QStringLiteral("FIELDS"))},
         &PatientCommands::merge},
    };
}

} // namespace

QList<CtlCommand> patientCommands()
{
    return PatientCommands::all();
}

} // namespace frontdesk
