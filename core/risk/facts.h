// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cvss/cvssvector.h"
#include "model/severity.h"

#include <cstdint>
#include <string>
#include <vector>

// The in-memory, column-oriented projection of a workspace that the risk engine scores:
// facts only, no policy. Loaded once by store::Workspace::loadFacts(); rescoring under a
// changed policy never touches the database. Plain data; indices are positions in the
// vectors below.
namespace patchwise::risk {

enum class Tri : std::uint8_t
{
    Unknown,
    No,
    Yes,
};

struct ImageFacts
{
    std::int64_t id = 0; // workspace image id
    std::string name;
    std::string digest;                    // config digest, may be empty
    std::vector<std::string> repositories; // normalised, without tag: "docker.io/library/nginx"
    std::vector<std::string> namespaces;   // where it runs (Kubernetes), sorted
    bool runsOutsideNamespaces = false;    // a running container has no namespace (docker)
    std::uint16_t vendorSource = 0;        // Facts::sources index of the OS vendor (0 = none)

    // Runtime context, from the current inventory.
    int runningContainers = 0;
    int probableContainers = 0; // of those, joined by tag only
    bool internetExposed = false;
    std::vector<std::string> exposureReasons; // "Service shop/web is a LoadBalancer (1.2.3.4)"
    bool privileged = false;                  // a running container is privileged
    bool hostNamespace = false;               // … or shares the host's network or PID namespace
    // Yes when any running container runs as root; for an image that does not run, its
    // configured user ("" = root).
    Tri runsAsRoot = Tri::Unknown;
    Tri shell = Tri::Unknown;      // a shell package is present; No only with a full package list
    std::int64_t runningSince = 0; // earliest start of a running container (0 = unknown)
};

struct RatingFact
{
    std::uint16_t source; // Facts::sources index
    model::Severity severity;
};

struct CvssFact
{
    std::uint16_t source;
    cvss::Vector vector;
    std::int16_t baseTenths;  // as computed from the vector
    std::uint32_t vectorText; // Facts::strings index of the vector as stored
};

struct VulnFacts
{
    std::string id;
    std::vector<RatingFact> ratings;
    std::vector<CvssFact> cvss; // valid vectors only
    bool kev = false;
    bool ransomware = false;
    std::int64_t kevDueDate = 0;
    float epss = -1; // probability; -1 unknown
    std::int64_t published = 0;
};

// A distinct (vulnerability, vendor source, scanner pick) combination: everything the
// severity and CVSS choice depend on. Findings point at one.
struct RatingContext
{
    std::uint32_t vuln;
    std::uint16_t vendorSource;  // 0 = none
    model::Severity scannerPick; // Unknown when no scanner picked
    std::uint16_t scanner = 0;   // Facts::sources index of the scanner that picked ("trivy")
};

struct Facts
{
    std::int64_t now = 0; // the analysis time (Unix seconds)

    // Normalised source names; index 0 is "" (none). Lower case, with aliases folded
    // ("github" → "ghsa", "nvd:cpe" → "nvd").
    std::vector<std::string> sources{std::string()};
    std::vector<std::string> strings{std::string()}; // pool for per-finding text; 0 = ""

    std::vector<ImageFacts> images;
    std::vector<VulnFacts> vulns;
    std::vector<RatingContext> contexts;

    // Finding columns (one entry per finding).
    std::vector<std::int64_t> findingId;
    std::vector<std::uint32_t> image;
    std::vector<std::uint32_t> vuln;
    std::vector<std::uint32_t> context;
    std::vector<std::uint32_t> package;       // strings index
    std::vector<std::uint32_t> version;       // strings index
    std::vector<std::uint32_t> packageType;   // strings index
    std::vector<std::uint32_t> fixedVersions; // strings index, space separated
    std::vector<std::int16_t> layerIndex;     // position in the image's layers, -1 unknown
    std::vector<std::uint8_t> fixState;       // model::FixState
    std::vector<std::uint8_t> flags;          // FindingFlag bits
    // The analyst's decision (model::TriageState), | TriageExpired when an accepted risk
    // has expired (then it no longer suppresses). Empty = every finding is new.
    std::vector<std::uint8_t> triage;
    std::vector<std::int64_t> firstSeen;
    std::vector<std::int64_t> resolvedAt; // 0 = open

    std::size_t size() const { return findingId.size(); }
    std::uint16_t sourceIndex(std::string_view normalisedName); // adds when missing
    std::uint32_t intern(std::string_view text);                // adds to `strings`
};

inline constexpr std::uint8_t TriageExpired = 0x80;

enum FindingFlag : std::uint8_t
{
    Fixable = 1,    // a fixed version exists
    Suppressed = 2, // the scanner marked it ignored, or a decision took it out of the ranking
    Resolved = 4,   // no longer reported by the latest scan of its image
    LanguagePackage = 8,
};

// Folds a source name to its canonical lower-case form: "GITHUB", "github:language:java"
// → "ghsa"; "NVD", "nvd:cpe", "nvd@nist.gov" → "nvd"; "oracle-oval", "oracle:distro:…"
// → "oracle"; "suse-cvrf", "sles" → "suse"; "cbl-mariner" → "mariner"; "amazonlinux" →
// "amazon"; other namespaced names ("debian:distro:debian:12") → their first part.
std::string normalizedSource(std::string_view source);
// The severity source of an OS family, in normalizedSource() form ("debian" → "debian",
// "rhel"/"centos" → "redhat", "amazonlinux" → "amazon", …); "" when the family has no
// vendor feed.
std::string vendorSourceOf(std::string_view osFamily);
// True for package types of language ecosystems (npm, jar, pip, gobinary, …), whose vendor
// is GHSA rather than the OS.
bool isLanguagePackage(std::string_view packageType);
// True for package names that provide a shell (bash, dash, busybox, ash, zsh, ksh, …).
bool isShellPackage(std::string_view name);
// True when a host port binding ("8080->80/tcp", "0.0.0.0:80->80/tcp",
// "127.0.0.1:80->80/tcp") listens beyond loopback and private addresses.
bool isPublicHostPort(std::string_view binding);

} // namespace patchwise::risk
