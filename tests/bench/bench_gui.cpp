// SPDX-License-Identifier: GPL-3.0-or-later
// The triage workbench's responsiveness on a large workspace, measured through the real
// window (MainWindow on the offscreen platform), against the GUI targets:
//
//   open to first paint ≤ 1 s, sort any column ≤ 150 ms, apply a filter ≤ 50 ms,
//   what-if rescore + re-rank ≤ 150 ms (each including the repaint), peak RSS ≤ 500 MB.
//
//   bench_gui [--findings N] [--per-image M] [--vulns V] [--rounds R] [--keep FILE]
//   bench_gui --generate-only --keep FILE [--findings N] [--per-image M] [--vulns V]
//
// The workspace (default 1,000,000 findings: 2,000 images × 500) is generated from synthetic
// Trivy reports, a pod and service list, a KEV feed and an EPSS file, imported with
// store::runImport. Generation always runs in a child process (this binary with
// --generate-only) so that the measured process never held the generator's memory; with
// --keep FILE an existing workspace is reused. Prints a table of values, targets and ratios
// (value / target; ≤ 1 meets the target). Never fails on timing: the exit status is non-zero
// only when something does not work (the workspace cannot be built or opened, a filter is
// rejected, a sort or a rescore does not happen, the table never paints).

#include "exportcontroller.h"
#include "mainwindow.h"
#include "risk/policy.h"
#include "store/importrunner.h"
#include "store/workspace.h"
#include "triagemodel.h"
#include "triagepage.h"
#include "workbench.h"

#include <QApplication>
#include <QEvent>
#include <QEventLoop>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace patchwise;

namespace {

double msSince(Clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// CPU time of the calling thread (ms): next to the wall time it tells work from waiting
// (for the worker thread, or for a CPU the shared machine gave to someone else).
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

struct Options
{
    long findings = 1000000;
    int perImage = 500;
    int vulns = 20000;
    int rounds = 5;
    std::string keep;
    bool generateOnly = false;
};

// ---------------------------------------------------------------------------------------
// Generator
// ---------------------------------------------------------------------------------------

std::uint64_t mix(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

std::string sha(std::uint64_t a, std::uint64_t b)
{
    char buf[80];
    std::snprintf(buf,
                  sizeof buf,
                  "sha256:%016llx%016llx%016llx%016llx",
                  (unsigned long long)mix(a * 1315423911ull + b),
                  (unsigned long long)mix(b * 2654435761ull + a + 1),
                  (unsigned long long)mix(a ^ (b << 20)),
                  (unsigned long long)mix(a + b + 12345));
    return buf;
}

struct CvssChoice
{
    const char *vector;
    const char *score;
};
constexpr CvssChoice kVectors[] = {
    {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "9.8"},
    {"CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H", "8.1"},
    {"CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", "7.8"},
    {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", "7.5"},
    {"CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", "6.1"},
    {"CVSS:3.1/AV:N/AC:H/PR:L/UI:R/S:U/C:L/I:L/A:N", "3.7"},
    {"CVSS:3.1/AV:L/AC:H/PR:L/UI:R/S:U/C:L/I:N/A:N", "2.2"},
};
constexpr const char *kSeverityWord[] = {"UNKNOWN", "LOW", "MEDIUM", "HIGH", "CRITICAL"};

constexpr int kPackages = 600;
constexpr int kBasePackages = 150; // packages below this come with the base image
constexpr int kBaseLayers = 3;
constexpr int kAppLayers = 4;

struct VulnSpec
{
    std::string id;
    int cvss = 0;        // kVectors index, -1 none
    int vendorLevel = 0; // Trivy level 0..4
    int nvdLevel = 0;
    bool fixed = false;
    int package = 0;
    int year = 2024, month = 1, day = 1;
    bool kev = false;
    double epss = 0;
};

std::vector<VulnSpec> vulnPool(int n)
{
    std::vector<VulnSpec> pool(static_cast<std::size_t>(n));
    for (int v = 0; v < n; ++v) {
        const std::uint64_t h = mix(std::uint64_t(v) + 77);
        VulnSpec &s = pool[std::size_t(v)];
        s.year = 2018 + int(h % 8);
        s.id = "CVE-" + std::to_string(s.year) + "-" + std::to_string(10000 + v);
        s.cvss = (h >> 8) % 11 == 0 ? -1 : int((h >> 12) % std::size(kVectors));
        s.nvdLevel = s.cvss < 0 ? 0 : s.cvss <= 1 ? 4 : s.cvss <= 3 ? 3 : s.cvss <= 4 ? 2 : 1;
        // The vendor mostly agrees with NVD, sometimes one step lower.
        s.vendorLevel = std::max(1, s.nvdLevel - int((h >> 20) % 3 == 0));
        s.fixed = (h >> 24) % 10 < 7;
        s.package = int((h >> 32) % kPackages);
        s.month = 1 + int((h >> 40) % 12);
        s.day = 1 + int((h >> 44) % 28);
        s.kev = v % 97 == 5;
        const double u = double((h >> 48) % 10000) / 10000.0;
        s.epss = std::max(0.0001, u * u * u * u);
    }
    return pool;
}

struct Fleet
{
    int images = 0;
    int bases = 0;
    long findings = 0;
    int perImage = 0;
    int pool = 0;
};

Fleet fleetOf(const Options &o)
{
    Fleet f;
    f.findings = std::max(1L, o.findings);
    f.perImage = int(std::max(1L, std::min<long>(o.perImage, f.findings)));
    f.images = int((f.findings + f.perImage - 1) / f.perImage);
    f.bases = f.images >= 4 ? std::max(1, f.images / 100) : 0;
    f.pool = std::max(o.vulns, 2 * f.perImage);
    return f;
}

bool isBase(const Fleet &fleet, int i)
{
    return i < fleet.bases;
}
int baseOf(const Fleet &fleet, int i)
{
    return fleet.bases ? i % fleet.bases : -1;
}
int teamOf(int i)
{
    return i % 12;
}
std::string repoOf(const Fleet &fleet, int i)
{
    if (isBase(fleet, i))
        return "registry.example/base/debian-slim" + std::to_string(i);
    return "registry.example/team" + std::to_string(teamOf(i)) + "/app" + std::to_string(i);
}
std::string tagOf(const Fleet &fleet, int i)
{
    return repoOf(fleet, i) + (isBase(fleet, i) ? ":12" : ":1." + std::to_string(i % 7));
}
std::string repoDigestOf(const Fleet &fleet, int i)
{
    return repoOf(fleet, i) + "@" + sha(std::uint64_t(i), 2);
}
// Layer l of image i: the base's layers first, then the image's own.
std::string diffId(const Fleet &fleet, int i, int l)
{
    if (isBase(fleet, i) || l < kBaseLayers) {
        const int owner = isBase(fleet, i) ? i : baseOf(fleet, i);
        if (owner >= 0)
            return sha(std::uint64_t(owner), std::uint64_t(100 + l));
    }
    return sha(std::uint64_t(i), std::uint64_t(100 + l));
}
int layerCountOf(const Fleet &fleet, int i)
{
    return isBase(fleet, i) ? kBaseLayers : fleet.bases ? kBaseLayers + kAppLayers : kAppLayers;
}
int stepFor(int pool)
{
    int step = 7919;
    while (std::gcd(step, pool) != 1)
        step += 2;
    return step;
}

std::string trivyReport(const Fleet &fleet, int i, int findings, const std::vector<VulnSpec> &pool)
{
    static const std::string description =
        "A flaw was found in the parser of the library. A remote attacker could send a crafted "
        "input that triggers an out-of-bounds write, leading to a crash or possibly to code "
        "execution in the context of the process using the library. Upstream fixed it.";
    std::string out;
    out.reserve(std::size_t(findings) * 1400 + 4096);
    out += "{\"SchemaVersion\":2,\"CreatedAt\":\"2025-06-";
    out += std::to_string(10 + i % 18);
    out += "T10:00:00Z\",\"ArtifactName\":\"" + tagOf(fleet, i) +
           "\",\"ArtifactType\":\"container_image\",\"Metadata\":{\"ImageID\":\"" +
           sha(std::uint64_t(i), 1) + "\",\"RepoDigests\":[\"" + repoDigestOf(fleet, i) +
           "\"],\"RepoTags\":[\"" + tagOf(fleet, i) +
           "\"],\"OS\":{\"Family\":\"debian\",\"Name\":\"12.5\"},\"DiffIDs\":[";
    const int layers = layerCountOf(fleet, i);
    for (int l = 0; l < layers; ++l)
        out += (l ? ",\"" : "\"") + diffId(fleet, i, l) + "\"";
    out += "],\"ImageConfig\":{\"config\":{\"User\":\"";
    out += i % 3 == 0 ? "" : "app";
    out += "\"}}},\"Results\":[{\"Target\":\"" + tagOf(fleet, i) +
           " (debian 12.5)\",\"Class\":\"os-pkgs\",\"Type\":\"debian\",\"Vulnerabilities\":[";
    const int step = stepFor(fleet.pool);
    const std::uint64_t start = mix(std::uint64_t(i) * 31 + 7) % std::uint64_t(fleet.pool);
    for (int f = 0; f < findings; ++f) {
        const int v =
            int((start + std::uint64_t(f) * std::uint64_t(step)) % std::uint64_t(fleet.pool));
        const VulnSpec &s = pool[std::size_t(v)];
        const std::string pkg = "lib" + std::to_string(s.package);
        const std::string version =
            std::to_string(1 + s.package % 9) + "." + std::to_string(v % 40) + "-1";
        const std::string fixed =
            std::to_string(1 + s.package % 9) + "." + std::to_string(v % 40) + "-2";
        // Base packages sit in a base layer (in a base image: its own layers), the others
        // in one of the image's own layers.
        int layer;
        if (isBase(fleet, i))
            layer = s.package % kBaseLayers;
        else if (fleet.bases == 0)
            layer = s.package % kAppLayers;
        else
            layer = s.package < kBasePackages ? s.package % kBaseLayers
                                              : kBaseLayers + s.package % kAppLayers;
        char date[32];
        std::snprintf(date, sizeof date, "%04d-%02d-%02dT12:00:00Z", s.year, s.month, s.day);
        if (f)
            out += ',';
        out += "{\"VulnerabilityID\":\"" + s.id + "\",\"PkgID\":\"" + pkg + "@" + version +
               "\",\"PkgName\":\"" + pkg + "\",\"PkgIdentifier\":{\"PURL\":\"pkg:deb/debian/" +
               pkg + "@" + version + "?arch=amd64\"},\"InstalledVersion\":\"" + version + "\"";
        if (s.fixed)
            out += ",\"FixedVersion\":\"" + fixed + "\",\"Status\":\"fixed\"";
        else
            out += ",\"Status\":\"affected\"";
        out += ",\"Layer\":{\"DiffID\":\"" + diffId(fleet, i, layer) +
               "\"},\"SeveritySource\":\"debian\",\"PrimaryURL\":\"https://avd.aquasec.com/nvd/" +
               s.id + "\",\"Title\":\"" + pkg + ": parser flaw (" + s.id +
               ")\",\"Description\":\"" + description + "\",\"Severity\":\"" +
               kSeverityWord[s.vendorLevel] +
               "\",\"CweIDs\":[\"CWE-787\"],\"VendorSeverity\":{\"debian\":" +
               std::to_string(s.vendorLevel) + ",\"nvd\":" + std::to_string(s.nvdLevel) + "}";
        if (s.cvss >= 0)
            out += std::string(",\"CVSS\":{\"nvd\":{\"V3Vector\":\"") + kVectors[s.cvss].vector +
                   "\",\"V3Score\":" + kVectors[s.cvss].score + "}}";
        out += ",\"References\":[\"https://security-tracker.debian.org/tracker/" + s.id +
               "\"],\"PublishedDate\":\"" + date + "\",\"LastModifiedDate\":\"" + date + "\"}";
    }
    out += "]}]}";
    return out;
}

// Pods for one image in ten, services (a LoadBalancer with an address for half of them:
// internet-exposed), some privileged.
std::string inventory(const Fleet &fleet)
{
    std::string pods, services;
    int podCount = 0;
    for (int i = fleet.bases; i < fleet.images; ++i) {
        if (i % 10 != 3 && fleet.images > 10)
            continue;
        const std::string ns = "team" + std::to_string(teamOf(i));
        const std::string app = "app" + std::to_string(i);
        for (int k = 0; k < 1 + i % 3; ++k) {
            const char *security = i % 40 == 13 ? "{\"privileged\":true,\"runAsUser\":0}"
                                   : i % 4 == 1 ? "{\"runAsNonRoot\":true}"
                                                : "{}";
            if (podCount++)
                pods += ',';
            pods += "{\"kind\":\"Pod\",\"metadata\":{\"namespace\":\"" + ns + "\",\"name\":\"" +
                    app + "-" + std::to_string(k) + "\",\"labels\":{\"app\":\"" + app +
                    "\"}},\"spec\":{\"containers\":[{\"name\":\"main\",\"image\":\"" +
                    tagOf(fleet, i) + "\",\"securityContext\":" + security +
                    ",\"ports\":[]}]},\"status\":{\"phase\":\"Running\",\"containerStatuses\":[{"
                    "\"name\":\"main\",\"image\":\"" +
                    tagOf(fleet, i) + "\",\"imageID\":\"" + repoDigestOf(fleet, i) +
                    "\",\"restartCount\":0,\"state\":{\"running\":{\"startedAt\":\"2025-05-" +
                    std::to_string(10 + k) + "T00:00:00Z\"}}}]}}";
        }
        const bool exposed = i % 20 == 3 || fleet.images <= 10;
        services += ",{\"kind\":\"Service\",\"metadata\":{\"namespace\":\"" + ns +
                    "\",\"name\":\"" + app + "\"},\"spec\":{\"type\":\"" +
                    (exposed ? "LoadBalancer" : "ClusterIP") + "\",\"selector\":{\"app\":\"" + app +
                    "\"},\"ports\":[{\"port\":80,\"targetPort\":8080}]}" +
                    (exposed ? ",\"status\":{\"loadBalancer\":{\"ingress\":[{\"ip\":\"203.0.113." +
                                   std::to_string(1 + i % 250) + "\"}]}}"
                             : std::string()) +
                    "}";
    }
    return "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[" + pods + services + "]}";
}

std::string kevFeed(const std::vector<VulnSpec> &pool)
{
    std::string entries;
    for (const VulnSpec &s : pool) {
        if (!s.kev)
            continue;
        if (!entries.empty())
            entries += ',';
        entries += "{\"cveID\":\"" + s.id +
                   "\",\"vendorProject\":\"Example\",\"product\":\"Lib\",\"vulnerabilityName\":"
                   "\"Example flaw\",\"dateAdded\":\"2025-05-01\",\"dueDate\":\"2025-05-22\","
                   "\"knownRansomwareCampaignUse\":\"" +
                   (s.package % 5 == 0 ? "Known" : "Unknown") +
                   "\",\"requiredAction\":\"Patch\",\"notes\":\"\",\"cwes\":[]}";
    }
    return "{\"title\":\"CISA Catalog of Known Exploited Vulnerabilities\",\"catalogVersion\":"
           "\"2025.06.30\",\"vulnerabilities\":[" +
           entries + "]}";
}

std::string epssCsv(const std::vector<VulnSpec> &pool)
{
    std::string out = "#model_version:v2025.03.14,score_date:2025-06-30T00:00:00+0000\n"
                      "cve,epss,percentile\n";
    char line[96];
    for (std::size_t v = 0; v < pool.size(); ++v) {
        const double pct = std::min(1.0, std::pow(pool[v].epss, 0.25));
        std::snprintf(line, sizeof line, "%s,%.5f,%.5f\n", pool[v].id.c_str(), pool[v].epss, pct);
        out += line;
    }
    return out;
}

bool writeFile(const fs::path &path, const std::string &text)
{
    std::ofstream out(path, std::ios::binary);
    out << text;
    return bool(out);
}

// --generate-only: writes the inputs next to `target`, imports them into a fresh workspace
// and moves it to `target` only when complete.
int generate(const Options &o)
{
    const Fleet fleet = fleetOf(o);
    const fs::path target = o.keep;
    const fs::path partial = target.string() + ".partial";
    const fs::path inputs = target.string() + ".inputs";
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        fs::remove(partial.string() + suffix);
    fs::remove_all(inputs);
    fs::create_directories(inputs);
    const std::vector<VulnSpec> pool = vulnPool(fleet.pool);

    auto t0 = Clock::now();
    std::uint64_t bytes = 0;
    long written = 0;
    for (int i = 0; i < fleet.images; ++i) {
        const int n = int(std::min<long>(fleet.perImage, fleet.findings - written));
        written += n;
        const std::string text = trivyReport(fleet, i, n, pool);
        bytes += text.size();
        if (!writeFile(inputs / ("trivy-" + std::to_string(i) + ".json"), text)) {
            std::fprintf(stderr, "cannot write the reports under %s\n", inputs.c_str());
            return 1;
        }
    }
    const std::string pods = inventory(fleet), kev = kevFeed(pool), epss = epssCsv(pool);
    if (!writeFile(inputs / "k8s.json", pods) || !writeFile(inputs / "kev.json", kev) ||
        !writeFile(inputs / "epss.csv", epss)) {
        std::fprintf(stderr, "cannot write the inventory and feeds\n");
        return 1;
    }
    bytes += pods.size() + kev.size() + epss.size();
    const double writeMs = msSince(t0);

    t0 = Clock::now();
    store::ImportReport report;
    std::int64_t stored = 0;
    {
        auto ws = store::Workspace::open(partial.string());
        if (!ws) {
            std::fprintf(stderr, "cannot create the workspace: %s\n", ws.error().c_str());
            return 1;
        }
        store::ImportRequest request;
        request.paths = {inputs.string()};
        report = store::runImport(**ws, request);
        if (!report.committed || !report.failures.empty()) {
            std::fprintf(stderr,
                         "import failed: %s\n",
                         report.failures.empty() ? "not committed"
                                                 : report.failures[0].error.c_str());
            return 1;
        }
        stored = (*ws)->count("finding");
    }
    const double importMs = msSince(t0);
    fs::remove_all(inputs);
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        fs::remove(target.string() + suffix);
    for (const char *suffix : {"-wal", "-shm", "-journal"})
        if (fs::exists(partial.string() + suffix))
            fs::rename(partial.string() + suffix, target.string() + suffix);
    fs::rename(partial, target);
    std::printf("generated %d images (%d bases) x %d findings, %d vulnerabilities: %.0f MB of "
                "reports written in %.1f s, imported in %.1f s (%lld findings stored)\n",
                fleet.images,
                fleet.bases,
                fleet.perImage,
                fleet.pool,
                double(bytes) / 1e6,
                writeMs / 1000,
                importMs / 1000,
                (long long)stored);
    if (stored < fleet.findings * 99 / 100) {
        std::fprintf(
            stderr, "only %lld of %ld findings were stored\n", (long long)stored, fleet.findings);
        return 1;
    }
    return 0;
}

// Runs this binary with --generate-only in a child process; returns its wall time (ms) or
// a negative value on failure.
double generateInChild(const char *self, const Options &o)
{
    const std::string findings = std::to_string(o.findings), perImage = std::to_string(o.perImage),
                      vulns = std::to_string(o.vulns);
    std::vector<const char *> args{self,
                                   "--generate-only",
                                   "--findings",
                                   findings.c_str(),
                                   "--per-image",
                                   perImage.c_str(),
                                   "--vulns",
                                   vulns.c_str(),
                                   "--keep",
                                   o.keep.c_str(),
                                   nullptr};
    std::fflush(stdout);
    const auto t0 = Clock::now();
    pid_t pid = 0;
    if (posix_spawn(
            &pid, "/proc/self/exe", nullptr, nullptr, const_cast<char **>(args.data()), environ) !=
        0) {
        std::perror("posix_spawn");
        return -1;
    }
    int status = 0;
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return -1;
    return msSince(t0);
}

// ---------------------------------------------------------------------------------------
// GUI measurements
// ---------------------------------------------------------------------------------------

// Counts the viewport's paint events; when armed, ends `loop` once a paint was delivered
// (the loop returns after that paint and the flush have finished).
class PaintProbe : public QObject
{
public:
    using QObject::QObject;
    int paints = 0;
    bool armed = false;
    QEventLoop *loop = nullptr;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            ++paints;
            if (armed && loop) {
                armed = false;
                loop->quit();
            }
        }
        return QObject::eventFilter(watched, event);
    }
};

long procStatusKb(const char *key)
{
    std::ifstream in("/proc/self/status");
    std::string line;
    const std::size_t n = std::strlen(key);
    while (std::getline(in, line))
        if (line.compare(0, n, key) == 0 && line.size() > n && line[n] == ':')
            return std::atol(line.c_str() + n + 1);
    return -1;
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const std::size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

struct Row
{
    std::string name;
    double value;
    double target; // 0 = none
    const char *unit;
};

struct Timed
{
    double model = 0; // the operation itself (model work, signals)
    double total = 0; // incl. pending events and the repaint
    double cpu = 0;   // GUI thread CPU time over `total`
};

int failures = 0;
void fail(const std::string &what)
{
    std::fprintf(stderr, "FAILED: %s\n", what.c_str());
    ++failures;
}

// The offscreen platform warns about window size hints it ignores: not our output.
void messageHandler(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (message.contains(QLatin1String("propagateSizeHints")))
        return;
    std::fprintf(stderr, "%s\n", message.toLocal8Bit().constData());
    if (type == QtFatalMsg)
        std::abort();
}

int runGui(const Options &o, const std::string &path, double generationMs)
{
    qInstallMessageHandler(messageHandler);
    int argc = 1;
    char name[] = "bench_gui";
    char *argv[] = {name, nullptr};
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("PatchwiseBench"));
    QApplication::setApplicationName(QStringLiteral("bench_gui"));

    std::vector<Row> table;
    if (generationMs >= 0)
        table.push_back(
            {"generate + import the workspace (child process)", generationMs / 1000, 0, "s"});

    ui::MainWindow window(nullptr, false);
    window.resize(1600, 1000);
    ui::Workbench *workbench = window.workbench();
    ui::TriagePage *page = window.triagePage();
    QTableView *view = page->view();
    ui::TriageModel *model = page->model();
    PaintProbe probe;
    view->viewport()->installEventFilter(&probe);

    QEventLoop loop;
    probe.loop = &loop;
    bool timedOut = false;
    QTimer watchdog;
    watchdog.setSingleShot(true);
    QObject::connect(&watchdog, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    QString failure;
    QObject::connect(workbench, &ui::Workbench::failed, &loop, [&](const QString &message) {
        failure = message;
        loop.quit();
    });

    // The model sorts and filters large tables on a worker: after loaded() (or a sort, a
    // filter, a rescore) the rows arrive with rowsRebuilt(), and the next paint shows them.
    bool waitingForRows = false;
    const auto armWhenRows = [&] {
        if (model->isRebuilding()) {
            waitingForRows = true;
            return;
        }
        probe.armed = model->rowCount() > 0;
        if (!probe.armed)
            loop.quit();
    };
    QObject::connect(model, &ui::TriageModel::rowsRebuilt, &loop, [&] {
        if (!waitingForRows || model->isRebuilding())
            return;
        waitingForRows = false;
        view->viewport()->update();
        probe.armed = model->rowCount() > 0;
        if (!probe.armed)
            loop.quit();
    });

    // 1. Open to first paint: the load runs on a worker; the table resets on loaded(), gets
    //    its rows and paints at the next update.
    Clock::time_point loadedAt{};
    const auto openStart = Clock::now();
    const auto loadedConnection = QObject::connect(workbench, &ui::Workbench::loaded, &loop, [&] {
        loadedAt = Clock::now();
        armWhenRows();
    });
    window.openWorkspace(QString::fromStdString(path));
    window.show();
    watchdog.start(600 * 1000);
    loop.exec();
    watchdog.stop();
    const double firstPaint = msSince(openStart);
    QObject::disconnect(loadedConnection);
    if (!failure.isEmpty() || timedOut || !workbench->isOpen() || model->rowCount() == 0) {
        fail(!failure.isEmpty() ? "opening the workspace: " + failure.toStdString()
             : timedOut         ? "the workspace did not load and paint within 10 minutes"
                                : "the table has no rows after loading");
        return 1;
    }
    const double loadMs = std::chrono::duration<double, std::milli>(loadedAt - openStart).count();
    const std::size_t total = workbench->facts().size();
    const int shownAll = model->rowCount();
    std::printf("workspace: %zu findings, %d open shown, %zu images; window %dx%d\n",
                total,
                shownAll,
                workbench->facts().images.size(),
                window.width(),
                window.height());
    if (o.keep.size() && long(total) < o.findings * 99 / 100)
        std::printf("note: the kept workspace holds %zu findings, not the %ld asked for\n",
                    total,
                    o.findings);
    table.push_back(
        {"open to first paint, first time (SQLite; writes the cache)", firstPaint, 0, "ms"});
    table.push_back({"  of which loading (worker, until loaded())", loadMs, 0, "ms"});
    table.push_back({"  of which reset + first paint", firstPaint - loadMs, 0, "ms"});

    // 1b. Reopening the unchanged workspace: the load comes from the binary facts cache.
    {
        Clock::time_point reloadedAt{};
        const auto reopenStart = Clock::now();
        const auto connection = QObject::connect(workbench, &ui::Workbench::loaded, &loop, [&] {
            reloadedAt = Clock::now();
            armWhenRows();
        });
        window.openWorkspace(QString::fromStdString(path));
        watchdog.start(600 * 1000);
        loop.exec();
        watchdog.stop();
        QObject::disconnect(connection);
        if (!failure.isEmpty() || timedOut || model->rowCount() != shownAll) {
            fail("reopening the workspace changed what it shows");
            return 1;
        }
        const double reopen = msSince(reopenStart);
        table.push_back({"open to first paint, unchanged workspace (cached)", reopen, 1000, "ms"});
        table.push_back(
            {"  of which loading (worker, until loaded())",
             std::chrono::duration<double, std::milli>(reloadedAt - reopenStart).count(),
             0,
             "ms"});
    }

    // As an analyst would: a row is selected, and stays selected across sorts and filters.
    view->selectRow(0);
    QCoreApplication::processEvents();

    // Runs `op`, then returns to the event loop until the table has painted: the pending
    // events (delayed layouts, selection and details updates) and the paint run as they
    // would in the application. The paint is requested too, in case `op` changed nothing
    // visible; it coalesces with the one the model reset already asked for.
    const auto waitForPaint = [&](const char *what) {
        if (model->isRebuilding()) { // the rows first
            waitingForRows = true;
            watchdog.start(60 * 1000);
            loop.exec();
            watchdog.stop();
            if (waitingForRows || probe.armed || timedOut) {
                waitingForRows = false;
                probe.armed = false;
                fail(std::string("no rows or no repaint after ") + what);
            }
            return; // the rows came and were painted
        }
        view->viewport()->update();
        probe.armed = true;
        watchdog.start(60 * 1000);
        loop.exec();
        watchdog.stop();
        if (probe.armed || timedOut) {
            probe.armed = false;
            fail(std::string("no repaint after ") + what);
        }
    };
    const auto measure = [&](const auto &op, const char *what) -> Timed {
        Timed t;
        const double cpu0 = threadCpuMs();
        const auto t0 = Clock::now();
        op();
        t.model = msSince(t0);
        waitForPaint(what);
        t.total = msSince(t0);
        t.cpu = threadCpuMs() - cpu0;
        return t;
    };
    // The floor: a repaint with nothing changed.
    std::vector<double> idle;
    for (int r = 0; r < 5; ++r)
        idle.push_back(measure([] {}, "an update").total);

    // 2. Sort by each column, both orders.
    std::vector<double> sortTimes;
    double worstSortCpu = 0;
    double worstSort = -1;
    std::string worstSortName;
    std::printf("\nsort (ms: the sort itself / incl. repaint [GUI thread CPU]):\n");
    for (int c = 0; c < ui::TriageModel::ColumnCount; ++c) {
        std::printf("  %-18s", ui::TriageModel::columnName(c).toStdString().c_str());
        for (const Qt::SortOrder order : {Qt::DescendingOrder, Qt::AscendingOrder}) {
            const Timed t = measure([&] { view->sortByColumn(c, order); }, "a sort");
            if (model->sortColumn() != c || model->sortOrder() != order)
                fail("sorting by column " + std::to_string(c) + " did not happen");
            if (model->rowCount() != shownAll)
                fail("sorting changed the row count");
            std::printf("  %s %6.1f / %6.1f [%6.1f]",
                        order == Qt::AscendingOrder ? "asc " : "desc",
                        t.model,
                        t.total,
                        t.cpu);
            sortTimes.push_back(t.total);
            worstSortCpu = std::max(worstSortCpu, t.cpu);
            if (t.total > worstSort) {
                worstSort = t.total;
                worstSortName = ui::TriageModel::columnName(c).toStdString() +
                                (order == Qt::AscendingOrder ? " asc" : " desc");
            }
        }
        std::printf("\n");
    }
    // Back to the default order for the filters.
    measure([&] { view->sortByColumn(ui::TriageModel::Rank, Qt::AscendingOrder); }, "a sort");
    table.push_back({"repaint with nothing changed (floor), median", median(idle), 0, "ms"});
    table.push_back({"sort a column, median of " + std::to_string(sortTimes.size()),
                     median(sortTimes),
                     150,
                     "ms"});
    table.push_back({"sort a column, worst (" + worstSortName + ")", worstSort, 150, "ms"});
    // The sorting itself runs on the model's worker: what is left on the GUI thread is the
    // model reset, the selection and details update and the paint.
    table.push_back({"  GUI thread CPU during a sort, worst", worstSortCpu, 50, "ms"});

    // 3. Filters.
    const char *filters[] = {
        "severity >= high",
        "kev and exposed",
        "image ~ \"app1\"",
        "fixable and not basefix",
    };
    auto *filterError = page->findChild<QLabel *>(QStringLiteral("filterError"));
    std::vector<double> filterTimes;
    double worstFilter = -1;
    std::string worstFilterName;
    std::printf("\nfilter (ms: applying it / incl. repaint [GUI thread CPU]):\n");
    for (const char *expression : filters) {
        const Timed t =
            measure([&] { page->setFilterText(QString::fromUtf8(expression)); }, "a filter");
        if (model->filterText().isEmpty() || (filterError && !filterError->isHidden()))
            fail(std::string("filter rejected: ") + expression +
                 (filterError ? " (" + filterError->text().toStdString() + ")" : std::string()));
        std::printf("  %-28s %8d rows  %6.1f / %6.1f [%6.1f]\n",
                    expression,
                    model->rowCount(),
                    t.model,
                    t.total,
                    t.cpu);
        if (model->rowCount() == 0)
            std::printf("    (no rows: the workspace does not exercise this filter)\n");
        filterTimes.push_back(t.total);
        if (t.total > worstFilter) {
            worstFilter = t.total;
            worstFilterName = expression;
        }
    }
    const Timed cleared = measure([&] { page->setFilterText(QString()); }, "clearing the filter");
    std::printf("  %-28s %8d rows  %6.1f / %6.1f [%6.1f]\n",
                "(cleared)",
                model->rowCount(),
                cleared.model,
                cleared.total,
                cleared.cpu);
    if (model->rowCount() != shownAll)
        fail("clearing the filter did not bring every row back");
    table.push_back({"apply a filter, median of " + std::to_string(filterTimes.size()),
                     median(filterTimes),
                     50,
                     "ms"});
    table.push_back({"apply a filter, worst (" + worstFilterName + ")", worstFilter, 50, "ms"});

    // 4. What-if: change the KEV weight, wait for rescored(), repaint.
    std::vector<double> rescoreTimes;
    std::printf("\nwhat-if rescore + re-rank (ms: until rescored() and the table re-sorted / incl. "
                "repaint [GUI thread CPU]):\n");
    const double baseWeight =
        workbench->policy().weights[std::size_t(risk::Factor::KnownExploited)];
    bool rescored = false;
    QObject::connect(workbench, &ui::Workbench::rescored, &loop, [&] {
        rescored = true;
        loop.quit();
    });
    for (int r = 0; r < std::max(1, o.rounds) + 1; ++r) {
        risk::Policy p = workbench->policy();
        const double weight = baseWeight + (r % 2 == 0 ? 1.0 : 0.0) + 0.01 * r;
        p.weights[std::size_t(risk::Factor::KnownExploited)] = weight;
        rescored = false;
        const Timed t = measure(
            [&] {
                workbench->setPolicy(p);
                watchdog.start(600 * 1000);
                if (!rescored)
                    loop.exec();
                watchdog.stop();
            },
            "a rescore");
        if (!rescored || timedOut ||
            workbench->policy().weights[std::size_t(risk::Factor::KnownExploited)] != weight)
            fail("the what-if rescore did not complete");
        if (model->rowCount() != shownAll)
            fail("rescoring changed the row count");
        std::printf("  round %d  %6.1f / %6.1f [%6.1f]%s\n",
                    r,
                    t.model,
                    t.total,
                    t.cpu,
                    r == 0 ? "  (first: builds the back buffer; not in the median)" : "");
        if (r > 0)
            rescoreTimes.push_back(t.total);
    }
    table.push_back({"what-if rescore + re-rank, median of " + std::to_string(rescoreTimes.size()),
                     median(rescoreTimes),
                     150,
                     "ms"});
    table.push_back({"what-if rescore + re-rank, worst",
                     *std::max_element(rescoreTimes.begin(), rescoreTimes.end()),
                     150,
                     "ms"});

    // 5. File ▸ Export ▸ triage table as CSV, every row: streamed on the exporter's worker.
    {
        const std::string csv = std::filesystem::temp_directory_path() /
                                ("patchwise-bench-" + std::to_string(getpid()) + ".csv");
        const long rssBefore = procStatusKb("VmRSS");
        long rssPeak = rssBefore;
        QTimer sampler;
        QObject::connect(&sampler, &QTimer::timeout, &loop, [&] {
            rssPeak = std::max(rssPeak, procStatusKb("VmRSS"));
        });
        sampler.start(20);
        QString exportError;
        bool exported = false;
        const auto connection = QObject::connect(window.exporter(),
                                                 &ui::ExportController::finished,
                                                 &loop,
                                                 [&](const QString &, const QString &error) {
                                                     exportError = error;
                                                     exported = true;
                                                     loop.quit();
                                                 });
        const auto t0 = Clock::now();
        if (!window.exporter()->exportTableCsvTo(QString::fromStdString(csv))) {
            fail("the table export did not start");
        } else {
            watchdog.start(600 * 1000);
            if (!exported)
                loop.exec();
            watchdog.stop();
        }
        const double exportMs = msSince(t0);
        sampler.stop();
        QObject::disconnect(connection);
        std::error_code ec;
        const auto bytes = std::filesystem::file_size(csv, ec);
        std::filesystem::remove(csv, ec);
        if (!exported || !exportError.isEmpty())
            fail("the table export failed: " + exportError.toStdString());
        std::printf("\nexport the table as CSV: %d rows, %.0f MB in %.1f s; RSS %.0f → peak %.0f "
                    "MB\n",
                    model->rowCount(),
                    double(bytes) / 1e6,
                    exportMs / 1000,
                    double(rssBefore) / 1024,
                    double(rssPeak) / 1024);
        table.push_back({"export the table as CSV (worker)", exportMs, 0, "ms"});
        table.push_back(
            {"  RSS growth while exporting", double(rssPeak - rssBefore) / 1024, 0, "MB"});
    }

    const long hwm = procStatusKb("VmHWM"), rss = procStatusKb("VmRSS");
    table.push_back({"peak RSS (VmHWM, GUI process)", double(hwm) / 1024, 500, "MB"});
    table.push_back({"  RSS now (VmRSS)", double(rss) / 1024, 0, "MB"});

    std::printf("\n%-56s %12s %10s %7s\n", "measurement", "value", "target", "ratio");
    std::printf("%s\n", std::string(89, '-').c_str());
    for (const Row &row : table) {
        char value[32], target[32], ratio[32];
        std::snprintf(value, sizeof value, "%.1f %s", row.value, row.unit);
        if (row.target > 0) {
            std::snprintf(target, sizeof target, "%.0f %s", row.target, row.unit);
            std::snprintf(ratio,
                          sizeof ratio,
                          "%.2f%s",
                          row.value / row.target,
                          row.value > row.target ? " !" : "");
        } else {
            std::snprintf(target, sizeof target, "-");
            std::snprintf(ratio, sizeof ratio, "-");
        }
        std::printf("%-56s %12s %10s %7s\n", row.name.c_str(), value, target, ratio);
    }
    std::printf(
        "(ratio = value / target; \"!\" marks a missed target. Timings never fail the run.)\n");

    window.hide();
    return failures ? 1 : 0;
}

// A private HOME and XDG folders: the window's QSettings must not touch the user's files.
std::string isolateEnvironment()
{
    char tmpl[] = "/tmp/patchwise-bench-gui-home-XXXXXX";
    const char *home = mkdtemp(tmpl);
    if (!home)
        return {};
    const std::string h = home;
    setenv("HOME", h.c_str(), 1);
    setenv("XDG_CONFIG_HOME", (h + "/config").c_str(), 1);
    setenv("XDG_DATA_HOME", (h + "/data").c_str(), 1);
    setenv("XDG_CACHE_HOME", (h + "/cache").c_str(), 1);
    setenv("XDG_RUNTIME_DIR", h.c_str(), 1);
    if (!std::getenv("QT_QPA_PLATFORM") || !*std::getenv("QT_QPA_PLATFORM"))
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
    return h;
}

} // namespace

int main(int argc, char **argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const auto next = [&]() -> const char * {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "%s needs a value\n", argv[i]);
                std::exit(2);
            }
            return argv[++i];
        };
        if (!std::strcmp(argv[i], "--findings"))
            o.findings = std::atol(next());
        else if (!std::strcmp(argv[i], "--per-image"))
            o.perImage = std::max(1, std::atoi(next()));
        else if (!std::strcmp(argv[i], "--vulns"))
            o.vulns = std::max(1, std::atoi(next()));
        else if (!std::strcmp(argv[i], "--rounds"))
            o.rounds = std::max(1, std::atoi(next()));
        else if (!std::strcmp(argv[i], "--keep"))
            o.keep = next();
        else if (!std::strcmp(argv[i], "--generate-only"))
            o.generateOnly = true;
        else {
            std::fprintf(stderr,
                         "usage: bench_gui [--findings N] [--per-image M] [--vulns V] [--rounds R] "
                         "[--keep FILE] [--generate-only]\n");
            return 2;
        }
    }
    if (o.findings < 1) {
        std::fprintf(stderr, "--findings must be positive\n");
        return 2;
    }
    if (o.generateOnly) {
        if (o.keep.empty()) {
            std::fprintf(stderr, "--generate-only needs --keep FILE\n");
            return 2;
        }
        return generate(o);
    }

    fs::path scratch;
    if (o.keep.empty()) {
        char tmpl[] = "/tmp/patchwise-bench-gui-XXXXXX";
        if (!mkdtemp(tmpl)) {
            std::perror("mkdtemp");
            return 1;
        }
        scratch = tmpl;
        o.keep = (scratch / "workspace.pw").string();
    }
    double generationMs = -1;
    if (!fs::exists(o.keep)) {
        std::printf("generating a workspace of %ld findings in %s (child process)…\n",
                    o.findings,
                    o.keep.c_str());
        generationMs = generateInChild(argv[0], o);
        if (generationMs < 0) {
            std::fprintf(stderr, "FAILED: generating the workspace\n");
            if (!scratch.empty())
                fs::remove_all(scratch);
            return 1;
        }
    } else {
        std::printf("reusing the workspace %s\n", o.keep.c_str());
    }

    const std::string home = isolateEnvironment();
    int status = runGui(o, o.keep, generationMs);
    if (!home.empty())
        fs::remove_all(home);
    if (!scratch.empty())
        fs::remove_all(scratch);
    return status;
}
