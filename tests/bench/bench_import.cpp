// SPDX-License-Identifier: GPL-3.0-or-later
// Import throughput, end to end, against a bare baseline measured in the same run.
//
//   bench_import [--reports N] [--findings-per-report M] [--images K] [--vulns V] [--keep DIR]
//
// Generates a synthetic fleet (N Trivy reports of K distinct images, M findings each drawn
// from V distinct CVEs, realistic text sizes), then measures:
//   1. baseline parse: simdjson over every file, touching every field the importer reads;
//   2. baseline insert: the same rows into one bare SQLite table, one transaction;
//   3. end to end: patchwise's runImport() into a fresh workspace.
// Reports findings/s, peak RSS and the ratio end-to-end / (parse + insert). Not a pass/fail
// test: the ctest entry only runs a tiny corpus to keep the code working.

#include "store/importrunner.h"
#include "store/workspace.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <simdjson.h>
#include <sqlite3.h>
#include <string>
#include <sys/resource.h>
#include <vector>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

long peakRssMb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;
}

std::string hex64(std::uint64_t a, std::uint64_t b)
{
    char buf[80];
    std::snprintf(buf,
                  sizeof buf,
                  "sha256:%016llx%016llx%016llx%016llx",
                  (unsigned long long)a,
                  (unsigned long long)b,
                  (unsigned long long)(a ^ 0x9e3779b97f4a7c15ull),
                  (unsigned long long)(b * 31));
    return buf;
}

// One Trivy report; the vulnerability pool is shared across reports, as in a real fleet.
std::string report(int reportNo, int image, int findings, int vulnPool, std::mt19937_64 &rng)
{
    static const std::string description(900, 'd');
    std::string out;
    out.reserve(std::size_t(findings) * 2300 + 4096);
    out += "{\"SchemaVersion\":2,\"CreatedAt\":\"2025-0" + std::to_string(1 + reportNo % 9) + "-1" +
           std::to_string(reportNo % 10) +
           "T10:00:00Z\",\"ArtifactName\":\"registry.example/team/app" + std::to_string(image) +
           ":1." + std::to_string(reportNo % 7) + "\",\"ArtifactType\":\"container_image\",";
    out += "\"Metadata\":{\"ImageID\":\"" + hex64(std::uint64_t(image), 1) +
           "\",\"RepoDigests\":[\"registry.example/team/app" + std::to_string(image) + "@" +
           hex64(std::uint64_t(image), 2) +
           "\"],\"OS\":{\"Family\":\"debian\",\"Name\":\"12.5\"},\"DiffIDs\":[";
    for (int l = 0; l < 8; ++l)
        out += (l ? ",\"" : "\"") + hex64(std::uint64_t(image), std::uint64_t(100 + l)) + "\"";
    out += "]},\"Results\":[{\"Target\":\"app (debian "
           "12.5)\",\"Class\":\"os-pkgs\",\"Type\":\"debian\",\"Vulnerabilities\":[";
    for (int f = 0; f < findings; ++f) {
        const unsigned cve = unsigned(rng() % unsigned(vulnPool));
        const unsigned pkg = unsigned(rng() % 400);
        if (f)
            out += ',';
        out += "{\"VulnerabilityID\":\"CVE-2024-" + std::to_string(10000 + cve) +
               "\",\"PkgID\":\"lib" + std::to_string(pkg) + "@1.2." + std::to_string(f) +
               "\",\"PkgName\":\"lib" + std::to_string(pkg) +
               "\",\"PkgIdentifier\":{\"PURL\":\"pkg:deb/debian/lib" + std::to_string(pkg) +
               "@1.2." + std::to_string(f) + "?arch=amd64\"},\"InstalledVersion\":\"1.2." +
               std::to_string(f) + "\",\"FixedVersion\":\"1.3." + std::to_string(f) +
               "\",\"Status\":\"fixed\",\"Layer\":{\"DiffID\":\"" +
               hex64(std::uint64_t(image), std::uint64_t(100 + f % 8)) +
               "\"},\"SeveritySource\":\"debian\",\"PrimaryURL\":\"https://avd.aquasec.com/nvd/"
               "cve-2024-" +
               std::to_string(10000 + cve) + "\",\"Title\":\"lib: a flaw in a parser " +
               std::to_string(cve) + "\",\"Description\":\"" + description +
               "\",\"Severity\":\"HIGH\",\"CweIDs\":[\"CWE-787\"],"
               "\"VendorSeverity\":{\"debian\":2,\"nvd\":3,\"redhat\":2},\"CVSS\":{\"nvd\":{"
               "\"V3Vector\":"
               "\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/"
               "A:H\",\"V3Score\":9.8},\"redhat\":{\"V3Vector\":"
               "\"CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H\",\"V3Score\":8.1}},\"References\":["
               "\"https://security-tracker.debian.org/tracker/CVE-2024-" +
               std::to_string(10000 + cve) + "\",\"https://nvd.nist.gov/vuln/detail/CVE-2024-" +
               std::to_string(10000 + cve) +
               "\"],\"PublishedDate\":\"2024-03-01T12:00:00Z\",\"LastModifiedDate\":\"2024-06-"
               "01T12:00:00Z\"}";
    }
    out += "]}]}";
    return out;
}

struct Row
{
    std::string vuln, pkg, version, image;
};

} // namespace

int main(int argc, char **argv)
{
    int reports = 2000, perReport = 250, images = 400, vulnPool = 20000;
    std::string keep;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--reports"))
            reports = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--findings-per-report"))
            perReport = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--images"))
            images = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--vulns"))
            vulnPool = std::max(1, std::atoi(argv[i + 1]));
        else if (!std::strcmp(argv[i], "--keep"))
            keep = argv[i + 1];
    }
    images = std::max(1, std::min(images, reports));
    const fs::path dir =
        keep.empty() ? fs::temp_directory_path() / ("patchwise-bench-" + std::to_string(::getpid()))
                     : fs::path(keep);
    fs::create_directories(dir / "corpus");

    std::mt19937_64 rng(7);
    std::uint64_t bytes = 0;
    auto t0 = Clock::now();
    for (int r = 0; r < reports; ++r) {
        const std::string text = report(r, r % images, perReport, vulnPool, rng);
        bytes += text.size();
        std::ofstream(dir / "corpus" / ("report-" + std::to_string(r) + ".json"), std::ios::binary)
            << text;
    }
    const double genSeconds = secondsSince(t0);
    const double totalFindings = double(reports) * perReport;
    std::printf("corpus: %d reports x %d findings = %.0f findings, %.1f MB (generated in %.1f s)\n",
                reports,
                perReport,
                totalFindings,
                double(bytes) / 1e6,
                genSeconds);

    // 1. Baseline parse.
    std::vector<Row> rows;
    rows.reserve(std::size_t(totalFindings));
    t0 = Clock::now();
    {
        simdjson::dom::parser parser;
        for (int r = 0; r < reports; ++r) {
            simdjson::padded_string json;
            if (simdjson::padded_string::load(
                    (dir / "corpus" / ("report-" + std::to_string(r) + ".json")).string())
                    .get(json))
                return 1;
            simdjson::dom::element doc = parser.parse(json);
            const std::string_view image = doc["ArtifactName"].get_string().value();
            for (simdjson::dom::element result : doc["Results"].get_array()) {
                for (simdjson::dom::element v : result["Vulnerabilities"].get_array()) {
                    Row row{std::string(v["VulnerabilityID"].get_string().value()),
                            std::string(v["PkgName"].get_string().value()),
                            std::string(v["InstalledVersion"].get_string().value()),
                            std::string(image)};
                    // Touch what the importer reads too.
                    (void)v["Description"].get_string().value().size();
                    (void)v["CVSS"].get_object().size();
                    rows.push_back(std::move(row));
                }
            }
        }
    }
    const double parseSeconds = secondsSince(t0);

    // 2. Baseline insert: the same rows, one bare table, one transaction, one statement.
    t0 = Clock::now();
    {
        const std::string path = (dir / "baseline.db").string();
        fs::remove(path);
        sqlite3 *db = nullptr;
        sqlite3_open(path.c_str(), &db);
        sqlite3_exec(db,
                     "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                     "CREATE TABLE f(vuln TEXT, pkg TEXT, version TEXT, image TEXT)",
                     nullptr,
                     nullptr,
                     nullptr);
        sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
        sqlite3_stmt *st = nullptr;
        sqlite3_prepare_v2(db, "INSERT INTO f VALUES (?, ?, ?, ?)", -1, &st, nullptr);
        for (const Row &r : rows) {
            sqlite3_bind_text(st, 1, r.vuln.data(), int(r.vuln.size()), SQLITE_STATIC);
            sqlite3_bind_text(st, 2, r.pkg.data(), int(r.pkg.size()), SQLITE_STATIC);
            sqlite3_bind_text(st, 3, r.version.data(), int(r.version.size()), SQLITE_STATIC);
            sqlite3_bind_text(st, 4, r.image.data(), int(r.image.size()), SQLITE_STATIC);
            sqlite3_step(st);
            sqlite3_reset(st);
        }
        sqlite3_finalize(st);
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        sqlite3_close(db);
    }
    const double insertSeconds = secondsSince(t0);
    rows.clear();
    rows.shrink_to_fit();
    const long rssBefore = peakRssMb();

    // 3. End to end.
    const std::string wsPath = (dir / "workspace.db").string();
    fs::remove(wsPath);
    t0 = Clock::now();
    auto ws = patchwise::store::Workspace::open(wsPath);
    if (!ws) {
        std::fprintf(stderr, "%s\n", ws.error().c_str());
        return 1;
    }
    patchwise::store::ImportRequest request;
    request.paths = {(dir / "corpus").string()};
    const auto report = patchwise::store::runImport(**ws, request);
    const double importSeconds = secondsSince(t0);
    if (!report.committed) {
        std::fprintf(stderr,
                     "import failed: %s\n",
                     report.failures.empty() ? "?" : report.failures[0].error.c_str());
        return 1;
    }
    const long rss = peakRssMb();

    const double baseline = parseSeconds + insertSeconds;
    std::printf("baseline parse           %8.2f s  %10.0f findings/s  %7.1f MB/s\n",
                parseSeconds,
                totalFindings / parseSeconds,
                double(bytes) / 1e6 / parseSeconds);
    std::printf("baseline insert          %8.2f s  %10.0f findings/s\n",
                insertSeconds,
                totalFindings / insertSeconds);
    std::printf("end to end (runImport)   %8.2f s  %10.0f findings/s  stored %lld findings\n",
                importSeconds,
                totalFindings / importSeconds,
                (long long)(*ws)->count("finding"));
    std::printf("  of which read+parse %.2f s, store %.2f s (%.2f s CPU), history+commit %.2f s\n",
                report.readSeconds,
                report.storeSeconds,
                report.storeCpuSeconds,
                report.commitSeconds);
    std::printf("ratio end-to-end / (parse + insert) = %.2f\n", importSeconds / baseline);
    std::printf("peak RSS: %ld MB (after the baselines: %ld MB)\n", rss, rssBefore);
    if (keep.empty())
        fs::remove_all(dir);
    return 0;
}
