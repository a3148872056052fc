// SPDX-License-Identifier: GPL-3.0-or-later
// The workspace: snapshots, history (first seen / resolved), deduplication, idempotence.

#include "ingest/reader.h"
#include "layers/factscache.h"
#include "store/importrunner.h"
#include "store/workspace.h"
#include "synthetic.h"
#include "util/timestamp.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <map>
#include <set>
#include <sqlite3.h>
#include <sys/stat.h>

using namespace patchwise;
using synthetic::read;

namespace {

std::map<std::string, store::FindingRow> byVuln(const std::vector<store::FindingRow> &rows)
{
    std::map<std::string, store::FindingRow> m;
    for (const auto &r : rows)
        m[r.vulnerability + "|" + r.image] = r;
    return m;
}

std::int64_t ts(const char *iso)
{
    return *parseTimestamp(iso);
}

// A Trivy report of image 77 with one finding of CVE-2024-1000 whose vulnerability object
// also has `fields` (JSON members: Title, Description, References, …).
std::string advisoryReport(const char *createdAt, const char *fields)
{
    return std::string(R"json({"SchemaVersion":2,"CreatedAt":")json") + createdAt +
           R"json(","ArtifactName":"registry.example/adv:1.0","ArtifactType":"container_image",
"Metadata":{"ImageID":")json" +
           synthetic::digestOf(77).toStdString() + R"json(","OS":{"Family":"debian","Name":"12.5"}},
"Results":[{"Target":"adv (debian 12.5)","Class":"os-pkgs","Type":"debian","Vulnerabilities":[
{"VulnerabilityID":"CVE-2024-1000","PkgName":"libx","InstalledVersion":"1.0","Severity":"HIGH",)json" +
           fields + "}]}]}";
}

// CVE-2024-1000 as two reports describe it.
constexpr const char *kFirstAdvisory =
    "\"Title\":\"libx: heap overflow\",\"Description\":\"First.\\n\\nSecond <b>x</b>.\","
    "\"PublishedDate\":\"2024-02-01T00:00:00Z\",\"LastModifiedDate\":\"2024-03-01T00:00:00Z\","
    "\"PrimaryURL\":\"https://nvd.nist.gov/vuln/detail/CVE-2024-1000\","
    "\"References\":[\"https://b.example/2\",\" https://a.example/1 \","
    "\"https://nvd.nist.gov/vuln/detail/CVE-2024-1000\",\"javascript:alert(1)\",\"\"],"
    "\"CweIDs\":[\"CWE-787\",\"NVD-CWE-Other\",\"CWE-20\"],"
    "\"VendorIDs\":[\"GHSA-aaaa-bbbb-cccc\",\"DSA-1000-1\"]";
constexpr const char *kLaterAdvisory =
    "\"Title\":\"another title\",\"Description\":\"Another.\","
    "\"LastModifiedDate\":\"2024-05-01T00:00:00Z\","
    "\"References\":[\"https://a.example/1\",\"https://c.example/3\"],"
    "\"CweIDs\":[\"CWE-119\",\"CWE-20\"]";

// Runs SQL on the workspace file through a connection of its own.
bool execOn(const std::string &path, const char *sql)
{
    sqlite3 *db = nullptr;
    const bool ok = sqlite3_open(path.c_str(), &db) == SQLITE_OK &&
                    sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

bool exists(const std::string &path)
{
    return QFileInfo::exists(QString::fromStdString(path));
}

} // namespace

class TestWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path =
            QDir(m_dir.path()).filePath(QStringLiteral("ws-%1.db").arg(++m_counter)).toStdString();
    }

    void decisionsKeepTheirHistory()
    {
        auto ws = store::Workspace::open(m_path);
        QVERIFY(ws);
        store::Decision d;
        d.scope = model::DecisionScope::Repository;
        d.scopeKey = "docker.io/library/nginx";
        d.vulnerability = "CVE-2025-1";
        d.package = "openssl";
        d.state = model::TriageState::RiskAccepted;
        d.reason = "WAF";
        d.expires = 2000;
        QCOMPARE(*(*ws)->recordDecisions({d}, "ana", 100), 1);
        QCOMPARE(*(*ws)->recordDecisions({d}, "ana", 150), 0); // the same again: nothing
        d.state = model::TriageState::FalsePositive;
        d.reason = "not linked";
        d.expires = 0;
        QCOMPARE(*(*ws)->recordDecisions({d}, "bo", 200), 1);
        const auto all = (*ws)->decisions();
        QVERIFY(all);
        QCOMPARE(all->size(), std::size_t(1)); // replaced, not added
        QCOMPARE(all->front().state, model::TriageState::FalsePositive);
        QCOMPARE(all->front().createdAt, std::int64_t(100));
        QCOMPARE(all->front().updatedAt, std::int64_t(200));
        QCOMPARE(all->front().expires, std::int64_t(0));
        const auto history = (*ws)->decisionHistory();
        QVERIFY(history);
        QCOMPARE(history->size(), std::size_t(2));
        QCOMPARE((*history)[0].who, std::string("ana"));
        QCOMPARE((*history)[0].before, std::string());
        QCOMPARE((*history)[0].after, std::string("risk-accepted|WAF|2000"));
        QCOMPARE((*history)[1].who, std::string("bo"));
        QCOMPARE((*history)[1].at, std::int64_t(200));
        QCOMPARE((*history)[1].before, std::string("risk-accepted|WAF|2000"));
        QCOMPARE((*history)[1].after, std::string("false-positive|not linked|"));
        // A failed batch records nothing: all or nothing.
        store::Decision other = d;
        other.vulnerability = "CVE-2025-2";
        QVERIFY(execOn(m_path,
                       "CREATE TRIGGER no_cve3 BEFORE INSERT ON decision WHEN "
                       "NEW.vuln_id = 'CVE-2025-3' BEGIN SELECT RAISE(ABORT, 'no'); END"));
        store::Decision bad = d;
        bad.vulnerability = "CVE-2025-3";
        ws = store::Workspace::open(m_path);
        QVERIFY(!(*ws)->recordDecisions({other, bad}, "cy", 300));
        QCOMPARE((*ws)->decisions()->size(), std::size_t(1));
        QCOMPARE((*ws)->decisionHistory()->size(), std::size_t(2));
    }

    // Schema 10 pins decisions to a version: a schema-9 decision comes through as "any
    // version", and the same (scope, vulnerability, package) may now carry one decision per
    // version next to the any-version one.
    void decisionsMigrateAndPinVersions()
    {
        {
            auto old = store::Workspace::open(m_path, 9);
            QVERIFY(old);
        }
        QVERIFY(execOn(m_path,
                       "INSERT INTO decision(scope, scope_key, vuln_id, pkg_name, state, reason, "
                       "created_at, updated_at) VALUES ('fleet', '', 'CVE-2025-9', 'zlib', "
                       "'fixed', 'rebuilt', 10, 20)"));
        auto ws = store::Workspace::open(m_path);
        QVERIFY(ws);
        auto all = (*ws)->decisions();
        QVERIFY(all);
        QCOMPARE(all->size(), std::size_t(1));
        QCOMPARE(all->front().version, std::string());
        QCOMPARE(all->front().state, model::TriageState::Fixed);
        QCOMPARE(all->front().reason, std::string("rebuilt"));
        QCOMPARE(all->front().createdAt, std::int64_t(10));
        store::Decision pinned = all->front();
        pinned.version = "1.2.13";
        pinned.state = model::TriageState::NotAffected;
        pinned.justification = "code_not_reachable";
        QCOMPARE(*(*ws)->recordDecisions({pinned}, "vex", 30), 1);
        all = (*ws)->decisions();
        QCOMPARE(all->size(), std::size_t(2)); // added next to the any-version one
        QCOMPARE(all->back().version, std::string("1.2.13"));
        // Removing takes exactly the keyed decision and records what it was.
        QCOMPARE(*(*ws)->removeDecisions({pinned}, "ana", 40), 1);
        QCOMPARE(*(*ws)->removeDecisions({pinned}, "ana", 41), 0); // gone already
        all = (*ws)->decisions();
        QCOMPARE(all->size(), std::size_t(1));
        QCOMPARE(all->front().version, std::string());
        const auto history = (*ws)->decisionHistory();
        QCOMPARE(history->size(), std::size_t(2));
        QCOMPARE(history->back().who, std::string("ana"));
        QCOMPARE(history->back().before, std::string("not-affected|rebuilt|"));
        QCOMPARE(history->back().after, std::string());
    }

    // A new workspace, and the -wal SQLite writes beside it, are readable by the owner only.
    void newWorkspacesAreOwnerOnly()
    {
        auto ws = store::Workspace::open(m_path);
        QVERIFY(ws);
        const auto scan =
            synthetic::trivyReport(1,
                                   QStringLiteral("2025-01-10T10:00:00Z"),
                                   {synthetic::Vuln{QStringLiteral("CVE-2024-0100")}});
        QVERIFY((*ws)->import({read("scan.json", scan)}, {}));
        for (const std::string &file : {m_path, m_path + "-wal"}) {
            struct stat st = {};
            QVERIFY2(::stat(file.c_str(), &st) == 0, file.c_str());
            QCOMPARE(st.st_mode & 0777, mode_t(0600));
        }
        // An existing file keeps the permissions its owner gave it.
        ws->reset();
        QVERIFY(::chmod(m_path.c_str(), 0640) == 0);
        ws = store::Workspace::open(m_path);
        QVERIFY(ws);
        struct stat st = {};
        QVERIFY(::stat(m_path.c_str(), &st) == 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0640));
    }

    void createsCurrentSchema()
    {
        auto ws = store::Workspace::open(m_path);
        QVERIFY2(ws, ws ? "" : ws.error().c_str());
        QCOMPARE((*ws)->userVersion(), store::Workspace::schemaVersion());
        // Opening again does not migrate twice.
        ws = store::Workspace::open(m_path);
        QVERIFY(ws);
        QCOMPARE((*ws)->userVersion(), store::Workspace::schemaVersion());
    }

    // Every older schema version migrates to the current one, and the result works.
    void migratesFromEveryOlderVersion()
    {
        for (int v = 0; v < store::Workspace::schemaVersion(); ++v) {
            const std::string path = m_path + ".v" + std::to_string(v);
            {
                auto old = store::Workspace::open(path, v);
                QVERIFY2(old, old ? "" : old.error().c_str());
                QCOMPARE((*old)->userVersion(), v);
            }
            auto ws = store::Workspace::open(path);
            QVERIFY2(ws, ws ? "" : ws.error().c_str());
            QCOMPARE((*ws)->userVersion(), store::Workspace::schemaVersion());
            const auto scan =
                synthetic::trivyReport(20 + v,
                                       QStringLiteral("2025-01-10T10:00:00Z"),
                                       {synthetic::Vuln{QStringLiteral("CVE-2024-0100")}});
            QVERIFY((*ws)->import({read("scan.json", scan)}, {}));
            QCOMPARE((*ws)->findings()->size(), std::size_t(1));
        }
    }

    void refusesForeignAndNewerFiles()
    {
        QFile f(QString::fromStdString(m_path));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            "this is not a database, just text that is long enough to not be empty............");
        f.close();
        auto ws = store::Workspace::open(m_path);
        QVERIFY(!ws);
        QVERIFY(QString::fromStdString(ws.error()).contains(QString::fromStdString(m_path)));

        // A workspace from a future schema: PRAGMA user_version lives in bytes 60..63 of
        // the database header (big-endian), so the test can set it without SQL.
        const std::string newer = m_path + ".newer";
        {
            auto w = store::Workspace::open(newer);
            QVERIFY(w);
        }
        QFile db(QString::fromStdString(newer));
        QVERIFY(db.open(QIODevice::ReadWrite));
        QVERIFY(db.seek(60));
        db.write(QByteArray("\x00\x00\x00\x63", 4)); // 99
        db.close();
        auto future = store::Workspace::open(newer);
        QVERIFY(!future);
        QVERIFY2(QString::fromStdString(future.error()).contains(QStringLiteral("newer Patchwise")),
                 future.error().c_str());
    }

    void historyAcrossScans_data()
    {
        QTest::addColumn<bool>("bulk");
        QTest::newRow("bulk mode") << true;
        QTest::newRow("incremental mode") << false;
    }

    void historyAcrossScans()
    {
        QFETCH(bool, bulk);
        store::ImportOptions mode;
        mode.bulkModeUpTo = bulk ? 200000 : -1;
        auto ws = *store::Workspace::open(m_path);
        using synthetic::Vuln;
        const auto scan1 = synthetic::trivyReport(
            1,
            QStringLiteral("2025-01-10T10:00:00+01:00"),
            {Vuln{QStringLiteral("CVE-2024-0001")}, Vuln{QStringLiteral("CVE-2024-0002")}});
        const auto scan2 = synthetic::trivyReport(
            1,
            QStringLiteral("2025-02-10T09:00:00Z"),
            {Vuln{QStringLiteral("CVE-2024-0002")}, Vuln{QStringLiteral("CVE-2024-0003")}});
        QVERIFY(ws->import({read("scan1.json", scan1)}, mode));
        QVERIFY(ws->import({read("scan2.json", scan2)}, mode));
        auto rows = byVuln(*ws->findings());
        QCOMPARE(rows.size(), std::size_t(3));
        const std::string image = "registry.example/app1:1.0";
        const auto &gone = rows["CVE-2024-0001|" + image];
        QCOMPARE(gone.firstSeen, ts("2025-01-10T09:00:00Z"));
        QCOMPARE(gone.lastSeen, ts("2025-01-10T09:00:00Z"));
        QVERIFY(gone.resolvedAt);
        QCOMPARE(*gone.resolvedAt, ts("2025-02-10T09:00:00Z"));
        const auto &stays = rows["CVE-2024-0002|" + image];
        QCOMPARE(stays.firstSeen, ts("2025-01-10T09:00:00Z"));
        QCOMPARE(stays.lastSeen, ts("2025-02-10T09:00:00Z"));
        QVERIFY(!stays.resolvedAt);
        const auto &fresh = rows["CVE-2024-0003|" + image];
        QCOMPARE(fresh.firstSeen, ts("2025-02-10T09:00:00Z"));
        QCOMPARE(fresh.layerIndex, 0);
        QCOMPARE(fresh.imageDigest, synthetic::digestOf(1).toStdString());
        QCOMPARE(fresh.repoDigests.size(), std::size_t(1));

        // A backfilled older scan moves first-seen back without resolving anything.
        const auto scan0 = synthetic::trivyReport(
            1, QStringLiteral("2025-03-01T00:00:00Z"), {Vuln{QStringLiteral("CVE-2024-0003")}});
        store::ImportOptions backfill = mode;
        backfill.snapshotTime = ts("2024-12-01T00:00:00Z");
        QVERIFY(ws->import({read("scan0.json", scan0)}, backfill));
        rows = byVuln(*ws->findings());
        QCOMPARE(rows["CVE-2024-0003|" + image].firstSeen, ts("2024-12-01T00:00:00Z"));
        QVERIFY(!rows["CVE-2024-0003|" + image].resolvedAt);
        QCOMPARE(*rows["CVE-2024-0001|" + image].resolvedAt, ts("2025-02-10T09:00:00Z"));

        // A finding that comes back is open again.
        const auto scan3 = synthetic::trivyReport(1,
                                                  QStringLiteral("2025-03-10T00:00:00Z"),
                                                  {Vuln{QStringLiteral("CVE-2024-0001")},
                                                   Vuln{QStringLiteral("CVE-2024-0002")},
                                                   Vuln{QStringLiteral("CVE-2024-0003")}});
        QVERIFY(ws->import({read("scan3.json", scan3)}, mode));
        rows = byVuln(*ws->findings());
        QVERIFY(!rows["CVE-2024-0001|" + image].resolvedAt);
    }

    void reimportChangesNothing()
    {
        auto ws = *store::Workspace::open(m_path);
        const auto scan =
            synthetic::trivyReport(2,
                                   QStringLiteral("2025-01-10T10:00:00Z"),
                                   {synthetic::Vuln{QStringLiteral("CVE-2024-0001")}});
        auto first = ws->import({read("a.json", scan)}, {});
        QVERIFY(first && first->snapshotId);
        const auto snapshots = ws->count("snapshot");
        const auto scans = ws->count("scan");
        auto second = ws->import({read("copy-of-a.json", scan)}, {});
        QVERIFY(second);
        QVERIFY(!second->snapshotId);
        QVERIFY(second->files.at(0).alreadyImported);
        QCOMPARE(ws->count("snapshot"), snapshots);
        QCOMPARE(ws->count("scan"), scans);
    }

    void duplicatesWithinAndAcrossScanners()
    {
        if (!QDir(QStringLiteral(PATCHWISE_FIXTURES_DIR)).exists())
            QSKIP("shared/fixtures is not available");
        auto ws = *store::Workspace::open(m_path);
        store::ImportRequest request;
        // The same Debian 12 image scanned by Trivy and by Grype.
        request.paths = {PATCHWISE_FIXTURES_DIR "/trivy/tejas-multi-scanner--trivy-results.json",
                         PATCHWISE_FIXTURES_DIR "/grype/tejas-multi-scanner--grype-results.json"};
        const auto report = store::runImport(*ws, request);
        QVERIFY(report.committed);
        QCOMPARE(ws->count("image"), 1); // joined on the config digest
        const auto rows = *ws->findings();
        int both = 0;
        std::set<std::string> keys;
        for (const auto &r : rows) {
            QVERIFY(
                keys.insert(r.vulnerability + "|" + r.package + "|" + r.installedVersion).second);
            both += r.scanners.size() == 2;
        }
        QVERIFY2(both > 20, qPrintable(QString::number(both)));
        // Fewer rows than the two reports together: shared findings are one row.
        QVERIFY(rows.size() < std::size_t(54 + 160));
    }

    void runningContainersJoinByDigest()
    {
        auto ws = *store::Workspace::open(m_path);
        const auto scan =
            synthetic::trivyReport(4,
                                   QStringLiteral("2025-01-10T10:00:00Z"),
                                   {synthetic::Vuln{QStringLiteral("CVE-2024-0042")}});
        // Two running pods pull the image by its repo digest (upper-case hex and a
        // docker-pullable:// prefix, as the Docker runtime reports it; another registry
        // name); a third is still waiting. A docker host runs it too, by config digest.
        QString digest = synthetic::digestOf(504).toUpper();
        digest.replace(QStringLiteral("SHA256"), QStringLiteral("sha256"));
        const std::string pods = synthetic::podList(
            QStringLiteral("docker-pullable://mirror.example/app4@") + digest, {true, true, false});
        const std::string docker = synthetic::dockerInspect(synthetic::digestOf(4));
        QVERIFY(ws->import(
            {read("scan.json", scan), read("pods.json", pods), read("docker.json", docker)}, {}));
        const auto rows = *ws->findings();
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows[0].runningContainers, 3);
        QCOMPARE(rows[0].probableContainers, 0);
        QCOMPARE(ws->count("container"), 4);
    }

    void probableJoinByTag()
    {
        auto ws = *store::Workspace::open(m_path);
        const auto scan =
            synthetic::trivyReport(5,
                                   QStringLiteral("2025-01-10T10:00:00Z"),
                                   {synthetic::Vuln{QStringLiteral("CVE-2024-0055")}});
        // The runtime digest is unknown to the workspace (another build pushed under the
        // same tag): only the tag matches, which is recorded as probable.
        const std::string pods =
            synthetic::podList(QStringLiteral("registry.example/app5@sha256:") + QString(64, u'f'),
                               {true},
                               QStringLiteral("registry.example/app5:1.0"));
        QVERIFY(ws->import({read("scan.json", scan), read("pods.json", pods)}, {}));
        const auto rows = *ws->findings();
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows[0].runningContainers, 1);
        QCOMPARE(rows[0].probableContainers, 1);
        QCOMPARE(ws->count("container_image"), 1);
    }

    void threatFeedsJoinFindings()
    {
        auto ws = *store::Workspace::open(m_path);
        const auto scan =
            synthetic::trivyReport(6,
                                   QStringLiteral("2025-01-10T10:00:00Z"),
                                   {synthetic::Vuln{QStringLiteral("CVE-2024-0066")},
                                    synthetic::Vuln{QStringLiteral("CVE-2024-0067")}});
        const std::string kev =
            R"json({"title":"CISA Catalog of Known Exploited Vulnerabilities","catalogVersion":"2025.01.01",
"count":1,"vulnerabilities":[{"cveID":"CVE-2024-0066","vendorProject":"Example ","product":"Lib",
"vulnerabilityName":"Example flaw","dateAdded":"2025-01-01","dueDate":"2025-01-22",
"knownRansomwareCampaignUse":"Known","requiredAction":"Patch","notes":"","cwes":[]}]})json";
        const std::string epss = "#model_version:v2025.03.14,score_date:2025-08-01T00:00:00+0000\n"
                                 "cve,epss,percentile\nCVE-2024-0067,0.42,0.97\n";
        QVERIFY(ws->import({read("scan.json", scan), read("kev.json", kev), read("epss.csv", epss)},
                           {}));
        const auto rows = byVuln(*ws->findings());
        const std::string image = "registry.example/app6:1.0";
        QVERIFY(rows.at("CVE-2024-0066|" + image).kev);
        QVERIFY(!rows.at("CVE-2024-0066|" + image).epss);
        QVERIFY(!rows.at("CVE-2024-0067|" + image).kev);
        QCOMPARE(*rows.at("CVE-2024-0067|" + image).epss, 0.42);
        // An older EPSS file does not overwrite a newer score.
        const std::string older = "#model_version:v2025.03.14,score_date:2025-07-01T00:00:00+0000\n"
                                  "cve,epss,percentile\nCVE-2024-0067,0.01,0.10\n";
        QVERIFY(ws->import({read("epss-old.csv", older)}, {}));
        QCOMPARE(*byVuln(*ws->findings()).at("CVE-2024-0067|" + image).epss, 0.42);
    }

    // Counted with an independent script: selector ⊆ pod labels, same namespace, regular
    // containers only.
    void servicesRouteToContainers()
    {
        if (!QDir(QStringLiteral(PATCHWISE_FIXTURES_DIR)).exists())
            QSKIP("shared/fixtures is not available");
        auto ws = *store::Workspace::open(m_path);
        store::ImportRequest request;
        request.paths = {PATCHWISE_FIXTURES_DIR "/k8s/atshaman-describecluster--pods.json",
                         PATCHWISE_FIXTURES_DIR "/k8s/atshaman-describecluster--service.json"};
        QVERIFY(store::runImport(*ws, request).committed);
        QCOMPARE(ws->count("service"), 143);
        QCOMPARE(ws->count("container_route"), 148); // container × service pairs
    }

    void keepGoingImportsTheGoodFiles()
    {
        QTemporaryDir dir;
        const QString good = dir.filePath(QStringLiteral("good.json"));
        const QString bad = dir.filePath(QStringLiteral("bad.json"));
        QFile g(good), b(bad);
        QVERIFY(g.open(QIODevice::WriteOnly) && b.open(QIODevice::WriteOnly));
        g.write(QByteArray::fromStdString(
            synthetic::trivyReport(3,
                                   QStringLiteral("2025-01-01T00:00:00Z"),
                                   {synthetic::Vuln{QStringLiteral("CVE-2024-0009")}})));
        b.write("{\"SchemaVersion\":2,\"Results\":[{\"Vulnerabilities\":[{\"VulnerabilityID\":");
        g.close();
        b.close();
        auto ws = *store::Workspace::open(m_path);
        store::ImportRequest request;
        request.paths = {bad.toStdString(), good.toStdString()};
        auto strict = store::runImport(*ws, request);
        QVERIFY(!strict.committed);
        QCOMPARE(ws->count("finding"), 0);
        request.keepGoing = true;
        auto lenient = store::runImport(*ws, request);
        QVERIFY(lenient.committed);
        QCOMPARE(lenient.failures.size(), std::size_t(1));
        QVERIFY(QString::fromStdString(lenient.failures[0].error).contains(bad));
        QCOMPARE(ws->count("finding"), 1);
    }

    // What the reports said about a vulnerability, merged over imports: the first title and
    // description, every reference once (trimmed, sorted), CWEs by number, aliases.
    void advisoryText()
    {
        const std::string first = advisoryReport("2025-01-10T10:00:00Z", kFirstAdvisory);
        const std::string later = advisoryReport("2025-02-10T10:00:00Z", kLaterAdvisory);
        auto ws = store::Workspace::open(m_path);
        QVERIFY(ws);
        QVERIFY((*ws)->import({read("first.json", first)}, {}));
        QVERIFY((*ws)->import({read("later.json", later)}, {}));

        const auto advisory = (*ws)->advisory("CVE-2024-1000");
        QVERIFY2(advisory, advisory ? "" : advisory.error().c_str());
        QVERIFY(advisory->has_value());
        const store::Advisory &a = **advisory;
        QCOMPARE(a.id, std::string("CVE-2024-1000"));
        QCOMPARE(a.title, std::string("libx: heap overflow"));
        QCOMPARE(a.description, std::string("First.\n\nSecond <b>x</b>."));
        QCOMPARE(a.published, ts("2024-02-01T00:00:00Z"));
        QCOMPARE(a.lastModified, ts("2024-05-01T00:00:00Z"));
        const std::vector<std::string> urls{"https://a.example/1",
                                            "https://b.example/2",
                                            "https://c.example/3",
                                            "https://nvd.nist.gov/vuln/detail/CVE-2024-1000",
                                            "javascript:alert(1)"};
        QCOMPARE(a.urls, urls);
        const std::vector<std::string> cwes{"CWE-20", "CWE-119", "CWE-787", "NVD-CWE-Other"};
        QCOMPARE(a.cwes, cwes);
        const std::vector<std::string> aliases{"DSA-1000-1", "GHSA-aaaa-bbbb-cccc"};
        QCOMPARE(a.aliases, aliases);

        const auto unknown = (*ws)->advisory("CVE-1999-0001");
        QVERIFY(unknown);
        QVERIFY(!unknown->has_value());
    }

    // A read-only workspace reads what a writable one does, writes nothing, creates nothing,
    // and leaves the files the facts cache is keyed on as it found them: with no -wal (a
    // SQLITE_OPEN_READONLY connection would leave a new one behind), with another
    // connection's -wal, and with one left by a connection that did not clean up.
    void readOnlyLeavesTheWorkspaceAsFound()
    {
        QVERIFY(!store::Workspace::openReadOnly(m_path));
        QVERIFY(!exists(m_path)); // not created
        const std::string first =
            advisoryReport("2025-01-10T10:00:00Z", "\"Description\":\"Text.\"");
        const std::string later = advisoryReport("2025-02-10T10:00:00Z", "\"Title\":\"T\"");
        {
            auto ws = store::Workspace::open(m_path);
            QVERIFY(ws);
            QVERIFY((*ws)->import({read("first.json", first)}, {}));
        }
        QVERIFY(!exists(m_path + "-wal"));
        const std::string idle = layers::workspaceStateKey(m_path);
        QVERIFY(!idle.empty());
        const auto readAll = [&] {
            for (int i = 0; i < 3; ++i) {
                auto ro = store::Workspace::openReadOnly(m_path);
                QVERIFY2(ro, ro ? "" : ro.error().c_str());
                const auto a = (*ro)->advisory("CVE-2024-1000");
                QVERIFY(a && a->has_value());
                QCOMPARE((*a)->description, std::string("Text."));
                QVERIFY((*ro)->findings(-1)); // other reads work too
            }
        };
        readAll();
        QCOMPARE(layers::workspaceStateKey(m_path), idle);
        QVERIFY(!exists(m_path + "-wal"));
        QVERIFY(!exists(m_path + "-shm"));

        // Nothing writes through it.
        {
            auto ro = store::Workspace::openReadOnly(m_path);
            QVERIFY(ro);
            const auto images = (*ro)->imageLayers();
            QVERIFY(images && !images->empty());
            QVERIFY(!(*ro)->setBaseOverride(images->front().id, "debian:12", 3));
            QVERIFY(!(*ro)->import({read("later.json", later)}, {}));
        }
        QCOMPARE(layers::workspaceStateKey(m_path), idle);

        // While another connection has it open (and has written to its -wal).
        {
            auto writer = store::Workspace::open(m_path);
            QVERIFY(writer);
            const auto images = (*writer)->imageLayers();
            QVERIFY(images && (*writer)->setBaseOverride(images->front().id, "debian:12", 3));
            QVERIFY(exists(m_path + "-wal"));
            const std::string busy = layers::workspaceStateKey(m_path);
            readAll();
            QCOMPARE(layers::workspaceStateKey(m_path), busy);
        }

        // A -wal with content that no connection cleaned up (a crash): read, never
        // checkpointed or removed.
        const QString wal = QString::fromStdString(m_path + "-wal");
        {
            auto writer = store::Workspace::open(m_path);
            QVERIFY(writer);
            const auto images = (*writer)->imageLayers();
            QVERIFY(images && (*writer)->clearBaseOverride(images->front().id));
            QVERIFY(QFile::copy(wal, wal + QStringLiteral(".copy")));
        }
        QVERIFY(!exists(m_path + "-wal")); // the writer checkpointed and removed it
        QVERIFY(QFile::rename(wal + QStringLiteral(".copy"), wal));
        QVERIFY(QFileInfo(wal).size() > 0);
        const std::string leftover = layers::workspaceStateKey(m_path);
        readAll();
        QCOMPARE(layers::workspaceStateKey(m_path), leftover);

        // Not a workspace: refused.
        const std::string text = m_path + ".txt";
        QFile f(QString::fromStdString(text));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a database, just text that is long enough to not be empty.......");
        f.close();
        QVERIFY(!store::Workspace::openReadOnly(text));
    }

private:
    QTemporaryDir m_dir;
    std::string m_path;
    int m_counter = 0;
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
