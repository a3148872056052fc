// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the triage workbench GUI tests: a private HOME/XDG environment for the test
// process, and a synthetic workspace built from input FILES (Trivy reports of the fleet of
// tests/core/store/fleet.h, its inventories, a KEV feed) imported through store::runImport.
//
// The workspace holds, at the analysis time kNow (2025-07-01):
//   * 7 images (fleet.h's runtime ground truth), each with a deterministic subset of a pool
//     of 10 vulnerabilities of mixed vendor severity, package-name case, fix state and CVSS;
//   * CVE-2025-0002 and CVE-2025-0007 in the KEV feed;
//   * one finding resolved (image 1 re-scanned later without CVE-2025-0001);
//   * one finding suppressed (image 2's CVE-2025-0099 in ExperimentalModifiedFindings);
//   * optionally (hostile = true) an image 8 whose package is named
//     `<script>alert(1)</script>` (CVE-2025-6666), and a finding whose vulnerability id
//     holds a single quote (kQuoteVuln);
//   * advisory text (advisories()) for CVE-2025-0001 (a title, a description long enough to
//     be cut, 11 distinct references, CWEs, an alias) and, when hostile, for CVE-2025-6666
//     (markup and quotes in every field, javascript:, data: and file: references).

#include "fleet.h"
#include "store/importrunner.h"
#include "store/workspace.h"

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <cstdint>
#include <memory>

namespace workbenchfixture {

namespace store = patchwise::store;

// 2025-07-01T00:00:00Z
inline constexpr std::int64_t kNow = 1751328000;

inline const QString kHostilePackage = QStringLiteral("<script>alert(1)</script>");
inline const QString kHostileVuln = QStringLiteral("CVE-2025-6666");
// An id that closes the single-quoted href of the details' advisory link.
inline const QString kQuoteVuln = QStringLiteral("OSV-2025-1'style='color:red");

// The pool every image draws from. Package names differ in case on purpose (the Package
// sort is case-insensitive).
inline QList<fleet::Vuln> pool()
{
    using V = fleet::Vuln;
    const QString crit = QStringLiteral("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");  // 9.8
    const QString local = QStringLiteral("CVSS:3.1/AV:L/AC:H/PR:L/UI:R/S:U/C:L/I:N/A:N"); // low
    const QString medium = QStringLiteral("CVSS:3.1/AV:N/AC:H/PR:L/UI:R/S:U/C:L/I:L/A:N");
    const QString adjacent = QStringLiteral("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:L/A:N");
    const QString date1 = QStringLiteral("2024-03-01T00:00:00Z");
    const QString date2 = QStringLiteral("2025-05-20T00:00:00Z");
    return {
        V{QStringLiteral("CVE-2025-0001"), QStringLiteral("openssl"), crit, 4},
        V{QStringLiteral("CVE-2025-0002"), QStringLiteral("Zlib"), adjacent, 3},
        V{QStringLiteral("CVE-2025-0003"), QStringLiteral("bash"), local, 1, QString()},
        V{QStringLiteral("CVE-2025-0004"),
          QStringLiteral("libXml2"),
          medium,
          2,
          QStringLiteral("2.12"),
          date1},
        V{QStringLiteral("CVE-2025-0005"), QStringLiteral("curl"), crit, 3, QStringLiteral("8.1")},
        V{QStringLiteral("CVE-2025-0006"), QStringLiteral("Apache-Commons"), local, 2},
        V{QStringLiteral("CVE-2025-0007"), QStringLiteral("glibc"), medium, 1, QString(), date2},
        V{QStringLiteral("CVE-2025-0008"),
          QStringLiteral("PCRE2"),
          adjacent,
          4,
          QStringLiteral("10.44"),
          date1},
        V{QStringLiteral("CVE-2025-0009"), QStringLiteral("expat"), crit, 2, QStringLiteral("2.6")},
        V{QStringLiteral("CVE-2025-0010"), QStringLiteral("libpng"), medium, 3, QString()},
    };
}

// Image n's vulnerabilities: a deterministic subset of the pool (every image has some).
inline QList<fleet::Vuln> vulnsOf(int n)
{
    QList<fleet::Vuln> out;
    const QList<fleet::Vuln> all = pool();
    for (int i = 0; i < all.size(); ++i)
        if ((i + n) % 3 != 0 || i == 0)
            out << all.at(i);
    return out;
}

// CVE-2025-0001's advisory text.
inline const QString kLongTitle =
    QStringLiteral("openssl: buffer overflow in X.509 certificate name checks");
inline const QStringList kLongParagraphs = {
    QStringLiteral(
        "A buffer overrun can be triggered in X.509 certificate verification, specifically in "
        "name constraint checking. Note that this occurs after certificate chain signature "
        "verification and requires either a CA to have signed the malicious certificate or for "
        "the application to continue certificate verification despite failure to construct a "
        "path to a trusted issuer."),
    QStringLiteral(
        "An attacker can craft a malicious email address to overflow four attacker-controlled "
        "bytes on the stack. This buffer overflow could result in a crash (causing a denial of "
        "service) or potentially remote code execution. Many platforms implement stack "
        "overflow protections which would mitigate against the risk of remote code execution."),
    QStringLiteral("In a TLS client, this can be triggered by connecting to a malicious server. "
                   "In a TLS server, this can be triggered if the server requests client "
                   "authentication and a malicious client connects. TAIL-OF-THE-DESCRIPTION"),
};
inline const QString kAlias = QStringLiteral("GHSA-abcd-efgh-ijkl");
// CVE-2025-0001's references, as reported (unsorted, one repeated with stray spaces).
inline QStringList longReferences()
{
    QStringList refs;
    for (int i = 11; i >= 1; --i)
        refs << QStringLiteral("https://example.org/advisories/%1").arg(i, 2, 10, QLatin1Char('0'));
    refs << QStringLiteral("  https://example.org/advisories/03 ");
    return refs;
}

// CVE-2025-6666's advisory text: markup and quotes everywhere.
inline const QString kHostileTitle = QStringLiteral("<b onmouseover=\"alert(2)\">bold</b> 'title'");
inline const QString kHostileDescription = QStringLiteral(
    "<script>alert('description')</script> <img src=x onerror=\"alert(1)\"> \"double\" "
    "'single' & <a href=\"javascript:alert(4)\">click</a>");
inline const QString kJavascriptUrl = QStringLiteral("javascript:alert(document.cookie)");
inline const QString kDataUrl =
    QStringLiteral("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==");
inline const QString kFileUrl = QStringLiteral("file:///etc/passwd");
inline const QString kQuotedUrl =
    QStringLiteral("https://example.com/x?a=1&b=\"><script>alert(3)</script>");
inline const QString kSafeUrl = QStringLiteral("https://safe.example/advisory");

// The advisory fields a Trivy vulnerability object gets, by id.
inline QMap<QString, QJsonObject> advisories()
{
    return {
        {QStringLiteral("CVE-2025-0001"),
         QJsonObject{
             {QStringLiteral("Title"), kLongTitle},
             {QStringLiteral("Description"), kLongParagraphs.join(QStringLiteral("\n\n"))},
             {QStringLiteral("References"), QJsonArray::fromStringList(longReferences())},
             {QStringLiteral("CweIDs"),
              QJsonArray{QStringLiteral("CWE-787"), QStringLiteral("NVD-CWE-Other")}},
             {QStringLiteral("VendorIDs"), QJsonArray{kAlias}},
             {QStringLiteral("LastModifiedDate"), QStringLiteral("2025-02-03T00:00:00Z")},
         }},
        {kHostileVuln,
         QJsonObject{
             {QStringLiteral("Title"), kHostileTitle},
             {QStringLiteral("Description"), kHostileDescription},
             {QStringLiteral("References"),
              QJsonArray{kJavascriptUrl, kDataUrl, kFileUrl, kQuotedUrl, kSafeUrl}},
             {QStringLiteral("CweIDs"),
              QJsonArray{QStringLiteral("CWE-79"), QStringLiteral("CWE-79\"><img src=x>")}},
         }},
    };
}

// `report` (a Trivy report) with advisories() merged into its vulnerabilities.
inline std::string withAdvisories(const std::string &report)
{
    const QMap<QString, QJsonObject> extra = advisories();
    QJsonObject root = QJsonDocument::fromJson(QByteArray::fromStdString(report)).object();
    QJsonArray results = root.value(QStringLiteral("Results")).toArray();
    for (qsizetype r = 0; r < results.size(); ++r) {
        QJsonObject result = results.at(r).toObject();
        QJsonArray vulns = result.value(QStringLiteral("Vulnerabilities")).toArray();
        for (qsizetype v = 0; v < vulns.size(); ++v) {
            QJsonObject vuln = vulns.at(v).toObject();
            const auto fields =
                extra.find(vuln.value(QStringLiteral("VulnerabilityID")).toString());
            if (fields == extra.end())
                continue;
            for (auto it = fields->begin(); it != fields->end(); ++it)
                vuln.insert(it.key(), it.value());
            vulns.replace(v, vuln);
        }
        result.insert(QStringLiteral("Vulnerabilities"), vulns);
        results.replace(r, result);
    }
    root.insert(QStringLiteral("Results"), results);
    return QJsonDocument(root).toJson().toStdString();
}

inline QString writeFile(const QString &path, const std::string &content)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(content.data(), qint64(content.size()));
    return f.fileName();
}

inline std::string kevFeed(const QStringList &ids)
{
    QJsonArray entries;
    for (const QString &id : ids)
        entries.append(QJsonObject{
            {QStringLiteral("cveID"), id},
            {QStringLiteral("vendorProject"), QStringLiteral("Example")},
            {QStringLiteral("product"), QStringLiteral("Lib")},
            {QStringLiteral("vulnerabilityName"), QStringLiteral("Example flaw")},
            {QStringLiteral("dateAdded"), QStringLiteral("2025-05-01")},
            {QStringLiteral("dueDate"), QStringLiteral("2025-05-22")},
            {QStringLiteral("knownRansomwareCampaignUse"), QStringLiteral("Unknown")},
            {QStringLiteral("requiredAction"), QStringLiteral("Patch")},
            {QStringLiteral("notes"), QString()},
            {QStringLiteral("cwes"), QJsonArray{}},
        });
    return QJsonDocument(QJsonObject{
                             {QStringLiteral("title"),
                              QStringLiteral("CISA Catalog of Known Exploited Vulnerabilities")},
                             {QStringLiteral("catalogVersion"), QStringLiteral("2025.06.30")},
                             {QStringLiteral("count"), qint64(entries.size())},
                             {QStringLiteral("vulnerabilities"), entries},
                         })
        .toJson()
        .toStdString();
}

// A Trivy report of image n with `suppressed` listed under ExperimentalModifiedFindings
// (VEX not_affected), as Trivy writes it.
inline std::string
trivyWithSuppressed(int n, const QList<fleet::Vuln> &vulns, const fleet::Vuln &suppressed)
{
    QJsonObject root =
        QJsonDocument::fromJson(QByteArray::fromStdString(fleet::trivy(n, vulns))).object();
    const QJsonObject one =
        QJsonDocument::fromJson(QByteArray::fromStdString(fleet::trivy(n, {suppressed}))).object();
    const QJsonObject finding = one.value(QStringLiteral("Results"))
                                    .toArray()
                                    .at(0)
                                    .toObject()
                                    .value(QStringLiteral("Vulnerabilities"))
                                    .toArray()
                                    .at(0)
                                    .toObject();
    QJsonArray results = root.value(QStringLiteral("Results")).toArray();
    QJsonObject result = results.at(0).toObject();
    result.insert(
        QStringLiteral("ExperimentalModifiedFindings"),
        QJsonArray{QJsonObject{
            {QStringLiteral("Type"), QStringLiteral("vulnerability")},
            {QStringLiteral("Status"), QStringLiteral("not_affected")},
            {QStringLiteral("Statement"), QStringLiteral("vulnerable_code_not_in_execute_path")},
            {QStringLiteral("Source"), QStringLiteral("vex.openvex.json")},
            {QStringLiteral("Finding"), finding},
        }});
    results.replace(0, result);
    root.insert(QStringLiteral("Results"), results);
    return QJsonDocument(root).toJson().toStdString();
}

// Imports `paths` into the workspace at `db` in one snapshot; returns the report.
inline store::ImportReport importFiles(const QString &db, const QStringList &paths)
{
    auto ws = store::Workspace::open(db.toStdString());
    if (!ws)
        qFatal("cannot open the workspace: %s", ws.error().c_str());
    store::ImportRequest request;
    for (const QString &p : paths)
        request.paths.push_back(p.toStdString());
    return store::runImport(**ws, request);
}

inline std::int64_t countRows(const QString &db, const char *table)
{
    auto ws = store::Workspace::open(db.toStdString());
    if (!ws)
        qFatal("cannot open the workspace: %s", ws.error().c_str());
    return (*ws)->count(table);
}

// Builds the synthetic workspace in `dir` and returns its path ("" and a test failure
// message on error).
inline QString buildWorkspace(const QTemporaryDir &dir, bool hostile = false)
{
    const QString db = dir.filePath(QStringLiteral("ws.pw"));
    const QString in = dir.filePath(QStringLiteral("inputs"));
    QDir().mkpath(in);
    const auto write = [&](const QString &name, const std::string &content) {
        return writeFile(in + u'/' + name, content);
    };
    const fleet::Vuln suppressed{QStringLiteral("CVE-2025-0099"),
                                 QStringLiteral("ncurses"),
                                 QStringLiteral("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
                                 4};
    QStringList files;
    for (int n = 1; n <= 7; ++n)
        files << write(QStringLiteral("t%1.json").arg(n),
                       withAdvisories(n == 2 ? trivyWithSuppressed(n, vulnsOf(n), suppressed)
                                             : fleet::trivy(n, vulnsOf(n))));
    if (hostile)
        files << write(
            QStringLiteral("t8.json"),
            withAdvisories(fleet::trivy(8,
                                        {fleet::Vuln{kHostileVuln,
                                                     kHostilePackage,
                                                     QStringLiteral("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/"
                                                                    "S:U/C:H/I:H/A:H"),
                                                     4},
                                         fleet::Vuln{kQuoteVuln, QStringLiteral("libquote")}})));
    files << write(QStringLiteral("pods.json"), fleet::pods())
          << write(QStringLiteral("svc.json"), fleet::services())
          << write(QStringLiteral("ing.json"), fleet::ingresses())
          << write(QStringLiteral("docker.json"), fleet::docker())
          << write(QStringLiteral("kev.json"),
                   kevFeed({QStringLiteral("CVE-2025-0002"), QStringLiteral("CVE-2025-0007")}));
    const store::ImportReport first = importFiles(db, files);
    if (!first.committed || !first.failures.empty()) {
        qWarning("import failed: %s",
                 first.failures.empty() ? "not committed" : first.failures.front().error.c_str());
        return {};
    }
    // Image 1 re-scanned two weeks later without CVE-2025-0001: that finding is resolved.
    QList<fleet::Vuln> rescan = vulnsOf(1);
    rescan.removeFirst();
    const store::ImportReport second = importFiles(
        db,
        {write(QStringLiteral("t1-later.json"),
               fleet::trivy(1, rescan, {}, {}, QStringLiteral("2025-06-15T00:00:00Z")))});
    if (!second.committed || !second.failures.empty()) {
        qWarning("re-scan import failed");
        return {};
    }
    return db;
}

// Points HOME and the XDG folders at a private temporary folder before the application
// exists, so QSettings and QStandardPaths never touch the user's files (initTestCase also
// turns on QStandardPaths' test mode, which then lives under this HOME).
inline std::unique_ptr<QTemporaryDir> isolateEnvironment()
{
    auto home = std::make_unique<QTemporaryDir>();
    if (!home->isValid())
        qFatal("no temporary folder");
    qputenv("HOME", home->path().toUtf8());
    qputenv("XDG_CONFIG_HOME", home->filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", home->filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CACHE_HOME", home->filePath(QStringLiteral("cache")).toUtf8());
    qputenv("XDG_RUNTIME_DIR", home->path().toUtf8()); // QTemporaryDir is 0700
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return home;
}

} // namespace workbenchfixture

// QTEST_MAIN with a private environment set up before QApplication is constructed.
#define PATCHWISE_GUI_TEST_MAIN(TestObject)                                                        \
    int main(int argc, char *argv[])                                                               \
    {                                                                                              \
        const auto home = workbenchfixture::isolateEnvironment();                                  \
        QApplication app(argc, argv);                                                              \
        app.setAttribute(Qt::AA_Use96Dpi, true);                                                   \
        QApplication::setOrganizationName(QStringLiteral("PatchwiseTests"));                       \
        QApplication::setApplicationName(QStringLiteral(#TestObject));                             \
        TestObject tc;                                                                             \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&tc, argc, argv);                                                      \
    }
