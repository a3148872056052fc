// SPDX-License-Identifier: GPL-3.0-or-later
// patchwise-cli: the headless front end. Every command prints JSON so that pipelines and
// tests can rely on it.

#include "cvss/cvssjsonline.h"
#include "export/findingsexport.h"
#include "export/riskexport.h"
#include "ingest/vex.h"
#include "model/imageref.h"
#include "model/triage.h"
#include "planreport.h"
#include "risk/filter.h"
#include "risk/scoredrows.h"
#include "risk/sortspec.h"
#include "store/decisions.h"
#include "store/importrunner.h"
#include "store/vexmatch.h"
#include "store/workspace.h"
#include "util/jsonescape.h"
#include "util/timestamp.h"

#include <QFileInfo>
#include <QGuiApplication>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace {

constexpr std::string_view kUsage =
    "usage: patchwise-cli <command> [arguments]\n"
    "\n"
    "commands:\n"
    "  cvss [VECTOR...]   score CVSS v2.0/v3.0/v3.1/v4.0 vectors; without arguments, read one\n"
    "                     vector per line from standard input. Prints one JSON object per\n"
    "                     vector and line (rejected vectors as {\"vector\":…,\"error\":…}).\n"
    "  import --db FILE [--keep-going] [--snapshot-time TIME] [--only KIND] PATH...\n"
    "                     import scanner reports (files or directories, walked recursively)\n"
    "                     into the workspace FILE as one snapshot, all or nothing; prints a\n"
    "                     JSON summary. --keep-going imports the good files and reports the\n"
    "                     bad ones. --snapshot-time (ISO 8601) records a backfill.\n"
    "                     --only scans|inventory|feeds refuses files of any other kind.\n"
    "  findings --db FILE [--policy FILE] [--filter EXPR] [--sort FIELD[,FIELD]]\n"
    "           [--limit N] [--format json|csv] [--now TIME] [--suppressed]\n"
    "                     print the workspace's findings, scored and ranked (rank 1 = fix\n"
    "                     first). --filter takes the filter language of docs/filter.md, e.g.\n"
    "                     'severity >= high and kev and image ~ \"nginx\" and not fixable';\n"
    "                     --sort names fields (worst first; '-field' reverses, ':asc'/':desc').\n"
    "                     Suppressed findings (decided away, or ignored by the scanner) are\n"
    "                     listed only with --suppressed or a filter on triage or suppressed.\n"
    "  images --db FILE [--policy FILE] [--now TIME]\n"
    "                     one object per image: health grade A-F, next grade drop, open\n"
    "                     findings by severity, running containers, exposure, risk sum\n"
    "  trends --db FILE [--policy FILE] [--now TIME]\n"
    "                     open findings by severity at every snapshot (burn-down) and the\n"
    "                     days it took to fix what was fixed, per severity\n"
    "  matrix --db FILE --vendor SOURCE [--policy FILE]\n"
    "                     NVD CVSS severity x the vendor's severity, with counts\n"
    "  layers --db FILE --image REF [--policy FILE] [--now TIME]\n"
    "                     one image layer by layer: DiffID, history line, size, open findings\n"
    "                     by severity, risk, and which layers came with its base image\n"
    "                     (REF: name:tag, repo digest, config digest or a unique prefix)\n"
    "  base --db FILE --image REF [--set BASE] [--layers N] [--clear]\n"
    "                     show the image's base image and how it was found; --set / --layers\n"
    "                     record your own (the base's reference and/or its layer count;\n"
    "                     kept across re-imports), --clear forgets it\n"
    "  plan --db FILE [--policy FILE] [--filter EXPR] [--format json|csv|pdf]\n"
    "       [--out FILE] [--now TIME] [--simulate RANKS]\n"
    "                     the fleet-wide remediation plan: base-image updates, package\n"
    "                     upgrades, and no-fix groups with their mitigations, ordered by the\n"
    "                     risk each removes (actions fixing breached SLAs first). --filter\n"
    "                     limits it to the findings the expression selects. --simulate\n"
    "                     1,3,5-7 applies those actions and prints the projected risk, grades\n"
    "                     and SLA breaches. csv: --rows actions (default) or --rows findings\n"
    "                     (one row per finding with its action). pdf (needs --out; no display\n"
    "                     needed): a paginated report; --listed N actions in the table\n"
    "                     (500), --detailed N with their findings (40), --findings-per-action\n"
    "                     N rows each (30). --out writes to FILE instead of standard output\n"
    "  decide --db FILE --filter EXPR --state STATE --scope digest|repository|fleet\n"
    "         --reason TEXT [--until DATE] [--justification J] [--note TEXT] [--owner NAME]\n"
    "                     record a triage decision on the findings the filter selects, for\n"
    "                     their image (digest), every tag of its repository, or the fleet\n"
    "                     (always per vulnerability and package). STATE: new, in-triage,\n"
    "                     exploitable, risk-accepted (needs --until), false-positive,\n"
    "                     not-affected (needs a CycloneDX/OpenVEX --justification), fixed.\n"
    "                     The last four take findings out of the ranking and the plan.\n"
    "  decisions --db FILE [--history] [--now TIME]\n"
    "                     every decision with how many findings it decides now (coversNow;\n"
    "                     the most specific decision wins), expiry, and --history its changes\n"
    "  vex import --db FILE [--dry-run] [--matching-only] [--owner NAME] VEX...\n"
    "                     turn OpenVEX / CycloneDX VEX statements into decisions; prints per\n"
    "                     statement the findings it matches now, or why it matches nothing.\n"
    "                     --dry-run records nothing (a preview); --matching-only skips\n"
    "                     statements that match no finding now (others are kept for later\n"
    "                     scans)\n"
    "  vex export --db FILE [--out FILE] [--author NAME]\n"
    "                     the workspace's decisions as an OpenVEX v0.2.0 document\n"
    "  policy [--policy FILE]\n"
    "                     print the policy in effect (all keys, defaults filled in): a\n"
    "                     starting point for your own, or a check of one you wrote\n"
    "\n"
    "  --policy FILE      a policy JSON file (docs/risk.md), or preset:default / preset:pci-dss\n"
    "  --now TIME         the analysis time (ISO 8601) for exposure days, SLA and grades;\n"
    "                     default: the current time\n"
    "\n"
    "options:\n"
    "  -h, --help         show this help\n"
    "  --version          show the version\n"
    "\n"
    "exit status: 0 on success (cvss: even if some vectors were rejected), 2 on a usage\n"
    "error, 1 when an input, the workspace or the output failed.\n";

int usageError(std::string_view message)
{
    std::cerr << "patchwise-cli: " << message << "\n\n" << kUsage;
    return 2;
}

// An error in an expression argument: the message, then the expression with a caret under
// the column the message names ("column N: …"). No usage text: the problem is the
// expression, not the command line.
int expressionError(std::string_view context,
                    std::string_view expression,
                    const std::string &message)
{
    std::cerr << "patchwise-cli: " << context << ": " << message << "\n";
    if (message.starts_with("column ")) {
        const int column = std::atoi(message.c_str() + 7);
        if (column > 0) {
            std::cerr << "  " << expression << "\n  ";
            // Columns count characters: skip UTF-8 continuation bytes.
            int seen = 0;
            for (std::size_t i = 0; i < expression.size() && seen < column - 1; ++i) {
                if ((static_cast<unsigned char>(expression[i]) & 0xC0) != 0x80) {
                    ++seen;
                    std::cerr << (expression[i] == '\t' ? '\t' : ' ');
                }
            }
            std::cerr << "^\n";
        }
    }
    return 2;
}

int runCvss(int argc, char **argv)
{
    std::string out;
    auto emit = [&](std::string_view input) {
        out = patchwise::cvss::jsonLine(input);
        out.push_back('\n');
        std::fwrite(out.data(), 1, out.size(), stdout);
    };

    // Vectors come from the arguments, or from standard input when there are none (or the
    // only argument is "-"). A vector never starts with '-', so anything else that does is
    // an option we do not know.
    bool fromArguments = false;
    bool dashSeen = false;
    for (int i = 2; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "-h" || arg == "--help") {
            std::cout << kUsage;
            return 0;
        }
        if (arg == "-")
            dashSeen = true;
        else if (arg.starts_with('-'))
            return usageError("cvss: unknown option \"" + std::string(arg) + "\"");
        else
            fromArguments = true;
    }
    if (dashSeen && fromArguments)
        return usageError("cvss: give vectors as arguments or \"-\" for standard input, not both");
    if (fromArguments) {
        for (int i = 2; i < argc; ++i)
            emit(argv[i]);
    } else {
        std::ios::sync_with_stdio(false);
        std::string line;
        while (std::getline(std::cin, line))
            emit(line);
        if (std::cin.bad()) {
            std::cerr << "patchwise-cli cvss: error reading standard input\n";
            return 1;
        }
    }
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
        std::cerr << "patchwise-cli cvss: error writing standard output\n";
        return 1;
    }
    return 0;
}

// Options of the form --name VALUE; everything else is positional.
struct Args
{
    std::vector<std::pair<std::string, std::string>> options;
    std::vector<std::string> flags;
    std::vector<std::string> positional;
    std::string error;

    std::optional<std::string> option(std::string_view name) const
    {
        for (const auto &[k, v] : options)
            if (k == name)
                return v;
        return std::nullopt;
    }
    bool flag(std::string_view name) const
    {
        return std::find(flags.begin(), flags.end(), name) != flags.end();
    }
};

Args parseArgs(int argc,
               char **argv,
               std::initializer_list<std::string_view> valued,
               std::initializer_list<std::string_view> boolean)
{
    Args a;
    for (int i = 2; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg.starts_with("--") && arg.size() > 2) {
            std::string name(arg);
            std::string value;
            const std::size_t eq = name.find('=');
            bool hasValue = false;
            if (eq != std::string::npos) {
                value = name.substr(eq + 1);
                name = name.substr(0, eq);
                hasValue = true;
            }
            if (std::find(valued.begin(), valued.end(), name) != valued.end()) {
                if (!hasValue) {
                    if (i + 1 >= argc) {
                        a.error = "option " + name + " needs a value";
                        return a;
                    }
                    value = argv[++i];
                }
                a.options.emplace_back(name, value);
            } else if (std::find(boolean.begin(), boolean.end(), name) != boolean.end() &&
                       !hasValue) {
                a.flags.push_back(name);
            } else {
                a.error = "unknown option \"" + name + "\"";
                return a;
            }
        } else {
            a.positional.emplace_back(arg);
        }
    }
    return a;
}

bool writeStdout(const std::string &text)
{
    std::fwrite(text.data(), 1, text.size(), stdout);
    return std::fflush(stdout) == 0 && !std::ferror(stdout);
}

std::unique_ptr<patchwise::store::Workspace> openWorkspace(const std::string &path)
{
    auto ws = patchwise::store::Workspace::open(path);
    if (!ws) {
        std::cerr << "patchwise-cli: " << ws.error() << "\n";
        return nullptr;
    }
    return std::move(*ws);
}

int runImport(int argc, char **argv)
{
    const Args args =
        parseArgs(argc, argv, {"--db", "--snapshot-time"}, {"--keep-going", "--help"});
    if (!args.error.empty())
        return usageError("import: " + args.error);
    if (args.flag("--help")) {
        std::cout << kUsage;
        return 0;
    }
    const auto db = args.option("--db");
    if (!db || db->empty())
        return usageError("import: --db FILE is required");
    if (args.positional.empty())
        return usageError("import: give at least one file or directory to import");
    patchwise::store::ImportRequest request;
    request.paths = args.positional;
    request.keepGoing = args.flag("--keep-going");
    if (const auto only = args.option("--only")) {
        if (*only == "scans")
            request.onlyKind = patchwise::ingest::FormatKind::Scan;
        else if (*only == "inventory")
            request.onlyKind = patchwise::ingest::FormatKind::Inventory;
        else if (*only == "feeds")
            request.onlyKind = patchwise::ingest::FormatKind::Feed;
        else
            return usageError("import: --only takes scans, inventory or feeds");
    }
    if (const auto t = args.option("--snapshot-time")) {
        const auto parsed = patchwise::parseTimestamp(*t);
        if (!parsed)
            return usageError("import: --snapshot-time \"" + *t +
                              "\" is not an ISO 8601 time (e.g. 2025-08-26T10:00:00Z)");
        request.options.snapshotTime = *parsed;
    }
    auto ws = openWorkspace(*db);
    if (!ws)
        return 1;
    const patchwise::store::ImportReport report = patchwise::store::runImport(*ws, request);
    for (const auto &f : report.failures)
        std::cerr << "patchwise-cli import: " << f.error << "\n";
    if (!report.committed && !report.failures.empty())
        std::cerr << "patchwise-cli import: nothing was imported; the workspace is unchanged\n";
    if (!writeStdout(patchwise::exporting::importReportJson(report)))
        return 1;
    return report.failures.empty() ? 0 : 1;
}

// A workspace scored under a policy: what findings, images and matrix share.
struct Scored
{
    std::unique_ptr<patchwise::store::Workspace> workspace;
    patchwise::risk::Facts facts;
    std::optional<patchwise::risk::Scoring> scoring;
};

// Opens, loads and scores; prints the error and returns nullopt on failure (exit code in
// `status`).
std::unique_ptr<Scored> loadScored(const char *command, const Args &args, int &status)
{
    status = 2;
    const auto db = args.option("--db");
    if (!db || db->empty()) {
        usageError(std::string(command) + ": --db FILE is required");
        return nullptr;
    }
    std::int64_t now = std::int64_t(std::time(nullptr));
    if (const auto t = args.option("--now")) {
        const auto parsed = patchwise::parseTimestamp(*t);
        if (!parsed) {
            usageError(std::string(command) + ": --now \"" + *t +
                       "\" is not an ISO 8601 time (e.g. 2026-11-28T12:00:00Z)");
            return nullptr;
        }
        now = *parsed;
    }
    status = 1;
    const std::string policyPath = args.option("--policy").value_or("preset:default");
    auto policy = patchwise::risk::loadPolicy(policyPath);
    if (!policy) {
        std::cerr << "patchwise-cli " << command << ": " << policy.error() << "\n";
        return nullptr;
    }
    if (!std::filesystem::exists(*db)) {
        std::cerr << "patchwise-cli " << command << ": " << *db << ": no such workspace\n";
        return nullptr;
    }
    auto scored = std::make_unique<Scored>();
    scored->workspace = openWorkspace(*db);
    if (!scored->workspace)
        return nullptr;
    auto facts = scored->workspace->loadFacts(now);
    if (!facts) {
        std::cerr << "patchwise-cli " << command << ": " << facts.error() << "\n";
        return nullptr;
    }
    scored->facts = std::move(*facts);
    scored->scoring = patchwise::risk::Scoring::compute(scored->facts, *policy);
    status = 0;
    return scored;
}

int runTrends(int argc, char **argv)
{
    const Args args = parseArgs(argc, argv, {"--db", "--policy", "--now"}, {"--help"});
    if (!args.error.empty())
        return usageError("trends: " + args.error);
    if (args.flag("--help")) {
        std::cout << kUsage;
        return 0;
    }
    if (!args.positional.empty())
        return usageError("trends: unexpected argument \"" + args.positional.front() + "\"");
    int status = 0;
    const auto scored = loadScored("trends", args, status);
    if (!scored)
        return status;
    return writeStdout(patchwise::exporting::trendsJson(patchwise::risk::trends(*scored->scoring)))
               ? 0
               : 1;
}

int runImages(int argc, char **argv)
{
    const Args args = parseArgs(argc, argv, {"--db", "--policy", "--now"}, {"--help"});
    if (!args.error.empty())
        return usageError("images: " + args.error);
    if (args.flag("--help")) {
        std::cout << kUsage;
        return 0;
    }
    if (!args.positional.empty())
        return usageError("images: unexpected argument \"" + args.positional.front() + "\"");
    int status = 0;
    const auto scored = loadScored("images", args, status);
    if (!scored)
        return status;
    return writeStdout(patchwise::exporting::imagesJson(*scored->scoring)) ? 0 : 1;
}

int runMatrix(int argc, char **argv)
{
    const Args args = parseArgs(argc, argv, {"--db", "--policy", "--vendor", "--now"}, {"--help"});
    if (!args.error.empty())
        return usageError("matrix: " + args.error);
    if (args.flag("--help")) {
        std::cout << kUsage;
        return 0;
    }
    if (!args.positional.empty())
        return usageError("matrix: unexpected argument \"" + args.positional.front() + "\"");
    const auto vendor = args.option("--vendor");
    if (!vendor || vendor->empty())
        return usageError("matrix: --vendor SOURCE is required (e.g. redhat, debian, ubuntu)");
    int status = 0;
    const auto scored = loadScored("matrix", args, status);
    if (!scored)
        return status;
    const auto matrix = scored->scoring->matrix(patchwise::risk::normalizedSource(*vendor));
    // A vendor without ratings still gets its (all unknown) matrix; stderr says which
    // vendors this workspace has, in case of a typo.
    if (std::find(matrix.vendors.begin(), matrix.vendors.end(), matrix.vendor) ==
        matrix.vendors.end()) {
        std::string list;
        for (const std::string &v : matrix.vendors)
            list += (list.empty() ? "" : ", ") + v;
        std::cerr << "patchwise-cli matrix: warning: no severity ratings from \"" << *vendor
                  << "\" in this workspace (vendors: " << (list.empty() ? "none" : list) << ")\n";
    }
    return writeStdout(patchwise::exporting::matrixJson(matrix)) ? 0 : 1;
}

int runLayers(int argc, char **argv)
{
    const Args args = parseArgs(argc, argv, {"--db", "--policy", "--image", "--now"}, {"--help"});
    if (!args.error.empty())
        return usageError("layers: " + args.error);
    if (args.flag("--help")) {
        std::cout << kUsage;
        return 0;
    }
    if (!args.positional.empty())
        return usageError("layers: unexpected argument \"" + args.positional.front() + "\"");
    const auto reference = args.option("--image");
    if (!reference || reference->empty())
        return usageError("layers: --image REF is required");
    int status = 0;
    const auto scored = loadScored("layers", args, status);
    if (!scored)
        return status;
    const auto images = scored->workspace->imageLayers();
    if (!images) {
        std::cerr << "patchwise-cli layers: " << images.error() << "\n";
        return 1;
    }
    const auto index = patchwise::layers::resolveImage(*images, *reference);
    if (!index) {
        std::cerr << "patchwise-cli layers: " << index.error() << "\n";
        return 1;
    }
    const auto bases = patchwise::layers::detectBaseImages(*images);
    const auto flags = patchwise::layers::baseAttribution(*images, bases, *scored->scoring);
    const auto view =
        patchwise::layers::layerView(*images, *index, bases[*index], *scored->scoring, flags);
    return writeStdout(patchwise::exporting::layersJson(view)) ? 0 : 1;
}

// "1,3,5-7" → {1, 3, 5, 6, 7}; nullopt on anything else.
std::optional<std::vector<std::uint32_t>> parseRanks(std::string_view text)
{
    std::vector<std::uint32_t> ranks;
    const auto number = [](std::string_view t) -> std::optional<std::uint32_t> {
        if (t.empty() || t.size() > 9 ||
            !std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return std::nullopt;
        return std::uint32_t(std::stoul(std::string(t)));
    };
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string_view item = text.substr(start, comma - start);
        const std::size_t dash = item.find('-');
        const auto first = number(item.substr(0, dash));
        const auto last = dash == std::string_view::npos ? first : number(item.substr(dash + 1));
        if (!first || !last || *last < *first || *last - *first > 100000)
            return std::nullopt;
        for (std::uint32_t r = *first; r <= *last; ++r)
            ranks.push_back(r);
        start = comma + 1;
    }
    return ranks;
}

// Writes `text` to `path` through a temporary file renamed into place: a failed write
// leaves no partial file. Prints the error.
bool writeFile(const char *command, const std::string &path, const std::string &text)
{
    const std::string temporary = path + ".part";
    {
        std::FILE *file = std::fopen(temporary.c_str(), "wb");
        if (!file) {
            std::cerr << "patchwise-cli " << command << ": " << path << ": cannot write\n";
            return false;
        }
        const bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size();
        if (std::fclose(file) != 0 || !written) {
            std::remove(temporary.c_str());
            std::cerr << "patchwise-cli " << command << ": " << path << ": cannot write\n";
            return false;
        }
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error) {
        std::remove(temporary.c_str());
        std::cerr << "patchwise-cli " << command << ": " << path << ": " << error.message() << "\n";
        return false;
    }
    return true;
}

std::optional<int> countOption(const Args &args, const char *name)
{
    const auto text = args.option(name);
    if (!text)
        return std::nullopt;
    char *end = nullptr;
    const long v = std::strtol(text->c_str(), &end, 10);
    if (text->empty() || *end != '\0' || v < 0 || v > 1000000)
        return -1;
    return int(v);
}

int runPlan(int argc, char **argv)
{
    const Args args = parseArgs(argc,
                                argv,
                                {"--db",
                                 "--policy",
                                 "--now",
                                 "--format",
                                 "--simulate",
                                 "--filter",
                                 "--out",
                                 "--rows",
                                 "--listed",
                                 "--detailed",
                                 "--findings-per-action"},
                                {"--help"});
    if (!args.error.empty())
        return usageError("plan: " + args.error);
    if (args.flag("--help")) {
        std::cout << kUsage;
        return 0;
    }
    if (!args.positional.empty())
        return usageError("plan: unexpected argument \"" + args.positional.front() + "\"");
    const std::string format = args.option("--format").value_or("json");
    if (format != "json" && format != "csv" && format != "pdf")
        return usageError("plan: --format must be json, csv or pdf");
    const std::string rows = args.option("--rows").value_or("actions");
    if (rows != "actions" && rows != "findings")
        return usageError("plan: --rows must be actions or findings");
    if (args.option("--rows") && format != "csv")
        return usageError("plan: --rows applies to --format csv");
    const auto out = args.option("--out");
    if (format == "pdf" && (!out || out->empty()))
        return usageError("plan: --format pdf needs --out FILE");
    patchwise::report::PlanReportOptions pdfOptions;
    for (const auto &[name, field] :
         {std::pair{"--listed", &pdfOptions.listedActions},
          std::pair{"--detailed", &pdfOptions.detailedActions},
          std::pair{"--findings-per-action", &pdfOptions.findingsPerAction}}) {
        const auto value = countOption(args, name);
        if (value && format != "pdf")
            return usageError(std::string("plan: ") + name + " applies to --format pdf");
        if (value && *value < 0)
            return usageError(std::string("plan: ") + name + " needs a number from 0 to 1000000");
        if (value)
            *field = *value;
    }
    const std::string filterText = args.option("--filter").value_or("");
    auto filter = patchwise::risk::Filter::parse(filterText);
    if (!filter)
        return expressionError("plan: --filter", filterText, filter.error());
    std::optional<std::vector<std::uint32_t>> ranks;
    if (const auto simulate = args.option("--simulate")) {
        ranks = parseRanks(*simulate);
        if (!ranks)
            return usageError("plan: --simulate takes action ranks like 1,3,5-7, not \"" +
                              *simulate + "\"");
        if (format != "json")
            return usageError("plan: --simulate prints JSON only");
    }
    int status = 0;
    const auto scored = loadScored("plan", args, status);
    if (!scored)
        return status;
    const auto images = scored->workspace->imageLayers();
    if (!images) {
        std::cerr << "patchwise-cli plan: " << images.error() << "\n";
        return 1;
    }
    const patchwise::risk::Scoring &scoring = *scored->scoring;
    const auto bases = patchwise::layers::detectBaseImages(*images);
    const auto flags = patchwise::layers::baseAttribution(*images, bases, scoring);
    // The scope: the findings the filter selects (every finding without one).
    std::vector<bool> scope;
    if (!filter->isEmpty()) {
        patchwise::risk::ScoredRows source(scoring);
        patchwise::layers::setBaseAttribution(source, flags);
        scope.assign(scoring.size(), false);
        for (std::uint32_t f : filter->select(source, scoring.ranking()))
            scope[f] = true;
    }
    const auto plan = patchwise::layers::buildPlan(scoring, *images, bases, flags, scope);
    if (ranks) {
        const auto simulation = patchwise::layers::simulate(scoring, plan, *ranks);
        if (!simulation) {
            std::cerr << "patchwise-cli plan: --simulate: " << simulation.error() << "\n";
            return 1;
        }
        const std::string text = patchwise::exporting::simulationJson(*simulation, plan, scoring);
        return (out ? writeFile("plan", *out, text) : writeStdout(text)) ? 0 : 1;
    }
    if (format == "pdf") {
        // Fonts and painting need a QGuiApplication; no display is needed or used.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        // A headless run has no session runtime folder; Qt's note about it is noise here.
        static const QtMessageHandler previous = qInstallMessageHandler(
            [](QtMsgType type, const QMessageLogContext &context, const QString &message) {
                if (!message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR")))
                    previous(type, context, message);
            });
        int qtArgc = 1;
        char *qtArgv[] = {argv[0], nullptr};
        QGuiApplication app(qtArgc, qtArgv);
        const auto latest = scored->workspace->latestScanTime();
        patchwise::report::PlanReportInput input;
        input.scoring = &scoring;
        input.plan = &plan;
        input.scope = scope;
        input.workspace = QFileInfo(QString::fromStdString(*args.option("--db"))).fileName();
        input.scopeText = QString::fromStdString(filterText).trimmed();
        input.latestScan = latest ? *latest : 0;
        input.generatedAt = std::int64_t(std::time(nullptr));
        input.generator = QStringLiteral("Patchwise " PATCHWISE_VERSION);
        const auto written =
            patchwise::report::writePlanPdf(QString::fromStdString(*out), input, pdfOptions);
        if (!written) {
            std::cerr << "patchwise-cli plan: " << written.error() << "\n";
            return 1;
        }
        std::cerr << "patchwise-cli plan: wrote " << *out << " (" << written->pages << " pages, "
                  << plan.actions.size() << " actions, " << written->actionsDetailed
                  << " in detail)\n";
        return 0;
    }
    const std::string text = format == "json" ? patchwise::exporting::planJson(plan, scoring)
                             : rows == "actions"
                                 ? patchwise::exporting::planCsv(plan, scoring)
                                 : patchwise::exporting::planFindingsCsv(plan, scoring);
    return (out ? writeFile("plan", *out, text) : writeStdout(text)) ? 0 : 1;
}

int runDecide(int argc, char **argv)
{
    const Args args = parseArgs(argc,
                                argv,
                                {"--db",
                                 "--filter",
                                 "--state",
                                 "--scope",
                                 "--until",
                                 "--reason",
                                 "--justification",
                                 "--note",
                                 "--owner",
                                 "--now",
                                 "--policy"},
                                {"--help"});
    if (!args.error.empty())
        return usageError("decide: " + args.error);
    if (args.flag("--help")) {
        std::cout << kUsage;
        return 0;
    }
    if (!args.positional.empty())
        return usageError("decide: unexpected argument \"" + args.positional.front() + "\"");
    const std::string filterText = args.option("--filter").value_or("");
    if (filterText.empty())
        return usageError("decide: --filter EXPR is required (which findings the decision is on)");
    auto filter = patchwise::risk::Filter::parse(filterText);
    if (!filter)
        return expressionError("decide: --filter", filterText, filter.error());
    const auto state = patchwise::model::triageStateFromName(args.option("--state").value_or(""));
    if (!state)
        return usageError("decide: --state must be new, in-triage, exploitable, risk-accepted, "
                          "false-positive, not-affected or fixed");
    const auto scope = patchwise::model::decisionScopeFromName(args.option("--scope").value_or(""));
    if (!scope)
        return usageError("decide: --scope must be digest, repository or fleet");
    std::int64_t until = 0;
    if (const auto u = args.option("--until")) {
        const auto parsed = patchwise::parseTimestamp(u->size() == 10 ? *u + "T00:00:00Z" : *u);
        if (!parsed)
            return usageError("decide: --until \"" + *u + "\" is not a date (2026-12-31)");
        until = *parsed;
    }
    if (*state == patchwise::model::TriageState::RiskAccepted && until == 0)
        return usageError("decide: risk-accepted needs --until DATE (acceptances expire)");
    if (*state != patchwise::model::TriageState::RiskAccepted && until != 0)
        return usageError("decide: --until applies to risk-accepted only");
    const std::string justification = args.option("--justification").value_or("");
    if (*state == patchwise::model::TriageState::NotAffected &&
        !patchwise::model::isVexJustification(justification))
        return usageError("decide: not-affected needs --justification (a CycloneDX or OpenVEX "
                          "justification, e.g. code_not_reachable)");
    const std::string reason = args.option("--reason").value_or("");
    if (reason.empty())
        return usageError("decide: --reason TEXT is required (why; it is kept in the history)");
    int status = 0;
    const auto scored = loadScored("decide", args, status);
    if (!scored)
        return status;
    const patchwise::risk::Scoring &scoring = *scored->scoring;
    const patchwise::risk::Facts &facts = scored->facts;
    patchwise::risk::ScoredRows source(scoring);
    if (const auto images = scored->workspace->imageLayers(); images)
        patchwise::layers::setBaseAttribution(
            source,
            patchwise::layers::baseAttribution(
                *images, patchwise::layers::detectBaseImages(*images), scoring));
    const std::vector<std::uint32_t> selected = filter->select(source, scoring.ranking());
    const char *user = std::getenv("USER");
    const std::string owner = args.option("--owner").value_or(user ? user : "");
    patchwise::store::Decision pattern;
    pattern.scope = *scope;
    pattern.state = *state;
    pattern.justification = justification;
    pattern.reason = reason;
    pattern.note = args.option("--note").value_or("");
    pattern.owner = owner;
    pattern.expires = until;
    const std::vector<patchwise::store::Decision> decisions =
        patchwise::store::decisionsForFindings(facts, selected, pattern);
    const auto changed =
        scored->workspace->recordDecisions(decisions, owner, std::int64_t(std::time(nullptr)));
    if (!changed) {
        std::cerr << "patchwise-cli decide: " << changed.error() << "\n";
        return 1;
    }
    std::string out = "{\"findings\":" + std::to_string(selected.size()) +
                      ",\"decisions\":" + std::to_string(decisions.size()) +
                      ",\"changed\":" + std::to_string(*changed) + "}\n";
    return writeStdout(out) ? 0 : 1;
}

// What importing VEX documents would do (and, unless --dry-run, does): per statement, the
// decisions it records, the findings they cover now, and why a product matches nothing.
int runVexImport(int argc, char **argv)
{
    const Args args = parseArgs(
        argc, argv, {"--db", "--owner", "--now", "--policy"}, {"--dry-run", "--matching-only"});
    if (!args.error.empty())
        return usageError("vex import: " + args.error);
    if (args.positional.empty())
        return usageError("vex import: name at least one VEX FILE (OpenVEX or CycloneDX VEX)");
    std::vector<patchwise::ingest::VexDocument> documents;
    for (const std::string &path : args.positional) {
        auto doc = patchwise::ingest::readVexFile(path);
        if (!doc) {
            std::cerr << "patchwise-cli vex import: " << doc.error() << "\n";
            return 1;
        }
        documents.push_back(std::move(*doc));
    }
    int status = 0;
    const auto scored = loadScored("vex import", args, status);
    if (!scored)
        return status;
    const auto images = scored->workspace->imageLayers();
    if (!images) {
        std::cerr << "patchwise-cli vex import: " << images.error() << "\n";
        return 1;
    }
    const char *user = std::getenv("USER");
    const std::string owner = args.option("--owner").value_or(user ? user : "");
    const patchwise::risk::Facts &facts = scored->facts;
    const bool matchingOnly = args.flag("--matching-only");
    std::vector<patchwise::store::Decision> decisions;
    std::string out = "{\"documents\":[";
    for (std::size_t d = 0; d < documents.size(); ++d) {
        const patchwise::ingest::VexDocument &doc = documents[d];
        const std::string name = std::filesystem::path(doc.path).filename().string();
        const auto matches = patchwise::store::matchVex(doc, facts, *images, {owner, name});
        out += d ? ",\n" : "\n";
        out += "{\"file\":";
        patchwise::appendJsonString(out, doc.path);
        out += ",\"format\":";
        patchwise::appendJsonString(out, patchwise::ingest::vexFormatName(doc.format));
        out += ",\"id\":";
        patchwise::appendJsonString(out, doc.id);
        out += ",\"author\":";
        patchwise::appendJsonString(out, doc.author);
        out += ",\"statements\":[";
        for (std::size_t i = 0; i < matches.size(); ++i) {
            const patchwise::store::VexMatch &m = matches[i];
            const patchwise::ingest::VexStatement &st = doc.statements[m.statement];
            const bool imported = !m.decisions.empty() && (!matchingOnly || !m.findings.empty());
            if (imported)
                decisions.insert(decisions.end(), m.decisions.begin(), m.decisions.end());
            out += i ? ",\n" : "\n";
            out += "{\"where\":";
            patchwise::appendJsonString(out, st.where);
            out += ",\"vulnerability\":";
            patchwise::appendJsonString(out, st.vulnerability);
            out += ",\"status\":";
            patchwise::appendJsonString(out, st.status);
            out += ",\"state\":";
            patchwise::appendJsonString(out, patchwise::model::triageStateName(st.state));
            out += ",\"decisions\":" + std::to_string(m.decisions.size());
            out += ",\"imported\":" + std::string(imported ? "true" : "false");
            out += ",\"findings\":" + std::to_string(m.findings.size());
            out += ",\"matches\":[";
            constexpr std::size_t kListed = 20;
            for (std::size_t k = 0; k < m.findings.size() && k < kListed; ++k) {
                const std::uint32_t f = m.findings[k];
                out += k ? "," : "";
                out += "{\"image\":";
                patchwise::appendJsonString(out, facts.images[facts.image[f]].name);
                out += ",\"vulnerability\":";
                patchwise::appendJsonString(out, facts.vulns[facts.vuln[f]].id);
                out += ",\"package\":";
                patchwise::appendJsonString(out, facts.strings[facts.package[f]]);
                out += ",\"version\":";
                patchwise::appendJsonString(out, facts.strings[facts.version[f]]);
                out += "}";
            }
            out += "],\"problems\":[";
            for (std::size_t k = 0; k < m.problems.size(); ++k) {
                out += k ? "," : "";
                patchwise::appendJsonString(out, m.problems[k]);
            }
            out += "]}";
        }
        out += "]}";
    }
    int changed = 0;
    if (!args.flag("--dry-run")) {
        const auto recorded =
            scored->workspace->recordDecisions(decisions, owner, std::int64_t(std::time(nullptr)));
        if (!recorded) {
            std::cerr << "patchwise-cli vex import: " << recorded.error() << "\n";
            return 1;
        }
        changed = *recorded;
    }
    out += "],\n\"decisions\":" + std::to_string(decisions.size()) +
           ",\"changed\":" + std::to_string(changed) +
           ",\"dryRun\":" + (args.flag("--dry-run") ? "true" : "false") + "}\n";
    return writeStdout(out) ? 0 : 1;
}

int runVexExport(int argc, char **argv)
{
    const Args args = parseArgs(argc, argv, {"--db", "--out", "--author", "--now"}, {});
    if (!args.error.empty())
        return usageError("vex export: " + args.error);
    if (!args.positional.empty())
        return usageError("vex export: unexpected argument \"" + args.positional.front() + "\"");
    int status = 0;
    const auto scored = loadScored("vex export", args, status);
    if (!scored)
        return status;
    const auto decisions = scored->workspace->decisions();
    if (!decisions) {
        std::cerr << "patchwise-cli vex export: " << decisions.error() << "\n";
        return 1;
    }
    std::vector<std::string> packages;
    for (const patchwise::store::Decision &d : *decisions)
        packages.push_back(d.package);
    const auto purls = scored->workspace->packagePurls(packages);
    if (!purls) {
        std::cerr << "patchwise-cli vex export: " << purls.error() << "\n";
        return 1;
    }
    const char *user = std::getenv("USER");
    patchwise::store::OpenVexOptions options;
    options.author = args.option("--author").value_or(user ? user : "");
    options.now = scored->facts.now;
    options.tooling = "patchwise-cli " PATCHWISE_VERSION;
    const std::string text =
        patchwise::store::openVexDocument(*decisions, scored->facts, *purls, options);
    if (const auto out = args.option("--out"))
        return writeFile("vex export", *out, text) ? 0 : 1;
    return writeStdout(text) ? 0 : 1;
}

int runVex(int argc, char **argv)
{
    const std::string_view sub = argc > 2 ? argv[2] : "";
    if (sub == "-h" || sub == "--help") {
        std::cout << kUsage;
        return 0;
    }
    // The subcommand's own arguments follow it.
    if (sub == "import")
        return runVexImport(argc - 1, argv + 1);
    if (sub == "export")
        return runVexExport(argc - 1, argv + 1);
    return usageError("vex: expected \"vex import\" or \"vex export\"");
}

// Every decision with what it covers now (the findings it decides: the most specific
// decision wins) and, with --history, its changes.
int runDecisions(int argc, char **argv)
{
    const Args args = parseArgs(argc, argv, {"--db", "--now", "--policy"}, {"--history", "--help"});
    if (!args.error.empty())
        return usageError("decisions: " + args.error);
    if (args.flag("--help")) {
        std::cout << kUsage;
        return 0;
    }
    if (!args.positional.empty())
        return usageError("decisions: unexpected argument \"" + args.positional.front() + "\"");
    int status = 0;
    const auto scored = loadScored("decisions", args, status);
    if (!scored)
        return status;
    const auto decisions = scored->workspace->decisions();
    if (!decisions) {
        std::cerr << "patchwise-cli decisions: " << decisions.error() << "\n";
        return 1;
    }
    std::vector<patchwise::store::DecisionChange> history;
    if (args.flag("--history")) {
        auto changes = scored->workspace->decisionHistory();
        if (!changes) {
            std::cerr << "patchwise-cli decisions: " << changes.error() << "\n";
            return 1;
        }
        history = std::move(*changes);
    }
    const patchwise::risk::Facts &facts = scored->facts;
    std::vector<int> covers(decisions->size(), 0);
    const patchwise::store::DecisionMatcher matcher(*decisions, facts);
    for (std::uint32_t f = 0; f < facts.size(); ++f)
        if (const int d = matcher.decisionOf(f); d >= 0)
            ++covers[std::size_t(d)];
    std::string out = "[";
    for (std::size_t i = 0; i < decisions->size(); ++i) {
        const patchwise::store::Decision &d = (*decisions)[i];
        const auto text = [&](const char *key, std::string_view value) {
            out += ",\"";
            out += key;
            out += "\":";
            patchwise::appendJsonString(out, value);
        };
        out += i ? ",\n{" : "\n{";
        out += "\"id\":" + std::to_string(d.id);
        text("scope", patchwise::model::decisionScopeName(d.scope));
        text("scopeKey", d.scopeKey);
        text("vulnerability", d.vulnerability);
        text("package", d.package);
        text("version", d.version);
        text("state", patchwise::model::triageStateName(d.state));
        text("justification", d.justification);
        text("reason", d.reason);
        text("note", d.note);
        text("owner", d.owner);
        text("expires", d.expires > 0 ? patchwise::formatTimestamp(d.expires) : std::string());
        out += ",\"expired\":";
        out += d.state == patchwise::model::TriageState::RiskAccepted && d.expires > 0 &&
                       d.expires <= facts.now
                   ? "true"
                   : "false";
        text("created", patchwise::formatTimestamp(d.createdAt));
        text("updated", patchwise::formatTimestamp(d.updatedAt));
        out += ",\"coversNow\":" + std::to_string(covers[i]);
        if (args.flag("--history")) {
            out += ",\"history\":[";
            bool first = true;
            for (const patchwise::store::DecisionChange &c : history) {
                if (c.decisionId != d.id)
                    continue;
                out += first ? "{" : ",{";
                first = false;
                out += "\"at\":";
                patchwise::appendJsonString(out, patchwise::formatTimestamp(c.at));
                text("who", c.who);
                text("before", c.before);
                text("after", c.after);
                out += "}";
            }
            out += "]";
        }
        out += "}";
    }
    out += decisions->empty() ? "]\n" : "\n]\n";
    return writeStdout(out) ? 0 : 1;
}

int runBase(int argc, char **argv)
{
    const Args args =
        parseArgs(argc, argv, {"--db", "--image", "--set", "--layers"}, {"--clear", "--help"});
    if (!args.error.empty())
        return usageError("base: " + args.error);
    if (args.flag("--help")) {
        std::cout << kUsage;
        return 0;
    }
    if (!args.positional.empty())
        return usageError("base: unexpected argument \"" + args.positional.front() + "\"");
    const auto db = args.option("--db");
    const auto reference = args.option("--image");
    if (!db || db->empty() || !reference || reference->empty())
        return usageError("base: --db FILE and --image REF are required");
    const auto set = args.option("--set");
    int layers = -1;
    if (const auto l = args.option("--layers")) {
        char *end = nullptr;
        const long v = std::strtol(l->c_str(), &end, 10);
        if (l->empty() || *end != '\0' || v < 1 || v > 100000)
            return usageError("base: --layers needs a positive number of layers");
        layers = int(v);
    }
    if (args.flag("--clear") && (set || layers >= 0))
        return usageError("base: --clear cannot be combined with --set or --layers");
    if (!std::filesystem::exists(*db)) {
        std::cerr << "patchwise-cli base: " << *db << ": no such workspace\n";
        return 1;
    }
    auto ws = openWorkspace(*db);
    if (!ws)
        return 1;
    auto images = ws->imageLayers();
    if (!images) {
        std::cerr << "patchwise-cli base: " << images.error() << "\n";
        return 1;
    }
    const auto index = patchwise::layers::resolveImage(*images, *reference);
    if (!index) {
        std::cerr << "patchwise-cli base: " << index.error() << "\n";
        return 1;
    }
    const std::int64_t id = (*images)[*index].id;
    patchwise::Result<bool> changed = false;
    if (args.flag("--clear"))
        changed = ws->clearBaseOverride(id);
    else if (set || layers >= 0)
        changed = ws->setBaseOverride(id, set.value_or(""), layers);
    if (!changed) {
        std::cerr << "patchwise-cli base: " << changed.error() << "\n";
        return 1;
    }
    images = ws->imageLayers();
    if (!images) {
        std::cerr << "patchwise-cli base: " << images.error() << "\n";
        return 1;
    }
    const auto bases = patchwise::layers::detectBaseImages(*images);
    patchwise::layers::ImageLayerView view;
    view.image = (*images)[*index].name;
    view.imageDigest = (*images)[*index].digest;
    view.base = bases[*index];
    return writeStdout(patchwise::exporting::layersJson(view, false)) ? 0 : 1;
}

int runPolicy(int argc, char **argv)
{
    const Args args = parseArgs(argc, argv, {"--policy"}, {"--help"});
    if (!args.error.empty())
        return usageError("policy: " + args.error);
    if (args.flag("--help")) {
        std::cout << kUsage;
        return 0;
    }
    if (!args.positional.empty())
        return usageError("policy: unexpected argument \"" + args.positional.front() + "\"");
    auto policy = patchwise::risk::loadPolicy(args.option("--policy").value_or("preset:default"));
    if (!policy) {
        std::cerr << "patchwise-cli policy: " << policy.error() << "\n";
        return 1;
    }
    return writeStdout(patchwise::risk::policyToJson(*policy)) ? 0 : 1;
}

int runFindings(int argc, char **argv)
{
    const Args args =
        parseArgs(argc,
                  argv,
                  {"--db", "--limit", "--format", "--policy", "--sort", "--filter", "--now"},
                  {"--help", "--suppressed"});
    if (!args.error.empty())
        return usageError("findings: " + args.error);
    if (args.flag("--help")) {
        std::cout << kUsage;
        return 0;
    }
    if (!args.positional.empty())
        return usageError("findings: unexpected argument \"" + args.positional.front() + "\"");
    const auto db = args.option("--db");
    if (!db || db->empty())
        return usageError("findings: --db FILE is required");
    int limit = -1;
    if (const auto l = args.option("--limit")) {
        char *end = nullptr;
        const long v = std::strtol(l->c_str(), &end, 10);
        if (l->empty() || *end != '\0' || v < 0)
            return usageError("findings: --limit needs a non-negative number");
        limit = int(std::min<long>(v, INT32_MAX));
    }
    const std::string format = args.option("--format").value_or("json");
    if (format != "json" && format != "csv")
        return usageError("findings: --format must be json or csv");
    const std::string filterText = args.option("--filter").value_or("");
    auto filter = patchwise::risk::Filter::parse(filterText);
    if (!filter)
        return expressionError("findings: --filter", filterText, filter.error());
    std::vector<patchwise::risk::SortKey> sortKeys;
    if (const auto sort = args.option("--sort")) {
        auto keys = patchwise::risk::parseSort(*sort);
        if (!keys)
            return expressionError("findings: --sort", *sort, keys.error());
        sortKeys = std::move(*keys);
    }
    int status = 0;
    const auto scored = loadScored("findings", args, status);
    if (!scored)
        return status;
    const patchwise::risk::Scoring &scoring = *scored->scoring;
    // Base images, for inBaseImage / baseImageFix (and the inbase / basefix filters).
    const auto images = scored->workspace->imageLayers();
    if (!images) {
        std::cerr << "patchwise-cli findings: " << images.error() << "\n";
        return 1;
    }
    const auto baseFlags = patchwise::layers::baseAttribution(
        *images, patchwise::layers::detectBaseImages(*images), scoring);
    patchwise::risk::ScoredRows source(scoring);
    patchwise::layers::setBaseAttribution(source, baseFlags);
    std::vector<std::uint32_t> order = filter->select(source, scoring.ranking());
    // Suppressed findings (the scanner's, or decided away) are out of the ranking: listed
    // only when asked for, by --suppressed or a filter on triage or suppressed.
    if (!args.flag("--suppressed") && !filter->mentions(patchwise::risk::Field::Triage) &&
        !filter->mentions(patchwise::risk::Field::Suppressed)) {
        const auto &flags = scored->facts.flags;
        std::erase_if(order,
                      [&](std::uint32_t f) { return flags[f] & patchwise::risk::Suppressed; });
    }
    if (!sortKeys.empty())
        order = patchwise::risk::sortRows(source, std::move(order), sortKeys);
    if (limit >= 0 && order.size() > std::size_t(limit))
        order.resize(std::size_t(limit));
    // Rows are fetched and written in chunks, so memory stays flat however many there are.
    constexpr std::size_t kChunk = 4096;
    const bool csv = format == "csv";
    std::string text = csv ? std::string() : std::string("[");
    for (std::size_t begin = 0; begin < order.size() || begin == 0; begin += kChunk) {
        const std::size_t end = std::min(order.size(), begin + kChunk);
        std::vector<std::int64_t> ids;
        ids.reserve(end - begin);
        for (std::size_t i = begin; i < end; ++i)
            ids.push_back(scored->facts.findingId[order[i]]);
        auto fetched = scored->workspace->findings(ids);
        if (!fetched) {
            std::cerr << "patchwise-cli findings: " << fetched.error() << "\n";
            return 1;
        }
        std::unordered_map<std::int64_t, std::size_t> byId;
        for (std::size_t i = 0; i < fetched->size(); ++i)
            byId.emplace((*fetched)[i].id, i);
        std::vector<patchwise::store::FindingRow> rows;
        rows.reserve(end - begin);
        for (std::size_t i = begin; i < end; ++i) {
            const auto it = byId.find(scored->facts.findingId[order[i]]);
            if (it == byId.end())
                continue;
            rows.push_back(std::move((*fetched)[it->second]));
            rows.back().risk = patchwise::risk::findingRisk(scoring, order[i]);
            rows.back().risk->inBaseImage = baseFlags[order[i]].inBase;
            rows.back().risk->baseImageFix = baseFlags[order[i]].baseImageFix;
        }
        if (csv)
            text += patchwise::exporting::findingsCsv(rows, true, begin == 0);
        else
            patchwise::exporting::appendFindingsJson(text, rows, begin == 0);
        if (!writeStdout(text))
            return 1;
        text.clear();
        if (order.empty())
            break;
    }
    if (!csv)
        text = order.empty() ? "]\n" : "\n]\n";
    return writeStdout(text) ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2)
        return usageError("no command given");
    const std::string_view command = argv[1];
    if (command == "-h" || command == "--help" || command == "help") {
        std::cout << kUsage;
        return 0;
    }
    if (command == "--version") {
        std::cout << "patchwise-cli " << PATCHWISE_VERSION << "\n";
        return 0;
    }
    if (command == "cvss")
        return runCvss(argc, argv);
    if (command == "import")
        return runImport(argc, argv);
    if (command == "findings")
        return runFindings(argc, argv);
    if (command == "images")
        return runImages(argc, argv);
    if (command == "trends")
        return runTrends(argc, argv);
    if (command == "matrix")
        return runMatrix(argc, argv);
    if (command == "policy")
        return runPolicy(argc, argv);
    if (command == "layers")
        return runLayers(argc, argv);
    if (command == "base")
        return runBase(argc, argv);
    if (command == "plan")
        return runPlan(argc, argv);
    if (command == "decide")
        return runDecide(argc, argv);
    if (command == "vex")
        return runVex(argc, argv);
    if (command == "decisions")
        return runDecisions(argc, argv);
    return usageError("unknown command \"" + std::string(command) + "\"");
}
