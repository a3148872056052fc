// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "severity.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

// Normalised facts produced by the readers in core/ingest and stored by core/store. Plain
// values: no Qt, no behaviour. Timestamps are Unix seconds (UTC); 0 means unknown.
namespace patchwise::model {

struct Layer
{
    std::string diffId;     // sha256:… of the uncompressed tar (the join key across scanners)
    std::string blobDigest; // compressed blob digest when the scanner knew it
    std::int64_t size = -1; // bytes, -1 when unknown
    std::string createdBy;  // the history line that created this layer
};

struct Image
{
    std::string configDigest;             // "image ID", sha256:…; may be empty (weak identity)
    std::vector<std::string> repoDigests; // repo@sha256:…
    std::vector<std::string> tags;        // repo:tag
    std::string name;                     // the name a person knows (tag, reference, user input)
    std::string osFamily;
    std::string osVersion;
    bool osEndOfLife = false;
    std::string architecture;
    std::string user; // config User; "" means root
    std::vector<std::string> exposedPorts;
    std::vector<std::pair<std::string, std::string>> labels;
    std::vector<Layer> layers; // bottom to top
    std::int64_t created = 0;
};

struct SeverityRating
{
    std::string source; // "nvd", "redhat", "debian", "grype", "trivy", …
    Severity severity = Severity::Unknown;
    std::string word; // the source's own word ("Important", "3", "Negligible")
    // The scanner's own pick for this finding (Trivy Severity, Grype's match severity).
    // Other ratings are a source's rating of the vulnerability and are stored once per
    // vulnerability.
    bool scannerPick = false;
};

struct CvssRecord
{
    std::string source;  // "nvd", "redhat", "nvd@nist.gov", …
    std::string version; // "2.0", "3.0", "3.1", "4.0"
    std::string vector;
    std::int16_t baseTenths = -1; // as the report states it, -1 when absent
};

struct Finding
{
    std::string vulnerabilityId;
    std::vector<std::string> aliases;
    std::string packageName;
    std::string packageVersion;
    std::string packageType; // deb, rpm, apk, jar, npm, …
    std::string purl;
    std::string packagePath; // file inside the image (language packages)
    std::vector<std::string> fixedVersions;
    FixState fixState = FixState::Unknown;
    std::string fixStateWord; // the scanner's own word
    std::vector<SeverityRating> severities;
    std::vector<CvssRecord> cvss;
    std::string layerDiffId;
    std::string title;
    std::string description;
    std::vector<std::string> urls;
    std::vector<std::string> cwes;
    std::int64_t published = 0;
    std::int64_t lastModified = 0;
    bool suppressed = false;
    // Threat data a scanner embedded (Grype ≥ 0.8x); feeds imported separately win.
    std::optional<double> epss;
    bool knownExploited = false;
};

// One scanner's report about one image.
struct Scan
{
    std::string scanner; // "trivy", "grype", …
    std::string scannerVersion;
    std::int64_t scannedAt = 0; // the report's own time, 0 when it has none
    Image image;
    std::vector<Finding> findings;
};

// CISA Known Exploited Vulnerabilities catalog entry.
struct KevEntry
{
    std::string cve;
    std::string vendorProject;
    std::string product;
    std::string name;
    std::int64_t dateAdded = 0;
    std::int64_t dueDate = 0;
    bool ransomware = false; // knownRansomwareCampaignUse == "Known"
    std::string requiredAction;
};

// FIRST EPSS score of one CVE on one day.
struct EpssEntry
{
    std::string cve;
    double probability = 0; // 0..1
    double percentile = 0;  // 0..1
};

} // namespace patchwise::model
