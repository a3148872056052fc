// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cvss/cvssvector.h"
#include "model/severity.h"
#include "util/result.h"

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// The analyst's policy: which severity and CVSS sources to trust, how much each risk
// factor weighs, SLA days and environmental CVSS overrides. Scoring is a pure function of
// (facts, policy); see docs/risk.md for the formula. Policies are JSON files; the shipped
// presets live in resources/policy/ and are compiled into the core library.
namespace patchwise::risk {

// The factors of the risk score, in the order the breakdown lists them.
enum class Factor : std::uint8_t
{
    Severity,
    KnownExploited,
    Epss,
    InternetExposure,
    Running,
    Prevalence,
    ExposureTime,
    Privilege,
    Reachability,
};
inline constexpr int FactorCount = static_cast<int>(Factor::Reachability) + 1;
// "severity", "knownExploited", … (the keys of `weights` and of riskFactors).
std::string_view factorName(Factor factor);

enum class SeverityMode : std::uint8_t
{
    VendorFirst, // the OS vendor (or GHSA for language packages), then the scanner, then NVD
    NvdFirst,    // NVD, then the vendor, then the scanner
    Highest,     // the highest rating any source gives
    List,        // `sources` in order
};

// One environmental override: CVSS metrics (CR, IR, AR, MAV, …) applied to the chosen
// vector of every finding in scope. Later entries override earlier ones metric by metric;
// the policy sorts them fleet → namespace → repository so the most specific wins.
struct EnvironmentalOverride
{
    enum class Scope : std::uint8_t
    {
        Fleet,
        Namespace,
        Repository,
    };
    Scope scope = Scope::Fleet;
    std::string value; // namespace name or normalised repository ("docker.io/library/nginx")
    std::vector<std::pair<std::string, std::string>> metrics; // "MAV" → "A", upper case
};

struct Policy
{
    std::string name = "Patchwise default";

    SeverityMode severityMode = SeverityMode::VendorFirst;
    // Severity sources for SeverityMode::List. Besides source names ("nvd", "redhat",
    // "ghsa", …) the pseudo-sources "vendor" (the image's OS vendor, GHSA for language
    // packages) and "scanner" (the scanner's own pick) are allowed.
    std::vector<std::string> severitySources;
    // Share of the CVSS score in the severity factor (the rest is the rating's value).
    double cvssShare = 0.5;
    // Value (0–10) of each rating in the severity factor, indexed by model::Severity
    // (unknown negligible low medium high critical).
    std::array<double, 6> ratingValues{5.0, 1.0, 2.5, 5.5, 8.0, 9.5};

    // CVSS record choice: sources in order ("vendor" allowed, "*" = any other source), then
    // versions in order among the records of the first source that has one.
    std::vector<std::string> cvssSources{"nvd", "vendor", "ghsa", "*"};
    std::vector<cvss::Version> cvssVersions{
        cvss::Version::V4_0, cvss::Version::V3_1, cvss::Version::V3_0, cvss::Version::V2_0};

    // Points each factor adds at its worst (the score's maximum is their sum, at most 10).
    std::array<double, FactorCount> weights{3.5, 1.5, 0.5, 1.25, 0.75, 1.0, 0.5, 0.5, 0.5};

    double prevalenceHalf = 20;      // running containers at which prevalence reaches 0.5
    double exposureHalfDays = 30;    // exposure days at which exposure time reaches 0.5
    double epssProofOfConcept = 0.1; // EPSS at or above which SSVC exploitation is "poc"

    // SLA days by effective severity, indexed by model::Severity (unknown negligible low
    // medium high critical).
    std::array<int, 6> slaDays{120, 120, 120, 90, 30, 7};
    bool slaKevDueDate = false; // a KEV entry's due date caps the SLA due date

    enum class FixAgeFrom : std::uint8_t
    {
        Published, // the vulnerability's publication date, else first seen
        FirstSeen,
    };
    FixAgeFrom fixAgeFrom = FixAgeFrom::Published;

    std::vector<EnvironmentalOverride> environmental;
    // Optional rule (off by default): a vulnerability on an image with no internet-exposed
    // running container is scored with MAV:A (it is reachable only from the cluster
    // network). Applies only to vectors with AV:N.
    bool ruleUnexposedAdjacent = false;

    double weightSum() const;
};

// The shipped presets: "default" and "pci-dss".
std::vector<std::string> presetNames();
Result<Policy> preset(std::string_view name);
Policy defaultPolicy();

// Parses a policy document. Missing keys keep their default values; unknown keys, wrong
// types and out-of-range values are errors naming the JSON path ("weights.kev: unknown
// factor"). `origin` (a file name) prefixes every message.
Result<Policy> parsePolicy(std::string_view json, std::string_view origin = {});
Result<Policy> loadPolicy(const std::string &path); // a file, or "preset:NAME"
std::string policyToJson(const Policy &policy);     // round-trips through parsePolicy

// Applies a metric given by name ("MAV", "A") to a vector when its version has that
// metric and the value is legal there; false (and no change) otherwise.
bool applyMetric(cvss::Vector &vector, std::string_view metric, std::string_view value);

} // namespace patchwise::risk
