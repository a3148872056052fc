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

// One option of a command. A command's parser accepts exactly the options in its table
// (plus -h/--help), and its --help lists exactly those: the two cannot drift apart.
struct Option
{
    std::string_view name;        // "--db"
    std::string_view value;       // the value's placeholder ("FILE"); empty for a flag
    std::string_view description; // a phrase; the help wraps it
};

// A command ("findings") or subcommand ("vex import"): what it accepts and its help.
struct Command
{
    std::string_view name;                  // as typed after patchwise-cli
    std::string_view synopsis;              // after the name; '\n' separates usage forms
    std::string_view summary;               // one line, for the overview
    std::string_view about;                 // paragraphs separated by "\n\n"; wrapped
    std::vector<Option> options;            // without -h/--help, which every command takes
    std::vector<std::string_view> examples; // command lines, each "patchwise-cli NAME …"
};

// Options several commands share, described once.
constexpr Option kDbOption{
    "--db", "FILE", "the workspace (the SQLite file patchwise-cli import writes); required"};
constexpr Option kPolicyOption{"--policy",
                               "FILE",
                               "the risk policy: a JSON file (docs/risk.md), preset:default or "
                               "preset:pci-dss; default: preset:default"};
constexpr Option kNowOption{"--now",
                            "TIME",
                            "the analysis time, ISO 8601 (2026-11-28T12:00:00Z), for exposure "
                            "days, SLA due dates and grades; default: the current time"};

const Command kCvss{
    "cvss",
    "[VECTOR...]",
    "score CVSS v2.0, v3.0, v3.1 and v4.0 vectors",
    "Scores each VECTOR and prints one JSON object per vector, one per line: the version, "
    "the base, temporal and environmental scores and severities (v4.0: its one score and "
    "nomenclature). v2.0 vectors have no prefix; later versions start with CVSS:3.0/, "
    "CVSS:3.1/ or CVSS:4.0/. A vector that does not validate prints "
    "{\"vector\":...,\"error\":...} and still counts as processed.\n\n"
    "Without VECTOR arguments, or with the single argument -, reads one vector per line from "
    "standard input.",
    {},
    {"patchwise-cli cvss 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H'",
     "patchwise-cli cvss 'AV:N/AC:L/Au:N/C:P/I:P/A:P' "
     "'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N'",
     "patchwise-cli cvss - < vectors.txt"}};

const Command kImport{
    "import",
    "--db FILE [--keep-going] [--only KIND] [--snapshot-time TIME] PATH...",
    "import scanner reports, inventories and feeds into a workspace",
    "Imports every PATH (a file, or a directory walked recursively) into the workspace as one "
    "snapshot, all or nothing, and prints a JSON summary. Formats are recognised by content: "
    "Trivy and Grype JSON, CycloneDX with vulnerabilities, kubectl get pods/svc/ingress -o "
    "json, docker inspect, the CISA KEV catalogue and FIRST EPSS CSV (plain or gzip). A "
    "broken file stops the import and leaves the workspace unchanged; inside a directory, "
    "files of no known format are skipped and listed. Importing a file again changes nothing.",
    {{"--db", "FILE", "the workspace to import into; created when missing; required"},
     {"--keep-going", "", "import the good files and report the bad ones (exit status 1)"},
     {"--only", "KIND", "scans, inventory or feeds: a file of any other kind is an error"},
     {"--snapshot-time",
      "TIME",
      "record every scan at this ISO 8601 time (a backfill) instead of the report's own"}},
    {"patchwise-cli import --db fleet.pw scans/ pods.json kev.json epss_scores-current.csv.gz",
     "patchwise-cli import --db fleet.pw --keep-going --only scans scans/",
     "patchwise-cli import --db fleet.pw --snapshot-time 2025-01-31T00:00:00Z old-scans/"}};

const Command kFindings{
    "findings",
    "--db FILE [--filter EXPR] [--sort FIELDS] [--limit N] [--format json|csv] [OPTIONS]",
    "list the findings, scored and ranked (rank 1 = fix first)",
    "Prints the workspace's findings as one JSON array (or CSV with the same columns), in "
    "rank order: rank 1 is the one to fix first. Each finding carries its vulnerability, "
    "image, package, versions, severities, CVSS, KEV and EPSS, running containers, and its "
    "risk score with the factors it adds up from. Suppressed findings (decided away, or "
    "ignored by the scanner) are listed only with --suppressed or a filter on triage or "
    "suppressed. The filter and sort language is described in docs/filter.md.",
    {kDbOption,
     {"--filter",
      "EXPR",
      "only the findings the expression selects, e.g. 'severity >= high and kev and not "
      "fixable'"},
     {"--sort",
      "FIELDS",
      "order by these comma-separated fields (worst first; -field reverses, field:asc / "
      "field:desc); default: rank"},
     {"--limit", "N", "print at most N findings"},
     {"--format", "json|csv", "output format; default: json"},
     {"--suppressed", "", "include suppressed findings"},
     kPolicyOption,
     kNowOption},
    {"patchwise-cli findings --db fleet.pw --limit 20",
     "patchwise-cli findings --db fleet.pw --filter 'severity >= high and kev' --sort risk "
     "--limit 20",
     "patchwise-cli findings --db fleet.pw --policy preset:pci-dss --filter breached --format "
     "csv > breached.csv"}};

const Command kImages{
    "images",
    "--db FILE [--policy FILE] [--now TIME]",
    "one object per image: health grade, open findings, exposure, risk",
    "Prints one JSON object per image, worst grade first: its health grade A-F and when it "
    "will next drop, open findings by severity, running containers, internet exposure and "
    "the sum of its findings' risk.",
    {kDbOption, kPolicyOption, kNowOption},
    {"patchwise-cli images --db fleet.pw",
     "patchwise-cli images --db fleet.pw --policy preset:pci-dss --now 2026-01-01T00:00:00Z"}};

const Command kTrends{
    "trends",
    "--db FILE [--policy FILE] [--now TIME]",
    "open findings at every snapshot (burn-down) and time to fix",
    "Prints, as JSON, the open findings by severity at every snapshot (a burn-down) and, per "
    "severity, the days it took to fix what was fixed.",
    {kDbOption, kPolicyOption, kNowOption},
    {"patchwise-cli trends --db fleet.pw",
     "patchwise-cli trends --db fleet.pw --policy my-policy.json"}};

const Command kMatrix{
    "matrix",
    "--db FILE --vendor SOURCE [--policy FILE] [--now TIME]",
    "NVD severity x a vendor's severity, with counts",
    "Prints, as JSON, a matrix of NVD's severity (rows) against the vendor's rating "
    "(columns), with the number of distinct vulnerabilities and of open findings in each "
    "cell. A vendor with no ratings in the workspace gets an all-unknown matrix and a warning "
    "naming the vendors there are.",
    {kDbOption,
     {"--vendor",
      "SOURCE",
      "the vendor whose ratings to compare, e.g. redhat, debian, ubuntu; "
      "required"},
     kPolicyOption,
     kNowOption},
    {"patchwise-cli matrix --db fleet.pw --vendor redhat",
     "patchwise-cli matrix --db fleet.pw --vendor debian --policy preset:pci-dss"}};

const Command kLayers{
    "layers",
    "--db FILE --image REF [--policy FILE] [--now TIME]",
    "one image layer by layer, with its base image",
    "Prints, as JSON, one image layer by layer: DiffID, the history line that made it, size, "
    "open findings by severity and risk, and which layers came with its base image (and how "
    "that base was found).",
    {kDbOption,
     {"--image",
      "REF",
      "the image: name:tag, repo digest, config digest or a unique prefix; required"},
     kPolicyOption,
     kNowOption},
    {"patchwise-cli layers --db fleet.pw --image nginx:1.25",
     "patchwise-cli layers --db fleet.pw --image sha256:3f8a --now 2026-01-01T00:00:00Z"}};

const Command kBase{
    "base",
    "--db FILE --image REF [--set BASE] [--layers N]\n--db FILE --image REF --clear",
    "show an image's base image, or set your own",
    "Prints, as JSON, the image's base image and how it was found (OCI labels, another "
    "scanned image, the config history, or set by hand). --set and --layers record your own "
    "base, kept across re-imports; --clear forgets it. Prints the result after any change.",
    {kDbOption,
     {"--image",
      "REF",
      "the image: name:tag, repo digest, config digest or a unique prefix; required"},
     {"--set", "BASE", "record BASE (an image reference) as the image's base"},
     {"--layers", "N", "record that the base is the image's first N layers"},
     {"--clear", "", "forget the base set by hand; not with --set or --layers"}},
    {"patchwise-cli base --db fleet.pw --image shop/web:2",
     "patchwise-cli base --db fleet.pw --image shop/web:2 --set python:3.12-slim --layers 5",
     "patchwise-cli base --db fleet.pw --image shop/web:2 --clear"}};

const Command kPlan{
    "plan",
    "--db FILE [--filter EXPR] [--format json|csv|pdf] [--out FILE] [--simulate RANKS] "
    "[OPTIONS]",
    "the fleet-wide remediation plan (JSON, CSV or PDF)",
    "Prints the remediation plan: every open finding in one action (a base-image update, a "
    "package upgrade in one image, or an image's no-fix group with the mitigations that "
    "lower its risk), actions ordered by the risk each removes, those fixing breached SLAs "
    "first. --simulate applies some actions and prints the projected risk, grades and SLA "
    "breaches instead. docs/plan.md describes the plan and docs/reports.md the reports.",
    {kDbOption,
     {"--filter",
      "EXPR",
      "plan only for the findings the expression selects (the findings --filter language)"},
     {"--format", "json|csv|pdf", "output format; default: json; pdf needs --out"},
     {"--out", "FILE", "write to FILE (replaced only when complete) instead of standard output"},
     {"--simulate",
      "RANKS",
      "apply the actions of these ranks, e.g. 1,3,5-7, and print the projection; json only"},
     {"--rows", "actions|findings", "csv: one row per action (default) or per finding"},
     {"--listed", "N", "pdf: actions listed in the table; default: 500"},
     {"--detailed", "N", "pdf: actions shown in detail with their findings; default: 40"},
     {"--findings-per-action", "N", "pdf: findings shown per detailed action; default: 30"},
     kPolicyOption,
     kNowOption},
    {"patchwise-cli plan --db fleet.pw --simulate 1-3",
     "patchwise-cli plan --db fleet.pw --format csv --rows findings --filter kev --out "
     "kev-plan.csv",
     "patchwise-cli plan --db fleet.pw --format pdf --out plan.pdf --policy preset:pci-dss"}};

const Command kDecide{
    "decide",
    "--db FILE --filter EXPR --state STATE --scope SCOPE --reason TEXT [OPTIONS]",
    "record a triage decision on the findings a filter selects",
    "Records a triage decision on the findings the filter selects, per vulnerability and "
    "package, for their image (digest), every tag of its repository, or the whole fleet, and "
    "prints {\"findings\":N,\"decisions\":N,\"changed\":N}. Every change is kept in the "
    "history with its owner and reason. The states risk-accepted, false-positive, "
    "not-affected and fixed take findings out of the ranking and the plan.",
    {kDbOption,
     {"--filter", "EXPR", "the findings to decide on (the findings --filter language); required"},
     {"--state",
      "STATE",
      "new, in-triage, exploitable, risk-accepted (needs --until), false-positive, "
      "not-affected (needs --justification) or fixed; required"},
     {"--scope",
      "SCOPE",
      "digest (this image), repository (all its tags) or fleet (every image); required"},
     {"--reason", "TEXT", "why; kept in the history; required"},
     {"--until", "DATE", "risk-accepted only: when the acceptance expires (2026-12-31)"},
     {"--justification",
      "J",
      "not-affected: a CycloneDX or OpenVEX justification, e.g. code_not_reachable"},
     {"--note", "TEXT", "a free-text note kept with the decision"},
     {"--owner", "NAME", "who decides; default: $USER"},
     kPolicyOption,
     kNowOption},
    {"patchwise-cli decide --db fleet.pw --filter 'vuln = CVE-2024-3094' --state "
     "false-positive --scope repository --reason 'xz not in the runtime image'",
     "patchwise-cli decide --db fleet.pw --filter 'image ~ legacy and not fixable' --state "
     "risk-accepted --until 2026-12-31 --scope digest --reason 'replaced in Q4'",
     "patchwise-cli decide --db fleet.pw --filter 'package = log4j-core' --state not-affected "
     "--justification code_not_reachable --scope fleet --reason 'JNDI lookups disabled'"}};

const Command kDecisions{
    "decisions",
    "--db FILE [--history] [--now TIME] [--policy FILE]",
    "list the triage decisions and what they cover now",
    "Prints every decision as JSON: scope, vulnerability, package, state, justification, "
    "reason, owner, expiry and whether it has expired, and coversNow, the number of findings "
    "it decides now (when several decisions cover a finding, the most specific wins; 0: it "
    "waits for a scan it matches).",
    {kDbOption,
     {"--history", "", "add each decision's changes: when, who, before and after"},
     {"--now",
      "TIME",
      "the time acceptances are judged expired at, ISO 8601; default: the current time"},
     {"--policy", "FILE", "a policy as for findings; the listing does not depend on it"}},
    {"patchwise-cli decisions --db fleet.pw",
     "patchwise-cli decisions --db fleet.pw --history --now 2027-01-01T00:00:00Z"}};

const Command kVexImport{
    "vex import",
    "--db FILE [--dry-run] [--matching-only] [--owner NAME] VEX...",
    "turn OpenVEX / CycloneDX VEX statements into decisions",
    "Reads the VEX documents (OpenVEX v0.0.x and v0.2.x, CycloneDX VEX 1.4 and later), "
    "records their statements as decisions and prints, per statement, the decisions it "
    "records, the findings they cover now, and for every product that matches nothing, why. "
    "All files are read first: one bad file imports nothing. docs/vex.md describes the "
    "mapping.",
    {kDbOption,
     {"--dry-run", "", "record nothing: a preview of what would be recorded"},
     {"--matching-only",
      "",
      "skip statements that match no finding now (by default they are kept for later scans)"},
     {"--owner", "NAME", "who the decisions are recorded for; default: $USER"},
     {"--now",
      "TIME",
      "the analysis time the matches are made at, ISO 8601; default: the current time"},
     {"--policy", "FILE", "a policy as for findings; what is matched does not depend on it"}},
    {"patchwise-cli vex import --db fleet.pw --dry-run vendor.openvex.json",
     "patchwise-cli vex import --db fleet.pw --matching-only --owner secteam sbom.cdx.json "
     "vendor.openvex.json"}};

const Command kVexExport{
    "vex export",
    "--db FILE [--out FILE] [--author NAME] [--now TIME]",
    "write the decisions as an OpenVEX document",
    "Prints the workspace's decisions as one OpenVEX v0.2.0 document, one statement per "
    "decision (decisions in state new are left out). Each statement also carries the "
    "decision itself, so importing the document gives back the same decisions.",
    {kDbOption,
     {"--out", "FILE", "write to FILE (replaced only when complete) instead of standard output"},
     {"--author", "NAME", "the document's author; default: $USER"},
     {"--now", "TIME", "the document's timestamp, ISO 8601; default: the current time"}},
    {"patchwise-cli vex export --db fleet.pw --out decisions.openvex.json",
     "patchwise-cli vex export --db fleet.pw --author 'Platform Security'"}};

const Command kPolicy{
    "policy",
    "[--policy FILE]",
    "print the risk policy in effect",
    "Prints the policy as JSON with every key, defaults filled in: a starting point for your "
    "own policy, or a check of one you wrote (a bad file is an error naming the key).",
    {kPolicyOption},
    {"patchwise-cli policy --policy preset:pci-dss > my-policy.json",
     "patchwise-cli policy --policy my-policy.json"}};

// The commands in the order the overview lists them.
const std::vector<const Command *> kCommands{&kCvss,
                                             &kImport,
                                             &kFindings,
                                             &kImages,
                                             &kTrends,
                                             &kMatrix,
                                             &kLayers,
                                             &kBase,
                                             &kPlan,
                                             &kDecide,
                                             &kDecisions,
                                             &kVexImport,
                                             &kVexExport,
                                             &kPolicy};

// `vex` only groups its two subcommands; its help lists them.
// `vex` only groups its subcommands; its help lists them (kVexCommands).
const Command kVex{"vex",
                   "import|export [OPTIONS]",
                   "exchange decisions as VEX documents",
                   "Exchanges triage decisions with other tools as VEX documents. Run "
                   "'patchwise-cli vex import --help' or 'patchwise-cli vex export --help' for "
                   "their options.",
                   {},
                   {"patchwise-cli vex import --db fleet.pw --dry-run vendor.openvex.json",
                    "patchwise-cli vex export --db fleet.pw --out decisions.openvex.json"}};
const std::vector<const Command *> kVexCommands{&kVexImport, &kVexExport};

constexpr std::size_t kHelpWidth = 80;    // columns the help is wrapped to
constexpr std::size_t kOptionColumn = 26; // where option descriptions start

// Appends `text` word-wrapped to kHelpWidth columns, assuming the cursor stands at
// `column`; continuation lines start with `indent` spaces. '\n' in `text` breaks the line
// (an empty line stays empty), and a bracketed group ("[--now TIME]") is never broken.
void appendWrapped(std::string &out, std::string_view text, std::size_t indent, std::size_t column)
{
    std::size_t col = column;
    bool lineStart = true;
    while (!text.empty()) {
        if (text.front() == '\n') {
            out += '\n';
            text.remove_prefix(1);
            const bool blank = text.empty() || text.front() == '\n';
            if (!blank)
                out.append(indent, ' ');
            col = indent;
            lineStart = true;
            continue;
        }
        if (text.front() == ' ') {
            text.remove_prefix(1);
            continue;
        }
        // A word; a bracketed group ("[--now TIME]") is kept whole.
        std::size_t end = 0;
        if (text.front() == '[') {
            end = text.find(']');
            end = end == std::string_view::npos ? 0 : end;
        }
        const std::string_view word = text.substr(0, text.find_first_of(" \n", end));
        if (!lineStart && col + 1 + word.size() > kHelpWidth) {
            out += '\n';
            out.append(indent, ' ');
            col = indent;
            lineStart = true;
        }
        if (!lineStart) {
            out += ' ';
            ++col;
        }
        out += word;
        col += word.size();
        lineStart = false;
        text.remove_prefix(word.size());
    }
}

// "  --name VALUE            description", wrapped.
void appendOption(std::string &out, std::string_view left, std::string_view description)
{
    out += "  ";
    out += left;
    if (2 + left.size() + 2 > kOptionColumn) {
        out += '\n';
        out.append(kOptionColumn, ' ');
    } else {
        out.append(kOptionColumn - 2 - left.size(), ' ');
    }
    appendWrapped(out, description, kOptionColumn, kOptionColumn);
    out += '\n';
}

// An example command line, "  patchwise-cli …": one too long for kHelpWidth is broken
// between shell words (preferably before an option, kept with its value), each break
// escaped with a backslash so that the example still pastes into a shell.
void appendExample(std::string &out, std::string_view example)
{
    // Shell words: split at spaces outside quotes.
    std::vector<std::string_view> words;
    char quote = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= example.size(); ++i) {
        const char c = i < example.size() ? example[i] : ' ';
        if (quote) {
            quote = c == quote ? 0 : quote;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == ' ') {
            if (i > start)
                words.push_back(example.substr(start, i - start));
            start = i + 1;
        }
    }
    constexpr std::size_t kIndent = 2;
    constexpr std::size_t kContinuation = 6;
    constexpr std::size_t kRoom = kHelpWidth - 2; // for " \\"
    out.append(kIndent, ' ');
    std::size_t column = kIndent;
    for (std::size_t i = 0; i < words.size(); ++i) {
        // An option is kept on one line with its value.
        std::size_t need = words[i].size();
        if (words[i].starts_with("--") && i + 1 < words.size() && !words[i + 1].starts_with('-'))
            need += 1 + words[i + 1].size();
        if (i > 0 && column > kContinuation && column + 1 + need > kRoom) {
            out += " \\\n";
            out.append(kContinuation, ' ');
            column = kContinuation;
        } else if (i > 0) {
            out += ' ';
            ++column;
        }
        out += words[i];
        column += words[i].size();
    }
    out += '\n';
}

// "Usage: patchwise-cli NAME …", one line per form of the synopsis, each wrapped.
std::string usageLines(const Command &command)
{
    std::string out;
    std::string_view forms = command.synopsis;
    while (!forms.empty()) {
        const std::size_t end = std::min(forms.find('\n'), forms.size());
        const std::string prefix = std::string(out.empty() ? "Usage: " : "       ") +
                                   "patchwise-cli " + std::string(command.name) + " ";
        out += prefix;
        appendWrapped(out, forms.substr(0, end), prefix.size(), prefix.size());
        out += '\n';
        forms.remove_prefix(std::min(end + 1, forms.size()));
    }
    return out;
}

// "  name        summary", one line per command.
void appendCommands(std::string &out, const std::vector<const Command *> &commands)
{
    constexpr std::size_t kCommandColumn = 14;
    for (const Command *c : commands) {
        out += "  ";
        out += c->name;
        out.append(kCommandColumn - 2 - c->name.size(), ' ');
        appendWrapped(out, c->summary, kCommandColumn, kCommandColumn);
        out += '\n';
    }
}

// A command's --help: usage, what it does, every option it accepts, examples.
std::string commandHelp(const Command &command)
{
    std::string out = usageLines(command);
    out += '\n';
    appendWrapped(out, command.about, 0, 0);
    out += "\n\n";
    if (&command == &kVex) {
        out += "Commands:\n";
        appendCommands(out, kVexCommands);
        out += '\n';
    }
    out += "Options:\n";
    for (const Option &o : command.options)
        appendOption(out,
                     o.value.empty() ? std::string(o.name)
                                     : std::string(o.name) + " " + std::string(o.value),
                     o.description);
    appendOption(out, "-h, --help", "show this help and exit");
    out += "\nExamples:\n";
    for (std::string_view example : command.examples)
        appendExample(out, example);
    return out;
}

// The commands that accept `option`, for the overview: "findings, images, …".
std::string commandsAccepting(std::string_view option)
{
    std::string list;
    for (const Command *c : kCommands)
        for (const Option &o : c->options)
            if (o.name == option)
                list += (list.empty() ? "" : ", ") + std::string(c->name);
    return list;
}

// `patchwise-cli --help`: what the tool does, its commands, global options, exit status.
std::string overviewHelp()
{
    std::string out = "Usage: patchwise-cli COMMAND [OPTIONS] [ARGUMENTS]\n"
                      "       patchwise-cli help COMMAND | --help | --version\n\n";
    appendWrapped(out,
                  "Triage the vulnerabilities of a container fleet: import scanner reports "
                  "(Trivy, Grype, CycloneDX), Kubernetes and Docker inventories and the KEV "
                  "and EPSS feeds into a workspace file, rank every finding by a transparent "
                  "risk score, record triage decisions and plan the fixes. Commands print "
                  "JSON (some also CSV or PDF) for scripts and pipelines.",
                  0,
                  0);
    out += "\n\nCommands:\n";
    appendCommands(out, kCommands);
    out += "\nOptions:\n";
    appendOption(out,
                 "--policy FILE",
                 "the risk policy: a JSON file (docs/risk.md), preset:default or "
                 "preset:pci-dss. Used by " +
                     commandsAccepting("--policy"));
    appendOption(out,
                 "--now TIME",
                 "the analysis time, ISO 8601 (2026-11-28T12:00:00Z); default: the current "
                 "time. Used by " +
                     commandsAccepting("--now"));
    appendOption(out, "-h, --help", "show this help; COMMAND --help shows a command's");
    appendOption(out, "-V, --version", "print the version and exit");
    out += "\nExit status:\n"
           "  0  success (cvss: even when some vectors were rejected)\n"
           "  1  an input, the workspace or the output failed\n"
           "  2  usage error\n"
           "\nRun 'patchwise-cli COMMAND --help' for a command's options.\n";
    return out;
}

// A usage error: the message, the command's usage line and where to read more (stderr).
int usageError(const Command &command, std::string_view message)
{
    std::cerr << "patchwise-cli: " << command.name << ": " << message << "\n"
              << usageLines(command) << "Try 'patchwise-cli " << command.name
              << " --help' for more information.\n";
    return 2;
}

// A usage error before any command was chosen.
int globalUsageError(std::string_view message)
{
    std::cerr << "patchwise-cli: " << message << "\n"
              << "Usage: patchwise-cli COMMAND [OPTIONS] [ARGUMENTS]\n"
              << "Try 'patchwise-cli --help' for the list of commands.\n";
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
            std::cout << commandHelp(kCvss);
            return 0;
        }
        if (arg == "-")
            dashSeen = true;
        else if (arg.starts_with('-'))
            return usageError(kCvss, "unknown option \"" + std::string(arg) + "\"");
        else
            fromArguments = true;
    }
    if (dashSeen && fromArguments)
        return usageError(kCvss, "give vectors as arguments or \"-\" for standard input, not both");
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

// A command's arguments: its options (--name VALUE or --name=VALUE), its flags, -h/--help,
// and everything else as positional arguments.
struct Args
{
    const Command *command = nullptr;
    std::vector<std::pair<std::string, std::string>> options;
    std::vector<std::string> flags;
    std::vector<std::string> positional;
    std::string error; // the first usage error; parsing stops there
    bool help = false;

    // The command's option `name`, or nullptr.
    const Option *declared(std::string_view name) const
    {
        for (const Option &o : command->options)
            if (o.name == name)
                return &o;
        return nullptr;
    }
    // The value of option `name`, which must be in the command's table with a value (an
    // option read but not declared would be one the parser rejects and the help omits:
    // a programming error, so it aborts).
    std::optional<std::string> option(std::string_view name) const
    {
        requireDeclared(name, true);
        for (const auto &[k, v] : options)
            if (k == name)
                return v;
        return std::nullopt;
    }
    // Whether flag `name` was given; `name` must be a flag of the command's table.
    bool flag(std::string_view name) const
    {
        requireDeclared(name, false);
        return std::find(flags.begin(), flags.end(), name) != flags.end();
    }

private:
    void requireDeclared(std::string_view name, bool valued) const
    {
        const Option *o = declared(name);
        if (!o || o->value.empty() == valued) {
            std::cerr << "patchwise-cli: internal error: " << command->name << " reads "
                      << (valued ? "option " : "flag ") << name << " missing from its table\n";
            std::abort();
        }
    }
};

// Parses argv[2…] by the options of `command`'s table.
Args parseArgs(int argc, char **argv, const Command &command)
{
    Args a;
    a.command = &command;
    for (int i = 2; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "-h" || arg == "--help") {
            a.help = true;
        } else if (arg.starts_with("--") && arg.size() > 2) {
            std::string name(arg);
            std::string value;
            const std::size_t eq = name.find('=');
            bool hasValue = false;
            if (eq != std::string::npos) {
                value = name.substr(eq + 1);
                name = name.substr(0, eq);
                hasValue = true;
            }
            const Option *option = a.declared(name);
            if (option && !option->value.empty()) {
                if (!hasValue) {
                    if (i + 1 >= argc) {
                        a.error = "option " + name + " needs a value";
                        return a;
                    }
                    value = argv[++i];
                }
                a.options.emplace_back(name, value);
            } else if (option && !hasValue) {
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

enum class Positionals
{
    None,
    Allowed,
};

// What every command does first with its arguments: a usage error, or the help, ends the
// run (the exit status is returned); otherwise nullopt and the command goes on.
std::optional<int> finishEarly(const Args &args, const Command &command, Positionals positionals)
{
    if (!args.error.empty())
        return usageError(command, args.error);
    if (args.help) {
        std::cout << commandHelp(*args.command);
        return 0;
    }
    if (positionals == Positionals::None && !args.positional.empty())
        return usageError(command, "unexpected argument \"" + args.positional.front() + "\"");
    return std::nullopt;
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
    const Args args = parseArgs(argc, argv, kImport);
    if (const auto done = finishEarly(args, kImport, Positionals::Allowed))
        return *done;
    const auto db = args.option("--db");
    if (!db || db->empty())
        return usageError(kImport, "--db FILE is required");
    if (args.positional.empty())
        return usageError(kImport, "give at least one file or directory to import");
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
            return usageError(kImport, "--only takes scans, inventory or feeds");
    }
    if (const auto t = args.option("--snapshot-time")) {
        const auto parsed = patchwise::parseTimestamp(*t);
        if (!parsed)
            return usageError(kImport,
                              "--snapshot-time \"" + *t +
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

// Opens, loads and scores the workspace of --db at --now under --policy (the default
// policy for a command without --policy); prints the error and returns nullptr on failure
// (exit code in `status`).
std::unique_ptr<Scored> loadScored(const Args &args, int &status)
{
    const Command &command = *args.command;
    status = 2;
    const auto db = args.option("--db");
    if (!db || db->empty()) {
        usageError(command, "--db FILE is required");
        return nullptr;
    }
    std::int64_t now = std::int64_t(std::time(nullptr));
    if (const auto t = args.option("--now")) {
        const auto parsed = patchwise::parseTimestamp(*t);
        if (!parsed) {
            usageError(command,
                       "--now \"" + *t + "\" is not an ISO 8601 time (e.g. 2026-11-28T12:00:00Z)");
            return nullptr;
        }
        now = *parsed;
    }
    status = 1;
    const std::string policyPath = args.declared("--policy")
                                       ? args.option("--policy").value_or("preset:default")
                                       : std::string("preset:default");
    auto policy = patchwise::risk::loadPolicy(policyPath);
    if (!policy) {
        std::cerr << "patchwise-cli " << command.name << ": " << policy.error() << "\n";
        return nullptr;
    }
    if (!std::filesystem::exists(*db)) {
        std::cerr << "patchwise-cli " << command.name << ": " << *db << ": no such workspace\n";
        return nullptr;
    }
    auto scored = std::make_unique<Scored>();
    scored->workspace = openWorkspace(*db);
    if (!scored->workspace)
        return nullptr;
    auto facts = scored->workspace->loadFacts(now);
    if (!facts) {
        std::cerr << "patchwise-cli " << command.name << ": " << facts.error() << "\n";
        return nullptr;
    }
    scored->facts = std::move(*facts);
    scored->scoring = patchwise::risk::Scoring::compute(scored->facts, *policy);
    status = 0;
    return scored;
}

int runTrends(int argc, char **argv)
{
    const Args args = parseArgs(argc, argv, kTrends);
    if (const auto done = finishEarly(args, kTrends, Positionals::None))
        return *done;
    int status = 0;
    const auto scored = loadScored(args, status);
    if (!scored)
        return status;
    return writeStdout(patchwise::exporting::trendsJson(patchwise::risk::trends(*scored->scoring)))
               ? 0
               : 1;
}

int runImages(int argc, char **argv)
{
    const Args args = parseArgs(argc, argv, kImages);
    if (const auto done = finishEarly(args, kImages, Positionals::None))
        return *done;
    int status = 0;
    const auto scored = loadScored(args, status);
    if (!scored)
        return status;
    return writeStdout(patchwise::exporting::imagesJson(*scored->scoring)) ? 0 : 1;
}

int runMatrix(int argc, char **argv)
{
    const Args args = parseArgs(argc, argv, kMatrix);
    if (const auto done = finishEarly(args, kMatrix, Positionals::None))
        return *done;
    const auto vendor = args.option("--vendor");
    if (!vendor || vendor->empty())
        return usageError(kMatrix, "--vendor SOURCE is required (e.g. redhat, debian, ubuntu)");
    int status = 0;
    const auto scored = loadScored(args, status);
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
    const Args args = parseArgs(argc, argv, kLayers);
    if (const auto done = finishEarly(args, kLayers, Positionals::None))
        return *done;
    const auto reference = args.option("--image");
    if (!reference || reference->empty())
        return usageError(kLayers, "--image REF is required");
    int status = 0;
    const auto scored = loadScored(args, status);
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
    const Args args = parseArgs(argc, argv, kPlan);
    if (const auto done = finishEarly(args, kPlan, Positionals::None))
        return *done;
    const std::string format = args.option("--format").value_or("json");
    if (format != "json" && format != "csv" && format != "pdf")
        return usageError(kPlan, "--format must be json, csv or pdf");
    const std::string rows = args.option("--rows").value_or("actions");
    if (rows != "actions" && rows != "findings")
        return usageError(kPlan, "--rows must be actions or findings");
    if (args.option("--rows") && format != "csv")
        return usageError(kPlan, "--rows applies to --format csv");
    const auto out = args.option("--out");
    if (format == "pdf" && (!out || out->empty()))
        return usageError(kPlan, "--format pdf needs --out FILE");
    patchwise::report::PlanReportOptions pdfOptions;
    for (const auto &[name, field] :
         {std::pair{"--listed", &pdfOptions.listedActions},
          std::pair{"--detailed", &pdfOptions.detailedActions},
          std::pair{"--findings-per-action", &pdfOptions.findingsPerAction}}) {
        const auto value = countOption(args, name);
        if (value && format != "pdf")
            return usageError(kPlan, std::string(name) + " applies to --format pdf");
        if (value && *value < 0)
            return usageError(kPlan, std::string(name) + " needs a number from 0 to 1000000");
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
            return usageError(
                kPlan, "--simulate takes action ranks like 1,3,5-7, not \"" + *simulate + "\"");
        if (format != "json")
            return usageError(kPlan, "--simulate prints JSON only");
    }
    int status = 0;
    const auto scored = loadScored(args, status);
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
    const Args args = parseArgs(argc, argv, kDecide);
    if (const auto done = finishEarly(args, kDecide, Positionals::None))
        return *done;
    const std::string filterText = args.option("--filter").value_or("");
    if (filterText.empty())
        return usageError(kDecide, "--filter EXPR is required (which findings the decision is on)");
    auto filter = patchwise::risk::Filter::parse(filterText);
    if (!filter)
        return expressionError("decide: --filter", filterText, filter.error());
    const auto state = patchwise::model::triageStateFromName(args.option("--state").value_or(""));
    if (!state)
        return usageError(kDecide,
                          "--state must be new, in-triage, exploitable, risk-accepted, "
                          "false-positive, not-affected or fixed");
    const auto scope = patchwise::model::decisionScopeFromName(args.option("--scope").value_or(""));
    if (!scope)
        return usageError(kDecide, "--scope must be digest, repository or fleet");
    std::int64_t until = 0;
    if (const auto u = args.option("--until")) {
        const auto parsed = patchwise::parseTimestamp(u->size() == 10 ? *u + "T00:00:00Z" : *u);
        if (!parsed)
            return usageError(kDecide, "--until \"" + *u + "\" is not a date (2026-12-31)");
        until = *parsed;
    }
    if (*state == patchwise::model::TriageState::RiskAccepted && until == 0)
        return usageError(kDecide, "risk-accepted needs --until DATE (acceptances expire)");
    if (*state != patchwise::model::TriageState::RiskAccepted && until != 0)
        return usageError(kDecide, "--until applies to risk-accepted only");
    const std::string justification = args.option("--justification").value_or("");
    if (*state == patchwise::model::TriageState::NotAffected &&
        !patchwise::model::isVexJustification(justification))
        return usageError(kDecide,
                          "not-affected needs --justification (a CycloneDX or OpenVEX "
                          "justification, e.g. code_not_reachable)");
    const std::string reason = args.option("--reason").value_or("");
    if (reason.empty())
        return usageError(kDecide, "--reason TEXT is required (why; it is kept in the history)");
    int status = 0;
    const auto scored = loadScored(args, status);
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
    const Args args = parseArgs(argc, argv, kVexImport);
    if (const auto done = finishEarly(args, kVexImport, Positionals::Allowed))
        return *done;
    if (args.positional.empty())
        return usageError(kVexImport, "name at least one VEX FILE (OpenVEX or CycloneDX VEX)");
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
    const auto scored = loadScored(args, status);
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
    const Args args = parseArgs(argc, argv, kVexExport);
    if (const auto done = finishEarly(args, kVexExport, Positionals::None))
        return *done;
    int status = 0;
    const auto scored = loadScored(args, status);
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
        std::cout << commandHelp(kVex);
        return 0;
    }
    // The subcommand's own arguments follow it.
    if (sub == "import")
        return runVexImport(argc - 1, argv + 1);
    if (sub == "export")
        return runVexExport(argc - 1, argv + 1);
    if (sub.empty())
        return usageError(kVex, "expected \"vex import\" or \"vex export\"");
    if (sub.starts_with('-'))
        return usageError(kVex, "unknown option \"" + std::string(sub) + "\"");
    return usageError(kVex,
                      "unknown subcommand \"" + std::string(sub) +
                          "\" (expected \"vex import\" or \"vex export\")");
}

// Every decision with what it covers now (the findings it decides: the most specific
// decision wins) and, with --history, its changes.
int runDecisions(int argc, char **argv)
{
    const Args args = parseArgs(argc, argv, kDecisions);
    if (const auto done = finishEarly(args, kDecisions, Positionals::None))
        return *done;
    int status = 0;
    const auto scored = loadScored(args, status);
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
    const Args args = parseArgs(argc, argv, kBase);
    if (const auto done = finishEarly(args, kBase, Positionals::None))
        return *done;
    const auto db = args.option("--db");
    const auto reference = args.option("--image");
    if (!db || db->empty() || !reference || reference->empty())
        return usageError(kBase, "--db FILE and --image REF are required");
    const auto set = args.option("--set");
    int layers = -1;
    if (const auto l = args.option("--layers")) {
        char *end = nullptr;
        const long v = std::strtol(l->c_str(), &end, 10);
        if (l->empty() || *end != '\0' || v < 1 || v > 100000)
            return usageError(kBase, "--layers needs a positive number of layers");
        layers = int(v);
    }
    if (args.flag("--clear") && (set || layers >= 0))
        return usageError(kBase, "--clear cannot be combined with --set or --layers");
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
    const Args args = parseArgs(argc, argv, kPolicy);
    if (const auto done = finishEarly(args, kPolicy, Positionals::None))
        return *done;
    auto policy = patchwise::risk::loadPolicy(args.option("--policy").value_or("preset:default"));
    if (!policy) {
        std::cerr << "patchwise-cli policy: " << policy.error() << "\n";
        return 1;
    }
    return writeStdout(patchwise::risk::policyToJson(*policy)) ? 0 : 1;
}

int runFindings(int argc, char **argv)
{
    const Args args = parseArgs(argc, argv, kFindings);
    if (const auto done = finishEarly(args, kFindings, Positionals::None))
        return *done;
    const auto db = args.option("--db");
    if (!db || db->empty())
        return usageError(kFindings, "--db FILE is required");
    int limit = -1;
    if (const auto l = args.option("--limit")) {
        char *end = nullptr;
        const long v = std::strtol(l->c_str(), &end, 10);
        if (l->empty() || *end != '\0' || v < 0)
            return usageError(kFindings, "--limit needs a non-negative number");
        limit = int(std::min<long>(v, INT32_MAX));
    }
    const std::string format = args.option("--format").value_or("json");
    if (format != "json" && format != "csv")
        return usageError(kFindings, "--format must be json or csv");
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
    const auto scored = loadScored(args, status);
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

// `patchwise-cli help [COMMAND]`: the overview, or the command's help ("help vex import"
// names a subcommand).
int runHelp(int argc, char **argv)
{
    std::string name;
    for (int i = 2; i < argc; ++i)
        name += (name.empty() ? "" : " ") + std::string(argv[i]);
    if (name.empty()) {
        std::cout << overviewHelp();
        return 0;
    }
    if (name == kVex.name) {
        std::cout << commandHelp(kVex);
        return 0;
    }
    for (const Command *c : kCommands) {
        if (c->name == name) {
            std::cout << commandHelp(*c);
            return 0;
        }
    }
    return globalUsageError("help: unknown command \"" + name + "\"");
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2)
        return globalUsageError("no command given");
    const std::string_view command = argv[1];
    if (command == "-h" || command == "--help") {
        std::cout << overviewHelp();
        return 0;
    }
    if (command == "help")
        return runHelp(argc, argv);
    if (command == "--version" || command == "-V") {
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
    return globalUsageError("unknown command \"" + std::string(command) + "\"");
}
